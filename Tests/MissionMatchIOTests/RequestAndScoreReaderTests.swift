import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The file-format specification (FileFormats §2: requests, §2b: pair scores).
struct RequestAndScoreReaderTests {
    static let participants: [Participant] = {
        var list: [Participant] = []
        for (id, side) in [("eu1", "consortium"), ("eu2", "consortium"), ("cn1", "counterpart"), ("cn2", "counterpart")] {
            var p = Participant(id: id, name: id.uppercased(), country: id.hasPrefix("eu") ? "CZ" : "CN")
            p.side = Side(rawValue: side)
            p.offers = "x"
            list.append(p)
        }
        return list
    }()

    private func requestErrors(_ text: String) -> [String] {
        do {
            _ = try MeetingRequestReader(participants: Self.participants, mission: Fixtures.mission)
                .readCSV(Data(text.utf8), displayName: "requests.csv")
            return []
        } catch {
            return error.diagnostics.errorLines
        }
    }

    private func scoreErrors(_ text: String) -> [String] {
        do {
            _ = try PairScoreReader(participants: Self.participants, mission: Fixtures.mission)
                .readCSV(Data(text.utf8), displayName: "scores.csv")
            return []
        } catch {
            return error.diagnostics.errorLines
        }
    }

    @Test func validRequestsAreRead() throws {
        let requests = try MeetingRequestReader(participants: Self.participants)
            .readCSV(Data("from,to,priority,note\neu1,cn1,MUST,\"Pilot, phase 2\"\neu2,cn1,wish,\ncn2,eu1,block,\n".utf8),
                     displayName: "requests.csv").value
        #expect(requests.map(\.priority) == [.must, .wish, .block])
        #expect(requests[0].note == "Pilot, phase 2")
        #expect(requests[1].note == nil)
        #expect(requests[2].source == SourceLocation(file: "requests.csv", line: 4))
    }

    @Test func requestRulesHaveExactMessages() {
        #expect(requestErrors("from,to,priority\neu1,cn9,must\neu1,cn1,maybe\neu1,eu1,wish\neu1,eu2,wish\neu2,cn2,must\ncn2,eu2,block\n,cn1,wish\n") == [
            "requests.csv:2: column 'to': 'cn9' is not the id of any participant (use an id from the participants file)",
            "requests.csv:3: column 'priority': 'maybe' is not a priority (use must, wish or block)",
            "requests.csv:4: column 'to': 'eu1' is the same participant as the first one (a pair joins two different participants)",
            "requests.csv:5: column 'to': 'eu1' and 'eu2' are both on side consortium (a bipartite mission only pairs participants of different sides)",
            "requests.csv:7: column 'to': the pair 'cn2', 'eu2' was already requested on line 6 (keep one line per pair)",
            "requests.csv:8: column 'from': the id is missing (write a participant id from the participants file)",
        ])
        #expect(requestErrors("from,to\neu1,cn1\n") == [
            "requests.csv:1: column 'priority': required column is missing (add a 'priority' column with must, wish or block)",
        ])
        #expect(requestErrors("from,to,priority,comment\neu1,cn1,must,x\n") == [
            "requests.csv:1: column 'comment': unknown column (the columns are from, to, priority, note)",
        ])
    }

    @Test func validScoresAreRead() throws {
        let scores = try PairScoreReader(participants: Self.participants)
            .readCSV(Data("participant_a,participant_b,score\neu1,cn1,0.75\neu2,cn2,1\n".utf8), displayName: "scores.csv").value
        #expect(scores.map(\.score) == [0.75, 1])
        #expect(scores[0].participantA == "eu1")
    }

    @Test func scoreRulesHaveExactMessages() {
        #expect(scoreErrors("participant_a,participant_b,score\neu1,cn1,1.5\neu1,cn2,high\neu9,cn1,0.5\neu2,cn2,\ncn1,eu2,0.1\neu2,cn1,0.2\n") == [
            "scores.csv:2: column 'score': 1.5 is outside [0, 1] (write a score from 0 to 1)",
            "scores.csv:3: column 'score': 'high' is not a number (write a score from 0 to 1, e.g. 0.75)",
            "scores.csv:4: column 'participant_a': 'eu9' is not the id of any participant (use an id from the participants file)",
            "scores.csv:5: column 'score': the score is missing (write a score from 0 to 1, e.g. 0.75)",
            "scores.csv:7: column 'participant_b': the pair 'eu2', 'cn1' was already scored on line 6 (keep one line per pair)",
        ])
    }
}
