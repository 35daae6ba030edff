extension AgendaPlanner {
    /// A `must` request that is not in the agenda, with why.
    struct UnmetMust {
        var request: MeetingRequest
        var reason: String
    }

    /// Why participant `p` has fewer meetings than its minimum, in words an organiser can act on.
    static func unmetReason(_ p: Int, _ timetable: Timetable) -> String {
        let problem = timetable.problem
        let need = problem.minMeetings[p], slots = problem.availableSlots[p]
        if let limit = problem.maxMeetings[p], limit < need { return "max_meetings \(limit) is below min_meetings \(need)" }
        if slots == 0 { return "not available in any slot of the mission" }
        if slots * problem.representatives[p] < need { return "available in only \(plural(slots, "slot")) for min_meetings \(need)" }
        let candidates = problem.incident[p]
        if candidates.isEmpty {
            return "no candidate partner" + (problem.isBipartite ? " on the other side" : "") + " shares an available slot"
        }
        if candidates.count < need { return "only \(plural(candidates.count, "candidate partner")) for min_meetings \(need)" }
        let open = candidates.filter { !timetable.isPlaced($0) }
        let partners = open.map { problem.edges[$0].a == p ? problem.edges[$0].b : problem.edges[$0].a }
        let withRoom = partners.filter { timetable.hasRoom($0) }
        if withRoom.isEmpty {
            return "all \(plural(open.count, "other candidate")) already have their maximum of meetings"
        }
        let freeSlots = (0..<problem.slotCount).filter { timetable.isFree(p, $0) }
        let together = freeSlots.filter { s in withRoom.contains { timetable.isFree($0, s) } }
        if together.isEmpty { return "no candidate is free in their \(plural(freeSlots.count, "available slot"))" }
        return "all \(problem.tables) tables are taken in the \(plural(together.count, "slot")) where they and a candidate are free"
    }

    /// The `must` requests not scheduled, in request order, with why.
    static func unmetMusts(_ timetable: Timetable) -> [UnmetMust] {
        let problem = timetable.problem
        var result: [UnmetMust] = []
        for request in problem.requests where request.priority == .must {
            guard let x = problem.index[request.from], let y = problem.index[request.to] else { continue }
            if let edge = problem.edgeOfPair[.init(x, y)], timetable.isPlaced(edge) { continue }
            let reason: String
            if problem.blocked.contains(.init(x, y)) {
                reason = "the pair is also blocked"
            } else if !problem.isAllowedPair(x, y) {
                reason = "the two cannot meet in this mission (same participant or same side)"
            } else if !problem.hasCommonSlot(x, y) {
                reason = "\(request.from) and \(request.to) share no available slot"
            } else if let full = [x, y].first(where: { !timetable.hasRoom($0) }) {
                reason = "\(problem.participants[full].id) has no room for more meetings (\(problem.capacity[full]) at most)"
            } else {
                reason = "no slot could be freed where both are available and a table is free"
            }
            result.append(UnmetMust(request: request, reason: reason))
        }
        return result
    }

    /// What limits the agenda, most important first.
    static func findings(_ timetable: Timetable, agenda: Agenda) -> [AgendaFinding] {
        let problem = timetable.problem
        var findings: [AgendaFinding] = []
        let places = problem.slotCount * problem.tables
        func wanted(_ limit: Int) -> Int {
            let capacities = problem.capacity.map { min($0, limit) }
            if problem.isBipartite {
                let first = problem.participants.indices.filter { problem.side[$0] == 0 }.reduce(0) { $0 + capacities[$1] }
                let second = problem.participants.indices.filter { problem.side[$0] == 1 }.reduce(0) { $0 + capacities[$1] }
                return min(first, second)
            }
            return capacities.reduce(0, +) / 2
        }
        let largest = problem.capacity.max() ?? 0
        let wantedMeetings = wanted(largest)
        if wantedMeetings > places, problem.slotCount > 0 {
            let moreTables = (wantedMeetings + problem.slotCount - 1) / problem.slotCount - problem.tables
            let fitting = stride(from: largest, through: 0, by: -1).first { wanted($0) <= places } ?? 0
            findings.append(.tooFewPlaces(tables: problem.tables, slots: problem.slotCount, places: places, wanted: wantedMeetings,
                                          addTables: moreTables, maxMeetingsThatFit: fitting))
        }
        if problem.isBipartite, problem.mission.sides.count == 2 {
            let sums = (0...1).map { side in problem.participants.indices.filter { problem.side[$0] == side }.reduce(0) { $0 + problem.capacity[$1] } }
            if sums[0] != sums[1], min(sums[0], sums[1]) > 0 {
                let (small, large) = sums[0] < sums[1] ? (0, 1) : (1, 0)
                findings.append(.unbalancedSides(smaller: problem.mission.sides[small], capacity: sums[small],
                                                 larger: problem.mission.sides[large], wanted: sums[large]))
            }
        }
        let minimumsNeeded = problem.isBipartite
            ? (0...1).map { side in problem.participants.indices.filter { problem.side[$0] == side }.reduce(0) { $0 + problem.minMeetings[$1] } }.max() ?? 0
            : (problem.minMeetings.reduce(0, +) + 1) / 2
        if minimumsNeeded > places, problem.slotCount > 0 {
            let moreTables = (minimumsNeeded + problem.slotCount - 1) / problem.slotCount - problem.tables
            findings.append(.minimumsExceedPlaces(needed: minimumsNeeded, tables: problem.tables, slots: problem.slotCount,
                                                  places: places, addTables: moreTables))
        }
        for unmet in unmetMusts(timetable) {
            findings.append(.unmetMustRequest(from: unmet.request.from, to: unmet.request.to, reason: unmet.reason))
        }
        let below = agenda.participants.filter { $0.unmetReason != nil }
        if !below.isEmpty {
            findings.append(.belowMinimum(below.map { .init(participant: $0.id, reason: $0.unmetReason ?? "") }))
        }
        if problem.droppedForNoCommonSlot > 0 {
            findings.append(.pairsWithoutCommonSlot(problem.droppedForNoCommonSlot))
        }
        if problem.droppedAsInvalid > 0 {
            findings.append(.invalidPairs(problem.droppedAsInvalid))
        }
        if !agenda.cancelled.isEmpty {
            findings.append(.keptMeetingsCancelled(agenda.cancelled.count))
        }
        return findings
    }

    /// `1 slot`, `3 slots`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

/// "1 table", "3 tables": a count with its noun, for findings an organiser reads.
private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
