import Foundation

/// Spreads recommendations away from a few very popular participants.
///
/// In a matching market every participant can hold only so many meetings.
/// When plain top-k lists put the same popular partner in hundreds of lists,
/// most of those recommendations cannot become meetings. Congestion pricing
/// gives each participant an *allowance* of lists it may appear in —
/// max(2 × its meeting capacity, 1.5 × the average exposure) — and a price
/// (subtracted from its scores when ranking) that moves, round by round,
/// with the ratio of its exposure to that allowance:
///
///     price_j ← max(0, price_j + 0.1 · strength · ln(max(½, exposure_j / allowance_j)))
///
/// (rising while over the allowance, easing back while under it, never below 0).
/// Twenty rounds of this tâtonnement (a market's price adjustment) on the
/// candidate lists settle the prices; lists are then ranked by score − price.
/// The reported scores are never changed. Deterministic: ties go to the lower index.
enum CongestionPricing {
    /// The price of every participant for lists drawn from `lists`.
    ///
    /// - Parameters:
    ///   - lists: Candidate lists, best first, keyed by the list owner's index.
    ///   - owners: Whose lists to consider (one side of the mission).
    ///   - capacity: The meeting capacity of each participant (by index).
    ///   - k: The length of the final lists.
    ///   - strength: 0 returns all-zero prices.
    /// - Returns: A price per participant index.
    /// - Complexity: O(rounds × Σ list lengths × log k).
    static func prices(lists: [[Candidate]], owners: [Int], capacity: [Int], k: Int, strength: Double) -> [Float] {
        var price = [Float](repeating: 0, count: capacity.count)
        guard strength > 0, k > 0, !owners.isEmpty else { return price }
        var partners = Set<Int>()
        var shown = 0
        for owner in owners {
            shown += min(k, lists[owner].count)
            for candidate in lists[owner] { partners.insert(candidate.partner) }
        }
        guard !partners.isEmpty else { return price }
        let averageExposure = Double(shown) / Double(partners.count)
        let allowance = capacity.map { Float(max(2 * Double($0), 1.5 * averageExposure, 1)) }
        let step = Float(0.1 * strength)
        var exposure = [Int](repeating: 0, count: capacity.count)
        for _ in 0..<20 {
            for index in exposure.indices { exposure[index] = 0 }
            var best: [Candidate] = []
            best.reserveCapacity(k + 1)
            for owner in owners {
                topPartners(k, of: lists[owner], price: price, into: &best)
                for candidate in best { exposure[candidate.partner] += 1 }
            }
            for partner in partners {
                let load = max(0.5, Float(exposure[partner]) / allowance[partner])
                if load > 1 || price[partner] > 0 {
                    price[partner] = max(0, price[partner] + step * Float(log(Double(load))))
                }
            }
        }
        return price
    }

    /// The best `k` candidates by score − price, best first, into a reused buffer.
    static func topPartners(_ k: Int, of list: [Candidate], price: [Float], into best: inout [Candidate]) {
        best.removeAll(keepingCapacity: true)
        for candidate in list {
            let adjusted = Candidate(partner: candidate.partner, score: candidate.score - price[candidate.partner])
            if best.count == k, let last = best.last, !Candidate.precedes(adjusted, last) { continue }
            var position = best.count
            while position > 0, Candidate.precedes(adjusted, best[position - 1]) { position -= 1 }
            best.insert(adjusted, at: position)
            if best.count > k { best.removeLast() }
        }
    }
}
