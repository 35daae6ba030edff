import Foundation
import MissionMatch

/// Reads one CSV table of the reference data, row by row, with the shared
/// checks (required cells, duplicate keys) and positions for messages.
struct ReferenceTableReader {
    /// Where the tables come from.
    enum Source {
        /// A data folder on disk.
        case folder(URL)
        /// Tables held in memory, by their path in a data folder.
        case bundled([String: String])
    }

    let source: Source
    let limits: ImportLimits
    var diagnostics: Diagnostics

    init(source: Source, limits: ImportLimits) {
        self.source = source
        self.limits = limits
        self.diagnostics = Diagnostics(errorLimit: limits.maxErrors)
    }

    /// The name of a table in messages.
    func displayName(of relativePath: String) -> String {
        switch source {
        case .folder(let directory): InputFile.displayName(for: directory.appendingPathComponent(relativePath))
        case .bundled: "(bundled) Data/" + relativePath
        }
    }

    private mutating func open(_ relativePath: String, schema: CSVSchema) -> CSVTable? {
        let name = displayName(of: relativePath)
        switch source {
        case .folder(let directory):
            return CSVTable.open(directory.appendingPathComponent(relativePath), name: name, schema: schema, limits: limits,
                                 diagnostics: &diagnostics)
        case .bundled(let files):
            return CSVTable.open(Data((files[relativePath] ?? "").utf8), name: name, schema: schema, limits: limits,
                                 diagnostics: &diagnostics)
        }
    }

    /// Reads `relativePath` with `columns` (the first `required` are required);
    /// calls `body` for each row; with `uniqueFirstColumn`, a repeated value of
    /// the first column is an error.
    mutating func read(_ relativePath: String, columns: [String], required: Int, uniqueFirstColumn: Bool = true,
                       _ body: (CSVTable.Row, CSVTable) -> Void) {
        let schema = CSVSchema(columns: columns.enumerated().map { CSVSchema.Column($1, required: $0 < required) },
                               keepsUnknownColumns: true)
        guard let table = open(relativePath, schema: schema) else { return }
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
