/// A kind of cooperation a participant looks for (the `cooperation` column).
///
/// ```swift
/// CooperationType(parsing: "Joint venture")   // .jointVenture
/// CooperationType.jointVenture.rawValue      // "joint_venture"
/// ```
public enum CooperationType: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Buying or selling products and services.
    case commercial
    /// Distribution or agency agreements.
    case distribution
    /// Supplying components, materials or services.
    case supplier
    /// Technical cooperation, joint development.
    case technical
    /// Research cooperation, joint projects.
    case research
    /// Licensing technology in or out.
    case licensing
    /// A joint venture.
    case jointVenture = "joint_venture"
    /// Investment in or by the participant.
    case investment
    /// Outsourcing or subcontracting.
    case outsourcing

    /// Reads a cooperation type as organisers write it: case-insensitive,
    /// blanks and hyphens accepted for the underscore (`joint venture`).
    ///
    /// - Parameter text: The text.
    /// - Returns: The type, or `nil` when the text names none.
    public init?(parsing text: some StringProtocol) {
        self.init(rawValue: EnumToken.normalise(text))
    }

    /// The value as written in files.
    public var description: String { rawValue }
}
