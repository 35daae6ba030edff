import Foundation
import MissionMatchTestSupport
import Testing
@testable import missionmatch

/// Same inputs, same bytes — on any BLAS thread count: the bundled run under
/// `OPENBLAS_NUM_THREADS=1` and `=2` writes identical files (issue 13 item 10;
/// before every BLAS call ran on one thread, `agenda.json`'s score bound of
/// the Washington mission differed in its fourth decimal).
struct ThreadCountDeterminismTests {
    static func run(threads: Int, out: URL) throws -> Int32 {
        let binary: URL = try #require(ValidateCommandTests.binary)
        var environment = CommandEnvironment.lexical()
        environment["OPENBLAS_NUM_THREADS"] = String(threads)
        return try ChildProcess(executable: binary,
                                arguments: ["run", "--data", RunCommandTests.bundledData.path, "--out", out.path, "--quiet"],
                                environment: environment).run(timeout: 600).status
    }

    @Test func bundledRunIsByteIdenticalOnOneAndTwoBLASThreads() throws {
        let folder = try RunCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let one = folder.appendingPathComponent("one"), two = folder.appendingPathComponent("two")
        #expect(try Self.run(threads: 1, out: one) == 0)
        #expect(try Self.run(threads: 2, out: two) == 0)
        let first = try RunCommandTests.tree(one), second = try RunCommandTests.tree(two)
        #expect(!first.isEmpty)
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first { #expect(second[path] == data, "\(path) differs between 1 and 2 BLAS threads") }
    }
}
