import Foundation

/// A reader of one kind of CSV file: it gives its schema and reads the rows of
/// an opened table; opening a file or in-memory bytes is shared.
protocol CSVTableImporter: Sendable {
    associatedtype Output: Sendable
    static var schema: CSVSchema { get }
    var limits: ImportLimits { get }
    /// Workbooks, mapping and grouping (none by default).
    var tableOptions: TableOptions { get }
    /// Reads the rows of an opened table (nil when opening failed, with `diagnostics` saying why).
    func read(_ table: CSVTable?, diagnostics: Diagnostics) throws(ImportError) -> Imported<Output>
}

extension CSVTableImporter {
    var tableOptions: TableOptions { TableOptions() }

    func importFile(_ url: URL, displayName: String?) throws(ImportError) -> Imported<Output> {
        let name = displayName ?? InputFile.displayName(for: url)
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        let table = CSVTable.open(url, name: name, schema: Self.schema, limits: limits, options: tableOptions,
                                  diagnostics: &diagnostics)
        return try read(table, diagnostics: diagnostics)
    }

    func importData(_ data: Data, displayName: String) throws(ImportError) -> Imported<Output> {
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        let table = CSVTable.open(data, name: displayName, schema: Self.schema, limits: limits, options: tableOptions,
                                  diagnostics: &diagnostics)
        return try read(table, diagnostics: diagnostics)
    }
}
