import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// One mission of `run`: ``MissionPipeline`` (rank → plan → render), then
/// writing its files, with the progress line and exit codes around it.
struct MissionRunner: Sendable {
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
    ///   - earlier: The agenda of an earlier run to keep (`--keep-from`), or `nil`.
    ///   - history: The meetings of the missions planned before this one; this mission's agenda and
    ///     outcomes (when they fit it) are added to it.
    ///   - position: The mission's position in the run, from 1 (for the progress line).
    ///   - count: Missions in the run.
    ///   - given: The mission's index in the order the missions were given (its `--vectors` file).
    /// - Returns: The mission's report.
    /// - Throws: `SysExits.cannotCreate` (73) when a file cannot be written,
    ///   `RunExit.software` (70) when the linear algebra fails; the reason is printed first.
    func run(_ loaded: LoadedMission, replanning earlier: Agenda?, history: inout MeetingHistory,
             position: Int, of count: Int, given: Int) throws -> MissionRunReport {
        let mission = loaded.mission
        progress.show(.encoding, mission: mission.id, position: position, of: count)
        let encoding: ParticipantEncoding
        do {
            encoding = try semantic.encoding(
                for: loaded, engine: MatchingEngine(reference: reference),  // the pipeline's encoder options: the defaults
                position: given)
        } catch let exit as ExitCode {
            throw exit  // the reason is printed
        } catch {
            progress.finish()
            StandardError.write(["missionmatch: \(mission.id): scoring failed: \(error) (please report this with the input files)"])
            throw RunExit.software
        }
        let pipeline = MissionPipeline(reference: reference, options: .init(
            planner: .init(generator: "missionmatch \(MissionMatchVersion.string)"), warnings: warnings))
        progress.show(.rankingAndPlanning, mission: mission.id, position: position, of: count)
        let result: MissionResult
        do {
            let outcomes = loaded.file.outcomesURL.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
            if let named = loaded.file.outcomesURL, outcomes == nil {
                StandardError.write(["warning: \(mission.id): the outcomes file \(named.relativePath) does not exist; "
                                     + "summary.md shows the plan only"])
            }
            result = try pipeline.run(loaded.validated, encoding: encoding, replanning: earlier, outcomes: outcomes,
                                      history: history)
        } catch {
            progress.finish()
            StandardError.write(["missionmatch: \(mission.id): \(error)"])
            throw RunExit.software
        }

        switch result.outcomes {
        case .success(let read): StandardError.write(read.diagnostics.warningLines)
        case .failure(let error):
            // Outcomes recorded against an agenda handed out before (planned from other inputs or
            // another encoder) do not fit this one: one line, since `outcomes report` checks them in full.
            let problems = error.diagnostics.errorLines
            StandardError.write(["note: \(mission.id): summary.md shows the plan only: the outcomes do not fit this agenda "
                                 + "(\(problems.count) problem\(problems.count == 1 ? "" : "s"), e.g. \(problems.first ?? "?")); "
                                 + "`missionmatch outcomes report --run DIR` reads them against the agenda handed out"])
        case nil: break
        }
        history.record(mission: mission, participants: loaded.participants, agenda: result.plan.agenda,
                       outcomes: (try? result.outcomes?.get().value) ?? [])
        progress.show(.writing, mission: mission.id, position: position, of: count)
        let folder = out.appendingPathComponent(mission.id)
        let written: [URL]
        do {
            written = try result.write(to: folder, protecting: output.protectedInputs)
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
        return MissionRunReport(loaded: loaded, ranking: result.ranking, plan: result.plan, folder: folder, files: files)
    }
}

/// Exit codes `run` adds to ``SysExits``.
enum RunExit {
    /// 70 `EX_SOFTWARE`: an internal failure (LAPACK refused finite input).
    static let software = ExitCode(70)
}
