import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// Every exporter's output on the fixture, compared byte for byte with the files
/// in `Fixtures/export/`. To accept a deliberate change:
/// `MISSIONMATCH_UPDATE_GOLDEN=1 swift test --filter ExportGoldenTests`, then review the diff.
struct ExportGoldenTests {
    static let goldenFolder = Fixtures.folder.appendingPathComponent("export")

    static func exportFiles() -> [ExportedFile] {
        MissionExport.files(
            agenda: ExportFixture.agenda, mission: ExportFixture.mission, participants: ExportFixture.participants,
            warnings: ExportFixture.warnings, previous: ExportFixture.previous)
    }

    @Test func filesMatchTheGoldenFiles() throws {
        let files = Self.exportFiles()
        let update = ProcessInfo.processInfo.environment["MISSIONMATCH_UPDATE_GOLDEN"] == "1"
        for file in files {
            let url = Self.goldenFolder.appendingPathComponent(file.relativePath)
            if update {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.contents.write(to: url)
            }
            let golden = try Data(contentsOf: url)
            #expect(golden == file.contents, "\(file.relativePath) differs from its golden file")
        }
        let goldenCalendars = try FileManager.default
            .contentsOfDirectory(atPath: Self.goldenFolder.appendingPathComponent("calendars").path).sorted()
        let producedCalendars = files.map(\.relativePath).filter { $0.hasPrefix("calendars/") }
            .map { String($0.dropFirst("calendars/".count)) }.sorted()
        #expect(goldenCalendars == producedCalendars)
    }

    @Test func fileListIsAsDocumented() {
        #expect(Self.exportFiles().map(\.relativePath) == [
            "agenda.html", "summary.md",
            "calendars/eu-01.ics", "calendars/_._.__x.ics", "calendars/eu-03.ics",
            "calendars/ca-01.ics", "calendars/ca-02.ics", "calendars/ca-03.ics",
        ])
    }

    @Test func sameInputsGiveSameBytes() {
        #expect(Self.exportFiles() == Self.exportFiles())
    }
}
