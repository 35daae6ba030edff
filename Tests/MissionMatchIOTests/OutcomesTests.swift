import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The outcomes file (FileFormats §6b): reading it against the agenda, the
/// template and its round trip, and the report's figures counted by hand.
struct OutcomesTests {
    typealias F = ExportFixture

    static func id(_ a: String, _ b: String) -> String { MeetingID.make(mission: F.missionID, a, b) }

    /// The fixture's participants with clusters, and sectors for two of them.
    static let participants: [Participant] = F.participants.map { participant in
        var participant = participant
        participant.cluster = ["eu-01": "packaging-cz", "../../x": "plastics-fr", "eu-03": "food-be"][participant.id]
        participant.sectors = ["eu-01": ["packaging"], "ca-01": ["packaging", "food"]][participant.id] ?? []
        return participant
    }

    static let header = "mission_id,meeting_id,participant_a,participant_b,held,rating_a,rating_b,follow_up,signed_on,notes"

    /// Five of the six meetings reported (one by its pair, listed the other way
    /// round), and an MoU between two who had no meeting (theirs was cancelled).
    static let outcomesCSV = [
        header,
        "toronto-2019,\(id("eu-01", "ca-01")),,,yes,5,4,cooperation_agreement,2019-12-02,joint trial",
        "toronto-2019,,ca-02,../../x,no-show-b,,,,,",
        "toronto-2019,\(id("eu-03", "ca-02")),eu-03,ca-02,yes,3,5,contact,,",
        "toronto-2019,\(id("eu-01", "ca-02")),,,yes,4,4,business_agreement,2020-01-15,",
        "toronto-2019,\(id("../../x", "ca-01")),,,cancelled,,,,,",
        "toronto-2019,,eu-03,ca-03,,,,mou,2019-11-20,met at the exploratory visit",
    ].joined(separator: "\n") + "\n"

    static let reader = OutcomesReader(mission: F.mission, participants: participants, agenda: F.agenda)

    static func read(_ text: String) throws(ImportError) -> Imported<[MeetingOutcome]> {
        try reader.readCSV(Data(text.utf8), displayName: "outcomes.csv")
    }

    static func errors(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.diagnostics.errorLines
        }
    }

    static let recommendations = [
        OutcomeReport.Recommendation(participant: "eu-01", partner: "ca-01", rank: 1, score: 0.82),
        OutcomeReport.Recommendation(participant: "eu-01", partner: "ca-02", rank: 2, score: 0.55),
        OutcomeReport.Recommendation(participant: "ca-01", partner: "eu-01", rank: 2, score: 0.82),
        OutcomeReport.Recommendation(participant: "ca-02", partner: "eu-01", rank: 3, score: 0.55),
        OutcomeReport.Recommendation(participant: "eu-03", partner: "ca-03", rank: 1, score: 0.40),
    ]

    // MARK: - Reading

    @Test func readsMeetingsByIdOrPairInTheAgendasOrder() throws {
        let read = try Self.read(Self.outcomesCSV)
        #expect(read.diagnostics.warnings.isEmpty)
        let outcomes = read.value
        #expect(outcomes.count == 6)
        let reversed = outcomes[1]
        #expect(reversed.meetingID == Self.id("../../x", "ca-02"))
        #expect(reversed.participantA == "../../x" && reversed.participantB == "ca-02")
        #expect(reversed.attendance == .noShowA, "no-show-b of the row's order is the agenda's first participant")
        #expect(outcomes[0].ratingA == 5 && outcomes[0].ratingB == 4 && outcomes[0].ratedUseful)
        #expect(outcomes[0].signedOn == LocalDate(year: 2019, month: 12, day: 2))
        #expect(outcomes[0].source == SourceLocation(file: "outcomes.csv", line: 2))
        let outside = outcomes[5]
        #expect(outside.meetingID == nil && outside.followUp == .mou && outside.notes == "met at the exploratory visit")
    }

    @Test func everyErrorOfTheFileAtOnceWithLineAndColumn() {
        let text = [
            Self.header,
            "shanghai-2019,\(Self.id("eu-01", "ca-01")),,,yes,,,,,",
            "toronto-2019,m-0000000000000000,,,yes,,,,,",
            "toronto-2019,,eu-01,ca-99,,,,mou,,",
            "toronto-2019,\(Self.id("eu-03", "ca-02")),,,maybe,7,0,handshake,2019-13-01,",
            "toronto-2019,\(Self.id("eu-01", "ca-02")),,,yes,,,business_agreement,2019-10-31,",
            "toronto-2019,\(Self.id("eu-01", "ca-02")),,,yes,,,,,",
            "toronto-2019,,eu-01,ca-03,,,,contact,,",
            "toronto-2019,\(Self.id("eu-03", "ca-01")),eu-01,ca-01,yes,,,,,",
            "toronto-2019,\(Self.id("eu-03", "ca-03")),,,yes,,,,,",
        ].joined(separator: "\n")
        #expect(Self.errors(text) == [
            "outcomes.csv:2: column 'mission_id': 'shanghai-2019' is not this mission's id (toronto-2019) (keep only the rows of toronto-2019 in its outcomes file)",
            "outcomes.csv:3: column 'meeting_id': 'm-0000000000000000' is not a meeting of the agenda (copy the meeting_id from agenda.csv, or leave it empty and give the two participant ids)",
            "outcomes.csv:4: column 'participant_b': 'ca-99' is not the id of any participant (use an id from the participants file)",
            "outcomes.csv:5: column 'held': 'maybe' is not a value of this column (use yes, no-show-a, no-show-b or cancelled, or leave it empty)",
            "outcomes.csv:5: column 'rating_a': '7' is not a rating from 1 to 5 (write a whole number from 1 (useless) to 5 (very useful), or leave it empty)",
            "outcomes.csv:5: column 'rating_b': '0' is not a rating from 1 to 5 (write a whole number from 1 (useless) to 5 (very useful), or leave it empty)",
            "outcomes.csv:5: column 'follow_up': 'handshake' is not a value of this column (use none, contact, cooperation_agreement, business_agreement or mou, or leave it empty)",
            "outcomes.csv:5: column 'signed_on': '2019-13-01' is not a date (write it as YYYY-MM-DD, e.g. 2019-09-12)",
            "outcomes.csv:6: column 'signed_on': 2019-10-31 is before the mission's first day, 2019-11-01 (check the date: an agreement of this mission is signed at it or after it)",
            "outcomes.csv:7: column 'meeting_id': meeting \(Self.id("eu-01", "ca-02")) is already reported on line 6 (keep one row per meeting: follow_up holds its most binding outcome)",
            "outcomes.csv:8: column 'follow_up': the two had no meeting on the agenda and the row records no agreement (give the meeting_id of their meeting, or record the agreement they made outside the agenda (cooperation_agreement, business_agreement or mou))",
            "outcomes.csv:9: column 'participant_a': 'eu-01' and 'ca-01' are not the two participants of meeting \(Self.id("eu-03", "ca-01")) (eu-03 and ca-01) (correct the ids or the meeting_id, or leave both ids empty)",
            "outcomes.csv:10: column 'meeting_id': meeting '\(Self.id("eu-03", "ca-03"))' was cancelled by a re-plan and is not on the agenda (copy the meeting_id from agenda.csv, or leave it empty and give the two participant ids)",
        ])
    }

    @Test func warningsForWhatAnOrganiserShouldCheck() throws {
        let text = [
            Self.header,
            "toronto-2019,\(Self.id("eu-01", "ca-01")),,,no-show-a,4,,contact,,",
            "toronto-2019,\(Self.id("eu-03", "ca-02")),,,yes,,,contact,2019-12-01,",
            "toronto-2019,\(Self.id("eu-01", "ca-02")),,,yes,,,mou,2024-01-01,",
            "toronto-2019,,eu-03,ca-03,yes,5,,mou,,",
        ].joined(separator: "\n")
        let warnings = try Self.read(text).diagnostics.warnings.map(\.description)
        #expect(warnings == [
            "outcomes.csv:2: column 'rating_a': a rating for a meeting reported as a no-show (check held, or clear the ratings)",
            "outcomes.csv:2: column 'follow_up': a follow-up of a meeting reported as a no-show (check held; an agreement reached another way can stay)",
            "outcomes.csv:3: column 'signed_on': a signing date without an agreement in follow_up (set follow_up to cooperation_agreement, business_agreement or mou, or clear signed_on)",
            "outcomes.csv:4: column 'signed_on': 2024-01-01 is more than three years after the mission (check the year)",
            "outcomes.csv:5: column 'held': the two had no meeting on the agenda: held and ratings are ignored (leave them empty, or give the meeting_id)",
        ])
    }

    @Test func aFileWithoutMeetingOrParticipantColumnsIsRefused() {
        let errors = Self.errors("mission_id,held\ntoronto-2019,yes\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("neither a 'meeting_id' column nor the two participant columns") == true)
    }

    // MARK: - Template and round trip

    @Test func theTemplateListsEveryMeetingAndReadsBackEmpty() throws {
        let template = OutcomesCSVWriter().csv(for: F.agenda, participants: Self.participants)
        let lines = template.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == Substring(OutcomesReader.columnNames.joined(separator: ",")))
        #expect(lines.count == 1 + 6 + 1, "header, six meetings, final newline")
        #expect(lines[1] == "toronto-2019,\(Self.id("eu-01", "ca-01")),eu-01,ca-01,Nanoprogress Films s.r.o.,"
            + "\"'=HYPERLINK(\"\"http://x\"\")\",2019-11-01,09:00,1,,,,,,")
        let read = try Self.read(template).value
        #expect(read.count == 6)
        #expect(read.allSatisfy { $0.attendance == nil && $0.followUp == nil && $0.meetingID != nil })
    }

    @Test func writtenOutcomesReadBackEqual() throws {
        let outcomes = try Self.read(Self.outcomesCSV).value.map { outcome in
            var outcome = outcome
            outcome.source = nil
            return outcome
        }
        let written = OutcomesCSVWriter().csv(for: F.agenda, participants: Self.participants, outcomes: outcomes)
        let again = try Self.read(written).value.filter { $0.attendance != nil || $0.followUp != nil }.map { outcome in
            var outcome = outcome
            outcome.source = nil
            return outcome
        }
        #expect(again == outcomes)
    }

    // MARK: - The report, counted by hand

    @Test func theReportsFiguresMatchAHandCount() throws {
        let outcomes = try Self.read(Self.outcomesCSV).value
        let report = OutcomeReport(mission: F.mission, participants: Self.participants, agenda: F.agenda,
                                   recommendations: Self.recommendations, outcomes: outcomes)
        #expect(report.outcomeRows == 6)
        #expect(report.figures.funnel == OutcomeReport.Funnel(recommended: 3, onAgenda: 6, onAgendaRecommended: 2, reported: 5, held: 3, ratedUseful: 2,
                                                      followedUp: 3, agreements: 2))
        #expect(report.figures.agreementsOutsideAgenda == 1)
        #expect(report.figures.agreementsByKind.map(\.count) == [1, 1, 1])
        #expect(report.figures.targets == [
            OutcomeReport.TargetProgress(kind: .meetings, promised: 10, achieved: 3),
            OutcomeReport.TargetProgress(kind: .cooperationAgreements, promised: 2, achieved: 1),
        ])
        #expect(report.figures.targets.map(\.share) == [0.3, 0.5])
        #expect(report.figures.byCluster == [
            OutcomeReport.Tally(label: "packaging-cz", participants: 1, meetingsHeld: 2, agreements: 2),
            OutcomeReport.Tally(label: "food-be", participants: 1, meetingsHeld: 1, agreements: 1),
            OutcomeReport.Tally(label: "plastics-fr", participants: 1, meetingsHeld: 0, agreements: 0),
            OutcomeReport.Tally(label: "no cluster", participants: 3, meetingsHeld: 3, agreements: 3),
        ])
        // Sectors: eu-01 packaging; ca-01 packaging and food; the rest none.
        #expect(report.figures.bySector.first { $0.label == "packaging" }
            == OutcomeReport.Tally(label: "packaging", participants: 2, meetingsHeld: 2, agreements: 2))
        #expect(report.figures.bySide.map(\.label) == ["counterpart", "consortium"] || report.figures.bySide.map(\.label) == ["consortium", "counterpart"])
        #expect(report.figures.bySide.first { $0.label == "consortium" }?.meetingsHeld == 3)
        #expect(report.noShowsBySlot == [
            OutcomeReport.NoShows(label: "2019-11-01 09:00", reported: 2, noShows: 1),
            OutcomeReport.NoShows(label: "2019-11-01 09:25", reported: 1, noShows: 0),
            OutcomeReport.NoShows(label: "2019-11-04 14:00", reported: 1, noShows: 0),
        ])
        #expect(report.noShowsByTable == [
            OutcomeReport.NoShows(label: "table 1", reported: 3, noShows: 0),
            OutcomeReport.NoShows(label: "table 2", reported: 1, noShows: 1),
        ])
        #expect(report.agreements.map(\.kind) == [.cooperationAgreement, .businessAgreement, .mou])
        #expect(report.agreements.map(\.rankForA) == [1, 2, 1])
        #expect(report.agreements.map(\.rankForB) == [2, 3, nil])
        #expect(report.agreements.map(\.score) == [0.82, 0.55, 0.40])
        #expect(report.agreements.map(\.meetingID) == [Self.id("eu-01", "ca-01"), Self.id("eu-01", "ca-02"), nil])
        #expect(report.agreements[0].nameB == "=HYPERLINK(\"http://x\")")
    }

    @Test func aMissionWithoutOutcomesStopsAtTheAgenda() {
        let report = OutcomeReport(mission: F.mission, participants: Self.participants, agenda: F.agenda,
                                   recommendations: nil, outcomes: [])
        #expect(report.figures.funnel == OutcomeReport.Funnel(recommended: nil, onAgenda: 6, reported: 0, held: 0, ratedUseful: 0,
                                                      followedUp: 0, agreements: 0))
        #expect(report.figures.targets.map(\.achieved) == [0, 0])
        #expect(report.noShowsBySlot.isEmpty && report.agreements.isEmpty)
        #expect(report.figures.funnel.stages.map(\.label) == ["on the agenda", "held", "rated useful by both", "followed up", "agreement"])
    }

    @Test func aPartialFileCountsOnlyWhatIsReported() throws {
        let partial = [Self.header, "toronto-2019,\(Self.id("eu-03", "ca-01")),,,no-show-b,,,,,"].joined(separator: "\n")
        let report = OutcomeReport(mission: F.mission, participants: Self.participants, agenda: F.agenda,
                                   recommendations: nil, outcomes: try Self.read(partial).value)
        #expect(report.figures.funnel.reported == 1 && report.figures.funnel.held == 0)
        #expect(report.noShowsBySlot == [OutcomeReport.NoShows(label: "2019-11-04 14:25", reported: 1, noShows: 1)])
        #expect(report.noShowsBySlot.first?.rate == 1)
    }

    @Test func theProgrammeAddsMissionsUp() throws {
        let outcomes = try Self.read(Self.outcomesCSV).value
        let full = OutcomeReport(mission: F.mission, participants: Self.participants, agenda: F.agenda,
                                 recommendations: Self.recommendations, outcomes: outcomes)
        var other = F.mission
        other.id = "toronto-2020"
        other.name = "Toronto 2020"
        other.targets = MissionTargets(meetings: 20, mous: 1)
        let empty = OutcomeReport(mission: other, participants: Self.participants, agenda: F.agenda,
                                  recommendations: nil, outcomes: outcomes)
        #expect(empty.outcomeRows == 0, "rows of another mission are left out")
        let programme = ProgrammeOutcomeReport(missions: [full, empty])
        #expect(programme.figures.funnel.onAgenda == 12 && programme.figures.funnel.held == 3 && programme.figures.funnel.recommended == nil)
        #expect(programme.figures.targets == [
            OutcomeReport.TargetProgress(kind: .meetings, promised: 30, achieved: 3),
            OutcomeReport.TargetProgress(kind: .cooperationAgreements, promised: 2, achieved: 1),
            OutcomeReport.TargetProgress(kind: .mous, promised: 1, achieved: 0),
        ])
        #expect(programme.figures.byCluster.last == OutcomeReport.Tally(label: "no cluster", participants: 6, meetingsHeld: 3, agreements: 3))
        #expect(programme.figures.byCluster.first == OutcomeReport.Tally(label: "packaging-cz", participants: 2, meetingsHeld: 2, agreements: 2))
    }

    // MARK: - Writers

    @Test func theMarkdownAndJSONCarryTheFigures() throws {
        let outcomes = try Self.read(Self.outcomesCSV).value
        let report = ProgrammeOutcomeReport(missions: [
            OutcomeReport(mission: F.mission, participants: Self.participants, agenda: F.agenda,
                          recommendations: Self.recommendations, outcomes: outcomes),
        ])
        let markdown = OutcomeReportMarkdownWriter().markdown(for: report)
        #expect(markdown.hasPrefix("# Cleantech \\& Packaging mission to Toronto \\<2019\\> (toronto-2019)\n"))
        #expect(markdown.contains("| B2B meetings held | 10 | 3 | 30.0 % |"))
        #expect(markdown.contains("| on the agenda | 6 | 2 of them recommended |"))
        #expect(markdown.contains("| held | 3 | 50.0 % of on the agenda |"))
        #expect(markdown.contains("| followed up | 3 | 100.0 % of held |"))
        #expect(markdown.contains("| agreement | 2 | 66.7 % of followed up |"))
        #expect(markdown.contains("| cooperation agreement | Nanoprogress Films s.r.o. | \\=HYPERLINK(\"http://x\") | 2019-12-02 | on the agenda | 1 | 2 | 0.820 |"))
        #expect(markdown.contains("| MoU | Brasserie \"Lambert\" \\& Fils, l'Atelier | Maple \\*Bio\\* Polymers"))
        #expect(markdown.contains("Agreements: 1 cooperation agreement, 1 business agreement, 1 MoU (1 made outside the agenda)."))
        let json = OutcomeReportJSONWriter(generator: "missionmatch 0.1.0").json(for: report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let missions = try #require(object["missions"] as? [[String: Any]])
        let funnel = try #require(missions.first?["funnel"] as? [String: Any])
        #expect(funnel["held"] as? Int == 3 && funnel["recommended"] as? Int == 3)
        let agreements = try #require(missions.first?["agreements"] as? [[String: Any]])
        #expect(agreements.map { $0["rank_for_b"] as? Int } == [2, 3, nil])
        #expect(json == OutcomeReportJSONWriter(generator: "missionmatch 0.1.0").json(for: report), "deterministic")
    }
}
