import Foundation
@testable import missionmatch
import Testing

/// `rank --write-encoding / --encoding / --shard I/N` and `merge`: the merged
/// recommendations are byte-identical to the whole `rank`; bad parts and specs are refused.
@Suite("Sharded rank and merge (command)")
struct ShardCommandTests {
    static let toronto = RankCommandTests.toronto
    static let data = RankCommandTests.data.path

    /// A folder removed at the end of a test.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mm-shard-\(UUID().uuidString)")
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    private static func run(_ arguments: [String]) throws -> ValidateCommandTests.Run {
        try ValidateCommandTests.run(arguments)
    }

    /// Writes the encoding, ranks every shard and merges; returns the merged file's bytes.
    private static func sharded(_ mission: String, shards: Int, options: [String], in folder: Folder) throws -> Data {
        let encoding = folder.path("shared/encoding.mme")
        let written = try run(["rank", mission, "--data", data, "--write-encoding", encoding])
        #expect(written.status == 0, "\(written.errors)")
        var parts: [String] = []
        for index in (1...shards).reversed() {
            let part = folder.path("shared/part-\(index)")
            let ranked = try run(["rank", mission, "--data", data, "--encoding", encoding, "--shard", "\(index)/\(shards)", "--out", part] + options)
            #expect(ranked.status == 0, "\(ranked.errors)")
            parts.append(part)
        }
        let merged = try run(["merge"] + parts + ["--out", folder.path("merged/recommendations.csv")])
        #expect(merged.status == 0, "\(merged.errors)")
        return try Data(contentsOf: URL(fileURLWithPath: folder.path("merged/recommendations.csv")))
    }

    @Test("A generated programme: 1, 2 and 7 shards merge into rank's recommendations.csv, byte for byte", arguments: [1, 2, 7])
    func generatedProgramme(shards: Int) throws {
        let folder = Folder()
        let generated = try Self.run(["generate", "--consortium", "100", "--counterparts", "600", "--seed", "\(shards)",
                                      "--out", folder.path("programme"), "--data", Self.data])
        #expect(generated.status == 0, "\(generated.errors)")
        let mission = folder.path("programme/mission.yaml")
        let whole = try Self.run(["rank", mission, "--data", Self.data, "--out", folder.path("whole/recommendations.csv")])
        #expect(whole.status == 0, "\(whole.errors)")
        let expected = try Data(contentsOf: URL(fileURLWithPath: folder.path("whole/recommendations.csv")))
        #expect(expected.count > 100_000)
        #expect(try Self.sharded(mission, shards: shards, options: [], in: folder) == expected)
    }

    @Test("The bundled Toronto mission with --top 3 --no-diversity: merged equals rank")
    func bundledMissionWithOptions() throws {
        let folder = Folder()
        let options = ["--top", "3", "--no-diversity"]
        let whole = try Self.run(["rank", Self.toronto, "--data", Self.data, "--out", folder.path("whole.csv")] + options)
        #expect(whole.status == 0, "\(whole.errors)")
        let expected = try Data(contentsOf: URL(fileURLWithPath: folder.path("whole.csv")))
        #expect(try Self.sharded(Self.toronto, shards: 3, options: options, in: folder) == expected)
        // rank --encoding (whole, from the shared file) writes the same bytes too.
        let fromFile = try Self.run(["rank", Self.toronto, "--data", Self.data, "--encoding", folder.path("shared/encoding.mme"),
                                     "--out", folder.path("from-file.csv")] + options)
        #expect(fromFile.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.path("from-file.csv"))) == expected)
    }

    @Test("Wrong shard specs and combinations exit 64", arguments: ["0/3", "4/3", "a/b", "3", "1/0", "2/99999"])
    func badSpecs(spec: String) throws {
        let folder = Folder()
        let result = try Self.run(["rank", Self.toronto, "--encoding", folder.path("e.mme"), "--shard", spec, "--out", folder.path("p")])
        #expect(result.status == 64)
        #expect(result.errors.contains("--shard"))
    }

    @Test("--shard needs --encoding and --out; --write-encoding stands alone")
    func badCombinations() throws {
        let folder = Folder()
        #expect(try Self.run(["rank", Self.toronto, "--shard", "1/2", "--out", folder.path("p")]).status == 64)
        #expect(try Self.run(["rank", Self.toronto, "--encoding", folder.path("e"), "--shard", "1/2"]).status == 64)
        #expect(try Self.run(["rank", Self.toronto, "--write-encoding", folder.path("e"), "--out", folder.path("p")]).status == 64)
        #expect(try Self.run(["rank", Self.toronto, "--encoding", folder.path("e"), "--no-encoder"]).status == 64)
        #expect(try Self.run(["merge"]).status == 64)
    }

    @Test("Missing, duplicate, foreign, damaged and changed parts are refused with the file named")
    func badParts() throws {
        let folder = Folder()
        let encoding = folder.path("encoding.mme")
        #expect(try Self.run(["rank", Self.toronto, "--data", Self.data, "--write-encoding", encoding]).status == 0)
        func part(_ spec: String, _ name: String, _ extra: [String] = []) throws -> String {
            let path = folder.path(name)
            let result = try Self.run(["rank", Self.toronto, "--data", Self.data, "--encoding", encoding, "--shard", spec, "--out", path] + extra)
            #expect(result.status == 0, "\(result.errors)")
            return path
        }
        let one = try part("1/3", "p1"), two = try part("2/3", "p2"), three = try part("3/3", "p3")
        let out = ["--out", folder.path("r.csv")]

        let missingShard = try Self.run(["merge", one, three] + out)
        #expect(missingShard.status == 65 && missingShard.errors.contains("shard 2 of 3 missing"))
        let duplicate = try Self.run(["merge", one, two, three, one] + out)
        #expect(duplicate.status == 65 && duplicate.errors.contains("both shard 1"))
        let missingFile = try Self.run(["merge", one, two, folder.path("p9")] + out)
        #expect(missingFile.status == 66 && missingFile.errors.contains("p9: file not found"))
        let otherTop = try part("2/3", "p2-top4", ["--top", "4"])
        let foreign = try Self.run(["merge", one, otherTop, three] + out)
        #expect(foreign.status == 65 && foreign.errors.contains("p2-top4: belongs to another run"))
        let otherCount = try part("2/2", "p2of2")
        let counts = try Self.run(["merge", one, otherCount, three] + out)
        #expect(counts.status == 65 && counts.errors.contains("shard of 2"))

        var bytes = try Data(contentsOf: URL(fileURLWithPath: two))
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: URL(fileURLWithPath: folder.path("damaged")))
        let damaged = try Self.run(["merge", one, folder.path("damaged"), three] + out)
        #expect(damaged.status == 65 && damaged.errors.contains("checksum does not match"))
        let notAPart = try Self.run(["merge", one, Self.toronto, three] + out)
        #expect(notAPart.status == 65 && notAPart.errors.contains("not a missionmatch ranking part"))

        // A part merged against another mission, and an encoding of other participants.
        let shanghai = RankCommandTests.data.appendingPathComponent("missions/shanghai-2019.yaml").path
        let changed = try Self.run(["merge", one, two, three, "--mission", shanghai] + out)
        #expect(changed.status == 65, "\(changed.errors)")
        let otherEncoding = folder.path("shanghai.mme")
        #expect(try Self.run(["rank", shanghai, "--data", Self.data, "--write-encoding", otherEncoding]).status == 0)
        let wrongEncoding = try Self.run(["rank", Self.toronto, "--data", Self.data, "--encoding", otherEncoding, "--shard", "1/2",
                                          "--out", folder.path("x")])
        #expect(wrongEncoding.status == 65 && wrongEncoding.errors.contains("other participants"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("r.csv")))
        #expect(!FileManager.default.fileExists(atPath: folder.path("x")))

        // An open mission cannot be cut into shards.
        let open = RankCommandTests.data.appendingPathComponent("missions/escp4i-matchmaking-2019.yaml").path
        let openEncoding = folder.path("open.mme")
        #expect(try Self.run(["rank", open, "--data", Self.data, "--write-encoding", openEncoding]).status == 0)
        let openShard = try Self.run(["rank", open, "--data", Self.data, "--encoding", openEncoding, "--shard", "1/2", "--out", folder.path("o")])
        #expect(openShard.status == 65 && openShard.errors.contains("open"))
    }
}
