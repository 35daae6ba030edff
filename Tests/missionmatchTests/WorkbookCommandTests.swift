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
}
