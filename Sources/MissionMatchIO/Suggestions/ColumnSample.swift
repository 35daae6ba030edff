import Foundation

/// The header and first rows of a table another tool exported — what
/// ``ColumnSuggester`` proposes a mapping from.
public struct ColumnSample: Sendable, Equatable {
    /// The file's name, for messages and the written mapping's comment.
    public var fileName: String
    /// The workbook sheet read, or `nil` for CSV.
    public var sheet: String?
    /// The header, as written.
    public var header: [String]
    /// The first data rows (blank rows left out), each as long as it was written.
    public var rows: [[String]]

    /// Creates a sample.
    ///
    /// - Parameters:
    ///   - fileName: The file's name.
    ///   - sheet: The sheet read, if a workbook.
    ///   - header: The header.
    ///   - rows: The data rows.
    public init(fileName: String, sheet: String? = nil, header: [String], rows: [[String]]) {
        self.fileName = fileName
        self.sheet = sheet
        self.header = header
        self.rows = rows
    }

    /// The cells of column `index`, one per row (empty where a row is shorter).
    public func column(_ index: Int) -> [String] {
        rows.map { index < $0.count ? $0[index] : "" }
    }
}

/// Reads the header and the first rows of a CSV file or a workbook sheet
/// (`.xlsx`, `.xlsm`), with the readers and limits of the importers.
///
/// ```swift
/// let sample = try ColumnSampleReader().read(contentsOf: URL(fileURLWithPath: "export.xlsx"))
/// ```
public struct ColumnSampleReader: Sendable {
    /// The most data rows read (FileFormats.md §1b, "Column suggestions").
    public static let defaultMaxRows = 1_000

    /// Size limits, as for participants files.
    public var limits: ImportLimits
    /// The most data rows read; the rest of the file is not read.
    public var maxRows: Int

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - limits: Size limits (default ``ImportLimits/default``).
    ///   - maxRows: The most data rows read (default ``defaultMaxRows``).
    public init(limits: ImportLimits = .default, maxRows: Int = ColumnSampleReader.defaultMaxRows) {
        self.limits = limits
        self.maxRows = max(1, maxRows)
    }

    /// Reads a sample: the first non-blank row is the header.
    ///
    /// - Parameters:
    ///   - url: The CSV file or workbook.
    ///   - sheet: The workbook sheet (default the first); ignored for CSV.
    ///   - displayName: The name used in messages (default: the path relative to the current directory).
    /// - Returns: The sample.
    /// - Throws: ``ImportError`` when the file is missing, too large, not a
    ///   readable workbook, has no such sheet, or holds no header.
    /// - Complexity: O(bytes of the rows read); a workbook's shared strings are read whole, within their limit.
    public func read(contentsOf url: URL, sheet: String? = nil, displayName: String? = nil) throws(ImportError) -> ColumnSample {
        let name = displayName ?? InputFile.displayName(for: url)
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        guard let size = InputFile.check(url, name: name, limits: limits, into: &diagnostics) else { throw ImportError(diagnostics: diagnostics) }
        var records: [[String]] = []
        var sheetName: String?
        if TableSource.isWorkbook(url) {
            do {
                let reader = try WorkbookSheetReader(url: url, fileName: name, sheet: sheet, limits: limits)
                sheetName = reader.sheetName
                try reader.forEachRow { record in
                    guard !record.isBlank else { return .more }
                    records.append((0..<record.count).map { record.string(at: $0) })
                    return records.count > maxRows ? .stop : .more
                }
            } catch {
                diagnostics.append(error.diagnostic(file: name))
                throw ImportError(diagnostics: diagnostics)
            }
        } else if size > 0 {
            do {
                let reader = try CSVReader(contentsOf: url, options: CSVReader.Options(maxFieldBytes: limits.maxFieldBytes,
                                                                                       maxFieldsPerRecord: limits.maxColumns))
                while records.count <= maxRows, let record = try reader.nextRaw() {
                    if !record.isBlank { records.append((0..<record.count).map { record.string(at: $0) }) }
                }
            } catch {
                diagnostics.append(InputFile.unreadable(name, error))
                throw ImportError(diagnostics: diagnostics)
            }
        }
        guard let header = records.first else {
            diagnostics.append(Diagnostic(file: name, message: sheetName.map { "sheet '\($0)' is empty" } ?? "the file is empty",
                                          hint: "give the export with its header row"))
            throw ImportError(diagnostics: diagnostics)
        }
        return ColumnSample(fileName: name, sheet: sheetName, header: header.map { $0.trimmingBlanks() },
                            rows: Array(records.dropFirst()))
    }
}
