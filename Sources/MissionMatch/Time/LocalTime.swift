/// A wall-clock time of day without a date or time zone, as organisers write it: `09:30`.
///
/// Stored as minutes since midnight, so times compare and subtract directly.
///
/// ```swift
/// let start = LocalTime(parsing: "09:30")   // 570 minutes after midnight
/// start?.description                         // "09:30"
/// ```
public struct LocalTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Minutes since midnight, 0 to 1440 (1440 is `24:00`, the end of a day).
    public var minutesSinceMidnight: Int

    /// Creates a time from minutes since midnight, or `nil` outside 0...1440.
    ///
    /// - Parameter minutesSinceMidnight: 0 (`00:00`) to 1440 (`24:00`).
    public init?(minutesSinceMidnight: Int) {
        guard (0...1440).contains(minutesSinceMidnight) else { return nil }
        self.minutesSinceMidnight = minutesSinceMidnight
    }

    /// Creates a time from hours and minutes, or `nil` when they are out of range.
    ///
    /// - Parameters:
    ///   - hour: 0 to 23 (or 24 with `minute` 0).
    ///   - minute: 0 to 59.
    public init?(hour: Int, minute: Int) {
        guard (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.minutesSinceMidnight = hour * 60 + minute
    }

    /// Parses `HH:MM` (one or two digits for the hour, two for the minutes).
    ///
    /// - Parameter text: The text to parse, e.g. `09:00`, `9:00` or `17:30`.
    /// - Returns: The time, or `nil` when the text is not a valid time in that form.
    public init?(parsing text: some StringProtocol) {
        self.init(utf8: Array(text.utf8)[...])
    }

    /// Parses `HH:MM` or `H:MM` from UTF-8 bytes.
    init?(utf8 bytes: ArraySlice<UInt8>) {
        guard bytes.count == 4 || bytes.count == 5 else { return nil }
        let colon = bytes.endIndex - 3
        guard bytes[colon] == UInt8(ascii: ":"),
              let hour = LocalDate.digits(bytes[bytes.startIndex..<colon]),
              let minute = LocalDate.digits(bytes[(colon + 1)...])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// The hour, 0 to 24.
    public var hour: Int { minutesSinceMidnight / 60 }
    /// The minute within the hour, 0 to 59.
    public var minute: Int { minutesSinceMidnight % 60 }

    /// The time as `HH:MM`.
    public var description: String {
        LocalDate.pad(hour, 2) + ":" + LocalDate.pad(minute, 2)
    }

    /// Orders times within a day.
    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    /// Decodes a time from an `HH:MM` string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a valid time.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let time = LocalTime(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a time in the form HH:MM")
        }
        self = time
    }

    /// Encodes the time as an `HH:MM` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
