import Foundation
import MissionMatchTestSupport
@testable import missionmatch
import Testing

/// A CI-sized mutation run of the CLI: the fixture mission, its
/// participants and its requests, mutated line by line with a seeded generator (values swapped
/// for huge numbers, aliases, control bytes, long words, lines dropped or
/// duplicated), through `validate` and `run`. Every run must end by itself
/// (a guard kills a hang) with 0, 65 or 66, and every error line must
/// name the file it is about. `MISSIONMATCH_MUTATION_CASES=2000` runs the
/// full-size campaign (issue 13's target) instead of the 40 cases of CI, and
/// then also checks that no run peaked above 1.5 GB.
struct MutatedMissionTests {
    typealias Workspace = ExitCodeMatrixTests.Workspace

    /// Cases: 40 in CI, or `MISSIONMATCH_MUTATION_CASES`.
    static let cases = Int(ProcessInfo.processInfo.environment["MISSIONMATCH_MUTATION_CASES"] ?? "") ?? 40
    /// Whether this is the full-size campaign, which also checks memory.
    static let fullSize = ProcessInfo.processInfo.environment["MISSIONMATCH_MUTATION_CASES"] != nil

    /// Replacement values that once crashed, hung or were accepted silently.
    static let hostileValues = [
        "2147483647", "9223372036854775807", "-1", "1e308", "0", "&a x", "*a", "[*a, *a]", "\u{7F}", "\u{1B}[2J",
        String(repeating: "w", count: 100_000), "9999-12-31", "\"\"", "{", "- - -", "~", "!!binary AAAA",
    ]

    /// A small deterministic generator (SplitMix64), so that a failure names a reproducible case.
    struct SplitMix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// One mutation of one line of `text`.
    static func mutate(_ text: String, _ random: inout SplitMix, separator: Character) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count > 1 else { return text }
        let line = 1 + random.next(lines.count - 1)
        switch random.next(4) {
        case 0:  // replace the value after the separator (a YAML value, or a CSV cell)
            var parts = lines[line].split(separator: separator, maxSplits: separator == ":" ? 1 : Int.max,
                                          omittingEmptySubsequences: false).map(String.init)
            let cell = parts.count > 1 ? 1 + random.next(parts.count - 1) : 0
            parts[cell] = (separator == ":" ? " " : "") + hostileValues[random.next(hostileValues.count)]
            lines[line] = parts.joined(separator: String(separator))
        case 1: lines.remove(at: line)
        case 2: lines.insert(lines[line], at: line)
        default: lines[line] += hostileValues[random.next(hostileValues.count)]
        }
        return lines.joined(separator: "\n")
    }

    /// Runs the binary with a hang guard: killed after 60 s in CI, 20 s in the
    /// full-size campaign (issue 13's bound); a signal shows as a negative status.
    static func guardedRun(_ arguments: [String]) throws -> ValidateCommandTests.Run {
        let binary: URL = try #require(ValidateCommandTests.binary)
        let result = try ChildProcess(executable: binary, arguments: arguments, environment: CommandEnvironment.lexical())
            .run(timeout: fullSize ? 20 : 60)
        return ValidateCommandTests.Run(status: result.status, output: result.output, errors: result.errors)
    }

    @Test(arguments: 0..<cases)
    func mutatedInputsGiveACleanAnswer(seed: Int) throws {
        let space = try Workspace()
        defer { space.remove() }
        var random = SplitMix(state: UInt64(seed))
        // The mission, its participants or its requests, in turn (and validate or run, independently).
        let file = [space.mission, space.root.appending(path: "participants/shanghai-mini.csv"),
                    space.root.appending(path: "requests/shanghai-mini.csv")][seed % 3]
        var text = try String(contentsOf: file, encoding: .utf8)
        for _ in 0..<(1 + random.next(3)) { text = Self.mutate(text, &random, separator: file == space.mission ? ":" : ",") }
        try Data(text.utf8).write(to: file)

        let command = seed % 4 < 2 ? "validate" : "run"
        let arguments = command == "validate" ? ["validate", "--data", space.data.path, space.mission.path]
            : ["run", "--data", space.data.path, "--out", space.out.path, "--quiet", space.mission.path]
        let run = try Self.guardedRun(arguments)
        #expect([0, 65, 66].contains(run.status), "seed \(seed): \(command) exited \(run.status)\n\(run.errors.prefix(2000))")
        let names = ["shanghai-mini.yaml", "shanghai-mini.csv", "requests", "missionmatch:", "warning:", "note:", "…"]
        for line in run.errors.split(separator: "\n") where !line.hasPrefix(" ") {
            #expect(names.contains { line.contains($0) }, "seed \(seed): an error line names no file: \(line.prefix(300))")
        }
        #expect(run.errors.utf8.count < 200_000, "seed \(seed): \(run.errors.utf8.count) bytes of errors")
        if Self.fullSize {
            // The largest resident set of any child process so far (Linux reports kilobytes).
            var usage = rusage()
            getrusage(RUSAGE_CHILDREN.rawValue, &usage)
            #expect(usage.ru_maxrss < 1_536 * 1_024, "seed \(seed): a run peaked at \(usage.ru_maxrss / 1_024) MB")
        }
    }
}
