/// A pair of participants the planner may schedule, with how good the meeting would be.
///
/// Candidates come from a pair-scores file (the file-format specification, FileFormats §2b) or from the
/// matching engine's ranking (each participant's best partners). The planner
/// adds `must` requests, removes `block`ed pairs, pairs on the same side of a
/// bipartite mission, self pairs and pairs with no common available slot.
///
/// ```swift
/// let candidate = AgendaCandidate("sha-eu-001", "sha-cn-007", score: 0.71,
///                                 reasons: "offers biodegradable films ↔ needs compostable packaging")
/// ```
public struct AgendaCandidate: Sendable, Hashable {
    /// One participant's id.
    public var participantA: String
    /// The other participant's id (the order does not matter).
    public var participantB: String
    /// How good the meeting would be, in [0, 1].
    public var score: Double
    /// Why the two should meet, in words (written to the agenda).
    public var reasons: String

    /// Creates a candidate.
    ///
    /// - Parameters:
    ///   - participantA: One participant's id.
    ///   - participantB: The other's.
    ///   - score: The pair's score, in [0, 1].
    ///   - reasons: Why they should meet.
    public init(_ participantA: String, _ participantB: String, score: Double, reasons: String = "") {
        self.participantA = participantA
        self.participantB = participantB
        self.score = score
        self.reasons = reasons
    }

    /// The candidate of a pair-scores file line.
    ///
    /// - Parameters:
    ///   - pairScore: The pair and its score.
    ///   - reasons: The reasons to show (default: says where the score comes from).
    public init(_ pairScore: PairScore, reasons: String = "score from the pair-scores file") {
        self.init(pairScore.participantA, pairScore.participantB, score: pairScore.score, reasons: reasons)
    }
}
