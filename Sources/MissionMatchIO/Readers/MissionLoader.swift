import Foundation
import MissionMatch

/// A mission with everything its file names: participants and requests.
public struct LoadedMission: Sendable {
    /// The mission file with its resolved paths.
    public var file: MissionFile
    /// The participants, in file order.
    public var participants: [Participant]
    /// The meeting requests, in file order (empty without a requests file).
    public var requests: [MeetingRequest]
    /// Notes on how the files were read (rows grouped into participants), for a summary.
    public var notes: [String] = []

    /// The mission.
    public var mission: Mission { file.mission }

    /// The mission, participants and requests as ``MissionPipeline`` takes
    /// them, with the three files as the inputs outputs never replace.
    public var validated: ValidatedMission {
        ValidatedMission(mission: mission, participants: participants, requests: requests,
                         sourceFiles: [file.url, file.participantsURL, file.requestsURL, file.outcomesURL].compactMap { $0 })
    }

    /// A loaded mission; only ``MissionLoader`` makes one, after checking every file.
    ///
    /// - Parameters:
    ///   - file: The mission file.
    ///   - participants: The participants.
    ///   - requests: The requests.
    package init(file: MissionFile, participants: [Participant], requests: [MeetingRequest]) {
        self.file = file
        self.participants = participants
        self.requests = requests
    }
}

/// Reads a mission file and the participants and requests files it names,
/// checking each against the others, and reports the problems of all of them
/// together.
///
/// ```swift
/// let loader = MissionLoader(referenceData: reference)
/// let loaded = try loader.load(contentsOf: URL(fileURLWithPath: "Data/missions/toronto-2019.yaml"))
/// print(loaded.value.participants.count, loaded.warnings.count)
/// ```
public struct MissionLoader: Sendable {
    /// The reference data.
    public var referenceData: ReferenceData
    /// Size limits for each file.
    public var limits: ImportLimits
    /// A column mapping that replaces the mission file's `columns:` block (a
    /// mapping file given on the command line); `nil` uses the mission's.
    public var columns: ColumnMapping?

    /// Creates a loader.
    ///
    /// - Parameters:
    ///   - referenceData: The reference data.
    ///   - limits: Size limits.
    public init(referenceData: ReferenceData, limits: ImportLimits = .default) {
        self.referenceData = referenceData
        self.limits = limits
    }

    /// Reads a mission and its files.
    ///
    /// - Parameters:
    ///   - url: The mission file (YAML or JSON).
    ///   - displayName: The mission file's name in messages.
    /// - Returns: The mission, participants and requests, with the warnings of all files.
    /// - Throws: ``ImportError`` with the errors of all files (a file named by
    ///   the mission that does not exist is reported at the mission's line, kind `missing-file`).
    public func load(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<LoadedMission> {
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        let file = try MissionReader(referenceData: referenceData, limits: limits).read(contentsOf: url, displayName: displayName)
        diagnostics.append(contentsOf: file.diagnostics)
        let mission = file.value.mission

        var participants: [Participant]?
        var notes: [String] = []
        if exists(file.value.participantsURL, key: "participants", path: mission.participantsPath ?? "",
                  line: file.value.participantsLine, file: file.value, into: &diagnostics) {
            do {
                let mapping = columns ?? file.value.columns
                let read = try ParticipantReader(referenceData: referenceData, mission: mission, limits: limits,
                                                 columns: mapping?.participants)
                    .read(contentsOf: file.value.participantsURL)
                participants = read.value
                notes = read.notes
                diagnostics.append(contentsOf: read.diagnostics)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        var requests: [MeetingRequest] = []
        if let requestsURL = file.value.requestsURL, let requestsPath = mission.requestsPath,
           exists(requestsURL, key: "requests", path: requestsPath, line: file.value.requestsLine, file: file.value, into: &diagnostics),
           let participants {
            do {
                var reader = MeetingRequestReader(participants: participants, mission: mission, limits: limits)
                reader.columns = (columns ?? file.value.columns)?.requests
                let read = try reader.read(contentsOf: requestsURL)
                requests = read.value
                diagnostics.append(contentsOf: read.diagnostics)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        guard let participants, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        var loaded = LoadedMission(file: file.value, participants: participants, requests: requests)
        loaded.notes = notes
        return Imported(value: loaded, diagnostics: diagnostics)
    }

    private func exists(_ url: URL, key: String, path: String, line: Int?, file: MissionFile,
                        into diagnostics: inout Diagnostics) -> Bool {
        guard !FileManager.default.fileExists(atPath: url.path) else { return true }
        diagnostics.append(Diagnostic(
            kind: .missingFile, file: file.displayName, line: line, field: key, fieldKind: .key,
            message: "'\(path)' does not exist (looked for \(url.path))",
            hint: "check the path; it is relative to the mission file"))
        return false
    }
}
