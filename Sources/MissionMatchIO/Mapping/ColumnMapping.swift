/// How the columns of other tools' exports become MissionMatch's fields: the
/// `columns:` block of a mission file, or a mapping file of its own
/// (FileFormats.md, "Column mapping").
///
/// ```yaml
/// columns:
///   participants:
///     sheet: Participants
///     group_by: id
///     name: Organization name
///     type: {column: Organization type, values: {SME: sme, University: research}}
///     sectors: {column: Areas of activities, separator: ";"}
///     offers: [Marketplace offers, Organization description]
/// ```
public struct ColumnMapping: Sendable, Equatable {
    /// The participants file's mapping.
    public var participants: TableMapping?
    /// The requests file's mapping.
    public var requests: TableMapping?
    /// The outcomes file's mapping.
    public var outcomes: TableMapping?

    /// Creates a mapping.
    ///
    /// - Parameters:
    ///   - participants: The participants file's mapping.
    ///   - requests: The requests file's mapping.
    ///   - outcomes: The outcomes file's mapping.
    public init(participants: TableMapping? = nil, requests: TableMapping? = nil, outcomes: TableMapping? = nil) {
        self.participants = participants
        self.requests = requests
        self.outcomes = outcomes
    }
}

/// The mapping of one file: which sheet, how rows are grouped, and where each field comes from.
public struct TableMapping: Sendable, Equatable {
    /// The workbook sheet to read (default: the first).
    public var sheet: String?
    /// The field whose value groups several rows into one record (participants only), e.g. `id`.
    public var groupBy: String?
    /// The fields mapped, in the order written.
    public var fields: [FieldMapping]
    /// The file the mapping was written in, for messages.
    public var sourceFile: String?

    /// Creates a table mapping.
    ///
    /// - Parameters:
    ///   - sheet: The sheet to read.
    ///   - groupBy: The field grouping rows.
    ///   - fields: The field mappings.
    ///   - sourceFile: Where the mapping was written.
    public init(sheet: String? = nil, groupBy: String? = nil, fields: [FieldMapping] = [], sourceFile: String? = nil) {
        self.sheet = sheet
        self.groupBy = groupBy
        self.fields = fields
        self.sourceFile = sourceFile
    }

    /// The mapping of a field, if any.
    public func field(_ name: String) -> FieldMapping? { fields.first { $0.field == name } }
}

/// Where one MissionMatch field comes from.
public struct FieldMapping: Sendable, Equatable {
    /// The MissionMatch field (`name`, `sectors`, …).
    public var field: String
    /// The source columns, by header; several are concatenated (text) or united (lists).
    public var columns: [String]
    /// The list separator of the source columns (`;`, `,`, a line break…); `nil` keeps the format's `|` and `;`.
    public var separator: String?
    /// Source values replaced by MissionMatch values, matched ignoring case and surrounding blanks.
    public var values: [String: String]
    /// The line where the mapping was written.
    public var line: Int?

    /// Creates a field mapping.
    ///
    /// - Parameters:
    ///   - field: The MissionMatch field.
    ///   - columns: The source columns.
    ///   - separator: The list separator of the source.
    ///   - values: The value map.
    ///   - line: The line of the mapping.
    public init(field: String, columns: [String], separator: String? = nil, values: [String: String] = [:], line: Int? = nil) {
        self.field = field
        self.columns = columns
        self.separator = separator
        self.values = values
        self.line = line
    }
}
