import Foundation
import MatchCore
@testable import SentenceEncoder
import Testing

/// sentence-transformers' own token ids and embeddings
/// (Fixtures/make_embedding_fixture.py writes them).
struct ParityFixture: Decodable {
    struct Case: Decodable {
        var text: String
        var ids: [Int32]
        var embedding: [Double]
    }

    var model: String
    var max_seq_length: Int  // swiftlint:disable:this identifier_name
    var cases: [Case]

    static func load() throws -> ParityFixture {
        let url = EncoderTestSupport.fixtures.appending(path: "embedding-parity.json")
        return try JSONDecoder().decode(ParityFixture.self, from: Data(contentsOf: url))
    }
}

/// The Swift encoder against sentence-transformers on the real model.
@Suite struct ParityTests {
    @Test func fixtureIsVaried() throws {
        let fixture = try ParityFixture.load()
        #expect(fixture.cases.count >= 40)
        #expect(fixture.cases.contains { $0.text.isEmpty && $0.ids == [101, 102] })
        #expect(fixture.cases.contains { $0.ids.count == fixture.max_seq_length })  // truncated
        #expect(fixture.cases.allSatisfy { $0.ids.first == 101 && $0.ids.last == 102 && $0.embedding.count == 384 })
    }

    @Test func matchesSentenceTransformers() throws {
        guard let model = EncoderTestSupport.realModel() else { return }
        let fixture = try ParityFixture.load()
        #expect(model.maximumSequenceLength == fixture.max_seq_length)
        #expect(model.normalizes && model.pooling == .mean && model.dimension == 384)
        let embeddings = try model.embed(validating: fixture.cases.map(\.ids))
        var worstDifference = 0.0, worstCosine = 1.0
        for (index, item) in fixture.cases.enumerated() {
            let row = embeddings.row(index).map(Double.init)
            let expected = item.embedding.map { Double(Float($0)) }
            let difference = zip(row, expected).map { abs($0 - $1) }.max() ?? 0
            var dot = 0.0, rowNorm = 0.0, expectedNorm = 0.0
            for (a, b) in zip(row, expected) {
                dot += a * b
                rowNorm += a * a
                expectedNorm += b * b
            }
            let cosine = dot / (rowNorm.squareRoot() * expectedNorm.squareRoot())
            #expect(difference <= 1e-4, "text \(index) \(item.text.prefix(40).debugDescription): max |Δ| \(difference)")
            #expect(cosine >= 0.9999, "text \(index) \(item.text.prefix(40).debugDescription): cosine \(cosine)")
            worstDifference = max(worstDifference, difference)
            worstCosine = min(worstCosine, cosine)
        }
        print("parity with sentence-transformers over \(fixture.cases.count) texts: max |Δ| \(worstDifference), min cosine \(worstCosine)")
    }
}
