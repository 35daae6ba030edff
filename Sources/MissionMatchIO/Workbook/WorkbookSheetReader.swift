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
        // The parser lives in a local variable while a chunk is scanned (taken
        // out of `slot`, so that its buffers stay uniquely referenced).
        var slot: SheetRowParser? = SheetRowParser(fileName: fileName, sheetName: sheetName, strings: strings, styles: styles,
                                                   uses1904: uses1904, limits: limits, diagnostics: diagnostics)
        var scanner = XMLChunkScanner(maxTokenBytes: limits.maxFieldBytes * 6 + 4096)
        let stopper = WorkbookProblem(kind: Self.stopKind, message: "", hint: "")
        let part = "sheet '\(sheetName)'"
        defer {
            if let parser = slot {
                diagnostics = parser.diagnostics
                formulaCount = parser.formulaCount
                firstFormulaCell = parser.firstFormulaCell
                largestRecordBytes = max(largestRecordBytes, parser.largestRecordBytes)
            }
        }
        func scan(_ chunk: UnsafeRawBufferPointer?) throws(WorkbookProblem) {
            guard var parser = slot else { return }
            slot = nil
            defer { slot = parser }
            do throws(XMLChunkScanner.ScanError<WorkbookProblem>) {
                // Closure literals passed straight to the scanner, so that `parser` is not boxed.
                if let chunk {
                    try scanner.feed(chunk) { (token) throws(WorkbookProblem) in try parser.handle(token, body, stopper) }
                } else {
                    try scanner.finish { (token) throws(WorkbookProblem) in try parser.handle(token, body, stopper) }
                }
            } catch {
                throw WorkbookParts.problem(error, part: part, cell: chunk == nil ? nil : parser.state.lastCell.map {
                    parser.cellName(column: $0.column, row: $0.row)
                })
            }
        }
        do throws(WorkbookProblem) {
            try archive.stream(sheetPath) { (chunk) throws(WorkbookProblem) in try scan(chunk) }
            try scan(nil)
        } catch {
            if error.kind != Self.stopKind { throw error }
        }
    }

    static let stopKind = Diagnostic.Kind(rawValue: "stop-reading")

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
