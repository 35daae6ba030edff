/// Who may travel on which mission, as numbers: the assignment problem
/// behind a delegation (``DelegationSolver``), free of files and rankings.
///
/// Candidates (SMEs) are sent on missions. Each mission has `seats` and
/// optionally a `budget`; each candidate costs `costs[c][m]` on mission `m`
/// and goes on at most `maxMissions[c]` missions; `values[c][m]` is what
/// sending it is worth (`nil`: it cannot go). Quotas bound how many of a
/// group (a cluster or partnership) a mission takes; they nest: a
/// candidate's innermost quota on a mission is `candidateQuota[c][m]`, and a
/// quota's `parent` is the enclosing one (cluster ⊂ partnership).
public struct DelegationProblem: Sendable, Hashable {
    /// One mission's limits.
    public struct Mission: Sendable, Hashable {
        /// The most SMEs sent.
        public var seats: Int
        /// The most the SMEs sent may cost in all, or `nil` for no budget.
        public var budget: Int?

        /// Creates the limits.
        ///
        /// - Parameters:
        ///   - seats: The most SMEs.
        ///   - budget: The budget, if any.
        public init(seats: Int, budget: Int? = nil) {
            self.seats = seats
            self.budget = budget
        }
    }

    /// At least `minimum` and at most `maximum` of a group on one mission.
    public struct Quota: Sendable, Hashable {
        /// The mission (index).
        public var mission: Int
        /// The enclosing quota on the same mission (index), or `nil`.
        public var parent: Int?
        /// At least this many.
        public var minimum: Int
        /// At most this many, or `nil` for no maximum.
        public var maximum: Int?

        /// Creates a quota.
        ///
        /// - Parameters:
        ///   - mission: The mission.
        ///   - parent: The enclosing quota.
        ///   - minimum: The minimum.
        ///   - maximum: The maximum.
        public init(mission: Int, parent: Int? = nil, minimum: Int = 0, maximum: Int? = nil) {
            self.mission = mission
            self.parent = parent
            self.minimum = minimum
            self.maximum = maximum
        }
    }

    /// The missions.
    public var missions: [Mission]
    /// `values[c][m]`: what sending candidate `c` on mission `m` is worth, or `nil` when it cannot go.
    public var values: [[Double?]]
    /// `costs[c][m]`: what sending `c` on `m` costs (counted only against a budget).
    public var costs: [[Int]]
    /// Each candidate's most missions.
    public var maxMissions: [Int]
    /// The quotas.
    public var quotas: [Quota]
    /// `candidateQuota[c][m]`: the innermost quota candidate `c` counts for on mission `m`, or `nil`.
    public var candidateQuota: [[Int?]]

    /// Creates a problem; `costs` and `candidateQuota` default to zeros and none.
    ///
    /// - Parameters:
    ///   - missions: The missions.
    ///   - values: Values, one row per candidate, one column per mission.
    ///   - costs: Costs, alike (default all 0).
    ///   - maxMissions: Each candidate's most missions.
    ///   - quotas: The quotas.
    ///   - candidateQuota: Each candidate's innermost quota per mission.
    public init(missions: [Mission], values: [[Double?]], costs: [[Int]]? = nil, maxMissions: [Int],
                quotas: [Quota] = [], candidateQuota: [[Int?]]? = nil) {
        self.missions = missions
        self.values = values
        self.costs = costs ?? values.map { [Int](repeating: 0, count: $0.count) }
        self.maxMissions = maxMissions
        self.quotas = quotas
        self.candidateQuota = candidateQuota ?? values.map { [Int?](repeating: nil, count: $0.count) }
    }

    /// The number of candidates.
    public var candidateCount: Int { values.count }

    /// The quotas a candidate counts for on a mission, innermost first.
    ///
    /// - Complexity: O(depth of the quotas).
    public func quotaChain(candidate: Int, mission: Int) -> [Int] {
        var chain: [Int] = []
        var next = candidateQuota[candidate][mission]
        while let quota = next, chain.count <= quotas.count {
            chain.append(quota)
            next = quotas[quota].parent
        }
        return chain
    }

    /// The minimum places the quotas ask for in all: Σ min(minimum, maximum).
    public var minimumPlacesAsked: Int {
        quotas.reduce(0) { $0.saturatingAdded(min($1.minimum, $1.maximum ?? Int.max)) }
    }
}
