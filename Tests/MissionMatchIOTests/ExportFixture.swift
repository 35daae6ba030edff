import Foundation
import MissionMatch

/// A small hand-built mission with an agenda, for the exporter tests: two
/// sessions in America/Toronto on either side of the 2019 fall-back change
/// (Fri 1 Nov EDT, Mon 4 Nov EST), two tables, six participants with hostile
/// names and ids, one cancelled meeting and one moved since the previous agenda.
enum ExportFixture {
    static let missionID = "toronto-2019"

    static let mission: Mission = {
        var mission = Mission(
            id: missionID, name: "Cleantech & Packaging mission to Toronto <2019>", hostCountry: "CA", city: "Toronto",
            timeZone: TimeZone(identifier: "America/Toronto") ?? .gmt, participantsPath: "participants.csv",
            pairing: .bipartite, sides: ["consortium", "counterpart"],
            sessions: [
                session(2019, 11, 1, from: (9, 0), to: (10, 0)),
                session(2019, 11, 4, from: (14, 0), to: (15, 0)),
            ],
            meetingMinutes: 20, breakMinutes: 5, tables: 2, minMeetings: 1)
        mission.targets = MissionTargets(meetings: 10, cooperationAgreements: 2)
        return mission
    }()

    static let longName = "Société québécoise de l’emballage écoresponsable et des matériaux biosourcés à haute performance Ltée"

    static let participants: [Participant] = [
        participant("eu-01", "Nanoprogress Films s.r.o.", "CZ", "consortium", email: "jana.novakova@nanoprogress.example",
                    contact: "Jana Nováková"),
        participant("../../x", "<script>alert(1)</script>", "FR", "consortium"),
        participant("eu-03", "Brasserie \"Lambert\" & Fils, l'Atelier", "BE", "consortium", website: "https://lambert.example"),
        participant("ca-01", "=HYPERLINK(\"http://x\")", "CA", "counterpart"),
        participant("ca-02", longName, "CA", "counterpart", email: "info@emballage.example", contact: "Émilie Bélanger-Côté"),
        participant("ca-03", "Maple *Bio* Polymers | [Inc.](http://evil.example)", "CA", "counterpart"),
    ]

    static let reasons = [
        "offers biodegradable films ↔ needs compostable packaging; sectors: food, cosmetics",
        "needs <barrier coatings> & offers \"lab tests\"\nsecond line, with a comma",
        "offers recycled PET ↔ needs food-grade rPET",
        "=cmd|' /C calc'!A0 both in SECTOR\\packaging",
    ]

    /// (slot, table, a, b, reasons index, score)
    static let plan: [(Int, Int, String, String, Int, Double)] = [
        (0, 1, "eu-01", "ca-01", 0, 0.82),
        (0, 2, "../../x", "ca-02", 1, 0.64),
        (1, 1, "eu-03", "ca-02", 2, 0.71),
        (2, 1, "eu-01", "ca-02", 3, 0.55),
        (2, 2, "../../x", "ca-01", 0, 0.48),
        (3, 1, "eu-03", "ca-01", 2, 0.60),
    ]

    static let agenda: Agenda = makeAgenda(plan, cancelled: [
        CancelledMeeting(id: MeetingID.make(mission: missionID, "eu-03", "ca-03"), participantA: "eu-03",
                         participantB: "ca-03", reason: "ca-03 withdrew; its flight was cancelled"),
    ])

    /// The agenda sent before: eu-01 × ca-01 was at slot 1 table 2, eu-03 × ca-03 at slot 2 table 2.
    static let previous: Agenda = makeAgenda([
        (1, 2, "eu-01", "ca-01", 0, 0.82),
        (0, 2, "../../x", "ca-02", 1, 0.64),
        (1, 1, "eu-03", "ca-02", 2, 0.71),
        (2, 1, "eu-01", "ca-02", 3, 0.55),
        (2, 2, "eu-03", "ca-03", 0, 0.40),
    ], cancelled: [])

    static let warnings = [
        "the BLAS answering is the reference implementation: install libopenblas0-pthread",
        "2 participants have no availability | check <participants.csv>",
    ]

    static func makeAgenda(_ plan: [(Int, Int, String, String, Int, Double)], cancelled: [CancelledMeeting]) -> Agenda {
        let meetings = plan.map { slot, table, a, b, reason, score in
            ScheduledMeeting(id: MeetingID.make(mission: missionID, a, b), slot: slot, table: table,
                             participantA: a, participantB: b, score: score, reasons: reasons[reason])
        }.sorted { ($0.slot, $0.table) < ($1.slot, $1.table) }
        let lines = participants.map { participant in
            let ids = meetings.filter { $0.involves(participant.id) }.map(\.id)
            return AgendaParticipant(
                id: participant.id, name: participant.name, meetings: ids, minMeetings: 1,
                unmetReason: ids.isEmpty ? "no partner left with a free slot after ca-03 withdrew" : nil)
        }
        let counts = lines.map(\.meetings.count)
        let total = meetings.reduce(0) { $0 + $1.score }
        let upperBound = 4.2
        return Agenda(
            mission: missionID, generator: "missionmatch 0.1.0", slots: mission.slots, meetings: meetings,
            cancelled: cancelled, participants: lines,
            stats: AgendaStats(
                meetings: meetings.count, totalScore: total, upperBound: upperBound, gap: 1 - total / upperBound,
                participantsWithMeetings: counts.filter { $0 > 0 }.count, participants: lines.count,
                meetingsPerParticipant: .init(of: counts),
                unmetMinMeetings: lines.filter { $0.meetings.isEmpty }.map(\.id),
                unmetMustRequests: [["eu-03", "ca-03"]]))
    }

    private static func session(_ year: Int, _ month: Int, _ day: Int, from: (Int, Int), to: (Int, Int)) -> Session {
        guard let date = LocalDate(year: year, month: month, day: day),
              let start = LocalTime(hour: from.0, minute: from.1), let end = LocalTime(hour: to.0, minute: to.1)
        else { preconditionFailure("bad fixture date") }
        return Session(date: date, start: start, end: end)
    }

    private static func participant(
        _ id: String, _ name: String, _ country: String, _ side: String,
        email: String? = nil, contact: String? = nil, website: String? = nil
    ) -> Participant {
        var participant = Participant(id: id, name: name, country: country)
        participant.side = Side(rawValue: side)
        participant.email = email
        participant.contact = contact
        participant.website = website
        return participant
    }
}
