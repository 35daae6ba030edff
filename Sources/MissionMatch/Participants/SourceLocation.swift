/// Where a record was read from, kept so that later stages (scoring,
/// scheduling) can point the organiser back to the line to change.
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file's name as shown in messages, e.g. `participants.csv`.
    public var file: String
    /// The 1-based line where the record starts.
    public var line: Int

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - file: The file's display name.
    ///   - line: The 1-based line.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}
