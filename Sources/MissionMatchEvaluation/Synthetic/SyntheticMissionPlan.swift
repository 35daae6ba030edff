import Foundation
import MissionMatch

/// The mission and requests of a synthetic programme.
enum SyntheticMissionPlan {
    /// Meeting length and break, in minutes.
    static let meetingMinutes = 20, breakMinutes = 5
    /// Meetings per participant at most, and the target.
    static let maxMeetings = 8, minMeetings = 2

    /// A bipartite mission sized for the programme: two days of two sessions
    /// (32 slots of 20 + 5 minutes), enough tables for every participant of
    /// the smaller side to reach `max_meetings`, impact targets proportional.
    static func mission(options: SyntheticProgrammeOptions, world: SyntheticWorld) -> Mission {
        let sessions = [("2019-10-01", 9, 0, 12, 30), ("2019-10-01", 14, 0, 17, 30),
                        ("2019-10-02", 9, 0, 12, 30), ("2019-10-02", 14, 0, 17, 30)]
            .compactMap { date, h1, m1, h2, m2 -> Session? in
                guard let day = LocalDate(parsing: date), let start = LocalTime(hour: h1, minute: m1),
                      let end = LocalTime(hour: h2, minute: m2) else { return nil }
                return Session(date: day, start: start, end: end)
            }
        var mission = Mission(
            id: "synthetic-\(options.seed)",
            name: "Synthetic programme: \(options.consortium) consortium × \(options.counterparts) counterparts (seed \(options.seed))",
            hostCountry: "US", city: "Washington DC", timeZone: TimeZone(identifier: "America/New_York") ?? .gmt,
            participantsPath: "participants.csv", requestsPath: "requests.csv", pairing: .bipartite,
            sides: ["consortium", "counterpart"], sessions: sessions, meetingMinutes: meetingMinutes,
            breakMinutes: breakMinutes, tables: 1, maxMeetings: maxMeetings, minMeetings: minMeetings,
            rules: MatchingRules(excludeSameCluster: true), topK: 10)
        let slots = max(1, mission.slots.count)
        let smaller = min(options.consortium, options.counterparts)
        mission.tables = max(4, (smaller * maxMeetings + slots - 1) / slots)
        let meetings = smaller * 6
        mission.targets = MissionTargets(meetings: meetings, cooperationAgreements: meetings * 12 / 100,
                                         businessAgreements: meetings * 3 / 100)
        return mission
    }

    /// About one request per priority for every 50 consortium participants (at
    /// least one each, when possible): `must` a complementary counterpart,
    /// `wish` a one-directional one, `block` a competitor; always from a
    /// consortium participant to a counterpart, each pair once.
    static func requests(participants: [Participant], latent: [LatentProfile], consortiumCount n: Int,
                         random: inout SyntheticRandom) -> [MeetingRequest] {
        var firstOfKind: [[Int?]] = Array(repeating: [nil, nil, nil], count: n)
        for j in n..<participants.count {
            let kind: Int
            switch latent[j].role {
            case .complementary: kind = 0
            case .oneDirectional: kind = 1
            case .competitor: kind = 2
            case .background, .consortium: continue
            }
            if let i = latent[j].role.plantedFor, firstOfKind[i][kind] == nil { firstOfKind[i][kind] = j }
        }
        let perKind = max(1, n / 50)
        var requests: [MeetingRequest] = []
        for (kind, priority) in [MeetingRequest.Priority.must, .wish, .block].enumerated() {
            let candidates = (0..<n).filter { firstOfKind[$0][kind] != nil }
            for i in random.sample(perKind, from: candidates).sorted() {
                guard let j = firstOfKind[i][kind] else { continue }
                let note = SyntheticPhrases.requestNotes[priority].map { random.element(of: $0) }
                requests.append(MeetingRequest(from: participants[i].id, to: participants[j].id, priority: priority, note: note))
            }
        }
        return requests
    }
}
