/// The latent vectors of one side of a pairing, one participant a row.
///
/// * `offer`, `need` — n × d, normally L2-normalised rows (cosines), so that
///   `Offer_A · Need_Bᵀ` measures how well A's offer meets B's need;
/// * `features` — n × f, the linear components (sectors, countries,
///   cooperation types…) already multiplied by their weights, so that
///   `Feat_A · Feat_Bᵀ` is the linear part of the score. f may be 0;
/// * `sparse` — optional blocks with a few non-zeros per row in hundreds of
///   columns (exact TF-IDF evidence), whose products the kernel adds to the
///   dense ones without multiplying zeros (``SparseScoringBlocks``).
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
    /// Sparse blocks added to the dense ones, or `nil`.
    public var sparse: SparseScoringBlocks?

    /// Creates a side.
    ///
    /// - Parameters:
    ///   - offer: What each participant offers (n × d).
    ///   - need: What each participant needs (n × d).
    ///   - features: Weighted linear features (n × f).
    ///   - sparse: Sparse blocks whose products are added to the dense ones (default none).
    /// - Precondition: every matrix has the same number of rows and `offer`
    ///   and `need` the same number of columns.
    public init(offer: Matrix, need: Matrix, features: Matrix, sparse: SparseScoringBlocks? = nil) {
        precondition(offer.rows == need.rows && offer.rows == features.rows,
                     "offer, need and features must have one row per participant (\(offer.rows), \(need.rows), \(features.rows))")
        precondition(offer.columns == need.columns,
                     "offer and need must have the same dimension (\(offer.columns) vs \(need.columns))")
        precondition(sparse.map { $0.offer.rows == offer.rows } ?? true,
                     "the sparse blocks must have one row per participant (\(sparse?.offer.rows ?? 0) vs \(offer.rows))")
        self.offer = offer
        self.need = need
        self.features = features
        self.sparse = sparse
    }

    /// The number of participants (rows).
    @inlinable public var count: Int { offer.rows }
    /// The latent dimension d.
    @inlinable public var latentDimension: Int { offer.columns }
    /// The feature dimension f.
    @inlinable public var featureDimension: Int { features.columns }
}

/// The sparse part of a ``ScoringSide``: blocks with a few non-zeros per row
/// in hundreds of columns, such as exact TF-IDF evidence. The kernel adds
///
///     SparseOffer_A · SparseNeed_Bᵀ to C1,  SparseNeed_A · SparseOffer_Bᵀ to C2,
///     SparseFeat_A · SparseFeat_Bᵀ to the linear part,
///
/// multiplying only the stored entries that meet: O(Σ over columns of
/// nnz_A(column) · nnz_B(column)) instead of a GEMM's O(|A| · |B| · width).
/// Dense and sparse blocks together give the same scores as one dense block
/// holding both (up to rounding: the sparse terms are added after the GEMM's
/// sum, in column order, the same on every machine).
///
/// ```swift
/// let sparse = SparseScoringBlocks(offer: CSRMatrix(lexicalOffers), need: CSRMatrix(lexicalNeeds),
///                                  features: CSRMatrix(columns: 0, rowEntries: Array(repeating: [], count: n)))
/// let side = ScoringSide(offer: latentOffers, need: latentNeeds, features: linear, sparse: sparse)
/// ```
public struct SparseScoringBlocks: Sendable, Equatable {
    /// What each participant offers (n × s).
    public var offer: CSRMatrix
    /// What each participant needs (n × s).
    public var need: CSRMatrix
    /// Weighted linear features (n × g).
    public var features: CSRMatrix

    /// Creates the blocks.
    ///
    /// - Precondition: the three matrices have the same number of rows and
    ///   `offer` and `need` the same number of columns.
    public init(offer: CSRMatrix, need: CSRMatrix, features: CSRMatrix) {
        precondition(offer.rows == need.rows && offer.rows == features.rows,
                     "sparse offer, need and features must have one row per participant (\(offer.rows), \(need.rows), \(features.rows))")
        precondition(offer.columns == need.columns,
                     "sparse offer and need must have the same dimension (\(offer.columns) vs \(need.columns))")
        self.offer = offer
        self.need = need
        self.features = features
    }
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
