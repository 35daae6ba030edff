import Foundation

/// Where a table's rows come from.
enum TableSource {
    /// A CSV file or CSV text in memory.
    case csv(CSVReader)
    /// A sheet of an Excel workbook, with the row number of its header.
    case workbook(WorkbookSheetReader, headerRow: Int)

    /// Whether a file is read as a workbook: by its extension, `.xlsx` or `.xlsm`.
    static func isWorkbook(_ url: URL) -> Bool {
        ["xlsx", "xlsm"].contains(url.pathExtension.lowercased())
    }
}

/// How a table is read beyond its schema: whether workbooks are accepted, the
/// column mapping, and what grouping needs to know about the fields.
struct TableOptions {
    /// Whether an `.xlsx` file is read as a workbook (the participants, requests and outcomes readers).
    var acceptsWorkbooks = false
    /// The column mapping, if any.
    var mapping: TableMapping?
    /// The fields that hold lists.
    var listColumns: Set<String> = []
    /// The text fields whose values are united when rows are grouped.
    var unionColumns: Set<String> = []
    /// The group key fields compared ignoring case.
    var caseInsensitiveKeys: Set<String> = ["email", "name"]
}

extension CSVTable {
    /// Opens a workbook sheet and reads its header: the first row with a value.
    static func openWorkbook(_ url: URL, name: String, schema: CSVSchema, limits: ImportLimits, options: TableOptions,
                             diagnostics: inout Diagnostics) -> CSVTable? {
        let sheet: WorkbookSheetReader
        do {
            sheet = try WorkbookSheetReader(url: url, fileName: name, sheet: options.mapping?.sheet, limits: limits)
        } catch {
            diagnostics.append(error.diagnostic(file: name))
            return nil
        }
        var header: RawCSVRecord?
        do {
            try sheet.forEachRow { record in
                guard !record.isBlank else { return .more }
                header = record
                return .stop
            }
        } catch {
            diagnostics.append(error.diagnostic(file: name))
            return nil
        }
        diagnostics.append(contentsOf: sheet.diagnostics)
        sheet.diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        guard let header else {
            var empty = emptyFile(name, schema)
            empty.message = "sheet '\(sheet.sheetName)' is empty"
            diagnostics.append(empty)
            return nil
        }
        var located = Diagnostics(errorLimit: limits.maxErrors)
        let table = CSVTable(source: .workbook(sheet, headerRow: header.line), name: name, schema: schema, limits: limits,
                             options: options, headerRecord: header.record, diagnostics: &located)
        if let table {
            diagnostics.append(contentsOf: table.located(located))
        } else {
            diagnostics.append(contentsOf: located.mapped { diagnostic in
                var copy = diagnostic
                if copy.file == name, copy.cell == nil, let line = copy.line { copy.cell = sheet.cellName(column: 0, row: line) }
                return copy
            })
        }
        return table
    }

    /// Calls `body` with every data row, in file order, or once per group when
    /// the mapping groups rows (then after the whole file is read).
    ///
    /// Rows are checked as ``nextRow()`` checks them; workbook rows are read
    /// straight out of the archive, one at a time.
    func forEachRow(_ body: (Row) -> Void) {
        var grouper = makeGrouper()
        func deliver(_ record: RawCSVRecord, isMapped: Bool = false) {
            if grouper != nil {
                let mappedRecord = isMapped ? record : mapped?.map(record) ?? record
                grouper?.add(mappedRecord) { line, field, message, hint in
                    error(line: line, field: field, message, hint: hint, kind: .duplicate)
                }
            } else {
                body(row(record))
            }
        }
        switch source {
        case .csv:
            if grouper == nil {
                while let row = nextRow() { body(row) }
            } else {
                while let row = nextRow() { deliver(row.raw, isMapped: true) }
            }
        case .workbook(let sheet, let headerRow):
            do {
                try sheet.forEachRow { record in
                    guard record.line > headerRow else { return .more }
                    guard !record.isBlank else { return .more }
                    rowCount += 1
                    if rowCount > limits.maxRows {
                        error(line: record.line, field: nil, "more than \(limits.maxRows) rows; the rest of the sheet was not read",
                              hint: "split the workbook; the limit is \(limits.maxRows) rows", kind: .limitExceeded)
                        return .stop
                    }
                    guard let fitted = fitted(record, sheet: sheet) else { return .more }
                    deliver(fitted)
                    return .more
                }
            } catch {
                // The sheet reader throws only WorkbookProblem (typed throws).
                diagnostics.append(error.diagnostic(file: fileName))
            }
            diagnostics.append(contentsOf: sheet.diagnostics)
            sheet.diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        }
        if let grouper {
            grouping = (grouper.rowCount, grouper.groupCount, options.mapping?.groupBy ?? "")
            for record in grouper.records() { body(mappedRow(record)) }
        }
    }

    /// A workbook row padded to the header's width; a value right of the header is an error.
    private func fitted(_ record: RawCSVRecord, sheet: WorkbookSheetReader) -> RawCSVRecord? {
        var record = record
        let width = sourceHeaderCount
        if record.count > width {
            if let beyond = (width..<record.count).first(where: { !record.trimmedString(at: $0).isEmpty }) {
                diagnostics.append(Diagnostic(
                    kind: .invalidValue, file: fileName, line: record.line,
                    message: "the cell is right of the header's last column",
                    hint: "give the column a header, or clear the cell", cell: sheet.cellName(column: beyond, row: record.line)))
                return nil
            }
            record.ranges.removeSubrange(width...)
            record.fieldLines.removeSubrange(width...)
        }
        while record.count < width {
            record.ranges.append(record.bytes.count..<record.bytes.count)
            record.fieldLines.append(record.line)
        }
        return record
    }

    private func makeGrouper() -> RowGrouper? {
        guard let field = options.mapping?.groupBy,
              let column = schema.columns.firstIndex(where: { $0.name == field }),
              let keyIndex = fieldIndexOfColumn[column] else { return nil }
        let names = mapped?.header ?? header
        let lists = Set(names.indices.filter { options.listColumns.contains(names[$0]) })
        let unions = Set(names.indices.filter { options.unionColumns.contains(names[$0]) })
        var grouper = RowGrouper(keyColumn: keyIndex, columnNames: names, listColumns: lists, unionColumns: unions,
                                 caseInsensitiveKey: options.caseInsensitiveKeys.contains(field))
        grouper.allowsSemicolonLists = delimiter != UInt8(ascii: ";") || mapped != nil
        grouper.rowNoun = rowNoun
        return grouper
    }

    /// The diagnostics with workbook cells filled in (`Sheet1!C17`) from their
    /// row and column; unchanged for CSV files.
    func located(_ diagnostics: Diagnostics) -> Diagnostics {
        guard case .workbook(let sheet, let headerRow) = source else { return diagnostics }
        return diagnostics.mapped { diagnostic in
            guard diagnostic.file == fileName, diagnostic.cell == nil else { return diagnostic }
            var copy = diagnostic
            let line = diagnostic.line ?? headerRow
            copy.line = line
            copy.cell = sheet.cellName(column: sourceColumn(named: diagnostic.field) ?? 0, row: line)
            return copy
        }
    }

    /// The source column of a field named in a message.
    private func sourceColumn(named field: String?) -> Int? {
        guard let field else { return nil }
        let names = mapped?.header ?? header
        if let index = names.firstIndex(of: field) ?? names.firstIndex(where: { CSVSchema.matchKey($0) == CSVSchema.matchKey(field) }) {
            if let mapped { return mapped.sourceColumn(of: index, in: nil) }
            return index
        }
        return sourceHeader.firstIndex { CSVSchema.matchKey($0) == CSVSchema.matchKey(field) }
    }
}
