import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// One mission of `run`, start to finish: rank → plan → render → write.
///
/// Calls only the libraries: `MatchingEngine` (recommendations and the
/// planner's candidates), `AgendaPlanner`, the writers of `MissionMatchIO` and
/// `MissionExport`, which writes every file through `OutputFile`.
struct MissionRunner: Sendable {
    /// The planner's candidates per participant, as `schedule` uses by default.
    static let candidatesPerParticipant = 30

    /// Countries, sectors, thesaurus.
    var reference: ReferenceData
    /// The run's output folder; each mission writes into `out/<mission-id>/`.
    var out: URL
    /// Messages for every `summary.md` (e.g. a slow BLAS).
    var warnings: [String]
    /// The writer, protecting every input of the run.
    var output: OutputFile
    /// The progress line.
    var progress: ProgressDisplay
    /// Where each mission's sentence-encoder vectors come from.
    var semantic: SemanticSource

    /// Runs one mission.
    ///
    /// - Parameters:
    ///   - loaded: The validated mission.
    ///   - earlier: Meetings of an earlier agenda to keep (`--keep-from`), or empty.
    ///   - position: The mission's position in the run, from 1 (for the progress line).
    ///   - count: Missions in the run.
    /// - Returns: The mission's report.
    /// - Throws: `SysExits.cannotCreate` (73) when a file cannot be written,
    ///   `RunExit.software` (70) when the linear algebra fails; the reason is printed first.
    func run(_ loaded: LoadedMission, keeping earlier: [KeptMeeting], position: Int, of count: Int) throws -> MissionRunReport {
        let mission = loaded.mission
        progress.show(.encoding, mission: mission.id, position: position, of: count)
        let vectors = try semantic.vectors(for: loaded)
        let ranking: MissionRanking
        do {
            ranking = try MatchingEngine(reference: reference)
                .rank(mission: mission, participants: loaded.participants, requests: loaded.requests, semantic: vectors)
        } catch {
            progress.finish()
            StandardError.write(["missionmatch: \(mission.id): scoring failed: \(error) (please report this with the input files)"])
            throw RunExit.software
        }

        progress.show(.planning, mission: mission.id, position: position, of: count)
        let planner = AgendaPlanner(options: .init(generator: "missionmatch \(MissionMatchVersion.string)"))
        let plan = planner.plan(
            mission: mission, participants: loaded.participants, requests: loaded.requests,
            candidates: ranking.agendaCandidates(limit: Self.candidatesPerParticipant), keeping: earlier)

        progress.show(.writing, mission: mission.id, position: position, of: count)
        let folder = out.appendingPathComponent(mission.id)
        let tables = [
            ExportedFile(relativePath: "recommendations.csv",
                         contents: Data(RecommendationsCSVWriter.csv(for: ranking.recommendations).utf8)),
            ExportedFile(relativePath: "agenda.csv", contents: Data(AgendaCSVWriter().csv(for: plan.agenda).utf8)),
            ExportedFile(relativePath: "agenda.json",
                         contents: Data(AgendaJSONWriter().json(for: plan.agenda, findings: plan.findings).utf8)),
        ]
        let written: [URL]
        do {
            written = try MissionExport.write(
                agenda: plan.agenda, mission: mission, participants: loaded.participants, warnings: warnings,
                previous: Self.previousAgenda(earlier, mission: mission), extraFiles: tables,
                to: folder, output: Self.writer(output, for: folder))
        } catch {
            progress.finish()
            StandardError.write(["missionmatch: \(error)"])
            throw SysExits.cannotCreate
        }
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let files = written.map { url in
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent
        }
        return MissionRunReport(loaded: loaded, ranking: ranking, plan: plan, folder: folder, files: files)
    }

    /// The writer for one mission's folder, protecting only the inputs that lie inside it.
    ///
    /// Equivalent to protecting every input: `MissionExport` refuses any
    /// destination that resolves outside `folder`, so only an input inside it
    /// could be overwritten. It saves resolving every input's path (a `stat`
    /// per path component) for each of the ~570 files of the bundled missions.
    static func writer(_ output: OutputFile, for folder: URL) -> OutputFile {
        func resolved(_ url: URL) -> String { url.standardizedFileURL.resolvingSymlinksInPath().path }
        let base = resolved(folder)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return OutputFile(protectedInputs: output.protectedInputs.filter { resolved($0).hasPrefix(prefix) })
    }

    /// The agenda sent before, as the calendars need it (for `SEQUENCE` and
    /// the former time of a cancelled meeting): the kept meetings placed on
    /// the mission's slots by date and start. A meeting whose slot no longer
    /// exists is left out (its cancellation is then sent at the first slot).
    ///
    /// - Returns: `nil` without earlier meetings.
    static func previousAgenda(_ earlier: [KeptMeeting], mission: Mission) -> Agenda? {
        guard !earlier.isEmpty else { return nil }
        let slots = mission.slots
        var index: [TimeRange: Int] = [:]
        for slot in slots { index[TimeRange(date: slot.date, start: slot.start, end: slot.start)] = slot.index }
        let meetings = earlier.compactMap { kept -> ScheduledMeeting? in
            guard let slot = index[TimeRange(date: kept.date, start: kept.start, end: kept.start)] else { return nil }
            var meeting = kept.meeting
            meeting.slot = slot
            return meeting
        }
        let stats = AgendaStats(meetings: meetings.count, totalScore: 0, upperBound: 0, gap: 0, participantsWithMeetings: 0,
                                participants: 0, meetingsPerParticipant: .init(of: []), unmetMinMeetings: [], unmetMustRequests: [])
        return Agenda(mission: mission.id, generator: "", slots: slots, meetings: meetings, participants: [], stats: stats)
    }
}

/// Exit codes `run` adds to ``SysExits``.
enum RunExit {
    /// 70 `EX_SOFTWARE`: an internal failure (LAPACK refused finite input).
    static let software = ExitCode(70)
}
