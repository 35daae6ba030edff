import Foundation
import MissionMatchTestSupport
@testable import missionmatch
import Testing

/// The sentence encoder from the command line: which one is used, the cache, the vectors file, the errors.
struct SemanticCommandTests {
    typealias V = ValidateCommandTests

    /// all-MiniLM-L6-v2: `$MISSIONMATCH_ENCODER`, else the cache folder (`bash Scripts/fetch-encoder.sh`).
    static func modelFolder() -> String? {
        let folder = ProcessInfo.processInfo.environment["MISSIONMATCH_ENCODER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/missionmatch/encoders/all-MiniLM-L6-v2").path
        guard FileManager.default.fileExists(atPath: folder + "/model.safetensors") else {
            Issue.record("No sentence encoder at \(folder): run `bash Scripts/fetch-encoder.sh` (make test does).")
            return nil
        }
        return folder
    }

    static func run(_ arguments: [String], cache: String) throws -> V.Run {
        try V.run(arguments, environment: ["MISSIONMATCH_CACHE": cache])
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-semantic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func rankEncodesOnceThenReadsTheCacheWithTheSameBytes() throws {
        guard let model = Self.modelFolder() else { return }
        let cache = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let arguments = ["rank", V.mission, "--data", V.data, "--format", "csv", "--encoder", model]
        let first = try Self.run(arguments, cache: cache.path)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.errors.contains("shanghai-mini: sentence encoder all-MiniLM-L6-v2 (--encoder): 12 texts, 12 encoded, 0 from the cache"),
                "\(first.errors)")
        let second = try Self.run(arguments, cache: cache.path)
        #expect(second.errors.contains("12 texts, 0 encoded, 12 from the cache"), "\(second.errors)")
        #expect(second.output == first.output)
        let lexical = try Self.run(["rank", V.mission, "--data", V.data, "--format", "csv", "--no-encoder"], cache: cache.path)
        #expect(lexical.errors.contains("shanghai-mini: lexical ranking (--no-encoder)"))
        #expect(lexical.output != first.output, "the semantic block changes the scores")
    }

    @Test func withoutAnEncoderRankingIsLexicalAndSaysSo() throws {
        let cache = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let run = try Self.run(["rank", V.mission, "--data", V.data, "--top", "1"], cache: cache.path)
        #expect(run.status == 0)
        #expect(run.errors.contains("shanghai-mini: lexical ranking: no sentence encoder found (run `bash Scripts/fetch-encoder.sh`"))
    }

    @Test func aMissingOrBrokenModelFolderIsRefusedWithItsExitCode() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try Self.run(["rank", V.mission, "--data", V.data, "--encoder", folder.path + "/nothing"], cache: folder.path)
        #expect(missing.status == 66)
        #expect(missing.errors.contains("does not exist; run `bash Scripts/fetch-encoder.sh`"))
        try Data(#"{"model_type": "gpt2"}"#.utf8).write(to: folder.appendingPathComponent("config.json"))
        let file = try Self.run(["rank", V.mission, "--data", V.data, "--encoder", folder.path + "/config.json"], cache: folder.path)
        #expect(file.status == 66)
        #expect(file.errors.contains("config.json (--encoder) is a file, not a model folder; give the folder that holds"), "\(file.errors)")
        let broken = try Self.run(["rank", V.mission, "--data", V.data, "--encoder", folder.path], cache: folder.path)
        #expect(broken.status == 65)
        #expect(broken.errors.contains("cannot be used"), "\(broken.errors)")
        #expect(try Self.run(["rank", V.mission, "--no-encoder", "--encoder", folder.path], cache: folder.path).status == 64)
    }

    /// `run` reads the vectors beside the lexical encoding, as `rank` does: the same
    /// recommendations, and a missing model folder refused with its exit code.
    @Test func runRanksWithTheEncoderAsRankDoes() throws {
        guard let model = Self.modelFolder() else { return }
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let planned = try Self.run(["run", V.mission, "--data", V.data, "--encoder", model, "--out", out.path], cache: folder.path)
        #expect(planned.status == 0, "\(planned.errors)")
        #expect(planned.errors.contains("shanghai-mini: sentence encoder all-MiniLM-L6-v2 (--encoder): 12 texts"), "\(planned.errors)")
        let ranked = try Self.run(["rank", V.mission, "--data", V.data, "--format", "csv", "--encoder", model], cache: folder.path)
        let written = try String(contentsOf: out.appendingPathComponent("shanghai-mini/recommendations.csv"), encoding: .utf8)
        #expect(written == ranked.output)
        let lexical = try Self.run(["rank", V.mission, "--data", V.data, "--format", "csv", "--no-encoder"], cache: folder.path)
        #expect(written != lexical.output, "the semantic block changes the scores")
        let missing = try Self.run(["run", V.mission, "--data", V.data, "--encoder", folder.path + "/nothing", "--out", out.path],
                                   cache: folder.path)
        #expect(missing.status == 66)
        #expect(missing.errors.contains("does not exist; run `bash Scripts/fetch-encoder.sh`"))
    }

    @Test func aVectorsFileReplacesTheEncoder() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two dimensions: an offers and a needs row for every participant of the fixture.
        let participants = try String(contentsOf: URL(fileURLWithPath: V.data).deletingLastPathComponent()
            .appendingPathComponent("participants/shanghai-mini.csv"), encoding: .utf8)
        var text = "participant_id,side,v1,v2\n"
        for (index, id) in participants.split(separator: "\n").dropFirst().compactMap({ $0.split(separator: ",").first }).enumerated() {
            text += "\(id),offers,1,\(index)\n\(id),needs,\(index),1\n"
        }
        let vectors = folder.appendingPathComponent("vectors.csv")
        try Data(text.utf8).write(to: vectors)
        let run = try Self.run(["rank", V.mission, "--data", V.data, "--vectors", vectors.path, "--top", "1"], cache: folder.path)
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.errors.contains("semantic vectors from \(vectors.path) (2 dimensions)"))
        try Data((text + "nobody,offers,1,1\n").utf8).write(to: vectors)
        let bad = try Self.run(["rank", V.mission, "--data", V.data, "--vectors", vectors.path], cache: folder.path)
        #expect(bad.status == 65)
        #expect(bad.errors.contains("'nobody' is not the id of any participant"))
    }

    /// `run` takes one `--vectors` file per mission, matched in the order the missions are
    /// given (not the date order it plans them in); another count is a usage error, and the
    /// one-mission commands refuse a second file instead of ignoring it.
    @Test func runTakesOneVectorsFilePerMissionInTheOrderGiven() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = RankCommandTests.data
        func vectors(for mission: String) throws -> String {
            let participants = try String(contentsOf: data.appendingPathComponent("participants/\(mission).csv"), encoding: .utf8)
            var text = "participant_id,side,v1,v2\n"
            // Ids start a record (`tor-eu-001,…`); quoted free texts may span lines, so match the ids, not the lines.
            let ids = participants.split(separator: "\n").compactMap { line -> Substring? in
                guard let first = line.split(separator: ",").first,
                      first.wholeMatch(of: /[a-z]+-[a-z]+-[0-9]+/) != nil else { return nil }
                return first
            }
            #expect(ids.count >= 40)
            for (index, id) in ids.enumerated() { text += "\(id),offers,1,\(index)\n\(id),needs,\(index),1\n" }
            let url = folder.appendingPathComponent("\(mission).vectors.csv")
            try Data(text.utf8).write(to: url)
            return url.path
        }
        let (shanghai, toronto) = (try vectors(for: "shanghai-2019"), try vectors(for: "toronto-2019"))
        let missions = ["shanghai-2019", "toronto-2019"].map { data.appendingPathComponent("missions/\($0).yaml").path }
        let out = folder.appendingPathComponent("out").path
        // Toronto (May) is planned before Shanghai (November), but the files follow the order given.
        let planned = try Self.run(["run"] + missions + ["--data", data.path, "--out", out, "--vectors", shanghai, "--vectors", toronto],
                                   cache: folder.path)
        #expect(planned.status == 0, "\(planned.errors)")
        #expect(planned.errors.contains("shanghai-2019: semantic vectors from \(shanghai) (2 dimensions)"))
        #expect(planned.errors.contains("toronto-2019: semantic vectors from \(toronto) (2 dimensions)"))
        let one = try Self.run(["run"] + missions + ["--data", data.path, "--out", out, "--vectors", shanghai], cache: folder.path)
        #expect(one.status == 64)
        #expect(one.errors.contains("--vectors: give one file per mission, in the order the missions are given "
                                    + "(2 missions: shanghai-2019, toronto-2019; 1 file)"), "\(one.errors)")
        let two = try Self.run(["rank", missions[1], "--data", data.path, "--vectors", toronto, "--vectors", toronto], cache: folder.path)
        #expect(two.status == 64)
        #expect(two.errors.contains("rank ranks one mission: give one --vectors file (2 were given)."), "\(two.errors)")
    }

    @Test func encodeTextPrintsOneNormalisedVectorPerLine() throws {
        guard let model = Self.modelFolder() else { return }
        let binary: URL = try #require(V.binary)
        let result = try ChildProcess(executable: binary, arguments: ["encode-text", "--encoder", model],
                                      environment: CommandEnvironment.lexical(),
                                      input: Data("Tinned fish\ncanned seafood\n\n".utf8)).run(timeout: 300)
        let out = result.output
        #expect(result.status == 0)
        let rows = try out.split(separator: "\n").map { try JSONDecoder().decode([Float].self, from: Data($0.utf8)) }
        #expect(rows.count == 3 && rows.allSatisfy { $0.count == 384 })
        for row in rows { #expect(abs(row.reduce(0) { $0 + $1 * $1 } - 1) < 1e-5) }
        let cosine = zip(rows[0], rows[1]).reduce(0) { $0 + $1.0 * $1.1 }
        let unrelated = zip(rows[0], rows[2]).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(cosine > 0.4 && cosine > unrelated, "tinned fish is close to canned seafood")
    }

    /// Issue 19's quality claim, kept by CI: on the five hand-judged sets (written by authors who
    /// never saw the engine), the engine with the encoder beats the same engine without it, in
    /// one `evaluate --mission` run each (0.829 against 0.761, 0.845 against 0.801, 0.897 against
    /// 0.863 and, on hand-washington and hand-matchmaking, never used to choose anything, 0.862
    /// against 0.821 and 0.670 against 0.643 NDCG@10, docs/MatchQuality.md), and does not let many
    /// more look-alikes past the weakest gold partner (hand-washington: 0.51 against 0.45).
    @Test(arguments: [("hand-toronto", 0.05), ("hand-advanced", 0.02), ("hand-shanghai", 0.02), ("hand-washington", 0.01),
                      ("hand-matchmaking", 0.005)])
    func theEncoderGainsOnTheHandJudgedSets(set: String, gain: Double) throws {
        guard let model = Self.modelFolder() else { return }
        let cache = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let folder = RunCommandTests.repository.appendingPathComponent("Tests/EvaluationSets").appendingPathComponent(set)
        let run = try Self.run(["evaluate", "--mission", folder.appendingPathComponent("mission.yaml").path,
                                "--truth", folder.appendingPathComponent("truth.csv").path,
                                "--data", RunCommandTests.bundledData.path, "--encoder", model], cache: cache.path)
        #expect(run.status == 0, "\(run.errors)")
        func row(_ label: String) throws -> (ndcg: Double, badAboveGold: Double) {
            let line = try #require(run.output.split(separator: "\n").first { $0.hasPrefix(label) }, "\(run.output)")
            let numbers = line.split(separator: " ").suffix(3).compactMap { Double($0) }
            try #require(numbers.count == 3, "\(line)")
            return (numbers[1], numbers[2])
        }
        let engine = try row("engine "), lexical = try row("lexical only")
        #expect(engine.ndcg >= lexical.ndcg + gain, "\(run.output)")
        #expect(engine.badAboveGold <= lexical.badAboveGold + 0.07, "\(run.output)")
    }
}

