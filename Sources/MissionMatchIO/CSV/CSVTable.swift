import MissionMatch
import Foundation

/// A CSV file read against a schema: the header matched to the documented
/// columns, rows handed out one at a time, and every problem recorded as a
/// ``Diagnostic`` in the file's own terms (line, character, column name).
final class CSVTable {
    /// A data row, with its cells addressed by schema column.
    struct Row: Sendable {
        /// The record's cells, made into strings on demand.
        let raw: RawCSVRecord
        /// For each schema column, the index of its field (shared with the table).
        fileprivate let fieldIndexOfColumn: [Int?]
        /// Columns outside the schema (shared with the table).
        fileprivate let extraColumns: [(fieldIndex: Int, name: String)]

        /// The line where the row starts.
        var line: Int { raw.line }

        /// The trimmed cell of a schema column; empty when the file lacks the column.
        func value(_ column: Int) -> String {
            guard let index = fieldIndexOfColumn[column], index < raw.count else { return "" }
            return raw.trimmedString(at: index)
        }

        /// The items of a list cell of a schema column.
        func items(_ column: Int, allowingSemicolon: Bool) -> [String] {
            guard let index = fieldIndexOfColumn[column], index < raw.count else { return [] }
            return raw.items(at: index, allowingSemicolon: allowingSemicolon)
        }

        /// The line of a schema column's cell.
        func line(of column: Int) -> Int {
            guard let index = fieldIndexOfColumn[column], index < raw.fieldLines.count else { return raw.line }
            return raw.fieldLines[index]
        }

        /// The trimmed cell of the `position`-th column outside the schema (file order).
        func extraValue(_ position: Int) -> String {
            guard position < extraColumns.count, extraColumns[position].fieldIndex < raw.count else { return "" }
            return raw.trimmedString(at: extraColumns[position].fieldIndex)
        }

        /// The cells of columns outside the schema, in file order, as written.
        var extraFields: [ExtraField] {
            extraColumns.compactMap { extra in
                extra.fieldIndex < raw.count ? ExtraField(name: extra.name, value: raw.string(at: extra.fieldIndex)) : nil
            }
        }
    }

    let fileName: String
    let schema: CSVSchema
    let limits: ImportLimits
    var diagnostics: Diagnostics
    /// For each schema column, the index of its field in the file, if present.
    private(set) var fieldIndexOfColumn: [Int?]
    /// Columns outside the schema: field index and header as written.
    private(set) var extraColumns: [(fieldIndex: Int, name: String)] = []
    private(set) var header: [String] = []
    var rowCount = 0
    private(set) var stoppedEarly = false
    /// Where the rows come from: a CSV reader, or a workbook sheet (FileFormats.md, "Workbooks").
    let source: TableSource
    private var headerValid = false
    /// How the table is mapped and grouped.
    let options: TableOptions
    /// The mapping resolved against the source header, when the table has one.
    private(set) var mapped: MappedColumns?
    /// The number of fields of the source header.
    private(set) var sourceHeaderCount = 0
    /// The source header as written (before mapping).
    private(set) var sourceHeader: [String] = []
    /// Rows read and records made of them when rows are grouped (`nil` without grouping).
    var grouping: (rows: Int, records: Int, field: String)?
    /// The size of the file or text read, in bytes (0 when unknown).
    private(set) var sourceBytes = 0

    /// The delimiter the file uses (`,` for a workbook, whose list cells may use `;`).
    var delimiter: UInt8 {
        if case .csv(let reader) = source { return reader.delimiter }
        return UInt8(ascii: ",")
    }
    /// The largest record held while reading (the reader's memory bound).
    var largestRecordBytes: Int {
        switch source {
        case .csv(let reader): reader.largestRecordBytes
        case .workbook(let sheet, _): sheet.largestRecordBytes
        }
    }

    /// Opens a CSV file and reads its header.
    ///
    /// - Returns: The table, or `nil` after recording why it cannot be read.
    static func open(_ url: URL, name: String, schema: CSVSchema, limits: ImportLimits,
                     options: TableOptions = TableOptions(), diagnostics: inout Diagnostics) -> CSVTable? {
        guard let size = InputFile.check(url, name: name, limits: limits, into: &diagnostics) else { return nil }
        guard size > 0 else {
            diagnostics.append(emptyFile(name, schema))
            return nil
        }
        if options.acceptsWorkbooks && TableSource.isWorkbook(url) {
            let table = openWorkbook(url, name: name, schema: schema, limits: limits, options: options, diagnostics: &diagnostics)
            table?.sourceBytes = size
            return table
        }
        do {
            let reader = try CSVReader(contentsOf: url, options: readerOptions(limits))
            let table = CSVTable(source: .csv(reader), name: name, schema: schema, limits: limits, options: options,
                                 diagnostics: &diagnostics)
            table?.sourceBytes = size
            return table
        } catch {
            diagnostics.append(InputFile.unreadable(name, error))
            return nil
        }
    }

    /// Opens CSV held in memory and reads its header.
    static func open(_ data: Data, name: String, schema: CSVSchema, limits: ImportLimits,
                     options: TableOptions = TableOptions(), diagnostics: inout Diagnostics) -> CSVTable? {
        guard data.count <= limits.maxFileBytes else {
            diagnostics.append(Diagnostic(
                kind: .limitExceeded, file: name,
                message: "the file is \(ByteCountText.text(data.count)), more than the \(ByteCountText.text(limits.maxFileBytes)) limit",
                hint: "split it into smaller files"))
            return nil
        }
        guard !data.isEmpty else {
            diagnostics.append(emptyFile(name, schema))
            return nil
        }
        let reader = CSVReader(data: data, options: readerOptions(limits))
        let table = CSVTable(source: .csv(reader), name: name, schema: schema, limits: limits, options: options,
                             diagnostics: &diagnostics)
        table?.sourceBytes = data.count
        return table
    }

    private static func readerOptions(_ limits: ImportLimits) -> CSVReader.Options {
        CSVReader.Options(maxFieldBytes: limits.maxFieldBytes, maxFieldsPerRecord: limits.maxColumns)
    }

    static func emptyFile(_ name: String, _ schema: CSVSchema) -> Diagnostic {
        let example = schema.columns.filter(\.isRequired).map(\.name).joined(separator: ",")
        return Diagnostic(file: name, message: "the file is empty",
                          hint: "start with a header line such as \(example)")
    }

    init?(source: TableSource, name: String, schema: CSVSchema, limits: ImportLimits, options: TableOptions,
          headerRecord workbookHeader: CSVRecord? = nil, diagnostics: inout Diagnostics) {
        self.source = source
        self.fileName = name
        self.schema = schema
        self.limits = limits
        self.options = options
        self.diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        self.fieldIndexOfColumn = Array(repeating: nil, count: schema.columns.count)
        defer { diagnostics.append(contentsOf: self.diagnostics) ; self.diagnostics = Diagnostics(errorLimit: limits.maxErrors) }
        guard case .csv(let reader) = source else {
            guard let workbookHeader else { return nil }
            guard readMappedHeader(workbookHeader) else { return nil }
            return
        }
        if reader.containsNULBytes {
            self.diagnostics.append(Diagnostic(
                kind: .encoding, file: name, message: "the file contains NUL bytes and looks binary, not CSV",
                hint: "export the sheet as CSV UTF-8"))
            return nil
        }
        if reader.encoding == .windows1252 {
            self.diagnostics.append(Diagnostic(
                .warning, kind: .encoding, file: name, message: "the file is not valid UTF-8 and was read as Windows-1252",
                hint: "save it as CSV UTF-8 so that accented letters are sure to be right"))
        }
        let headerRecord: CSVRecord?
        do {
            headerRecord = try reader.nextRaw()?.record
        } catch {
            self.diagnostics.append(InputFile.unreadable(name, error))
            return nil
        }
        guard let headerRecord else {
            self.diagnostics.append(Self.emptyFile(name, schema))
            return nil
        }
        guard readMappedHeader(headerRecord) else { return nil }
    }

    /// Resolves the mapping (if any) against the source header, then matches the result to the schema.
    private func readMappedHeader(_ record: CSVRecord) -> Bool {
        sourceHeader = record.fields
        sourceHeaderCount = record.fields.count
        guard let mapping = options.mapping else { return readHeader(record) }
        report(record.problems)
        let resolved = MappedColumns(mapping: mapping, header: record.fields, schema: schema,
                                     listColumns: options.listColumns, fileName: fileName, diagnostics: &diagnostics)
        mapped = resolved
        let ok = readHeader(CSVRecord(fields: resolved.header, line: record.line))
        return ok && !diagnostics.hasErrors
    }

    /// Matches the header to the schema; records missing, duplicate and unknown columns.
    private func readHeader(_ record: CSVRecord) -> Bool {
        header = record.fields
        report(record.problems)
        if record.problems.contains(where: { $0.kind == .unterminatedQuote }) { return false }
        let keys = schema.columns.map { CSVSchema.matchKey($0.name) }
        var seenAt: [Int: Int] = [:]
        var ok = true
        for (index, raw) in record.fields.enumerated() {
            let title = raw.trimmingBlanks()
            let key = CSVSchema.matchKey(title)
            if let column = keys.firstIndex(of: key) {
                if let first = seenAt[column] {
                    error(line: record.line, field: schema.columns[column].name,
                          "the column appears twice, as columns \(first + 1) and \(index + 1)", hint: "remove one of them")
                    ok = false
                } else {
                    seenAt[column] = index
                    fieldIndexOfColumn[column] = index
                }
            } else if schema.isNumberedColumn(title) {
                extraColumns.append((index, title))
            } else if title.isEmpty {
                extraColumns.append((index, "column \(index + 1)"))
                diagnostics.append(Diagnostic(
                    .warning, kind: .unknownColumn, file: fileName, line: record.line,
                    message: "column \(index + 1) has no name; its values are kept as extra field 'column \(index + 1)'",
                    hint: "give it a name or delete it"))
            } else if schema.keepsUnknownColumns {
                extraColumns.append((index, title))
                let guess = Suggestion.closest(to: key, in: keys).flatMap { key in
                    schema.columns.first { CSVSchema.matchKey($0.name) == key }?.name
                }
                diagnostics.append(Diagnostic(
                    .warning, kind: .unknownColumn, file: fileName, line: record.line, field: title,
                    message: "unknown column, kept as an extra field",
                    hint: guess.map { "did you mean '\($0)'?" } ?? "check its spelling if it is meant to be a documented column"))
            } else {
                error(line: record.line, field: title, "unknown column",
                      hint: "the columns are " + schema.columns.map(\.name).joined(separator: ", "), kind: .unknownColumn)
                ok = false
            }
        }
        for (column, spec) in schema.columns.enumerated() where spec.isRequired && fieldIndexOfColumn[column] == nil {
            error(line: record.line, field: spec.name, "required column is missing", hint: spec.hint, kind: .missingColumn)
            ok = false
        }
        headerValid = ok
        return ok
    }

    /// Whether the file has a column of the schema.
    func hasColumn(_ column: Int) -> Bool { fieldIndexOfColumn[column] != nil }

    /// The next data row, or `nil` at the end (or at the row limit, after an error).
    ///
    /// Rows whose fields cannot be told apart (an unclosed quote, a field count
    /// that differs from the header's) are reported and skipped.
    func nextRow() -> Row? {
        guard case .csv(let reader) = source else { return nil }
        while true {
            let record: RawCSVRecord?
            do {
                record = try reader.nextRaw()
            } catch {
                diagnostics.append(InputFile.unreadable(fileName, error))
                return nil
            }
            guard let record else { return nil }
            rowCount += 1
            if rowCount > limits.maxRows {
                stoppedEarly = true
                error(line: record.line, field: nil,
                      "more than \(limits.maxRows) rows; the rest of the file was not read",
                      hint: "split the file; the limit is \(limits.maxRows) rows", kind: .limitExceeded)
                return nil
            }
            report(record.problems)
            if record.problems.contains(where: { $0.kind == .unterminatedQuote }) { continue }
            // Spreadsheets export empty rows as a line of delimiters: nothing was written, nothing is lost.
            if record.problems.isEmpty && record.isBlank { continue }
            guard record.count == sourceHeaderCount else {
                reportFieldCount(record)
                continue
            }
            return row(record)
        }
    }

    /// A source record as a row: mapped when the table has a mapping.
    func row(_ record: RawCSVRecord) -> Row {
        Row(raw: mapped?.map(record) ?? record, fieldIndexOfColumn: fieldIndexOfColumn, extraColumns: extraColumns)
    }

    /// A row made of an already mapped (grouped) record.
    func mappedRow(_ record: RawCSVRecord) -> Row {
        Row(raw: record, fieldIndexOfColumn: fieldIndexOfColumn, extraColumns: extraColumns)
    }

    private func reportFieldCount(_ record: RawCSVRecord) {
        let delimiterName = Self.name(ofDelimiter: delimiter)
        let header = sourceHeader
        if record.count > header.count {
            error(line: record.line, field: nil,
                  "the row has \(record.count) fields but the header has \(header.count)",
                  hint: "quote fields that contain \(delimiterName), or remove the extra delimiters")
        } else {
            error(line: record.line, field: nil,
                  "the row has \(record.count) \(record.count == 1 ? "field" : "fields") but the header has \(header.count)",
                  hint: "write one field per header column, separated by \(delimiterName) as in the header")
        }
    }

    static func name(ofDelimiter delimiter: UInt8) -> String {
        switch delimiter {
        case UInt8(ascii: ";"): return "';'"
        case UInt8(ascii: "\t"): return "TAB"
        default: return "','"
        }
    }

    /// The name of the column at a field index, for messages.
    func columnName(atField index: Int) -> String? {
        if mapped != nil { return index < sourceHeader.count && !sourceHeader[index].isEmpty ? sourceHeader[index] : nil }
        if let column = fieldIndexOfColumn.firstIndex(where: { $0 == index }) { return schema.columns[column].name }
        if let extra = extraColumns.first(where: { $0.fieldIndex == index }) { return extra.name }
        return index < header.count && !header[index].isEmpty ? header[index] : nil
    }

    func report(_ problems: [CSVProblem]) {
        for problem in problems {
            let field = columnName(atField: problem.fieldIndex)
            switch problem.kind {
            case .unterminatedQuote:
                diagnostics.append(Diagnostic(
                    kind: .syntax, file: fileName, line: problem.line, character: problem.character, field: field,
                    message: "the quoted field opened here is never closed",
                    hint: "add the closing quote; a quote inside a quoted field is written as \"\""))
            case .strayQuote:
                diagnostics.append(Diagnostic(
                    kind: .syntax, file: fileName, line: problem.line, character: problem.character, field: field,
                    message: "quote inside an unquoted field",
                    hint: "put the whole field in quotes and write the quote as \"\""))
            case .textAfterClosingQuote:
                diagnostics.append(Diagnostic(
                    kind: .syntax, file: fileName, line: problem.line, character: problem.character, field: field,
                    message: "text after the closing quote",
                    hint: "put the whole field in quotes and write inner quotes as \"\""))
            case .fieldTooLong(let limit):
                diagnostics.append(Diagnostic(
                    kind: .limitExceeded, file: fileName, line: problem.line, field: field,
                    message: "the field is longer than \(ByteCountText.text(limit))",
                    hint: "shorten it; fields are limited to \(ByteCountText.text(limit))"))
            case .tooManyFields(let limit):
                diagnostics.append(Diagnostic(
                    kind: .limitExceeded, file: fileName, line: problem.line,
                    message: "the row has more than \(limit) fields",
                    hint: "check the delimiter; files are limited to \(limit) columns"))
            }
        }
    }

    /// Records an error at a line and column.
    func error(line: Int, field: String?, _ message: String, hint: String?, kind: Diagnostic.Kind = .invalidValue) {
        diagnostics.append(Diagnostic(kind: kind, file: fileName, line: line, field: field, message: message, hint: hint))
    }

    /// Records a warning at a line and column.
    func warning(line: Int, field: String?, _ message: String, hint: String?, kind: Diagnostic.Kind = .unknownTerm) {
        diagnostics.append(Diagnostic(.warning, kind: kind, file: fileName, line: line, field: field, message: message, hint: hint))
    }
}
