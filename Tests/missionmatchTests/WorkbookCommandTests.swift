import Foundation
@testable import missionmatch
import Testing

/// The bundled workbook mission through the binary: `run` and `schedule` give
/// the CSV version's files byte for byte, and `run --data Data` does not take
/// it for one more mission.
struct WorkbookCommandTests {
    static let data = RunCommandTests.bundledData
    static let csvMission = data.appendingPathComponent("missions/escp4i-matchmaking-2019.yaml").path
    static let workbookMission = data.appendingPathComponent("workbook/escp4i-matchmaking-2019-workbook.yaml").path

    @Test(.enabled(if: RunCommandTests.hasBinary))
    func runAndScheduleGiveTheCSVMissionsBytes() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("csv"), workbook = folder.appendingPathComponent("workbook")
        let runs = try RunCommandTests.runConcurrently([
            ["run", Self.csvMission, "--data", Self.data.path, "--out", csv.path, "--quiet"],
            ["run", Self.workbookMission, "--data", Self.data.path, "--out", workbook.path, "--quiet"],
        ])
        for run in runs { #expect(run.status == 0, "\(run.errors)") }
        let mission = "escp4i-matchmaking-2019"
        let fromCSV = try RunCommandTests.tree(csv), fromWorkbook = try RunCommandTests.tree(workbook)
        for name in ["recommendations.csv", "agenda.csv", "agenda.json"] {
            let expected = try #require(fromCSV["\(mission)/\(name)"], "\(name) missing")
            #expect(fromWorkbook["\(mission)/\(name)"] == expected, "\(name) differs")
        }
        // The whole tree, calendars and summary included.
        #expect(fromCSV.keys.sorted() == fromWorkbook.keys.sorted())
        for (path, bytes) in fromCSV { #expect(fromWorkbook[path] == bytes, "\(path) differs") }

        let schedules = try RunCommandTests.runConcurrently([
            ["schedule", Self.csvMission, "--out", csv.appendingPathComponent("schedule").path],
            ["schedule", Self.workbookMission, "--out", workbook.appendingPathComponent("schedule").path],
        ])
        for run in schedules { #expect(run.status == 0, "\(run.errors)") }
        for name in ["agenda.csv", "agenda.json"] {
            let expected = try Data(contentsOf: csv.appendingPathComponent("schedule/\(name)"))
            #expect(try Data(contentsOf: workbook.appendingPathComponent("schedule/\(name)")) == expected, "schedule \(name) differs")
        }
    }

    @Test(.enabled(if: RunCommandTests.hasBinary))
    func theWorkbookMissionIsNotAFifthMissionOfTheDataFolder() throws {
        let missions = try FileManager.default.contentsOfDirectory(atPath: Self.data.appendingPathComponent("missions").path)
        #expect(!missions.contains { $0.contains("workbook") })
        let run = try RunCommandTests.run(["validate", Self.workbookMission, "--data", Self.data.path])
        #expect(run.status == 0, "\(run.errors)")
    }

    // MARK: - columns

    static let fixtures = RunCommandTests.repository.appendingPathComponent("Tests/MissionMatchIOTests/Fixtures/columns")

    /// A mission reading `participants` (no columns: block).
    static func mission(in folder: URL, participants: URL) throws -> URL {
        let url = folder.appendingPathComponent("mission.yaml")
        try Data("""
            id: columns-test
            name: "Columns test"
            host_country: BE
            city: Brussels
            timezone: Europe/Brussels
            participants: \(participants.path)
            pairing: open
            sessions:
              - {date: 2019-03-26, start: "09:30", end: "12:30"}
            meeting_minutes: 20
            break_minutes: 5
            tables: 4
            max_meetings: 4

            """.utf8).write(to: url)
        return url
    }

    @Test(.enabled(if: RunCommandTests.hasBinary))
    func columnsProposesAMappingThatValidateReads() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = Self.fixtures.appendingPathComponent("event-platform.csv")
        let mapping = folder.appendingPathComponent("event-platform.columns.yaml")
        let proposed = try RunCommandTests.run(["columns", export.path, "--data", Self.data.path, "--out", mapping.path])
        #expect(proposed.status == 0, "\(proposed.errors)")
        #expect(proposed.output.contains("  id              high 1.00    Participant ID\n"), "\(proposed.output)")
        #expect(proposed.output.contains("  offers          medium 0.70  Organization description, Marketplace offer\n"))
        #expect(proposed.output.contains("group_by: id (values of 'Participant ID' repeat)\n"))
        #expect(proposed.output.contains("not mapped: City (text), Registration date (date)\n"))
        #expect(proposed.output.hasSuffix("wrote \(mapping.path)\n"))
        let written = try String(contentsOf: mapping, encoding: .utf8)
        #expect(written.contains("    group_by: id"))
        #expect(written.contains("        \"Large company\": large\n"))

        // Without the mapping the export is refused, as before; with it, it validates.
        let mission = try Self.mission(in: folder, participants: export)
        let refused = try RunCommandTests.run(["validate", mission.path, "--data", Self.data.path])
        #expect(refused.status == 65)
        let validated = try RunCommandTests.run(["validate", mission.path, "--data", Self.data.path, "--columns", mapping.path])
        #expect(validated.status == 0, "\(validated.errors)")
        #expect(validated.output.contains("8 rows became 6 participants, grouped by 'id'"), "\(validated.output)")
    }

    @Test(.enabled(if: RunCommandTests.hasBinary))
    func columnsExitCodes() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try RunCommandTests.run(["columns", folder.appendingPathComponent("none.xlsx").path, "--data", Self.data.path])
        #expect(missing.status == 66)
        #expect(missing.errors.contains("none.xlsx: file not found"), "\(missing.errors)")
        let usage = try RunCommandTests.run(["columns"])
        #expect(usage.status == 64)
        // The input is never overwritten.
        let copy = folder.appendingPathComponent("export.csv")
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("een-profiles.csv"), to: copy)
        let before = try Data(contentsOf: copy)
        let overwrite = try RunCommandTests.run(["columns", copy.path, "--data", Self.data.path, "--out", copy.path])
        #expect(overwrite.status == 73)
        #expect(try Data(contentsOf: copy) == before)
        let notAWorkbook = folder.appendingPathComponent("fake.xlsx")
        try Data("id,name\n".utf8).write(to: notAWorkbook)
        let damaged = try RunCommandTests.run(["columns", notAWorkbook.path, "--data", Self.data.path])
        #expect(damaged.status == 65, "\(damaged.errors)")
    }
}
