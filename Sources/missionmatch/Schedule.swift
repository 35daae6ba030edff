import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchExact
import MissionMatchIO

/// `missionmatch schedule MISSION --scores FILE --out DIR`: plans the agenda
/// and writes `agenda.csv` and `agenda.json`.
struct Schedule: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Plan a mission's B2B meetings and write agenda.csv and agenda.json.",
        discussion: """
            Reads the mission, its participants and requests. The candidate pairs \
            are each participant's best 30 partners by the matching engine (as \
            `rank` scores them, reasons included), or exactly the pairs of \
            --scores (a pair-scores file: participant_a,participant_b,score; pairs \
            not listed are not candidates). `must` requests are always \
            candidates, `block`ed pairs never. Plans every meeting at once — availability, representatives, \
            max_meetings, tables — and proves how good the plan is: the upper \
            bound is the best total score any agenda could reach (a maximum-weight \
            b-matching, exact by min-cost flow for bipartite missions), and the \
            gap is 1 − total ÷ bound.

            --keep AGENDA.json keeps the meetings of an earlier agenda at the same \
            slot and table (locked) and plans only the free capacity: late \
            registrations do not reshuffle everyone. Meetings whose participant \
            withdrew or whose pair is now blocked are listed under `cancelled`.

            --exact then solves the agenda as an integer programme with GLPK, \
            priority by priority (must requests, meetings towards minimums, \
            score), within --time-limit seconds; its agenda replaces the \
            heuristic's when it is better (or proven optimal), and a finding says \
            whether it was proven optimal. Meant for small and medium missions.

            Example:

              $ missionmatch schedule Data/missions/shanghai-2019.yaml --out out/shanghai-2019
              shanghai-2019: 380 meetings, total score 251.3, upper bound 253.0 (gap 0.7%)
                participants with meetings: 162 of 162; per participant min 1, median 2, max 8
                unmet: 0 must request(s), 3 participant(s) below min_meetings
                - 20 tables × 19 slots = 380 places for 427 wanted meetings: add 3 tables or lower max_meetings to 7
              wrote out/shanghai-2019/agenda.csv, out/shanghai-2019/agenda.json

            Exit codes: 64 usage, 65 bad data, 66 missing input, 73 cannot write.
            """
    )

    @Argument(help: "The mission file (YAML or JSON).")
    var mission: String

    @Option(name: .long, help: "A pair-scores file (participant_a,participant_b,score) instead of the engine's scores.")
    var scores: String?

    @Option(name: .long, help: "Candidates per participant from the engine's ranking.")
    var candidates: Int = MissionPipeline.Options.defaultCandidatesPerParticipant

    @Option(name: .long, help: "An earlier agenda.json whose meetings stay fixed.")
    var keep: String?

    @Option(name: .long, help: "The output folder for agenda.csv and agenda.json.")
    var out: String

    @Option(name: .long, help: "The data folder holding reference/ and programme/.")
    var data: String?

    @Option(name: .long, help: "A side of a bipartite mission that keeps one table per session (e.g. consortium).")
    var fixedTableSide: String?

    @Flag(name: .long, help: "After the heuristic, solve the agenda exactly with GLPK (priority by priority), within --time-limit.")
    var exact = false

    @Option(name: .long, help: "Seconds the exact mode may take (default 60); at the limit the best agenda found is kept.")
    var timeLimit: Double = 60

    @OptionGroup var semantic: SemanticOptions

    func validate() throws {
        guard candidates >= 1 else { throw ValidationError("--candidates must be at least 1.") }
        guard timeLimit > 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a positive number of seconds.") }
        try semantic.validateOneMission(command: "schedule")
    }

    func run() throws {
        let (loaded, reference) = try loadMission()
        let candidates = try candidates(for: loaded, reference: reference)
        var previous: [KeptMeeting] = []
        if let keep {
            let earlier = try readOrExit { () throws(ImportError) in
                try AgendaReader(mission: loaded.mission).read(contentsOf: URL(fileURLWithPath: keep))
            }
            guard earlier.mission == loaded.mission.id else {
                StandardError.write(["\(keep): the agenda is for mission '\(earlier.mission)', not '\(loaded.mission.id)' "
                                     + "(give the agenda.json of the same mission)"])
                throw SysExits.dataError
            }
            previous = earlier.keptMeetings
        }
        if let side = fixedTableSide, !loaded.mission.sides.contains(Side(rawValue: side.lowercased())) {
            StandardError.write(["--fixed-table-side: '\(side)' is not a side of \(loaded.mission.id) "
                                 + "(sides: \(loaded.mission.sides.map(\.rawValue).joined(separator: ", ")))"])
            throw SysExits.usage
        }
        let planner = AgendaPlanner(options: .init(
            fixedTableSide: fixedTableSide.map { Side(rawValue: $0.lowercased()) },
            generator: "missionmatch \(MissionMatchVersion.string)",
            exactSolver: exact ? GLPKAgendaSolver(timeLimitSeconds: timeLimit) : nil))
        let plan: AgendaPlan
        do {
            plan = try planner.plan(mission: loaded.mission, participants: loaded.participants, requests: loaded.requests,
                                    candidates: candidates, keeping: previous)
        } catch {
            StandardError.write(["missionmatch: \(loaded.mission.id): \(error) (please report this with the input files)"])
            throw RunExit.software
        }
        try write(plan, inputs: inputURLs(loaded))
        StandardOutput.write(ScheduleSummary.text(plan, outputs: [outURL("agenda.csv").path, outURL("agenda.json").path]))
    }

    /// The candidate pairs: the scores file's pairs, or the engine's best candidates.
    func candidates(for loaded: LoadedMission, reference: ReferenceData) throws -> [AgendaCandidate] {
        guard let scores else {
            let engine = MatchingEngine(reference: reference)
            let ranking = try engine.rank(mission: loaded.mission, participants: loaded.participants, requests: loaded.requests,
                                          encoding: try semantic.source().encoding(for: loaded, engine: engine))
            return ranking.agendaCandidates(limit: candidates)
        }
        let read = try readOrExit { () throws(ImportError) in
            try PairScoreReader(participants: loaded.participants, mission: loaded.mission).read(contentsOf: URL(fileURLWithPath: scores))
        }
        return read.map { AgendaCandidate($0) }
    }

    private func loadMission() throws -> (LoadedMission, ReferenceData) {
        let reference = try CommandInputs.reference(data: data)
        return (try CommandInputs.mission(mission, reference: reference), reference)
    }

    /// Runs a reader; prints its warnings, or its errors and exits 65/66.
    private func readOrExit<Value>(_ read: () throws(ImportError) -> Imported<Value>) throws -> Value {
        do {
            let result = try read()
            StandardError.write(result.diagnostics.warningLines)
            return result.value
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
    }

    private func outURL(_ name: String) -> URL { URL(fileURLWithPath: out).appendingPathComponent(name) }

    private func inputURLs(_ loaded: LoadedMission) -> [URL] {
        var urls = [URL(fileURLWithPath: mission), loaded.file.participantsURL]
        if let requests = loaded.file.requestsURL { urls.append(requests) }
        if let scores { urls.append(URL(fileURLWithPath: scores)) }
        if let keep { urls.append(URL(fileURLWithPath: keep)) }
        return urls
    }

    private func write(_ plan: AgendaPlan, inputs: [URL]) throws {
        let writer = OutputFile(protectedInputs: inputs)
        do {
            try writer.write(AgendaCSVWriter().csv(for: plan.agenda), to: outURL("agenda.csv"))
            try writer.write(AgendaJSONWriter().json(for: plan.agenda, findings: plan.findings), to: outURL("agenda.json"))
        } catch {
            StandardError.write([error.description])
            throw SysExits.cannotCreate
        }
    }
}

/// The few lines `schedule` prints: counts, score, bound, gap, what is unmet, findings.
enum ScheduleSummary {
    static func text(_ plan: AgendaPlan, outputs: [String]) -> String {
        let stats = plan.agenda.stats
        let spread = stats.meetingsPerParticipant
        var lines = [
            "\(plan.agenda.mission): \(stats.meetings) meetings, total score \(FixedPoint.format(stats.totalScore, digits: 1)), "
                + "upper bound \(FixedPoint.format(stats.upperBound, digits: 1)) (gap \(FixedPoint.format(stats.gap * 100, digits: 1))%)",
            "  participants with meetings: \(stats.participantsWithMeetings) of \(stats.participants); "
                + "per participant min \(spread.min), median \(spread.median), max \(spread.max)",
            "  unmet: \(stats.unmetMustRequests.count) must request(s), \(stats.unmetMinMeetings.count) participant(s) below min_meetings",
        ]
        if let levels = stats.priorities {
            lines.append("  priorities (planned / bound): must requests \(levels.mustRequestsMet) / \(levels.mustRequestsBound), "
                + "meetings towards minimums \(levels.minMeetingsServed) / \(levels.minMeetingsServedBound), "
                + "score \(FixedPoint.format(stats.totalScore, digits: 1)) / \(FixedPoint.format(levels.scoreBound, digits: 1)) "
                + "(gap \(FixedPoint.format(levels.scoreGap * 100, digits: 1))%)")
        }
        if !plan.agenda.cancelled.isEmpty {
            lines.append("  kept meetings cancelled: \(plan.agenda.cancelled.count)")
        }
        lines += plan.findings.map { "  - " + $0.description }
        lines.append("wrote " + outputs.joined(separator: ", "))
        return lines.joined(separator: "\n") + "\n"
    }
}
