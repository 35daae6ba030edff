import Foundation
import MissionMatch

/// Outcome reports built from ``ExportFixture``'s Toronto mission and agenda
/// with hand-made outcomes, for the `outcomes.html` tests.
///
/// The six agenda meetings: eu-01 × ca-01 held, rated 5 and 4, a cooperation
/// agreement; ../../x × ca-02 held, rated 4 and 5, contact; eu-03 × ca-02 a
/// no-show (b); eu-01 × ca-02 held, rated 3 and 4, nothing; ../../x × ca-01
/// cancelled; eu-03 × ca-01 held, rated 4 and 4, contact. Outside the agenda:
/// eu-03 × ca-03 signed a business agreement. So the funnel reads 10
/// recommended, 6 on the agenda, 4 held, 3 rated useful, 3 followed up, 1
/// agreement. A second mission, `lyon-2020`, has nothing reported.
enum OutcomeFixture {
    /// A cluster label that is also markup.
    static let hostileCluster = "<script>\"Pack\" & 'Co'"
    /// The second mission's name, also markup.
    static let hostileMission = "Lyon <i>\"&'</i> 2020"

    static let participants: [Participant] = ExportFixture.participants.map { participant in
        var participant = participant
        switch participant.id {
        case "eu-01": participant.cluster = hostileCluster; participant.sectors = ["packaging"]
        case "../../x": participant.cluster = "Plastipolis"; participant.sectors = ["packaging", "chemicals"]
        case "eu-03": participant.cluster = "Wagralim"; participant.sectors = ["food"]
        default: participant.cluster = "Ontario Cleantech"; participant.sectors = ["food"]
        }
        return participant
    }

    static let mission: Mission = {
        var mission = ExportFixture.mission
        mission.targets = MissionTargets(meetings: 10, cooperationAgreements: 2, businessAgreements: 1)
        return mission
    }()

    /// The ten distinct pairs recommended (each pair in both lists but one).
    static let recommendations: [OutcomeReport.Recommendation] = {
        let lists: [(String, [(String, Double)])] = [
            ("eu-01", [("ca-01", 0.82), ("ca-02", 0.55), ("ca-03", 0.40)]),
            ("../../x", [("ca-02", 0.64), ("ca-01", 0.48), ("ca-03", 0.30)]),
            ("eu-03", [("ca-02", 0.71), ("ca-01", 0.60), ("eu-01", 0.20), ("ca-03", 0.58)]),
            ("ca-01", [("../../x", 0.48), ("eu-03", 0.60), ("eu-01", 0.82)]),
        ]
        return lists.flatMap { participant, partners in
            partners.enumerated().map { index, partner in
                OutcomeReport.Recommendation(participant: participant, partner: partner.0, rank: index + 1, score: partner.1)
            }
        }
    }()

    static func meeting(_ a: String, _ b: String) -> String { MeetingID.make(mission: ExportFixture.missionID, a, b) }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate? { LocalDate(year: year, month: month, day: day) }

    static let outcomes: [MeetingOutcome] = {
        let id = ExportFixture.missionID
        return [
            MeetingOutcome(mission: id, meetingID: meeting("eu-01", "ca-01"), participantA: "eu-01", participantB: "ca-01",
                           attendance: .held, ratingA: 5, ratingB: 4, followUp: .cooperationAgreement,
                           signedOn: date(2019, 12, 2)),
            MeetingOutcome(mission: id, meetingID: meeting("../../x", "ca-02"), participantA: "../../x", participantB: "ca-02",
                           attendance: .held, ratingA: 4, ratingB: 5, followUp: .contact),
            MeetingOutcome(mission: id, meetingID: meeting("eu-03", "ca-02"), participantA: "eu-03", participantB: "ca-02",
                           attendance: .noShowB),
            MeetingOutcome(mission: id, meetingID: meeting("eu-01", "ca-02"), participantA: "eu-01", participantB: "ca-02",
                           attendance: .held, ratingA: 3, ratingB: 4, followUp: MeetingOutcome.FollowUp.none),
            MeetingOutcome(mission: id, meetingID: meeting("../../x", "ca-01"), participantA: "../../x", participantB: "ca-01",
                           attendance: .cancelled),
            MeetingOutcome(mission: id, meetingID: meeting("eu-03", "ca-01"), participantA: "eu-03", participantB: "ca-01",
                           attendance: .held, ratingA: 4, ratingB: 4, followUp: .contact),
            MeetingOutcome(mission: id, participantA: "eu-03", participantB: "ca-03", followUp: .businessAgreement,
                           signedOn: date(2020, 1, 15), notes: "met at the exploratory visit"),
        ]
    }()

    static let toronto = OutcomeReport(mission: mission, participants: participants, agenda: ExportFixture.agenda,
                                       recommendations: recommendations, outcomes: outcomes)

    static let lyon: OutcomeReport = {
        var lyon = mission
        lyon.id = "lyon-2020"
        lyon.name = hostileMission
        return OutcomeReport(mission: lyon, participants: participants, agenda: ExportFixture.agenda,
                             recommendations: nil, outcomes: [])
    }()

    static let programme = ProgrammeOutcomeReport(missions: [toronto, lyon])
}
