import Foundation
import MatchCore
@testable import SentenceEncoder
import Testing

/// The row of a sequence is bit-identical whatever the other sequences,
/// their order, the batches they fall into and the number of workers.
@Suite struct DeterminismTests {
    /// Checks every way of embedding `sequences` against embedding them all at once on one worker.
    static func checkInvariance(_ model: SentenceTransformerModel, _ sequences: [[Int32]],
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let reference = model.embed(tokenSequences: sequences, workers: 1)
        func expectRows(_ result: Matrix, _ indices: [Int], _ what: String) {
            let differing = indices.enumerated().filter { row, index in
                !EncoderTestSupport.sameBits(result.row(row), reference.row(index))
            }.map(\.element)
            #expect(differing.isEmpty, "\(what): \(differing.count) of \(indices.count) rows differ, e.g. sequence \(differing.first ?? -1)",
                    sourceLocation: sourceLocation)
        }
        let all = Array(sequences.indices)
        expectRows(model.embed(tokenSequences: sequences, workers: 2), all, "2 workers")
        expectRows(model.embed(tokenSequences: sequences, workers: 3), all, "3 workers")
        let reversed = Array(all.reversed())
        expectRows(model.embed(tokenSequences: reversed.map { sequences[$0] }, workers: 2), reversed, "reversed order")
        var random = SeededRandomNumberGenerator(seed: 99)
        let shuffled = all.shuffled(using: &random)
        expectRows(model.embed(tokenSequences: shuffled.map { sequences[$0] }, workers: 1), shuffled, "shuffled")
        let odd = all.filter { $0 % 2 == 1 }
        expectRows(model.embed(tokenSequences: odd.map { sequences[$0] }, workers: 2), odd, "every other sequence")
        for index in all.prefix(12) {
            expectRows(model.embed(tokenSequences: [sequences[index]], workers: 1), [index], "alone")
        }
        // The same sequence many times in one call, next to very long and very short ones.
        let crowd = Array(repeating: 0, count: 5) + [all.last!] + Array(repeating: 0, count: 3)
        expectRows(model.embed(tokenSequences: crowd.map { sequences[$0] }, workers: 2), crowd, "repeated")
    }

    @Test func tinyModel() throws {
        let bert = TinyBERT(seed: 20)
        let folder = try bert.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try SentenceTransformerModel(folder: folder)
        Self.checkInvariance(model, bert.randomSequences(40, lengths: 1...64, seed: 21))
    }

    /// Many batches of different sizes, so that a sequence's rows sit at
    /// different places in products of different sizes.
    @Test func mediumModelWithManyBatches() throws {
        let bert = TinyBERT(seed: 22, vocabularySize: 300, hiddenSize: 128, headCount: 4, layerCount: 2,
                            intermediateSize: 256, positions: 300)
        let folder = try bert.write(maximumSequenceLength: 300)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try SentenceTransformerModel(folder: folder)
        let sequences = bert.randomSequences(50, lengths: 1...300, seed: 23)
        #expect(SentenceTransformerModel.batches(lengths: sequences.map(\.count)).count > 4)
        Self.checkInvariance(model, sequences)
    }

    @Test func batchesDependOnLengthsOnly() {
        let lengths = [500, 600, 1024, 1, 1, 2000, 3, 1021]
        let batches = SentenceTransformerModel.batches(lengths: lengths, budget: 1_024)
        #expect(batches == [0..<1, 1..<2, 2..<3, 3..<5, 5..<6, 6..<8])
        #expect(SentenceTransformerModel.batches(lengths: []).isEmpty)
    }

    @Test func realModel() throws {
        guard let model = EncoderTestSupport.realModel() else { return }
        let fixture = try ParityFixture.load()
        Self.checkInvariance(model, fixture.cases.map(\.ids))
    }
}
