/// An organiser's request about one pair of participants (the requests file).
///
/// ```swift
/// let request = MeetingRequest(from: "cz-nano-01", to: "ca-dist-07", priority: .must)
/// ```
public struct MeetingRequest: Sendable, Hashable, Codable {
    /// How strongly a request applies.
    public enum Priority: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
        /// Schedule if at all possible; an unmet `must` is reported.
        case must
        /// Raise the pair's score.
        case wish
        /// Never pair these two.
        case block

        /// The value as written in files.
        public var description: String { rawValue }
    }

    /// The id of the participant who asks.
    public var from: String
    /// The id of the participant asked for.
    public var to: String
    /// How strongly the request applies.
    public var priority: Priority
    /// A free note, carried to reports.
    public var note: String?
    /// Where the request was read from, for messages; not encoded.
    public var source: SourceLocation?

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - from: The id of the participant who asks.
    ///   - to: The id of the participant asked for.
    ///   - priority: `must`, `wish` or `block`.
    ///   - note: An optional note.
    ///   - source: Where it was read, if from a file.
    public init(from: String, to: String, priority: Priority, note: String? = nil, source: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.priority = priority
        self.note = note
        self.source = source
    }

    enum CodingKeys: String, CodingKey { case from, to, priority, note }
}
