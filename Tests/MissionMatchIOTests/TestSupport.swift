import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// Fixtures and helpers shared by the IO tests.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let dataFolder = folder.appendingPathComponent("data")
    static let missionURL = folder.appendingPathComponent("missions/shanghai-mini.yaml")

    /// The fixture reference data (a small, realistic subset of Data/).
    static let reference: ReferenceData = {
        do {
            return try ReferenceDataLoader.load(from: dataFolder).value
        } catch {
            Issue.record("fixture reference data does not load: \(error)")
            return ReferenceData(countries: CountryTable([]), sectors: SectorTaxonomy(sectors: []))
        }
    }()

    /// The fixture mission (bipartite, Asia/Shanghai, sessions 2019-06-17 09:00-12:30 and 2019-06-18 14:00-17:30).
    static let mission: Mission = {
        do {
            return try MissionReader(referenceData: reference).read(contentsOf: missionURL).value.mission
        } catch {
            Issue.record("fixture mission does not load: \(error)")
            return Mission(id: "broken", name: "broken", timeZone: .gmt, participantsPath: "", pairing: .open,
                           sessions: [], meetingMinutes: 20, tables: 1)
        }
    }()

    static func url(_ relativePath: String) -> URL { folder.appendingPathComponent(relativePath) }

    /// The header of the participants format.
    static let header = "id,name,country,side,offers"

    /// A participants CSV made of the header and rows.
    static func csv(_ rows: String..., header: String = header) -> Data {
        Data(([header] + rows).joined(separator: "\n").utf8)
    }
}

/// Reads participants from text and returns either the participants or the error lines.
func readParticipants(_ data: Data, mission: Mission? = Fixtures.mission, limits: ImportLimits = .default,
                      name: String = "participants.csv") -> (participants: [Participant], errors: [String], warnings: [String]) {
    do {
        let result = try ParticipantReader(referenceData: Fixtures.reference, mission: mission, limits: limits)
            .readCSV(data, displayName: name)
        return (result.value, [], result.diagnostics.warnings.map(\.description))
    } catch {
        return ([], error.diagnostics.errorLines, error.diagnostics.warnings.map(\.description))
    }
}

/// The error lines of a participants CSV (empty when it is valid).
func participantErrors(_ rows: String..., header: String = Fixtures.header, mission: Mission? = Fixtures.mission) -> [String] {
    readParticipants(Data(([header] + rows).joined(separator: "\n").utf8), mission: mission).errors
}

/// A temporary folder removed at the end of a test.
struct TemporaryFolder: ~Copyable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("missionmatch-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
