/// A calendar date without a time zone, as organisers write it: `2019-06-17`.
///
/// Mission sessions and participant availability are written in the mission's
/// local time; `LocalDate` keeps the date exactly as written, and `Mission`
/// turns it into an instant with the mission's time zone when it needs one.
///
/// ```swift
/// let day = LocalDate(parsing: "2019-06-17")   // LocalDate(year: 2019, month: 6, day: 17)
/// day?.description                              // "2019-06-17"
/// ```
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2019.
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, 1 to 31 (checked against the month and leap years).
    public var day: Int

    /// Creates a date from its parts, or `nil` when the parts do not name a real day.
    ///
    /// - Parameters:
    ///   - year: The year, 1 to 9999.
    ///   - month: The month, 1 to 12.
    ///   - day: The day of the month.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= LocalDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (exactly four, two and two digits).
    ///
    /// - Parameter text: The text to parse; surrounding blanks are not accepted.
    /// - Returns: The date, or `nil` when the text is not a real date in that form.
    public init?(parsing text: some StringProtocol) {
        self.init(utf8: Array(text.utf8)[...])
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes.
    init?(utf8 bytes: ArraySlice<UInt8>) {
        guard bytes.count == 10 else { return nil }
        let b = bytes.startIndex
        guard bytes[b + 4] == UInt8(ascii: "-"), bytes[b + 7] == UInt8(ascii: "-"),
              let year = Self.digits(bytes[b..<(b + 4)]),
              let month = Self.digits(bytes[(b + 5)..<(b + 7)]),
              let day = Self.digits(bytes[(b + 8)..<(b + 10)])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
    }

    /// Orders dates chronologically.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes a date from a `YYYY-MM-DD` string.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a real date.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a date in the form YYYY-MM-DD")
        }
        self = date
    }

    /// Encodes the date as a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
