/// A block of meeting time on one day of a mission, in the mission's local time.
///
/// ```swift
/// // The date and time initialisers return nil for an impossible value.
/// guard let day = LocalDate(year: 2019, month: 6, day: 17),
///       let start = LocalTime(hour: 9, minute: 0), let end = LocalTime(hour: 12, minute: 30)
/// else { return }
/// let morning = Session(date: day, start: start, end: end)
/// ```
public struct Session: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The day.
    public var date: LocalDate
    /// When the first meeting may start.
    public var start: LocalTime
    /// When the last meeting must have ended.
    public var end: LocalTime

    /// Creates a session.
    ///
    /// - Parameters:
    ///   - date: The day.
    ///   - start: The start time.
    ///   - end: The end time, after `start`.
    public init(date: LocalDate, start: LocalTime, end: LocalTime) {
        self.date = date
        self.start = start
        self.end = end
    }

    /// The session as a time range.
    public var range: TimeRange { TimeRange(date: date, start: start, end: end) }

    /// `YYYY-MM-DD HH:MM-HH:MM`.
    public var description: String { range.description }
}
