/// A score for one pair given by the organiser or another tool (the pair-scores file).
///
/// When a mission is planned with pair scores, the agenda uses these instead of
/// the engine's own, and pairs not listed are not candidates.
public struct PairScore: Sendable, Hashable, Codable {
    /// The id of one participant.
    public var participantA: String
    /// The id of the other participant.
    public var participantB: String
    /// The score, in [0, 1].
    public var score: Double
    /// Where the score was read from, for messages; not encoded.
    public var source: SourceLocation?

    /// Creates a pair score.
    ///
    /// - Parameters:
    ///   - participantA: The id of one participant.
    ///   - participantB: The id of the other.
    ///   - score: A value in [0, 1].
    ///   - source: Where it was read, if from a file.
    public init(participantA: String, participantB: String, score: Double, source: SourceLocation? = nil) {
        self.participantA = participantA
        self.participantB = participantB
        self.score = score
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case participantA = "participant_a"
        case participantB = "participant_b"
        case score
    }
}
