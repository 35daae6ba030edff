import MissionMatch

extension MatchingEngine {
    /// The truth's participants found among `participants`, each with every
    /// partner it can be paired with: the other side in a bipartite mission,
    /// everyone else in an `open` one (masks aside), the way the engine pairs them.
    ///
    /// - Complexity: O(|truth participants| · |participants|).
    static func judgedCandidates(
        truth: GroundTruth, mission: Mission, participants: [Participant]
    ) -> [(owner: Int, candidates: [Int])] {
        let index = Dictionary(participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let (rows, columns) = pairedSides(of: mission, participants)
        let rowSet = Set(rows)
        let bipartite = mission.pairing == .bipartite && mission.sides.count == 2
        return truth.participants.compactMap { id in
            guard let owner = index[id] else { return nil }
            let candidates = bipartite ? (rowSet.contains(owner) ? columns : rows) : participants.indices.filter { $0 != owner }
            return (owner, candidates)
        }
    }
}
