import Foundation

/// The environment of the binaries the tests start: this process's, with no
/// sentence encoder unless a test names one (`--encoder`), so that what a test
/// expects does not depend on whether the developer's cache holds a model.
enum CommandEnvironment {
    /// An empty cache folder shared by the test process.
    static let emptyCache: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("missionmatch-tests-cache-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.path
    }()

    /// The environment, with `extra` on top.
    static func lexical(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["MISSIONMATCH_CACHE"] = emptyCache
        environment["MISSIONMATCH_ENCODER"] = nil
        return environment.merging(extra) { $1 }
    }
}
