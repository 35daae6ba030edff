import Foundation
import MissionMatch
import MissionMatchIO

/// Loading what every planning command needs, with errors printed and mapped to exit codes.
enum CommandInputs {
    /// The reference data from `--data`, `$MISSIONMATCH_DATA` or the nearest `Data/`.
    ///
    /// - Throws: The exit code (65/66) after printing the errors.
    static func reference(data: String?) throws -> ReferenceData {
        do {
            let folder = try DataDirectory.locate(data.map { URL(fileURLWithPath: $0) })
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
    static func mission(_ path: String, reference: ReferenceData) throws -> LoadedMission {
        do {
            let loaded = try MissionLoader(referenceData: reference).load(contentsOf: URL(fileURLWithPath: path), displayName: path)
            StandardError.write(loaded.diagnostics.warningLines)
            return loaded.value
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
        [mission.file.url, mission.file.participantsURL, mission.file.requestsURL].compactMap { $0 }
    }

    /// Writes a file or exits 73 with the reason.
    static func write(_ text: String, to url: URL, protecting inputs: [URL]) throws {
        do {
            try OutputFile(protectedInputs: inputs).write(text, to: url)
        } catch {
            StandardError.write(["missionmatch: \(error)"])
            throw SysExits.cannotCreate
        }
    }
}
