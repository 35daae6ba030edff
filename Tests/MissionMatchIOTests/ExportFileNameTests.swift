import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

struct ExportFileNameTests {
    @Test(arguments: [
        ("eu-01", "eu-01"), ("../../x", "_._.__x"), ("..", "__"),
        (".hidden", "_hidden"), ("a/b\\c", "a_b_c"), ("tab\there", "tab_here"), ("nul\u{0}byte", "nul_byte"),
        ("", "_"), ("trailing.", "trailing_"), ("CON", "_CON"), ("com1.txt", "_com1.txt"), ("Bélanger", "B_langer"),
        ("v1.2", "v1.2"), ("a..b", "a._b"),
    ])
    func sanitisedNames(id: String, expected: String) {
        #expect(OutputFileName.sanitized(id) == expected)
    }

    @Test func namesAreSafeForAnyInput() {
        let hostile = ["../../etc/passwd", "/abs", "..\\..\\win", "a\u{0}b", "\u{202E}gpj.exe", ".", "..", "...",
                       String(repeating: "ü", count: 300), "x\ny", "~/x", "C:\\x"]
        for id in hostile {
            let name = OutputFileName.sanitized(id)
            #expect(!name.isEmpty && name.count <= OutputFileName.maximumLength)
            #expect(!name.contains("/") && !name.contains("\\") && !name.contains(".."))
            #expect(!name.hasPrefix("."))
            #expect(name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value != 0x7F })
        }
    }

    @Test func collisionsAreDisambiguatedDeterministically() throws {
        let ids = ["a/b", "a_b", "A_B", "a?b", "x"]
        let names = OutputFileName.assign(ids)
        #expect(names["a_b"] == "a_b", "a clean id keeps its name")
        #expect(names["x"] == "x")
        let all = ids.compactMap { names[$0] }
        #expect(Set(all.map { $0.lowercased() }).count == ids.count, "distinct even ignoring case")
        #expect(names["a/b"] == "a_b-3a8e75c1", "FNV-1a 32 of \"a/b\", as documented")
        #expect(OutputFileName.assign(ids) == names)
        #expect(OutputFileName.assign(["a?b", "a/b", "a_b"])["a_b"] == "a_b", "whatever comes first")
        #expect(OutputFileName.assign(["a?b", "a/b", "a_b"])["a/b"] == names["a/b"], "the suffix depends on the id only")
    }

    @Test func hostileIDsNeverEscapeTheOutputFolder() throws {
        let folder = try TemporaryFolder()
        let out = folder.url.appendingPathComponent("out")
        var agenda = ExportFixture.agenda
        let hostile = ["../../escaped", "/tmp/absolute", "..", "../out2/x", "sub/../../../y"]
        agenda.participants += hostile.map { AgendaParticipant(id: $0, name: $0, meetings: [], minMeetings: 0) }
        agenda.cancelled += hostile.map {
            CancelledMeeting(id: MeetingID.make(mission: "toronto-2019", $0, "eu-01"), participantA: $0, participantB: "eu-01", reason: "x")
        }
        let written = try MissionExport.write(
            agenda: agenda, mission: ExportFixture.mission, participants: ExportFixture.participants, to: out)
        #expect(written.count == 2 + 6 + hostile.count)
        let root = out.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for url in written {
            #expect(url.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(root), "\(url.path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["out"])
        let calendars = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("calendars").path)
        #expect(calendars.count == 6 + hostile.count)
        #expect(calendars.allSatisfy { !$0.hasPrefix(".") && $0.hasSuffix(".ics") })
    }

    @Test func pathsThatWouldLeaveTheFolderAreRefused() throws {
        let folder = try TemporaryFolder()
        for path in ["../x", "/etc/x", "a/../../x", "a//b", "./x", "a\\b", "a\u{0}b", ""] {
            #expect(throws: OutputError.self, "\(path)") { try MissionExport.destination(of: path, in: folder.url) }
        }
        #expect(try MissionExport.destination(of: "calendars/eu-01.ics", in: folder.url).lastPathComponent == "eu-01.ics")
        // A symbolic link inside the folder that points outside it is refused too.
        let outside = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(at: folder.url.appendingPathComponent("calendars"), withDestinationURL: outside.url)
        #expect(throws: OutputError.self) { try MissionExport.destination(of: "calendars/eu-01.ics", in: folder.url) }
    }

    @Test func extraFilesAreWrittenThroughTheSameChecks() throws {
        let folder = try TemporaryFolder()
        let extra = ExportedFile(relativePath: "agenda.csv", contents: Data("meeting_id\n".utf8))
        let written = try MissionExport.write(
            agenda: ExportFixture.agenda, mission: ExportFixture.mission, participants: ExportFixture.participants,
            extraFiles: [extra], to: folder.url)
        #expect(written.last?.lastPathComponent == "agenda.csv")
        #expect(throws: OutputError.self) {
            try MissionExport.write(
                agenda: ExportFixture.agenda, mission: ExportFixture.mission, participants: ExportFixture.participants,
                extraFiles: [ExportedFile(relativePath: "../agenda.csv", contents: Data())], to: folder.url)
        }
    }

    @Test func inputsAreNeverOverwritten() throws {
        let folder = try TemporaryFolder()
        let input = try folder.file("summary.md", "the organiser's own notes")
        #expect(throws: OutputError.self) {
            try MissionExport.write(
                agenda: ExportFixture.agenda, mission: ExportFixture.mission, participants: ExportFixture.participants,
                to: folder.url, output: OutputFile(protectedInputs: [input]))
        }
        #expect(try String(contentsOf: input, encoding: .utf8) == "the organiser's own notes")
    }
}
