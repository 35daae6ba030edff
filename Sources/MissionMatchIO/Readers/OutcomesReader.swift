import Foundation
import MissionMatch

/// Reads and validates a mission's outcomes file (FileFormats §6b) against
/// the agenda that was handed out and the mission's participants.
///
/// A row names a meeting by `meeting_id` or by its two participants; a row
/// whose two participants had no meeting records an agreement made outside
/// the agenda. Every problem of the file is reported at once, with its line
/// and column; see FileFormats §6b for which are errors and which warnings.
///
/// ```swift
/// let outcomes = try OutcomesReader(mission: mission, participants: participants, agenda: agenda)
///     .read(contentsOf: URL(fileURLWithPath: "outcomes/toronto-2019.csv")).value
/// let report = OutcomeReport(mission: mission, participants: participants, agenda: agenda,
///                            recommendations: nil, outcomes: outcomes)
/// ```
public struct OutcomesReader: Sendable, CSVTableImporter {
    /// The mission the outcomes are of.
    public var mission: Mission
    /// Its participants.
    public var participants: [Participant]
    /// The agenda that was handed out.
    public var agenda: Agenda
    /// Size limits.
    public var limits: ImportLimits
    /// How the file's columns become the format's fields (FileFormats.md,
    /// "Column mapping"); `nil` reads the format's own columns.
    public var columns: TableMapping?

    var tableOptions: TableOptions { TableOptions(acceptsWorkbooks: true, mapping: columns) }

    /// An agreement dated more than this many days after the mission's first
    /// day is reported with a warning (a likely typo in the year).
    public static let lateAgreementDays = 3 * 366

    enum Column: Int, CaseIterable {
        case mission, meeting, participantA, participantB, nameA, nameB, date, start, table
        case held, ratingA, ratingB, followUp, signedOn, notes
    }

    static let schema = CSVSchema(columns: [
        CSVSchema.Column("mission_id", required: true, hint: "add a 'mission_id' column with the mission's id"),
        CSVSchema.Column("meeting_id", hint: "add a 'meeting_id' column with the ids of agenda.csv"),
        CSVSchema.Column("participant_a", hint: "add a 'participant_a' column"),
        CSVSchema.Column("participant_b", hint: "add a 'participant_b' column"),
        CSVSchema.Column("name_a"),
        CSVSchema.Column("name_b"),
        CSVSchema.Column("date"),
        CSVSchema.Column("start"),
        CSVSchema.Column("table"),
        CSVSchema.Column("held"),
        CSVSchema.Column("rating_a"),
        CSVSchema.Column("rating_b"),
        CSVSchema.Column("follow_up"),
        CSVSchema.Column("signed_on"),
        CSVSchema.Column("notes"),
    ], keepsUnknownColumns: true)

    /// The column names, in the order the template writes them.
    public static var columnNames: [String] { schema.columns.map(\.name) }

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - mission: The mission.
    ///   - participants: Its participants.
    ///   - agenda: The agenda that was handed out.
    ///   - limits: Size limits.
    public init(mission: Mission, participants: [Participant], agenda: Agenda, limits: ImportLimits = .default) {
        self.mission = mission
        self.participants = participants
        self.agenda = agenda
        self.limits = limits
    }

    /// Reads an outcomes file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages.
    /// - Returns: The outcomes in file order (a row naming a meeting by its
    ///   participants carries the meeting's id), with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<[MeetingOutcome]> {
        try importFile(url, displayName: displayName)
    }

    /// Reads outcomes from CSV held in memory.
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - displayName: The name used in messages, e.g. `outcomes.csv`.
    /// - Returns: The outcomes in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func readCSV(_ data: Data, displayName: String) throws(ImportError) -> Imported<[MeetingOutcome]> {
        try importData(data, displayName: displayName)
    }

    func read(_ table: CSVTable?, diagnostics initial: Diagnostics) throws(ImportError) -> Imported<[MeetingOutcome]> {
        var diagnostics = initial
        guard let table, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        if !table.hasColumn(Column.meeting.rawValue),
           !(table.hasColumn(Column.participantA.rawValue) && table.hasColumn(Column.participantB.rawValue)) {
            table.error(line: 1, field: "meeting_id", "neither a 'meeting_id' column nor the two participant columns",
                        hint: "add 'meeting_id', or 'participant_a' and 'participant_b'", kind: .missingColumn)
            diagnostics.append(contentsOf: table.located(table.diagnostics))
            throw ImportError(diagnostics: diagnostics)
        }
        var rows = OutcomeRowChecker(reader: self, table: table)
        var outcomes: [MeetingOutcome] = []
        table.forEachRow { row in
            if let outcome = rows.check(row) { outcomes.append(outcome) }
        }
        diagnostics.append(contentsOf: table.located(table.diagnostics))
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: outcomes, diagnostics: diagnostics)
    }
}
