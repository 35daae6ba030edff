import Foundation
import MissionMatch

/// Reads and validates a meeting requests file (`from,to,priority[,note]`).
///
/// Ids must exist among the participants, a participant cannot request
/// itself, `priority` is `must`, `wish` or `block`, each pair appears once,
/// and in a bipartite mission the two must be on different sides.
///
/// ```swift
/// let requests = try MeetingRequestReader(participants: participants, mission: mission)
///     .read(contentsOf: URL(fileURLWithPath: "requests.csv")).value
/// ```
public struct MeetingRequestReader: Sendable, CSVTableImporter {
    /// The participants the requests refer to.
    public var participants: [Participant]
    /// The mission, for checking sides.
    public var mission: Mission?
    /// Size limits.
    public var limits: ImportLimits
    /// How the file's columns become the format's fields (FileFormats.md,
    /// "Column mapping"); `nil` reads the format's own columns.
    public var columns: TableMapping?

    var tableOptions: TableOptions { TableOptions(acceptsWorkbooks: true, mapping: columns) }

    enum Column: Int, CaseIterable { case from, to, priority, note }

    static let schema = CSVSchema(columns: [
        CSVSchema.Column("from", required: true, hint: "add a 'from' column with the id of the participant who asks"),
        CSVSchema.Column("to", required: true, hint: "add a 'to' column with the id of the participant asked for"),
        CSVSchema.Column("priority", required: true, hint: "add a 'priority' column with must, wish or block"),
        CSVSchema.Column("note"),
    ], keepsUnknownColumns: false)

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - participants: The mission's participants.
    ///   - mission: The mission, if any.
    ///   - limits: Size limits.
    public init(participants: [Participant], mission: Mission? = nil, limits: ImportLimits = .default) {
        self.participants = participants
        self.mission = mission
        self.limits = limits
    }

    /// Reads a requests file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages.
    /// - Returns: The requests in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<[MeetingRequest]> {
        try importFile(url, displayName: displayName)
    }

    /// Reads requests from CSV held in memory.
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - displayName: The name used in messages, e.g. `requests.csv`.
    /// - Returns: The requests in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func readCSV(_ data: Data, displayName: String) throws(ImportError) -> Imported<[MeetingRequest]> {
        try importData(data, displayName: displayName)
    }

    func read(_ table: CSVTable?, diagnostics initial: Diagnostics) throws(ImportError) -> Imported<[MeetingRequest]> {
        var diagnostics = initial
        guard let table, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        let directory = ParticipantDirectory(participants: participants, pairing: mission?.pairing)
        var firstLine: [String: Int] = [:]
        var requests: [MeetingRequest] = []
        table.forEachRow { row in
            let errorsBefore = table.diagnostics.errorCount
            let from = directory.checkedID(row.value(Column.from.rawValue), column: "from", line: row.line, in: table)
            let to = directory.checkedID(row.value(Column.to.rawValue), column: "to", line: row.line, in: table)
            let priorityText = row.value(Column.priority.rawValue)
            let priority = MeetingRequest.Priority(rawValue: priorityText.lowercased())
            if priority == nil {
                table.error(line: row.line, field: "priority",
                            priorityText.isEmpty ? "the priority is missing" : "'\(priorityText)' is not a priority",
                            hint: "use must, wish or block")
            }
            if let from, let to {
                directory.checkPair(from, to, column: "to", line: row.line, verb: "requested", in: table, seen: &firstLine)
            }
            guard table.diagnostics.errorCount == errorsBefore, let from, let to, let priority else { return }
            let note = row.value(Column.note.rawValue)
            requests.append(MeetingRequest(from: from, to: to, priority: priority, note: note.isEmpty ? nil : note,
                                           source: SourceLocation(file: table.fileName, line: row.line)))
        }
        diagnostics.append(contentsOf: table.located(table.diagnostics))
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: requests, diagnostics: diagnostics)
    }
}
