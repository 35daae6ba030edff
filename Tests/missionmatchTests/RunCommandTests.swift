import Foundation
import MissionMatchTestSupport
@testable import missionmatch
import Testing

/// `missionmatch run`: argument parsing, and end-to-end runs of the built binary
/// on the bundled `Data/` and on small fixtures.
struct RunCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let bundledData = repository.appendingPathComponent("Data")
    static let bundledMissions = ["escp4i-matchmaking-2019", "shanghai-2019", "toronto-2019", "washington-philadelphia-2019"]
    static let topLevelFiles = ["agenda.csv", "agenda.html", "agenda.json", "recommendations.csv", "summary.md"]
    static let hasBinary = ValidateCommandTests.binary != nil

    static func run(_ arguments: [String]) throws -> ValidateCommandTests.Run {
        try ValidateCommandTests.run(arguments)
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Runs the binary once per argument list, all at the same time (`ChildProcess`: output through temporary files).
    static func runConcurrently(_ argumentLists: [[String]]) throws -> [ValidateCommandTests.Run] {
        let binary: URL = try #require(ValidateCommandTests.binary)
        let started = try argumentLists.map { arguments in
            try ChildProcess(executable: binary, arguments: arguments, environment: CommandEnvironment.lexical()).start()
        }
        return started.map { running in
            let result = running.wait(timeout: 600)
            return ValidateCommandTests.Run(status: result.status, output: result.output, errors: result.errors)
        }
    }

    /// Every regular file under `folder`, by relative path.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        let enumerator = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            files[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return files
    }

    // MARK: - Parsing

    @Test func argumentsParse() throws {
        let defaults = try Run.parse([])
        #expect(defaults.missions.isEmpty)
        #expect(defaults.out == "OUT")
        #expect(defaults.format == .text)
        #expect(!defaults.quiet)
        #expect(defaults.keepFrom == nil)
        let full = try Run.parse(["a.yaml", "b.json", "--out", "X", "--data", "D", "--format", "json", "--quiet", "--keep-from", "Y"])
        #expect(full.missions == ["a.yaml", "b.json"])
        #expect(full.out == "X" && full.data == "D" && full.format == .json && full.quiet && full.keepFrom == "Y")
        #expect(throws: (any Error).self) { try Run.parse(["--format", "xml"]) }
        #expect(throws: (any Error).self) { try Run.parse(["--out", "X", "--keep-from", "X/"]) }
    }

    // MARK: - The bundled missions

    /// Runs all four bundled missions twice (text, then JSON summaries) and
    /// checks every file, the determinism of the whole tree and the inputs.
    @Test func runsEveryBundledMissionDeterministically() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputsBefore = try Self.tree(Self.bundledData)
        let first = folder.appendingPathComponent("first"), second = folder.appendingPathComponent("second")

        // The two runs go side by side: the planner and the writers are single-threaded.
        let runs = try Self.runConcurrently([
            ["run", "--data", Self.bundledData.path, "--out", first.path],
            ["run", "--data", Self.bundledData.path, "--out", second.path, "--format", "json", "--quiet"],
        ])
        let text = runs[0], json = runs[1]
        #expect(text.status == 0, "\(text.errors)")
        #expect(!text.output.contains("\u{1B}["), "no colour when not a terminal")
        #expect(!text.errors.contains("\r"), "no progress line when not a terminal")
        for mission in Self.bundledMissions {
            #expect(text.output.contains("\(mission) — "))
            #expect(text.output.contains("\(first.appendingPathComponent(mission).path)/: summary.md, agenda.html, agenda.csv, agenda.json, recommendations.csv, calendars/*.ics ("))
        }

        #expect(json.status == 0, "\(json.errors)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let reports = try #require(document["missions"] as? [[String: Any]])
        #expect(reports.compactMap { $0["mission"] as? String } == Self.bundledMissions)

        let firstTree = try Self.tree(first), secondTree = try Self.tree(second)
        #expect(firstTree.keys.sorted() == secondTree.keys.sorted())
        for (path, data) in firstTree {
            #expect(secondTree[path] == data, "\(path) differs between two runs")
        }
        #expect(!firstTree.keys.contains { $0.contains(".tmp") })

        for (mission, report) in zip(Self.bundledMissions, reports) {
            for name in Self.topLevelFiles {
                #expect(firstTree["\(mission)/\(name)"] != nil, "\(mission)/\(name) missing")
            }
            let agendaData = try #require(firstTree["\(mission)/agenda.json"])
            let agenda = try #require(try JSONSerialization.jsonObject(with: agendaData) as? [String: Any])
            let stats = try #require(agenda["stats"] as? [String: Any])
            let meetings = try #require(agenda["meetings"] as? [[String: Any]])
            let csvRows = String(decoding: try #require(firstTree["\(mission)/agenda.csv"]), as: UTF8.self)
                .split(separator: "\n").count - 1
            #expect(stats["meetings"] as? Int == csvRows)
            #expect(meetings.count == csvRows)
            #expect(csvRows > 0)
            #expect(report["meetings"] as? Int == csvRows)
            // One calendar for every participant with a meeting.
            let calendars = firstTree.keys.filter { $0.hasPrefix("\(mission)/calendars/") && $0.hasSuffix(".ics") }
            #expect(calendars.count == stats["participants_with_meetings"] as? Int)
            let files = try #require(report["files"] as? [String])
            #expect(files.count == Self.topLevelFiles.count + calendars.count)
            let recommendations = String(decoding: try #require(firstTree["\(mission)/recommendations.csv"]), as: UTF8.self)
            #expect(recommendations.hasPrefix("participant_id,rank,partner_id,score,complementarity,similarity,sector,country,cooperation,reasons,competition,met_before\n"))
            #expect(report["recommendations"] as? Int == recommendations.split(separator: "\n").count - 1)
        }
        #expect(try Self.tree(Self.bundledData) == inputsBefore, "inputs modified")
    }

    // MARK: - Exit codes

    @Test func missingMissionExitsWith66() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.run(["run", "--data", ValidateCommandTests.data, "--out", folder.path, "/nonexistent/mission.yaml"])
        #expect(run.status == 66)
        #expect(run.errors.contains("/nonexistent/mission.yaml: file not found (check the path)"))
        #expect(try Self.tree(folder).isEmpty)
        // A data folder without missions/ and no mission given.
        let none = try Self.run(["run", "--data", ValidateCommandTests.data, "--out", folder.path])
        #expect(none.status == 66)
        #expect(none.errors.contains("no mission files"))
    }

    /// Errors in two files of two missions are all reported, and nothing is written, not even for the valid mission.
    @Test func dataErrorsOfEveryFileExitWith65BeforeAnyWork() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mission = try String(contentsOfFile: ValidateCommandTests.mission, encoding: .utf8)
            .replacingOccurrences(of: "../participants/shanghai-mini.csv", with: "participants.csv")
            .replacingOccurrences(of: "requests: ../requests/shanghai-mini.csv\n", with: "")
        try Data(mission.utf8).write(to: folder.appendingPathComponent("bad-participants.yaml"))
        try Data("id,name,country,side,offers\nsk-01,Slovglass,Czechoslovakia,consortium,Glass jars\nsk-02,Bratislava Print,SK,buyer,Printing\n".utf8)
            .write(to: folder.appendingPathComponent("participants.csv"))
        try Data(mission.replacingOccurrences(of: "tables: 4", with: "tabels: 4").utf8)
            .write(to: folder.appendingPathComponent("typo.yaml"))
        let out = folder.appendingPathComponent("OUT")
        let run = try Self.run(["run", "--data", ValidateCommandTests.data, "--out", out.path,
                                ValidateCommandTests.mission,
                                folder.appendingPathComponent("bad-participants.yaml").path,
                                folder.appendingPathComponent("typo.yaml").path])
        #expect(run.status == 65)
        #expect(run.errors.contains("participants.csv:2: column 'country': 'Czechoslovakia' is not a known country"))
        #expect(run.errors.contains("participants.csv:3: column 'side': 'buyer' is not a side"))
        #expect(run.errors.contains("typo.yaml:"))
        #expect(run.errors.contains("key 'tabels': unknown key"))
        #expect(run.output == "")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    /// Two editions of a mission with the same organisations, the later one
    /// given first: both are planned in date order, the summaries come in the
    /// order given, and the later edition marks the pairs that already met.
    @Test func laterMissionsKnowWhoMetAtEarlierOnes() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixtures = ValidateCommandTests.fixtures
        let mission = try String(contentsOfFile: ValidateCommandTests.mission, encoding: .utf8)
            .replacingOccurrences(of: "../participants/shanghai-mini.csv", with: fixtures.appendingPathComponent("participants/shanghai-mini.csv").path)
            .replacingOccurrences(of: "../requests/shanghai-mini.csv", with: fixtures.appendingPathComponent("requests/shanghai-mini.csv").path)
        // The 2018 edition: its own participants file (same organisations, 2018 availability).
        let participants2018 = folder.appendingPathComponent("participants-2018.csv")
        try Data(try String(contentsOf: fixtures.appendingPathComponent("participants/shanghai-mini.csv"), encoding: .utf8)
            .replacingOccurrences(of: "2019-06-1", with: "2018-06-1").utf8).write(to: participants2018)
        let earlier = mission.replacingOccurrences(of: "id: shanghai-mini", with: "id: shanghai-mini-2018")
            .replacingOccurrences(of: "name: AdPack² business mission to Shanghai (test)", with: "name: Shanghai 2018")
            .replacingOccurrences(of: "2019-06-1", with: "2018-06-1")
            .replacingOccurrences(of: fixtures.appendingPathComponent("participants/shanghai-mini.csv").path, with: participants2018.path)
        try Data(mission.utf8).write(to: folder.appendingPathComponent("later.yaml"))
        try Data(earlier.utf8).write(to: folder.appendingPathComponent("earlier.yaml"))
        let out = folder.appendingPathComponent("OUT")
        let run = try Self.run(["run", "--data", ValidateCommandTests.data, "--out", out.path,
                                folder.appendingPathComponent("later.yaml").path, folder.appendingPathComponent("earlier.yaml").path])
        #expect(run.status == 0, "\(run.errors)")
        let later = try #require(run.output.range(of: "shanghai-mini — "))
        let first = try #require(run.output.range(of: "shanghai-mini-2018 — "))
        #expect(later.lowerBound < first.lowerBound, "summaries in the order given")
        let marked = try String(contentsOf: out.appendingPathComponent("shanghai-mini/recommendations.csv"), encoding: .utf8)
        let unmarked = try String(contentsOf: out.appendingPathComponent("shanghai-mini-2018/recommendations.csv"), encoding: .utf8)
        #expect(marked.contains(",shanghai-mini-2018\n"))
        #expect(marked.contains("on the agenda of Shanghai 2018"))
        #expect(!unmarked.contains("shanghai-mini"), "the earlier edition knows nothing of the later one")
    }

    @Test func duplicateMissionIDsExitWith65() throws {
        let run = try Self.run(["run", "--data", ValidateCommandTests.data, "--out", "/nonexistent/out",
                                ValidateCommandTests.mission, ValidateCommandTests.mission])
        #expect(run.status == 65)
        #expect(run.errors.contains("'shanghai-mini' is already the id of"))
    }

    @Test func unwritableOutExitsWith73() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let run = try Self.run(["run", "--data", ValidateCommandTests.data, "--out", file.appendingPathComponent("OUT").path,
                                ValidateCommandTests.mission])
        #expect(run.status == 73)
        #expect(run.errors.contains("cannot create the folder"))
        #expect(try Data(contentsOf: file) == Data("x".utf8))
    }

    /// An input inside the output folder is never overwritten (exit 73).
    @Test func inputInsideTheOutputFolderIsNotOverwritten() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missionFolder = folder.appendingPathComponent("OUT/shanghai-mini")
        try FileManager.default.createDirectory(at: missionFolder, withIntermediateDirectories: true)
        let participants = ValidateCommandTests.fixtures.appendingPathComponent("participants/shanghai-mini.csv")
        let original = try Data(contentsOf: participants)
        try original.write(to: missionFolder.appendingPathComponent("recommendations.csv"))
        let mission = try String(contentsOfFile: ValidateCommandTests.mission, encoding: .utf8)
            .replacingOccurrences(of: "../participants/shanghai-mini.csv", with: "recommendations.csv")
            .replacingOccurrences(of: "requests: ../requests/shanghai-mini.csv\n", with: "")
        try Data(mission.utf8).write(to: missionFolder.appendingPathComponent("mission.yaml"))
        let run = try Self.run(["run", "--data", ValidateCommandTests.data, "--out", folder.appendingPathComponent("OUT").path,
                                missionFolder.appendingPathComponent("mission.yaml").path])
        #expect(run.status == 73)
        #expect(run.errors.contains("is an input of this run and will not be overwritten"))
        #expect(try Data(contentsOf: missionFolder.appendingPathComponent("recommendations.csv")) == original)
    }

    // MARK: - Re-planning

    @Test func keepFromKeepsTheEarlierMeetings() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("first"), second = folder.appendingPathComponent("second")
        let base = ["run", "--data", ValidateCommandTests.data, ValidateCommandTests.mission]
        #expect(try Self.run(base + ["--out", first.path]).status == 0)
        let replan = try Self.run(base + ["--out", second.path, "--keep-from", first.path, "--format", "json"])
        #expect(replan.status == 0, "\(replan.errors)")
        let report = try #require((try JSONSerialization.jsonObject(with: Data(replan.output.utf8)) as? [String: Any])?["missions"] as? [[String: Any]])
        let meetings = try #require(report.first?["meetings"] as? Int)
        #expect(meetings > 0)
        #expect(report.first?["kept_meetings"] as? Int == meetings)
        #expect(report.first?["cancelled_meetings"] as? Int == 0)
        let agenda = try String(contentsOf: second.appendingPathComponent("shanghai-mini/agenda.json"), encoding: .utf8)
        #expect(agenda.contains("\"locked\": true"))

        let same = try Self.run(base + ["--out", first.path, "--keep-from", first.path])
        #expect(same.status == 64)
        let missing = try Self.run(base + ["--out", second.path, "--keep-from", folder.appendingPathComponent("none").path])
        #expect(missing.status == 66)
    }

    // MARK: - Help and version

    @Test func helpShowsWorkedExamplesAndVersion() throws {
        let root = try Self.run(["--help"])
        #expect(root.status == 0)
        #expect(root.output.contains("missionmatch run --out OUT"))
        for command in ["run", "validate", "rank", "schedule", "doctor"] {
            #expect(root.output.contains(command))
            let help = try Self.run(["help", command])
            #expect(help.status == 0)
            #expect(help.output.contains("$ missionmatch \(command)") || help.output.contains("  missionmatch \(command)"),
                    "missionmatch help \(command) has no worked example")
        }
        let run = try Self.run(["help", "run"])
        #expect(run.output.contains("$ missionmatch run --out OUT"))
        #expect(run.output.contains("Exit codes: 0 done, 64 usage, 65 bad data, 66 missing input, 73 cannot write."))
        let version = try Self.run(["--version"])
        #expect(version.output == MissionMatchVersion.string + "\n")
        let usage = try Self.run(["run", "--format", "xml"])
        #expect(usage.status == 64)
        #expect(usage.output == "" && usage.errors.contains("xml"))
    }
}
