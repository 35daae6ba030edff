import Foundation
import MissionMatch
import MissionMatchIO

/// Loading what every planning command needs, with errors printed and mapped to exit codes.
enum CommandInputs {
    /// The reference data from `--data`, `$MISSIONMATCH_DATA` or the nearest
    /// `Data/`, else the tables the library carries.
    ///
    /// - Throws: The exit code (65/66) after printing the errors.
    static func reference(data: String?) throws -> ReferenceData {
        try reference(in: dataFolder(data))
    }

    /// The data folder from `--data`, `$MISSIONMATCH_DATA` or the nearest `Data/`, or `nil` when there is none.
    ///
    /// - Throws: The exit code (66) after printing why, when `--data` or the variable names a folder without reference data.
    static func dataFolder(_ data: String?) throws -> URL? {
        do {
            return try DataDirectory.find(data.map { URL(fileURLWithPath: $0) })
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
    }

    /// The reference data of a data folder, or the bundled tables without one.
    ///
    /// - Throws: The exit code (65/66) after printing the errors.
    static func reference(in folder: URL?) throws -> ReferenceData {
        do {
            guard let folder else { return try ReferenceDataLoader.bundled() }
            let loaded = try ReferenceDataLoader.load(from: folder)
            StandardError.write(loaded.diagnostics.warningLines)
            return loaded.value
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
    }

    /// A mission with its participants and requests; warnings go to standard error.
    ///
    /// - Throws: The exit code (65/66) after printing every error.
    static func mission(_ path: String, reference: ReferenceData, columns: ColumnMapping? = nil) throws -> LoadedMission {
        do {
            var loader = MissionLoader(referenceData: reference)
            loader.columns = columns
            let loaded = try loader.load(contentsOf: URL(fileURLWithPath: path), displayName: path)
            StandardError.write(loaded.diagnostics.warningLines)
            return loaded.value
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
    }

    /// The column-mapping file of `--columns`, if given; warnings go to standard error.
    ///
    /// - Throws: The exit code (65/66) after printing every error.
    static func columns(_ path: String?) throws -> ColumnMapping? {
        guard let path else { return nil }
        do {
            let read = try ColumnMappingReader().read(contentsOf: URL(fileURLWithPath: path), displayName: path)
            StandardError.write(read.diagnostics.warningLines)
            return read.value
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
    }

    /// A ground-truth file (`participant_id,partner_id,relevance[,kind,reason]`); warnings go to standard error.
    ///
    /// - Throws: The exit code (65/66) after printing every error.
    static func truth(_ path: String) throws -> GroundTruth {
        do {
            let read = try GroundTruthReader().read(contentsOf: URL(fileURLWithPath: path), displayName: path)
            StandardError.write(read.diagnostics.warningLines)
            return read.value
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
    }

    /// The files a run reads, which it must never overwrite.
    static func inputs(of mission: LoadedMission) -> [URL] {
        [mission.file.url, mission.file.participantsURL, mission.file.requestsURL, mission.file.outcomesURL].compactMap { $0 }
    }

    /// Writes a file or exits 73 with the reason.
    static func write(_ text: String, to url: URL, protecting inputs: [URL]) throws {
        try write(parts: [text], to: url, protecting: inputs)
    }

    /// ``write(_:to:protecting:)`` for text in parts, written one after the other (never joined in memory).
    static func write(parts: [String], to url: URL, protecting inputs: [URL]) throws {
        try write(to: url, protecting: inputs) { write in parts.forEach(write) }
    }

    /// ``write(_:to:protecting:)`` for text handed over in parts while it is
    /// made (`OutputFile.write(to:streaming:)`), each written at once.
    static func write(to url: URL, protecting inputs: [URL], streaming produce: ((String) -> Void) -> Void) throws {
        do {
            try OutputFile(protectedInputs: inputs).write(to: url, streaming: produce)
        } catch {
            StandardError.write(["missionmatch: \(error)"])
            throw SysExits.cannotCreate
        }
    }
}
