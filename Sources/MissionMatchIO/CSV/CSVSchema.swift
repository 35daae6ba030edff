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
    /// A prefix of numbered columns the format defines (`v` for `v1`, `v2`, …
    /// of a vectors file): kept as extra columns, silently, in file order.
    var numberedColumnPrefix: String? = nil

    /// Whether a header title is one of the numbered columns (``numberedColumnPrefix`` then digits).
    func isNumberedColumn(_ title: String) -> Bool {
        guard let prefix = numberedColumnPrefix, title.hasPrefix(prefix) else { return false }
        let digits = title.dropFirst(prefix.count)
        return !digits.isEmpty && digits.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A header name reduced for matching: lowercase, without blanks, `_` or `-`.
    static func matchKey(_ header: some StringProtocol) -> String {
        String(header.lowercased().unicodeScalars.filter {
            !($0.properties.isWhitespace || $0 == "_" || $0 == "-" || $0 == "\u{FEFF}")
        }.map(Character.init))
    }
}
