import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program the way the tests need — arguments, environment, standard
/// input from bytes, standard output and error captured, an optional time
/// limit — with `posix_spawn`, not Foundation's `Process`.
///
/// Foundation's `Process.run()` on Linux (swift-corelibs-foundation up to
/// Swift 6.3) crashes the calling process now and then: while listing
/// `/proc/self/fd` it copies each directory entry's full 256-byte name and
/// reads past glibc's buffer (fixed upstream in swift-corelibs-foundation
/// PR #5472). Suites that start hundreds of processes hit it; a 2,000-case
/// mutation run did.
///
/// Output goes to temporary files, not pipes, so that a child that writes a
/// lot never blocks and nothing depends on reading order.
///
/// ```swift
/// let result = try ChildProcess(executable: binary, arguments: ["validate", mission]).run(timeout: 60)
/// #expect(result.status == 0, "\(result.errors)")
/// ```
public struct ChildProcess: Sendable {
    /// What a finished child left.
    public struct Result: Sendable {
        /// The exit status; the signal number negated when a signal ended it.
        public var status: Int32
        /// Its standard output, as UTF-8 (invalid bytes replaced).
        public var output: String
        /// Its standard error.
        public var errors: String
        /// Whether the time limit ran out (the child was then killed).
        public var timedOut: Bool
    }

    /// A started child.
    public final class Running: @unchecked Sendable {
        let pid: pid_t
        let outputPath: String
        let errorsPath: String
        let inputPath: String?

        init(pid: pid_t, outputPath: String, errorsPath: String, inputPath: String?) {
            self.pid = pid
            self.outputPath = outputPath
            self.errorsPath = errorsPath
            self.inputPath = inputPath
        }

        /// Waits for the child to end (killing it after `timeout` seconds, if given) and collects its output.
        public func wait(timeout: Double? = nil) -> Result {
            let deadline = timeout.map { Date().addingTimeInterval($0) }
            var status: Int32 = 0
            var timedOut = false
            while true {
                let done = waitpid(pid, &status, deadline == nil ? 0 : WNOHANG)
                if done == pid { break }
                if done == -1 && errno != EINTR { break }
                if let deadline, Date() > deadline, !timedOut {
                    timedOut = true
                    kill(pid, SIGKILL)
                }
                if deadline != nil { usleep(5_000) }
            }
            let exited = status & 0x7f == 0
            let code: Int32 = exited ? (status >> 8) & 0xff : -(status & 0x7f)
            defer {
                unlink(outputPath)
                unlink(errorsPath)
                if let inputPath { unlink(inputPath) }
            }
            return Result(status: code, output: Self.text(outputPath), errors: Self.text(errorsPath), timedOut: timedOut)
        }

        private static func text(_ path: String) -> String {
            (FileManager.default.contents(atPath: path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }

    /// The program.
    public var executable: URL
    /// Its arguments (without the program's name).
    public var arguments: [String]
    /// Its environment; `nil` for this process's.
    public var environment: [String: String]?
    /// Bytes for its standard input (`nil`: `/dev/null`).
    public var input: Data?

    /// Describes a child.
    public init(executable: URL, arguments: [String], environment: [String: String]? = nil, input: Data? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.input = input
    }

    /// Starts the child and returns at once.
    ///
    /// - Throws: `POSIXError` when it cannot be started.
    public func start() throws -> Running {
        let base = FileManager.default.temporaryDirectory.path + "/mm-child-\(UUID().uuidString)"
        let outputPath = base + ".out", errorsPath = base + ".err"
        var inputPath: String?
        if let input {
            inputPath = base + ".in"
            _ = FileManager.default.createFile(atPath: base + ".in", contents: input)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        Self.closeFrom3(&actions)

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = (environment ?? ProcessInfo.processInfo.environment).sorted { $0.key < $1.key }
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        guard result == 0 else {
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO)
        }
        return Running(pid: pid, outputPath: outputPath, errorsPath: errorsPath, inputPath: inputPath)
    }

    /// Starts the child and waits for it.
    ///
    /// - Parameter timeout: Seconds after which the child is killed (`nil`: no limit).
    /// - Throws: `POSIXError` when it cannot be started.
    public func run(timeout: Double? = nil) throws -> Result {
        try start().wait(timeout: timeout)
    }

    /// Closes every descriptor from 3 up in the child (glibc ≥ 2.34's
    /// `posix_spawn_file_actions_addclosefrom_np`, looked up at run time:
    /// Swift's Glibc module does not declare it). Without it the child
    /// inherits them, which is harmless here: no test reads a pipe to its end.
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }
}
