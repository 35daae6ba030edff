import Foundation
import MatchCore
@testable import MissionMatch
import Testing

/// Congestion pricing against a naive reference of its documented rule, on
/// random markets: every list redrawn every round, linked partners first, then
/// maximal marginal relevance with profile cosines computed on the spot. The
/// engine's version precomputes each pool's cosines and redraws only the lists
/// whose candidates' prices moved; the prices must come out bit for bit the same.
struct CongestionPricingTests {
    /// A random market: `owners` lists over `partners` participants, each a pool of distinct candidates.
    struct Market {
        var lists: [[Candidate]]
        var linked: [[Bool]]
        var profiles: Matrix
        var capacity: [Int]
        var owners: [Int]
    }

    static func market(seed: UInt64) -> Market {
        var random = SeededRandomNumberGenerator(seed: seed)
        let owners = Int.random(in: 8...40, using: &random)
        let partners = Int.random(in: 6...25, using: &random)
        let count = owners + partners
        let width = Int.random(in: 2...6, using: &random)
        var elements = (0..<(count * width)).map { _ in Float.random(in: -1...1, using: &random) }
        for row in 0..<count {
            let norm = (0..<width).reduce(Float(0)) { $0 + elements[row * width + $1] * elements[row * width + $1] }.squareRoot()
            for d in 0..<width { elements[row * width + d] /= max(norm, 1e-6) }
        }
        var lists = [[Candidate]](repeating: [], count: count)
        var linked = [[Bool]](repeating: [], count: count)
        // A few popular partners: scores skewed towards low indices.
        for owner in 0..<owners {
            let pool = Array((owners..<count).shuffled(using: &random).prefix(Int.random(in: 1...partners, using: &random)))
            lists[owner] = pool.map { partner in
                let popularity = Float(count - partner) / Float(partners)
                return Candidate(partner: partner, score: Float.random(in: 0...0.5, using: &random) + 0.3 * popularity, offerToNeed: 0, needFromOffer: 0)
            }.sorted(by: Candidate.precedes)
            linked[owner] = lists[owner].map { _ in Bool.random(using: &random) }
        }
        let capacity = (0..<count).map { _ in Int.random(in: 1...4, using: &random) }
        return Market(lists: lists, linked: linked, profiles: Matrix(rows: count, columns: width, elements: elements),
                      capacity: capacity, owners: Array(0..<owners))
    }

    /// The rule as documented, written without the engine's shortcuts.
    static func naivePrices(_ m: Market, k: Int, diversity: Float, strength: Double) -> [Float] {
        var price = [Float](repeating: 0, count: m.capacity.count)
        var partners = Set<Int>(), shown = 0
        for owner in m.owners {
            shown += min(k, m.lists[owner].count)
            for candidate in m.lists[owner] { partners.insert(candidate.partner) }
        }
        guard !partners.isEmpty else { return price }
        let average = Double(shown) / Double(partners.count)
        let allowance = m.capacity.map { Float(max(2 * Double($0), 1.5 * average, 1)) }
        var step = [Float](repeating: Float(0.1 * strength), count: m.capacity.count)
        var wasOver = [Bool](repeating: false, count: m.capacity.count)
        for _ in 0..<20 {
            var exposure = [Int](repeating: 0, count: m.capacity.count)
            for owner in m.owners {
                for partner in naiveDraw(m, owner: owner, k: k, diversity: diversity, price: price) { exposure[partner] += 1 }
            }
            for partner in partners {
                let load = max(0.5, Float(exposure[partner]) / allowance[partner])
                guard load > 1 || price[partner] > 0 else { continue }
                if price[partner] > 0 && (load > 1) != wasOver[partner] { step[partner] /= 2 }
                wasOver[partner] = load > 1
                price[partner] = max(0, price[partner] + step[partner] * Float(log(Double(load))))
            }
        }
        return price
    }

    /// Linked tier, then the other: each by maximal marginal relevance over score − price.
    static func naiveDraw(_ m: Market, owner: Int, k: Int, diversity: Float, price: [Float]) -> [Int] {
        var chosen: [Int] = []
        for tierIsLinked in [true, false] {
            var left = zip(m.lists[owner], m.linked[owner]).filter { $0.1 == tierIsLinked }
                .map { Candidate(partner: $0.0.partner, score: $0.0.score - price[$0.0.partner], offerToNeed: 0, needFromOffer: 0) }
                .sorted(by: Candidate.precedes)
            var picked: [Int] = []
            while chosen.count < k, !left.isEmpty {
                var best = 0
                var bestValue = -Float.infinity
                for (index, candidate) in left.enumerated() {
                    let redundancy = picked.reduce(Float(0)) { max($0, cosine(m.profiles, $1, candidate.partner)) }
                    let value = candidate.score - diversity * redundancy
                    if value > bestValue { best = index; bestValue = value }
                }
                picked.append(left[best].partner)
                chosen.append(left[best].partner)
                left.remove(at: best)
            }
        }
        return chosen
    }

    static func cosine(_ profiles: Matrix, _ a: Int, _ b: Int) -> Float {
        var sum: Float = 0
        for d in 0..<profiles.columns { sum += profiles[a, d] * profiles[b, d] }
        return sum
    }

    @Test(arguments: 1...40)
    func pricesMatchTheNaiveRule(seed: Int) {
        let m = Self.market(seed: UInt64(seed))
        let k = 1 + seed % 5
        let diversity: Float = seed % 3 == 0 ? 0 : 0.08 * Float(seed % 4)
        let draw = ListDraw(k: k, profiles: m.profiles, diversity: diversity)
        let cosines = m.lists.map { draw.cosines(of: $0) }
        let prices = CongestionPricing.prices(lists: m.lists, linked: m.linked, cosines: cosines, owners: m.owners,
                                              capacity: m.capacity, draw: draw, strength: 1)
        #expect(prices == Self.naivePrices(m, k: k, diversity: diversity, strength: 1))
        for owner in m.owners {
            let pool = m.lists[owner]
            let drawn = draw.members(of: pool, linked: m.linked[owner], cosines: cosines[owner], price: prices)
            #expect(drawn.positions.map { pool[$0].partner }
                    == Self.naiveDraw(m, owner: owner, k: k, diversity: diversity, price: prices))
            #expect(drawn.positions.prefix(drawn.linked).allSatisfy { m.linked[owner][$0] })
            #expect(drawn.positions.dropFirst(drawn.linked).allSatisfy { !m.linked[owner][$0] })
        }
    }

    /// A draw's slack is what it claims: at random prices within each
    /// candidate's slack of the prices it was drawn at (all moving at once,
    /// nine tenths of the way, either side), the naive rule draws the same
    /// list; and a slack is never negative.
    @Test(arguments: 1...60)
    func drawsHoldWithinTheirSlack(seed: Int) {
        let m = Self.market(seed: UInt64(seed))
        var random = SeededRandomNumberGenerator(seed: UInt64(1_000 + seed))
        let k = 1 + seed % 5
        let diversity: Float = seed % 3 == 0 ? 0 : 0.08 * Float(1 + seed % 4)
        let draw = ListDraw(k: k, profiles: m.profiles, diversity: diversity)
        let price = m.capacity.map { _ in Float.random(in: 0...0.3, using: &random) }
        var held = 0
        for owner in m.owners {
            let pool = m.lists[owner]
            let cosines = draw.cosines(of: pool)
            let drawn = draw.membersWithSlack(of: pool, linked: m.linked[owner], cosines: cosines, price: price)
            #expect(drawn.positions == draw.members(of: pool, linked: m.linked[owner], cosines: cosines, price: price).positions)
            #expect(drawn.slack.allSatisfy { $0 >= 0 })
            let listed = Set(drawn.positions.map { pool[$0].partner })
            for _ in 0..<20 {
                var moved = price
                for (position, candidate) in pool.enumerated() where drawn.slack[position].isFinite {
                    moved[candidate.partner] += 0.9 * drawn.slack[position] * Float.random(in: -1...1, using: &random)
                }
                let centres = pool.map { price[$0.partner] }
                let rounding = draw.rounding(largestScore: 1, largestPrice: moved.map(abs).max() ?? 0)
                #expect(Set(Self.naiveDraw(m, owner: owner, k: k, diversity: diversity, price: moved)) == listed,
                        "owner \(owner): the list changed within its slack")
                // Nine tenths of the slack leave a tenth: far more than the rounding bound (0 is a tie: drawn again).
                let room = zip(pool.indices, pool).allSatisfy { position, candidate in
                    drawn.slack[position] > 0 && abs(moved[candidate.partner] - centres[position]) < 0.95 * drawn.slack[position]
                }
                if room, drawn.slack.allSatisfy({ $0 > 1e-4 }) {
                    #expect(ListDraw.holds(slack: drawn.slack, centres: centres, of: pool, at: moved, rounding: rounding))
                    held += 1
                }
            }
        }
        #expect(held > 0)
    }

    /// Over many random markets the prices do what they are for: the lists'
    /// exposure beyond the partners' allowances falls, and never rises.
    @Test func pricesLowerTheExposureBeyondTheAllowances() {
        var lowered = 0, congested = 0
        for seed in 100..<160 {
            let m = Self.market(seed: UInt64(seed))
            let draw = ListDraw(k: 3, profiles: m.profiles, diversity: 0.08)
            let cosines = m.lists.map { draw.cosines(of: $0) }
            let prices = CongestionPricing.prices(lists: m.lists, linked: m.linked, cosines: cosines, owners: m.owners,
                                                  capacity: m.capacity, draw: draw, strength: 1)
            var partners = Set<Int>(), shown = 0
            for owner in m.owners {
                shown += min(3, m.lists[owner].count)
                for candidate in m.lists[owner] { partners.insert(candidate.partner) }
            }
            let average = Double(shown) / Double(max(1, partners.count))
            func excess(_ price: [Float]) -> Double {
                var exposure = [Int](repeating: 0, count: m.capacity.count)
                for owner in m.owners {
                    let pool = m.lists[owner]
                    for position in draw.members(of: pool, linked: m.linked[owner], cosines: cosines[owner], price: price).positions {
                        exposure[pool[position].partner] += 1
                    }
                }
                return exposure.indices.reduce(0) { total, partner in
                    total + max(0, Double(exposure[partner]) - max(2 * Double(m.capacity[partner]), 1.5 * average, 1))
                }
            }
            let before = excess([Float](repeating: 0, count: m.capacity.count)), after = excess(prices)
            guard before > 0 else { continue }
            congested += 1
            #expect(after <= before, "seed \(seed): \(before) → \(after)")
            if after < before { lowered += 1 }
        }
        #expect(congested >= 20)
        #expect(lowered * 10 >= congested * 7, "\(lowered) of \(congested)")
    }
}
