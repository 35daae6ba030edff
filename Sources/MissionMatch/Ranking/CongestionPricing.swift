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
///     price_j ← max(0, price_j + step_j · ln(max(½, exposure_j / allowance_j)))
///
/// (rising while over the allowance, easing back while under it, never below
/// 0). step_j starts at 0.1 · strength and halves each time partner j's
/// exposure crosses its allowance, so that a price settles instead of pushing
/// the partner in and out of the same lists round after round, while a
/// partner far over its allowance keeps the full step.
/// Twenty rounds of this tâtonnement (a market's price adjustment) on the
/// candidate lists settle the prices (fewer when a round moves no price); each list then takes its members by
/// score − price and shows them in the order of their scores. Each round
/// draws every list as the ranking does (``ListDraw``: partners with an
/// offer↔need link first, diversity included), so that a price only moves a
/// partner where a linked alternative can take its place, and the exposure it
/// steers by is the one the lists will have; a list keeps its draw when no
/// price move can change it (``ListDraw/keeps(_:of:moved:from:to:)``) or, once
/// lists start repeating, when its candidates' prices stayed within the slack
/// of its draw (``ListDraw/holds(slack:centres:of:at:rounding:)``). The
/// reported scores are never changed.
/// Deterministic: ties go to the lower index, and the rounds' parallel draws
/// are counted in list order.
enum CongestionPricing {
    /// The price of every participant for lists drawn from `lists`.
    ///
    /// - Parameters:
    ///   - lists: Candidate lists, best first, keyed by the list owner's index.
    ///   - linked: Per list, per candidate, whether the pair counts as linked
    ///     (listed before every unlinked partner); empty rows count as all unlinked.
    ///   - owners: Whose lists to consider (one side of the mission).
    ///   - capacity: The meeting capacity of each participant (by index).
    ///   - cosines: Per list, its candidates' profile cosines (``ListDraw/cosines(of:)``).
    ///   - draw: How a list is drawn from its candidates (length, diversity), as the ranking draws it.
    ///   - strength: 0 returns all-zero prices.
    /// - Returns: A price per participant index.
    /// - Complexity: O(rounds × Σ list lengths × k).
    static func prices(
        lists: [[Candidate]], linked: [[Bool]], cosines: [[Float]], owners: [Int], capacity: [Int], draw: ListDraw,
        strength: Double
    ) -> [Float] {
        var price = [Float](repeating: 0, count: capacity.count)
        guard strength > 0, draw.k > 0, !owners.isEmpty else { return price }
        var partners = Set<Int>()
        var shown = 0
        for owner in owners {
            shown += min(draw.k, lists[owner].count)
            for candidate in lists[owner] { partners.insert(candidate.partner) }
        }
        guard !partners.isEmpty else { return price }
        let averageExposure = Double(shown) / Double(partners.count)
        let allowance = capacity.map { Float(max(2 * Double($0), 1.5 * averageExposure, 1)) }
        var exposure = [Int](repeating: 0, count: capacity.count)
        var step = [Float](repeating: Float(0.1 * strength), count: capacity.count)
        var wasOver = [Bool](repeating: false, count: capacity.count)
        // Per owner position, once the first round has drawn every list: its partners and, once lists
        // start coming out as before, the prices of its candidates when it was drawn and how far each may
        // move before the draw can change (ListDraw.membersWithSlack).
        var drawn: [Draw] = []
        var changed = [Bool](repeating: true, count: capacity.count)  // price moved since the round before
        var earlier = price  // the prices of the round before
        var withSlack = false
        let largestScore = owners.reduce(Float(0)) { largest, owner in
            lists[owner].reduce(largest) { max($0, abs($1.score)) }
        }
        for _ in 0..<20 {
            // A list keeps its draw when no price move can change it (ListDraw.keeps), or when its candidates'
            // prices stayed within the slack of its draw (ListDraw.holds); both are exact.
            let current = price, moved = changed, before = earlier, slackNow = withSlack
            let rounding = draw.rounding(largestScore: largestScore, largestPrice: price.reduce(0) { max($0, abs($1)) })
            // A fresh draw of the list at `position` at the current prices.
            let drawAgain = { @Sendable (position: Int) -> Draw in
                let owner = owners[position]
                let pool = lists[owner]
                var next: Draw
                if slackNow {
                    let members = draw.membersWithSlack(of: pool, linked: linked[owner], cosines: cosines[owner], price: current)
                    next = Draw(partners: members.positions, centres: pool.map { current[$0.partner] }, slack: members.slack, repeated: false)
                } else {
                    let members = draw.members(of: pool, linked: linked[owner], cosines: cosines[owner], price: current)
                    next = Draw(partners: members.positions, centres: [], slack: [], repeated: false)
                }
                // Positions to partners in place: one array per draw, not two (lists are drawn up to 20 times).
                for index in next.partners.indices { next.partners[index] = pool[next.partners[index]].partner }
                return next
            }
            if drawn.isEmpty {
                drawn = ParallelChunks.map(count: owners.count, minimumChunk: 256) { range in range.map(drawAgain) }
            } else {
                // The draws are updated in place, each chunk its own positions: a list that keeps its draw
                // costs no copy of its arrays (20,000 lists, up to 20 rounds).
                drawn.withUnsafeMutableBufferPointer { buffer in
                    nonisolated(unsafe) let draws = buffer
                    ParallelChunks.forEach(count: owners.count, minimumChunk: 256) { range in
                        for position in range {
                            let pool = lists[owners[position]]
                            if ListDraw.keeps(draws[position].partners, of: pool, moved: moved, from: before, to: current)
                                || ListDraw.holds(slack: draws[position].slack, centres: draws[position].centres, of: pool,
                                                  at: current, rounding: rounding) {
                                draws[position].repeated = true
                                continue
                            }
                            var next = drawAgain(position)
                            let last = draws[position].partners  // k entries: no set needed
                            next.repeated = next.partners.count == last.count && next.partners.allSatisfy(last.contains)
                            draws[position] = next
                        }
                    }
                }
            }
            // Slack costs a third more per draw and pays once draws repeat: from the round after a quarter
            // of the lists came out as before (a performance choice; the lists are the same either way).
            if !withSlack { withSlack = 4 * drawn.lazy.filter(\.repeated).count >= drawn.count }
            for index in exposure.indices { exposure[index] = 0 }
            for list in drawn { for partner in list.partners { exposure[partner] += 1 } }
            earlier = price
            for index in changed.indices { changed[index] = false }
            for partner in partners {
                let load = max(0.5, Float(exposure[partner]) / allowance[partner])
                guard load > 1 || price[partner] > 0 else { continue }
                // A partner that crossed its allowance since the last change overshot: halve its step.
                if price[partner] > 0 && (load > 1) != wasOver[partner] { step[partner] /= 2 }
                wasOver[partner] = load > 1
                let updated = max(0, price[partner] + step[partner] * Float(log(Double(load))))
                changed[partner] = updated != price[partner]
                price[partner] = updated
            }
            // No price moved: every later round would draw the same lists and move nothing.
            if !changed.contains(true) { break }
        }
        return price
    }
}

/// One list as congestion pricing last drew it (``CongestionPricing``).
private struct Draw: Sendable {
    /// The partners listed.
    var partners: [Int]
    /// The candidates' prices when it was drawn, by pool position (empty: drawn without slack).
    var centres: [Float]
    /// How far each candidate's price may move before the draw can change (``ListDraw/membersWithSlack(of:linked:cosines:price:)``).
    var slack: [Float]
    /// Whether the list was kept or came out with the same partners as the round before.
    var repeated: Bool
}
