/// The planner's own check of a finished agenda against every rule it must
/// keep, recomputed from the meetings (not from the timetable's counters):
/// slots and tables, fixed tables, representatives, availability, maximum
/// meetings, blocked and same-side pairs, and no pair twice.
///
/// ``AgendaPlanner`` runs it on every agenda in debug builds (and so in every
/// test) and stops on a violation; release builds skip it.
struct AgendaAudit {
    let problem: PlanningProblem
    /// The side whose participants keep their tables for a whole session, if any.
    let fixedSide: Int?

    /// The rules the agenda breaks, in words; empty when it is feasible.
    ///
    /// - Parameter lockedIDs: Ids of meetings kept from an earlier agenda;
    ///   their own table numbers are not held to the fixed-table layout.
    func violations(_ agenda: Agenda, lockedIDs: Set<String> = []) -> [String] {
        var problems: [String] = []
        let sessions = problem.sessionCount
        var tableUse = Set<Int>(), pairs = Set<PlanningProblem.PairKey>()
        var perSlot = [Int: Int](), perParticipant = [Int](repeating: 0, count: problem.participants.count)
        var holderOfTable = [Int: Int]()   // (session, table) → fixed-side participant
        var holders = [Set<Int>](repeating: [], count: sessions)
        for meeting in agenda.meetings {
            let name = "meeting \(meeting.participantA)–\(meeting.participantB)"
            guard let x = problem.index[meeting.participantA], let y = problem.index[meeting.participantB] else {
                problems.append("\(name): unknown participant"); continue
            }
            guard meeting.slot >= 0, meeting.slot < problem.slotCount else {
                problems.append("\(name): slot \(meeting.slot) does not exist"); continue
            }
            let s = meeting.slot
            if !problem.isAllowedPair(x, y) { problems.append("\(name): pair not allowed (self, blocked or same side)") }
            if !pairs.insert(.init(x, y)).inserted { problems.append("\(name): the pair meets twice") }
            if meeting.table < 1 || meeting.table > problem.tables {
                problems.append("\(name): table \(meeting.table) of \(problem.tables)")
            }
            if !tableUse.insert(s * (problem.tables + 1) + meeting.table).inserted {
                problems.append("\(name): table \(meeting.table) used twice in slot \(s)")
            }
            for p in [x, y] {
                if !problem.isAvailable(p, s) { problems.append("\(name): \(problem.participants[p].id) not available in slot \(s)") }
                perSlot[p * problem.slotCount + s, default: 0] += 1
                if perSlot[p * problem.slotCount + s, default: 0] == problem.representatives[p] + 1 {
                    problems.append("\(problem.participants[p].id): more meetings than representatives in slot \(s)")
                }
                perParticipant[p] += 1
            }
            if let fixedSide {
                let holder = problem.side[x] == fixedSide ? x : y
                let session = problem.sessionOfSlot[s]
                holders[session].insert(holder)
                if !lockedIDs.contains(meeting.id) {
                    let key = session * (problem.tables + 1) + meeting.table
                    if let other = holderOfTable[key], other != holder {
                        problems.append("\(name): table \(meeting.table) is held by \(problem.participants[other].id) in that session")
                    }
                    holderOfTable[key] = holder
                }
            }
        }
        for p in perParticipant.indices {
            if let limit = problem.maxMeetings[p], perParticipant[p] > limit {
                problems.append("\(problem.participants[p].id): \(perParticipant[p]) meetings, max \(limit)")
            }
        }
        if fixedSide != nil {
            for session in 0..<sessions {
                let held = holders[session].reduce(0) { $0 + problem.representatives[$1] }
                if held > problem.tables { problems.append("session \(session): fixed-side participants hold \(held) tables of \(problem.tables)") }
            }
        }
        return problems
    }
}

extension AgendaPlanner {
    /// Whether the agenda passes ``AgendaAudit`` (called inside `assert`, so
    /// only in debug builds). Violations already present among the meetings
    /// kept from an earlier agenda are not the planner's and are tolerated,
    /// and with kept meetings fixed tables are not checked (kept meetings keep
    /// their own tables, so the layout is not guaranteed then; see `docs/Planning.md`).
    static func auditPasses(_ agenda: Agenda, timetable: Timetable, kept: Kept) -> Bool {
        let audit = AgendaAudit(problem: timetable.problem, fixedSide: kept.locked.isEmpty ? timetable.fixedSide : nil)
        let lockedIDs = Set(kept.locked.map(\.meeting.id))
        let problems = audit.violations(agenda, lockedIDs: lockedIDs)
        guard !problems.isEmpty else { return true }
        var lockedOnly = agenda
        lockedOnly.meetings = agenda.meetings.filter { lockedIDs.contains($0.id) }
        if !audit.violations(lockedOnly, lockedIDs: lockedIDs).isEmpty { return true }
        print("AgendaAudit: infeasible agenda for \(agenda.mission): \(problems)")
        return false
    }
}
