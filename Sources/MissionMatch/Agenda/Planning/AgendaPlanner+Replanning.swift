extension AgendaPlanner {
    /// Meetings of an earlier agenda sorted into those kept (locked) and those cancelled.
    struct Kept {
        struct Lock {
            var edge: Int
            var slot: Int
            /// The meeting as written out: the earlier one, in its current slot, locked.
            var meeting: ScheduledMeeting
        }

        var locked: [Lock] = []
        var cancelled: [CancelledMeeting] = []
    }

    /// Decides for each earlier meeting whether it still stands: both
    /// participants present, the pair allowed, its slot and table still in the
    /// mission, both available then, and no clash with a meeting kept before it.
    /// Kept meetings become locked edges of the problem.
    static func resolveKept(_ previous: [KeptMeeting], in problem: inout PlanningProblem) -> Kept {
        var kept = Kept()
        var slotOfTime: [String: Int] = [:]
        for slot in problem.slots { slotOfTime["\(slot.date) \(slot.start)"] = slot.index }
        var busy: [Int: Int] = [:], count: [Int: Int] = [:]
        var tableTaken = Set<Int>(), pairs = Set<PlanningProblem.PairKey>()
        let ordered = previous.filter { $0.meeting.status == .scheduled }
            .sorted { ($0.date, $0.start, $0.meeting.table, $0.meeting.id) < ($1.date, $1.start, $1.meeting.table, $1.meeting.id) }
        for item in ordered {
            let meeting = item.meeting
            let when = "\(item.date) \(item.start)"
            func cancel(_ reason: String) {
                kept.cancelled.append(CancelledMeeting(id: meeting.id, participantA: meeting.participantA,
                                                       participantB: meeting.participantB, reason: reason))
            }
            let x = problem.index[meeting.participantA], y = problem.index[meeting.participantB]
            guard let x, let y else {
                let gone = [meeting.participantA, meeting.participantB].filter { problem.index[$0] == nil }
                cancel(gone.joined(separator: " and ") + " withdrew")
                continue
            }
            guard x != y else { cancel("a participant cannot meet itself"); continue }
            if problem.blocked.contains(.init(x, y)) { cancel("the pair is now blocked by a request"); continue }
            if problem.isBipartite && problem.side[x] == problem.side[y] {
                cancel("\(meeting.participantA) and \(meeting.participantB) are now on the same side"); continue
            }
            guard let slot = slotOfTime[when] else { cancel("its slot \(when) is no longer in the mission's sessions"); continue }
            guard meeting.table >= 1, meeting.table <= problem.tables else {
                cancel("table \(meeting.table) no longer exists (the mission has \(problem.tables) tables)"); continue
            }
            if let away = [x, y].first(where: { !problem.isAvailable($0, slot) }) {
                cancel("\(problem.participants[away].id) is no longer available at \(when)"); continue
            }
            guard !pairs.contains(.init(x, y)) else { cancel("the pair already has another kept meeting"); continue }
            guard tableTaken.insert(slot * (problem.tables + 1) + meeting.table).inserted else {
                cancel("table \(meeting.table) at \(when) is taken by another kept meeting"); continue
            }
            if let full = [x, y].first(where: { busy[$0 * problem.slotCount + slot, default: 0] >= problem.representatives[$0] }) {
                tableTaken.remove(slot * (problem.tables + 1) + meeting.table)
                cancel("\(problem.participants[full].id) already has a kept meeting at \(when)"); continue
            }
            if let full = [x, y].first(where: { count[$0, default: 0] >= problem.capacity[$0] }) {
                tableTaken.remove(slot * (problem.tables + 1) + meeting.table)
                cancel("\(problem.participants[full].id) now has room for only \(problem.capacity[full]) meeting(s)"); continue
            }
            pairs.insert(.init(x, y))
            for p in [x, y] {
                busy[p * problem.slotCount + slot, default: 0] += 1
                count[p, default: 0] += 1
            }
            let edge = problem.addKeptEdge(x, y, score: meeting.score, reasons: meeting.reasons)
            var locked = meeting
            locked.slot = slot
            locked.locked = true
            locked.status = .scheduled
            kept.locked.append(.init(edge: edge, slot: slot, meeting: locked))
        }
        return kept
    }
}
