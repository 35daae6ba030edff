import MatchCore
@testable import MissionMatch
import MissionMatchExact
import Testing

/// The exact mode (GLPK, priority by priority) against the independent
/// branch-and-bound reference: two exact methods that must agree on every
/// instance, and a planner that keeps a feasible agenda with the optimum's
/// priorities and score.
struct AgendaExactModeTests {
    @Test func glpkAgreesWithTheExhaustiveReference() {
        var random = SeededRandomNumberGenerator(seed: 1415)
        var proven = 0
        for round in 0..<160 {
            let instance = AgendaRandomInstance(&random, round: round)
            let planner = AgendaPlanner(options: .init(fixedTableSide: instance.fixedTableSide,
                                                       exactSolver: GLPKAgendaSolver(timeLimitSeconds: 20)))
            let plan = planner.plan(mission: instance.mission, participants: instance.participants, requests: instance.requests,
                                    candidates: instance.candidates, keeping: [], finishingExactly: false)
            let problems = AgendaFeasibilityChecker.violations(
                plan.agenda, mission: instance.mission, participants: instance.participants, requests: instance.requests,
                candidates: instance.candidates, fixedTableSide: instance.fixedTableSide)
            #expect(problems.isEmpty, "round \(round): \(problems)")
            let best = AgendaExactReference.optimum(mission: instance.mission, participants: instance.participants,
                                                    requests: instance.requests, candidates: instance.candidates,
                                                    fixedTableSide: instance.fixedTableSide)
            let got = AgendaExactReference.value(plan.agenda, mission: instance.mission, participants: instance.participants,
                                                 requests: instance.requests)
            #expect(got.musts == best.musts && got.served == best.served && abs(got.score - best.score) <= 1e-6,
                    "round \(round): \(got) vs \(best)")
            if plan.findings.contains(where: { $0.description.hasPrefix("exact mode: GLPK proved optimal") }) { proven += 1 }
        }
        #expect(proven == 160)
    }
}
