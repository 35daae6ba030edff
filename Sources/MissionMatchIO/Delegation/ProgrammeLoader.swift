import Foundation
import MissionMatch

/// A programme with its SMEs and missions read and checked.
public struct LoadedProgramme: Sendable {
    /// The programme file.
    public var file: ProgrammeFile
    /// The SMEs (candidates), in file order.
    public var candidates: [Participant]
    /// The missions, in the programme's order.
    public var missions: [LoadedMission]

    /// The inputs as `DelegationPlanner` takes them.
    public var missionInputs: [DelegationMissionInput] {
        zip(file.missions, missions).map { entry, loaded in
            DelegationMissionInput(mission: loaded.mission, counterparts: loaded.participants.filter { $0.side != loaded.mission.sides.first },
                                   settings: entry.settings)
        }
    }

    /// Every file read, which outputs never replace.
    public var sourceFiles: [URL] {
        [file.url, file.candidatesURL] + missions.flatMap { $0.validated.sourceFiles }
    }
}

/// Reads a programme file, its SMEs file and every mission it names, and
/// reports the problems of all of them together (FileFormats §10).
///
/// ```swift
/// let programme = try ProgrammeLoader(referenceData: reference)
///     .load(contentsOf: URL(fileURLWithPath: "Data/programme/delegations-2019.yaml")).value
/// let result = try DelegationPipeline(reference: reference).run(programme)
/// ```
public struct ProgrammeLoader: Sendable {
    /// The reference data.
    public var referenceData: ReferenceData
    /// Size limits.
    public var limits: ImportLimits

    /// A loader.
    ///
    /// - Parameters:
    ///   - referenceData: The reference data.
    ///   - limits: Size limits.
    public init(referenceData: ReferenceData, limits: ImportLimits = .default) {
        self.referenceData = referenceData
        self.limits = limits
    }

    /// Reads the programme and everything it names.
    ///
    /// - Parameter url: The programme file.
    /// - Returns: The programme with the warnings of all files.
    /// - Throws: ``ImportError`` with the errors of all files; a missing file is reported at the
    ///   programme's line naming it (kind `missing-file`), also when the programme file has errors.
    ///   An SME's `wants_missions` / `refuses_missions` naming no mission of the programme is an error
    ///   at its line and column.
    /// - Complexity: linear in the files' sizes.
    public func load(contentsOf url: URL) throws(ImportError) -> Imported<LoadedProgramme> {
        let read = ProgrammeReader(limits: limits).readNamingFiles(contentsOf: url)
        var diagnostics = read.diagnostics
        func missing(_ target: URL, path: String, key: String, line: Int?) -> Bool {
            guard !FileManager.default.fileExists(atPath: target.path) else { return false }
            diagnostics.append(Diagnostic(kind: .missingFile, file: read.displayName, line: line, field: key, fieldKind: .key,
                                          message: "'\(path)' does not exist (looked for \(target.path))",
                                          hint: "check the path; it is relative to the programme file"))
            return true
        }
        guard let programme = read.file else {
            // The programme file has errors: report the files it names that are missing too, all at once.
            for file in read.named { _ = missing(file.url, path: file.path, key: file.key, line: file.line) }
            throw ImportError(diagnostics: diagnostics)
        }
        var candidates: [Participant] = []
        if !missing(programme.candidatesURL, path: programme.candidatesURL.lastPathComponent, key: "candidates", line: programme.candidatesLine) {
            do {
                let read = try ParticipantReader(referenceData: referenceData, limits: limits).read(contentsOf: programme.candidatesURL)
                candidates = read.value
                diagnostics.append(contentsOf: read.diagnostics)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        let ids = Set(candidates.map(\.id))
        var missions: [LoadedMission] = []
        var missionIDs: [String: Int?] = [:]
        for entry in programme.missions where !missing(entry.missionURL, path: entry.missionPath, key: "mission", line: entry.line) {
            do {
                let loaded = try MissionLoader(referenceData: referenceData, limits: limits).load(contentsOf: entry.missionURL)
                diagnostics.append(contentsOf: loaded.diagnostics)
                let mission = loaded.value.mission
                if mission.pairing != .bipartite || mission.sides.count != 2 {
                    diagnostics.append(Diagnostic(file: programme.displayName, line: entry.line, field: "mission", fieldKind: .key,
                                                  message: "mission '\(mission.id)' is not bipartite",
                                                  hint: "delegations are sent to bipartite missions: the SMEs on the first side, counterparts on the second"))
                }
                if let first = missionIDs[mission.id] {
                    diagnostics.append(Diagnostic(kind: .duplicate, file: programme.displayName, line: entry.line, field: "mission", fieldKind: .key,
                                                  message: "mission '\(mission.id)' is already listed" + (first.map { " on line \($0)" } ?? ""),
                                                  hint: "list each mission once"))
                }
                missionIDs[mission.id] = entry.line
                let clashes = loaded.value.participants.filter { $0.side != mission.sides.first && ids.contains($0.id) }.map(\.id)
                if let clash = clashes.first {
                    diagnostics.append(Diagnostic(kind: .duplicate, file: programme.displayName, line: entry.line, field: "mission", fieldKind: .key,
                                                  message: "'\(clash)' is the id of an SME and of a counterpart of \(mission.id)"
                                                    + (clashes.count > 1 ? " (and \(clashes.count - 1) more)" : ""),
                                                  hint: "give the SMEs ids of their own, e.g. with a prefix"))
                }
                missions.append(loaded.value)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        if missions.count == programme.missions.count {
            checkPreferences(candidates, missionIDs: missions.map(\.mission.id), into: &diagnostics)
        }
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: LoadedProgramme(file: programme, candidates: candidates, missions: missions), diagnostics: diagnostics)
    }

    /// Each SME's `wants_missions` and `refuses_missions` must name missions of the programme.
    ///
    /// - Complexity: linear in the SMEs' preference lists.
    private func checkPreferences(_ candidates: [Participant], missionIDs: [String], into diagnostics: inout Diagnostics) {
        let known = Set(missionIDs)
        let listed = missionIDs.joined(separator: ", ")
        for candidate in candidates {
            for (column, ids) in [("wants_missions", candidate.wantsMissions), ("refuses_missions", candidate.refusesMissions)] {
                for id in ids where !known.contains(id) {
                    diagnostics.append(Diagnostic(file: candidate.source?.file ?? "candidates", line: candidate.source?.line, field: column,
                                                  message: "'\(id)' (SME \(candidate.id)) is not a mission of the programme",
                                                  hint: "use the id: of one of its mission files: \(listed)"))
                }
            }
        }
    }
}
