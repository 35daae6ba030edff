/// What an organiser reads after checking a mission's files: who comes, when
/// they can meet, and whether the tables can hold the meetings the limits ask for.
///
/// ```swift
/// let summary = MissionSummary(mission: mission, participants: participants, requests: requests)
/// summary.capacity.tableSlots          // slots × tables
/// summary.capacity.meetingsWanted      // Σ per-participant maximum / 2
/// summary.findings                     // what to change (MissionSummary.Finding)
/// ```
public struct MissionSummary: Sendable, Equatable, Encodable {
    /// A label with a count, e.g. a country and its participants.
    public struct Count: Sendable, Equatable, Codable {
        /// The label (side, country code, sector code, type…).
        public var label: String
        /// How many.
        public var count: Int

        /// Creates a count.
        ///
        /// - Parameters:
        ///   - label: The label.
        ///   - count: How many.
        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    /// One session and the slots it holds.
    public struct SessionSlots: Sendable, Equatable, Codable {
        /// The session as `YYYY-MM-DD HH:MM-HH:MM`.
        public var session: String
        /// The slots it holds.
        public var slots: Int
        /// The first slot's start, `HH:MM`, if any.
        public var firstStart: String?
        /// The last slot's end, `HH:MM`, if any.
        public var lastEnd: String?
    }

    /// Meetings the tables can hold against meetings the limits ask for.
    public struct Capacity: Sendable, Equatable, Codable {
        /// All slots of the mission.
        public var slots: Int
        /// Meetings that can run at once.
        public var tables: Int
        /// `slots × tables`: the most meetings the room can hold.
        public var tableSlots: Int
        /// Σ over participants of their maximum meetings, halved: the meetings
        /// the limits allow (each meeting takes two participants).
        public var meetingsWanted: Int
        /// For bipartite missions, the smaller side's Σ of maximum meetings:
        /// every meeting needs one participant of each side.
        public var meetingsWantedBySmallerSide: Int?
        /// Σ over participants of their minimum meetings, halved.
        public var minimumMeetingsNeeded: Int
        /// `tableSlots` over the meetings the limits allow (for bipartite
        /// missions the smaller of ``meetingsWanted`` and
        /// ``meetingsWantedBySmallerSide``): at 1 or more the room is large enough.
        public var coverage: Double?
    }

    /// The mission's id.
    public var mission: String
    /// The mission's name.
    public var name: String
    /// `bipartite` or `open`.
    public var pairing: String
    /// All participants.
    public var participants: Int
    /// Participants per side, in the mission's side order (bipartite only).
    public var bySide: [Count]
    /// Participants per country (alpha-2), most first.
    public var byCountry: [Count]
    /// Participants per sector, most first; a participant counts once per sector.
    public var bySector: [Count]
    /// Participants per type, most first (`unspecified` when not given).
    public var byType: [Count]
    /// Slots per session, in the mission's session order.
    public var sessions: [SessionSlots]
    /// Capacity against demand.
    public var capacity: Capacity
    /// Requests per priority (`must`, `wish`, `block`).
    public var requests: [Count]
    /// What may need changing; empty when all looks fine.
    public var findings: [Finding]

    /// Summarises a mission.
    ///
    /// - Parameters:
    ///   - mission: The mission.
    ///   - participants: Its participants.
    ///   - requests: Its meeting requests.
    /// - Complexity: O(*p* · (*a* + *s*)) for *p* participants with *a*
    ///   availability ranges and *s* slots.
    public init(mission: Mission, participants: [Participant], requests: [MeetingRequest] = []) {
        let slots = mission.slots
        self.mission = mission.id
        self.name = mission.name
        self.pairing = mission.pairing.rawValue
        self.participants = participants.count
        self.bySide = mission.sides.map { side in Count(label: side.rawValue, count: participants.count { $0.side == side }) }
        self.byCountry = Self.tally(participants.map { [$0.country] })
        self.bySector = Self.tally(participants.map(\.sectors))
        self.byType = Self.tally(participants.map { [$0.type?.rawValue ?? "unspecified"] })
        self.sessions = mission.sessions.enumerated().map { index, session in
            let own = slots.filter { $0.session == index }
            return SessionSlots(session: session.description, slots: own.count,
                                firstStart: own.first?.startText, lastEnd: own.last?.endText)
        }
        self.requests = MeetingRequest.Priority.allCases.map { priority in
            Count(label: priority.rawValue, count: requests.count { $0.priority == priority })
        }

        var findings: [Finding] = []
        var maxSum = 0, minSum = 0
        var maxBySide: [Side: Int] = [:]
        var short: [String] = []
        for participant in participants {
            let usable = Self.usableSlots(participant, slots: slots)
            let ceiling = usable.saturatingMultiplied(by: max(1, participant.representatives))
            let maximum = min(participant.maximumMeetings(in: mission) ?? ceiling, ceiling)
            let minimum = participant.minimumMeetings(in: mission)
            maxSum = maxSum.saturatingAdded(max(0, maximum))
            minSum = minSum.saturatingAdded(max(0, minimum))
            if let side = participant.side { maxBySide[side] = (maxBySide[side] ?? 0).saturatingAdded(max(0, maximum)) }
            if minimum > ceiling { short.append(participant.id) }
        }
        let tableSlots = slots.count.saturatingMultiplied(by: max(0, mission.tables))
        let wanted = maxSum / 2
        let smallerSide = mission.pairing == .bipartite && !mission.sides.isEmpty
            ? mission.sides.map { maxBySide[$0] ?? 0 }.min() : nil
        self.capacity = Capacity(
            slots: slots.count, tables: mission.tables, tableSlots: tableSlots, meetingsWanted: wanted,
            meetingsWantedBySmallerSide: smallerSide, minimumMeetingsNeeded: minSum / 2,
            coverage: min(wanted, smallerSide ?? wanted) > 0 ? Double(tableSlots) / Double(min(wanted, smallerSide ?? wanted)) : nil)

        if tableSlots < minSum / 2 {
            findings.append(.tablesBelowMinimum(tableSlots: tableSlots, meetingsNeeded: minSum / 2))
        } else if tableSlots < min(wanted, smallerSide ?? wanted) {
            findings.append(.tablesLimitAgenda(tableSlots: tableSlots, meetingsAllowed: min(wanted, smallerSide ?? wanted)))
        }
        for side in mission.sides where (bySide.first { $0.label == side.rawValue }?.count ?? 0) == 0 {
            findings.append(.emptySide(side))
        }
        if !short.isEmpty {
            findings.append(.minimumOutOfReach(short))
        }
        let unavailable = participants.filter { Self.usableSlots($0, slots: slots) == 0 }.map(\.id)
        if !unavailable.isEmpty {
            findings.append(.availableInNoSlot(unavailable))
        }
        self.findings = findings
    }

    /// The slots a participant can attend: all, or those inside its availability.
    static func usableSlots(_ participant: Participant, slots: [Slot]) -> Int {
        guard !participant.availability.isEmpty else { return slots.count }
        return slots.count { slot in participant.availability.contains { $0.contains(slot.range) } }
    }

    static func tally(_ labels: [[String]]) -> [Count] {
        var counts: [String: Int] = [:]
        for list in labels { for label in list { counts[label, default: 0] += 1 } }
        return counts.map { Count(label: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.label) > ($1.count, $0.label) }
    }
}
