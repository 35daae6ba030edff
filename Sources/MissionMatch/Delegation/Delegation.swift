/// Who travels on which mission: the result of ``DelegationPlanner``.
public struct Delegation: Sendable {
    /// One SME sent on a mission.
    public struct Delegate: Sendable, Hashable {
        /// The SME's id.
        public var participant: String
        /// Its value for the mission (see ``DelegationPlanner``).
        public var value: Double
        /// Its rank among the mission's delegates by value (1 = best).
        public var rank: Int
        /// Why, in words: its best counterparts, its markets, its wishes, congestion.
        public var reasons: String
        /// The counterparts it should meet first (its recommendations at the mission, best first).
        public var firstMeetings: [Recommendation]
    }

    /// One mission's delegation.
    public struct MissionDelegation: Sendable {
        /// The mission.
        public var mission: Mission
        /// Its settings.
        public var settings: DelegationSettings
        /// The SMEs sent, best value first.
        public var delegates: [Delegate]
        /// Its counterparts.
        public var counterparts: [Participant]
        /// What the delegates cost in all.
        public var cost: Int
        /// Each quota: its group (`cluster X` / `partnership Y`), the quota and how many were sent.
        public var quotas: [(group: String, quota: DelegationQuota, sent: Int)]
    }

    /// An SME left at home.
    public struct LeftHome: Sendable, Hashable {
        /// The SME's id.
        public var participant: String
        /// The mission it is worth most on, or `nil` when it can go on none.
        public var bestMission: String?
        /// Its value there.
        public var value: Double
        /// Why it stays.
        public var reason: String
    }

    /// The missions, in the programme's order.
    public var missions: [MissionDelegation]
    /// The SMEs not sent anywhere, most valuable first.
    public var leftHome: [LeftHome]
    /// The SMEs (every candidate, with the consortium side of no mission set).
    public var candidates: [Participant]
    /// Sentences on quotas and budgets that cannot all be met, in the organiser's words.
    public var findings: [String]
    /// The assignment with its method, bound and gap.
    public var solution: DelegationSolver.Solution
}
