import Foundation
import MissionMatch
import MissionMatchIO

/// Everything a `run` reads, read and validated before any work starts.
///
/// Every error of every mission file (and of the participants and requests
/// files they name) is printed before the run gives up, so an organiser fixes
/// all of them in one pass.
struct RunInputs: Sendable {
    /// Countries, sectors, thesaurus and programme.
    var reference: ReferenceData
    /// The missions, in the order given (or sorted by file name).
    var missions: [LoadedMission]

    /// The file extensions of mission files found in `DATA/missions/`.
    static let missionExtensions: Set<String> = ["yaml", "yml", "json"]

    /// Reads the reference data and every mission.
    ///
    /// - Parameters:
    ///   - paths: Mission files; empty for every mission file under the data folder's `missions/`.
    ///   - data: The `--data` folder, if given.
    /// - Returns: The inputs, all valid.
    /// - Throws: `SysExits.noInput` (66) when a file is missing, else
    ///   `SysExits.dataError` (65), after printing every error to standard error.
    static func load(paths: [String], data: String?, columns: ColumnMapping? = nil) throws -> RunInputs {
        let folder = try CommandInputs.dataFolder(data)
        let reference = try CommandInputs.reference(in: folder)
        let files: [(URL, String)]
        if !paths.isEmpty {
            files = paths.map { (URL(fileURLWithPath: $0), $0) }
        } else if let folder {
            files = try missionFiles(in: folder)
        } else {
            StandardError.write(["no data folder with missions/ found here or above "
                                 + "(give mission files as arguments, or --data DIR with a missions/ folder)"])
            throw SysExits.noInput
        }
        var loader = MissionLoader(referenceData: reference)
        loader.columns = columns
        var missions: [LoadedMission] = []
        var failures = Diagnostics()
        for (url, name) in files {
            do {
                let loaded = try loader.load(contentsOf: url, displayName: name)
                StandardError.write(loaded.diagnostics.warningLines)
                missions.append(loaded.value)
            } catch {
                StandardError.write(error.diagnostics.errorLines)
                failures.append(contentsOf: error.diagnostics)
            }
        }
        for problem in duplicateIDs(missions) {
            StandardError.write([problem.description])
            failures.append(problem)
        }
        if failures.hasErrors { throw SysExits.code(for: failures) }
        return RunInputs(reference: reference, missions: missions)
    }

    /// The mission files of `DATA/missions/`, sorted by name, with the names shown in messages.
    ///
    /// - Throws: `SysExits.noInput` after printing why, when the folder holds none.
    static func missionFiles(in data: URL) throws -> [(URL, String)] {
        let folder = data.appendingPathComponent("missions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let missions = names.filter { !$0.hasPrefix(".") && missionExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .sorted()
        guard !missions.isEmpty else {
            StandardError.write(["\(DisplayPath.of(folder)): no mission files (*.yaml, *.yml, *.json) "
                                 + "(give mission files as arguments, or --data DIR with a missions/ folder)"])
            throw SysExits.noInput
        }
        return missions.map { name in
            let url = folder.appendingPathComponent(name)
            return (url, DisplayPath.of(url))
        }
    }

    /// Two missions with the same id would write the same output folder.
    static func duplicateIDs(_ missions: [LoadedMission]) -> [Diagnostic] {
        var first: [String: String] = [:]
        var problems: [Diagnostic] = []
        for loaded in missions {
            let id = loaded.mission.id, name = loaded.file.displayName
            if let earlier = first[id] {
                problems.append(Diagnostic(
                    kind: .duplicate, file: name, field: "id", fieldKind: .key,
                    message: "'\(id)' is already the id of \(earlier), and both would be written to OUT/\(id)",
                    hint: "give each mission its own id, or run them separately with different --out folders"))
            } else {
                first[id] = name
            }
        }
        return problems
    }

    /// Every file the run reads; outputs must never replace one of them.
    var inputFiles: [URL] {
        missions.flatMap(CommandInputs.inputs(of:))
    }
}

/// Paths as shown to the user: relative to the current folder when inside it.
enum DisplayPath {
    /// The path of `url`, relative to the current folder when it lies inside it.
    static func of(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
