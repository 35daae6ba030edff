import Foundation
import MissionMatch

/// One output file of an export: where it goes in the mission's folder and what it holds.
public struct ExportedFile: Sendable, Equatable {
    /// The path relative to the mission's output folder, `/`-separated,
    /// e.g. `calendars/tor-eu-001.ics`; never absolute, never with `..`.
    public var relativePath: String
    /// The file's bytes.
    public var contents: Data

    /// Creates the file.
    ///
    /// - Parameters:
    ///   - relativePath: The path inside the output folder.
    ///   - contents: The bytes.
    public init(relativePath: String, contents: Data) {
        self.relativePath = relativePath
        self.contents = contents
    }
}

/// Writes what an organiser receives for one mission, beside the planner's
/// `agenda.csv`/`agenda.json` and the recommendations:
///
/// * `calendars/<participant>.ics` — ``CalendarWriter``, file names from ``OutputFileName``;
/// * `agenda.html` — ``AgendaHTMLWriter``;
/// * `summary.md` — ``SummaryWriter``.
///
/// ```swift
/// let written = try MissionExport.write(
///     agenda: agenda, mission: mission, participants: participants,
///     warnings: doctorWarnings, to: outFolder.appending(path: mission.id),
///     output: OutputFile(protectedInputs: inputs))
/// // [.../agenda.html, .../summary.md, .../calendars/eu01.ics, …]
/// ```
///
/// Other files of the same folder (agenda.csv, recommendations.csv) are
/// written by their own writers; pass them as `extraFiles` to have them
/// written by the same checked path.
public enum MissionExport {
    /// The files of an export, in the order they are written: `agenda.html`,
    /// `summary.md`, then one calendar per participant with meetings in the
    /// agenda's participant order, then `extraFiles`.
    ///
    /// - Parameters:
    ///   - agenda: The planned agenda.
    ///   - mission: Its mission.
    ///   - participants: The mission's participants.
    ///   - warnings: Messages for the organiser shown first in the summary.
    ///   - previous: The agenda sent out before, for calendar `SEQUENCE`s and cancelled times.
    ///   - extraFiles: Other rendered files to write with these (relative paths are checked).
    ///   - outcomes: What came of the meetings, for the summary's targets (read against `agenda`).
    /// - Returns: The files; byte-identical for identical inputs.
    /// - Complexity: O(*p* + *s* · *t* + *m* log *m* + *o*).
    public static func files(
        agenda: Agenda, mission: Mission, participants: [Participant], warnings: [String] = [],
        previous: Agenda? = nil, extraFiles: [ExportedFile] = [], outcomes: [MeetingOutcome]? = nil
    ) -> [ExportedFile] {
        let context = ExportContext(agenda: agenda, mission: mission, participants: participants)
        var files = [
            ExportedFile(relativePath: "agenda.html", contents: Data(AgendaHTMLWriter().html(context).utf8)),
            ExportedFile(relativePath: "summary.md", contents: Data(SummaryWriter(warnings: warnings, outcomes: outcomes).markdown(context).utf8)),
        ]
        let calendars = CalendarRendering(context: context, previous: previous)
        let ids = calendars.participantIDs
        let names = OutputFileName.assign(agenda.participants.map(\.id))
        for id in ids {
            guard let text = calendars.calendar(for: id) else { continue }
            let name = names[id] ?? OutputFileName.sanitized(id)
            files.append(ExportedFile(relativePath: "calendars/\(name).ics", contents: Data(text.utf8)))
        }
        return files + extraFiles
    }

    /// Writes the export into a mission's output folder, as a whole.
    ///
    /// The files are staged in a fresh temporary folder and swapped in
    /// (the internal `StagedFolder`): on failure the old folder is left as it was. Files
    /// of the old folder the export does not produce are kept; calendars of
    /// participants no longer in the agenda are not.
    ///
    /// - Parameters:
    ///   - agenda: The planned agenda.
    ///   - mission: Its mission.
    ///   - participants: The mission's participants.
    ///   - warnings: Messages for the organiser shown first in the summary.
    ///   - previous: The agenda sent out before, if any.
    ///   - extraFiles: Other rendered files to write with these.
    ///   - folder: The mission's output folder, created when missing.
    ///   - output: The writer (atomic, refuses the run's inputs).
    /// - Returns: The URLs written, in the order of ``files(agenda:mission:participants:warnings:previous:extraFiles:outcomes:)``.
    /// - Throws: ``OutputError`` when a file cannot be written, is an input, or
    ///   its path would leave `folder`, or `folder` is a symbolic link.
    public static func write(
        agenda: Agenda, mission: Mission, participants: [Participant], warnings: [String] = [],
        previous: Agenda? = nil, extraFiles: [ExportedFile] = [], to folder: URL, output: OutputFile = OutputFile()
    ) throws(OutputError) -> [URL] {
        try write(files(agenda: agenda, mission: mission, participants: participants, warnings: warnings,
                        previous: previous, extraFiles: extraFiles),
                  to: folder, output: output)
    }

    /// Writes rendered files into a mission's output folder, as a whole
    /// (staged and swapped in, as ``write(agenda:mission:participants:warnings:previous:extraFiles:to:output:)``).
    ///
    /// - Parameters:
    ///   - files: The files, with paths relative to `folder`.
    ///   - folder: The mission's output folder, created when missing.
    ///   - output: The writer (atomic, refuses the run's inputs).
    /// - Returns: The URLs written, in the order of `files`.
    /// - Throws: ``OutputError`` when a file cannot be written, is an input, or
    ///   its path would leave `folder`, or `folder` is a symbolic link.
    public static func write(_ files: [ExportedFile], to folder: URL, output: OutputFile = OutputFile()) throws(OutputError) -> [URL] {
        var staged: [(relativePath: [String], contents: Data)] = []
        for file in files {
            _ = try destination(of: file.relativePath, in: folder)
            staged.append((file.relativePath.split(separator: "/").map(String.init), file.contents))
        }
        // Only an input inside `folder` could be replaced (every destination is
        // checked to stay inside it): protecting just those saves resolving
        // every input's path for each of a mission's hundreds of files.
        let base = resolved(folder.standardizedFileURL)
        let prefix = base.hasSuffix("/") ? base : base + "/"
        let inside = output.protectedInputs.filter { resolved($0.standardizedFileURL).hasPrefix(prefix) }
        return try StagedFolder(folder: folder, protectedInputs: inside).replace(with: staged)
    }

    /// The URL of a relative path inside a folder, refusing any path that could leave it.
    ///
    /// - Parameters:
    ///   - relativePath: A `/`-separated relative path.
    ///   - folder: The output folder.
    /// - Returns: The destination.
    /// - Throws: ``OutputError`` for an absolute path, an empty, `.` or `..`
    ///   component, a backslash or control character, or a destination that
    ///   resolves (through symbolic links) outside `folder`.
    static func destination(of relativePath: String, in folder: URL) throws(OutputError) -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        let unsafe = relativePath.hasPrefix("/") || components.contains { component in
            component.isEmpty || component == "." || component == ".."
                || component.unicodeScalars.contains { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
        }
        guard !unsafe else {
            throw OutputError(path: relativePath, reason: "is not a plain path inside the output folder",
                              suggestion: "this is a bug in the exporter; please report it")
        }
        let base = resolved(folder.standardizedFileURL)
        let url = components.reduce(URL(fileURLWithPath: base)) { $0.appending(path: String($1)) }
        guard resolved(url).hasPrefix(base.hasSuffix("/") ? base : base + "/") else {
            throw OutputError(path: url.path, reason: "would be written outside \(base)",
                              suggestion: "remove the symbolic link or choose another output folder")
        }
        return url
    }

    /// The path with every symbolic link resolved, also when its last
    /// components do not exist yet: the longest existing prefix is resolved
    /// and the rest appended.
    private static func resolved(_ url: URL) -> String {
        var existing = url
        var rest: [String] = []
        while (try? FileManager.default.attributesOfItem(atPath: existing.path)) == nil, existing.pathComponents.count > 1 {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        var path = existing.resolvingSymlinksInPath().path
        for component in rest { path += (path.hasSuffix("/") ? "" : "/") + component }
        return path
    }
}
