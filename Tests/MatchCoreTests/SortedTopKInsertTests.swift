import Testing
@testable import MatchCore

/// The top-k lists' insertion against a naive reference that sorts every
/// offered entry, on random streams with many tied scores, for capacities
/// 0 … 40.
struct SortedTopKInsertTests {
    /// The naive reference: all offers sorted by (score descending, partner
    /// ascending), the first `capacity` kept.
    private func reference(_ offers: [(score: Float, partner: Int)], capacity: Int) -> [(score: Float, partner: Int)] {
        Array(offers.sorted { $0.score != $1.score ? $0.score > $1.score : $0.partner < $1.partner }.prefix(capacity))
    }

    private func randomOffers(count: Int, random: inout SeededRandomNumberGenerator) -> [(score: Float, partner: Int)] {
        // Partners distinct (as in the kernel: each pair is offered once); scores from a few
        // values so that ties are common, and some negative and zero ones.
        var partners = Array(0..<(count * 3))
        partners.shuffle(using: &random)
        return (0..<count).map { index in
            let score = Float(Int(random.next() % 17) - 4) / 8
            return (score: index % 5 == 0 ? -0.0 : score, partner: partners[index])
        }
    }

    @Test func insertionsMatchTheNaiveReference() {
        var random = SeededRandomNumberGenerator(seed: 11)
        for capacity in Array(0...33) + [40] {
            for round in 0..<6 {
                let offers = randomOffers(count: [1, capacity, capacity + 1, 2 * capacity + 3, 90, 7][round],
                                          random: &random)
                let rows = 3
                let table = SortedTopKTable(rows: rows, capacity: capacity)
                let row = round % rows
                for (index, offer) in offers.enumerated() {
                    let components = SIMD4<Float>(Float(offer.partner), Float(index), -Float(offer.partner), 0)
                    let threshold = table.insert(score: offer.score, partner: offer.partner, components: components, row: row)
                    // The returned threshold is the list's own.
                    #expect(threshold == table.threshold(row: row))
                }
                let expected = reference(offers, capacity: capacity)
                let entries = table.entries(row: row)
                #expect(entries.map(\.partner) == expected.map(\.partner), "capacity \(capacity), round \(round)")
                #expect(entries.map(\.score) == expected.map { $0.score + 0 })
                // Each entry kept its own components through every move.
                #expect(entries.map(\.offerToNeed) == entries.map { Float($0.partner) })
                #expect(entries.map(\.linear) == entries.map { -Float($0.partner) })
                // The other rows stayed empty (nothing written past a row's capacity).
                for other in 0..<rows where other != row { #expect(table.entries(row: other).isEmpty) }
            }
        }
    }
}
