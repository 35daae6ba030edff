extension OutcomeReport {
    /// One recommendation as it was handed out: `partner` ranked `rank`
    /// (from 1) for `participant` — a row of `recommendations.csv`.
    public struct Recommendation: Sendable, Hashable {
        /// Whose list it is in.
        public var participant: String
        /// The partner recommended.
        public var partner: String
        /// The partner's rank in the list, from 1.
        public var rank: Int
        /// The pair's score, if known.
        public var score: Double?

        /// Creates a recommendation.
        ///
        /// - Parameters:
        ///   - participant: Whose list it is in.
        ///   - partner: The partner recommended.
        ///   - rank: The rank, from 1.
        ///   - score: The pair's score.
        public init(participant: String, partner: String, rank: Int, score: Double? = nil) {
            self.participant = participant
            self.partner = partner
            self.rank = rank
            self.score = score
        }
    }
}
