import Foundation

extension Mission {
    /// The mission's meeting slots, in chronological order.
    ///
    /// Each session yields slots starting at its start, every
    /// `meetingMinutes + breakMinutes`, as long as a slot ends no later than the
    /// session. Local times are turned into instants with ``timeZone``; across a
    /// daylight-saving change the offset in force at that local time is used.
    ///
    /// - Complexity: O(*s* log *s*) for *s* slots.
    public var slots: [Slot] {
        guard meetingMinutes > 0 else { return [] }
        let step = meetingMinutes + max(0, breakMinutes)
        let ordered = sessions.enumerated().sorted { ($0.element.date, $0.element.start) < ($1.element.date, $1.element.start) }
        var result: [Slot] = []
        for (sessionIndex, session) in ordered {
            var start = session.start.minutesSinceMidnight
            while start + meetingMinutes <= session.end.minutesSinceMidnight {
                guard let from = LocalTime(minutesSinceMidnight: start),
                      let to = LocalTime(minutesSinceMidnight: start + meetingMinutes)
                else { break }
                result.append(Slot(
                    index: result.count, session: sessionIndex, date: session.date, start: from, end: to,
                    startDate: instant(session.date, from), endDate: instant(session.date, to)))
                start += step
            }
        }
        return result
    }

    /// How many slots each session yields, in the mission's session order.
    public var slotsPerSession: [Int] {
        var counts = Array(repeating: 0, count: sessions.count)
        for slot in slots { counts[slot.session] += 1 }
        return counts
    }

    /// The instant of a local date and time in the mission's time zone.
    ///
    /// - Parameters:
    ///   - date: The local day.
    ///   - time: The local time.
    /// - Returns: The instant; in a daylight-saving gap, the offset before the change applies.
    public func instant(_ date: LocalDate, _ time: LocalTime) -> Date {
        let localSeconds = Double(Self.daysSinceEpoch(date) * 86_400 + time.minutesSinceMidnight * 60)
        let guess = Date(timeIntervalSince1970: localSeconds)
        let firstOffset = timeZone.secondsFromGMT(for: guess)
        let candidate = Date(timeIntervalSince1970: localSeconds - Double(firstOffset))
        let secondOffset = timeZone.secondsFromGMT(for: candidate)
        return Date(timeIntervalSince1970: localSeconds - Double(secondOffset))
    }

    /// Days from 1970-01-01 to `date` in the proleptic Gregorian calendar
    /// (Howard Hinnant's `days_from_civil`).
    public static func daysSinceEpoch(_ date: LocalDate) -> Int {
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = date.month > 2 ? date.month - 3 : date.month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
