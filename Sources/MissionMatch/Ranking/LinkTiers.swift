/// Which candidates of a pool count as linked — listed before every other
/// partner — beyond those with a nameable offer↔need link (a shared concept
/// or phrase, or a link by meaning where exact evidence is scarce).
///
/// A link is named from the words two texts share, so a partner whose offer
/// meets the need in common words ("a Canadian research partner for pilot
/// data" ↔ "university research centre … pilot halls") has none, and the
/// tiers used to list it after a weakly linked partner of a far lower fit.
/// Such a partner joins the linked ones when its offer↔need fit — the
/// score's complementarity component, from every block of the
/// representation — is at least ``fitFactor`` times the weakest fit among
/// the linked partners the list would show (the best `k` linked ones by
/// score). Sector and market alone give no fit, so they still never
/// outrank a real complement; its reasons say `offer↔need fit without a
/// specific shared term`.
///
/// ```swift
/// let joined = LinkTiers.joiningByFit(pool: pool, linked: linked, k: 10) { model.complementarity(of: pool[$0]) }
/// ```
enum LinkTiers {
    /// How many times the weakest shown linked fit a partner without a named link needs (1.5, chosen in
    /// docs/MatchQuality.md on hand-toronto, hand-advanced, supplychain and generate seeds 1–3).
    static let fitFactor = 1.5

    /// Whether a pool holding `linked` partners with exact evidence (a shared
    /// concept or phrase) lacks it, so that links by meaning alone count too:
    /// fewer than half a list (2·linked < k). Chosen in docs/MatchQuality.md
    /// against "fewer than k" on the three hand-judged sets, supplychain and
    /// generate seeds 1–6: equal or better on each but hand-shanghai (−0.001).
    ///
    /// - Complexity: O(1).
    static func exactEvidenceIsScarce(linked: Int, k: Int) -> Bool {
        2 * linked < k
    }

    /// The candidates without a link that join the linked tier by their fit.
    ///
    /// - Parameters:
    ///   - pool: The candidates.
    ///   - linked: Per candidate, whether it has a named link (missing entries: not linked).
    ///   - k: The list length.
    ///   - fit: The offer↔need fit (complementarity) of the candidate at a position of `pool`.
    /// - Returns: Per candidate, whether it joins (never a linked one; all `false` without linked candidates).
    /// - Complexity: O(c log c) plus c calls of `fit` for c candidates.
    static func joiningByFit(pool: [Candidate], linked: [Bool], k: Int, fit: (Int) -> Double) -> [Bool] {
        let isLinked = { (position: Int) in position < linked.count && linked[position] }
        let shown = pool.indices.filter(isLinked)
            .sorted { Candidate.precedes(pool[$0], pool[$1]) }
            .prefix(max(0, k))
        guard let bar = shown.map(fit).min(), shown.count < pool.count else {
            return [Bool](repeating: false, count: pool.count)
        }
        return pool.indices.map { position in
            guard !isLinked(position) else { return false }
            let value = fit(position)
            return value > 0 && value >= fitFactor * bar
        }
    }
}
