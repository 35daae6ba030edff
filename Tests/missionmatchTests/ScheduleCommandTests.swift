import Foundation
@testable import missionmatch
import Testing

/// `missionmatch schedule`: parsing, and the real binary on the bundled missions with generated scores.
struct ScheduleCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let missions = ["escp4i-matchmaking-2019", "shanghai-2019", "toronto-2019", "washington-philadelphia-2019"]

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-schedule-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A pair-scores file: for each participant, up to 8 partners (other side, or anyone when open), seeded scores.
    static func writeScores(for mission: String, to url: URL) throws {
        let text = try String(contentsOf: repository.appendingPathComponent("Data/participants/\(mission).csv"), encoding: .utf8)
        // Ids open a record: `sha-eu-001,` (sides from the id: -eu- is the consortium; hub- ids are an open mission).
        var rows: [(id: String, side: String)] = []
        for line in text.split(separator: "\n").dropFirst() {
            guard let id = line.split(separator: ",").first.map(String.init),
                  id.range(of: #"^[a-z]+-([a-z]+-)?[0-9]+$"#, options: .regularExpression) != nil else { continue }
            rows.append((id, id.hasPrefix("hub-") ? "" : id.contains("-eu-") ? "consortium" : "counterpart"))
        }
        var csv = "participant_a,participant_b,score\n"
        var seen = Set<String>()
        for (i, a) in rows.enumerated() {
            for step in 1...8 {
                let b = rows[(i * 7 + step * 13) % rows.count]
                guard a.id != b.id, a.side.isEmpty || a.side != b.side else { continue }
                let key = min(a.id, b.id) + "|" + max(a.id, b.id)
                guard seen.insert(key).inserted else { continue }
                csv += "\(a.id),\(b.id),\(Double((i * 31 + step * 17) % 97 + 3) / 100)\n"
            }
        }
        try Data(csv.utf8).write(to: url)
    }

    @Test func argumentsParse() throws {
        let command = try Schedule.parse(["m.yaml", "--scores", "s.csv", "--keep", "a.json", "--out", "o", "--fixed-table-side", "consortium"])
        #expect(command.scores == "s.csv" && command.keep == "a.json" && command.out == "o" && command.fixedTableSide == "consortium")
        #expect(try Schedule.parse(["m.yaml", "--out", "o"]).scores == nil)  // the engine's candidates
        #expect(throws: (any Error).self) { try Schedule.parse(["m.yaml", "--scores", "s.csv"]) }
        #expect(throws: (any Error).self) { try Schedule.parse(["m.yaml", "--out", "o", "--candidates", "0"]) }
    }

    @Test func withoutScoresPlansFromTheEngine() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mission = Self.repository.appendingPathComponent("Data/missions/toronto-2019.yaml").path
        let run = try ValidateCommandTests.run(["schedule", mission, "--out", folder.path])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("toronto-2019: "))
        let csv = try String(contentsOf: folder.appendingPathComponent("agenda.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        #expect(rows.count > 300)
        // Every meeting carries the engine's reasons, e.g. "offers … ↔ needs …".
        #expect(rows.allSatisfy { !$0.hasSuffix(",") })
        #expect(rows.filter { $0.contains(" ↔ ") }.count > rows.count / 2)
    }

    @Test(arguments: missions)
    func plansBundledMission(_ mission: String) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scores = folder.appendingPathComponent("scores.csv")
        try Self.writeScores(for: mission, to: scores)
        let missionPath = Self.repository.appendingPathComponent("Data/missions/\(mission).yaml").path
        let data = Self.repository.appendingPathComponent("Data").path
        let out = folder.appendingPathComponent("out")
        let run = try ValidateCommandTests.run(["schedule", missionPath, "--scores", scores.path, "--out", out.path, "--data", data])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.hasPrefix("\(mission): "))
        #expect(run.output.contains("upper bound"))
        let csv = try String(contentsOf: out.appendingPathComponent("agenda.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("meeting_id,date,start,end,table,participant_a,participant_b,score,reasons\n"))
        let json = try Data(contentsOf: out.appendingPathComponent("agenda.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let stats = try #require(object["stats"] as? [String: Any])
        let meetings = try #require(object["meetings"] as? [[String: Any]])
        #expect(stats["meetings"] as? Int == meetings.count && meetings.count == csv.split(separator: "\n").count - 1)
        #expect((stats["upper_bound"] as? Double ?? 0) >= (stats["total_score"] as? Double ?? 1))

        // Same inputs, same bytes; then re-plan keeping everything: the meetings stay, now locked.
        let again = folder.appendingPathComponent("again")
        _ = try ValidateCommandTests.run(["schedule", missionPath, "--scores", scores.path, "--out", again.path, "--data", data])
        #expect(try Data(contentsOf: again.appendingPathComponent("agenda.json")) == json)
        let replanned = folder.appendingPathComponent("replanned")
        let keep = try ValidateCommandTests.run(["schedule", missionPath, "--scores", scores.path, "--keep",
                                                 out.appendingPathComponent("agenda.json").path, "--out", replanned.path, "--data", data])
        #expect(keep.status == 0, "\(keep.errors)")
        let replannedCSV = try String(contentsOf: replanned.appendingPathComponent("agenda.csv"), encoding: .utf8)
        let before = Set(csv.split(separator: "\n")), after = Set(replannedCSV.split(separator: "\n"))
        #expect(before.isSubset(of: after), "kept meetings changed")
        let replannedJSON = try String(contentsOf: replanned.appendingPathComponent("agenda.json"), encoding: .utf8)
        #expect(replannedJSON.components(separatedBy: "\"locked\": true").count - 1 == meetings.count)
    }

    @Test func keepOfAnotherMissionIsADataError() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scores = folder.appendingPathComponent("scores.csv")
        try Self.writeScores(for: "toronto-2019", to: scores)
        let agenda = folder.appendingPathComponent("agenda.json")
        try Data(#"{"mission": "shanghai-2019", "meetings": []}"#.utf8).write(to: agenda)
        let run = try ValidateCommandTests.run(["schedule", Self.repository.appendingPathComponent("Data/missions/toronto-2019.yaml").path,
                                                "--scores", scores.path, "--keep", agenda.path, "--out", folder.appendingPathComponent("o").path,
                                                "--data", Self.repository.appendingPathComponent("Data").path])
        #expect(run.status == 65)
        #expect(run.errors.contains("is for mission 'shanghai-2019', not 'toronto-2019'"))
        let missing = try ValidateCommandTests.run(["schedule", Self.repository.appendingPathComponent("Data/missions/toronto-2019.yaml").path,
                                                    "--scores", folder.appendingPathComponent("nope.csv").path, "--out", folder.path,
                                                    "--data", Self.repository.appendingPathComponent("Data").path])
        #expect(missing.status == 66)
    }

    /// Issue 14's minimal fixed-table case through the binary: one meeting at
    /// table 1 (not two), the priorities line, and with `--exact` GLPK's proof.
    @Test(.enabled(if: ValidateCommandTests.binary != nil)) func fixedTablesAndExactMode() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = Self.repository.appendingPathComponent("Tests/MissionMatchIOTests/Fixtures/planner/fixed-tables")
        let run = try ValidateCommandTests.run([
            "schedule", fixture.appendingPathComponent("mission.yaml").path, "--scores", fixture.appendingPathComponent("scores.csv").path,
            "--out", folder.path, "--data", Self.repository.appendingPathComponent("Data").path,
            "--fixed-table-side", "consortium", "--exact", "--time-limit", "20",
        ])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("repro-fixed: 1 meetings, total score 0.9"))
        #expect(run.output.contains("priorities (planned / bound): must requests 0 / 0, meetings towards minimums 0 / 0"))
        #expect(run.output.contains("exact mode: GLPK proved optimal"))
        let csv = try String(contentsOf: folder.appendingPathComponent("agenda.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 2)
        let json = try String(contentsOf: folder.appendingPathComponent("agenda.json"), encoding: .utf8)
        #expect(json.contains(#""priorities": {"must_requests": 0"#))
        let bad = try ValidateCommandTests.run(["schedule", fixture.appendingPathComponent("mission.yaml").path, "--out", folder.path,
                                                "--exact", "--time-limit", "0"])
        #expect(bad.status == 64)
    }
}
