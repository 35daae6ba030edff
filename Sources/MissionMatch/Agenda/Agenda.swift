/// A planned event: who meets whom, in which slot, at which table — the
/// content of `agenda.json` (the file-format specification, FileFormats §4) and the input of every exporter.
///
/// ```swift
/// let agenda: Agenda = plan.agenda
/// for meeting in agenda.meetings where meeting.involves("eu01") {
///     let slot = agenda.slots[meeting.slot]
///     print(slot.startText, meeting.table, meeting.partner(of: "eu01"))
/// }
/// ```
///
/// Meetings are sorted by slot, then table. `agenda.json` has one definition
/// in code: the IO library's `AgendaJSONWriter` writes it and `AgendaReader`
/// reads it back into an equal agenda (a round-trip test checks it).
public struct Agenda: Sendable, Equatable {
    /// The mission's id.
    public var mission: String
    /// The program and version that produced it, e.g. `missionmatch 0.1.0`.
    public var generator: String
    /// The mission's meeting slots, in time order.
    public var slots: [Slot]
    /// The scheduled meetings, sorted by slot, then table.
    public var meetings: [ScheduledMeeting]
    /// Meetings of an earlier agenda that a re-plan removed, with why.
    public var cancelled: [CancelledMeeting]
    /// Every participant with its meetings, in the participants file's order.
    public var participants: [AgendaParticipant]
    /// Totals, the upper bound and fairness figures.
    public var stats: AgendaStats

    /// Creates an agenda.
    ///
    /// - Parameters:
    ///   - mission: The mission id.
    ///   - generator: The producing program and version.
    ///   - slots: The slots.
    ///   - meetings: The meetings, sorted by slot then table.
    ///   - cancelled: Meetings removed by a re-plan.
    ///   - participants: The participants with their meetings.
    ///   - stats: The statistics.
    public init(
        mission: String, generator: String, slots: [Slot], meetings: [ScheduledMeeting],
        cancelled: [CancelledMeeting] = [], participants: [AgendaParticipant], stats: AgendaStats
    ) {
        self.mission = mission
        self.generator = generator
        self.slots = slots
        self.meetings = meetings
        self.cancelled = cancelled
        self.participants = participants
        self.stats = stats
    }
}

/// One meeting of an agenda.
public struct ScheduledMeeting: Sendable, Hashable, Codable, Identifiable {
    /// Whether a meeting stands or was withdrawn.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The meeting takes place.
        case scheduled
        /// The meeting was cancelled by a re-plan.
        case cancelled
    }

    /// The stable id, from mission and pair (see ``MeetingID``).
    public var id: String
    /// The index of the slot in ``Agenda/slots``.
    public var slot: Int
    /// The table number, from 1.
    public var table: Int
    /// The id of the first participant (the first side's in a bipartite mission).
    public var participantA: String
    /// The id of the second participant.
    public var participantB: String
    /// The pair's score, in [0, 1].
    public var score: Double
    /// Why the two should meet, in words.
    public var reasons: String
    /// Whether the meeting stands.
    public var status: Status
    /// Whether the meeting was kept fixed from an earlier agenda.
    public var locked: Bool

    /// Creates a meeting.
    ///
    /// - Parameters:
    ///   - id: The stable id.
    ///   - slot: The slot index.
    ///   - table: The table, from 1.
    ///   - participantA: One participant's id.
    ///   - participantB: The other's.
    ///   - score: The pair's score.
    ///   - reasons: Why they meet.
    ///   - status: Default `scheduled`.
    ///   - locked: Default `false`.
    public init(
        id: String, slot: Int, table: Int, participantA: String, participantB: String, score: Double,
        reasons: String, status: Status = .scheduled, locked: Bool = false
    ) {
        self.id = id
        self.slot = slot
        self.table = table
        self.participantA = participantA
        self.participantB = participantB
        self.score = score
        self.reasons = reasons
        self.status = status
        self.locked = locked
    }

    /// Whether the participant takes part in this meeting.
    public func involves(_ participant: String) -> Bool {
        participantA == participant || participantB == participant
    }

    /// The other participant of the meeting, or `nil` when `participant` is not in it.
    public func partner(of participant: String) -> String? {
        if participantA == participant { return participantB }
        if participantB == participant { return participantA }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case id, slot, table, score, reasons, status, locked
        case participantA = "participant_a"
        case participantB = "participant_b"
    }
}

/// A meeting of an earlier agenda that a re-plan removed.
public struct CancelledMeeting: Sendable, Hashable, Codable, Identifiable {
    /// The meeting's stable id, as in the earlier agenda.
    public var id: String
    /// One participant's id.
    public var participantA: String
    /// The other participant's id.
    public var participantB: String
    /// Why it was removed, e.g. `tor-ca-012 withdrew`.
    public var reason: String

    /// Creates the record.
    ///
    /// - Parameters:
    ///   - id: The meeting id.
    ///   - participantA: One participant's id.
    ///   - participantB: The other's.
    ///   - reason: Why it was removed.
    public init(id: String, participantA: String, participantB: String, reason: String) {
        self.id = id
        self.participantA = participantA
        self.participantB = participantB
        self.reason = reason
    }

    enum CodingKeys: String, CodingKey {
        case id, reason
        case participantA = "participant_a"
        case participantB = "participant_b"
    }
}

/// A participant's line of the agenda: its meetings and whether its minimum was met.
public struct AgendaParticipant: Sendable, Hashable, Codable, Identifiable {
    /// The participant's id.
    public var id: String
    /// The participant's name.
    public var name: String
    /// The ids of its meetings, in time order.
    public var meetings: [String]
    /// The meetings it should get at least (its own or the mission's).
    public var minMeetings: Int
    /// Why it has fewer than ``minMeetings``, in words; `nil` when the minimum is met.
    public var unmetReason: String?

    /// Creates the line.
    ///
    /// - Parameters:
    ///   - id: The participant's id.
    ///   - name: Its name.
    ///   - meetings: Its meeting ids in time order.
    ///   - minMeetings: Its minimum.
    ///   - unmetReason: Why the minimum is missed, if it is.
    public init(id: String, name: String, meetings: [String], minMeetings: Int, unmetReason: String? = nil) {
        self.id = id
        self.name = name
        self.meetings = meetings
        self.minMeetings = minMeetings
        self.unmetReason = unmetReason
    }

    enum CodingKeys: String, CodingKey {
        case id, name, meetings
        case minMeetings = "min_meetings"
        case unmetReason = "unmet_reason"
    }

    /// Encodes every key, writing `null` for a met minimum as the file-format specification (FileFormats §4) shows.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(meetings, forKey: .meetings)
        try container.encode(minMeetings, forKey: .minMeetings)
        try container.encode(unmetReason, forKey: .unmetReason)
    }
}
