import Foundation
@testable import missionmatch
import Testing

/// `missionmatch delegate`: parsing, the bundled programme through the binary, exit codes.
struct DelegateCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-delegate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func argumentsParse() throws {
        let command = try Delegate.parse(["p.yaml", "--out", "o", "--write-participants"])
        #expect(command.programme == "p.yaml" && command.out == "o" && command.writeParticipants)
        #expect(throws: (any Error).self) { try Delegate.parse(["p.yaml"]) }
    }

    @Test func bundledProgrammeThenRun() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let programme = Self.repository.appendingPathComponent("Data/programme/delegations-2019.yaml").path
        let out = folder.appendingPathComponent("delegations")
        let run = try ValidateCommandTests.run(["delegate", programme, "--out", out.path, "--write-participants"])
        #expect(run.status == 0, "\(run.errors)")
        #expect(run.output.contains("toronto-2019: 16 of 16 seats filled"))
        #expect(run.output.contains("min-cost flow (exact), optimal"))
        let csv = try String(contentsOf: out.appendingPathComponent("delegations.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 47)
        // `run` plans the chosen delegation.
        let planned = try ValidateCommandTests.run(["run", out.appendingPathComponent("missions/toronto-2019.yaml").path,
                                                    "--out", folder.appendingPathComponent("run").path, "--no-encoder", "--quiet"])
        #expect(planned.status == 0, "\(planned.errors)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("run/toronto-2019/agenda.csv").path))
    }

    @Test func badAndMissingProgrammes() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.yaml")
        try Data("id: x\ncandidates: c.csv\nmissions: []\n".utf8).write(to: bad)
        try Data("id,name,country,offers\n".utf8).write(to: folder.appendingPathComponent("c.csv"))
        let badRun = try ValidateCommandTests.run(["delegate", bad.path, "--out", folder.appendingPathComponent("o").path])
        #expect(badRun.status == 65)
        #expect(badRun.errors.contains("bad.yaml:3: key 'missions': the list is empty"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("c.csv"))
        // A broken programme naming a missing file: both reported at once, and the exit code says a file is missing.
        try Data("id: x\ncandidates: gone.csv\nmissions: []\n".utf8).write(to: bad)
        let both = try ValidateCommandTests.run(["delegate", bad.path, "--out", folder.appendingPathComponent("o").path])
        #expect(both.status == 66, "\(both.errors)")
        #expect(both.errors.contains("bad.yaml:3: key 'missions': the list is empty"))
        #expect(both.errors.contains("bad.yaml:2: key 'candidates': 'gone.csv' does not exist"))
        let missing = folder.appendingPathComponent("missing.yaml")
        try Data("id: x\ncandidates: c.csv\nmissions:\n  - mission: m.yaml\n    delegation: {seats: 2}\n".utf8).write(to: missing)
        let missingRun = try ValidateCommandTests.run(["delegate", missing.path, "--out", folder.appendingPathComponent("o").path])
        #expect(missingRun.status == 66, "\(missingRun.errors)")
        #expect(missingRun.errors.contains("missing.yaml:2: key 'candidates': 'c.csv' does not exist"))
    }
}
