import Foundation
@testable import missionmatch
import Testing

/// The exit codes of every subcommand, through the real binary: 0 done, 64
/// usage, 65 bad data, 66 missing or unreadable input, 73 cannot write — and
/// the hostile cases of issue 13 (limits, links, devices, kept agendas).
struct ExitCodeMatrixTests {
    typealias Run = ValidateCommandTests.Run

    /// A scratch copy of the fixture mission with its participants and requests, and of the reference data.
    struct Workspace {
        let root: URL
        var mission: URL { root.appending(path: "missions/shanghai-mini.yaml") }
        var data: URL { root.appending(path: "data") }
        var out: URL { root.appending(path: "OUT") }

        init() throws {
            root = FileManager.default.temporaryDirectory.appending(path: "mm-exit-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["missions", "participants", "requests", "data"] {
                try FileManager.default.copyItem(at: ValidateCommandTests.fixtures.appending(path: folder),
                                                 to: root.appending(path: folder))
            }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// The mission file with one text replaced.
        func editMission(_ old: String, _ new: String) throws {
            let text = try String(contentsOf: mission, encoding: .utf8)
            try #require(text.contains(old))
            try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: mission)
        }

        func run(_ arguments: [String]) throws -> Run {
            try ValidateCommandTests.run(arguments.map { $0 == "DATA" ? data.path : $0 == "MISSION" ? mission.path : $0 })
        }
    }

    private func binaryExists() throws {
        try #require(ValidateCommandTests.binary != nil, "the missionmatch binary is built with the tests")
    }

    // MARK: - validate

    @Test func validate() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        #expect(try space.run(["validate", "--data", "DATA", "MISSION"]).status == 0)
        #expect(try space.run(["validate", "--data", "DATA", "--format", "xml", "MISSION"]).status == 64)
        #expect(try space.run(["validate", "--data", "DATA", space.root.appending(path: "nope.yaml").path]).status == 66)
        try space.editMission("tables: 4", "tables: 2147483647")
        let bad = try space.run(["validate", "--data", "DATA", "MISSION"])
        #expect(bad.status == 65)
        #expect(bad.errors.contains("key 'tables': 2147483647 is more than 5000 (write at most 5000)"))
    }

    @Test(arguments: ["/dev/zero", "fifo"])
    func devicesAndPipesAreNotEmptyFiles(_ path: String) throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        var target = path
        if path == "fifo" {
            target = space.root.appending(path: "mission.yaml").path
            try #require(mkfifo(target, 0o600) == 0)
        }
        let run = try space.run(["validate", "--data", "DATA", target])
        #expect(run.status == 66)
        #expect(run.errors.contains("is not a regular file"))
        #expect(!run.errors.contains("empty"))
    }

    // MARK: - rank

    @Test func rank() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        #expect(try space.run(["rank", "--data", "DATA", "--top", "2", "MISSION"]).status == 0)
        // More than the participants: capped, not allocated.
        #expect(try space.run(["rank", "--data", "DATA", "--top", "1000", "MISSION"]).status == 0)
        let negative = try space.run(["rank", "--data", "DATA", "--top", "-1", "MISSION"])
        #expect(negative.status == 64)
        #expect(negative.errors.contains("--top must be at least 1"))
        #expect(try space.run(["rank", "--data", "DATA", "--top", "10000000", "MISSION"]).status == 64)
        #expect(try space.run(["rank", "--data", "DATA", space.root.appending(path: "nope.yaml").path]).status == 66)
        try space.editMission("top_k: 5", "top_k: 9223372036854775807")
        #expect(try space.run(["rank", "--data", "DATA", "MISSION"]).status == 65)
    }

    @Test func rankRefusesToWriteThroughALink() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        let victim = space.root.appending(path: "victim.txt")
        try Data("precious".utf8).write(to: victim)
        let link = space.root.appending(path: "ranked.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        let run = try space.run(["rank", "--data", "DATA", "--out", link.path, "MISSION"])
        #expect(run.status == 73)
        #expect(run.errors.contains("symbolic link"))
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
    }

    // MARK: - run

    @Test func runCodes() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        #expect(try space.run(["run", "--data", "DATA", "--out", space.out.path, "MISSION"]).status == 0)
        #expect(try space.run(["run", "--data", "DATA", "--out", space.out.path, "--bogus", "MISSION"]).status == 64)
        #expect(try space.run(["run", "--data", "DATA", "--out", space.out.path,
                               space.root.appending(path: "nope.yaml").path]).status == 66)
        let onFile = try space.run(["run", "--data", "DATA", "--out", space.mission.path, "MISSION"])
        #expect(onFile.status == 73)
        #expect(onFile.errors.contains("is a file, not a folder"))
        try space.editMission("meeting_minutes: 20", "meeting_minutes: 20\nbogus: 1")
        #expect(try space.run(["run", "--data", "DATA", "--out", space.out.path, "MISSION"]).status == 65)
    }

    @Test func runRefusesALinkedMissionFolderAndLeavesItsTargetAlone() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        let elsewhere = space.root.appending(path: "elsewhere")
        try FileManager.default.createDirectory(at: space.out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: space.out.appending(path: "shanghai-mini"), withDestinationURL: elsewhere)
        let run = try space.run(["run", "--data", "DATA", "--out", space.out.path, "MISSION"])
        #expect(run.status == 73)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    /// A refused file no longer leaves a folder mixing the new agenda with the old.
    @Test func aRefusedRunLeavesTheOldFolderWhole() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        #expect(try space.run(["run", "--data", "DATA", "--out", space.out.path, "MISSION"]).status == 0)
        let folder = space.out.appending(path: "shanghai-mini")
        let html = try Data(contentsOf: folder.appending(path: "agenda.html"))
        // The participants now live inside the output folder under an output's name.
        let inside = folder.appending(path: "recommendations.csv")
        try FileManager.default.removeItem(at: inside)
        try FileManager.default.copyItem(at: space.root.appending(path: "participants/shanghai-mini.csv"), to: inside)
        let participants = try Data(contentsOf: inside)
        try space.editMission("../participants/shanghai-mini.csv", inside.path)
        try space.editMission("tables: 4", "tables: 3")
        let run = try space.run(["run", "--data", "DATA", "--out", space.out.path, "MISSION"])
        #expect(run.status == 73)
        #expect(run.errors.contains("is an input of this run and will not be overwritten"))
        #expect(try Data(contentsOf: folder.appending(path: "agenda.html")) == html)
        #expect(try Data(contentsOf: inside) == participants)
        #expect(try FileManager.default.contentsOfDirectory(atPath: space.out.path) == ["shanghai-mini"])
    }

    /// A link planted in the old folder where an output goes is refused, never
    /// written through, and the rest of the old folder stays as it was.
    @Test func aLinkInTheOldFolderIsRefusedNotFollowed() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        #expect(try space.run(["run", "--data", "DATA", "--out", space.out.path, "MISSION"]).status == 0)
        let folder = space.out.appending(path: "shanghai-mini")
        let html = try Data(contentsOf: folder.appending(path: "agenda.html"))
        let victim = space.root.appending(path: "victim.txt")
        try Data("precious".utf8).write(to: victim)
        try FileManager.default.removeItem(at: folder.appending(path: "agenda.csv"))
        try FileManager.default.createSymbolicLink(at: folder.appending(path: "agenda.csv"), withDestinationURL: victim)
        try space.editMission("tables: 4", "tables: 3")
        let run = try space.run(["run", "--data", "DATA", "--out", space.out.path, "MISSION"])
        #expect(run.status == 73)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
        #expect(try Data(contentsOf: folder.appending(path: "agenda.html")) == html)
        #expect(try FileManager.default.contentsOfDirectory(atPath: space.out.path) == ["shanghai-mini"])
    }

    /// A name or value with ESC/BEL sequences reaches neither the terminal nor an output file raw.
    @Test func controlCharactersReachNoTerminalAndNoOutput() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        let participants = space.root.appending(path: "participants/shanghai-mini.csv")
        let text = try String(contentsOf: participants, encoding: .utf8)
        let hostile = "\u{1B}]0;TITLE\u{07}\u{1B}[2J"
        try Data(text.replacingOccurrences(of: "Nanoprogress Films s.r.o.", with: "Nano\(hostile)Films").utf8).write(to: participants)
        let run = try space.run(["run", "--data", "DATA", "--out", space.out.path, "MISSION"])
        #expect(run.status == 0, "\(run.errors)")
        for (path, data) in try RunCommandTests.tree(space.out) {
            #expect(!data.contains(0x1B) && !data.contains(0x07), "\(path) holds a raw control character")
        }
        // An error quoting the bad value shows it escaped.
        try Data(text.replacingOccurrences(of: ",CZ,consortium", with: ",\"C\(hostile)Z\",consortium").utf8).write(to: participants)
        let bad = try space.run(["validate", "--data", "DATA", "MISSION"])
        #expect(bad.status == 65)
        #expect(!bad.errors.contains("\u{1B}") && !bad.errors.contains("\u{07}"))
        #expect(bad.errors.contains("\\u{1B}]0;TITLE\\u{7}"))
    }

    // MARK: - schedule

    @Test func schedule() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        let s1 = space.root.appending(path: "s1")
        #expect(try space.run(["schedule", "--data", "DATA", "--out", s1.path, "MISSION"]).status == 0)
        #expect(try space.run(["schedule", "--data", "DATA", "--out", s1.path, "--candidates", "0", "MISSION"]).status == 64)
        #expect(try space.run(["schedule", "--data", "DATA", "--out", s1.path,
                               space.root.appending(path: "nope.yaml").path]).status == 66)
        // The agenda it was told to keep is an input: never overwritten.
        let kept = s1.appending(path: "agenda.json")
        let before = try Data(contentsOf: kept)
        let keep = try space.run(["schedule", "--data", "DATA", "--keep", kept.path, "--out", s1.path, "MISSION"])
        #expect(keep.status == 73)
        #expect(try Data(contentsOf: kept) == before)
        // A kept agenda of another mission is bad data.
        try space.editMission("id: shanghai-mini", "id: other-mission")
        #expect(try space.run(["schedule", "--data", "DATA", "--keep", kept.path, "--out",
                               space.root.appending(path: "s2").path, "MISSION"]).status == 65)
    }

    // MARK: - generate

    @Test func generate() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        let arguments = ["generate", "--data", "DATA", "--consortium", "3", "--counterparts", "4"]
        #expect(try space.run(arguments + ["--out", space.root.appending(path: "g").path]).status == 0)
        #expect(try space.run(["generate", "--data", "DATA", "--consortium", "-3", "--counterparts", "4",
                               "--out", space.root.appending(path: "g").path]).status == 64)
        #expect(try space.run(["generate", "--data", space.root.appending(path: "no-data").path, "--consortium", "3",
                               "--counterparts", "4", "--out", space.root.appending(path: "g").path]).status == 66)
        // --out naming a file: a clear message, not "NSCocoaErrorDomain error 512".
        let file = space.mission
        let onFile = try space.run(arguments + ["--out", file.path])
        #expect(onFile.status == 73)
        #expect(onFile.errors.contains("is a file, not a folder (give a folder, not a file)"))
        #expect(!onFile.errors.contains("NSCocoaErrorDomain"))
        // Broken reference data is bad data.
        try Data("nonsense\n".utf8).write(to: space.data.appending(path: "reference/countries.csv"))
        #expect(try space.run(arguments + ["--out", space.root.appending(path: "g2").path]).status == 65)
    }

    /// Writing through a planted link is refused for generate too.
    @Test func generateRefusesToWriteThroughALink() throws {
        try binaryExists()
        let space = try Workspace()
        defer { space.remove() }
        let out = space.root.appending(path: "g")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let victim = space.root.appending(path: "victim.txt")
        try Data("precious".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(at: out.appending(path: "truth.csv"), withDestinationURL: victim)
        let run = try space.run(["generate", "--data", "DATA", "--consortium", "3", "--counterparts", "4", "--out", out.path])
        #expect(run.status == 73)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious")
    }
}

/// `lstat` for the tests: whether a path is a plain file (not a link).
enum SafeKind {
    static func isPlainFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
}
