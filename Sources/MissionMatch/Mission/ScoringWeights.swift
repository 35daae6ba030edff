/// How much each component of a pair's score counts.
///
/// The defaults weigh what one side offers against what the other needs
/// highest, as cluster missions are about complementary partners:
///
/// | component | default | what it measures |
/// |---|---|---|
/// | `complementarity` | 0.55 | A's offers against B's needs and B's offers against A's needs |
/// | `similarity` | 0.10 | how alike the two profiles are |
/// | `sector` | 0.15 | the value-chain affinity of their sectors |
/// | `country` | 0.15 | whether each is in the other's target countries |
/// | `cooperation` | 0.05 | shared cooperation types |
///
/// A mission file may set any subset; the others keep their default. The
/// ``reciprocity`` mean of the two directions of complementarity is set here
/// too (default ``Reciprocity/harmonic``).
public struct ScoringWeights: Sendable, Hashable, Codable {
    /// Weight of offer↔need complementarity (default 0.55).
    public var complementarity: Double
    /// Weight of profile similarity (default 0.10).
    public var similarity: Double
    /// Weight of sector affinity (default 0.15).
    public var sector: Double
    /// Weight of target-country fit (default 0.15).
    public var country: Double
    /// Weight of shared cooperation types (default 0.05).
    public var cooperation: Double
    /// How the two directions of complementarity combine (default harmonic).
    public var reciprocity: Reciprocity

    /// The documented defaults: 0.55, 0.10, 0.15, 0.15, 0.05.
    public static let defaults = ScoringWeights(
        complementarity: 0.55, similarity: 0.10, sector: 0.15, country: 0.15, cooperation: 0.05)

    /// Creates weights; omitted components take their default.
    ///
    /// - Parameters:
    ///   - complementarity: Weight of complementarity.
    ///   - similarity: Weight of similarity.
    ///   - sector: Weight of sector affinity.
    ///   - country: Weight of target-country fit.
    ///   - cooperation: Weight of shared cooperation types.
    ///   - reciprocity: The mean of the two directions.
    public init(
        complementarity: Double = 0.55, similarity: Double = 0.10, sector: Double = 0.15,
        country: Double = 0.15, cooperation: Double = 0.05, reciprocity: Reciprocity = .harmonic
    ) {
        self.complementarity = complementarity
        self.similarity = similarity
        self.sector = sector
        self.country = country
        self.cooperation = cooperation
        self.reciprocity = reciprocity
    }

    /// The sum of all weights.
    public var total: Double { complementarity + similarity + sector + country + cooperation }

    /// Decodes weights; absent components take their default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ScoringWeights.defaults
        self.init(
            complementarity: try c.decodeIfPresent(Double.self, forKey: .complementarity) ?? d.complementarity,
            similarity: try c.decodeIfPresent(Double.self, forKey: .similarity) ?? d.similarity,
            sector: try c.decodeIfPresent(Double.self, forKey: .sector) ?? d.sector,
            country: try c.decodeIfPresent(Double.self, forKey: .country) ?? d.country,
            cooperation: try c.decodeIfPresent(Double.self, forKey: .cooperation) ?? d.cooperation,
            reciprocity: try c.decodeIfPresent(Reciprocity.self, forKey: .reciprocity) ?? d.reciprocity)
    }
}
