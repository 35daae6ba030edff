import ArgumentParser
import Foundation
import MissionMatchIO

/// The exit codes of `missionmatch`, from BSD's `sysexits.h`.
enum SysExits {
    /// 64 `EX_USAGE`: the command line was wrong (ArgumentParser uses it for parse errors).
    static let usage = ExitCode(64)
    /// 65 `EX_DATAERR`: an input file has errors.
    static let dataError = ExitCode(65)
    /// 66 `EX_NOINPUT`: an input file does not exist or cannot be read.
    static let noInput = ExitCode(66)
    /// 73 `EX_CANTCREAT`: an output file cannot be written.
    static let cannotCreate = ExitCode(73)

    /// The exit code for the problems of a run: 66 when a file is missing, else 65.
    static func code(for diagnostics: Diagnostics) -> ExitCode {
        diagnostics.errors.contains { $0.kind == .missingFile || $0.kind == .unreadableFile } ? noInput : dataError
    }
}

/// Writes lines to standard error, control characters made visible
/// (`PrintableText.terminal`): a name from a file never reaches the terminal raw.
enum StandardError {
    static func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((PrintableText.terminal(lines.joined(separator: "\n")) + "\n").utf8))
    }
}

/// Writes text to standard output, control characters made visible.
enum StandardOutput {
    static func write(_ text: String) {
        print(PrintableText.terminal(text), terminator: "")
    }
}
