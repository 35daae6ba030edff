/// The latent vectors of one side of a pairing, one participant a row.
///
/// * `offer`, `need` — n × d, normally L2-normalised rows (cosines), so that
///   `Offer_A · Need_Bᵀ` measures how well A's offer meets B's need;
/// * `features` — n × f, the linear components (sectors, countries,
///   cooperation types…) already multiplied by their weights, so that
///   `Feat_A · Feat_Bᵀ` is the linear part of the score. f may be 0.
///
/// ```swift
/// let side = ScoringSide(offer: offers, need: needs, features: Matrix(rows: offers.rows, columns: 0))
/// ```
public struct ScoringSide: Sendable, Equatable {
    /// What each participant offers (n × d).
    public var offer: Matrix
    /// What each participant needs (n × d).
    public var need: Matrix
    /// Weighted linear features (n × f).
    public var features: Matrix

    /// Creates a side.
    ///
    /// - Precondition: the three matrices have the same number of rows and
    ///   `offer` and `need` the same number of columns.
    public init(offer: Matrix, need: Matrix, features: Matrix) {
        precondition(offer.rows == need.rows && offer.rows == features.rows,
                     "offer, need and features must have one row per participant (\(offer.rows), \(need.rows), \(features.rows))")
        precondition(offer.columns == need.columns,
                     "offer and need must have the same dimension (\(offer.columns) vs \(need.columns))")
        self.offer = offer
        self.need = need
        self.features = features
    }

    /// The number of participants (rows).
    @inlinable public var count: Int { offer.rows }
    /// The latent dimension d.
    @inlinable public var latentDimension: Int { offer.columns }
    /// The feature dimension f.
    @inlinable public var featureDimension: Int { features.columns }
}

/// What the kernel pairs: two distinct sides, or one set with itself.
public enum PairingInput: Sendable {
    /// Every row of `a` with every row of `b`.
    case bipartite(a: ScoringSide, b: ScoringSide)
    /// Every row with every other row of the same set (self-pairs excluded,
    /// each unordered pair scored once).
    case open(ScoringSide)
}

/// The kernel's answer: the best partners of every participant on both sides.
public struct PairRanking: Sendable, Equatable {
    /// For each row of A (or of the set, in `open` pairing), its partners
    /// best first (at most k).
    public var forA: [[ScoredPartner]]
    /// For each row of B, its partners best first. In `open` pairing this is
    /// the same as ``forA``.
    public var forB: [[ScoredPartner]]

    /// Creates a ranking.
    public init(forA: [[ScoredPartner]], forB: [[ScoredPartner]]) {
        self.forA = forA
        self.forB = forB
    }
}
