import Foundation
import MatchCore
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The files of a sharded ranking (FileFormats §11, §12) and the `ShardedRanking` pipeline on the bundled Toronto mission.
@Suite("Sharded ranking files")
struct ShardFilesTests {
    static let loaded: (ReferenceData, LoadedMission)? = try? PipelineTests.loadToronto()

    private static func toronto() throws -> (ReferenceData, LoadedMission) { try #require(loaded) }

    /// Sentence vectors with clauses for the participants, from a seeded generator.
    static func semantic(for participants: [Participant], dimensions: Int = 6) -> SemanticVectors {
        var generator = SeededRandomNumberGenerator(seed: 3)
        func random(_ rows: Int) -> Matrix {
            Matrix(rows: rows, columns: dimensions, elements: (0..<(rows * dimensions)).map { _ in Float(generator.next() % 2_000) / 1_000 - 1 })
        }
        func clauses() -> [SemanticVectors.Clauses] {
            participants.indices.map { index in
                let count = index % 3
                var vectors = random(count)
                vectors.normalizeRows()
                return SemanticVectors.Clauses(texts: (0..<count).map { "clause \($0) of \(index) — «ü»" }, vectors: vectors)
            }
        }
        return SemanticVectors(offers: random(participants.count), needs: random(participants.count), source: "test model",
                               offerClauses: clauses(), needClauses: clauses())
    }

    @Test("The encoding file round-trips and rebuilds the fitted encoding bit for bit")
    func encodingRoundTrip() throws {
        let (reference, loaded) = try Self.toronto()
        let participants = loaded.participants
        var fitted = try ParticipantEncoder(thesaurus: reference.thesaurus).encode(participants)
        fitted.semantic = Self.semantic(for: participants)
        let file = EncodingFile(encoding: fitted, participants: participants, options: EncoderOptions(), missionID: "tor")
        let data = file.data()
        let read = try EncodingFile.read(data, name: "e.mme")
        #expect(read == file)
        #expect(read.digest == file.digest)
        #expect(read.data() == data)
        let rebuilt = try read.encoding(of: participants, reference: reference)
        #expect(rebuilt.latent == fitted.latent)
        #expect(rebuilt.lexicalOffers == fitted.lexicalOffers && rebuilt.lexicalNeeds == fitted.lexicalNeeds)
        #expect(rebuilt.semantic == fitted.semantic)
        #expect(rebuilt.lexical.features == fitted.lexical.features)
        // The merge's encoding: the stored vectors and the keys the reasons read, equal to those of the fitted encoding.
        let explaining = try read.explainingEncoding(digest: EncodingFile.participantsDigest(participants), options: EncoderOptions(), name: "e")
        #expect(explaining.explanationKeys == ExplanationKeys(encoding: fitted))
        #expect(explaining.offers == fitted.offers && explaining.needs == fitted.needs && explaining.profiles == fitted.profiles)
        #expect(explaining.semantic == fitted.semantic)
        #expect(explaining.lexicalOffers == fitted.lexicalOffers && explaining.lexicalNeeds == fitted.lexicalNeeds)
        #expect(ExplanationKeys(encoding: fitted).offers.contains { !$0.concepts.isEmpty && !$0.specific.isEmpty })
        #expect(ExplanationKeys(encoding: fitted).offers.contains { $0.specific.contains { $0.before != nil && $0.after != nil } })
    }

    @Test("Damaged explanation keys are refused naming the byte, never a crash")
    func damagedExplanationKeys() throws {
        let (reference, loaded) = try Self.toronto()
        let fitted = try ParticipantEncoder(thesaurus: reference.thesaurus).encode(loaded.participants)
        let keys = ExplanationKeys(encoding: fitted)
        let section = ExplanationSection(keys)
        let n = loaded.participants.count, features = fitted.featureVectors.rows
        #expect(try section.keys(participants: n, features: features, file: "e") == keys)
        // Cut short, one participant too many or too few, a feature out of range.
        #expect(throws: ImportError.self) { try section.keys(participants: n + 1, features: features, file: "e") }
        #expect { try section.keys(participants: n - 1, features: features, file: "e") } throws: { "\($0)".contains("bytes after the keys") }
        #expect(throws: ImportError.self) { try section.keys(participants: n, features: 1, file: "e") }
        // Random damage: refused or read, never a crash; a string index beyond the table is named with its byte.
        var generator = SeededRandomNumberGenerator(seed: 29)
        for _ in 0..<300 {
            var bytes = section.bytes
            let position = Int(generator.next() % UInt64(bytes.count))
            bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            let damaged = ExplanationSection(bytes: bytes, strings: section.strings, fileOffset: 1000)
            do {
                _ = try damaged.keys(participants: n, features: features, file: "e")
            } catch {
                #expect("\(error)".contains("e: byte ") && "\(error)".contains("explanation keys"))
            }
        }
        let fewerStrings = ExplanationSection(bytes: section.bytes, strings: section.strings - 1, fileOffset: 0)
        #expect(throws: ImportError.self) { try fewerStrings.keys(participants: n, features: features, file: "e") }
    }

    @Test("An encoding of other participants or options is refused")
    func encodingOfOthers() throws {
        let (reference, loaded) = try Self.toronto()
        let participants = loaded.participants
        let fitted = try ParticipantEncoder(thesaurus: reference.thesaurus).encode(participants)
        let file = EncodingFile(encoding: fitted, participants: participants, options: EncoderOptions(), missionID: "tor")
        var changed = participants
        changed[3].needs += " and cold-chain logistics"
        #expect { try file.encoding(of: changed, reference: reference, name: "e.mme") } throws: { error in
            "\(error)".contains("e.mme: it was written for other participants")
        }
        var options = EncoderOptions()
        options.seed = 7
        #expect(throws: ImportError.self) { try file.encoding(of: participants, reference: reference, options: options) }
    }

    @Test("The participants digest changes with any cell, the order or a cell boundary, and equals whenever the canonical CSV does")
    func participantsDigestFollowsTheCSV() throws {
        let (_, loaded) = try Self.toronto()
        let original = loaded.participants
        let csv = ParticipantCSVWriter()
        var variants: [(String, [Participant])] = [("same", original)]
        func variant(_ label: String, _ change: (inout [Participant]) -> Void) {
            var copy = original
            change(&copy)
            variants.append((label, copy))
        }
        variant("id") { $0[3].id += "x" }
        variant("offers") { $0[5].offers += " and more" }
        variant("cell boundary") { $0[0].name += String($0[0].country.prefix(1)); $0[0].country = String($0[0].country.dropFirst()) }
        variant("sector order") { $0[7].sectors = $0[7].sectors.reversed() + ["extra-sector"] }
        variant("cooperation") { $0[2].cooperation = [] }
        let available = try #require(original.firstIndex { !$0.availability.isEmpty })
        variant("availability") { $0[available].availability = [] }
        variant("representatives") { $0[6].representatives += 1 }
        variant("extra column") { $0[1].extraFields.append(ExtraField(name: "booth", value: "B12")) }
        variant("order") { $0.swapAt(0, 1) }
        variant("one fewer") { $0.removeLast() }
        variant("wants missions") { $0[8].wantsMissions = ["toronto"] }
        variant("source only") { $0[9].source = nil }  // not a cell: same CSV, same digest
        for (label, participants) in variants {
            let sameCSV = csv.csv(for: participants) == csv.csv(for: original)
            let sameDigest = EncodingFile.participantsDigest(participants) == EncodingFile.participantsDigest(original)
            #expect(sameCSV == sameDigest, "\(label)")
        }
        #expect(variants.filter { csv.csv(for: $0.1) == csv.csv(for: original) }.map(\.0) == ["same", "source only"])
    }

    @Test("Damaged, cut, foreign and future files are refused with the byte or key named, never a crash")
    func damagedFiles() throws {
        let (reference, loaded) = try Self.toronto()
        let fitted = try ParticipantEncoder(thesaurus: reference.thesaurus).encode(loaded.participants)
        let data = EncodingFile(encoding: fitted, participants: loaded.participants, options: EncoderOptions(), missionID: "tor").data()
        var generator = SeededRandomNumberGenerator(seed: 11)
        for _ in 0..<200 {
            let cut = Int(generator.next() % UInt64(data.count))
            #expect(throws: ImportError.self) { try EncodingFile.read(data.prefix(cut), name: "e") }
            var flipped = data
            flipped[Int(generator.next() % UInt64(data.count))] ^= UInt8(1 << (generator.next() % 8))
            #expect(throws: ImportError.self) { try EncodingFile.read(flipped, name: "e") }
        }
        // A valid checksum over a wrong version or a header without a key.
        func resealed(_ body: Data) -> Data {
            var sealed = body
            withUnsafeBytes(of: Digest64.of(body).littleEndian) { sealed.append(contentsOf: $0) }
            return sealed
        }
        var future = Data(data.dropLast(8))
        future[8] = 5
        #expect { try EncodingFile.read(resealed(future), name: "e") } throws: { "\($0)".contains("format version 5") }
        // Versions 1 (without the explanation keys), 2 (the participants digest of the whole CSV text) and 3
        // (no terms beside the specific words) are refused with what to do.
        for version: UInt8 in [1, 2, 3] {
            var older = Data(data.dropLast(8))
            older[8] = version
            #expect { try EncodingFile.read(resealed(older), name: "e") } throws: {
                "\($0)".contains("e: byte 8: a missionmatch encoding of format version \(version); this missionmatch reads version 4")
                    && "\($0)".contains("write it again")
            }
        }
        let headerLength = Int(data[12]) | Int(data[13]) << 8 | Int(data[14]) << 16 | Int(data[15]) << 24
        let header = String(decoding: data[16..<(16 + headerLength)], as: UTF8.self)
        let renamed = Data(header.replacingOccurrences(of: "\"participants\":", with: "\"participantz\":").utf8)
        let body = data.prefix(16) + renamed + data[(16 + headerLength)..<(data.count - 8)]
        #expect { try EncodingFile.read(resealed(body), name: "e") } throws: { "\($0)".contains("header.participants") }
        #expect { try RankingPartFile.read(data, name: "e") } throws: { "\($0)".contains("not a missionmatch ranking part") }
    }

    @Test("Parts round-trip; random parts too")
    func partRoundTrip() throws {
        var generator = SeededRandomNumberGenerator(seed: 5)
        for _ in 0..<50 {
            let participants = 1 + Int(generator.next() % 300)
            let rows = Int(generator.next() % UInt64(participants + 1)), columns = participants - rows
            let count = 1 + Int(generator.next() % 8)
            let shard = try ShardSpec(index: 1 + Int(generator.next() % UInt64(count)), count: count)
            let block = shard.block(of: columns)
            let top = Int(generator.next() % 20), candidates = top + Int(generator.next() % 10)
            // Any finite float32, sign included (exponent below all ones).
            func finite() -> Float { Float(bitPattern: UInt32(truncatingIfNeeded: generator.next()) & 0xBFFF_FFFF) }
            func list() -> [Candidate] {
                (0..<Int(generator.next() % UInt64(candidates + 1))).map { _ in
                    Candidate(partner: Int(generator.next() % UInt64(participants)), score: finite(),
                              offerToNeed: finite(), needFromOffer: finite())
                }
            }
            let part = RankingPart(shard: shard, top: top, candidates: candidates, participants: participants, rows: rows, columns: columns,
                                   block: block, rowLists: (0..<rows).map { _ in list() }, columnLists: block.map { _ in list() })
            var options = RankingOptions(candidatesPerParticipant: generator.next() % 2 == 0 ? nil : 7, congestion: 0.3, diversity: 0)
            options.workers = 3
            let file = RankingPartFile(part: part, run: generator.next(), missionID: "m-\(participants)", options: options,
                                       sources: .init(mission: "/shared/m é.yaml", encoding: nil, data: "/d"))
            let read = try RankingPartFile.read(file.data(), name: "p")
            #expect(read == file)
            #expect(read.options.workers == nil)
        }
    }

    @Test("The pipeline: encoding, shards in any order, merge equal the whole ranking; changed inputs are refused")
    func pipeline() throws {
        let (reference, loaded) = try Self.toronto()
        let input = loaded.validated
        let sharded = ShardedRanking(reference: reference, rankingOptions: RankingOptions(diversity: 0.2))
        let encoding = try EncodingFile.read(try sharded.encode(input, semantic: Self.semantic(for: input.participants)).data(), name: "e")
        let whole = try sharded.rank(input, top: 4, encoding: encoding)
        let sources = RankingPartFile.Sources(mission: nil, encoding: nil, data: nil)
        let parts = try [3, 1, 2].map { index in
            let file = try sharded.rankShard(try ShardSpec(index: index, count: 3), input: input, top: 4, encoding: encoding, sources: sources)
            return (name: "part-\(index)", file: try RankingPartFile.read(file.data(), name: "part-\(index)"))
        }
        let merged = try ShardedRanking(reference: reference).merge(parts, input: input, encoding: encoding)
        let writer = RecommendationsCSVWriter()
        #expect(writer.csv(for: merged.recommendations) == writer.csv(for: whole.recommendations))
        #expect(merged.recommendations.joined().contains { $0.reasons.contains("meaning") || $0.reasons.contains("↔") })

        let fewer = try InputValidator(reference: reference).validate(
            mission: input.mission, participants: input.participants,
            requests: input.requests + [MeetingRequest(from: "tor-eu-001", to: "tor-ca-003", priority: .wish)]).value
        #expect { try ShardedRanking(reference: reference).merge(parts, input: fewer, encoding: encoding) } throws: { error in
            "\(error)".contains("part-3: was ranked from other inputs")
        }
    }
}
