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

extension Agenda {
    /// The agenda's scheduled meetings as a re-plan keeps them: each with the
    /// date and start of its slot, so that it stays at the same time when the
    /// mission's slots are renumbered (``AgendaPlanner`` keeps it at that slot
    /// and table, or cancels it with why). Cancelled meetings and meetings
    /// whose slot the agenda does not list are left out.
    ///
    /// ```swift
    /// let plan = try AgendaPlanner().plan(mission: mission, participants: participants, requests: requests,
    ///                                 candidates: candidates, keeping: earlier.keptMeetings)
    /// ```
    ///
    /// - Complexity: O(*m*) for *m* meetings.
    public var keptMeetings: [KeptMeeting] {
        meetings.compactMap { meeting in
            guard meeting.status == .scheduled, let slot = slot(of: meeting) else { return nil }
            return KeptMeeting(meeting: meeting, date: slot.date, start: slot.start)
        }
    }
}
