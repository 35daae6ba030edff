import Foundation
import MissionMatch

/// Reads and validates a participants file (CSV or JSON, same field names).
///
/// Every rule of the participants format is checked and every problem is
/// reported in one pass, as `file:line: column 'x': what is wrong (what to do)`.
/// Countries become alpha-2 codes and sectors taxonomy codes; with a mission,
/// sides and availability are checked against it too.
///
/// ```swift
/// let reader = ParticipantReader(referenceData: reference, mission: mission)
/// do {
///     let imported = try reader.read(contentsOf: URL(fileURLWithPath: "participants.csv"))
///     print(imported.value.count, "participants;", imported.warnings.count, "warnings")
/// } catch {
///     error.diagnostics.errorLines.forEach { print($0) }
/// }
/// ```
///
/// CSV files are read as a stream: memory grows with the participants kept,
/// not with the file's text.
public struct ParticipantReader: Sendable {
    /// Countries, sectors and the rest used to normalise values.
    public var referenceData: ReferenceData
    /// The mission the participants attend, for checking sides and availability.
    public var mission: Mission?
    /// Size limits.
    public var limits: ImportLimits
    /// How the file's columns become the format's fields, and whether rows are
    /// grouped (FileFormats.md, "Column mapping"); `nil` reads the format's own columns.
    public var columns: TableMapping?
    /// Files of at least this many bytes are scanned on a thread of their own
    /// while the records are validated (``ReadAhead``); tests lower it to
    /// compare both ways of reading.
    var readAheadBytes = ReadAhead.minimumBytes

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - referenceData: The reference data.
    ///   - mission: The mission, if the file belongs to one.
    ///   - limits: Size limits (default ``ImportLimits/default``).
    ///   - columns: The column mapping, if the file is another tool's export.
    public init(referenceData: ReferenceData, mission: Mission? = nil, limits: ImportLimits = .default,
                columns: TableMapping? = nil) {
        self.referenceData = referenceData
        self.mission = mission
        self.limits = limits
        self.columns = columns
    }

    /// Reads a participants file; `.json` files as JSON, `.xlsx` files as Excel
    /// workbooks (the first sheet, or the mapping's), anything else as CSV.
    /// Messages about a workbook name the cell: `file.xlsx:Sheet1!C17: column 'country': …`.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages (default: the path relative to
    ///     the current directory).
    /// - Returns: The participants in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found (a missing file, bad syntax, invalid values).
    /// - Complexity: O(*n*) in the file's size.
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<[Participant]> {
        let name = displayName ?? InputFile.displayName(for: url)
        if url.pathExtension.lowercased() == "json" {
            var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
            guard let data = InputFile.readData(url, name: name, limits: limits, into: &diagnostics) else {
                throw ImportError(diagnostics: diagnostics)
            }
            return try readJSON(data, displayName: name)
        }
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        let table = CSVTable.open(url, name: name, schema: schema, limits: limits, options: tableOptions,
                                  diagnostics: &diagnostics)
        return try read(table, name: name, diagnostics: diagnostics)
    }

    /// Reads participants from CSV text held in memory.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - displayName: The name used in messages, e.g. `participants.csv`.
    /// - Returns: The participants in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func readCSV(_ data: Data, displayName: String) throws(ImportError) -> Imported<[Participant]> {
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        let table = CSVTable.open(data, name: displayName, schema: schema, limits: limits, options: tableOptions,
                                  diagnostics: &diagnostics)
        return try read(table, name: displayName, diagnostics: diagnostics)
    }

    /// Reads participants from a JSON array of objects with the format's field names.
    ///
    /// List fields may be arrays of strings or strings split like CSV cells;
    /// numbers may be JSON numbers or strings. Messages name the record and field:
    /// `participants.json:14: record 3, field 'country': …`.
    ///
    /// - Parameters:
    ///   - data: The file's bytes.
    ///   - displayName: The name used in messages, e.g. `participants.json`.
    /// - Returns: The participants in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func readJSON(_ data: Data, displayName: String) throws(ImportError) -> Imported<[Participant]> {
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        let root: StructuredNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            diagnostics.append(Diagnostic(kind: .syntax, file: displayName, line: error.line, character: error.character,
                                          message: error.message, hint: "fix the JSON syntax"))
            throw ImportError(diagnostics: diagnostics)
        }
        guard case .sequence(let items) = root.value else {
            diagnostics.append(Diagnostic(kind: .syntax, file: displayName, line: root.line,
                                          message: "the document is \(root.kindName), not a list of participants",
                                          hint: "write a JSON array of objects, one per participant"))
            throw ImportError(diagnostics: diagnostics)
        }
        var validator = ParticipantValidator(fileName: displayName, reference: referenceData, mission: mission,
                                             errorLimit: limits.maxErrors)
        var participants: [Participant] = []
        for (offset, item) in items.enumerated() {
            if offset >= limits.maxRows {
                validator.diagnostics.append(Diagnostic(
                    kind: .limitExceeded, file: displayName, line: item.line, record: offset + 1,
                    message: "more than \(limits.maxRows) records; the rest were not read",
                    hint: "split the file; the limit is \(limits.maxRows) records"))
                break
            }
            guard let record = JSONParticipantRecord(node: item, index: offset + 1, fileName: displayName,
                                                     diagnostics: &validator.diagnostics)
            else { continue }
            if let participant = validator.participant(from: record) { participants.append(participant) }
        }
        diagnostics.append(contentsOf: validator.diagnostics)
        if participants.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(file: displayName, line: root.line, message: "the file holds no participants",
                                          hint: "add one object per organisation to the array"))
        }
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: participants, diagnostics: diagnostics)
    }

    private var tableOptions: TableOptions {
        TableOptions(acceptsWorkbooks: true, mapping: columns,
                     listColumns: Set(ParticipantField.allCases.filter(\.isList).map(\.name)),
                     unionColumns: [ParticipantField.offers.name, ParticipantField.needs.name])
    }

    private var schema: CSVSchema {
        ParticipantField.schema(requiringSide: mission?.pairing == .bipartite)
    }

    private func read(_ table: CSVTable?, name: String, diagnostics initial: Diagnostics) throws(ImportError) -> Imported<[Participant]> {
        var diagnostics = initial
        guard let table, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        var validator = ParticipantValidator(fileName: name, reference: referenceData, mission: mission,
                                             errorLimit: limits.maxErrors)
        validator.rowNoun = table.rowNoun
        let allowsSemicolon = table.delimiter != UInt8(ascii: ";")
        var participants: [Participant] = []
        var rows = 0
        func validate(_ row: CSVTable.Row) {
            rows += 1
            let record = CSVParticipantRecord(row: row, allowsSemicolonLists: allowsSemicolon)
            if let participant = validator.participant(from: record) { participants.append(participant) }
        }
        if table.sourceBytes >= readAheadBytes {
            // The table's records are scanned on a thread of their own while this one validates them, in
            // file order (the table is not touched here until the scan has ended).
            let scanned = ScannedTable(table)
            ReadAhead.pipe(produce: { emit in scanned.table.forEachRow(emit) }, consume: validate)
        } else {
            table.forEachRow(validate)
        }
        diagnostics.append(contentsOf: table.located(table.diagnostics))
        diagnostics.append(contentsOf: table.located(validator.diagnostics))
        var notes: [String] = []
        if let grouping = table.grouping {
            notes.append("\(name): \(grouping.rows) rows became \(grouping.records) participants, grouped by '\(grouping.field)'")
        }
        if rows == 0 && table.rowCount == 0 && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(file: name, line: 1, message: "the file has a header but no participants",
                                          hint: "add one row per organisation below the header"))
        }
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        var imported = Imported(value: participants, diagnostics: diagnostics)
        imported.notes = notes
        return imported
    }
}

/// A table handed to the thread that scans it (``ReadAhead``): only that
/// thread uses it until the scan has ended.
private struct ScannedTable: @unchecked Sendable {
    let table: CSVTable
    init(_ table: CSVTable) { self.table = table }
}
