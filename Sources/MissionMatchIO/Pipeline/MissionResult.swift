import Foundation
import MissionMatch

/// What ``MissionPipeline`` produced for one mission: the ranking, the plan
/// and every output file, in memory.
///
/// ```swift
/// let result = try MissionPipeline(reference: reference).run(input)
/// result.plan.agenda.stats.gap                        // how far from the best possible agenda
/// result.file("agenda.csv")?.contents                 // the bytes agenda.csv will hold
/// result.calendar(for: "tor-eu-001")                  // one participant's .ics text
/// let urls = try result.write(to: URL(fileURLWithPath: "OUT/toronto-2019"))
/// ```
public struct MissionResult: Sendable {
    /// The mission.
    public let mission: Mission
    /// Every participant's recommended partners, with reasons.
    public let ranking: MissionRanking
    /// The agenda with its findings.
    public let plan: AgendaPlan
    /// Every output file, in the order they are written: `agenda.html`,
    /// `summary.md`, one `calendars/<participant>.ics` per participant with
    /// meetings, `recommendations.csv`, `agenda.csv`, `agenda.json`.
    public let files: [ExportedFile]
    /// The files the input was read from; ``write(to:protecting:)`` never replaces them.
    public let sourceFiles: [URL]
    /// The outcomes read against the planned agenda, when an outcomes file was
    /// given: the outcomes with their warnings, or why they could not be read
    /// (the summary then shows the plan only).
    public let outcomes: Result<Imported<[MeetingOutcome]>, ImportError>?

    /// The result; made by ``MissionPipeline``.
    package init(mission: Mission, ranking: MissionRanking, plan: AgendaPlan, files: [ExportedFile], sourceFiles: [URL],
                 outcomes: Result<Imported<[MeetingOutcome]>, ImportError>? = nil) {
        self.mission = mission
        self.ranking = ranking
        self.plan = plan
        self.files = files
        self.sourceFiles = sourceFiles
        self.outcomes = outcomes
    }

    /// The file at a path relative to the mission's folder, e.g. `agenda.csv`.
    ///
    /// - Complexity: O(*f*) for *f* files.
    public func file(_ relativePath: String) -> ExportedFile? {
        files.first { $0.relativePath == relativePath }
    }

    /// The calendar (`.ics` text) of a participant, or `nil` when the participant has no meeting.
    ///
    /// - Complexity: O(*f*) for *f* files.
    public func calendar(for participantID: String) -> String? {
        let names = OutputFileName.assign(plan.agenda.participants.map(\.id))
        let name = names[participantID] ?? OutputFileName.sanitized(participantID)
        return file("calendars/\(name).ics").map { String(decoding: $0.contents, as: UTF8.self) }
    }

    /// Writes every file into a mission's folder, as a whole: staged in a
    /// fresh temporary folder and swapped in, so a failure leaves the old
    /// folder as it was. Files of the old folder the result does not produce
    /// are kept; calendars of participants no longer in the agenda are not.
    ///
    /// - Parameters:
    ///   - folder: The mission's output folder (created when missing; not a symbolic link).
    ///   - inputs: More files never to replace, besides ``sourceFiles``.
    /// - Returns: The URLs written, in the order of ``files``.
    /// - Throws: ``OutputError`` when a file cannot be written, would replace an input,
    ///   or would land outside `folder`.
    public func write(to folder: URL, protecting inputs: [URL] = []) throws(OutputError) -> [URL] {
        try MissionExport.write(files, to: folder, output: OutputFile(protectedInputs: sourceFiles + inputs))
    }
}
