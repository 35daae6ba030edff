/// A contradiction in the input of ``MatchingEngine/rank(mission:participants:requests:top:semantic:history:)``
/// or ``AgendaPlanner/plan(mission:participants:requests:candidates:keeping:)``
/// that validation would have caught: both refuse it rather than guessing
/// (ranking a three-sided "bipartite" mission as open, or planning it while
/// dropping the third side's pairs, say).
///
/// Input read by the readers or checked by the IO library's validator never has one.
public enum MissionInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Two participants share an id.
    case duplicateID(String)
    /// A bipartite mission does not name exactly two sides.
    case bipartiteMissionWithoutTwoSides([Side])
    /// A participant of a bipartite mission has no side, or one the mission does not have.
    case sideNotInMission(participant: String, side: Side?)
    /// A participant sends fewer than one representative.
    case noRepresentative(participant: String)
    /// The sentence-encoder vectors have another number of rows than there are participants.
    case semanticRowsMismatch(rows: Int, participants: Int)

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .duplicateID(let id):
            "two participants have the id '\(id)' (give each participant a unique id)"
        case .bipartiteMissionWithoutTwoSides(let sides):
            "a bipartite mission needs exactly two sides, not \(sides.count) (\(sides.map(\.rawValue).joined(separator: ", ")))"
        case .sideNotInMission(let participant, let side):
            "participant '\(participant)' is on " + (side.map { "side '\($0.rawValue)'" } ?? "no side")
                + ", which the mission does not have (give each participant one of the mission's two sides)"
        case .noRepresentative(let participant):
            "participant '\(participant)' sends no representative (representatives must be at least 1)"
        case .semanticRowsMismatch(let rows, let participants):
            "the sentence-encoder vectors have \(rows) rows for \(participants) participants (encode the same participants, in order)"
        }
    }

    /// The first contradiction of an input, if any.
    ///
    /// - Complexity: O(*n*).
    static func check(mission: Mission, participants: [Participant], semantic: SemanticVectors? = nil) throws(MissionInputError) {
        // By index: a loop over the elements copies every field of each one (23,100 at programme scale).
        var seen: Set<String> = []
        seen.reserveCapacity(participants.count)
        for index in participants.indices where !seen.insert(participants[index].id).inserted {
            throw .duplicateID(participants[index].id)
        }
        if mission.pairing == .bipartite {
            guard mission.sides.count == 2 else { throw .bipartiteMissionWithoutTwoSides(mission.sides) }
            for index in participants.indices where participants[index].side.map(mission.sides.contains) != true {
                throw .sideNotInMission(participant: participants[index].id, side: participants[index].side)
            }
        }
        if let lacking = participants.indices.first(where: { participants[$0].representatives < 1 }) {
            throw .noRepresentative(participant: participants[lacking].id)
        }
        if let semantic, semantic.count != participants.count {
            throw .semanticRowsMismatch(rows: semantic.count, participants: participants.count)
        }
    }
}
