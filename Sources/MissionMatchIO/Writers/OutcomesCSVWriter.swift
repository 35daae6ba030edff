import MissionMatch

/// Writes an outcomes file ([FileFormats §6b](<doc:FileFormats>)): one row
/// per scheduled meeting of the agenda in slot and table order — its
/// outcome filled in when one is given, empty otherwise (the template an
/// organiser sends round) — then the agreements made outside the agenda.
/// Names, date, start and table are copied from the agenda for the people
/// filling it in; cells are neutralised for spreadsheets. ``OutcomesReader``
/// reads it back.
///
/// ```swift
/// let template = OutcomesCSVWriter().csv(for: agenda, participants: participants)
/// ```
public struct OutcomesCSVWriter: Sendable {
    /// The header row.
    public static var header: [String] { OutcomesReader.columnNames }

    /// Creates a writer.
    public init() {}

    /// The CSV text.
    ///
    /// - Parameters:
    ///   - agenda: The agenda handed out.
    ///   - participants: The mission's participants, for their names.
    ///   - outcomes: Outcomes to fill in (rows of another mission are left out).
    /// - Returns: The file's text, header first, each line ending in `\n`.
    /// - Complexity: O(*m* log *m* + *o* + *p*) for *m* meetings, *o* outcomes, *p* participants.
    public func csv(for agenda: Agenda, participants: [Participant], outcomes: [MeetingOutcome] = []) -> String {
        let names = Dictionary(participants.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let own = outcomes.filter { $0.mission == agenda.mission }
        let byMeeting = Dictionary(own.compactMap { outcome in outcome.meetingID.map { ($0, outcome) } },
                                   uniquingKeysWith: { first, _ in first })
        var csv = SpreadsheetSafeCSV(header: Self.header)
        let meetings = agenda.meetings.filter { $0.status == .scheduled && agenda.slots.indices.contains($0.slot) }
            .sorted { ($0.slot, $0.table, $0.id) < ($1.slot, $1.table, $1.id) }
        for meeting in meetings {
            let slot = agenda.slots[meeting.slot]
            let outcome = byMeeting[meeting.id]
            csv.append([agenda.mission, meeting.id, meeting.participantA, meeting.participantB,
                        names[meeting.participantA] ?? "", names[meeting.participantB] ?? "",
                        slot.dateText, slot.startText, String(meeting.table)] + Self.outcomeFields(outcome))
        }
        for outcome in own where outcome.meetingID == nil {
            csv.append([agenda.mission, "", outcome.participantA, outcome.participantB,
                        names[outcome.participantA] ?? "", names[outcome.participantB] ?? "", "", "", ""]
                       + Self.outcomeFields(outcome))
        }
        return csv.text
    }

    /// `held,rating_a,rating_b,follow_up,signed_on,notes`, empty without an outcome.
    private static func outcomeFields(_ outcome: MeetingOutcome?) -> [String] {
        guard let outcome else { return ["", "", "", "", "", ""] }
        return [outcome.attendance?.rawValue ?? "", outcome.ratingA.map(String.init) ?? "", outcome.ratingB.map(String.init) ?? "",
                outcome.followUp?.rawValue ?? "", outcome.signedOn?.description ?? "", outcome.notes]
    }
}
