import Foundation

extension ColumnSuggestion {
    /// The proposal as a column-mapping file (FileFormats.md §1b): a
    /// `columns:` block that ``ColumnMappingReader`` reads back, with each
    /// field's confidence and reason as a comment, low guesses commented out,
    /// the labels no keyword recognised, unknown sector names with their
    /// nearest taxonomy entries, and the columns left out.
    ///
    /// Headers are written double-quoted (JSON escapes, which YAML reads),
    /// so any header round-trips.
    public var yaml: String {
        var lines = [
            "# Proposed by `missionmatch columns` from \(Self.comment(fileName))\(sheet.map { ", sheet " + Self.comment($0) } ?? "") (\(sampledRows) rows sampled).",
            "# Review every line before use: confidence high >= 0.80, medium >= 0.50 (check these); low guesses are commented out.",
            "# Use it with --columns FILE (validate, rank, run), or paste the block into the mission file.",
            "columns:",
            "  participants:",
        ]
        if let sheet { lines.append("    sheet: \(Self.quoted(sheet))") }
        if let groupBy {
            lines.append("    group_by: \(groupBy)   # values of '\(Self.comment(field(groupBy)?.columns.first ?? groupBy))' repeat: their rows become one participant")
        }
        for field in fields {
            let note = "# \(field.confidence.rawValue) \(String(format: "%.2f", field.score)): \(Self.comment(field.reason))"
            let prefix = field.confidence == .low ? "    # " : "    "
            let columns = field.columns.count == 1 ? Self.quoted(field.columns[0]) : "[" + field.columns.map(Self.quoted).joined(separator: ", ") + "]"
            let simple = field.separator == nil && field.values.isEmpty && field.unmatchedLabels.isEmpty && field.unknownSectors.isEmpty
            if simple {
                lines.append(prefix + "\(field.field): \(columns)   \(note)")
                continue
            }
            lines.append(prefix + "\(field.field):   \(note)")
            lines.append(prefix + "  " + (field.columns.count == 1 ? "column: " : "columns: ") + columns)
            if let separator = field.separator { lines.append(prefix + "  separator: \(Self.quoted(separator))") }
            if !field.values.isEmpty {
                lines.append(prefix + "  values:")
                for (label, value) in field.values { lines.append(prefix + "    \(Self.quoted(label)): \(value)") }
            }
            if !field.unmatchedLabels.isEmpty {
                lines.append("    #   no guess for " + field.unmatchedLabels.map { Self.comment("'\($0)'") }.joined(separator: ", ")
                             + " — add them to values: or correct the cells")
            }
            if !field.unknownSectors.isEmpty {
                lines.append("    #   not in the sector taxonomy (nearest entries; map them with values: or keep them as free labels):")
                for sector in field.unknownSectors {
                    lines.append("    #     '\(Self.comment(sector.name))' -> "
                                 + (sector.nearest.isEmpty ? "nothing close" : sector.nearest.joined(separator: ", ")))
                }
            }
        }
        if !unmapped.isEmpty {
            lines.append("# not mapped: " + unmapped.map { "'\(Self.comment($0.column))' (\($0.kind))" }.joined(separator: ", "))
        }
        if !missingRequired.isEmpty {
            lines.append("# no column found for the required field(s) " + missingRequired.joined(separator: ", ")
                         + " — map them by hand or add them to the export")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar: a JSON string literal, which YAML reads the same.
    static func quoted(_ text: String) -> String { JSONText.string(text) }

    /// Text safe inside a comment: one line.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : Character($0) })
    }
}
