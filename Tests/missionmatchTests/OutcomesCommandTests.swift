import Foundation
@testable import missionmatch
import Testing

/// `missionmatch outcomes template|report`: the real binary on the bundled
/// Toronto outcomes and the agenda handed out, and its exit codes.
struct OutcomesCommandTests {
    typealias V = ValidateCommandTests
    static let data = RankCommandTests.data
    static let toronto = RankCommandTests.toronto
    static let handedOut = data.appendingPathComponent("outcomes/handed-out").path

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("missionmatch-outcomes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// RFC 4180 records, written out plainly (quotes doubled inside quoted fields).
    static func records(_ text: String) -> [[String]] {
        var records: [[String]] = [], fields: [String] = [], field = "", quoted = false, previous: Character = " "
        for character in text {
            if quoted {
                if character == "\"" { quoted = false } else { field.append(character) }
            } else if character == "\"" {
                if previous == "\"" { field.append("\"") }
                quoted = true
            } else if character == "," {
                fields.append(field); field = ""
            } else if character == "\n" {
                fields.append(field); records.append(fields); fields = []; field = ""
            } else {
                field.append(character)
            }
            previous = character
        }
        return records
    }

    @Test func argumentsParse() throws {
        let report = try OutcomesReport.parse(["a.yaml", "--run", "OUT", "--outcomes", "o.csv", "--format", "json"])
        #expect(report.runFolder == "OUT" && report.outcomes == "o.csv" && report.format == .json)
        #expect(throws: (any Error).self) { try OutcomesReport.parse(["--outcomes", "o.csv"]) }
        #expect(throws: (any Error).self) { try OutcomesTemplate.parse(["a.yaml", "--out", "x.csv"]) }
    }

    @Test func theBundledProgrammeReportMatchesItsOutcomesFile() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try V.run(["outcomes", "report", "--data", Self.data.path, "--run", Self.handedOut, "--out", out.path])
        #expect(run.status == 0, "\(run.errors)")
        // An independent count of the bundled file.
        let csv = try String(contentsOf: Self.data.appendingPathComponent("outcomes/toronto-2019.csv"), encoding: .utf8)
        let rows = Self.records(csv).dropFirst()
        let held = rows.count { $0[9] == "yes" }
        let agreements = rows.count { ["cooperation_agreement", "business_agreement", "mou"].contains($0[12]) }
        #expect(rows.allSatisfy { $0.count == 15 } && held > 300 && agreements > 10)
        #expect(run.output.contains("toronto-2019: 388 on the agenda, \(held) held"))
        #expect(run.output.contains("\(agreements) agreements"))
        for name in ["outcomes.md", "outcomes.html", "outcomes.json"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path), "\(name)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("outcomes.json"))) as? [String: Any]
        let missions = try #require(json?["missions"] as? [[String: Any]])
        #expect(missions.count == 1 && (missions[0]["funnel"] as? [String: Any])?["held"] as? Int == held)
        // Same inputs, same bytes.
        let again = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: again) }
        _ = try V.run(["outcomes", "report", "--data", Self.data.path, "--run", Self.handedOut, "--out", again.path])
        for name in ["outcomes.md", "outcomes.html", "outcomes.json"] {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == Data(contentsOf: again.appendingPathComponent(name)))
        }
    }

    @Test func theTemplateReadsBackAsAnEmptyReport() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let agenda = Self.handedOut + "/toronto-2019/agenda.json"
        let template = out.appendingPathComponent("template.csv")
        let made = try V.run(["outcomes", "template", Self.toronto, "--data", Self.data.path, "--agenda", agenda, "--out", template.path])
        #expect(made.status == 0, "\(made.errors)")
        #expect(made.output == "wrote \(template.path): 388 meetings to report on\n")
        let report = try V.run(["outcomes", "report", Self.toronto, "--data", Self.data.path, "--run", Self.handedOut,
                                "--outcomes", template.path])
        #expect(report.status == 0, "\(report.errors)")
        #expect(report.output.hasPrefix("toronto-2019: 388 on the agenda, 0 held, 0 rated useful by both, 0 agreements\n"))
    }

    @Test func exitCodesSayWhatIsWrong() throws {
        let out = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        // No agenda handed out in the run folder: 66, naming the file.
        let missing = try V.run(["outcomes", "report", Self.toronto, "--data", Self.data.path, "--run", out.path])
        #expect(missing.status == 66)
        #expect(missing.errors.contains("toronto-2019/agenda.json") && missing.errors.contains("the agenda handed out for toronto-2019 is not there"))
        // A bad outcomes file: 65, every error with its line and column.
        let bad = out.appendingPathComponent("bad.csv")
        try Data("mission_id,participant_a,participant_b,rating_a,follow_up\ntoronto-2019,tor-eu-001,nobody,9,mou\nother,tor-eu-001,tor-ca-001,,handshake\n".utf8).write(to: bad)
        let invalid = try V.run(["outcomes", "report", Self.toronto, "--data", Self.data.path, "--run", Self.handedOut,
                                 "--outcomes", bad.path])
        #expect(invalid.status == 65)
        #expect(invalid.errors.contains("bad.csv:2: column 'participant_b': 'nobody' is not the id of any participant"))
        #expect(invalid.errors.contains("bad.csv:3: column 'mission_id': 'other' is not this mission's id (toronto-2019)"))
        #expect(invalid.errors.contains("bad.csv:3: column 'follow_up': 'handshake' is not a value of this column"))
        // Usage: --outcomes with no mission.
        let usage = try V.run(["outcomes", "report", "--outcomes", bad.path])
        #expect(usage.status == 64)
        // The template never overwrites an input.
        let overwrite = try V.run(["outcomes", "template", Self.toronto, "--data", Self.data.path,
                                   "--agenda", Self.handedOut + "/toronto-2019/agenda.json",
                                   "--out", Self.data.appendingPathComponent("outcomes/toronto-2019.csv").path])
        #expect(overwrite.status == 73)
    }
}
