import Foundation
import MissionMatch

/// The `SEQUENCE` of each calendar event, derived from the previous agenda.
///
/// A meeting new or unchanged since the previous agenda (or without one) has
/// sequence 0; one whose time or table changed has 1; a cancelled meeting has 1.
/// The number says "changed since the agenda the participant last received",
/// which is what a calendar client compares when the same UID arrives again.
struct CalendarRevision: Sendable {
    /// Where a meeting of the previous agenda was.
    struct Placement: Sendable, Equatable {
        var start: Date
        var end: Date
        var table: Int
    }

    /// The previous agenda's scheduled meetings by id.
    let previous: [String: Placement]
    /// Slot and table of each previous meeting, for cancelled events.
    let previousMeetings: [String: (slot: Slot, table: Int)]

    /// Indexes the previous agenda.
    ///
    /// - Parameter previous: The agenda sent out before, if any.
    init(previous: Agenda?) {
        var placements: [String: Placement] = [:]
        var meetings: [String: (slot: Slot, table: Int)] = [:]
        for meeting in previous?.meetings ?? [] {
            guard let agenda = previous, let slot = agenda.slot(of: meeting) else { continue }
            if meeting.status == .scheduled, placements[meeting.id] == nil {
                placements[meeting.id] = Placement(start: slot.startDate, end: slot.endDate, table: meeting.table)
            }
            if meetings[meeting.id] == nil || meeting.status == .scheduled {
                meetings[meeting.id] = (slot, meeting.table)
            }
        }
        self.previous = placements
        self.previousMeetings = meetings
    }

    /// The sequence of a scheduled meeting.
    ///
    /// - Parameters:
    ///   - meeting: The meeting.
    ///   - slot: Its slot in the current agenda.
    /// - Returns: 1 when the previous agenda had it at another time or table, else 0.
    func sequence(of meeting: ScheduledMeeting, in slot: Slot) -> Int {
        guard let before = previous[meeting.id] else { return 0 }
        return before == Placement(start: slot.startDate, end: slot.endDate, table: meeting.table) ? 0 : 1
    }

    /// The sequence of a cancelled meeting: always one more than its scheduled version.
    static let cancelledSequence = 1
}
