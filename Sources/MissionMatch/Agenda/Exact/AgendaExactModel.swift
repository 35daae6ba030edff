/// A mission's planning problem as plain numbers, for an exact solver (an
/// integer programme: one 0/1 variable per meeting and slot) that lives
/// outside this library, such as `MissionMatchExact`'s GLPK model.
///
/// Participants, slots and sessions are numbered from 0. Every rule the
/// planner keeps is here: a meeting only in ``Meeting/slots`` (both
/// available), at most ``representatives`` meetings per participant and
/// slot, at most ``capacity`` in all, at most ``tables`` per slot, each
/// meeting at most once; with fixed tables, each ``Meeting/holder`` holds its
/// representatives' tables for a whole session as soon as it has a meeting
/// in it, and the tables held in a session are at most ``tables``.
/// The objective, in order: `must` meetings, Σ min(meetings, ``minimum``), score.
public struct AgendaExactModel: Sendable {
    /// One possible meeting.
    public struct Meeting: Sendable {
        /// The two participants.
        public var a: Int, b: Int
        /// Its score in [0, 1].
        public var score: Double
        /// Whether a `must` request asks for it.
        public var isMust: Bool
        /// The slots where both participants are available, ascending.
        public var slots: [Int]
        /// With fixed tables, the participant whose table it takes.
        public var holder: Int?
    }

    /// How many participants.
    public var participantCount: Int
    /// How many slots.
    public var slotCount: Int
    /// The session of each slot.
    public var sessionOfSlot: [Int]
    /// How many sessions.
    public var sessionCount: Int
    /// Meetings that can run at once.
    public var tables: Int
    /// Meetings each participant can hold in one slot.
    public var representatives: [Int]
    /// The most meetings of each participant.
    public var capacity: [Int]
    /// Each participant's `min_meetings`.
    public var minimum: [Int]
    /// The possible meetings.
    public var meetings: [Meeting]
    /// Whether a fixed-table side is set (then every meeting has a ``Meeting/holder``).
    public var hasFixedTables: Bool
}

/// What an exact solver returns.
public struct AgendaExactSolution: Sendable {
    /// The slot of each of the model's meetings, `nil` when not held.
    public var slotOfMeeting: [Int?]
    /// Whether the solver proved the solution optimal in all three priorities.
    public var isProvenOptimal: Bool
    /// A short account, e.g. `GLPK: optimal in 1.2 s` or `GLPK: time limit, best found`.
    public var note: String

    /// Creates a solution.
    ///
    /// - Parameters:
    ///   - slotOfMeeting: The slot of each meeting, or `nil`.
    ///   - isProvenOptimal: Whether it is proven optimal.
    ///   - note: What the solver did.
    public init(slotOfMeeting: [Int?], isProvenOptimal: Bool, note: String) {
        self.slotOfMeeting = slotOfMeeting
        self.isProvenOptimal = isProvenOptimal
        self.note = note
    }
}

/// An exact solver the planner can call after its heuristic
/// (``AgendaPlanner/Options/exactSolver``). The planner checks the solution
/// against every rule and keeps it only when it is feasible and at least as
/// good in the priorities as its own agenda.
public protocol AgendaExactSolver: Sendable {
    /// Solves the model, returning the best solution found in the solver's time limit, or `nil` when it found none.
    ///
    /// - Parameter model: The problem.
    func solve(_ model: AgendaExactModel) -> AgendaExactSolution?
}
