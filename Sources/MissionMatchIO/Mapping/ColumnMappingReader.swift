import Foundation

/// Reads a column-mapping file: a YAML (or JSON) document whose one key is
/// `columns`, holding the same block a mission file may hold (FileFormats.md,
/// "Column mapping"). `missionmatch columns` writes such files.
///
/// ```swift
/// let mapping = try ColumnMappingReader().read(contentsOf: URL(fileURLWithPath: "b2match.columns.yaml"))
/// var loader = MissionLoader(referenceData: reference)
/// loader.columns = mapping.value
/// ```
public struct ColumnMappingReader: Sendable {
    /// Size limits (the file's size, the errors listed).
    public var limits: ImportLimits

    /// Creates a reader.
    ///
    /// - Parameter limits: Size limits (default ``ImportLimits/default``).
    public init(limits: ImportLimits = .default) {
        self.limits = limits
    }

    /// Reads a mapping file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages (default: the path relative to the current directory).
    /// - Returns: The mapping, with warnings.
    /// - Throws: ``ImportError`` with every problem: a missing file, bad syntax,
    ///   unknown keys or fields, empty column names.
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<ColumnMapping> {
        let name = displayName ?? InputFile.displayName(for: url)
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        guard let data = InputFile.readData(url, name: name, limits: limits, into: &diagnostics) else {
            throw ImportError(diagnostics: diagnostics)
        }
        return try read(data, displayName: name)
    }

    /// Reads a mapping held in memory (YAML, or JSON, which YAML reads too).
    ///
    /// - Parameters:
    ///   - data: The document.
    ///   - displayName: The name used in messages.
    /// - Returns: The mapping, with warnings.
    /// - Throws: ``ImportError`` with every problem found.
    public func read(_ data: Data, displayName: String) throws(ImportError) -> Imported<ColumnMapping> {
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        let hint = "write columns: with participants:, requests: or outcomes: below it"
        guard let text = String(validating: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data, as: UTF8.self) else {
            diagnostics.append(Diagnostic(kind: .encoding, file: displayName, message: "the file is not valid UTF-8", hint: "save it as UTF-8"))
            throw ImportError(diagnostics: diagnostics)
        }
        let parsed: StructuredNode?
        do {
            parsed = try YAMLDocument.parse(text)
        } catch {
            diagnostics.append(Diagnostic(kind: .syntax, file: displayName, line: error.line, message: error.message,
                                          hint: "fix the YAML syntax"))
            throw ImportError(diagnostics: diagnostics)
        }
        guard let root = parsed else {
            diagnostics.append(Diagnostic(file: displayName, message: "the file is empty", hint: hint))
            throw ImportError(diagnostics: diagnostics)
        }
        var reader = StructuredReader(fileName: displayName, errorLimit: limits.maxErrors)
        var mapping: ColumnMapping?
        if let map = reader.mapping(root, path: "", allowedKeys: ["columns"], hint: hint) {
            if let entry = map.entry("columns") {
                mapping = ColumnMappingDecoder.decode(entry.value, path: "columns", reader: &reader)
            } else {
                reader.missing(map, "columns", example: "{participants: {name: Organization name}}")
            }
        }
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let mapping, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: mapping, diagnostics: diagnostics)
    }
}
