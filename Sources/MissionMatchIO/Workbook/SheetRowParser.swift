/// The rows of a sheet's XML, token by token: the scan's state (where it
/// is inside `sheetData`, the row and the cell being read) and what a cell's
/// value becomes (see ``WorkbookSheetReader`` for the rules). Problems in
/// cells are collected in ``diagnostics`` with their sheet!cell.
///
/// A value type held in a local variable while a sheet is scanned, so that
/// its per-token updates need no run-time exclusivity checks (the scan's
/// former home, a class and variables captured by closures, spent a fifth of
/// its time on them).
///
/// Complexity: O(1) amortised per token, plus the bytes of the cell's text.
struct SheetRowParser {
    let fileName: String
    let sheetName: String
    let strings: SharedStringTable
    let styles: CellStyles
    let uses1904: Bool
    /// Problems in cells, with their sheet!cell.
    var diagnostics: Diagnostics
    /// The first formula cell seen, for the note.
    var firstFormulaCell: String?
    var formulaCount = 0
    /// The largest row handed out, in bytes.
    var largestRecordBytes = 0
    /// Where the scan is.
    var state: RowState

    init(fileName: String, sheetName: String, strings: SharedStringTable, styles: CellStyles, uses1904: Bool,
         limits: ImportLimits, diagnostics: Diagnostics) {
        self.fileName = fileName
        self.sheetName = sheetName
        self.strings = strings
        self.styles = styles
        self.uses1904 = uses1904
        self.diagnostics = diagnostics
        self.state = RowState(maxColumns: limits.maxColumns, maxFieldBytes: limits.maxFieldBytes)
    }

    /// `Sheet1!C17`, as ``WorkbookSheetReader/cellName(column:row:)`` names it.
    func cellName(column: Int, row: Int) -> String {
        WorkbookSheetReader.qualified(sheetName) + "!" + CellReference(column: column, row: row).text
    }

    /// Where the scan is inside `sheetData`.
    struct RowState {
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

    enum Capture { case none, value, inlineText, formula }
    enum CellType { case number, shared, inline, formulaString, boolean, error, date }

    /// Handles one token and hands a finished row to `body`.
    ///
    /// - Throws: ``WorkbookProblem`` for a damaged sheet or a limit passed;
    ///   `stopper` when `body` asks to stop.
    @inline(__always)
    mutating func handle(_ token: XMLChunkScanner.Token, _ body: (RawCSVRecord) -> WorkbookSheetReader.Next,
                         _ stopper: WorkbookProblem) throws(WorkbookProblem) {
        guard let record = try handle(token) else { return }
        largestRecordBytes = max(largestRecordBytes, record.bytes.count)
        if body(record) == .stop { throw stopper }
    }

    /// Handles one token; returns a finished row.
    mutating func handle(_ token: XMLChunkScanner.Token) throws(WorkbookProblem) -> RawCSVRecord? {
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
            let element = Element(token.bytes)
            if element == .sheetData { state.inSheetData = token.kind == .start; return nil }
            guard state.inSheetData else { return nil }
            switch element {
            case .row:
                let number = token.attribute("r").flatMap(WorkbookSheetReader.decimalValue) ?? state.rowNumber + 1
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
            case .c:
                try startCell(token)
                if token.kind == .empty { try endCell() }
            case .v where state.inCell:
                state.capture = token.kind == .start ? .value : .none
            case .f where state.inCell:
                state.hasFormula = true
            case .is where state.inCell:
                state.inInline = true
            case .t where state.inCell && state.inInline:
                state.capture = token.kind == .start ? .inlineText : .none
            case .rPh where state.inCell && token.kind == .start:
                state.phoneticDepth += 1
            default:
                break
            }
            return nil
        case .end:
            let element = Element(token.bytes)
            if element == .sheetData { state.inSheetData = false; return nil }
            guard state.inSheetData else { return nil }
            switch element {
            case .c:
                try endCell()
            case .v, .t:
                state.capture = .none
            case .is:
                state.inInline = false
            case .rPh:
                state.phoneticDepth = max(0, state.phoneticDepth - 1)
            case .row:
                state.inRow = false
                guard state.rowHasContent else { return nil }
                return RawCSVRecord(bytes: state.bytes, ranges: state.ranges, line: state.rowNumber,
                                    fieldLines: Array(repeating: state.rowNumber, count: state.ranges.count),
                                    problems: [], isUTF8: true)
            default:
                break
            }
            return nil
        }
    }

    /// The elements of a sheet the parser acts on, told apart by their local name's bytes.
    enum Element: Equatable {
        case sheetData, row, c, v, f, `is`, t, rPh, other

        @inline(__always)
        init(_ name: UnsafeBufferPointer<UInt8>) {
            switch name.count {
            case 1:
                switch name[0] {
                case UInt8(ascii: "c"): self = .c
                case UInt8(ascii: "v"): self = .v
                case UInt8(ascii: "f"): self = .f
                case UInt8(ascii: "t"): self = .t
                default: self = .other
                }
            case 2:
                self = name[0] == UInt8(ascii: "i") && name[1] == UInt8(ascii: "s") ? .is : .other
            case 3:
                if name[0] == UInt8(ascii: "r"), name[1] == UInt8(ascii: "o"), name[2] == UInt8(ascii: "w") {
                    self = .row
                } else if name[0] == UInt8(ascii: "r"), name[1] == UInt8(ascii: "P"), name[2] == UInt8(ascii: "h") {
                    self = .rPh
                } else {
                    self = .other
                }
            case 9:
                self = name.elementsEqual("sheetData".utf8) ? .sheetData : .other
            default:
                self = .other
            }
        }
    }

    private mutating func startCell(_ token: XMLChunkScanner.Token) throws(WorkbookProblem) {
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
        state.style = style.flatMap(WorkbookSheetReader.decimalValue) ?? 0
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

    private mutating func endCell() throws(WorkbookProblem) {
        guard state.inCell else { return }
        state.inCell = false
        state.capture = .none
        let column = state.column
        let row = state.rowNumber
        let value = cellValue(column: column)
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
    private mutating func cellValue(column: Int) -> CellValue {
        let row = state.rowNumber
        if state.hasFormula && !state.hasValue && state.type != .inline {
            diagnostics.append(Diagnostic(kind: .invalidValue, file: fileName, line: row,
                                          message: "the formula has no stored result",
                                          hint: "open the workbook in Excel or LibreOffice and save it, so that the computed values are stored",
                                          cell: cellName(column: column, row: row)))
            return .text("")
        }
        // Shared strings and whole numbers, nearly every cell, are read from the bytes.
        if state.type == .shared, let index = WorkbookSheetReader.decimalIndex(state.value), let range = strings[index] { return .shared(range) }
        if state.type == .number, let digits = WorkbookSheetReader.plainInteger(state.value), !styles.showsDate(state.style) { return .verbatim(digits) }
        return .text(cellText(column: column))
    }

    /// The text of the finished cell, made as a string (the cells the fast paths leave), or "".
    private mutating func cellText(column: Int) -> String {
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
            guard let index = WorkbookSheetReader.decimalIndex(state.value), let text = strings.string(at: index) else {
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
            return WorkbookSheetReader.generalText(number, raw: trimmed)
        }
    }
}
