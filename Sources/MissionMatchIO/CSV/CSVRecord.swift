/// One record of a CSV file: its fields, where it starts, and any syntax
/// problems found while reading it.
package struct CSVRecord: Sendable, Hashable {
    /// The fields, unquoted, in file order.
    package var fields: [String]
    /// The 1-based line where the record starts.
    package var line: Int
    /// The 1-based line of each field's first character (differs from ``line``
    /// after a quoted field that holds line breaks).
    package var fieldLines: [Int]
    /// Syntax problems in this record; the fields hold the reader's best guess.
    package var problems: [CSVProblem]

    /// Creates a record.
    ///
    /// - Parameters:
    ///   - fields: The fields.
    ///   - line: The starting line.
    ///   - fieldLines: The starting line of each field (defaults to `line` for all).
    ///   - problems: Syntax problems.
    package init(fields: [String], line: Int, fieldLines: [Int]? = nil, problems: [CSVProblem] = []) {
        self.fields = fields
        self.line = line
        self.fieldLines = fieldLines ?? Array(repeating: line, count: fields.count)
        self.problems = problems
    }
}

/// A syntax problem in a CSV record, with its exact position.
package struct CSVProblem: Sendable, Hashable {
    /// What went wrong.
    package enum Kind: Sendable, Hashable {
        /// A quoted field is not closed before the end of the file.
        case unterminatedQuote
        /// A quote inside a field that does not start with a quote.
        case strayQuote
        /// Text after the closing quote of a quoted field.
        case textAfterClosingQuote
        /// A field longer than the limit; the rest of it was skipped.
        case fieldTooLong(limit: Int)
        /// More fields than the limit; the rest of the record was skipped.
        case tooManyFields(limit: Int)
    }

    /// What went wrong.
    package var kind: Kind
    /// The 1-based line.
    package var line: Int
    /// The 1-based character position within the line.
    package var character: Int
    /// The 0-based index of the field concerned.
    package var fieldIndex: Int

    /// Creates a problem.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - line: The line.
    ///   - character: The character position.
    ///   - fieldIndex: The field's index.
    package init(kind: Kind, line: Int, character: Int, fieldIndex: Int) {
        self.kind = kind
        self.line = line
        self.character = character
        self.fieldIndex = fieldIndex
    }
}
