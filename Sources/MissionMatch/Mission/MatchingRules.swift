/// Pairs a mission rules out, whatever their score.
///
/// All rules are off unless the mission file turns them on.
public struct MatchingRules: Sendable, Hashable, Codable {
    /// Never pair two members of the same cluster (they already know each other).
    public var excludeSameCluster: Bool
    /// Never pair two organisations from the same country.
    public var excludeSameCountry: Bool
    /// Pair only organisations that share a language (when both list languages).
    public var requireCommonLanguage: Bool

    /// Creates rules; all default to `false`.
    ///
    /// - Parameters:
    ///   - excludeSameCluster: Rule out same-cluster pairs.
    ///   - excludeSameCountry: Rule out same-country pairs.
    ///   - requireCommonLanguage: Require a shared language.
    public init(excludeSameCluster: Bool = false, excludeSameCountry: Bool = false, requireCommonLanguage: Bool = false) {
        self.excludeSameCluster = excludeSameCluster
        self.excludeSameCountry = excludeSameCountry
        self.requireCommonLanguage = requireCommonLanguage
    }

    enum CodingKeys: String, CodingKey {
        case excludeSameCluster = "exclude_same_cluster"
        case excludeSameCountry = "exclude_same_country"
        case requireCommonLanguage = "require_common_language"
    }

    /// Decodes rules; absent rules are off.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            excludeSameCluster: try c.decodeIfPresent(Bool.self, forKey: .excludeSameCluster) ?? false,
            excludeSameCountry: try c.decodeIfPresent(Bool.self, forKey: .excludeSameCountry) ?? false,
            requireCommonLanguage: try c.decodeIfPresent(Bool.self, forKey: .requireCommonLanguage) ?? false)
    }
}
