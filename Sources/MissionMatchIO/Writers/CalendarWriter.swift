import Foundation
import MissionMatch

/// Writes one RFC 5545 calendar per participant: `calendars/<participant-id>.ics`.
///
/// Each scheduled meeting is a `VEVENT` whose `SUMMARY` names the partner and
/// its country, `LOCATION` the table (and city), `DESCRIPTION` the partner's
/// contact and why they meet. Times are local to the mission
/// (`DTSTART;TZID=America/Toronto:20190617T090000`) with a `VTIMEZONE` built from
/// the zone's real offset changes. The `UID` is the meeting id at
/// ``uidDomain`` (`m-3f…@missionmatch`), the same for the same mission and
/// pair, so importing a re-planned calendar updates events instead of
/// duplicating them; a moved meeting gets `SEQUENCE:1`, and meetings the
/// re-plan removed (`Agenda.cancelled`) are sent as `STATUS:CANCELLED`.
///
/// ```swift
/// for (participant, ics) in CalendarWriter().calendars(for: agenda, mission: mission, participants: participants) {
///     send(ics, to: participant)   // CRLF lines folded at 75 octets
/// }
/// ```
///
/// Output is byte-deterministic: `DTSTAMP` is the first slot's start in UTC,
/// never the clock. E-mail addresses appear only as text in `DESCRIPTION`
/// (no `ATTENDEE`, which would make clients treat the event as an invitation).
public struct CalendarWriter: Sendable {
    /// The domain part of every `UID`.
    public static let uidDomain = "missionmatch"
    /// The `PRODID` of every calendar.
    public static let productID = "-//MissionMatch//Agenda calendar//EN"

    /// The agenda sent out before this one, to set `SEQUENCE` and the time of
    /// cancelled meetings; `nil` for a first plan.
    public var previous: Agenda?

    /// A writer.
    ///
    /// - Parameter previous: The agenda sent out before, if any.
    public init(previous: Agenda? = nil) {
        self.previous = previous
    }

    /// The calendar of every participant with a scheduled or cancelled
    /// meeting, in the agenda's participant order.
    ///
    /// - Parameters:
    ///   - agenda: The agenda to export.
    ///   - mission: Its mission (name, city, time zone).
    ///   - participants: The mission's participants (names, countries, contacts).
    /// - Returns: Each participant's id and `.ics` text (UTF-8, CRLF line ends).
    /// - Complexity: O(*p* + *m* log *m*).
    public func calendars(for agenda: Agenda, mission: Mission, participants: [Participant]) -> [(participant: String, text: String)] {
        let rendering = CalendarRendering(context: ExportContext(agenda: agenda, mission: mission, participants: participants),
                                          previous: previous)
        return rendering.participantIDs.compactMap { id in rendering.calendar(for: id).map { (id, $0) } }
    }

    /// The `UID` of a meeting: its stable id at ``uidDomain``.
    ///
    /// - Parameter meetingID: The meeting's id (`MeetingID.make(mission:_:_:)`).
    /// - Returns: e.g. `m-3f2a9c0d1e4b5a67@missionmatch`.
    public static func uid(forMeeting meetingID: String) -> String { "\(meetingID)@\(uidDomain)" }
}

/// One agenda's calendars, prepared once (time zone, revisions, time stamp).
struct CalendarRendering: Sendable {

    private let context: ExportContext
    private let revision: CalendarRevision
    private let timeZone: ICalendarTimeZone
    private let timestamp: String


    init(context: ExportContext, previous: Agenda?) {
        self.context = context
        self.revision = CalendarRevision(previous: previous)
        let instants = (context.agenda.slots + (previous?.slots ?? [])).flatMap { [$0.startDate, $0.endDate] }
        let first = instants.min() ?? Date(timeIntervalSince1970: 0)
        let last = instants.max() ?? first
        self.timeZone = ICalendarTimeZone(context.mission.timeZone, covering: first...last)
        let stampSource = context.agenda.slots.first?.startDate ?? context.mission.slots.first?.startDate
        self.timestamp = ICalendarTimeZone.utcText(stampSource ?? Date(timeIntervalSince1970: 0))
    }


    /// The participants who get a calendar — those with at least one scheduled
    /// or cancelled meeting — in the agenda's participant order.
    var participantIDs: [String] {
        context.agendaParticipants.map(\.id).filter { !context.meetings(of: $0).isEmpty || !cancellations(of: $0).isEmpty }
    }

    /// The calendar of one participant.
    ///
    /// - Parameter participantID: The participant's id.
    /// - Returns: The `.ics` text (UTF-8, CRLF line ends), or `nil` when the
    ///   participant has neither scheduled nor cancelled meetings.
    /// - Complexity: O(*k*) for the participant's *k* meetings.
    func calendar(for participantID: String) -> String? {
        let meetings = context.meetings(of: participantID)
        let cancelled = cancellations(of: participantID).filter { cancelled in !meetings.contains { $0.id == cancelled.id } }
        guard !meetings.isEmpty || !cancelled.isEmpty else { return nil }
        var lines = ICalendarText()
        lines.append("BEGIN", raw: "VCALENDAR")
        lines.append("VERSION", raw: "2.0")
        lines.append("PRODID", text: CalendarWriter.productID)
        lines.append("CALSCALE", raw: "GREGORIAN")
        lines.append("METHOD", raw: "PUBLISH")
        lines.append("X-WR-CALNAME", text: "\(context.mission.name) — \(context.name(of: participantID))")
        lines.append("X-WR-TIMEZONE", text: timeZone.identifier)
        timeZone.write(to: &lines)
        for meeting in meetings {
            guard let slot = context.slot(of: meeting) else { continue }
            writeEvent(
                to: &lines, id: meeting.id, partner: meeting.partner(of: participantID) ?? meeting.participantB,
                slot: slot, table: meeting.table, reasons: meeting.reasons,
                sequence: revision.sequence(of: meeting, in: slot), cancellation: nil)
        }
        for cancelled in cancelled {
            let placement = placement(ofCancelled: cancelled.id)
            guard let slot = placement?.slot ?? context.agenda.slots.first ?? context.mission.slots.first else { continue }
            writeEvent(
                to: &lines, id: cancelled.id, partner: cancelled.partner, slot: slot, table: placement?.table,
                reasons: "", sequence: CalendarRevision.cancelledSequence, cancellation: cancelled.reason)
        }
        lines.append("END", raw: "VCALENDAR")
        return lines.text
    }

    /// A cancelled meeting as one participant sees it.
    private struct Cancellation {
        var id: String
        var partner: String
        var reason: String
    }

    /// The participant's cancelled meetings: ``Agenda/cancelled``, then meetings
    /// with status `cancelled`, each id once.
    private func cancellations(of participantID: String) -> [Cancellation] {
        var seen = Set<String>()
        var result: [Cancellation] = []
        for cancelled in context.agenda.cancelled where cancelled.participantA == participantID || cancelled.participantB == participantID {
            guard seen.insert(cancelled.id).inserted else { continue }
            let partner = cancelled.participantA == participantID ? cancelled.participantB : cancelled.participantA
            result.append(Cancellation(id: cancelled.id, partner: partner, reason: cancelled.reason))
        }
        for meeting in context.agenda.meetings where meeting.status == .cancelled && meeting.involves(participantID) {
            guard seen.insert(meeting.id).inserted else { continue }
            result.append(Cancellation(id: meeting.id, partner: meeting.partner(of: participantID) ?? "", reason: ""))
        }
        return result
    }

    /// Where a cancelled meeting was: the previous agenda's slot and table, or
    /// this agenda's cancelled entry with the same id.
    private func placement(ofCancelled id: String) -> (slot: Slot, table: Int)? {
        if let previous = revision.previousMeetings[id] { return previous }
        if let meeting = context.agenda.meetings.first(where: { $0.id == id }), let slot = context.slot(of: meeting) {
            return (slot, meeting.table)
        }
        return nil
    }

    private func writeEvent(
        to lines: inout ICalendarText, id: String, partner: String, slot: Slot, table: Int?, reasons: String,
        sequence: Int, cancellation: String?
    ) {
        let zone = "TZID=\(timeZone.identifier)"
        let partnerText = context.nameWithCountry(of: partner)
        let tableText = table.map { "Table \($0)" }
        lines.append("BEGIN", raw: "VEVENT")
        lines.append("UID", text: CalendarWriter.uid(forMeeting: id))
        lines.append("DTSTAMP", raw: timestamp)
        lines.append("DTSTART;\(zone)", raw: Self.localText(slot.date, slot.start))
        lines.append("DTEND;\(zone)", raw: Self.localText(slot.date, slot.end))
        lines.append("SEQUENCE", raw: String(sequence))
        lines.append("STATUS", raw: cancellation == nil ? "CONFIRMED" : "CANCELLED")
        lines.append("SUMMARY", text: (cancellation == nil ? "" : "Cancelled: ") + "Meeting with \(partnerText)")
        let location = [tableText, context.mission.city].compactMap { $0 }.filter { !$0.isEmpty }
        if !location.isEmpty { lines.append("LOCATION", text: location.joined(separator: ", ")) }
        lines.append("DESCRIPTION", text: description(
            partner: partner, partnerText: partnerText, table: tableText, reasons: reasons, cancellation: cancellation))
        lines.append("TRANSP", raw: cancellation == nil ? "OPAQUE" : "TRANSPARENT")
        lines.append("END", raw: "VEVENT")
    }

    private func description(partner: String, partnerText: String, table: String?, reasons: String, cancellation: String?) -> String {
        var parts: [String] = []
        if let cancellation {
            parts.append(cancellation.isEmpty ? "This meeting was cancelled." : "This meeting was cancelled: \(cancellation)")
        }
        parts.append("Partner: \(partnerText)")
        if let record = context.participantsByID[partner] {
            let contact = [record.contact, record.email, record.website].compactMap { $0 }.filter { !$0.isEmpty }
            if !contact.isEmpty { parts.append("Contact: " + contact.joined(separator: " · ")) }
        }
        if let table { parts.append(table) }
        if !reasons.isEmpty { parts.append("Why you meet: \(reasons)") }
        parts.append("Mission: \(context.mission.name)")
        return parts.joined(separator: "\n")
    }

    /// A local date and time as `YYYYMMDDTHHMMSS`.
    static func localText(_ date: LocalDate, _ time: LocalTime) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(date.year, 4) + pad(date.month, 2) + pad(date.day, 2) + "T" + pad(time.hour, 2) + pad(time.minute, 2) + "00"
    }
}
