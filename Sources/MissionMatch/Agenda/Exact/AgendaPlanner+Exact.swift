extension AgendaPlanner {
    /// The timetable's problem as an ``AgendaExactModel`` (free edges only: call it without kept meetings).
    static func exactModel(_ timetable: Timetable) -> AgendaExactModel {
        let problem = timetable.problem
        let meetings = problem.edges.map { e -> AgendaExactModel.Meeting in
            let holder = timetable.fixedSide.map { problem.side[e.a] == $0 ? e.a : e.b }
            return AgendaExactModel.Meeting(
                a: e.a, b: e.b, score: e.score, isMust: e.mustRequest != nil,
                slots: (0..<problem.slotCount).filter { problem.isAvailable(e.a, $0) && problem.isAvailable(e.b, $0) }, holder: holder)
        }
        return AgendaExactModel(
            participantCount: problem.participants.count, slotCount: problem.slotCount, sessionOfSlot: problem.sessionOfSlot,
            sessionCount: problem.sessionCount, tables: problem.tables, representatives: problem.representatives,
            capacity: problem.capacity, minimum: problem.minMeetings, meetings: meetings, hasFixedTables: timetable.fixedSide != nil)
    }

    /// Runs the exact solver and replaces the timetable by its solution when
    /// that is feasible (every meeting placed through the timetable's own
    /// checks) and at least as good in the priorities.
    ///
    /// - Returns: A finding saying what the solver did.
    static func solveExactly(_ timetable: inout Timetable, with solver: any AgendaExactSolver) -> String {
        let problem = timetable.problem
        guard !problem.edges.indices.contains(where: { timetable.isLocked[$0] }) else {
            return "exact mode skipped: it does not plan around meetings kept from an earlier agenda"
        }
        guard let solution = solver.solve(exactModel(timetable)), solution.slotOfMeeting.count == problem.edges.count else {
            return "exact mode: the solver found no solution in its time limit; the heuristic's agenda is kept"
        }
        var exact = Timetable(problem: problem, fixedSide: timetable.fixedSide)
        for (edge, slot) in solution.slotOfMeeting.enumerated() {
            guard let slot else { continue }
            let e = problem.edges[edge]
            guard slot >= 0, slot < problem.slotCount, exact.hasRoom(e.a), exact.hasRoom(e.b), exact.fits(edge, at: slot) else {
                return "exact mode: the solver's solution breaks a rule (\(solution.note)); the heuristic's agenda is kept"
            }
            exact.place(edge, at: slot)
        }
        let heuristic = AgendaPriorities(timetable), found = AgendaPriorities(exact)
        if heuristic < found || (solution.isProvenOptimal && !(found < heuristic)) {
            timetable = exact
            return "exact mode: \(solution.note)" + (heuristic < found ? " (better than the heuristic)" : " (the heuristic's priorities and score)")
        }
        return "exact mode: \(solution.note); the heuristic's agenda is at least as good and is kept"
    }
}
