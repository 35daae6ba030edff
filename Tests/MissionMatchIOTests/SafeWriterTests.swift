import Foundation
import MatchCore
import MissionMatch
@testable import MissionMatchIO
import Testing

/// Outputs land under the output folder only: never through a symbolic link,
/// temporary names unpredictable and created exclusively, a mission's folder
/// swapped in as a whole, debris of a killed run removed, inputs kept.
struct SafeWriterTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "mm-safe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func aSymbolicLinkWhereTheOutputGoesIsRefusedAndItsTargetKept() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let victim = folder.appending(path: "victim.txt")
        try "precious".write(to: victim, atomically: false, encoding: .utf8)
        let out = folder.appending(path: "out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appending(path: "agenda.csv"), withDestinationURL: victim)
        let error = #expect(throws: OutputError.self) {
            try OutputFile().write("new", to: out.appending(path: "agenda.csv"))
        }
        #expect(error?.reason.contains("symbolic link") == true)
        #expect(try text(victim) == "precious")
    }

    @Test func temporaryNamesAreUnpredictableAndDebrisOfDeadRunsIsRemoved() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A planted link under the old predictable name must not be written through.
        let victim = folder.appending(path: "victim.txt")
        try "precious".write(to: victim, atomically: false, encoding: .utf8)
        let pid = ProcessInfo.processInfo.processIdentifier
        try FileManager.default.createSymbolicLink(at: folder.appending(path: ".out.csv.\(pid).tmp"), withDestinationURL: victim)
        // Debris of a run that no longer exists (pid 2^22 + 1 is beyond Linux's pid_max default).
        let debris = folder.appending(path: ".out.csv.4194305-00000000deadbeef.tmp")
        try "half".write(to: debris, atomically: false, encoding: .utf8)
        try OutputFile().write("new", to: folder.appending(path: "out.csv"))
        #expect(try text(folder.appending(path: "out.csv")) == "new")
        #expect(try text(victim) == "precious")
        #expect(!FileManager.default.fileExists(atPath: debris.path))
    }

    /// A file written in parts holds their concatenation, byte for byte (empty parts, multi-byte
    /// characters split across parts, a part of 1 MB), replaces the old file atomically and leaves no
    /// temporary file behind; a link in its place is refused as for a whole text.
    @Test func textWrittenInPartsIsTheirConcatenation() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var generator = SeededRandomNumberGenerator(seed: 41)
        let pieces = ["", "a,b\n", "é", "中文", "\r\n", "\"quoted\"", String(repeating: "x", count: 1 << 20)]
        let file = folder.appending(path: "recommendations.csv")
        try "old".write(to: file, atomically: false, encoding: .utf8)
        for _ in 0..<20 {
            let parts = (0..<Int.random(in: 0...9, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }
            try OutputFile(protectedInputs: []).write(parts: parts, to: file)
            #expect(try Data(contentsOf: file) == Data(parts.joined().utf8))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["recommendations.csv"])
        let link = folder.appending(path: "linked.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(throws: OutputError.self) { try OutputFile(protectedInputs: []).write(parts: ["x"], to: link) }
    }

    /// Text handed over part by part while it is made lands as the parts' concatenation and replaces
    /// the old file whole; a destination that is an input or a link is refused before anything is made.
    @Test func textStreamedInPartsIsTheirConcatenation() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "recommendations.csv")
        try "old".write(to: file, atomically: false, encoding: .utf8)
        let parts = ["participant_id,rank\n", "", "é,1\n", String(repeating: "中", count: 300_000), "\r\n"]
        try OutputFile(protectedInputs: []).write(to: file) { write in parts.forEach(write) }
        #expect(try Data(contentsOf: file) == Data(parts.joined().utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["recommendations.csv"])

        var produced = 0
        #expect(throws: OutputError.self) {
            try OutputFile(protectedInputs: [file]).write(to: file) { write in produced += 1; write("x") }
        }
        let link = folder.appending(path: "linked.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        #expect(throws: OutputError.self) {
            try OutputFile(protectedInputs: []).write(to: link) { write in produced += 1; write("x") }
        }
        #expect(produced == 0)
        #expect(try Data(contentsOf: file) == Data(parts.joined().utf8))
    }

    @Test func theTemporaryTagIsRandom() {
        let tags = Set((0..<50).map { _ in SafeFileSystem.randomTag() })
        #expect(tags.count == 50)
        #expect(SafeFileSystem.debrisProcess(".agenda.csv.123-0123456789abcdef.tmp") == 123)
        #expect(SafeFileSystem.debrisProcess(".agenda.csv.123.tmp") == 123)
        #expect(SafeFileSystem.debrisProcess("agenda.csv") == nil)
        #expect(SafeFileSystem.debrisProcess(".notes.txt") == nil)
    }

    @Test func aMissionFolderThatIsALinkIsRefused() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhere = folder.appending(path: "elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let out = folder.appending(path: "out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: out.appending(path: "m"), withDestinationURL: elsewhere)
        #expect(throws: OutputError.self) {
            _ = try StagedFolder(folder: out.appending(path: "m"), protectedInputs: [])
                .replace(with: [(["agenda.csv"], Data("x".utf8))])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func aRefusedFileLeavesTheOldFolderUntouched() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mission = folder.appending(path: "m")
        let staged = StagedFolder(folder: mission, protectedInputs: [])
        _ = try staged.replace(with: [(["agenda.html"], Data("old html".utf8)), (["agenda.csv"], Data("old csv".utf8))])
        // An input kept inside the folder under an output's name: refused before anything is written.
        let input = mission.appending(path: "agenda.csv")
        let guarded = StagedFolder(folder: mission, protectedInputs: [input])
        #expect(throws: OutputError.self) {
            _ = try guarded.replace(with: [(["agenda.html"], Data("new html".utf8)), (["agenda.csv"], Data("new csv".utf8))])
        }
        #expect(try text(mission.appending(path: "agenda.html")) == "old html")
        #expect(try text(input) == "old csv")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["m"])
    }

    @Test func theFolderIsReplacedAsAWholeKeepingForeignFiles() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let mission = folder.appending(path: "m")
        let staged = StagedFolder(folder: mission, protectedInputs: [])
        _ = try staged.replace(with: [(["agenda.html"], Data("old".utf8)), (["calendars", "gone.ics"], Data("old".utf8))])
        try "mine".write(to: mission.appending(path: "notes.txt"), atomically: false, encoding: .utf8)
        let written = try staged.replace(with: [(["agenda.html"], Data("new".utf8)), (["calendars", "a.ics"], Data("a".utf8))])
        #expect(written.map(\.lastPathComponent) == ["agenda.html", "a.ics"])
        #expect(try text(mission.appending(path: "agenda.html")) == "new")
        #expect(try text(mission.appending(path: "notes.txt")) == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: mission.appending(path: "calendars").path) == ["a.ics"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["m"])
    }

    @Test func aFileGivenAsTheOutputFolderIsNamed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appending(path: "mission.yaml")
        try "id: x".write(to: file, atomically: false, encoding: .utf8)
        let error = #expect(throws: OutputError.self) {
            try OutputFile().write("x", to: file.appending(path: "participants.csv"))
        }
        #expect(error?.description == "\(file.path): is a file, not a folder (give a folder, not a file)")
    }
}
