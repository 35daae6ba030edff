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
    /// Never pair two organisations that already met at an earlier mission
    /// of the programme (``MeetingHistory``); without this rule such pairs are
    /// recommended and marked.
    public var excludeMetBefore: Bool

    /// Creates rules; all default to `false`.
    ///
    /// - Parameters:
    ///   - excludeSameCluster: Rule out same-cluster pairs.
    ///   - excludeSameCountry: Rule out same-country pairs.
    ///   - requireCommonLanguage: Require a shared language.
    ///   - excludeMetBefore: Rule out pairs that met at an earlier mission.
    public init(excludeSameCluster: Bool = false, excludeSameCountry: Bool = false, requireCommonLanguage: Bool = false,
                excludeMetBefore: Bool = false) {
        self.excludeSameCluster = excludeSameCluster
        self.excludeSameCountry = excludeSameCountry
        self.requireCommonLanguage = requireCommonLanguage
        self.excludeMetBefore = excludeMetBefore
    }

    enum CodingKeys: String, CodingKey {
        case excludeSameCluster = "exclude_same_cluster"
        case excludeSameCountry = "exclude_same_country"
        case requireCommonLanguage = "require_common_language"
        case excludeMetBefore = "exclude_met_before"
    }

    /// Decodes rules; absent rules are off.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            excludeSameCluster: try c.decodeIfPresent(Bool.self, forKey: .excludeSameCluster) ?? false,
            excludeSameCountry: try c.decodeIfPresent(Bool.self, forKey: .excludeSameCountry) ?? false,
            requireCommonLanguage: try c.decodeIfPresent(Bool.self, forKey: .requireCommonLanguage) ?? false,
            excludeMetBefore: try c.decodeIfPresent(Bool.self, forKey: .excludeMetBefore) ?? false)
    }
}
