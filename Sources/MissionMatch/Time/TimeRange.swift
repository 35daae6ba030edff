/// A span of local time on one day, as written in a participant's `available`
/// column or a mission's sessions: `2019-06-17 09:00-12:30`.
///
/// ```swift
/// let range = TimeRange(parsing: "2019-06-17 09:00-12:30")
/// range?.start.description   // "09:00"
/// range?.description         // "2019-06-17 09:00-12:30"
/// ```
///
/// A range may be reversed (`end` before `start`) when it was built from what a
/// user wrote; ``isReversed`` tells, and readers report it as an error.
public struct TimeRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The day.
    public var date: LocalDate
    /// The first minute of the range.
    public var start: LocalTime
    /// The end of the range (exclusive).
    public var end: LocalTime

    /// Creates a range from its parts, without checking their order.
    ///
    /// - Parameters:
    ///   - date: The day.
    ///   - start: The start time.
    ///   - end: The end time.
    public init(date: LocalDate, start: LocalTime, end: LocalTime) {
        self.date = date
        self.start = start
        self.end = end
    }

    /// Parses `YYYY-MM-DD HH:MM-HH:MM` (blanks around the parts are allowed).
    ///
    /// - Parameter text: The text to parse.
    /// - Returns: The range (possibly reversed), or `nil` when the text does not have that form.
    public init?(parsing text: some StringProtocol) {
        let bytes = Array(String(text).trimmingBlanks().utf8)
        guard bytes.count > 10, let date = LocalDate(utf8: bytes[0..<10]) else { return nil }
        var index = 10
        guard bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: "T")
        else { return nil }
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        if index == 10 { index += 1 }
        let times = bytes[index...].split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard times.count == 2,
              let start = LocalTime(utf8: Blanks.trimASCII(times[0])),
              let end = LocalTime(utf8: Blanks.trimASCII(times[1]))
        else { return nil }
        self.init(date: date, start: start, end: end)
    }

    /// Whether the range ends at or before its start, and so holds no time.
    public var isReversed: Bool { end <= start }

    /// The length in minutes (zero or negative when reversed).
    public var minutes: Int { end.minutesSinceMidnight - start.minutesSinceMidnight }

    /// Whether this range shares at least one minute with `other`.
    ///
    /// - Parameter other: Another range.
    /// - Returns: `true` when both are on the same day and their times overlap.
    public func overlaps(_ other: TimeRange) -> Bool {
        date == other.date && start < other.end && other.start < end
    }

    /// Whether `other` lies entirely inside this range.
    ///
    /// - Parameter other: Another range.
    /// - Returns: `true` when `other` is on the same day, starts no earlier and ends no later.
    public func contains(_ other: TimeRange) -> Bool {
        date == other.date && start <= other.start && other.end <= end
    }

    /// The range as `YYYY-MM-DD HH:MM-HH:MM`.
    public var description: String { "\(date) \(start)-\(end)" }

    /// Decodes a range from its `YYYY-MM-DD HH:MM-HH:MM` text.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the text does not have that form.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let range = TimeRange(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a time range in the form YYYY-MM-DD HH:MM-HH:MM")
        }
        self = range
    }

    /// Encodes the range as its `YYYY-MM-DD HH:MM-HH:MM` text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
