extension MissionSummary {
    /// What may need changing in a mission before it is planned, as a value a
    /// program can act on; ``description`` is the sentence an organiser reads
    /// (and the sentence its JSON holds).
    ///
    /// ```swift
    /// for finding in summary.findings {
    ///     if case .tablesLimitAgenda(let places, let allowed) = finding { suggestTables(places, allowed) }
    ///     print(finding)   // "Tables will limit the agenda: 96 table slots for up to 140 meetings …"
    /// }
    /// ```
    public enum Finding: Sendable, Hashable, Encodable, CustomStringConvertible {
        /// The slot × table places cannot hold the meetings the participants'
        /// minimums need.
        case tablesBelowMinimum(tableSlots: Int, meetingsNeeded: Int)
        /// The places hold fewer meetings than the limits allow: the tables,
        /// not the participants, will limit the agenda.
        case tablesLimitAgenda(tableSlots: Int, meetingsAllowed: Int)
        /// A side of a bipartite mission has no participant.
        case emptySide(Side)
        /// Participants whose `min_meetings` exceeds what their available
        /// slots (times their representatives) can hold, by id, all of them.
        case minimumOutOfReach([String])
        /// Participants available in no slot of the mission, by id, all of them.
        case availableInNoSlot([String])

        /// The sentence an organiser reads (lists of ids show the first ten).
        public var description: String {
            switch self {
            case .tablesBelowMinimum(let places, let needed):
                "The tables cannot hold the minimum meetings: \(places) table slots for \(needed) meetings needed; "
                    + "add tables or sessions, or lower min_meetings."
            case .tablesLimitAgenda(let places, let allowed):
                "Tables will limit the agenda: \(places) table slots for up to \(allowed) meetings the limits allow; "
                    + "add tables to give everyone their maximum."
            case .emptySide(let side):
                "No participant is on side \(side); a bipartite mission needs both sides."
            case .minimumOutOfReach(let ids):
                "\(ids.count) participant(s) cannot reach their min_meetings in the slots they are available: "
                    + Self.listed(ids) + "."
            case .availableInNoSlot(let ids):
                "\(ids.count) participant(s) are available in no slot: " + Self.listed(ids) + "."
            }
        }

        /// Encodes the finding as its sentence (``description``).
        ///
        /// - Throws: What the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }

        /// The first ten ids, then how many more.
        private static func listed(_ ids: [String]) -> String {
            ids.prefix(10).joined(separator: ", ") + (ids.count > 10 ? " and \(ids.count - 10) more" : "")
        }
    }
}
