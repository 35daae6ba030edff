/// The engine's steps that `MissionMatchEvaluation` replays outside a
/// ranking (judged sets, weight fitting). Package access only: embedders rank
/// with ``MatchingEngine/rank(mission:participants:requests:top:semantic:history:)``.
extension MatchingEngine {
    /// The participants' encoding, exactly as a ranking computes it (with the
    /// sentence-encoder vectors, when given).
    ///
    /// - Throws: `LinearAlgebraError` when LAPACK fails.
    package func encodedParticipants(_ participants: [Participant], semantic: SemanticVectors?) throws -> ParticipantEncoding {
        try encode(participants, semantic: semantic)
    }

    /// The kernel's rows and columns: the mission's two sides, or everyone
    /// twice for `open` pairing.
    package static func pairedSides(of mission: Mission, _ participants: [Participant]) -> (rows: [Int], columns: [Int]) {
        sides(of: mission, participants)
    }
}
