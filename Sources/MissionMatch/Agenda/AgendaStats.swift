/// The figures of an agenda: how many meetings, how good, how fair, what is missing.
public struct AgendaStats: Sendable, Hashable, Codable {
    /// Minimum, median and maximum of the meetings per participant.
    public struct Spread: Sendable, Hashable, Codable {
        /// The fewest meetings any participant has.
        public var min: Int
        /// The median (the lower middle value for an even count).
        public var median: Int
        /// The most meetings any participant has.
        public var max: Int

        /// Creates the spread.
        public init(min: Int, median: Int, max: Int) {
            self.min = min
            self.median = median
            self.max = max
        }

        /// The spread of a list of counts; all zero for an empty list.
        ///
        /// - Parameter counts: Meetings per participant.
        /// - Complexity: O(*n* log *n*).
        public init(of counts: [Int]) {
            let sorted = counts.sorted()
            guard let first = sorted.first, let last = sorted.last else {
                self.init(min: 0, median: 0, max: 0)
                return
            }
            self.init(min: first, median: sorted[(sorted.count - 1) / 2], max: last)
        }
    }

    /// The number of scheduled meetings.
    public var meetings: Int
    /// The sum of the scores of the scheduled meetings.
    public var totalScore: Double
    /// A proven upper bound on `totalScore` for any feasible agenda of the same candidates.
    public var upperBound: Double
    /// `1 − totalScore / upperBound` (0 when the bound is 0).
    public var gap: Double
    /// How many participants have at least one meeting.
    public var participantsWithMeetings: Int
    /// How many participants the mission has.
    public var participants: Int
    /// Meetings per participant.
    public var meetingsPerParticipant: Spread
    /// Ids of participants below their minimum.
    public var unmetMinMeetings: [String]
    /// `must` requests that could not be scheduled, as `[from, to]`.
    public var unmetMustRequests: [[String]]
    /// Each priority level (`must` requests, minimums, score) with its bound;
    /// `nil` in agendas written before these figures existed.
    public var priorities: Priorities?

    /// Creates the figures.
    public init(
        meetings: Int, totalScore: Double, upperBound: Double, gap: Double, participantsWithMeetings: Int,
        participants: Int, meetingsPerParticipant: Spread, unmetMinMeetings: [String], unmetMustRequests: [[String]],
        priorities: Priorities? = nil
    ) {
        self.meetings = meetings
        self.totalScore = totalScore
        self.upperBound = upperBound
        self.gap = gap
        self.participantsWithMeetings = participantsWithMeetings
        self.participants = participants
        self.meetingsPerParticipant = meetingsPerParticipant
        self.unmetMinMeetings = unmetMinMeetings
        self.unmetMustRequests = unmetMustRequests
        self.priorities = priorities
    }

    enum CodingKeys: String, CodingKey {
        case meetings, gap, participants, priorities
        case totalScore = "total_score"
        case upperBound = "upper_bound"
        case participantsWithMeetings = "participants_with_meetings"
        case meetingsPerParticipant = "meetings_per_participant"
        case unmetMinMeetings = "unmet_min_meetings"
        case unmetMustRequests = "unmet_must_requests"
    }
}
