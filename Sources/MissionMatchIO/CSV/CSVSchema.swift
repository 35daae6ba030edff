/// The columns a CSV file may have, and how to match its header to them.
struct CSVSchema: Sendable {
    /// One documented column.
    struct Column: Sendable {
        /// The canonical name, as documented (`target_countries`).
        var name: String
        /// Whether the file must have it.
        var isRequired: Bool
        /// What to tell an organiser whose file lacks it.
        var hint: String

        init(_ name: String, required: Bool = false, hint: String? = nil) {
            self.name = name
            self.isRequired = required
            self.hint = hint ?? "add a '\(name)' column to the header"
        }
    }

    var columns: [Column]
    /// Whether columns outside the schema are kept (with a warning) or rejected.
    var keepsUnknownColumns: Bool

    /// A header name reduced for matching: lowercase, without blanks, `_` or `-`.
    static func matchKey(_ header: some StringProtocol) -> String {
        String(header.lowercased().unicodeScalars.filter {
            !($0.properties.isWhitespace || $0 == "_" || $0 == "-" || $0 == "\u{FEFF}")
        }.map(Character.init))
    }
}
