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
    /// Why, in words: the matched concepts of each direction, the value chain, the markets,
    /// and what the two did together at earlier missions.
    public var reasons: String
    /// What the two organisations did together at the programme's earlier
    /// missions (``MeetingHistory``), ratings given as the participant's then
    /// the partner's; empty when they never met.
    public var priorMeetings: [PriorMeeting]

    /// Creates a recommendation.
    public init(participant: String, rank: Int, partner: String, score: Double, components: ScoreComponents, reasons: String,
                priorMeetings: [PriorMeeting] = []) {
        self.participant = participant
        self.rank = rank
        self.partner = partner
        self.score = score
        self.components = components
        self.reasons = reasons
        self.priorMeetings = priorMeetings
    }

    /// The ids of the earlier missions where the two met, each once, in the order recorded.
    public var metBefore: [String] {
        var seen: Set<String> = []
        return priorMeetings.map(\.mission).filter { seen.insert($0).inserted }
    }

    enum CodingKeys: String, CodingKey {
        case participant = "participant_id"
        case partner = "partner_id"
        case metBefore = "met_before"
        case rank, score, components, reasons
    }

    /// Encodes the row as JSON: the fields above, and `met_before` (the ids of ``metBefore``) when the two met before.
    ///
    /// - Throws: What the encoder throws.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(participant, forKey: .participant)
        try container.encode(rank, forKey: .rank)
        try container.encode(partner, forKey: .partner)
        try container.encode(score, forKey: .score)
        try container.encode(components, forKey: .components)
        try container.encode(reasons, forKey: .reasons)
        if !priorMeetings.isEmpty { try container.encode(metBefore, forKey: .metBefore) }
    }

    /// Decodes a row encoded by ``encode(to:)`` (its prior meetings are not part of the JSON).
    ///
    /// - Throws: `DecodingError` when a field is missing or of the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(participant: try container.decode(String.self, forKey: .participant),
                  rank: try container.decode(Int.self, forKey: .rank),
                  partner: try container.decode(String.self, forKey: .partner),
                  score: try container.decode(Double.self, forKey: .score),
                  components: try container.decode(ScoreComponents.self, forKey: .components),
                  reasons: try container.decode(String.self, forKey: .reasons))
    }
}
