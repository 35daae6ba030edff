import Foundation

/// What the standard streams are connected to, and whether colour is wanted.
///
/// Colour follows <https://no-color.org>: never when `NO_COLOR` is set (to
/// anything non-empty), and never when the stream is not a terminal.
struct Terminal: Sendable {
    /// Standard output is a terminal.
    var outputIsTerminal: Bool
    /// Standard error is a terminal.
    var errorIsTerminal: Bool
    /// `NO_COLOR` is set to a non-empty value.
    var noColor: Bool

    /// The streams of this process.
    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        Terminal(outputIsTerminal: isatty(STDOUT_FILENO) == 1, errorIsTerminal: isatty(STDERR_FILENO) == 1,
                 noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
    }

    /// The style for text printed on standard output.
    var outputStyle: TextStyle { TextStyle(enabled: outputIsTerminal && !noColor) }
    /// The style for text printed on standard error.
    var errorStyle: TextStyle { TextStyle(enabled: errorIsTerminal && !noColor) }
}

/// ANSI emphasis, or plain text when colour is off.
struct TextStyle: Sendable {
    /// Whether escape sequences are written.
    var enabled: Bool

    /// Bold text.
    func bold(_ text: String) -> String { wrap(text, "1") }
    /// Dimmed text.
    func dim(_ text: String) -> String { wrap(text, "2") }
    /// Green text (all is well).
    func good(_ text: String) -> String { wrap(text, "32") }
    /// Yellow text (something to look at).
    func attention(_ text: String) -> String { wrap(text, "33") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
