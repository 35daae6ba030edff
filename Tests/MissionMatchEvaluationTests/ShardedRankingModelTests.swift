import Foundation
import MatchCore
import MissionMatch
import MissionMatchEvaluation
import MissionMatchIO
import Testing

/// `MatchingEngine.rankShard` + `merge` against the whole `rank`, on generated programmes.
@Suite("Sharded ranking (model)")
struct ShardedRankingModelTests {
    /// The whole ranking's CSV and the merged one's, from an encoding rebuilt from its latent vectors.
    private func compare(_ programme: SyntheticProgramme, shards: Int, options: RankingOptions = RankingOptions(),
                         top: Int? = nil, requests: [MeetingRequest]? = nil) throws -> (whole: String, merged: String) {
        let reference = SyntheticFixtures.reference
        let engine = MatchingEngine(reference: reference, rankingOptions: options)
        let requests = requests ?? programme.requests
        let whole = try engine.rank(mission: programme.mission, participants: programme.participants, requests: requests, top: top)
        let encoder = ParticipantEncoder(thesaurus: reference.thesaurus, options: engine.encoderOptions)
        let fitted = try encoder.encode(programme.participants)
        let shared = try encoder.encode(programme.participants, latent: fitted.latent)
        let parts = try (1...shards).reversed().map { index in
            try engine.rankShard(try ShardSpec(index: index, count: shards), mission: programme.mission,
                                 participants: programme.participants, requests: requests, top: top, encoding: shared)
        }
        let merged = try engine.merge(parts, mission: programme.mission, participants: programme.participants,
                                      requests: requests, encoding: shared)
        let writer = RecommendationsCSVWriter()
        return (writer.csv(for: whole.recommendations), writer.csv(for: merged.recommendations))
    }

    @Test("1, 2 and 7 shards merge into the whole ranking, byte for byte", arguments: [1, 2, 7])
    func mergedEqualsWhole(shards: Int) throws {
        let programme = try SyntheticFixtures.generate(SyntheticProgrammeOptions(consortium: 90, counterparts: 700, seed: 17))
        let (whole, merged) = try compare(programme, shards: shards)
        #expect(whole.split(separator: "\n").count > 700)
        #expect(merged == whole)
    }

    @Test("Random programmes, options, wishes and blocks: merged equals whole")
    func randomized() throws {
        var generator = SeededRandomNumberGenerator(seed: 41)
        for round in 0..<6 {
            let consortium = 20 + Int(generator.next() % 60), counterparts = 30 + Int(generator.next() % 400)
            let programme = try SyntheticFixtures.generate(
                SyntheticProgrammeOptions(consortium: consortium, counterparts: counterparts, seed: UInt64(100 + round)))
            let ids = programme.participants.map(\.id)
            var requests = programme.requests
            for _ in 0..<20 {
                let from = ids[Int(generator.next() % UInt64(ids.count))], to = ids[Int(generator.next() % UInt64(ids.count))]
                requests.append(MeetingRequest(from: from, to: to, priority: generator.next() % 2 == 0 ? .wish : .block))
            }
            var options = RankingOptions()
            options.congestion = [0, 1, 2.5][Int(generator.next() % 3)]
            options.diversity = [0, 0.08, 0.3][Int(generator.next() % 3)]
            if generator.next() % 2 == 0 { options.candidatesPerParticipant = 5 + Int(generator.next() % 30) }
            let top = 1 + Int(generator.next() % 12)
            let shards = 1 + Int(generator.next() % 9)
            let (whole, merged) = try compare(programme, shards: shards, options: options, top: top, requests: requests)
            #expect(merged == whole, "round \(round): \(consortium) × \(counterparts), \(shards) shards")
        }
    }

    @Test("Random programmes through the files (encoding with explanation keys, parts, any order): merged equals whole")
    func randomizedThroughFiles() throws {
        var generator = SeededRandomNumberGenerator(seed: 43)
        let reference = SyntheticFixtures.reference
        for round in 0..<5 {
            let consortium = 15 + Int(generator.next() % 50), counterparts = 25 + Int(generator.next() % 300)
            let programme = try SyntheticFixtures.generate(
                SyntheticProgrammeOptions(consortium: consortium, counterparts: counterparts, seed: UInt64(200 + round)))
            var options = RankingOptions()
            options.congestion = [0, 1, 2.5][Int(generator.next() % 3)]
            options.diversity = [0, 0.08, 0.3][Int(generator.next() % 3)]
            options.workers = 1 + Int(generator.next() % 4)
            let top = 1 + Int(generator.next() % 12), shards = 1 + Int(generator.next() % 9)
            let input = try InputValidator(reference: reference).validate(
                mission: programme.mission, participants: programme.participants, requests: programme.requests).value
            let sharded = ShardedRanking(reference: reference, rankingOptions: options)
            let encoding = try EncodingFile.read(try sharded.encode(input, semantic: nil).data(), name: "encoding.mme")
            let sources = RankingPartFile.Sources(mission: nil, encoding: nil, data: nil)
            var order = Array(1...shards)
            order.shuffle(using: &generator)
            let parts = try order.map { index in
                let part = try sharded.rankShard(try ShardSpec(index: index, count: shards), input: input, top: top,
                                                 encoding: encoding, sources: sources)
                return (name: "part-\(index)", file: try RankingPartFile.read(part.data(), name: "part-\(index)"))
            }
            var mergeOptions = RankingOptions()
            mergeOptions.workers = 1 + Int(generator.next() % 4)
            let merged = try ShardedRanking(reference: reference, rankingOptions: mergeOptions).merge(parts, input: input, encoding: encoding)
            let whole = try MatchingEngine(reference: reference, rankingOptions: options)
                .rank(mission: input.mission, participants: input.participants, requests: input.requests, top: top)
            let writer = RecommendationsCSVWriter()
            #expect(writer.csv(for: merged.recommendations) == writer.csv(for: whole.recommendations),
                    "round \(round): \(consortium) × \(counterparts), \(shards) shards")
            #expect(merged.recommendations.joined().contains { $0.reasons.contains("↔") || $0.reasons.contains("what they") })
        }
    }

    @Test("Missing, duplicate and foreign parts are refused")
    func refusedParts() throws {
        let programme = try SyntheticFixtures.generate(SyntheticProgrammeOptions(consortium: 30, counterparts: 90, seed: 5))
        let engine = MatchingEngine(reference: SyntheticFixtures.reference)
        let encoding = try ParticipantEncoder(thesaurus: SyntheticFixtures.reference.thesaurus).encode(programme.participants)
        func part(_ index: Int, of count: Int, top: Int? = nil) throws -> RankingPart {
            try engine.rankShard(try ShardSpec(index: index, count: count), mission: programme.mission,
                                 participants: programme.participants, top: top, encoding: encoding)
        }
        func merge(_ parts: [RankingPart]) throws {
            _ = try engine.merge(parts, mission: programme.mission, participants: programme.participants, encoding: encoding)
        }
        #expect(throws: ShardingError.missingShards([2], count: 3)) { try merge([part(1, of: 3), part(3, of: 3)]) }
        #expect(throws: ShardingError.duplicateShard(index: 1, parts: [1, 3])) {
            try merge([part(1, of: 3), part(2, of: 3), part(1, of: 3), part(3, of: 3)])
        }
        #expect(throws: ShardingError.shardCountsDiffer(part: 2, count: 2, expected: 3)) { try merge([part(1, of: 3), part(2, of: 2)]) }
        #expect(throws: ShardingError.noParts) { try merge([]) }
        var shifted = try part(2, of: 2)
        shifted.block = 0..<shifted.block.count
        #expect(throws: ShardingError.self) { try merge([part(1, of: 2), shifted]) }
        var tampered = try part(1, of: 2)
        tampered.rowLists[0].reverse()
        #expect(throws: ShardingError.self) { try merge([tampered, part(2, of: 2)]) }
        #expect(throws: ShardingError.self) { try merge([part(1, of: 2, top: 3), part(2, of: 2)]) }
    }

    @Test("Shard blocks cover the second side once, balanced", arguments: [0, 1, 5, 7, 20_000])
    func blocks(columns: Int) throws {
        for count in [1, 2, 3, 7, 64] {
            let blocks = try (1...count).map { try ShardSpec(index: $0, count: count).block(of: columns) }
            #expect(blocks.first?.lowerBound == 0 && blocks.last?.upperBound == columns)
            for (left, right) in zip(blocks, blocks.dropFirst()) { #expect(left.upperBound == right.lowerBound) }
            let sizes = blocks.map(\.count)
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
        }
    }

    @Test("Shard specs: I/N with 1 ≤ I ≤ N ≤ maxShards", arguments: ["0/3", "4/3", "a/b", "3", "1/0", "-1/3", "1/3/4", "", "1/99999"])
    func badSpecs(text: String) {
        #expect(throws: ShardSpecError.self) { try ShardSpec(parsing: text) }
    }

    @Test("Shard specs say what is wrong: the form, the shard count's range or the shard number's")
    func badSpecMessages() throws {
        func reason(_ text: String) -> String? {
            do { _ = try ShardSpec(parsing: text); return nil } catch { return error.reason }
        }
        let form = "write the shard as I/N, two whole numbers, e.g. 3/7"
        for text in ["a/b", "3", "1/3/4", "", " 1/3", "+1/3", "-1/3", "1/٣", "1.0/3"] { #expect(reason(text) == form, "\(text)") }
        let count = "the number of shards must be 1 … \(FormatLimits.maxShards)"
        for text in ["1/0", "1/4097", "1/1000000000", "1/99999999999999999999999"] { #expect(reason(text) == count, "\(text)") }
        for text in ["0/3", "4/3", "1000000000/3", "99999999999999999999999/4096"] {
            #expect(reason(text)?.hasPrefix("the shard number must be 1 … ") == true, "\(text)")
        }
        #expect(try ShardSpec(parsing: "0007/0010") == ShardSpec(index: 7, count: 10))
        #expect(try ShardSpec(parsing: "00000000000003/000000000000007") == ShardSpec(index: 3, count: 7))
        #expect(reason("0/0000000000000") == count)
        // 20,000 = 4,096 × 4 + 3,616: the first 3,616 blocks hold 5, the others 4.
        #expect(try ShardSpec(parsing: "1/4096").block(of: 20_000) == 0..<5)
        #expect(try ShardSpec(parsing: "4096/4096").block(of: 20_000) == 19_996..<20_000)
    }
}
