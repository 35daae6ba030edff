/// The parts of a pair's score, each in [0, 1], as `recommendations.csv` reports them.
public struct ScoreComponents: Sendable, Hashable, Codable {
    /// Cosine of what the participant offers with what the partner needs (negative clamped to 0).
    public var offerToNeed: Double
    /// Cosine of what the participant needs with what the partner offers (negative clamped to 0).
    public var needFromOffer: Double
    /// The reciprocal mean of the two directions.
    public var complementarity: Double
    /// Cosine of the two profiles (negative clamped to 0).
    public var similarity: Double
    /// Mean value-chain affinity of their sectors.
    public var sector: Double
    /// Half for the partner's country being among the participant's targets, half the other way.
    public var country: Double
    /// Cosine of their cooperation types.
    public var cooperation: Double

    /// Creates components.
    public init(
        offerToNeed: Double, needFromOffer: Double, complementarity: Double, similarity: Double, sector: Double,
        country: Double, cooperation: Double
    ) {
        self.offerToNeed = offerToNeed
        self.needFromOffer = needFromOffer
        self.complementarity = complementarity
        self.similarity = similarity
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
        case complementarity, similarity, sector, country, cooperation
    }
}
