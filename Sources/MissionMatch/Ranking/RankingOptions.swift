/// How recommendation lists are built from the scores.
///
/// ```swift
/// var options = RankingOptions()
/// options.congestion = 0      // plain top-k by score
/// options.diversity = 0
/// ```
public struct RankingOptions: Sendable, Hashable {
    /// Candidates kept per participant from the kernel before re-ranking;
    /// `nil` means max(3·k, k + 20). The agenda planner draws on these too.
    public var candidatesPerParticipant: Int?
    /// Congestion control strength (default 1; 0 turns it off). Participants
    /// recommended to many more others than they can meet get a growing
    /// handicap ("price") until their exposure is near their allowance, so
    /// that a few popular participants do not fill every list.
    public var congestion: Double
    /// How much a candidate close to one already in the list is held back
    /// (default 0.08; 0 turns it off): maximal marginal relevance with the
    /// profile cosine.
    public var diversity: Double
    /// The score added to a pair someone asked to meet (`wish`), capped at 1 (default 0.1).
    public var wishBonus: Double
    /// Worker threads of the scoring kernel; `nil` means all cores.
    public var workers: Int?

    /// The defaults: congestion 1, diversity 0.08, wish bonus 0.1.
    public init(
        candidatesPerParticipant: Int? = nil, congestion: Double = 1, diversity: Double = 0.08, wishBonus: Double = 0.1,
        workers: Int? = nil
    ) {
        self.candidatesPerParticipant = candidatesPerParticipant
        self.congestion = congestion
        self.diversity = diversity
        self.wishBonus = wishBonus
        self.workers = workers
    }

    /// The candidates kept per participant for lists of `k`.
    public func candidates(forTop k: Int) -> Int { candidatesPerParticipant.map { max($0, k) } ?? max(k.saturatingMultiplied(by: 3), k.saturatingAdded(20)) }
}
