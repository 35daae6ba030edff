import Foundation

/// A `VTIMEZONE` component for a Foundation time zone, built from its actual
/// offset changes around the dates it must cover.
///
/// Every change within a year before the first and a year after the last
/// instant becomes one `STANDARD` or `DAYLIGHT` observance with a fixed onset
/// (no `RRULE`), so an event anywhere in the covered range falls in a defined
/// observance and a client needs no rule of its own. A zone without changes in
/// that window (e.g. `Asia/Shanghai`) gets one `STANDARD` observance from 1970.
/// No `TZNAME`: Foundation's abbreviations differ between platforms (`EST`,
/// `GMT-5`), and clients do not need them.
///
/// ```swift
/// let zone = ICalendarTimeZone(mission.timeZone, covering: start...end)   // America/Toronto
/// zone.observances.map(\.isDaylight)   // [true, false, true, false] around a June mission
/// ```
struct ICalendarTimeZone: Sendable, Equatable {
    /// One onset of an offset.
    struct Observance: Sendable, Equatable {
        /// Whether the offset is daylight-saving time.
        var isDaylight: Bool
        /// The onset as local time in the offset before it, `YYYYMMDDTHHMMSS`.
        var onset: String
        /// The offset before the onset, in seconds east of UTC.
        var offsetFrom: Int
        /// The offset from the onset, in seconds east of UTC.
        var offsetTo: Int
    }

    /// The TZID, the zone's identifier, e.g. `America/Toronto`.
    var identifier: String
    /// The observances, in time order.
    var observances: [Observance]

    /// How far before and after the covered instants changes are listed.
    static let margin: TimeInterval = 366 * 86_400

    /// Builds the component for a zone around a range of instants.
    ///
    /// - Parameters:
    ///   - timeZone: The mission's zone.
    ///   - range: The first and last instants the calendar uses.
    /// - Complexity: O(*c*) for *c* offset changes in the window (about four a year).
    init(_ timeZone: TimeZone, covering range: ClosedRange<Date>) {
        identifier = timeZone.identifier
        let windowStart = range.lowerBound.addingTimeInterval(-Self.margin)
        let windowEnd = range.upperBound.addingTimeInterval(Self.margin)
        var observances: [Observance] = []
        var cursor = windowStart
        while let change = timeZone.nextDaylightSavingTimeTransition(after: cursor), change <= windowEnd, change > cursor {
            let before = timeZone.secondsFromGMT(for: change.addingTimeInterval(-1))
            let after = timeZone.secondsFromGMT(for: change)
            observances.append(Observance(
                isDaylight: timeZone.isDaylightSavingTime(for: change),
                onset: Self.localText(change, offset: before),
                offsetFrom: before, offsetTo: after))
            cursor = change
        }
        if observances.isEmpty {
            let offset = timeZone.secondsFromGMT(for: range.lowerBound)
            observances.append(Observance(
                isDaylight: false, onset: "19700101T000000", offsetFrom: offset, offsetTo: offset))
        }
        self.observances = observances
    }

    /// Appends `BEGIN:VTIMEZONE` … `END:VTIMEZONE`.
    ///
    /// - Parameter lines: The calendar being written.
    func write(to lines: inout ICalendarText) {
        lines.append("BEGIN", raw: "VTIMEZONE")
        lines.append("TZID", text: identifier)
        for observance in observances {
            let kind = observance.isDaylight ? "DAYLIGHT" : "STANDARD"
            lines.append("BEGIN", raw: kind)
            lines.append("DTSTART", raw: observance.onset)
            lines.append("TZOFFSETFROM", raw: Self.offsetText(observance.offsetFrom))
            lines.append("TZOFFSETTO", raw: Self.offsetText(observance.offsetTo))
            lines.append("END", raw: kind)
        }
        lines.append("END", raw: "VTIMEZONE")
    }

    /// An offset as RFC 5545 writes it: `-0400`, `+0800`, `+0530`, `+054500` when it has seconds.
    ///
    /// - Parameter seconds: Seconds east of UTC.
    /// - Returns: The UTC-OFFSET value.
    static func offsetText(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let text = sign + twoDigits(magnitude / 3600) + twoDigits(magnitude % 3600 / 60)
        return magnitude % 60 == 0 ? text : text + twoDigits(magnitude % 60)
    }

    /// An instant as local date-time `YYYYMMDDTHHMMSS` at a fixed offset.
    ///
    /// - Parameters:
    ///   - date: The instant.
    ///   - offset: Seconds east of UTC.
    /// - Returns: The local date-time text.
    static func localText(_ date: Date, offset: Int) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return fourDigits(year) + twoDigits(month) + twoDigits(day) + "T"
            + twoDigits(secondOfDay / 3600) + twoDigits(secondOfDay % 3600 / 60) + twoDigits(secondOfDay % 60)
    }

    /// An instant in UTC, `YYYYMMDDTHHMMSSZ`.
    ///
    /// - Parameter date: The instant.
    /// - Returns: The UTC date-time text.
    static func utcText(_ date: Date) -> String { localText(date, offset: 0) + "Z" }

    /// The civil date of a day count from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func fourDigits(_ value: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }
}
