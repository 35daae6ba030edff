import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// `missionmatch validate MISSION…`: checks mission files and the participants
/// and requests they name, and summarises what an organiser should know.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check mission files and their participants and requests; summarise them.",
        discussion: """
            Reads each mission file (YAML or JSON), the participants file and the \
            requests file it names (paths are relative to the mission file), and \
            checks every rule of the input formats. All errors of all files are \
            printed to standard error as

              file:line: column 'x': what is wrong (what to do)

            and the command exits with 65 (66 when a file does not exist). When \
            everything is valid it prints, per mission: participants per side, \
            country, sector and type; the slots of each session; capacity \
            (slots × tables against the meetings the limits ask for); requests; \
            findings; and warnings.

            Example (output abridged):

              $ missionmatch validate Data/missions/shanghai-2019.yaml
              shanghai-2019: ESCP-4i business mission to Shanghai …
                participants: 162 (consortium 120, counterpart 42)
                  by country: CN 42, FR 31, BE 20, ES 16, DE 11, …
                slots: 19 in 3 session(s)
                  2019-06-17 09:00-12:30: 7 slot(s) (09:00–12:25)
                capacity: 19 slots × 20 tables = 380 meetings at most
                  the limits allow 694 meetings (Σ max_meetings / 2);
                  the smaller side allows 427
                findings:
                  - Tables will limit the agenda: …

              $ missionmatch validate broken.yaml; echo $?
              participants.csv:17: column 'country': 'Czechoslovakia' is
                not a known country (use an ISO code such as CZ or SK)
              65

            The reference data (countries, sectors, thesaurus, clusters) is read \
            from --data DIR, else $\(DataDirectory.environmentVariable), else the \
            nearest Data/ folder above the current directory or the executable, \
            else the tables built into the tool.

            Exit codes: 0 valid, 64 usage, 65 bad data, 66 missing input.
            """
    )

    /// How to print the result.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Mission files (YAML or JSON).")
    var missions: [String]

    @Option(name: .long, help: "The data folder holding reference/ and programme/.")
    var data: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    @Option(name: .long, help: "A column-mapping file (a columns: block, as `missionmatch columns` writes it) used instead of the mission's own.")
    var columns: String?

    func validate() throws {
        guard !missions.isEmpty else { throw ValidationError("Give at least one mission file.") }
    }

    func run() throws {
        let reference = try CommandInputs.reference(data: data)
        var loader = MissionLoader(referenceData: reference)
        loader.columns = try CommandInputs.columns(columns)
        var reports: [MissionReport] = []
        var failures = Diagnostics()
        for path in missions {
            let url = URL(fileURLWithPath: path)
            do {
                let loaded = try loader.load(contentsOf: url, displayName: path)
                let summary = MissionSummary(mission: loaded.value.mission, participants: loaded.value.participants,
                                             requests: loaded.value.requests)
                reports.append(MissionReport(file: path, valid: true, errors: [],
                                             warnings: loaded.diagnostics.warningLines, notes: loaded.value.notes,
                                             summary: summary))
            } catch {
                failures.append(contentsOf: error.diagnostics)
                StandardError.write(error.diagnostics.errorLines)
                reports.append(MissionReport(file: path, valid: false, errors: error.diagnostics.errorLines,
                                             warnings: error.diagnostics.warningLines, notes: [], summary: nil))
            }
        }
        switch format {
        case .text: StandardOutput.write(reports.map(SummaryText.render).joined(separator: "\n"))
        case .json: print(try MissionReport.json(reports))
        }
        if failures.hasErrors { throw SysExits.code(for: failures) }
    }
}

/// The result of validating one mission file, as printed by `--format json`.
struct MissionReport: Encodable {
    var file: String
    var valid: Bool
    var errors: [String]
    var warnings: [String]
    /// How the files were read, e.g. rows grouped into participants.
    var notes: [String]
    var summary: MissionSummary?

    static func json(_ reports: [MissionReport]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(["missions": reports]), as: UTF8.self)
    }
}

/// Renders a ``MissionReport`` as the text `validate` prints.
enum SummaryText {
    static func render(_ report: MissionReport) -> String {
        guard let s = report.summary else {
            return "\(report.file): \(report.errors.count) error(s), see above\n"
        }
        var lines: [String] = []
        lines.append("\(s.mission): \(s.name) (\(s.pairing)) — \(report.file)")
        let sides = s.bySide.isEmpty ? "" : " (" + s.bySide.map { "\($0.label) \($0.count)" }.joined(separator: ", ") + ")"
        lines.append("  participants: \(s.participants)\(sides)")
        lines += report.notes.map { "    note: " + $0 }
        lines.append("    by country: " + list(s.byCountry))
        lines.append("    by sector:  " + list(s.bySector))
        lines.append("    by type:    " + list(s.byType))
        lines.append("  slots: \(s.capacity.slots) in \(s.sessions.count) session(s)")
        for session in s.sessions {
            let span = session.firstStart.map { " (\($0)–\(session.lastEnd ?? ""))" } ?? ""
            lines.append("    \(session.session): \(session.slots) slot(s)\(span)")
        }
        let c = s.capacity
        lines.append("  capacity: \(c.slots) slots × \(c.tables) tables = \(c.tableSlots) meetings at most")
        var wanted = "    the limits allow \(c.meetingsWanted) meetings (Σ max_meetings / 2)"
        if let side = c.meetingsWantedBySmallerSide { wanted += "; the smaller side allows \(side)" }
        lines.append(wanted)
        lines.append("    the minimum meetings need \(c.minimumMeetingsNeeded) (Σ min_meetings / 2)")
        if let coverage = c.coverage {
            lines.append("    tables cover \(Int((coverage * 100).rounded()))% of the meetings the limits allow")
        }
        lines.append("  requests: " + s.requests.map { "\($0.label) \($0.count)" }.joined(separator: ", "))
        if !s.findings.isEmpty {
            lines.append("  findings:")
            lines += s.findings.map { "    - \($0)" }
        }
        if !report.warnings.isEmpty {
            lines.append("  warnings (\(report.warnings.count)):")
            lines += report.warnings.map { "    " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func list(_ counts: [MissionSummary.Count], limit: Int = 10) -> String {
        guard !counts.isEmpty else { return "none" }
        let shown = counts.prefix(limit).map { "\($0.label) \($0.count)" }.joined(separator: ", ")
        return counts.count > limit ? shown + ", … (\(counts.count - limit) more)" : shown
    }
}
