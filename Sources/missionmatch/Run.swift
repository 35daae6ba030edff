import ArgumentParser
import Foundation
import MatchCore
import MissionMatch
import MissionMatchIO

/// `missionmatch run [MISSION…] --out DIR`: everything an organiser sends out,
/// for every mission, in one command.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rank, plan and export every mission: all files an organiser sends out, in one command.",
        discussion: """
            For each mission (by default every mission file in the data folder's \
            missions/ folder, sorted by name) writes OUT/<mission-id>/:

              recommendations.csv   every participant's partners, with reasons
              agenda.csv            the meetings: date, start, end, table, pair, why
              agenda.json           the same with slots, participants and stats
              calendars/<id>.ics    one calendar per participant (RFC 5545)
              agenda.html           printable: one page per participant, the table grid
              summary.md            what the organiser reads first

            Every mission is read and checked before any work starts: all errors of \
            all files are printed and nothing is written (exit 65; 66 when a file \
            is missing). Then each mission is ranked (as `rank`), planned (as \
            `schedule`, from each participant's best 30 candidates) and exported, \
            and a one-screen summary is printed. The same inputs always give \
            byte-identical files.

            Missions are planned in date order, each knowing the meetings of the \
            missions before it (their agendas and recorded outcomes): a pair of \
            organisations (recognised by name) that already met is marked in \
            recommendations.csv (met_before) and its reasons ("met at Toronto \
            2019, rated 5/4, cooperation agreement"), or left out when the \
            mission's rule exclude_met_before is on. Summaries are printed in \
            the order the missions were given.

            --keep-from DIR re-plans against an earlier run: the meetings of \
            DIR/<mission-id>/agenda.json stay at their slot and table, only the free \
            capacity is planned, and the calendars announce moved meetings \
            (SEQUENCE) and cancelled ones (STATUS:CANCELLED). Write the re-plan to \
            another folder than DIR.

            A progress line is shown on standard error when it is a terminal \
            (never when piped, nor with --quiet); colour only on a terminal and \
            never when NO_COLOR is set.

            Example (output abridged):

              $ missionmatch run --out OUT
              …
              toronto-2019 — ESCP-4i business mission to Toronto … (bipartite, …)
                participants     160 (consortium 120, counterpart 40)
                recommendations  1600 in recommendations.csv
                meetings         388 in 23 slots × 18 tables (93.7% of the places)
                coverage         160 of 160 participants meet someone (100.0%); …
                score            total 180.2, upper bound 184.2, gap 2.2%
                unmet            0 must request(s); 0 participant(s) below min_meetings
                findings         - the counterpart side can hold at most 388 meetings, …
                files            OUT/toronto-2019/: summary.md, agenda.html, agenda.csv, …
              …

              $ missionmatch run --out OUT --format json | jq '.missions[].gap'
              $ missionmatch run --out OUT-2 --keep-from OUT

            Exit codes: 0 done, 64 usage, 65 bad data, 66 missing input, 73 cannot write.
            """
    )

    /// How the summaries are printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Mission files (YAML or JSON); default: every mission file in DATA/missions/.")
    var missions: [String] = []

    @Option(name: .long, help: "The output folder; each mission writes into OUT/<mission-id>/.")
    var out: String = "OUT"

    @Option(name: .long, help: "The data folder holding reference/, programme/ and missions/.")
    var data: String?

    @Option(name: .long, help: "A column-mapping file (a columns: block, as `missionmatch columns` writes it) used instead of the missions' own.")
    var columns: String?

    @Option(name: .long, help: "Summary format on standard output: text or json.")
    var format: Format = .text

    @Flag(name: .long, help: "No progress line (it is shown only when standard error is a terminal anyway).")
    var quiet = false

    @Option(name: .long, help: "An earlier run's output folder: keep the meetings of DIR/<mission-id>/agenda.json.")
    var keepFrom: String?

    @OptionGroup var semantic: SemanticOptions

    func validate() throws {
        if let keepFrom, Self.sameFolder(keepFrom, out) {
            throw ValidationError("--keep-from and --out name the same folder: the earlier agendas are inputs and are never "
                                  + "overwritten; write the re-plan to another folder, e.g. --out \(out)-2.")
        }
    }

    func run() throws {
        let terminal = Terminal.current()
        let progress = ProgressDisplay(enabled: terminal.errorIsTerminal && !quiet, style: terminal.errorStyle)
        progress.show("reading the missions…")
        let inputs: RunInputs
        let earlier: [Agenda?]
        do {
            inputs = try RunInputs.load(paths: missions, data: data, columns: try CommandInputs.columns(columns))
            try semantic.checkOnePerMission(inputs.missions.map(\.mission.id))
            earlier = try keepFrom.map { try EarlierRun.agendas(in: $0, for: inputs.missions) }
                ?? Array(repeating: nil, count: inputs.missions.count)
        } catch {
            progress.finish()
            throw error
        }

        let warnings = BLASReport.inspect(measure: false).warnings.map(\.description)
        StandardError.write(warnings.map { terminal.errorStyle.attention("warning: ") + $0 })
        let runner = MissionRunner(
            reference: inputs.reference, out: URL(fileURLWithPath: out), warnings: warnings,
            output: OutputFile(protectedInputs: inputs.inputFiles + EarlierRun.files(in: keepFrom, for: inputs.missions)),
            progress: progress, semantic: semantic.source())
        // Date order, so that each mission knows the meetings of those before it; printed in the order given.
        let order = inputs.missions.indices.sorted { a, b in
            switch (Self.firstDay(inputs.missions[a]), Self.firstDay(inputs.missions[b])) {
            case let (first?, second?) where first != second: first < second
            case (_?, nil): true       // a mission without sessions goes last
            case (nil, _?): false
            default: a < b             // same day: the order given
            }
        }
        var history = MeetingHistory()
        var done = [MissionRunReport?](repeating: nil, count: inputs.missions.count)
        var printed = 0
        for (step, position) in order.enumerated() {
            done[position] = try runner.run(inputs.missions[position], replanning: earlier[position], history: &history,
                                            position: step + 1, of: inputs.missions.count, given: position)
            progress.finish()
            while printed < done.count, let report = done[printed] {
                if format == .text {
                    print((printed > 0 ? "\n" : "") + report.text(style: terminal.outputStyle), terminator: "")
                }
                printed += 1
            }
        }
        let reports = done.compactMap { $0 }
        progress.finish()
        if format == .json {
            let document = RunReportDocument(generator: "missionmatch \(MissionMatchVersion.string)", warnings: warnings,
                                             missions: reports)
            print(try document.json(), terminator: "")
        }
    }

    /// A mission's first day, if it has a session.
    static func firstDay(_ mission: LoadedMission) -> LocalDate? {
        mission.mission.sessions.map(\.date).min()
    }

    /// Whether two paths name the same folder (after resolving symbolic links).
    static func sameFolder(_ a: String, _ b: String) -> Bool {
        func resolved(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path }
        return resolved(a) == resolved(b)
    }
}
