/// How much each component of a pair's score counts.
///
/// Every component is first brought to the spread of complementarity in the
/// mission at hand (``ScoreCalibration``), so a weight means the same thing in
/// a 70-participant mission and a 23,100-participant programme. The defaults
/// were fitted on judged pairs (`missionmatch fit-weights`, see
/// `docs/MatchQuality.md`), not chosen by hand:
///
/// | component | default | what it measures |
/// |---|---|---|
/// | `complementarity` | 0.36 | A's offers against B's needs and B's offers against A's needs |
/// | `latent_share` | 0.20 | the share of complementarity taken from the LSA space (the rest: exact shared terms and concepts) |
/// | `semantic_share` | 0.30 | with a sentence encoder (``SemanticVectors``): the share of complementarity taken from its space; the rest is the lexical mix above. Ignored without one |
/// | `similarity` | 0.22 | how alike the two profiles are (same field, same customers) |
/// | `competition` | 0.13 | a penalty: how alike the two offers are (they sell the same thing) |
/// | `sector` | 0.12 | the value-chain affinity of their sectors |
/// | `country` | 0.10 | whether each is in the other's target countries |
/// | `cooperation` | 0.07 | shared cooperation types |
/// | `calibrated` | true | whether components are first brought to complementarity's spread |
///
/// A mission file may set any subset; the others keep their default. The
/// ``reciprocity`` mean of the two directions of complementarity is set here
/// too (default ``Reciprocity/arithmetic``).
public struct ScoringWeights: Sendable, Hashable, Codable {
    /// Weight of offer↔need complementarity.
    public var complementarity: Double
    /// The share, in [0, 1], of complementarity measured in the LSA space; the
    /// rest is the exact TF-IDF cosine of shared terms and concepts.
    public var latentShare: Double
    /// The share, in [0, 1], of complementarity measured by a sentence
    /// encoder when the mission has one (``SemanticVectors``); the rest is the
    /// lexical mix of ``latentShare``. Without an encoder it has no effect, so
    /// the lexical score is the same with or without one.
    public var semanticShare: Double
    /// Weight of profile similarity.
    public var similarity: Double
    /// Weight of the competition penalty (subtracted): the cosine of the two offers.
    public var competition: Double
    /// Weight of sector affinity.
    public var sector: Double
    /// Weight of target-country fit.
    public var country: Double
    /// Weight of shared cooperation types.
    public var cooperation: Double
    /// How the two directions of complementarity combine (default arithmetic).
    public var reciprocity: Reciprocity
    /// Whether the linear components are brought to complementarity's spread
    /// in the mission (``ScoreCalibration``) before they are weighted.
    public var calibrated: Bool

    /// The fitted defaults (see the type's documentation).
    public static let defaults = ScoringWeights()

    /// Creates weights; omitted components take their default.
    ///
    /// - Parameters:
    ///   - complementarity: Weight of complementarity.
    ///   - latentShare: Share of complementarity from the LSA space, in [0, 1].
    ///   - semanticShare: Share of complementarity from a sentence encoder's space, in [0, 1].
    ///   - similarity: Weight of similarity.
    ///   - competition: Weight of the competition penalty.
    ///   - sector: Weight of sector affinity.
    ///   - country: Weight of target-country fit.
    ///   - cooperation: Weight of shared cooperation types.
    ///   - reciprocity: The mean of the two directions.
    ///   - calibrated: Whether components are calibrated.
    public init(
        complementarity: Double = 0.36, latentShare: Double = 0.20, semanticShare: Double = 0.30, similarity: Double = 0.22, competition: Double = 0.13,
        sector: Double = 0.12, country: Double = 0.10, cooperation: Double = 0.07, reciprocity: Reciprocity = .arithmetic,
        calibrated: Bool = true
    ) {
        self.calibrated = calibrated
        self.complementarity = complementarity
        self.latentShare = latentShare
        self.semanticShare = semanticShare
        self.similarity = similarity
        self.competition = competition
        self.sector = sector
        self.country = country
        self.cooperation = cooperation
        self.reciprocity = reciprocity
    }

    /// The sum of all weights (the competition penalty counted by its size).
    public var total: Double { complementarity + similarity + competition + sector + country + cooperation }

    enum CodingKeys: String, CodingKey {
        case complementarity, similarity, competition, sector, country, cooperation, reciprocity, calibrated
        case latentShare = "latent_share"
        case semanticShare = "semantic_share"
    }

    /// Decodes weights; absent components take their default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ScoringWeights.defaults
        self.init(
            complementarity: try c.decodeIfPresent(Double.self, forKey: .complementarity) ?? d.complementarity,
            latentShare: try c.decodeIfPresent(Double.self, forKey: .latentShare) ?? d.latentShare,
            semanticShare: try c.decodeIfPresent(Double.self, forKey: .semanticShare) ?? d.semanticShare,
            similarity: try c.decodeIfPresent(Double.self, forKey: .similarity) ?? d.similarity,
            competition: try c.decodeIfPresent(Double.self, forKey: .competition) ?? d.competition,
            sector: try c.decodeIfPresent(Double.self, forKey: .sector) ?? d.sector,
            country: try c.decodeIfPresent(Double.self, forKey: .country) ?? d.country,
            cooperation: try c.decodeIfPresent(Double.self, forKey: .cooperation) ?? d.cooperation,
            reciprocity: try c.decodeIfPresent(Reciprocity.self, forKey: .reciprocity) ?? d.reciprocity,
            calibrated: try c.decodeIfPresent(Bool.self, forKey: .calibrated) ?? d.calibrated)
    }
}
