/// Builds CSV reports that are safe to open in a spreadsheet.
///
/// Fields holding a comma, a quote or a line break are quoted (RFC 4180). A
/// field that a spreadsheet would read as a formula — one starting with `=`,
/// `+`, `-`, `@`, TAB or CR — is neutralised by a leading `'`, as
/// [FileFormats §4](<doc:FileFormats>) requires; numbers the writer formats itself (``number(_:digits:)``) are
/// written as they are, so a negative number stays a number.
///
/// ```swift
/// var csv = SpreadsheetSafeCSV(header: ["participant_id", "rank", "score"])
/// csv.append(["=HYPERLINK(\"x\")", "1", SpreadsheetSafeCSV.number(0.71234, digits: 4)])
/// // participant_id,rank,score
/// // "'=HYPERLINK(""x"")",1,0.7123
/// ```
public struct SpreadsheetSafeCSV: Sendable {
    /// The file's text so far: the header and every appended row, each ending in `\n`.
    public private(set) var text: String
    private let columnCount: Int

    /// Starts a document with its header row.
    ///
    /// - Parameter header: The column names.
    public init(header: [String]) {
        self.columnCount = header.count
        self.text = ""
        append(header)
    }

    /// Appends one row.
    ///
    /// - Parameter fields: One value per column, as text; ``number(_:digits:)``
    ///   formats numbers deterministically.
    /// - Precondition: As many fields as header columns.
    /// - Complexity: O(*n*) in the row's length.
    public mutating func append(_ fields: [String]) {
        precondition(fields.count == columnCount, "a CSV row needs \(columnCount) fields, got \(fields.count)")
        Self.appendLine(fields, to: &text)
    }

    /// Appends one row's text, `\n`-terminated, to a string: for building
    /// parts of a long file in parallel and joining them.
    ///
    /// - Parameters:
    ///   - fields: The values.
    ///   - text: The text to extend.
    public static func appendLine(_ fields: [String], to text: inout String) {
        var first = true
        for field in fields {
            if !first { text.append(",") }
            first = false
            text.append(escaped(field))
        }
        text.append("\n")
    }

    /// A field as it is written: neutralised when a spreadsheet would run it, quoted when needed.
    ///
    /// - Parameter field: The value.
    /// - Returns: The text to put between delimiters.
    public static func escaped(_ field: String) -> String {
        // Fast path: starts safely, holds no delimiter, quote or control character, no blank at either end.
        if let first = field.utf8.first, first != UInt8(ascii: "="), first != UInt8(ascii: "+"), first != UInt8(ascii: "-"),
            first != UInt8(ascii: "@"), first > 0x20,
            let last = field.utf8.last, last > 0x20, !holdsDelimiterOrControl(field),
            first < 0x80 || field.first?.isWhitespace == false, last < 0x80 || field.last?.isWhitespace == false
        {
            return field
        }
        return escapedByTheFullRules(field)
    }

    /// ``escaped(_:)`` without its fast path (the tests compare the two).
    static func escapedByTheFullRules(_ field: String) -> String {
        // Control characters (but line breaks and tabs) are removed: ESC or BEL
        // would reach the terminal of whoever prints the file.
        var value = PrintableText.removingControls(field, keeping: ["\n", "\r", "\t"])
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first),
            !isPlainNumber(value)
        {
            value = "'" + value
        }
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        guard needsQuotes else { return value }
        return PlainCSV.quotedField(value)
    }

    /// Whether a field holds a comma, a quote, a C0 control (line breaks
    /// included), DEL or a byte 0xC2 (the lead byte of C1 controls and of
    /// U+00A0): one pass over its UTF-8 bytes, in place for a native string.
    /// Appends the UTF-8 of ``escaped(_:)`` to `bytes`: the same bytes,
    /// found in one pass over the field's bytes when it starts and ends with
    /// a printable ASCII character other than a space and holds no control
    /// character, `"` or byte 0xC2 (C1 controls, the no-break space) —
    /// written as it is, or in quotes when it holds a comma; every other
    /// field by the full rules. For writers of large files
    /// (`recommendations.csv` of a programme: 231,000 rows).
    ///
    /// - Complexity: O(field length).
    package static func appendEscaped(_ field: String, to bytes: inout [UInt8]) {
        var field = field
        let written: Bool = field.withUTF8 { utf8 in
            guard let first = utf8.first, let last = utf8.last,
                first > 0x20, first < 0x7F, last > 0x20, last < 0x7F else { return false }
            var holdsComma = false
            for byte in utf8 {
                if byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == UInt8(ascii: "\"") { return false }
                if byte == UInt8(ascii: ",") { holdsComma = true }
            }
            if first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@") {
                // The full rules prefix such a field with ' unless it is a plain number (which holds no comma).
                guard !holdsComma, isPlainNumber(String(decoding: utf8, as: UTF8.self)) else { return false }
            }
            if holdsComma { bytes.append(UInt8(ascii: "\"")) }
            bytes.append(contentsOf: utf8)
            if holdsComma { bytes.append(UInt8(ascii: "\"")) }
            return true
        }
        if !written { bytes.append(contentsOf: escaped(field).utf8) }
    }

    private static func holdsDelimiterOrControl(_ field: String) -> Bool {
        var field = field
        return field.withUTF8 { bytes in
            for byte in bytes where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte < 0x20 || byte == 0x7F || byte == 0xC2 {
                return true
            }
            return false
        }
    }

    /// A number with a fixed count of decimals, independent of locale: `0.7123`, `-1.5000`.
    ///
    /// - Parameters:
    ///   - value: The number; NaN and infinities are written as `0`.
    ///   - digits: Decimals after the point (0…9).
    /// - Returns: The text, with `.` as decimal separator and no grouping.
    public static func number(_ value: Double, digits: Int) -> String {
        FixedPoint.format(value, digits: digits)
    }

    /// Whether the text is a plain decimal number such as `-0.25` (not neutralised).
    private static func isPlainNumber(_ value: String) -> Bool {
        var scalars = Substring(value).unicodeScalars[...]
        if scalars.first == "-" { scalars = scalars.dropFirst() }
        guard let first = scalars.first, ("0"..."9").contains(first) else { return false }
        var seenPoint = false
        for scalar in scalars {
            if scalar == "." && !seenPoint { seenPoint = true; continue }
            guard ("0"..."9").contains(scalar) else { return false }
        }
        return scalars.last != "."
    }
}
