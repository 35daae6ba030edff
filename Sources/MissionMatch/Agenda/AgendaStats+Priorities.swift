extension AgendaStats {
    /// The agenda per priority level — `must` requests, meetings towards
    /// minimums, score — each with a proven upper bound that respects the
    /// levels above it (see ``AgendaPlanner`` and `docs/Planning.md` for what each
    /// bound relaxes).
    public struct Priorities: Sendable, Hashable, Codable {
        /// Distinct pairs asked for by `must` requests that are candidates.
        public var mustRequests: Int
        /// Those met by the agenda.
        public var mustRequestsMet: Int
        /// No agenda meets more.
        public var mustRequestsBound: Int
        /// Σ over participants of min(meetings, min_meetings).
        public var minMeetingsServed: Int
        /// No agenda meeting at least ``mustRequestsMet`` serves more.
        public var minMeetingsServedBound: Int
        /// No agenda meeting at least ``mustRequestsMet`` and serving at least
        /// ``minMeetingsServed`` scores more (at most ``AgendaStats/upperBound``).
        public var scoreBound: Double
        /// 1 − total score ÷ ``scoreBound`` (0 when the bound is 0).
        public var scoreGap: Double

        /// Creates the figures.
        public init(mustRequests: Int, mustRequestsMet: Int, mustRequestsBound: Int, minMeetingsServed: Int,
                    minMeetingsServedBound: Int, scoreBound: Double, scoreGap: Double) {
            self.mustRequests = mustRequests
            self.mustRequestsMet = mustRequestsMet
            self.mustRequestsBound = mustRequestsBound
            self.minMeetingsServed = minMeetingsServed
            self.minMeetingsServedBound = minMeetingsServedBound
            self.scoreBound = scoreBound
            self.scoreGap = scoreGap
        }

        enum CodingKeys: String, CodingKey {
            case mustRequests = "must_requests"
            case mustRequestsMet = "must_requests_met"
            case mustRequestsBound = "must_requests_bound"
            case minMeetingsServed = "min_meetings_served"
            case minMeetingsServedBound = "min_meetings_served_bound"
            case scoreBound = "score_bound"
            case scoreGap = "score_gap"
        }
    }
}
