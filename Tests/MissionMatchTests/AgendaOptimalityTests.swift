import MatchCore
@testable import MissionMatch
import Testing

/// The planner against the exact lexicographic optimum
/// (``AgendaExactReference``) on seeded random small instances of every kind
/// (``AgendaRandomInstance``): never an infeasible agenda, never fewer `must`
/// requests or minimums served than the optimum, the score within 1 % of
/// the optimum's on at least 95 % of them, and every bound at or above the
/// optimum it bounds.
struct AgendaOptimalityTests {
    /// How the planner did on a batch of instances.
    struct Tally: CustomStringConvertible {
        var instances = 0, infeasible = 0, fewerMusts = 0, fewerServed = 0, withinOnePercent = 0, boundsBelow = 0

        var description: String {
            "\(instances) instances: \(infeasible) infeasible, \(fewerMusts) fewer musts, \(fewerServed) fewer minimums served, "
                + "\(withinOnePercent) within 1 % of the optimum's score, \(boundsBelow) bounds below the optimum"
        }
    }

    /// The planner as shipped (with the exhaustive finish of tiny instances) on 520 instances.
    @Test func plannerIsLexicographicallyOptimalOnRandomSmallInstances() {
        let tally = Self.run(rounds: 520, seed: 1414, finishingExactly: true)
        #expect(tally.infeasible == 0, "\(tally)")
        #expect(tally.boundsBelow == 0, "\(tally)")
        #expect(tally.fewerMusts == 0 && tally.fewerServed == 0, "\(tally)")
        #expect(Double(tally.withinOnePercent) >= 0.95 * Double(tally.instances), "\(tally)")
    }

    /// The heuristic alone (no exhaustive finish) on the same kind of
    /// instances: always feasible, and within the priorities and 1 % of the
    /// score on most of them (when written: none with fewer `must`s or
    /// minimums served, 518 of 520 within 1 %).
    @Test func heuristicAloneIsFeasibleAndMostlyOptimal() {
        let tally = Self.run(rounds: 520, seed: 1414, finishingExactly: false)
        #expect(tally.infeasible == 0, "\(tally)")
        #expect(tally.boundsBelow == 0, "\(tally)")
        #expect(tally.fewerMusts + tally.fewerServed <= 2, "\(tally)")
        #expect(Double(tally.withinOnePercent) >= 0.97 * Double(tally.instances), "\(tally)")
    }

    static func run(rounds: Int, seed: UInt64, finishingExactly: Bool) -> Tally {
        var random = SeededRandomNumberGenerator(seed: seed)
        var tally = Tally()
        for round in 0..<rounds {
            let instance = AgendaRandomInstance(&random, round: round)
            let planner = AgendaPlanner(options: .init(fixedTableSide: instance.fixedTableSide))
            let plan = planner.plan(mission: instance.mission, participants: instance.participants, requests: instance.requests,
                                    candidates: instance.candidates, keeping: [], finishingExactly: finishingExactly)
            let agenda = plan.agenda
            tally.instances += 1
            let problems = AgendaFeasibilityChecker.violations(
                agenda, mission: instance.mission, participants: instance.participants, requests: instance.requests,
                candidates: instance.candidates, fixedTableSide: instance.fixedTableSide)
            if !problems.isEmpty {
                tally.infeasible += 1
                Issue.record("round \(round): \(problems)")
                continue
            }
            let best = AgendaExactReference.optimum(mission: instance.mission, participants: instance.participants,
                                                    requests: instance.requests, candidates: instance.candidates,
                                                    fixedTableSide: instance.fixedTableSide)
            let got = AgendaExactReference.value(agenda, mission: instance.mission, participants: instance.participants,
                                                 requests: instance.requests)
            if got.beats(best) { Issue.record("round \(round): the planner \(got) beats the reference \(best)") }
            if got.musts < best.musts { tally.fewerMusts += 1 }
            else if got.musts == best.musts && got.served < best.served { tally.fewerServed += 1 }
            if got.musts == best.musts && got.served == best.served && got.score >= 0.99 * best.score - 1e-9 {
                tally.withinOnePercent += 1
            }
            if !Self.boundsHold(agenda.stats, optimum: best, planned: got) {
                tally.boundsBelow += 1
                Issue.record("round \(round): a bound is below the optimum \(best): \(agenda.stats)")
            }
        }
        print("AgendaOptimalityTests (\(finishingExactly ? "with" : "without") the exhaustive finish): \(tally)")
        return tally
    }

    /// Every bound of the statistics at or above what it bounds: the score
    /// bound above any agenda's score, the `must` and minimum bounds above the
    /// optimum's, and the score bound given the planned priorities above the
    /// optimum's score whenever the plan reached the optimum's priorities.
    static func boundsHold(_ stats: AgendaStats, optimum: AgendaExactReference.Value, planned: AgendaExactReference.Value) -> Bool {
        guard stats.upperBound >= optimum.score - 1e-9 else { return false }
        guard let levels = stats.priorities else { return false }
        guard levels.mustRequestsBound >= optimum.musts, levels.minMeetingsServedBound >= optimum.served else { return false }
        guard levels.mustRequestsMet == planned.musts, levels.minMeetingsServed == planned.served else { return false }
        if planned.musts == optimum.musts && planned.served == optimum.served {
            return levels.scoreBound >= optimum.score - 1e-6 && levels.scoreBound <= stats.upperBound + 1e-9
        }
        return true
    }
}
