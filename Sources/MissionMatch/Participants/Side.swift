/// One side of a bipartite mission, by the label the mission gives it
/// (for example `consortium` or `counterpart`).
///
/// Labels are the mission's own; they compare exactly as written in the
/// mission file (readers lowercase them).
///
/// ```swift
/// let side: Side = "consortium"
/// mission.sides.contains(side)
/// ```
public struct Side: RawRepresentable, Sendable, Hashable, Codable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The label as written in the mission file.
    public var rawValue: String

    /// Creates a side from its label.
    ///
    /// - Parameter rawValue: The label, e.g. `consortium`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Creates a side from a string literal.
    ///
    /// - Parameter value: The label.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The label.
    public var description: String { rawValue }

    /// Orders sides by label.
    public static func < (lhs: Side, rhs: Side) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes a side from its label.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the side as its label.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
