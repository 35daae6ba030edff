import Foundation
@testable import missionmatch
import Testing

/// `missionmatch generate` and `evaluate`: parsing, and generate → validate → evaluate through the real binary.
struct GenerateEvaluateCommandTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data").path
    static let ready = ValidateCommandTests.binary != nil
        && FileManager.default.fileExists(atPath: data + "/reference/thesaurus.csv")

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-generate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func argumentsParse() throws {
        let generate = try Generate.parse(["--consortium", "3", "--counterparts", "9", "--seed", "4", "--out", "x",
                                           "--typo-rate", "0.1"])
        #expect(generate.options.consortium == 3 && generate.options.counterparts == 9 && generate.options.seed == 4)
        #expect(generate.options.typoRate == 0.1 && generate.out == "x")
        #expect(throws: (any Error).self) { try Generate.parse(["--consortium", "3", "--counterparts", "9"]) }
        #expect(throws: (any Error).self) {
            try Generate.parse(["--consortium", "3", "--counterparts", "9", "--out", "x", "--typo-rate", "2"])
        }
        #expect(throws: (any Error).self) { try Generate.parse(["--consortium", "0", "--counterparts", "9", "--out", "x"]) }
        let evaluate = try Evaluate.parse(["r.csv", "--truth", "t.csv"])
        #expect(evaluate.k == nil && evaluate.threshold == nil && evaluate.format == .text)   // k 10 when it reads the file
        #expect(throws: (any Error).self) { try Evaluate.parse(["r.csv"]) }
        #expect(throws: (any Error).self) { try Evaluate.parse(["r.csv", "--truth", "t.csv", "--k", "0"]) }
        // --mission reports fixed cut-offs: a --k there would be silently ignored, so it is refused.
        #expect(throws: (any Error).self) { try Evaluate.parse(["--mission", "m.yaml", "--truth", "t.csv", "--k", "20"]) }
        #expect(try Evaluate.parse(["--mission", "m.yaml", "--truth", "t.csv"]).k == nil)
        #expect(try Evaluate.parse(["r.csv", "--truth", "t.csv", "--k", "20"]).k == 20)
    }

    @Test func generateValidateEvaluate() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("gen").path
        let arguments = ["generate", "--data", Self.data, "--consortium", "30", "--counterparts", "150", "--seed", "5"]
        let run = try ValidateCommandTests.run(arguments + ["--out", out])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("generated synthetic-5: 30 consortium, 150 counterparts, 3 requests\n"))
        let again = try ValidateCommandTests.run(arguments + ["--out", folder.appendingPathComponent("again").path])
        #expect(again.status == 0)
        for name in ["participants.csv", "mission.yaml", "requests.csv", "truth.csv"] {
            let first = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent(name))
            let second = try Data(contentsOf: folder.appendingPathComponent("again").appendingPathComponent(name))
            #expect(!first.isEmpty && first == second, "\(name)")
        }

        let validate = try ValidateCommandTests.run(["validate", "--data", Self.data, out + "/mission.yaml"])
        #expect(validate.status == 0, "\(validate.errors)")
        #expect(validate.output.contains("participants: 180 (consortium 30, counterpart 150)"))
        #expect(!validate.output.contains("warnings"))

        // A perfect ranking: each participant's truth, the best first.
        let truth = try String(contentsOfFile: out + "/truth.csv", encoding: .utf8)
        var lists: [String: [String]] = [:]
        var order: [String] = []
        for line in truth.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            if lists[cells[0]] == nil { order.append(cells[0]) }
            lists[cells[0], default: []].append(cells[1])
        }
        var perfect = "participant_id,rank,partner_id,score\n"
        var halved = "participant_id,rank,partner_id\n"
        for (index, participant) in order.enumerated() {
            for (rank, partner) in (lists[participant] ?? []).prefix(10).enumerated() {
                perfect += "\(participant),\(rank + 1),\(partner),0.5\n"
                if index % 2 == 0 { halved += "\(participant),\(rank + 1),\(partner)\n" }
            }
        }
        let perfectURL = folder.appendingPathComponent("perfect.csv"), halvedURL = folder.appendingPathComponent("halved.csv")
        try Data(perfect.utf8).write(to: perfectURL)
        try Data(halved.utf8).write(to: halvedURL)
        let best = try ValidateCommandTests.run(["evaluate", perfectURL.path, "--truth", out + "/truth.csv"])
        #expect(best.status == 0, "\(best.errors)")
        #expect(best.output == """
            participants  30 (relevant: relevance ≥ 2)
            NDCG@10       1.0000
            recall@10     1.0000
            MRR@10        1.0000

            """)
        let half = try ValidateCommandTests.run(["evaluate", halvedURL.path, "--truth", out + "/truth.csv", "--format", "json"])
        #expect(half.status == 0, "\(half.errors)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(half.output.utf8)) as? [String: Any])
        #expect(object["participants"] as? Int == 30)
        #expect(object["k"] as? Int == 10)
        #expect(object["ndcg"] as? Double == 0.5)
        #expect(object["mrr"] as? Double == 0.5)
    }

    @Test func exitCodes() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let truth = folder.appendingPathComponent("truth.csv")
        try Data("participant_id,partner_id,relevance\na,b,2\n".utf8).write(to: truth)
        let bad = folder.appendingPathComponent("bad.csv")
        try Data("participant_id,rank,partner_id\na,first,b\n".utf8).write(to: bad)

        let missing = try ValidateCommandTests.run(["evaluate", bad.path, "--truth", folder.path + "/nope.csv"])
        #expect(missing.status == 66)
        let invalid = try ValidateCommandTests.run(["evaluate", bad.path, "--truth", truth.path])
        #expect(invalid.status == 65)
        #expect(invalid.errors.contains("bad.csv:2: column 'rank': 'first' is not an integer ≥ 1"))

        let blocker = folder.appendingPathComponent("blocker")
        try Data("a file".utf8).write(to: blocker)
        let unwritable = try ValidateCommandTests.run(["generate", "--data", Self.data, "--consortium", "2",
                                                       "--counterparts", "4", "--out", blocker.path + "/sub"])
        #expect(unwritable.status == 73)
        let usage = try ValidateCommandTests.run(["generate", "--consortium", "2", "--counterparts", "4",
                                                  "--out", folder.path, "--typo-rate", "-1"])
        #expect(usage.status == 64)
    }
}
