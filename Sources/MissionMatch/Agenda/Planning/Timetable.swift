/// Meetings placed in slots, with the counts every constraint needs:
/// meetings per participant per slot (≤ representatives, only in available
/// slots), per participant (≤ capacity), per slot (≤ tables) and, with a
/// fixed-table side, the tables each such participant holds per session.
struct Timetable {
    let problem: PlanningProblem
    /// The side whose participants keep one table per session (its representatives' worth), if any.
    let fixedSide: Int?
    /// The slot of each edge, or -1 when not placed.
    private(set) var slotOfEdge: [Int]
    /// Whether an edge is kept from an earlier agenda and may not move.
    private(set) var isLocked: [Bool]
    /// `busy[p * slotCount + s]`: meetings of `p` in slot `s`.
    private(set) var busy: [Int]
    /// Meetings per participant.
    private(set) var meetingCount: [Int]
    /// Meetings per slot.
    private(set) var load: [Int]
    /// The placed edges of each participant.
    private(set) var edgesOf: [[Int]]
    /// The placed edges of each slot.
    private(set) var edgesAt: [[Int]]
    /// `sessionMeetings[p * sessionCount + σ]`: meetings of a fixed-side participant in session σ.
    private var sessionMeetings: [Int]
    /// Tables held in each session by fixed-side participants.
    private var heldTables: [Int]
    /// Placed edges asked for by a `must` request.
    private(set) var mustsPlaced = 0
    /// Σ over participants of min(meetings, min_meetings).
    private(set) var minimumsServed = 0
    /// Sum of the placed edges' scores.
    private(set) var totalScore = 0.0
    /// While a trial is open (``beginTrial()``), every placement and removal
    /// as (edge, slot, placed), so that ``rollBack()`` can undo them.
    private var journal: [(edge: Int, slot: Int, placed: Bool)]?

    init(problem: PlanningProblem, fixedSide: Int?) {
        self.problem = problem
        self.fixedSide = fixedSide
        slotOfEdge = Array(repeating: -1, count: problem.edges.count)
        isLocked = Array(repeating: false, count: problem.edges.count)
        busy = Array(repeating: 0, count: problem.participants.count * problem.slotCount)
        meetingCount = Array(repeating: 0, count: problem.participants.count)
        load = Array(repeating: 0, count: problem.slotCount)
        edgesOf = Array(repeating: [], count: problem.participants.count)
        edgesAt = Array(repeating: [], count: problem.slotCount)
        sessionMeetings = Array(repeating: 0, count: fixedSide == nil ? 0 : problem.participants.count * problem.sessionCount)
        heldTables = Array(repeating: 0, count: problem.sessionCount)
    }

    var slotCount: Int { problem.slotCount }

    func isPlaced(_ edge: Int) -> Bool { slotOfEdge[edge] >= 0 }

    func busy(_ p: Int, _ s: Int) -> Int { busy[p * slotCount + s] }

    /// Whether `p` could take one more meeting in slot `s`.
    func isFree(_ p: Int, _ s: Int) -> Bool {
        problem.isAvailable(p, s) && busy[p * slotCount + s] < problem.representatives[p]
    }

    /// Whether `p` may have one more meeting in all.
    func hasRoom(_ p: Int) -> Bool { meetingCount[p] < problem.capacity[p] }

    /// The participant of an edge on the fixed-table side, if that option is on.
    private func fixedParticipant(_ edge: Int) -> Int? {
        guard let fixedSide else { return nil }
        let e = problem.edges[edge]
        return problem.side[e.a] == fixedSide ? e.a : problem.side[e.b] == fixedSide ? e.b : nil
    }

    /// Whether the slot has a table for the edge (a free table, and with fixed tables
    /// a table the fixed-side participant holds or can still take in that session).
    func hasTable(for edge: Int, at s: Int) -> Bool {
        guard load[s] < problem.tables else { return false }
        guard let f = fixedParticipant(edge) else { return true }
        let session = problem.sessionOfSlot[s]
        if sessionMeetings[f * problem.sessionCount + session] > 0 { return true }
        return heldTables[session] + problem.representatives[f] <= problem.tables
    }

    /// Whether the edge can go in slot `s` as things stand (ignoring the meeting totals).
    func fits(_ edge: Int, at s: Int) -> Bool {
        let e = problem.edges[edge]
        return isFree(e.a, s) && isFree(e.b, s) && hasTable(for: edge, at: s)
    }

    /// Puts an edge in a slot; the caller has checked ``fits(_:at:)`` (or is restoring a kept meeting).
    mutating func place(_ edge: Int, at s: Int, locked: Bool = false) {
        precondition(slotOfEdge[edge] < 0, "edge placed twice")
        let e = problem.edges[edge]
        slotOfEdge[edge] = s
        isLocked[edge] = locked
        for p in [e.a, e.b] {
            busy[p * slotCount + s] += 1
            meetingCount[p] += 1
            edgesOf[p].append(edge)
        }
        load[s] += 1
        edgesAt[s].append(edge)
        if let f = fixedParticipant(edge) {
            let session = problem.sessionOfSlot[s], key = f * problem.sessionCount + session
            if sessionMeetings[key] == 0 { heldTables[session] += problem.representatives[f] }
            sessionMeetings[key] += 1
        }
        if meetingCount[e.a] <= problem.minMeetings[e.a] { minimumsServed += 1 }
        if meetingCount[e.b] <= problem.minMeetings[e.b] { minimumsServed += 1 }
        if e.mustRequest != nil { mustsPlaced += 1 }
        totalScore += e.score
        journal?.append((edge, s, true))
    }

    /// Takes an unlocked edge out of its slot.
    mutating func remove(_ edge: Int) {
        let s = slotOfEdge[edge]
        precondition(s >= 0 && !isLocked[edge], "removing an edge that is not placed or locked")
        let e = problem.edges[edge]
        slotOfEdge[edge] = -1
        for p in [e.a, e.b] {
            busy[p * slotCount + s] -= 1
            meetingCount[p] -= 1
            if let position = edgesOf[p].firstIndex(of: edge) { edgesOf[p].remove(at: position) }
        }
        load[s] -= 1
        if let position = edgesAt[s].firstIndex(of: edge) { edgesAt[s].remove(at: position) }
        if let f = fixedParticipant(edge) {
            let session = problem.sessionOfSlot[s], key = f * problem.sessionCount + session
            sessionMeetings[key] -= 1
            if sessionMeetings[key] == 0 { heldTables[session] -= problem.representatives[f] }
        }
        if meetingCount[e.a] < problem.minMeetings[e.a] { minimumsServed -= 1 }
        if meetingCount[e.b] < problem.minMeetings[e.b] { minimumsServed -= 1 }
        if e.mustRequest != nil { mustsPlaced -= 1 }
        totalScore -= e.score
        journal?.append((edge, s, false))
    }

    /// Starts recording placements and removals so that they can be undone.
    mutating func beginTrial() { journal = [] }

    /// Keeps what was done since ``beginTrial()``.
    mutating func commitTrial() { journal = nil }

    /// Undoes everything done since ``beginTrial()``, newest first.
    mutating func rollBack() {
        guard let steps = journal else { return }
        journal = nil
        for step in steps.reversed() {
            if step.placed { remove(step.edge) } else { place(step.edge, at: step.slot) }
        }
    }

    /// Moves an unlocked edge to another slot without checks (used inside repairs, which check afterwards).
    mutating func move(_ edge: Int, to s: Int) {
        remove(edge)
        place(edge, at: s)
    }

    /// Whether every count is within its limit (for repairs that check after moving).
    func isConsistent(slots: [Int], participants: [Int]) -> Bool {
        for s in slots where load[s] > problem.tables { return false }
        for p in participants {
            for s in slots where busy[p * slotCount + s] > (problem.isAvailable(p, s) ? problem.representatives[p] : 0) {
                return false
            }
        }
        if fixedSide != nil {
            for s in slots where heldTables[problem.sessionOfSlot[s]] > problem.tables { return false }
        }
        return true
    }
}
