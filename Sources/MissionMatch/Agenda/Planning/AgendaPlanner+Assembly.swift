extension AgendaPlanner {
    /// Turns the timetable into an ``Agenda``: tables numbered, meetings
    /// sorted by slot and table, participants' meeting lists, statistics.
    func assemble(_ timetable: Timetable, kept: Kept, upperBound: Double) -> Agenda {
        let problem = timetable.problem
        let mission = problem.mission
        var lockedMeeting: [Int: ScheduledMeeting] = [:]
        for lock in kept.locked { lockedMeeting[lock.edge] = lock.meeting }
        let tables = Self.numberTables(timetable, locked: lockedMeeting)

        var meetings: [ScheduledMeeting] = []
        for edge in problem.edges.indices where timetable.isPlaced(edge) {
            if let locked = lockedMeeting[edge] {
                meetings.append(locked)
                continue
            }
            let e = problem.edges[edge]
            let a = problem.participants[e.a].id, b = problem.participants[e.b].id
            meetings.append(ScheduledMeeting(
                id: MeetingID.make(mission: mission.id, a, b), slot: timetable.slotOfEdge[edge], table: tables[edge] ?? 0,
                participantA: a, participantB: b, score: e.score, reasons: e.reasons))
        }
        meetings.sort { ($0.slot, $0.table, $0.id) < ($1.slot, $1.table, $1.id) }

        var meetingsOf = [String: [String]]()
        for meeting in meetings {
            meetingsOf[meeting.participantA, default: []].append(meeting.id)
            meetingsOf[meeting.participantB, default: []].append(meeting.id)
        }
        let participants = problem.participants.indices.map { p in
            let participant = problem.participants[p]
            let ids = meetingsOf[participant.id] ?? []
            return AgendaParticipant(
                id: participant.id, name: participant.name, meetings: ids, minMeetings: problem.minMeetings[p],
                unmetReason: ids.count < problem.minMeetings[p] ? Self.unmetReason(p, timetable) : nil)
        }
        let total = meetings.reduce(0) { $0 + $1.score }
        let bound = max(upperBound, total)
        let counts = participants.map(\.meetings.count)
        let stats = AgendaStats(
            meetings: meetings.count, totalScore: total, upperBound: bound, gap: bound > 0 ? max(0, 1 - total / bound) : 0,
            participantsWithMeetings: counts.filter { $0 > 0 }.count, participants: participants.count,
            meetingsPerParticipant: AgendaStats.Spread(of: counts),
            unmetMinMeetings: participants.filter { $0.unmetReason != nil }.map(\.id),
            unmetMustRequests: Self.unmetMusts(timetable).map { [$0.request.from, $0.request.to] })
        return Agenda(mission: mission.id, generator: options.generator, slots: problem.slots, meetings: meetings,
                      cancelled: kept.cancelled, participants: participants, stats: stats)
    }

    /// Table numbers of the placed, unlocked edges. Locked meetings keep theirs;
    /// the others take the lowest free table of their slot, or with a fixed-table
    /// side the tables their fixed-side participant holds in that session.
    static func numberTables(_ timetable: Timetable, locked: [Int: ScheduledMeeting]) -> [Int: Int] {
        let problem = timetable.problem
        var result: [Int: Int] = [:]
        var heldFrom: [Int: Int] = [:]   // (participant * sessions + session) → first held table
        if let fixedSide = timetable.fixedSide {
            for session in 0..<problem.sessionCount {
                var holders = Set<Int>()
                for s in 0..<problem.slotCount where problem.sessionOfSlot[s] == session {
                    for edge in timetable.edgesAt[s] {
                        let e = problem.edges[edge]
                        holders.insert(problem.side[e.a] == fixedSide ? e.a : e.b)
                    }
                }
                var next = 1
                for holder in holders.sorted() {
                    heldFrom[holder * problem.sessionCount + session] = next
                    next += problem.representatives[holder]
                }
            }
        }
        for s in 0..<problem.slotCount {
            var used = Set(timetable.edgesAt[s].compactMap { locked[$0]?.table })
            let edges = timetable.edgesAt[s].filter { locked[$0] == nil }.sorted {
                (problem.edges[$0].a, problem.edges[$0].b) < (problem.edges[$1].a, problem.edges[$1].b)
            }
            for edge in edges {
                var table: Int?
                if let fixedSide = timetable.fixedSide {
                    let e = problem.edges[edge]
                    let holder = problem.side[e.a] == fixedSide ? e.a : e.b
                    if let start = heldFrom[holder * problem.sessionCount + problem.sessionOfSlot[s]] {
                        table = (start..<(start + problem.representatives[holder])).first { !used.contains($0) }
                    }
                }
                let chosen = table ?? (1...max(1, problem.tables)).first { !used.contains($0) } ?? 0
                used.insert(chosen)
                result[edge] = chosen
            }
        }
        return result
    }
}
