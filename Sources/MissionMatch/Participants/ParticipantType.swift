/// The kind of organisation a participant is (the `type` column).
///
/// ```swift
/// ParticipantType(parsing: " SME ")   // .sme
/// ParticipantType.public.rawValue     // "public"
/// ```
public enum ParticipantType: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// A small or medium-sized enterprise.
    case sme
    /// A large company.
    case large
    /// A university, research institute or technology centre.
    case research
    /// A distributor, agent, consultancy or other intermediary.
    case intermediary
    /// A cluster organisation.
    case cluster
    /// A public body: agency, authority, chamber.
    case `public`
    /// An investor: venture capital, business angel, fund.
    case investor

    /// Reads a type as organisers write it: case-insensitive, surrounding blanks ignored.
    ///
    /// - Parameter text: The text, e.g. `SME`.
    /// - Returns: The type, or `nil` when the text names none.
    public init?(parsing text: some StringProtocol) {
        self.init(rawValue: EnumToken.normalise(text))
    }

    /// The value as written in files.
    public var description: String { rawValue }
}

/// Normalises enumeration values as organisers type them.
package enum EnumToken {
    /// Lowercases, trims and turns blanks and hyphens into underscores:
    /// `Joint Venture` → `joint_venture`.
    package static func normalise(_ text: some StringProtocol) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in String(text).trimmingBlanks().lowercased().unicodeScalars {
            scalars.append(scalar == " " || scalar == "-" ? "_" : scalar)
        }
        return String(scalars)
    }
}
