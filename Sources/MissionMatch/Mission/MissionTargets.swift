/// The outcomes a mission promised its funders, for the impact report.
public struct MissionTargets: Sendable, Hashable, Codable {
    /// B2B meetings to hold.
    public var meetings: Int?
    /// Cooperation agreements to reach.
    public var cooperationAgreements: Int?
    /// Business agreements to reach.
    public var businessAgreements: Int?
    /// Memoranda of understanding to sign (with clusters or strategic partners).
    public var mous: Int?
    /// Events to hold (a mission with at least one meeting held counts as one).
    public var events: Int?

    /// Creates targets; each is optional.
    ///
    /// - Parameters:
    ///   - meetings: Meetings to hold.
    ///   - cooperationAgreements: Cooperation agreements to reach.
    ///   - businessAgreements: Business agreements to reach.
    ///   - mous: Memoranda of understanding to sign.
    ///   - events: Events to hold.
    public init(meetings: Int? = nil, cooperationAgreements: Int? = nil, businessAgreements: Int? = nil,
                mous: Int? = nil, events: Int? = nil) {
        self.meetings = meetings
        self.cooperationAgreements = cooperationAgreements
        self.businessAgreements = businessAgreements
        self.mous = mous
        self.events = events
    }

    /// Whether no target is set.
    public var isEmpty: Bool {
        meetings == nil && cooperationAgreements == nil && businessAgreements == nil && mous == nil && events == nil
    }

    enum CodingKeys: String, CodingKey {
        case meetings
        case cooperationAgreements = "cooperation_agreements"
        case businessAgreements = "business_agreements"
        case mous
        case events
    }
}
