/// The planner's objective, compared lexicographically: `must` requests met,
/// then meetings counted towards minimums (Σ min(meetings, min_meetings)),
/// then total score.
struct AgendaPriorities: Sendable, Comparable {
    /// `must` requests met.
    var musts: Int
    /// Σ over participants of min(meetings, min_meetings).
    var served: Int
    /// Total score of the meetings.
    var score: Double

    /// Scores closer than this are equal (sums of doubles in different orders).
    static let scoreTolerance = 1e-9

    static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.musts != rhs.musts { return lhs.musts < rhs.musts }
        if lhs.served != rhs.served { return lhs.served < rhs.served }
        return lhs.score < rhs.score - scoreTolerance
    }

    static func == (lhs: Self, rhs: Self) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    /// The priorities of a timetable (locked meetings included), from its running totals.
    init(_ timetable: Timetable) {
        self.init(musts: timetable.mustsPlaced, served: timetable.minimumsServed, score: timetable.totalScore)
    }

    init(musts: Int, served: Int, score: Double) {
        self.musts = musts
        self.served = served
        self.score = score
    }
}
