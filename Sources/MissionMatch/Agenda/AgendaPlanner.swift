/// Plans a mission's B2B meetings: who meets whom, in which slot, at which
/// table, honouring every participant's availability, representatives and
/// meeting limits, the mission's tables and the organiser's requests — and
/// proves how close the plan is to the best possible one.
///
/// ```swift
/// let candidates = scores.map { AgendaCandidate($0) }          // or the engine's ranking
/// let plan = try AgendaPlanner().plan(mission: mission, participants: participants,
///                                 requests: requests, candidates: candidates)
/// plan.agenda.stats.gap        // 1 − total score ÷ upper bound, e.g. 0.004
/// plan.findings                // what limits the agenda, in words an organiser can act on
/// ```
///
/// How it works:
/// 1. **Bound**: a maximum-weight b-matching of the candidates (each
///    participant's capacity = min(max meetings, available slots ×
///    representatives); in all at most slots × tables), exact by min-cost
///    flow for bipartite missions; for open missions half the optimum of the
///    bipartite double cover. Its value is ``AgendaStats/upperBound``.
/// 2. **Timetable**: meetings kept from an earlier agenda stay fixed; `must`
///    requests go first; then the planner aims for a second b-matching of the
///    free candidates, one that serves the most meetings towards `min_meetings`
///    and among those scores the most (each such meeting earns a bonus above
///    any total score): each participant below its `min_meetings` gets its
///    best free candidates (that b-matching's first), then the b-matching's
///    meetings by score, then every other candidate by score (filling free
///    capacity). A meeting that
///    fits no common free slot is placed after repairs (moving one meeting to
///    free a table; swapping two slots along an alternating Kempe chain).
///    Slots are chosen to keep each participant's sessions compact.
/// 3. **Improve**: a candidate left out replaces a weaker meeting of a full
///    participant when that raises the total; then a local search in the
///    lexicographic order itself (`must`s, minimums
///    served, score) inserts candidates or exchanges them for one blocking
///    meeting, keeping only strict improvements, until it reaches the level
///    bounds or its trial budget.
/// 4. **Bounds per level** (``AgendaStats/priorities``): Lagrangian
///    relaxations of the same b-matching bound the `must`s met, the minimums
///    served given those, and the score given both.
/// 5. **Exact mode** (optional, ``Options/exactSolver``): an external solver's
///    agenda replaces the heuristic's when it is feasible and better.
///
/// Every agenda is audited from its meetings in debug builds (the internal `AgendaAudit`).
/// The result is deterministic: the same inputs give the same agenda (with
/// an exact solver, as long as it finishes within its time limit).
public struct AgendaPlanner: Sendable {
    /// Settings of the planner.
    public struct Options: Sendable, Hashable {
        /// A side of a bipartite mission whose participants keep one table per
        /// session (as many as their representatives), e.g. the visiting
        /// consortium; `nil` to number tables freely per slot.
        public var fixedTableSide: Side?
        /// The producing program and version written into the agenda.
        public var generator: String
        /// An exact solver run after the heuristic (`schedule --exact`), or `nil`.
        public var exactSolver: (any AgendaExactSolver)?

        /// Creates options.
        ///
        /// - Parameters:
        ///   - fixedTableSide: The side that keeps its tables, if any.
        ///   - generator: The program and version, e.g. `missionmatch 0.1.0`.
        ///   - exactSolver: An exact solver to run after the heuristic, if any.
        public init(fixedTableSide: Side? = nil, generator: String = "MissionMatch", exactSolver: (any AgendaExactSolver)? = nil) {
            self.fixedTableSide = fixedTableSide
            self.generator = generator
            self.exactSolver = exactSolver
        }

        public static func == (lhs: Options, rhs: Options) -> Bool {
            lhs.fixedTableSide == rhs.fixedTableSide && lhs.generator == rhs.generator && (lhs.exactSolver == nil) == (rhs.exactSolver == nil)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(fixedTableSide)
            hasher.combine(generator)
            hasher.combine(exactSolver == nil)
        }
    }

    /// The planner's settings.
    public var options: Options

    /// Creates a planner.
    ///
    /// - Parameter options: The settings.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Plans the agenda of a mission.
    ///
    /// - Parameters:
    ///   - mission: The mission (slots, tables, limits, pairing).
    ///   - participants: Its participants, in file order.
    ///   - requests: The organiser's `must`, `wish` and `block` requests.
    ///   - candidates: The pairs that may meet, with scores: a pair-scores file's
    ///     pairs or the engine's top partners. Unknown ids, self pairs, pairs on
    ///     one side of a bipartite mission and `block`ed pairs are left out;
    ///     a pair listed twice keeps its best score. `must` pairs are added
    ///     (score 0) when missing.
    ///   - previous: Meetings of an earlier agenda to keep fixed (`--keep`).
    /// - Returns: The agenda with its statistics, and the findings that explain what limits it.
    /// - Throws: ``MissionInputError`` for input validation would have refused: duplicate
    ///   participant ids, a bipartite mission without exactly two sides or a participant
    ///   outside them, a participant with no representative.
    /// - Complexity: The bound: cost-scaling min-cost flow, about a second per
    ///   million candidates; the timetable: O(*m* · *s*) for *m* candidates and
    ///   *s* slots, plus the repairs of meetings that do not fit directly.
    public func plan(
        mission: Mission, participants: [Participant], requests: [MeetingRequest],
        candidates: [AgendaCandidate], keeping previous: [KeptMeeting] = []
    ) throws(MissionInputError) -> AgendaPlan {
        try MissionInputError.check(mission: mission, participants: participants)
        return plan(mission: mission, participants: participants, requests: requests, candidates: candidates, keeping: previous,
             finishingExactly: true)
    }

    /// ``plan(mission:participants:requests:candidates:keeping:)``, optionally
    /// without the exhaustive finish of tiny instances (tests of the heuristic).
    func plan(
        mission: Mission, participants: [Participant], requests: [MeetingRequest],
        candidates: [AgendaCandidate], keeping previous: [KeptMeeting], finishingExactly: Bool
    ) -> AgendaPlan {
        var problem = PlanningProblem(mission: mission, participants: participants, requests: requests, candidates: candidates)
        var findings: [AgendaFinding] = []
        let fixedSide = fixedSideIndex(in: mission, findings: &findings)
        let kept = Self.resolveKept(previous, in: &problem)
        var timetable = Timetable(problem: problem, fixedSide: fixedSide)
        for lock in kept.locked { timetable.place(lock.edge, at: lock.slot, locked: true) }

        let bound = Self.upperBound(problem, timetable: timetable, lockedScore: kept.locked.reduce(0) { $0 + $1.meeting.score })
        let levels = LevelRelaxation(timetable, scoreBound: bound.value)
        Self.schedule(&timetable, selected: bound.selected, target: levels.target, minimumTarget: levels.minimumTarget,
                      finishingExactly: finishingExactly)
        if let solver = options.exactSolver { findings.append(.exactMode(Self.solveExactly(&timetable, with: solver))) }
        var agenda = assemble(timetable, kept: kept, upperBound: bound.value)
        agenda.stats.priorities = levels.priorities(planned: AgendaPriorities(timetable))
        assert(Self.auditPasses(agenda, timetable: timetable, kept: kept))
        findings += Self.findings(timetable, agenda: agenda)
        return AgendaPlan(agenda: agenda, findings: findings, boundMethod: bound.method)
    }

    private func fixedSideIndex(in mission: Mission, findings: inout [AgendaFinding]) -> Int? {
        guard let side = options.fixedTableSide else { return nil }
        guard mission.pairing == .bipartite, let position = mission.sides.firstIndex(of: side) else {
            findings.append(.fixedTableSideIgnored(side, openMission: mission.pairing == .open))
            return nil
        }
        return position == 0 ? 0 : 1
    }
}

/// The result of ``AgendaPlanner/plan(mission:participants:requests:candidates:keeping:)``.
public struct AgendaPlan: Sendable {
    /// The agenda, ready for the writers and exporters.
    public var agenda: Agenda
    /// What limits the agenda (tables, limits, unmet requests and minimums)
    /// and what the planner did besides planning, most important first; empty
    /// when nothing does. Each is a value; its `description` is the sentence.
    public var findings: [AgendaFinding]
    /// How the upper bound was obtained, e.g. `exact b-matching (min-cost flow)`.
    public var boundMethod: String

    /// Creates a plan.
    ///
    /// - Parameters:
    ///   - agenda: The agenda.
    ///   - findings: The explanations.
    ///   - boundMethod: How the bound was computed.
    public init(agenda: Agenda, findings: [AgendaFinding], boundMethod: String) {
        self.agenda = agenda
        self.findings = findings
        self.boundMethod = boundMethod
    }
}
