import Foundation
import MatchCore
@testable import SentenceEncoder
import Testing

/// Texts in, sentence-transformers' embeddings out: the tokenizer and the model together, the clauses and the cache.
@Suite struct SentenceEncoderPipelineTests {
    static func encoder() throws -> SentenceEncoder? {
        guard let folder = TokenizerFixtures.requireModelFolder() else { return nil }
        return try SentenceEncoder(modelFolder: folder)
    }

    @Test func textsGiveSentenceTransformersEmbeddings() throws {
        guard let encoder = try Self.encoder() else { return }
        let fixture = try ParityFixture.load()
        let vectors = encoder.encode(fixture.cases.map(\.text))
        for (index, item) in fixture.cases.enumerated() {
            let row = vectors.row(index).map(Double.init)
            let difference = zip(row, item.embedding).map { abs($0 - $1) }.max() ?? 1
            let cosine = zip(row, item.embedding).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(difference <= 1e-4 && cosine >= 0.9999, "text \(index): max |Δ| \(difference), cosine \(cosine)")
        }
    }

    static let profiles = [
        "Tinned sardines and mackerel in olive oil. Family cannery since 1920, IFS certified.",
        "Canned seafood for delicatessen shops in Ontario and Quebec",
        "We mill Picual olive oil for restaurants, sell bulk oil in IBC containers; and bottle our own brand for shops",
        "Tinned sardines and mackerel in olive oil. Family cannery since 1920, IFS certified.",  // repeated
        "",
    ]

    /// Pooling over a span that covers the whole sequence is the sequence's own mean pooling.
    @Test func aSpanOverTheWholeSequenceIsTheSequencesVector() throws {
        guard let encoder = try Self.encoder() else { return }
        let sequences = Self.profiles.prefix(3).map { encoder.tokenizer.tokenIDs(for: $0) }
        let (rows, spans) = encoder.model.embed(
            tokenSequences: Array(sequences), spans: sequences.map { [0..<$0.count, 1..<2] }, workers: 2)
        for index in sequences.indices {
            #expect(spans[index].rows == 2)
            let difference = zip(spans[index].row(0), rows.row(index)).map { abs($0 - $1) }.max() ?? 1
            #expect(difference < 1e-6)
        }
    }

    @Test func clausesArePooledAndTheCacheGivesTheSameBytes() throws {
        guard let encoder = try Self.encoder() else { return }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-encoder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var cache: EmbeddingCache? = EmbeddingCache(folder: folder, fingerprint: encoder.fingerprint, dimension: encoder.dimension)
        let fresh = encoder.encode(Self.profiles, cache: &cache, workers: 2)
        #expect(cache?.count == 4)  // the repeated text once
        try cache?.save()

        // Texts: exactly encode(_:)'s rows.
        let plain = encoder.encode(Self.profiles, workers: 1)
        for index in Self.profiles.indices {
            #expect(fresh[index].vector.map(\.bitPattern) == plain.row(index).map(\.bitPattern))
        }
        // Clauses: pooled over their own tokens in the text's forward pass, unit length, Float16-rounded.
        #expect(fresh[0].clauses == ["Tinned sardines and mackerel in olive oil.", "Family cannery since 1920, IFS certified."])
        #expect(fresh[1].clauses == [Self.profiles[1]])
        #expect(fresh[2].clauses.count == 3)
        #expect(fresh[4].clauses.isEmpty && fresh[4].clauseVectors.rows == 0)
        for item in fresh.prefix(4) {
            #expect(item.clauseVectors.rows == item.clauses.count)
            for row in 0..<item.clauseVectors.rows {
                let values = Array(item.clauseVectors.row(row))
                #expect(values.allSatisfy { Float(Float16($0)) == $0 })
                #expect(abs(values.reduce(0) { $0 + $1 * $1 } - 1) < 2e-3)
            }
        }
        let closest = zip(fresh[0].clauses.indices, fresh[0].clauses).map { index, _ in
            zip(fresh[0].clauseVectors.row(index), plain.row(1)).reduce(Float(0)) { $0 + $1.0 * $1.1 }
        }
        #expect(closest[0] > closest[1], "the sardines clause is closer to canned seafood than the cannery's history")

        // A second run reads everything from the file and gives the same bytes.
        var reloaded: EmbeddingCache? = EmbeddingCache(folder: folder, fingerprint: encoder.fingerprint, dimension: encoder.dimension)
        #expect(reloaded?.count == 4)
        let cached = encoder.encode(Self.profiles, cache: &reloaded, workers: 1)
        #expect(reloaded?.isModified == false)
        #expect(cached == fresh)

        // All cached: the entries come without the model; one text missing: none do.
        let file = try #require(reloaded)
        #expect(Self.profiles.allSatisfy(file.contains) && !file.contains("not encoded yet"))
        #expect(SentenceEncoder.cached(Self.profiles, in: file) == cached)
        #expect(SentenceEncoder.cached(Self.profiles + ["not encoded yet"], in: file) == nil)
    }

    /// The identity read without loading the model is the loaded encoder's, and it follows the tokenizer's files.
    @Test func theIdentityIsTheEncodersAndFollowsTheTokenizerFiles() throws {
        guard let encoder = try Self.encoder(), let folder = TokenizerFixtures.requireModelFolder() else { return }
        let identity = try SentenceEncoder.Identity(modelFolder: folder)
        #expect(identity == encoder.identity)
        #expect(identity.fingerprint.hasPrefix(encoder.model.fingerprint + "-"))
        #expect(identity.dimension == encoder.dimension && identity.name == folder.standardizedFileURL.lastPathComponent)

        // The same files, vocab.txt with one more line: another fingerprint.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("mm-identity-\(UUID().uuidString)")
            .appendingPathComponent(folder.standardizedFileURL.lastPathComponent)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let target = folder.appendingPathComponent(name).resolvingSymlinksInPath()
            try FileManager.default.createSymbolicLink(at: copy.appendingPathComponent(name), withDestinationURL: target)
        }
        #expect(try SentenceEncoder.Identity(modelFolder: copy) == identity)
        let vocabulary = copy.appendingPathComponent("vocab.txt")
        var text = try String(contentsOf: vocabulary, encoding: .utf8)
        try FileManager.default.removeItem(at: vocabulary)
        text += "[unused-extra]\n"
        try text.write(to: vocabulary, atomically: true, encoding: .utf8)
        let changed = try SentenceEncoder.Identity(modelFolder: copy)
        #expect(changed.fingerprint != identity.fingerprint)
        #expect(changed.fingerprint.hasPrefix(encoder.model.fingerprint + "-"), "the model's part is unchanged")
    }
}
