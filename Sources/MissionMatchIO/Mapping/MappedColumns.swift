import Foundation

/// A ``TableMapping`` resolved against a file's header: for each output
/// column (a MissionMatch field), the source columns it is made of, and the
/// rewriting of each source row into a row of MissionMatch's own columns.
///
/// Text fields join their non-empty source cells with a line break; list
/// fields split each source cell on the column's separator and join the items
/// with `|`; a value map replaces whole values (list items one by one).
/// Fields the mapping leaves out are read from a source column of their own
/// name, if there is one; other source columns are left out.
///
/// Complexity: O(cells) per row.
struct MappedColumns {
    struct Output {
        var name: String
        var sources: [Int]
        var separator: String?
        var values: [String: String]
        var isList: Bool
    }

    private(set) var outputs: [Output] = []

    /// Resolves the mapping; missing source columns are errors at the mapping's line.
    ///
    /// - Parameters:
    ///   - mapping: The table mapping.
    ///   - header: The source header, as written.
    ///   - schema: The file kind's schema.
    ///   - listColumns: The names of list fields.
    ///   - fileName: The data file's name (for the hint).
    ///   - diagnostics: Where problems go.
    init(mapping: TableMapping, header: [String], schema: CSVSchema, listColumns: Set<String>,
         fileName: String, diagnostics: inout Diagnostics) {
        let keys = header.map { CSVSchema.matchKey($0) }
        var used = Set<Int>()
        for column in schema.columns {
            if let field = mapping.field(column.name) {
                var sources: [Int] = []
                for name in field.columns {
                    let key = CSVSchema.matchKey(name)
                    if let index = keys.firstIndex(of: key) {
                        sources.append(index)
                        used.insert(index)
                    } else {
                        let guess = Suggestion.closest(to: key, in: keys).flatMap { key in header.first { CSVSchema.matchKey($0) == key } }
                        diagnostics.append(Diagnostic(
                            kind: .missingColumn, file: mapping.sourceFile ?? fileName, line: field.line,
                            field: "columns." + column.name, fieldKind: .key,
                            message: "\(fileName) has no column '\(name)'",
                            hint: guess.map { "did you mean '\($0)'?" } ?? "its columns are " + header.prefix(30).joined(separator: ", ")))
                    }
                }
                outputs.append(Output(name: column.name, sources: sources, separator: field.separator,
                                      values: field.values, isList: listColumns.contains(column.name)))
            } else if let index = keys.firstIndex(of: CSVSchema.matchKey(column.name)), !used.contains(index) {
                outputs.append(Output(name: column.name, sources: [index], separator: nil, values: [:],
                                      isList: listColumns.contains(column.name)))
            }
        }
    }

    /// The header of the rewritten rows.
    var header: [String] { outputs.map(\.name) }

    /// The source column of an output column whose cell a message should name:
    /// the first source with a value in the row, else the first source.
    func sourceColumn(of output: Int, in row: RawCSVRecord?) -> Int? {
        guard output < outputs.count else { return nil }
        let sources = outputs[output].sources
        if let row, let filled = sources.first(where: { $0 < row.count && !row.trimmedString(at: $0).isEmpty }) { return filled }
        return sources.first
    }

    /// A source row rewritten into the mapped columns.
    func map(_ row: RawCSVRecord) -> RawCSVRecord {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(row.bytes.count)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(outputs.count)
        for output in outputs {
            let start = bytes.count
            var first = true
            for source in output.sources where source < row.count {
                if output.isList {
                    for item in items(row, source, output) {
                        if !first { bytes.append(UInt8(ascii: "|")) }
                        bytes.append(contentsOf: item.utf8)
                        first = false
                    }
                } else {
                    let text = row.trimmedString(at: source)
                    guard !text.isEmpty else { continue }
                    if !first { bytes.append(UInt8(ascii: "\n")) }
                    bytes.append(contentsOf: text.utf8)
                    first = false
                }
            }
            if !output.isList, !output.values.isEmpty {
                let whole = String(decoding: bytes[start...], as: UTF8.self)
                if let replaced = output.values[ValueKey.of(whole)] {
                    bytes.removeSubrange(start...)
                    bytes.append(contentsOf: replaced.utf8)
                }
            }
            ranges.append(start..<bytes.count)
        }
        return RawCSVRecord(bytes: bytes, ranges: ranges, line: row.line,
                            fieldLines: Array(repeating: row.line, count: ranges.count), problems: [], isUTF8: true)
    }

    private func items(_ row: RawCSVRecord, _ source: Int, _ output: Output) -> [String] {
        let pieces: [String]
        if let separator = output.separator {
            pieces = row.string(at: source).components(separatedBy: separator)
                .flatMap { $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
                .map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
        } else {
            pieces = row.items(at: source, allowingSemicolon: true)
        }
        guard !output.values.isEmpty else { return pieces }
        return pieces.map { output.values[ValueKey.of($0)] ?? $0 }
    }
}
