import Testing
import MatchCore

struct TopKTests {
    /// The reference: sort everything, keep the first k.
    func reference(_ items: [ScoredIndex], k: Int) -> [ScoredIndex] {
        Array(items.sorted { $0.ranksBefore($1) }.prefix(k))
    }

    @Test("matches a full sort on random input with many ties", arguments: 0..<200)
    func matchesFullSort(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed))
        let n = Int.random(in: 0...300, using: &random)
        let k = Int.random(in: 0...40, using: &random)
        // Few distinct scores: ties are common.
        let items = (0..<n).map { ScoredIndex(index: $0, score: Float(Int.random(in: 0...9, using: &random)) / 8) }
            .shuffled(using: &random)
        var selection = TopK<ScoredIndex>(capacity: k)
        for item in items { selection.insert(item) }
        #expect(selection.sorted() == reference(items, k: k))
        #expect(selection.count == min(k, n))
    }

    @Test("merging partial selections equals one selection", arguments: 0..<100)
    func mergeEqualsWhole(seed: Int) {
        var random = SeededRandom(seed: UInt64(seed) &+ 1000)
        let items = (0..<Int.random(in: 0...200, using: &random)).map {
            ScoredIndex(index: $0, score: Float(Int.random(in: -5...5, using: &random)))
        }
        let k = Int.random(in: 1...25, using: &random)
        let parts = Int.random(in: 1...5, using: &random)
        var partials = Array(repeating: TopK<ScoredIndex>(capacity: k), count: parts)
        for item in items { partials[Int.random(in: 0..<parts, using: &random)].insert(item) }
        var merged = partials[0]
        for partial in partials.dropFirst() { merged.merge(partial) }
        #expect(merged.sorted() == reference(items, k: k))
    }

    @Test func tiesKeepTheLowerIndex() {
        var selection = TopK<ScoredIndex>(capacity: 2)
        for index in [5, 3, 9, 1, 7] { selection.insert(ScoredIndex(index: index, score: 1)) }
        #expect(selection.sorted().map(\.index) == [1, 3])
        #expect(selection.threshold == 1)
        let insertedHigherIndex = selection.insert(ScoredIndex(index: 4, score: 1))
        let insertedLowerIndex = selection.insert(ScoredIndex(index: 0, score: 1))
        #expect(!insertedHigherIndex)
        #expect(insertedLowerIndex)
        #expect(selection.sorted().map(\.index) == [0, 1])
    }

    @Test func capacityZeroAndNaN() {
        var none = TopK<ScoredIndex>(capacity: 0)
        let keptByEmpty = none.insert(ScoredIndex(index: 0, score: 1))
        #expect(!keptByEmpty)
        #expect(none.threshold == .infinity)
        var some = TopK<ScoredIndex>(capacity: 3)
        #expect(some.threshold == -.infinity)
        let keptNaN = some.insert(ScoredIndex(index: 0, score: .nan))
        #expect(!keptNaN)
        #expect(some.isEmpty)
        #expect(some.worst == nil)
    }

    @Test func sequenceTopK() {
        let best = [0.2, 0.9, 0.5, 0.9].topK(3) { Float($0) }
        #expect(best == [ScoredIndex(index: 1, score: 0.9), ScoredIndex(index: 3, score: 0.9), ScoredIndex(index: 2, score: 0.5)])
        #expect([Double]().topK(3) { Float($0) }.isEmpty)
    }
}
