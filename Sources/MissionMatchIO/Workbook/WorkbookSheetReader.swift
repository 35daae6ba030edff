import Foundation

/// One sheet of an `.xlsx` workbook read as a table: its rows streamed out of
/// the archive as CSV-like records (a record per row, a field per column from
/// A, gaps of a sparse row filled with empty fields) so that the CSV readers'
/// validation applies unchanged. A row's ``RawCSVRecord/line`` is its row
/// number, so that messages can name the cell.
///
/// Cell values: shared and inline strings as written; numbers as Excel shows
/// them in General format (integers without `.0`); numbers in a date style as
/// ISO dates (`2025-03-14`, with `T09:30` when there is a time); booleans
/// `TRUE`/`FALSE`; a formula's last computed value (its `<v>`), noted once per
/// sheet; error values (`#N/A`) are errors. A merged range holds its value in
/// its top-left cell only, as the file stores it.
///
/// Memory: one chunk of XML, one row and the shared strings, whatever the
/// number of rows. Complexity: O(*n*) in the sheet's XML.
final class WorkbookSheetReader {
    let fileName: String
    let sheetName: String
    private let archive: WorkbookArchive
    private let sheetPath: String
    private let strings: SharedStringTable
    private let styles: CellStyles
    private let uses1904: Bool
    private let limits: ImportLimits
    /// Problems in cells, with their sheet!cell.
    var diagnostics: Diagnostics
    /// The first formula cell seen, for the note.
    private(set) var firstFormulaCell: String?
    private(set) var formulaCount = 0
    /// The largest row held, in bytes.
    private(set) var largestRecordBytes = 0

    /// Opens a workbook and picks a sheet: the named one, or the first.
    ///
    /// - Throws: ``WorkbookProblem`` when the workbook cannot be opened or has no such sheet.
    init(url: URL, fileName: String, sheet: String?, limits: ImportLimits) throws(WorkbookProblem) {
        let archive = try WorkbookArchive(url: url, limits: limits)
        let parts = try WorkbookParts(archive: archive)
        let chosen: WorkbookParts.Sheet
        if let sheet {
            guard let match = parts.sheets.first(where: { $0.name == sheet })
                    ?? parts.sheets.first(where: { $0.name.lowercased() == sheet.lowercased() }) else {
                let names = parts.sheets.map { "'\($0.name)'" }.joined(separator: ", ")
                throw WorkbookProblem(kind: .invalidValue, message: "the workbook has no sheet named '\(sheet)'",
                                      hint: names.isEmpty ? "the workbook has no sheets" : "its sheets are \(names)")
            }
            chosen = match
        } else {
            guard let first = parts.sheets.first else {
                throw WorkbookProblem(kind: .invalidValue, message: "the workbook has no sheets",
                                      hint: "put the table on the first sheet")
            }
            chosen = first
        }
        guard archive.contains(chosen.path) else {
            throw WorkbookProblem.damaged("sheet '\(chosen.name)'", "the archive has no \(chosen.path)")
        }
        self.archive = archive
        self.fileName = fileName
        self.sheetName = chosen.name
        self.sheetPath = chosen.path
        self.strings = try parts.sharedStringsPath.map { (path) throws(WorkbookProblem) in
            try SharedStringTable(archive: archive, path: path, limits: limits)
        } ?? SharedStringTable.empty
        self.styles = try parts.stylesPath.map { (path) throws(WorkbookProblem) in try CellStyles(archive: archive, path: path) }
            ?? CellStyles()
        self.uses1904 = parts.uses1904Dates
        self.limits = limits
        self.diagnostics = Diagnostics(errorLimit: limits.maxErrors)
    }

    /// `Sheet1!C17`, quoted as Excel does when the name has spaces or punctuation: `'My sheet'!C17`.
    func cellName(column: Int, row: Int) -> String {
        Self.qualified(sheetName) + "!" + CellReference(column: column, row: row).text
    }

    static func qualified(_ sheet: String) -> String {
        let plain = sheet.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "_" || $0 == "." }
        return plain && !sheet.isEmpty ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Whether reading should go on after a row.
    enum Next { case more, stop }

    /// Streams the sheet's rows, in file order, to `body`; rows with no cells are left out.
    ///
    /// - Throws: ``WorkbookProblem`` for a damaged sheet or a limit passed.
    func forEachRow(_ body: (RawCSVRecord) -> Next) throws(WorkbookProblem) {
        var state = RowState(maxColumns: limits.maxColumns, maxFieldBytes: limits.maxFieldBytes)
        var scanner = XMLChunkScanner(maxTokenBytes: limits.maxFieldBytes * 6 + 4096)
        let stopper = WorkbookProblem(kind: Self.stopKind, message: "", hint: "")
        func handler(_ token: XMLChunkScanner.Token) throws(WorkbookProblem) {
            if let record = try handle(token, &state) {
                largestRecordBytes = max(largestRecordBytes, record.bytes.count)
                if body(record) == .stop { throw stopper }
            }
        }
        do throws(WorkbookProblem) {
            try archive.stream(sheetPath) { (chunk) throws(WorkbookProblem) in
                do throws(XMLChunkScanner.ScanError<WorkbookProblem>) { try scanner.feed(chunk, handler) } catch {
                    throw WorkbookParts.problem(error, part: "sheet '\(sheetName)'", cell: state.lastCell.map { cellName(column: $0.column, row: $0.row) })
                }
            }
            do throws(XMLChunkScanner.ScanError<WorkbookProblem>) { try scanner.finish(handler) } catch {
                throw WorkbookParts.problem(error, part: "sheet '\(sheetName)'")
            }
        } catch {
            if error.kind != Self.stopKind { throw error }
        }
    }

    static let stopKind = Diagnostic.Kind(rawValue: "stop-reading")

    /// Where the scan is inside `sheetData`.
    private struct RowState {
        let maxColumns: Int
        let maxFieldBytes: Int
        var inSheetData = false
        var rowNumber = 0
        var inRow = false
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        // The current cell.
        var inCell = false
        var column = -1
        var type: CellType = .number
        var style = 0
        var hasFormula = false
        var capture: Capture = .none
        var inInline = false
        var phoneticDepth = 0
        var value: [UInt8] = []
        var inlineText: [UInt8] = []
        var hasValue = false
        var lastCell: CellReference?
        var rowHasContent = false
    }

    private enum Capture { case none, value, inlineText, formula }
    private enum CellType { case number, shared, inline, formulaString, boolean, error, date }

    /// Handles one token; returns a finished row.
    private func handle(_ token: XMLChunkScanner.Token, _ state: inout RowState) throws(WorkbookProblem) -> RawCSVRecord? {
        switch token.kind {
        case .text:
            switch state.capture {
            case .value:
                state.hasValue = true
                if token.isCDATA { state.value.append(contentsOf: token.bytes) } else { XMLText.appendDecoded(token.bytes, to: &state.value) }
            case .inlineText where state.phoneticDepth == 0:
                if token.isCDATA { state.inlineText.append(contentsOf: token.bytes) } else { XMLText.appendDecoded(token.bytes, to: &state.inlineText) }
            default: break
            }
            return nil
        case .start, .empty:
            if token.isNamed("sheetData") { state.inSheetData = token.kind == .start; return nil }
            guard state.inSheetData else { return nil }
            if token.isNamed("row") {
                let number = token.attribute("r").flatMap(Self.decimalValue) ?? state.rowNumber + 1
                guard number > state.rowNumber, number <= CellReference.maxRow else {
                    throw WorkbookProblem(message: "row \(number) comes after row \(state.rowNumber)",
                                          hint: "save the workbook again from Excel or LibreOffice",
                                          cell: cellName(column: 0, row: max(1, min(number, CellReference.maxRow))))
                }
                state.rowNumber = number
                state.bytes.removeAll(keepingCapacity: true)
                state.ranges.removeAll(keepingCapacity: true)
                state.rowHasContent = false
                state.inRow = token.kind == .start
                return nil
            }
            if token.isNamed("c") {
                try startCell(token, &state)
                if token.kind == .empty { try endCell(&state) }
                return nil
            }
            guard state.inCell else { return nil }
            if token.isNamed("v") {
                state.capture = token.kind == .start ? .value : .none
            } else if token.isNamed("f") {
                state.hasFormula = true
            } else if token.isNamed("is") {
                state.inInline = true
            } else if token.isNamed("t"), state.inInline {
                state.capture = token.kind == .start ? .inlineText : .none
            } else if token.isNamed("rPh"), token.kind == .start {
                state.phoneticDepth += 1
            }
            return nil
        case .end:
            if token.isNamed("sheetData") { state.inSheetData = false; return nil }
            guard state.inSheetData else { return nil }
            if token.isNamed("c") {
                try endCell(&state)
            } else if token.isNamed("v") || token.isNamed("t") {
                state.capture = .none
            } else if token.isNamed("is") {
                state.inInline = false
            } else if token.isNamed("rPh") {
                state.phoneticDepth = max(0, state.phoneticDepth - 1)
            } else if token.isNamed("row") {
                state.inRow = false
                guard state.rowHasContent else { return nil }
                return RawCSVRecord(bytes: state.bytes, ranges: state.ranges, line: state.rowNumber,
                                    fieldLines: Array(repeating: state.rowNumber, count: state.ranges.count),
                                    problems: [], isUTF8: true)
            }
            return nil
        }
    }

    private func startCell(_ token: XMLChunkScanner.Token, _ state: inout RowState) throws(WorkbookProblem) {
        if state.rowNumber == 0 { state.rowNumber = 1 }
        var column = state.column + 1
        // One walk over the attributes: the reference, the style and the type (the first of each, as written).
        var reference: UnsafeBufferPointer<UInt8>?, style: UnsafeBufferPointer<UInt8>?, type: UnsafeBufferPointer<UInt8>?
        token.forEachAttribute { name, value in
            if name.count == 1 {
                switch name[0] {
                case UInt8(ascii: "r"): if reference == nil { reference = value }
                case UInt8(ascii: "s"): if style == nil { style = value }
                case UInt8(ascii: "t"): if type == nil { type = value }
                default: break
                }
            }
            return true
        }
        if let reference {
            guard let parsed = CellReference(reference), parsed.row == state.rowNumber else {
                throw WorkbookProblem(message: "the cell reference '\(String(decoding: reference, as: UTF8.self))' is not a cell of row \(state.rowNumber)",
                                      hint: "save the workbook again from Excel or LibreOffice",
                                      cell: cellName(column: max(0, state.column + 1), row: state.rowNumber))
            }
            column = parsed.column
        } else if state.ranges.isEmpty {
            column = state.ranges.count
        }
        if !state.ranges.isEmpty || column < state.ranges.count {
            guard column >= state.ranges.count else {
                throw WorkbookProblem(message: "the cell comes twice or out of order in its row",
                                      hint: "save the workbook again from Excel or LibreOffice",
                                      cell: cellName(column: column, row: state.rowNumber))
            }
        }
        state.column = column
        state.inCell = true
        state.hasFormula = false
        state.hasValue = false
        state.inInline = false
        state.phoneticDepth = 0
        state.capture = .none
        state.value.removeAll(keepingCapacity: true)
        state.inlineText.removeAll(keepingCapacity: true)
        state.lastCell = CellReference(column: column, row: state.rowNumber)
        state.style = style.flatMap(Self.decimalValue) ?? 0
        state.type = type.map(Self.cellType) ?? .number
    }

    /// The type a cell's `t` attribute names; anything unknown is a number, as `n` is.
    private static func cellType(_ name: UnsafeBufferPointer<UInt8>) -> CellType {
        func equals(_ text: StaticString) -> Bool {
            name.count == text.utf8CodeUnitCount && name.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        if equals("s") { return .shared }
        if equals("inlineStr") { return .inline }
        if equals("str") { return .formulaString }
        if equals("b") { return .boolean }
        if equals("e") { return .error }
        if equals("d") { return .date }
        return .number
    }

    private func endCell(_ state: inout RowState) throws(WorkbookProblem) {
        guard state.inCell else { return }
        state.inCell = false
        state.capture = .none
        let column = state.column
        let row = state.rowNumber
        let value = cellValue(&state, column: column)
        let byteCount: Int
        switch value {
        case .shared(let range): byteCount = range.count
        case .verbatim(let range): byteCount = range.count
        case .text(let text): byteCount = text.utf8.count
        }
        guard byteCount > 0 else { return }
        if state.hasFormula {
            formulaCount += 1
            if firstFormulaCell == nil { firstFormulaCell = cellName(column: column, row: row) }
        }
        guard column < state.maxColumns else {
            throw WorkbookProblem(kind: .limitExceeded, message: "the row has a value beyond column \(state.maxColumns)",
                                  hint: "files are limited to \(state.maxColumns) columns", cell: cellName(column: column, row: row))
        }
        while state.ranges.count < column { state.ranges.append(state.bytes.count..<state.bytes.count) }
        let start = state.bytes.count
        if byteCount > state.maxFieldBytes {
            diagnostics.append(Diagnostic(kind: .limitExceeded, file: fileName, line: row,
                                          message: "the cell is longer than \(ByteCountText.text(state.maxFieldBytes))",
                                          hint: "shorten it; fields are limited to \(ByteCountText.text(state.maxFieldBytes))",
                                          cell: cellName(column: column, row: row)))
            let text: String
            switch value {
            case .shared(let range): text = String(decoding: strings.storage[range].prefix(state.maxFieldBytes), as: UTF8.self)
            case .verbatim(let range): text = String(decoding: state.value[range].prefix(state.maxFieldBytes), as: UTF8.self)
            case .text(let whole): text = String(decoding: whole.utf8.prefix(state.maxFieldBytes), as: UTF8.self)
            }
            state.bytes.append(contentsOf: text.utf8)
        } else {
            // The cell's text goes straight into the row's buffer, once.
            switch value {
            case .shared(let range):
                strings.storage.withUnsafeBufferPointer { state.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
            case .verbatim(let range):
                state.value.withUnsafeBufferPointer { source in state.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[range])) }
            case .text(let text):
                state.bytes.append(contentsOf: text.utf8)
            }
        }
        state.ranges.append(start..<state.bytes.count)
        state.rowHasContent = true
    }

    /// Where a finished cell's text is: a shared string's bytes, the cell's own
    /// `<v>` bytes unchanged, or text made from them.
    private enum CellValue {
        case shared(Range<Int>)
        case verbatim(Range<Int>)
        case text(String)
    }

    /// The text of the finished cell, or empty text (after recording why, for error values).
    private func cellValue(_ state: inout RowState, column: Int) -> CellValue {
        let row = state.rowNumber
        if state.hasFormula && !state.hasValue && state.type != .inline {
            diagnostics.append(Diagnostic(kind: .invalidValue, file: fileName, line: row,
                                          message: "the formula has no stored result",
                                          hint: "open the workbook in Excel or LibreOffice and save it, so that the computed values are stored",
                                          cell: cellName(column: column, row: row)))
            return .text("")
        }
        // Shared strings and whole numbers, nearly every cell, are read from the bytes.
        if state.type == .shared, let index = Self.decimalIndex(state.value), let range = strings[index] { return .shared(range) }
        if state.type == .number, let digits = Self.plainInteger(state.value), !styles.showsDate(state.style) { return .verbatim(digits) }
        return .text(cellText(&state, column: column))
    }

    /// The text of the finished cell, made as a string (the cells the fast paths leave), or "".
    private func cellText(_ state: inout RowState, column: Int) -> String {
        let row = state.rowNumber
        let raw = String(decoding: state.value, as: UTF8.self)
        switch state.type {
        case .inline:
            return String(decoding: state.inlineText, as: UTF8.self)
        case .formulaString, .date:
            return raw
        case .boolean:
            return raw == "1" ? "TRUE" : raw == "0" ? "FALSE" : raw
        case .error:
            diagnostics.append(Diagnostic(kind: .invalidValue, file: fileName, line: row,
                                          message: "the cell holds the error value \(raw.isEmpty ? "#VALUE!" : raw)",
                                          hint: "correct the formula or type the value", cell: cellName(column: column, row: row)))
            return ""
        case .shared:
            guard let index = Self.decimalIndex(state.value), let text = strings.string(at: index) else {
                diagnostics.append(Diagnostic(kind: .syntax, file: fileName, line: row,
                                              message: "the cell refers to shared string '\(raw)', which the workbook does not have",
                                              hint: "save the workbook again from Excel or LibreOffice",
                                              cell: cellName(column: column, row: row)))
                return ""
            }
            return text
        case .number:
            let trimmed = String(decoding: state.value[RawCSVRecord.trimASCIIBlanks(0..<state.value.count, in: state.value)], as: UTF8.self)
            guard !trimmed.isEmpty else { return "" }
            guard let number = Double(trimmed), number.isFinite else {
                diagnostics.append(Diagnostic(kind: .syntax, file: fileName, line: row,
                                              message: "the number cell holds '\(trimmed)'",
                                              hint: "type a number, or format the cell as text",
                                              cell: cellName(column: column, row: row)))
                return ""
            }
            if styles.showsDate(state.style) {
                guard let iso = ExcelDate.isoText(serial: number, uses1904: uses1904) else {
                    diagnostics.append(Diagnostic(kind: .invalidValue, file: fileName, line: row,
                                                  message: "the date serial \(trimmed) is not a date between 1900 and 9999",
                                                  hint: "type the date again", cell: cellName(column: column, row: row)))
                    return ""
                }
                return iso
            }
            return Self.generalText(number, raw: trimmed)
        }
    }

    /// The digits of a whole number that Excel's General format shows as
    /// written (an optional `-`, 1–15 digits, no leading zero, not `-0`),
    /// blanks around left out; `nil` for any other value.
    ///
    /// For these, ``generalText(_:raw:)`` gives back the same digits, so the
    /// bytes can be copied without making a `Double` and a `String`.
    static func plainInteger(_ bytes: [UInt8]) -> Range<Int>? {
        let trimmed = RawCSVRecord.trimASCIIBlanks(0..<bytes.count, in: bytes)
        var index = trimmed.lowerBound
        if index < trimmed.upperBound, bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digits = trimmed.upperBound - index
        guard digits >= 1, digits <= 15 else { return nil }
        if bytes[index] == UInt8(ascii: "0") && (digits > 1 || index > trimmed.lowerBound) { return nil }
        for position in index..<trimmed.upperBound {
            guard bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") else { return nil }
        }
        return trimmed
    }

    /// An attribute's value read as `Int(_:)` reads its text (digits of at
    /// most 18 without making a string), or `nil`.
    static func decimalValue(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 18 else { return Int(String(decoding: bytes, as: UTF8.self)) }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return Int(String(decoding: bytes, as: UTF8.self)) }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// A shared-string index: decimal digits with blanks around, or `nil`.
    ///
    /// - Complexity: O(bytes).
    static func decimalIndex(_ bytes: [UInt8]) -> Int? {
        let digits = RawCSVRecord.trimASCIIBlanks(0..<bytes.count, in: bytes)
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in bytes[digits] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// A number as Excel's General format shows it: integers without a
    /// fraction, others with at most 15 significant digits.
    static func generalText(_ number: Double, raw: String) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.15g", number)
        if text.contains("e") { return raw }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}

extension SharedStringTable {
    /// A table with no strings, for workbooks without the part.
    static var empty: SharedStringTable { SharedStringTable() }
    private init() {}
}
