import Foundation
import MissionMatch
import MissionMatchIO

/// The agendas of an earlier `run` (`--keep-from DIR`): `DIR/<mission-id>/agenda.json`.
enum EarlierRun {
    /// The earlier agenda's file of a mission.
    static func agendaURL(in folder: String, mission: String) -> URL {
        URL(fileURLWithPath: folder).appendingPathComponent(mission).appendingPathComponent("agenda.json")
    }

    /// Reads the earlier agenda of every mission, all before any work starts.
    ///
    /// A mission without an earlier agenda (new since that run) is planned
    /// from scratch, with a note on standard error.
    ///
    /// - Parameters:
    ///   - folder: The earlier run's output folder.
    ///   - missions: The missions of this run.
    /// - Returns: The earlier agenda of each mission, `nil` for a mission without one.
    /// - Throws: `SysExits.noInput` when `folder` does not exist, `SysExits.dataError`
    ///   when an agenda has errors or belongs to another mission, after printing every error.
    static func agendas(in folder: String, for missions: [LoadedMission]) throws -> [Agenda?] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            StandardError.write(["\(folder): --keep-from: no such folder (give the --out folder of an earlier run)"])
            throw SysExits.noInput
        }
        var failures = Diagnostics()
        var result: [Agenda?] = []
        for loaded in missions {
            let url = agendaURL(in: folder, mission: loaded.mission.id)
            guard FileManager.default.fileExists(atPath: url.path) else {
                StandardError.write(["note: \(DisplayPath.of(url)) does not exist: \(loaded.mission.id) is planned from scratch"])
                result.append(nil)
                continue
            }
            do {
                let read = try AgendaReader(mission: loaded.mission).read(contentsOf: url, displayName: DisplayPath.of(url))
                StandardError.write(read.diagnostics.warningLines)
                if read.value.mission != loaded.mission.id {
                    let problem = Diagnostic(
                        kind: .invalidValue, file: DisplayPath.of(url), field: "mission", fieldKind: .key,
                        message: "the agenda is for mission '\(read.value.mission)', not '\(loaded.mission.id)'",
                        hint: "give the --out folder of an earlier run of the same missions")
                    StandardError.write([problem.description])
                    failures.append(problem)
                }
                result.append(read.value)
            } catch {
                StandardError.write(error.diagnostics.errorLines)
                failures.append(contentsOf: error.diagnostics)
            }
        }
        if failures.hasErrors { throw SysExits.code(for: failures) }
        return result
    }

    /// The earlier agendas a run reads, protected from being overwritten.
    static func files(in folder: String?, for missions: [LoadedMission]) -> [URL] {
        guard let folder else { return [] }
        return missions.map { agendaURL(in: folder, mission: $0.mission.id) }
    }
}
