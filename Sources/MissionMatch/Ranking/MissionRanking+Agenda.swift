extension MissionRanking {
    /// The agenda planner's candidates from this ranking: every pair among
    /// each participant's first `limit` candidates (before congestion control
    /// and diversity, which only shape the lists people read), once, with its
    /// score clamped to [0, 1] (a `wish` bonus included) and its reasons.
    ///
    /// In a bipartite mission `participantA` is the first side's participant.
    ///
    /// - Parameter limit: Candidates per participant (default 30).
    /// - Returns: The candidate pairs, in participant order.
    /// - Complexity: O(*n* · `limit`) pairs, each explained once.
    public func agendaCandidates(limit: Int = 30) -> [AgendaCandidate] {
        candidatePairs(limit: limit).map { pair in
            var (a, b) = (pair.a, pair.b)
            if let sideA = participants[a].side, let sideB = participants[b].side, sideB < sideA { swap(&a, &b) }
            return AgendaCandidate(
                participants[a].id, participants[b].id, score: Double(min(1, max(0, pair.score))), reasons: reasons(a, b))
        }
    }
}
