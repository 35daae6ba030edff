import Foundation

/// A one-line progress display on standard error: which mission, which stage.
///
/// Shown only when standard error is a terminal and `--quiet` is not given;
/// otherwise every call does nothing, so piped output and logs stay clean.
/// The line is rewritten in place (`\r`, erase to end of line) and erased by
/// ``finish()``.
struct ProgressDisplay: Sendable {
    /// Whether anything is written.
    var enabled: Bool
    /// Emphasis for the mission's name.
    var style: TextStyle

    /// A display that shows nothing.
    static let silent = ProgressDisplay(enabled: false, style: TextStyle(enabled: false))

    /// The stages of one mission, as shown.
    enum Stage: String, Sendable {
        case encoding = "encoding participants"
        case rankingAndPlanning = "scoring participants and planning the agenda"
        case writing = "writing the files"
    }

    /// Shows that a stage of a mission started.
    ///
    /// - Parameters:
    ///   - stage: The stage.
    ///   - mission: The mission's id.
    ///   - position: The mission's position, from 1.
    ///   - count: How many missions the run has.
    func show(_ stage: Stage, mission: String, position: Int, of count: Int) {
        show("[\(position)/\(count)] \(style.bold(mission)): \(stage.rawValue)…")
    }

    /// Shows a free text, e.g. "reading 4 missions…".
    func show(_ text: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    /// Erases the progress line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
