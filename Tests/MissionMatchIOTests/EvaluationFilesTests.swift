import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The files of `generate` and `evaluate`: mission YAML, requests, ground truth, recommendations.
struct EvaluationFilesTests {
    static func errors(_ body: () throws(ImportError) -> Void) -> [String] {
        do {
            try body()
            return []
        } catch {
            return error.diagnostics.errorLines
        }
    }

    // MARK: - Mission YAML

    @Test func missionYAMLReadsBackAsTheSameMission() throws {
        var mission = Fixtures.mission
        mission.name = "Mission \"Toronto\": day 1 — #2\\ yes"
        mission.city = "yes"
        mission.participantsPath = "../participants/a b.csv"
        mission.requestsPath = "0123"
        mission.weights = ScoringWeights(complementarity: 0.555, similarity: 0, sector: 1, country: 0.15, cooperation: 0.05)
        mission.targets = MissionTargets(meetings: 10)
        mission.maxMeetings = nil
        let yaml = MissionFileWriter().yaml(for: mission, comment: "made by a test\nsecond line")
        #expect(yaml.hasPrefix("# made by a test\n# second line\nid: shanghai-mini\n"))
        #expect(yaml.contains("name: \"Mission \\\"Toronto\\\": day 1 — #2\\\\ yes\"\n"))
        #expect(yaml.contains("city: \"yes\"\n"))
        #expect(yaml.contains("  - {date: 2019-06-17, start: \"09:00\", end: \"12:30\"}\n"))
        #expect(!yaml.contains("max_meetings"))
        let read = try MissionReader(referenceData: Fixtures.reference)
            .read(Data(yaml.utf8), format: .yaml, displayName: "mission.yaml", baseURL: Fixtures.folder)
        #expect(read.diagnostics.errorLines == [])
        #expect(read.value.mission == mission)
    }

    @Test func openMissionHasNoSides() throws {
        var mission = Fixtures.mission
        mission.pairing = .open
        mission.sides = []
        mission.hostCountry = nil
        mission.city = nil
        mission.requestsPath = nil
        mission.targets = MissionTargets()
        let yaml = MissionFileWriter().yaml(for: mission)
        #expect(!yaml.contains("\nsides:") && !yaml.contains("\ntargets:") && !yaml.contains("\nrequests:") && !yaml.contains("\ncity:"))
        let read = try MissionReader(referenceData: Fixtures.reference)
            .read(Data(yaml.utf8), format: .yaml, displayName: "mission.yaml", baseURL: Fixtures.folder)
        #expect(read.value.mission == mission)
    }

    // MARK: - Requests

    @Test func requestsReadBack() throws {
        let participants = ["a", "b", "c"].enumerated().map { index, id in
            var p = Participant(id: id, name: id.uppercased(), country: "DE")
            p.side = index == 0 ? "consortium" : "counterpart"
            return p
        }
        let requests = [
            MeetingRequest(from: "a", to: "b", priority: .must, note: "Met at SIAL, \"samples\" sent"),
            MeetingRequest(from: "a", to: "c", priority: .block),
        ]
        let text = RequestCSVWriter().csv(for: requests)
        #expect(text == "from,to,priority,note\na,b,must,\"Met at SIAL, \"\"samples\"\" sent\"\na,c,block,\n")
        let read = try MeetingRequestReader(participants: participants, mission: Fixtures.mission)
            .readCSV(Data(text.utf8), displayName: "requests.csv").value
        #expect(read.map { [$0.from, $0.to, $0.priority.rawValue, $0.note ?? "-"] }
            == [["a", "b", "must", "Met at SIAL, \"samples\" sent"], ["a", "c", "block", "-"]])
    }

    // MARK: - Ground truth

    @Test func truthCSVRoundTrips() throws {
        let truth = GroundTruth([
            .init(participant: "eu-1", partner: "cp-2", relevance: 1),
            .init(participant: "eu-1", partner: "cp-1", relevance: 3),
            .init(participant: "eu,2", partner: "cp-3", relevance: 2),
        ])
        let text = GroundTruthCSVWriter().csv(for: truth)
        #expect(text == "participant_id,partner_id,relevance\neu-1,cp-1,3\neu-1,cp-2,1\n\"eu,2\",cp-3,2\n")
        let read = try GroundTruthReader().readCSV(Data(text.utf8), displayName: "truth.csv").value
        #expect(read == truth)
        let withZero = try GroundTruthReader().readCSV(Data((text + "eu-1,cp-9,0\n").utf8), displayName: "truth.csv").value
        #expect(withZero == truth)
    }

    @Test func truthErrorsNameLineAndColumn() {
        let text = "participant_id,partner_id,relevance\neu-1,cp-1,3\neu-1,cp-1,2\neu-2,,1\neu-3,cp-1,high\neu-4,cp-1,-1\n"
        let errors = Self.errors { () throws(ImportError) in _ = try GroundTruthReader().readCSV(Data(text.utf8), displayName: "truth.csv") }
        #expect(errors == [
            "truth.csv:3: column 'partner_id': the pair eu-1 → cp-1 is already graded on line 2 (keep one row per pair)",
            "truth.csv:4: column 'partner_id': the id is missing (write the partner's id)",
            "truth.csv:5: column 'relevance': 'high' is not an integer ≥ 0 (write a grade such as 0, 1, 2 or 3)",
            "truth.csv:6: column 'relevance': '-1' is not an integer ≥ 0 (write a grade such as 0, 1, 2 or 3)",
        ])
        let missing = Self.errors { () throws(ImportError) in
            _ = try GroundTruthReader().readCSV(Data("participant_id,partner\na,b\n".utf8), displayName: "truth.csv")
        }
        #expect(missing.contains { $0.contains("column 'partner'") && $0.contains("unknown column") })
        #expect(missing.contains { $0.contains("column 'relevance': required column is missing") })
    }

    // MARK: - Recommendations

    static let recommendations = """
        participant_id,rank,partner_id,score,complementarity,similarity,sector,country,cooperation,reasons,extra
        eu-1,2,cp-7,0.5000,0.4000,0.1000,0.9000,1.0000,0.0000,"offers PLA film ↔ needs compostable packaging",x
        eu-1,1,cp-3,0.7124,0.6000,0.2000,0.9000,1.0000,0.5000,'=not a formula,y
        cp-3,1,eu-1,0.7124,,,,,,,
        """

    @Test func recommendationsAreReadAndRanked() throws {
        let read = try RecommendationsReader().readCSV(Data(Self.recommendations.utf8), displayName: "recommendations.csv")
        #expect(read.diagnostics.warningLines.count == 1)                 // the unknown column 'extra'
        let rows = read.value
        #expect(rows.count == 3)
        #expect(rows[0].score == 0.5 && rows[0].components["sector"] == 0.9 && rows[0].reasons.hasPrefix("offers PLA"))
        #expect(rows[1].reasons == "'=not a formula")
        #expect(rows[2].components.isEmpty && rows[2].score == 0.7124)
        #expect(RecommendationsReader.rankings(rows) == ["eu-1": ["cp-3", "cp-7"], "cp-3": ["eu-1"]])
        let minimal = try RecommendationsReader()
            .readCSV(Data("participant_id,rank,partner_id\na,1,b\n".utf8), displayName: "r.csv").value
        #expect(minimal == [RecommendationsReader.Row(participant: "a", rank: 1, partner: "b",
                                                      source: SourceLocation(file: "r.csv", line: 2))])
    }

    @Test func recommendationErrorsNameLineAndColumn() {
        let text = """
            participant_id,rank,partner_id,score
            a,1,b,0.9
            a,1,c,0.8
            a,2,b,0.7
            a,0,d,0.5
            a,3,e,1.5
            a,4,a,0.1
            """
        let errors = Self.errors { () throws(ImportError) in
            _ = try RecommendationsReader().readCSV(Data(text.utf8), displayName: "recommendations.csv")
        }
        #expect(errors == [
            "recommendations.csv:3: column 'rank': rank 1 of a is already given on line 2 (give each of a participant's partners its own rank)",
            "recommendations.csv:4: column 'partner_id': b is already recommended to a on line 2 (list each partner once per participant)",
            "recommendations.csv:5: column 'rank': '0' is not an integer ≥ 1 (write 1 for the best partner, 2 for the next, …)",
            "recommendations.csv:6: column 'score': '1.5' is not a number from 0 to 1 (write e.g. 0.7124)",
            "recommendations.csv:7: column 'partner_id': a is recommended to itself (remove the row)",
        ])
    }
}
