extension Agenda {
    /// The meetings that take place (status `scheduled`), in the agenda's order: slot, then table.
    public var scheduledMeetings: [ScheduledMeeting] {
        meetings.filter { $0.status == .scheduled }
    }

    /// Each participant's scheduled meetings, in time order (slot, then table).
    ///
    /// ```swift
    /// let byParticipant = agenda.scheduledMeetingsByParticipant()
    /// byParticipant["eu01", default: []].map(\.table)
    /// ```
    ///
    /// - Returns: Meetings keyed by participant id; participants without meetings are absent.
    /// - Complexity: O(*m* log *m*) for *m* meetings.
    public func scheduledMeetingsByParticipant() -> [String: [ScheduledMeeting]] {
        let ordered = scheduledMeetings.sorted { ($0.slot, $0.table, $0.id) < ($1.slot, $1.table, $1.id) }
        var result: [String: [ScheduledMeeting]] = [:]
        for meeting in ordered {
            result[meeting.participantA, default: []].append(meeting)
            if meeting.participantB != meeting.participantA {
                result[meeting.participantB, default: []].append(meeting)
            }
        }
        return result
    }

    /// The slot a meeting is in, or `nil` when its index is outside ``slots``.
    ///
    /// - Parameter meeting: A meeting of this agenda.
    /// - Returns: The slot.
    public func slot(of meeting: ScheduledMeeting) -> Slot? {
        slots.indices.contains(meeting.slot) ? slots[meeting.slot] : nil
    }
}
