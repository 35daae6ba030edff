import Foundation
import MissionMatchTestSupport
@testable import missionmatch
import Testing

/// `missionmatch validate`: argument parsing, and end-to-end runs of the real binary.
struct ValidateCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("MissionMatchIOTests/Fixtures")
    static let data = fixtures.appendingPathComponent("data").path
    static let mission = fixtures.appendingPathComponent("missions/shanghai-mini.yaml").path

    /// The built `missionmatch` binary, next to the test bundle.
    static let binary: URL? = {
        let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                          URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        return candidates.map { $0.appendingPathComponent("missionmatch") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Run {
        var status: Int32
        var output: String
        var errors: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let program: URL = try #require(binary)
        let result = try ChildProcess(executable: program, arguments: arguments,
                                      environment: CommandEnvironment.lexical(environment)).run(timeout: 600)
        return Run(status: result.status, output: result.output, errors: result.errors)
    }

    @Test func argumentsParse() throws {
        let command = try Validate.parse(["a.yaml", "b.json", "--format", "json", "--data", "Data"])
        #expect(command.missions == ["a.yaml", "b.json"])
        #expect(command.format == .json)
        #expect(command.data == "Data")
        #expect(throws: (any Error).self) { try Validate.parse([]) }
        #expect(throws: (any Error).self) { try Validate.parse(["a.yaml", "--format", "xml"]) }
    }

    @Test func validMissionPrintsASummary() throws {
        let run = try Self.run(["validate", "--data", Self.data, Self.mission])
        #expect(run.status == 0)
        #expect(run.errors == "")
        #expect(run.output.contains("shanghai-mini: AdPack² business mission to Shanghai (test) (bipartite)"))
        #expect(run.output.contains("participants: 6 (consortium 3, counterpart 3)"))
        #expect(run.output.contains("2019-06-17 09:00-12:30: 8 slot(s) (09:00–12:15)"))
        #expect(run.output.contains("capacity: 16 slots × 4 tables = 64 meetings at most"))
        #expect(run.output.contains("requests: must 1, wish 1, block 1"))
    }

    @Test func jsonFormat() throws {
        let run = try Self.run(["validate", "--data", Self.data, "--format", "json", Self.mission])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any]
        let missions = try #require(object?["missions"] as? [[String: Any]])
        #expect(missions.first?["valid"] as? Bool == true)
        let summary = try #require(missions.first?["summary"] as? [String: Any])
        #expect(summary["participants"] as? Int == 6)
    }

    @Test func dataErrorsExitWith65() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mission = try String(contentsOfFile: Self.mission, encoding: .utf8)
            .replacingOccurrences(of: "../participants/shanghai-mini.csv", with: "participants.csv")
            .replacingOccurrences(of: "requests: ../requests/shanghai-mini.csv\n", with: "")
        try Data(mission.utf8).write(to: folder.appendingPathComponent("m.yaml"))
        try Data("id,name,country,side,offers\nsk-01,Slovglass,Czechoslovakia,consortium,Glass jars\n".utf8)
            .write(to: folder.appendingPathComponent("participants.csv"))
        let run = try Self.run(["validate", "--data", Self.data, folder.appendingPathComponent("m.yaml").path])
        #expect(run.status == 65)
        #expect(run.errors.contains("participants.csv:2: column 'country': 'Czechoslovakia' is not a known country (use an ISO code such as CZ or SK)"))
    }

    @Test func missingFilesExitWith66AndUsageErrorsWith64() throws {
        let missing = try Self.run(["validate", "--data", Self.data, "/nonexistent/mission.yaml"])
        #expect(missing.status == 66)
        #expect(missing.errors.contains("/nonexistent/mission.yaml: file not found (check the path)"))
        let noData = try Self.run(["validate", "--data", "/nonexistent", Self.mission])
        #expect(noData.status == 66)
        #expect(try Self.run(["validate"]).status == 64)
    }
}
