/// Thrown when an input file has errors: all of them, in one pass.
///
/// ```swift
/// do {
///     let result = try ParticipantReader(referenceData: data).read(contentsOf: url)
/// } catch let error as ImportError {
///     for line in error.diagnostics.errorLines { print(line) }
/// }
/// ```
public struct ImportError: Error, Sendable, CustomStringConvertible {
    /// The errors (and the warnings found alongside them).
    public var diagnostics: Diagnostics

    /// Creates the error.
    ///
    /// - Parameter diagnostics: The problems found; should hold at least one error.
    public init(diagnostics: Diagnostics) {
        self.diagnostics = diagnostics
    }

    /// Creates the error from a single diagnostic.
    ///
    /// - Parameter diagnostic: The problem.
    public init(_ diagnostic: Diagnostic) {
        var diagnostics = Diagnostics()
        diagnostics.append(diagnostic)
        self.diagnostics = diagnostics
    }

    /// Whether the cause is a missing file rather than bad data.
    public var isMissingFile: Bool { diagnostics.hasMissingFile }

    /// The error lines, one per line.
    public var description: String { diagnostics.errorLines.joined(separator: "\n") }
}

/// A value read from a file, with the warnings found while reading it.
public struct Imported<Value: Sendable>: Sendable {
    /// What was read.
    public var value: Value
    /// Warnings (and no errors: a file with errors throws ``ImportError``).
    public var diagnostics: Diagnostics
    /// Notes that are not problems, e.g. how many rows a column mapping's
    /// `group_by` made into how many participants.
    public var notes: [String] = []

    /// Creates a result.
    ///
    /// - Parameters:
    ///   - value: What was read.
    ///   - diagnostics: The warnings.
    public init(value: Value, diagnostics: Diagnostics) {
        self.value = value
        self.diagnostics = diagnostics
    }

    /// The warnings.
    public var warnings: [Diagnostic] { diagnostics.warnings }
}
