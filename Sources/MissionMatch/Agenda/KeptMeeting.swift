/// A meeting of an earlier agenda to keep in place when re-planning
/// (`schedule --keep agenda.json`).
///
/// The slot is identified by its date and start time, so that an agenda stays
/// valid when slot indices shift; the planner keeps the meeting at the same
/// slot, table and pair (marked `locked`) or reports it as cancelled with why.
public struct KeptMeeting: Sendable, Hashable {
    /// The meeting as the earlier agenda has it.
    public var meeting: ScheduledMeeting
    /// The local day of its slot.
    public var date: LocalDate
    /// The local start of its slot.
    public var start: LocalTime
    /// Where it was read, for messages.
    public var source: SourceLocation?

    /// Creates a kept meeting.
    ///
    /// - Parameters:
    ///   - meeting: The earlier meeting.
    ///   - date: Its slot's day.
    ///   - start: Its slot's start.
    ///   - source: Where it was read.
    public init(meeting: ScheduledMeeting, date: LocalDate, start: LocalTime, source: SourceLocation? = nil) {
        self.meeting = meeting
        self.date = date
        self.start = start
        self.source = source
    }
}
