/// The parts of a pair's score, each in [0, 1] and before calibration, as
/// `recommendations.csv` reports them.
public struct ScoreComponents: Sendable, Hashable, Codable {
    /// How well what the participant offers meets what the partner needs:
    /// the ``ScoringWeights/latentShare`` mix of the LSA and the exact TF-IDF
    /// cosines (negative clamped to 0).
    public var offerToNeed: Double
    /// How well what the partner offers meets what the participant needs (same mix).
    public var needFromOffer: Double
    /// The reciprocal mean of the two directions.
    public var complementarity: Double
    /// Cosine of the two profiles (negative clamped to 0).
    public var similarity: Double
    /// Exact TF-IDF cosine of the two offers: how much they sell the same thing.
    public var competition: Double
    /// Mean value-chain affinity of their sectors.
    public var sector: Double
    /// Half for the partner's country being among the participant's targets, half the other way.
    public var country: Double
    /// Cosine of their cooperation types.
    public var cooperation: Double

    /// Creates components.
    public init(
        offerToNeed: Double, needFromOffer: Double, complementarity: Double, similarity: Double, competition: Double = 0,
        sector: Double, country: Double, cooperation: Double
    ) {
        self.offerToNeed = offerToNeed
        self.needFromOffer = needFromOffer
        self.complementarity = complementarity
        self.similarity = similarity
        self.competition = competition
        self.sector = sector
        self.country = country
        self.cooperation = cooperation
    }

    /// The same pair seen from the partner's side: the two directions swap.
    public var swapped: ScoreComponents {
        var copy = self
        copy.offerToNeed = needFromOffer
        copy.needFromOffer = offerToNeed
        return copy
    }

    /// enum keys in snake_case.
    enum CodingKeys: String, CodingKey {
        case offerToNeed = "offer_to_need"
        case needFromOffer = "need_from_offer"
        case complementarity, similarity, competition, sector, country, cooperation
    }

    /// Decodes components; `competition` may be absent (files of earlier versions).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            offerToNeed: try c.decode(Double.self, forKey: .offerToNeed),
            needFromOffer: try c.decode(Double.self, forKey: .needFromOffer),
            complementarity: try c.decode(Double.self, forKey: .complementarity),
            similarity: try c.decode(Double.self, forKey: .similarity),
            competition: try c.decodeIfPresent(Double.self, forKey: .competition) ?? 0,
            sector: try c.decode(Double.self, forKey: .sector), country: try c.decode(Double.self, forKey: .country),
            cooperation: try c.decode(Double.self, forKey: .cooperation))
    }
}
