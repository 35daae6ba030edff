@testable import MissionMatch

/// An independent check of an agenda against every rule, written without the
/// planner's code: slots, availability, representatives, tables, maximum
/// meetings, blocks, sides, duplicates, candidates, ids, order and statistics.
enum AgendaFeasibilityChecker {
    /// The rules the agenda breaks, in words; empty when it is feasible.
    static func violations(
        _ agenda: Agenda, mission: Mission, participants: [Participant], requests: [MeetingRequest] = [],
        candidates: [AgendaCandidate], locked: [ScheduledMeeting] = [], fixedTableSide: Side? = nil
    ) -> [String] {
        var problems: [String] = []
        let slots = mission.slots
        let byID = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func pair(_ x: String, _ y: String) -> String { x < y ? x + "|" + y : y + "|" + x }
        let blocked = Set(requests.filter { $0.priority == .block }.map { pair($0.from, $0.to) })
        let allowed = Set(candidates.map { pair($0.participantA, $0.participantB) }
            + requests.filter { $0.priority == .must }.map { pair($0.from, $0.to) } + locked.map { pair($0.participantA, $0.participantB) })
        var seenPairs = Set<String>(), seenTables = Set<String>(), perSlot = [String: Int](), perParticipant = [String: Int]()
        var slotLoad = [Int: Int]()
        for meeting in agenda.meetings {
            let where_ = "meeting \(meeting.participantA)–\(meeting.participantB)"
            guard slots.indices.contains(meeting.slot) else { problems.append("\(where_): slot \(meeting.slot) does not exist"); continue }
            guard let a = byID[meeting.participantA], let b = byID[meeting.participantB] else {
                problems.append("\(where_): unknown participant"); continue
            }
            if a.id == b.id { problems.append("\(where_): self meeting") }
            if !(1...mission.tables).contains(meeting.table) { problems.append("\(where_): table \(meeting.table) out of range") }
            if !seenTables.insert("\(meeting.slot)/\(meeting.table)").inserted { problems.append("\(where_): table used twice") }
            if !seenPairs.insert(pair(a.id, b.id)).inserted { problems.append("\(where_): pair meets twice") }
            if blocked.contains(pair(a.id, b.id)) { problems.append("\(where_): blocked pair") }
            if !allowed.contains(pair(a.id, b.id)) { problems.append("\(where_): not a candidate") }
            if mission.pairing == .bipartite && a.side == b.side { problems.append("\(where_): same side") }
            if meeting.id != MeetingID.make(mission: mission.id, a.id, b.id) { problems.append("\(where_): unstable id") }
            let range = slots[meeting.slot].range
            for p in [a, b] {
                if !p.availability.isEmpty && !p.availability.contains(where: { $0.contains(range) }) {
                    problems.append("\(where_): \(p.id) not available in slot \(meeting.slot)")
                }
                perSlot["\(p.id)@\(meeting.slot)", default: 0] += 1
                if perSlot["\(p.id)@\(meeting.slot)", default: 0] > max(1, p.representatives) {
                    problems.append("\(where_): \(p.id) has more meetings than representatives in slot \(meeting.slot)")
                }
                perParticipant[p.id, default: 0] += 1
            }
            slotLoad[meeting.slot, default: 0] += 1
        }
        for (id, count) in perParticipant {
            if let limit = byID[id]?.maximumMeetings(in: mission), count > limit { problems.append("\(id): \(count) meetings > max \(limit)") }
        }
        if let fixedTableSide { problems += fixedTableViolations(agenda, mission: mission, byID: byID, side: fixedTableSide) }
        for (slot, count) in slotLoad where count > mission.tables { problems.append("slot \(slot): \(count) meetings > tables") }
        let order = agenda.meetings.map { [$0.slot, $0.table] }
        if order != order.sorted(by: { $0.lexicographicallyPrecedes($1) }) { problems.append("meetings not sorted by slot, table") }
        let total = agenda.meetings.reduce(0) { $0 + $1.score }
        if abs(total - agenda.stats.totalScore) > 1e-9 { problems.append("total_score differs from the meetings' sum") }
        if agenda.stats.meetings != agenda.meetings.count { problems.append("stats.meetings differs") }
        if agenda.stats.upperBound < agenda.stats.totalScore - 1e-9 { problems.append("upper bound below the total") }
        for line in agenda.participants {
            let ids = agenda.meetings.filter { $0.involves(line.id) }.map(\.id)
            if ids != line.meetings { problems.append("\(line.id): meeting list differs") }
            if (ids.count < line.minMeetings) != (line.unmetReason != nil) { problems.append("\(line.id): unmet reason inconsistent") }
        }
        for lock in locked {
            if !agenda.meetings.contains(lock) { problems.append("locked meeting \(lock.id) changed or missing") }
        }
        return problems
    }

    /// With a fixed-table side: in each session, each of its participants with
    /// meetings holds as many tables as it has representatives, the same ones
    /// all session, held by nobody else; all of them fit the mission's tables.
    static func fixedTableViolations(_ agenda: Agenda, mission: Mission, byID: [String: Participant], side: Side) -> [String] {
        var problems: [String] = []
        let slots = mission.slots
        var tablesOf = [String: Set<Int>](), holderOf = [String: String]()
        for meeting in agenda.meetings where slots.indices.contains(meeting.slot) {
            guard let a = byID[meeting.participantA], let b = byID[meeting.participantB] else { continue }
            let holder = a.side == side ? a : b
            let session = slots[meeting.slot].session
            tablesOf["\(session)|\(holder.id)", default: []].insert(meeting.table)
            let key = "\(session)|\(meeting.table)"
            if let other = holderOf[key], other != holder.id { problems.append("session \(session) table \(meeting.table): held by \(other) and \(holder.id)") }
            holderOf[key] = holder.id
        }
        var held = [String: Int]()
        for (key, tables) in tablesOf {
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            let reps = max(1, byID[parts[1]]?.representatives ?? 1)
            if tables.count > reps { problems.append("\(parts[1]) uses \(tables.count) tables in session \(parts[0]) with \(reps) representatives") }
            held[parts[0], default: 0] += reps
        }
        for (session, count) in held where count > mission.tables { problems.append("session \(session): \(count) tables held > \(mission.tables)") }
        return problems
    }
}
