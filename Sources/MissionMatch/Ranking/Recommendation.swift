/// One recommended partner of one participant: a row of `recommendations.csv`.
public struct Recommendation: Sendable, Hashable, Codable {
    /// The participant the list belongs to.
    public var participant: String
    /// The position in the list, from 1.
    public var rank: Int
    /// The recommended partner.
    public var partner: String
    /// The pair's score in [0, 1] (a `wish` request's bonus included).
    public var score: Double
    /// The parts of the score, from the participant's point of view.
    public var components: ScoreComponents
    /// Why, in words: the matched concepts of each direction, the value chain, the markets.
    public var reasons: String

    /// Creates a recommendation.
    public init(participant: String, rank: Int, partner: String, score: Double, components: ScoreComponents, reasons: String) {
        self.participant = participant
        self.rank = rank
        self.partner = partner
        self.score = score
        self.components = components
        self.reasons = reasons
    }

    enum CodingKeys: String, CodingKey {
        case participant = "participant_id"
        case partner = "partner_id"
        case rank, score, components, reasons
    }
}
