/// At least `minimum` and at most `maximum` SMEs of a group on one mission.
public struct DelegationQuota: Sendable, Hashable {
    /// At least this many (0: no minimum).
    public var minimum: Int
    /// At most this many, or `nil`.
    public var maximum: Int?

    /// Creates a quota.
    ///
    /// - Parameters:
    ///   - minimum: The minimum.
    ///   - maximum: The maximum.
    public init(minimum: Int = 0, maximum: Int? = nil) {
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// A mission's `delegation:` block: seats, quotas and budget.
public struct DelegationSettings: Sendable, Hashable {
    /// The most SMEs sent (1 … ``FormatLimits/maxDelegationSeats``).
    public var seats: Int
    /// Quotas of named clusters (by the programme's cluster id, or the label of the participants' `cluster` column).
    public var clusters: [String: DelegationQuota]
    /// The quota of every other cluster, if any.
    public var eachCluster: DelegationQuota?
    /// Quotas of named partnerships (the programme's partnership ids).
    public var partnerships: [String: DelegationQuota]
    /// The quota of every other partnership, if any.
    public var eachPartnership: DelegationQuota?
    /// The most the SMEs sent may cost in all, or `nil`.
    public var budget: Int?
    /// What one SME costs (whole currency units).
    public var costPerSME: Int
    /// What an SME from a country costs instead (alpha-2 codes).
    public var costByCountry: [String: Int]

    /// Creates the settings.
    ///
    /// - Parameters:
    ///   - seats: The seats.
    ///   - clusters: Quotas of named clusters.
    ///   - eachCluster: The quota of every other cluster.
    ///   - partnerships: Quotas of named partnerships.
    ///   - eachPartnership: The quota of every other partnership.
    ///   - budget: The budget.
    ///   - costPerSME: The cost of one SME.
    ///   - costByCountry: Costs by country.
    public init(seats: Int, clusters: [String: DelegationQuota] = [:], eachCluster: DelegationQuota? = nil,
                partnerships: [String: DelegationQuota] = [:], eachPartnership: DelegationQuota? = nil,
                budget: Int? = nil, costPerSME: Int = 0, costByCountry: [String: Int] = [:]) {
        self.seats = seats
        self.clusters = clusters
        self.eachCluster = eachCluster
        self.partnerships = partnerships
        self.eachPartnership = eachPartnership
        self.budget = budget
        self.costPerSME = costPerSME
        self.costByCountry = costByCountry
    }

    /// What an SME from `country` costs.
    public func cost(country: String) -> Int { costByCountry[country] ?? costPerSME }
}

/// One mission of a programme: the mission (its counterparts are the
/// participants on its second side) and its delegation settings.
public struct DelegationMissionInput: Sendable {
    /// The mission.
    public var mission: Mission
    /// Its counterparts (participants of the mission's second side; others are ignored).
    public var counterparts: [Participant]
    /// Seats, quotas and budget.
    public var settings: DelegationSettings

    /// Creates the input.
    ///
    /// - Parameters:
    ///   - mission: The mission.
    ///   - counterparts: Its counterparts.
    ///   - settings: Its delegation settings.
    public init(mission: Mission, counterparts: [Participant], settings: DelegationSettings) {
        self.mission = mission
        self.counterparts = counterparts
        self.settings = settings
    }
}

extension FormatLimits {
    /// The most missions of a delegation programme.
    public static let maxDelegationMissions = 100
    /// The most seats of one mission's delegation (and any quota's minimum or maximum).
    public static let maxDelegationSeats = 10_000
    /// The largest budget or cost of a delegation, in whole currency units.
    public static let maxDelegationMoney = 1_000_000_000
}
