import Foundation
@testable import missionmatch
import Testing

/// `missionmatch rank`: parsing, and the real binary on the bundled data and the test fixture.
struct RankCommandTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")
    static let toronto = data.appendingPathComponent("missions/toronto-2019.yaml").path
    static let binary = ValidateCommandTests.binary

    @Test func argumentsParse() throws {
        let command = try Rank.parse(["m.yaml", "--top", "5", "--format", "json", "--out", "r.json", "--no-congestion"])
        #expect(command.top == 5 && command.format == .json && command.out == "r.json" && command.noCongestion)
        #expect(throws: (any Error).self) { try Rank.parse(["m.yaml", "--top", "0"]) }
        #expect(throws: (any Error).self) { try Rank.parse([]) }
    }

    @Test func writesTheSameRecommendationsFileTwice() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-rank-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a/recommendations.csv").path
        let second = folder.appendingPathComponent("b/recommendations.csv").path
        let run = try ValidateCommandTests.run(["rank", Self.toronto, "--out", first])
        #expect(run.status == 0, "\(run.errors)")
        #expect(try ValidateCommandTests.run(["rank", Self.toronto, "--out", second]).status == 0)
        let text = try String(contentsOfFile: first, encoding: .utf8)
        #expect(text == (try String(contentsOfFile: second, encoding: .utf8)))
        #expect(text.hasPrefix("participant_id,rank,partner_id,score,complementarity,similarity,sector,country,cooperation,reasons,competition,met_before\n"))
        #expect(text.split(separator: "\n").count == 1 + 160 * 10)
    }

    @Test func printsATableAndJSON() throws {
        let table = try ValidateCommandTests.run(["rank", Self.toronto, "--top", "2"])
        #expect(table.status == 0)
        #expect(table.output.contains("tor-eu-010  Vacucoat Surface Technology GmbH (DE)\n   1  tor-ca-028  "))
        let json = try ValidateCommandTests.run(["rank", Self.toronto, "--top", "1", "--format", "json"])
        let document = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        #expect((document?["recommendations"] as? [Any])?.count == 160)
        #expect(document?["statistics"] != nil)
    }

    @Test func badInputsExitWithSysexits() throws {
        #expect(try ValidateCommandTests.run(["rank", "/nonexistent/mission.yaml"]).status == 66)
        #expect(try ValidateCommandTests.run(["rank", Self.toronto, "--top", "zero"]).status == 64)
        let broken = try ValidateCommandTests.run(["rank", "--data", ValidateCommandTests.data,
                                                    ValidateCommandTests.fixtures.appendingPathComponent("hostile/unknown-country.csv").path])
        #expect(broken.status == 65)
        // Refuses to overwrite an input.
        let participants = Self.data.appendingPathComponent("participants/toronto-2019.csv").path
        let before = try Data(contentsOf: URL(fileURLWithPath: participants))
        let overwrite = try ValidateCommandTests.run(["rank", Self.toronto, "--out", participants])
        #expect(overwrite.status == 73)
        #expect(overwrite.errors.contains("will not be overwritten"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: participants)) == before)
    }
}
