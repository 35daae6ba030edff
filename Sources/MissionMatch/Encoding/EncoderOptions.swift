/// How participants are encoded into vectors.
///
/// ```swift
/// var options = EncoderOptions()
/// options.latentDimensions = 128
/// let encoder = ParticipantEncoder(thesaurus: reference.thesaurus, options: options)
/// ```
public struct EncoderOptions: Sendable, Hashable {
    /// The LSA dimension *r* (default 256). Small corpora use fewer: at most a
    /// tenth of min(documents, features), at least 8 — short profiles need the
    /// smoothing of a low rank to relate different words for one thing.
    public var latentDimensions: Int
    /// The dimensions of the profile vector used for similarity (default 64):
    /// the leading LSA components of offers + needs.
    public var profileDimensions: Int
    /// Power iterations of the randomized SVD (default 2).
    public var powerIterations: Int
    /// Oversampling of the randomized SVD (default 10).
    public var oversampling: Int
    /// The seed of the randomized SVD; the same seed gives the same vectors.
    public var seed: UInt64
    /// The TF-IDF weight multiplier of thesaurus concepts (default 2).
    public var conceptBoost: Float
    /// The most columns of the exact-evidence block (``LexicalBlock``,
    /// default 512): every linking term and concept of a mission fits; a
    /// programme of thousands keeps the ones that link the most pairs.
    public var lexicalDimensions: Int
    /// The TF-IDF weight multiplier of concepts in the exact-evidence block (default 1).
    public var lexicalConceptBoost: Float

    /// The defaults: r = 256, profile 64, 2 power iterations, oversampling 10, seed 2019, concept boost 2,
    /// 512 exact-evidence columns.
    public init(
        latentDimensions: Int = 256, profileDimensions: Int = 64, powerIterations: Int = 2, oversampling: Int = 10,
        seed: UInt64 = 2019, conceptBoost: Float = 2, lexicalDimensions: Int = 512,
        lexicalConceptBoost: Float = 1
    ) {
        self.lexicalDimensions = lexicalDimensions
        self.lexicalConceptBoost = lexicalConceptBoost
        self.latentDimensions = latentDimensions
        self.profileDimensions = profileDimensions
        self.powerIterations = powerIterations
        self.oversampling = oversampling
        self.seed = seed
        self.conceptBoost = conceptBoost
    }

    /// The LSA dimension used for a corpus of this size.
    ///
    /// - Parameters:
    ///   - documents: Documents in the corpus.
    ///   - features: Features kept.
    /// - Returns: min(``latentDimensions``, max(8, min(documents, features) / 10)), and never more than min(documents, features).
    public func effectiveRank(documents: Int, features: Int) -> Int {
        let limit = min(documents, features)
        return max(0, min(limit, latentDimensions, max(8, limit / 10)))
    }
}
