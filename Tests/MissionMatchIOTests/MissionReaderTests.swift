import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The file-format specification (FileFormats §3): every key of a mission file is checked, with its line.
struct MissionReaderTests {
    static let valid = """
        id: shanghai-2019
        name: AdPack² business mission to Shanghai
        host_country: China
        city: Shanghai
        timezone: Asia/Shanghai
        participants: ../participants/shanghai-2019.csv
        requests: ../requests/shanghai-2019.csv
        pairing: bipartite
        sides: [Consortium, counterpart]
        sessions:
          - {date: 2019-06-17, start: "09:00", end: "12:30"}
          - {date: 2019-06-18, start: 14:00, end: 17:30}
        meeting_minutes: 20
        break_minutes: 5
        tables: 25
        max_meetings: 8
        min_meetings: 2
        rules:
          exclude_same_cluster: true
        weights:
          sector: 0.2
        top_k: 10
        targets:
          meetings: 200
        """

    private func read(_ yaml: String) -> (mission: MissionFile?, errors: [String], warnings: [String]) {
        do {
            let result = try MissionReader(referenceData: Fixtures.reference)
                .read(Data(yaml.utf8), format: .yaml, displayName: "mission.yaml", baseURL: URL(fileURLWithPath: "/missions"))
            return (result.value, [], result.diagnostics.warningLines)
        } catch {
            return (nil, error.diagnostics.errorLines, error.diagnostics.warningLines)
        }
    }

    private func errors(replacing old: String, with new: String) -> [String] {
        read(Self.valid.replacingOccurrences(of: old, with: new)).errors
    }

    @Test func validMissionIsReadWithDefaultsAndResolvedPaths() throws {
        let result = read(Self.valid)
        #expect(result.errors == [])
        let file = try #require(result.mission)
        let mission = file.mission
        #expect(mission.id == "shanghai-2019")
        #expect(mission.hostCountry == "CN")
        #expect(mission.timeZone.identifier == "Asia/Shanghai")
        #expect(mission.sides == ["consortium", "counterpart"])
        #expect(mission.sessions.map(\.description) == ["2019-06-17 09:00-12:30", "2019-06-18 14:00-17:30"])
        #expect(mission.rules == MatchingRules(excludeSameCluster: true))
        #expect(mission.weights == ScoringWeights(sector: 0.2))
        #expect(mission.targets == MissionTargets(meetings: 200))
        #expect(file.participantsURL.path == "/participants/shanghai-2019.csv")
        #expect(file.requestsURL?.path == "/requests/shanghai-2019.csv")
        #expect(file.participantsLine == 6)
        #expect(mission.slots.count == 16)
    }

    @Test func unknownKeysAreErrorsWithTheirLine() {
        #expect(errors(replacing: "tables: 25", with: "tabels: 25") == [
            "mission.yaml:15: key 'tabels': unknown key (did you mean 'tables'?)",
            "mission.yaml:1: key 'tables': required key is missing (add e.g. tables: 25)",
        ])
        #expect(errors(replacing: "  exclude_same_cluster: true", with: "  exclude_same_cluster: true\n  no_competitors: true") == [
            "mission.yaml:20: key 'rules.no_competitors': unknown key (the keys here are exclude_same_cluster, exclude_same_country, require_common_language, exclude_met_before)",
        ])
        #expect(errors(replacing: "{date: 2019-06-17, start: \"09:00\", end: \"12:30\"}",
                       with: "{date: 2019-06-17, start: \"09:00\", end: \"12:30\", room: B}") == [
            "mission.yaml:11: key 'sessions[1].room': unknown key (the keys here are date, start, end)",
        ])
    }

    @Test func requiredKeysAreNamed() {
        #expect(errors(replacing: "timezone: Asia/Shanghai\n", with: "") == [
            "mission.yaml:1: key 'timezone': required key is missing (add e.g. timezone: Asia/Shanghai)",
        ])
    }

    @Test func idMustMatchThePattern() {
        #expect(errors(replacing: "id: shanghai-2019", with: "id: Shanghai 2019") == [
            "mission.yaml:1: key 'id': 'Shanghai 2019' is not a valid mission id (use lowercase letters, digits and '-', e.g. shanghai-2019)",
        ])
    }

    @Test func timeZoneMustBeKnown() {
        #expect(errors(replacing: "timezone: Asia/Shanghai", with: "timezone: Asia/Shangai") == [
            "mission.yaml:5: key 'timezone': 'Asia/Shangai' is not a known IANA time zone (did you mean Asia/Shanghai?)",
        ])
    }

    @Test func sessionsAreChecked() {
        #expect(errors(replacing: "end: 17:30", with: "end: 13:30") == [
            "mission.yaml:12: key 'sessions[2].end': 13:30 is not after the start 14:00 (the end must be later than the start on the same day)",
        ])
        #expect(errors(replacing: "start: \"09:00\"", with: "start: 9h") == [
            "mission.yaml:11: key 'sessions[1].start': '9h' is not a time (write HH:MM, e.g. 09:00)",
        ])
        #expect(errors(replacing: "date: 2019-06-18", with: "date: 2019-06-31") == [
            "mission.yaml:12: key 'sessions[2].date': '2019-06-31' is not a date (write YYYY-MM-DD, e.g. 2019-06-17)",
        ])
        #expect(errors(replacing: "date: 2019-06-18, start: 14:00", with: "date: 2019-06-17, start: 12:00") == [
            "mission.yaml:12: key 'sessions[2]': session 2 (2019-06-17 12:00-17:30) overlaps session 1 (2019-06-17 09:00-12:30) (merge them or change their times)",
        ])
        #expect(errors(replacing: "meeting_minutes: 20", with: "meeting_minutes: 300") == [
            "mission.yaml:10: key 'sessions': no meeting of 300 minutes fits in any session (make the sessions longer or meeting_minutes shorter)",
        ])
    }

    @Test func bipartiteMissionsNeedTwoSides() {
        #expect(errors(replacing: "sides: [Consortium, counterpart]\n", with: "") == [
            "mission.yaml:1: key 'sides': required key is missing (add e.g. sides: [consortium, counterpart])",
        ])
        #expect(errors(replacing: "[Consortium, counterpart]", with: "[eu, ca, us]") == [
            "mission.yaml:9: key 'sides': a bipartite mission has exactly two sides, not 3 (list two labels, e.g. sides: [consortium, counterpart])",
        ])
        #expect(errors(replacing: "pairing: bipartite", with: "pairing: open") == [
            "mission.yaml:9: key 'sides': sides are only used when pairing is bipartite (remove sides, or set pairing: bipartite)",
        ])
        #expect(errors(replacing: "pairing: bipartite", with: "pairing: mixed") == [
            "mission.yaml:8: key 'pairing': 'mixed' is not a pairing (use bipartite or open)",
        ])
    }

    @Test func encoderKeyIsResolvedOrSwitchedOff() throws {
        #expect(read(Self.valid).mission?.encoderURL == nil)
        let relative = try #require(read(Self.valid + "\nencoder: ../models/all-MiniLM-L6-v2").mission)
        #expect(relative.encoderURL?.path == "/models/all-MiniLM-L6-v2")
        #expect(relative.mission.encoderPath == "../models/all-MiniLM-L6-v2")
        #expect(!relative.refusesEncoder)
        let home = try #require(read(Self.valid + "\nencoder: ~/models/m").mission)
        #expect(home.encoderURL?.path == NSString(string: "~/models/m").expandingTildeInPath)
        let off = try #require(read(Self.valid + "\nencoder: none").mission)
        #expect(off.encoderURL == nil && off.refusesEncoder)
        // The mission file writer keeps the key.
        #expect(MissionFileWriter().yaml(for: relative.mission).contains("encoder: \"../models/all-MiniLM-L6-v2\"\n"))
        #expect(read(Self.valid.replacingOccurrences(of: "sector: 0.2", with: "sector: 0.2\n  semantic_share: 1.5")).errors == [
            "mission.yaml:21: key 'weights.semantic_share': 1.5 is above 1 (give a share between 0 (lexical only) and 1 (sentence encoder only))",
        ])
    }

    @Test func reciprocityMeanIsReadAndChecked() throws {
        #expect(read(Self.valid).mission?.mission.weights.reciprocity == .arithmetic)
        let geometric = read(Self.valid.replacingOccurrences(of: "sector: 0.2", with: "sector: 0.2\n  reciprocity: geometric"))
        #expect(geometric.errors == [])
        #expect(geometric.mission?.mission.weights.reciprocity == .geometric)
        #expect(errors(replacing: "sector: 0.2", with: "sector: 0.2\n  reciprocity: cubic") == [
            "mission.yaml:22: key 'weights.reciprocity': 'cubic' is not a reciprocity mean (use harmonic, geometric or arithmetic)",
        ])
    }

    @Test func numbersAreChecked() {
        #expect(errors(replacing: "tables: 25", with: "tables: 0") == [
            "mission.yaml:15: key 'tables': 0 is less than 1 (write 1 or more)",
        ])
        #expect(errors(replacing: "max_meetings: 8", with: "max_meetings: eight") == [
            "mission.yaml:16: key 'max_meetings': 'eight' is not a whole number (write a number such as 8)",
        ])
        #expect(errors(replacing: "min_meetings: 2", with: "min_meetings: 9") == [
            "mission.yaml:17: key 'min_meetings': 9 is more than max_meetings 8 (lower min_meetings or raise max_meetings)",
        ])
        #expect(errors(replacing: "sector: 0.2", with: "sector: -0.2") == [
            "mission.yaml:21: key 'weights.sector': -0.2 is negative (weights must be 0 or more)",
        ])
        #expect(errors(replacing: "exclude_same_cluster: true", with: "exclude_same_cluster: maybe") == [
            "mission.yaml:19: key 'rules.exclude_same_cluster': 'maybe' is not true or false (write true or false)",
        ])
        #expect(errors(replacing: "top_k: 10", with: "top_k: 0") == [
            "mission.yaml:22: key 'top_k': 0 is less than 1 (write 1 or more)",
        ])
    }

    @Test func hostCountryMustBeKnown() {
        #expect(errors(replacing: "host_country: China", with: "host_country: Cathay") == [
            "mission.yaml:3: key 'host_country': 'Cathay' is not a known country (use an ISO code such as CN, CA or US)",
        ])
    }

    @Test func yamlSyntaxErrorsHaveALine() {
        let result = read("id: x\nname: [unclosed\ntimezone: UTC\n")
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.hasPrefix("mission.yaml:") == true)
        #expect(result.errors.first?.hasSuffix("(fix the YAML syntax)") == true)
        #expect(read("").errors.first?.hasPrefix("mission.yaml: the file is empty") == true)
        #expect(read("- just\n- a list\n").errors == [
            "mission.yaml:1: the value is a list, not a mapping of keys (a mission file is a mapping of keys such as id, name, timezone, sessions)",
        ])
    }

    @Test func jsonMissionsAreCheckedTheSameWay() throws {
        let json = """
            {"id": "escp4i-matchmaking-2019", "name": "ESCP-4i matchmaking", "timezone": "Europe/Brussels",
             "participants": "p.csv", "pairing": "open",
             "sessions": [{"date": "2019-11-20", "start": "10:00", "end": "12:00"}],
             "meeting_minutes": 30, "tables": 10, "tabels": 3}
            """
        let reader = MissionReader(referenceData: Fixtures.reference)
        #expect(throws: ImportError.self) {
            try reader.read(Data(json.utf8), format: .json, displayName: "m.json", baseURL: URL(fileURLWithPath: "/"))
        }
        do {
            _ = try reader.read(Data(json.utf8), format: .json, displayName: "m.json", baseURL: URL(fileURLWithPath: "/"))
        } catch {
            #expect(error.diagnostics.errorLines == ["m.json:4: key 'tabels': unknown key (did you mean 'tables'?)"])
        }
        let fixed = try reader.read(Data(json.replacingOccurrences(of: ", \"tabels\": 3", with: "").utf8), format: .json,
                                    displayName: "m.json", baseURL: URL(fileURLWithPath: "/events")).value
        #expect(fixed.mission.pairing == .open)
        #expect(fixed.mission.slots.count == 4)
        #expect(fixed.participantsURL.path == "/events/p.csv")
    }

    @Test func missingMissionFileIsAMissingFileError() {
        #expect {
            try MissionReader().read(contentsOf: URL(fileURLWithPath: "/nonexistent/mission.yaml"), displayName: "mission.yaml")
        } throws: { error in
            (error as? ImportError)?.diagnostics.errorLines == ["mission.yaml: file not found (check the path)"]
                && (error as? ImportError)?.isMissingFile == true
        }
    }
}
