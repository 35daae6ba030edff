extension MissionRanking {
    /// The position of a participant in ``participants`` (and in every list indexed alike), or `nil`.
    ///
    /// - Complexity: O(*n*) for *n* participants.
    public func index(of participantID: String) -> Int? {
        participants.firstIndex { $0.id == participantID }
    }

    /// A participant's recommendations, rank 1 first; empty for an unknown id.
    ///
    /// ```swift
    /// for r in ranking.recommendations(for: "tor-eu-001") { print(r.rank, r.partner, r.reasons) }
    /// ```
    ///
    /// - Complexity: O(*n*) for *n* participants.
    public func recommendations(for participantID: String) -> [Recommendation] {
        index(of: participantID).map { recommendations[$0] } ?? []
    }

    /// The reasons sentence of a pair, from the first participant's point of view; `nil` for an unknown id.
    ///
    /// - Complexity: O(*n*) for *n* participants, plus the explanation's.
    public func reasons(for participantID: String, with partnerID: String) -> String? {
        guard let a = index(of: participantID), let b = index(of: partnerID) else { return nil }
        return reasons(a, b)
    }
}
