import Foundation

/// One meeting time of a mission: a session cut into meeting-long pieces.
///
/// Slots start at each session's start and follow each other every
/// `meetingMinutes + breakMinutes`; a slot that would end after its session is
/// dropped. Indices run from 0 across all sessions in chronological order.
///
/// ```swift
/// let first = mission.slots[0]
/// first.date.description    // "2019-06-17"
/// first.start.description   // "09:00"
/// first.startDate           // 2019-06-17 01:00:00 UTC for Asia/Shanghai
/// ```
public struct Slot: Sendable, Hashable, Codable, Identifiable {
    /// The slot's position among all slots of the mission, from 0.
    public var index: Int
    /// The index of the session the slot belongs to, in the mission's session order.
    public var session: Int
    /// The local day.
    public var date: LocalDate
    /// The local start time.
    public var start: LocalTime
    /// The local end time.
    public var end: LocalTime
    /// The start as an instant, computed with the mission's time zone.
    public var startDate: Date
    /// The end as an instant, computed with the mission's time zone.
    public var endDate: Date

    /// The slot's ``index``.
    public var id: Int { index }
    /// The local day as `YYYY-MM-DD`.
    public var dateText: String { date.description }
    /// The local start as `HH:MM`.
    public var startText: String { start.description }
    /// The local end as `HH:MM`.
    public var endText: String { end.description }
    /// The slot as a local time range.
    public var range: TimeRange { TimeRange(date: date, start: start, end: end) }

    /// Creates a slot.
    ///
    /// - Parameters:
    ///   - index: Position among all slots.
    ///   - session: The session's index.
    ///   - date: The local day.
    ///   - start: The local start.
    ///   - end: The local end.
    ///   - startDate: The start instant.
    ///   - endDate: The end instant.
    public init(index: Int, session: Int, date: LocalDate, start: LocalTime, end: LocalTime, startDate: Date, endDate: Date) {
        self.index = index
        self.session = session
        self.date = date
        self.start = start
        self.end = end
        self.startDate = startDate
        self.endDate = endDate
    }

    enum CodingKeys: String, CodingKey {
        case index, session, date, start, end
        case startDate = "starts_at"
        case endDate = "ends_at"
    }
}
