/// What limits an agenda, or what the planner did besides planning, as a value
/// a program can act on; ``description`` is the sentence an organiser reads
/// (in `agenda.json`'s `findings`, `summary.md` and the tool's output).
///
/// ```swift
/// for finding in plan.findings {
///     if case .tooFewPlaces(_, _, _, _, let addTables, _) = finding { offerMoreTables(addTables) }
///     print(finding)   // "12 tables × 16 slots = 192 places for 230 wanted meetings: add 3 tables or lower max_meetings to 8"
/// }
/// ```
public enum AgendaFinding: Sendable, Hashable, CustomStringConvertible {
    /// The tables and slots hold fewer meetings than the participants want.
    case tooFewPlaces(tables: Int, slots: Int, places: Int, wanted: Int, addTables: Int, maxMeetingsThatFit: Int)
    /// One side of a bipartite mission can hold fewer meetings than the other wants.
    case unbalancedSides(smaller: Side, capacity: Int, larger: Side, wanted: Int)
    /// The participants' minimums need more meetings than there are places.
    case minimumsExceedPlaces(needed: Int, tables: Int, slots: Int, places: Int, addTables: Int)
    /// A `must` request is not on the agenda, with why.
    case unmetMustRequest(from: String, to: String, reason: String)
    /// Participants below their `min_meetings`, each with why (all of them; the description shows five).
    case belowMinimum([BelowMinimum])
    /// Candidate pairs whose two participants share no available slot.
    case pairsWithoutCommonSlot(Int)
    /// Candidate pairs that cannot meet: an unknown id, a participant with itself, the same side, or blocked.
    case invalidPairs(Int)
    /// Meetings of the earlier agenda that the re-plan cancelled (listed in the agenda's cancellations).
    case keptMeetingsCancelled(Int)
    /// The fixed-table side is not a side of the mission.
    case fixedTableSideIgnored(Side, openMission: Bool)
    /// What the exact mode did (its solver's own words).
    case exactMode(String)

    /// A participant below its minimum, with why.
    public struct BelowMinimum: Sendable, Hashable {
        /// The participant's id.
        public var participant: String
        /// Why it has fewer meetings than its minimum.
        public var reason: String

        /// The pair.
        public init(participant: String, reason: String) {
            self.participant = participant
            self.reason = reason
        }
    }

    /// The sentence an organiser reads.
    public var description: String {
        switch self {
        case .tooFewPlaces(let tables, let slots, let places, let wanted, let addTables, let fitting):
            "\(Self.counted(tables, "table")) × \(Self.counted(slots, "slot")) = \(places) places for "
                + "\(wanted) wanted meetings: add \(Self.counted(addTables, "table")) or lower max_meetings to \(fitting)"
        case .unbalancedSides(let smaller, let capacity, let larger, let wanted):
            "the \(smaller) side can hold at most \(capacity) meetings, the \(larger) side "
                + "wants \(wanted): \(wanted - capacity) wanted meetings cannot happen "
                + "(raise max_meetings or representatives on the \(smaller) side)"
        case .minimumsExceedPlaces(let needed, let tables, let slots, let places, let addTables):
            "the minimums need at least \(needed) meetings but \(Self.counted(tables, "table")) × "
                + "\(Self.counted(slots, "slot")) = \(places) places: add \(Self.counted(addTables, "table")) or lower min_meetings"
        case .unmetMustRequest(let from, let to, let reason):
            "must request \(from) – \(to) not scheduled: \(reason)"
        case .belowMinimum(let below):
            "\(Self.counted(below.count, "participant")) below min_meetings: "
                + below.prefix(5).map { "\($0.participant) (\($0.reason))" }.joined(separator: "; ") + (below.count > 5 ? "; …" : "")
        case .pairsWithoutCommonSlot(let count):
            "\(Self.counted(count, "candidate pair")) left out: the two share no available slot"
        case .invalidPairs(let count):
            "\(Self.counted(count, "candidate pair")) left out: unknown id, self pair, same side or blocked"
        case .keptMeetingsCancelled(let count):
            "\(Self.counted(count, "kept meeting")) cancelled (see cancelled in agenda.json)"
        case .fixedTableSideIgnored(let side, let open):
            "fixed tables for side '\(side)' ignored: the mission has no such side" + (open ? " (it is an open mission)" : "")
        case .exactMode(let note):
            note
        }
    }

    /// `1 table`, `3 tables`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
