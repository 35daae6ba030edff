import Foundation
import MissionMatch

/// Reads one CSV table of the reference data, row by row, with the shared
/// checks (required cells, duplicate keys) and positions for messages.
struct ReferenceTableReader {
    let directory: URL
    let limits: ImportLimits
    var diagnostics: Diagnostics

    init(directory: URL, limits: ImportLimits) {
        self.directory = directory
        self.limits = limits
        self.diagnostics = Diagnostics(errorLimit: limits.maxErrors)
    }

    /// Reads `relativePath` with `columns` (the first `required` are required);
    /// calls `body` for each row; with `uniqueFirstColumn`, a repeated value of
    /// the first column is an error.
    mutating func read(_ relativePath: String, columns: [String], required: Int, uniqueFirstColumn: Bool = true,
                       _ body: (CSVTable.Row, CSVTable) -> Void) {
        let url = directory.appendingPathComponent(relativePath)
        let schema = CSVSchema(columns: columns.enumerated().map { CSVSchema.Column($1, required: $0 < required) },
                               keepsUnknownColumns: true)
        guard let table = CSVTable.open(url, name: InputFile.displayName(for: url), schema: schema, limits: limits,
                                        diagnostics: &diagnostics)
        else { return }
        var firstLine: [String: Int] = [:]
        while let row = table.nextRow() {
            var complete = true
            for column in 0..<required where row.value(column).isEmpty {
                table.error(line: row.line, field: columns[column], "the value is missing", hint: "fill in every \(columns[column])")
                complete = false
            }
            guard complete else { continue }
            let key = row.value(0)
            if uniqueFirstColumn, let first = firstLine[key] {
                table.error(line: row.line, field: columns[0], "'\(key)' already appears on line \(first)",
                            hint: "keep one row per \(columns[0])", kind: .duplicate)
                continue
            }
            firstLine[key] = row.line
            body(row, table)
        }
        diagnostics.append(contentsOf: table.diagnostics)
    }

    /// Splits a `|` list cell.
    static func list(_ text: String) -> [String] {
        ListCell.split(text, allowingSemicolon: false)
    }
}
