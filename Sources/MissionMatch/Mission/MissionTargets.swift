/// The outcomes a mission promised its funders, for the impact report.
public struct MissionTargets: Sendable, Hashable, Codable {
    /// B2B meetings to hold.
    public var meetings: Int?
    /// Cooperation agreements to reach.
    public var cooperationAgreements: Int?
    /// Business agreements to reach.
    public var businessAgreements: Int?

    /// Creates targets; each is optional.
    ///
    /// - Parameters:
    ///   - meetings: Meetings to hold.
    ///   - cooperationAgreements: Cooperation agreements to reach.
    ///   - businessAgreements: Business agreements to reach.
    public init(meetings: Int? = nil, cooperationAgreements: Int? = nil, businessAgreements: Int? = nil) {
        self.meetings = meetings
        self.cooperationAgreements = cooperationAgreements
        self.businessAgreements = businessAgreements
    }

    /// Whether no target is set.
    public var isEmpty: Bool { meetings == nil && cooperationAgreements == nil && businessAgreements == nil }

    enum CodingKeys: String, CodingKey {
        case meetings
        case cooperationAgreements = "cooperation_agreements"
        case businessAgreements = "business_agreements"
    }
}
