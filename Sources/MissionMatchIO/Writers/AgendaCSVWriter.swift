import MissionMatch

/// Writes `agenda.csv` ([FileFormats §4](<doc:FileFormats>)): one row per scheduled meeting,
/// `meeting_id,date,start,end,table,participant_a,participant_b,score,reasons`,
/// sorted by date, start and table, times in the mission's local `HH:MM`,
/// scores with 4 decimals, cells neutralised for spreadsheets.
///
/// ```swift
/// try OutputFile(protectedInputs: inputs).write(AgendaCSVWriter().csv(for: agenda), to: out.appending(path: "agenda.csv"))
/// ```
public struct AgendaCSVWriter: Sendable {
    /// The header row.
    public static let header = ["meeting_id", "date", "start", "end", "table", "participant_a", "participant_b", "score", "reasons"]

    /// Creates a writer.
    public init() {}

    /// The CSV text of an agenda's scheduled meetings.
    ///
    /// - Parameter agenda: The agenda.
    /// - Returns: The file's text, header first, each line ending in `\n`.
    /// - Complexity: O(*m* log *m*) for *m* meetings.
    public func csv(for agenda: Agenda) -> String {
        var csv = SpreadsheetSafeCSV(header: Self.header)
        let meetings = agenda.meetings.filter { $0.status == .scheduled && agenda.slots.indices.contains($0.slot) }
            .sorted { ($0.slot, $0.table, $0.id) < ($1.slot, $1.table, $1.id) }
        for meeting in meetings {
            let slot = agenda.slots[meeting.slot]
            csv.append([meeting.id, slot.dateText, slot.startText, slot.endText, String(meeting.table),
                        meeting.participantA, meeting.participantB, FixedPoint.format(meeting.score, digits: 4), meeting.reasons])
        }
        return csv.text
    }
}
