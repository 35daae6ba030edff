/// One problem found in an input file, with where it is and what to do.
///
/// Its ``description`` is the line an organiser reads:
///
/// ```
/// participants.csv:17: column 'country': 'Czechoslovakia' is not a known country (use an ISO code such as CZ or SK)
/// ```
///
/// The parts are `file:line[:character]: column 'x': what is wrong (what to do)`
/// (`file.xlsx:Sheet1!C17: …` in a workbook);
/// parts that do not apply are left out (a file-wide problem has no line, a
/// JSON record names its `record N, field 'x'`).
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Whether a diagnostic stops the import.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The file cannot be used until it is fixed.
        case error
        /// The file is used, but the organiser should look.
        case warning
    }

    /// Whether this is an error or a warning.
    public var severity: Severity
    /// What kind of problem it is, for tools and exit codes.
    public var kind: Kind
    /// The file's name as shown to the user.
    public var file: String
    /// The 1-based line, when the problem has one.
    public var line: Int?
    /// The 1-based character position within the line, for syntax problems.
    public var character: Int?
    /// The 1-based record index, for JSON records.
    public var record: Int?
    /// The column (CSV) or key (JSON, YAML) concerned.
    public var field: String?
    /// Whether ``field`` is a column or a key.
    public var fieldKind: FieldKind
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// The workbook cell, `Sheet1!C17`, for a problem in an Excel workbook;
    /// printed in place of the line.
    public var cell: String?

    /// Creates a diagnostic.
    ///
    /// - Parameters:
    ///   - severity: Error (default) or warning.
    ///   - kind: The kind of problem (default ``Kind/invalidValue``).
    ///   - file: The file's display name.
    ///   - line: The 1-based line, if any.
    ///   - character: The 1-based character position, if any.
    ///   - record: The 1-based record index (JSON), if any.
    ///   - field: The column or key, if any.
    ///   - fieldKind: Whether `field` is a column (default) or a key.
    ///   - message: What is wrong.
    ///   - hint: What to do.
    ///   - cell: The workbook cell (`Sheet1!C17`), if any.
    public init(
        _ severity: Severity = .error, kind: Kind = .invalidValue, file: String, line: Int? = nil,
        character: Int? = nil, record: Int? = nil, field: String? = nil, fieldKind: FieldKind = .column, message: String, hint: String? = nil,
        cell: String? = nil
    ) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.character = character
        self.record = record
        self.field = field.map { Self.shortened($0, keeping: 60, 20) }
        self.fieldKind = fieldKind
        self.message = Self.shortened(message, keeping: 200, 100)
        self.hint = hint.map { Self.shortened($0, keeping: 200, 100) }
        self.cell = cell
    }

    /// A text cut in the middle when long, so that a bad 1 MiB cell does not
    /// fill the terminal: `head … (N characters left out) … tail`.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - head: Characters kept at the start.
    ///   - tail: Characters kept at the end.
    /// - Returns: The text, or its two ends around a note of what was left out.
    static func shortened(_ text: String, keeping head: Int, _ tail: Int) -> String {
        guard text.utf8.count > head + tail + 40 else { return text }
        let count = text.count
        guard count > head + tail + 40 else { return text }
        return String(text.prefix(head)) + "… (\(count - head - tail) characters left out) …" + String(text.suffix(tail))
    }

    /// `file:line: column 'x': message (hint)`, or `file:Sheet1!C17: column 'x': message (hint)` in a workbook.
    public var description: String {
        var text = file
        if let cell {
            text += ":\(cell)"
        } else if let line {
            text += ":\(line)"
            if let character { text += ":\(character)" }
        }
        text += ": "
        if let record {
            text += "record \(record)"
            text += field.map { ", field '\($0)': " } ?? ": "
        } else if let field {
            text += "\(fieldKind.rawValue) '\(field)': "
        }
        text += message
        if let hint { text += " (\(hint))" }
        return text
    }

    /// What ``field`` names: a CSV column or a key of a YAML or JSON document.
    public enum FieldKind: String, Sendable, Hashable, Codable {
        /// A CSV column, printed `column 'x'`.
        case column
        /// A document key, printed `key 'x'`.
        case key
    }
}

extension Diagnostic {
    /// The kind of a problem: a struct with named values, so new kinds can be
    /// added without breaking clients that switch over the ones they know.
    public struct Kind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The kind's name.
        public var rawValue: String

        /// Creates a kind from its name.
        ///
        /// - Parameter rawValue: The name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A file that should exist does not (the CLI exits with 66).
        public static let missingFile = Kind(rawValue: "missing-file")
        /// A file exists but cannot be read (permissions, a folder…).
        public static let unreadableFile = Kind(rawValue: "unreadable-file")
        /// The file's bytes are not the text expected (encoding, binary data).
        public static let encoding = Kind(rawValue: "encoding")
        /// The CSV, JSON or YAML syntax is broken.
        public static let syntax = Kind(rawValue: "syntax")
        /// A required column is missing from the header.
        public static let missingColumn = Kind(rawValue: "missing-column")
        /// A column the format does not define.
        public static let unknownColumn = Kind(rawValue: "unknown-column")
        /// A required key is missing.
        public static let missingKey = Kind(rawValue: "missing-key")
        /// A key the format does not define.
        public static let unknownKey = Kind(rawValue: "unknown-key")
        /// A value is missing, malformed or out of range.
        public static let invalidValue = Kind(rawValue: "invalid-value")
        /// An id is used twice.
        public static let duplicate = Kind(rawValue: "duplicate")
        /// A reference to something that does not exist (an unknown participant id).
        public static let unknownReference = Kind(rawValue: "unknown-reference")
        /// A value the reference data does not know, kept as written.
        public static let unknownTerm = Kind(rawValue: "unknown-term")
        /// A size limit was exceeded.
        public static let limitExceeded = Kind(rawValue: "limit-exceeded")

        /// The kind's name.
        public var description: String { rawValue }
    }
}
