/// The errors and warnings of one or more files, collected in one pass.
///
/// Errors beyond ``errorLimit`` are counted, not kept, and show as one final
/// line `… and N more errors`. Warnings are kept apart and capped the same way.
///
/// ```swift
/// var diagnostics = Diagnostics()
/// diagnostics.append(Diagnostic(file: "participants.csv", line: 17, field: "country",
///                               message: "'Czechoslovakia' is not a known country",
///                               hint: "use an ISO code such as CZ or SK"))
/// diagnostics.hasErrors   // true
/// ```
public struct Diagnostics: Sendable, Hashable, Codable {
    /// The most errors (and, separately, warnings) kept; the rest are counted.
    public var errorLimit: Int
    /// The errors kept, in the order found.
    public private(set) var errors: [Diagnostic] = []
    /// The warnings kept, in the order found.
    public private(set) var warnings: [Diagnostic] = []
    /// Errors found beyond ``errorLimit``.
    public private(set) var omittedErrorCount = 0
    /// Warnings found beyond ``errorLimit``.
    public private(set) var omittedWarningCount = 0

    /// Creates an empty collection.
    ///
    /// - Parameter errorLimit: The most errors kept (default 200).
    public init(errorLimit: Int = 200) {
        self.errorLimit = max(1, errorLimit)
    }

    /// Whether any error was found (kept or omitted).
    public var hasErrors: Bool { !errors.isEmpty || omittedErrorCount > 0 }
    /// How many errors were found in all.
    public var errorCount: Int { errors.count + omittedErrorCount }
    /// How many warnings were found in all.
    public var warningCount: Int { warnings.count + omittedWarningCount }
    /// Whether the error list is full, so further errors are only counted.
    public var isErrorListFull: Bool { errors.count >= errorLimit }
    /// Whether some error says a file is missing (the CLI exits with 66).
    public var hasMissingFile: Bool { errors.contains { $0.kind == .missingFile } }

    /// Adds a diagnostic to the errors or the warnings, by its severity.
    ///
    /// - Parameter diagnostic: The diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) {
        switch diagnostic.severity {
        case .error:
            if errors.count < errorLimit { errors.append(diagnostic) } else { omittedErrorCount += 1 }
        case .warning:
            if warnings.count < errorLimit { warnings.append(diagnostic) } else { omittedWarningCount += 1 }
        }
    }

    /// Adds every diagnostic of another collection, keeping its omitted counts.
    ///
    /// - Parameter other: Another collection.
    public mutating func append(contentsOf other: Diagnostics) {
        for diagnostic in other.errors { append(diagnostic) }
        for diagnostic in other.warnings { append(diagnostic) }
        omittedErrorCount += other.omittedErrorCount
        omittedWarningCount += other.omittedWarningCount
    }

    /// The same collection with every diagnostic changed by `transform`
    /// (e.g. a position moved), keeping the omitted counts.
    ///
    /// - Complexity: O(*n*) for *n* kept diagnostics.
    func mapped(_ transform: (Diagnostic) -> Diagnostic) -> Diagnostics {
        var result = self
        result.errors = errors.map(transform)
        result.warnings = warnings.map(transform)
        return result
    }

    /// The error lines as printed: one per error, then `… and N more errors`.
    public var errorLines: [String] {
        errors.map(\.description) + (omittedErrorCount > 0 ? ["… and \(omittedErrorCount) more \(omittedErrorCount == 1 ? "error" : "errors")"] : [])
    }

    /// The warning lines as printed, each prefixed `warning: `.
    public var warningLines: [String] {
        warnings.map { "warning: \($0)" }
            + (omittedWarningCount > 0 ? ["… and \(omittedWarningCount) more \(omittedWarningCount == 1 ? "warning" : "warnings")"] : [])
    }
}
