import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// `missionmatch outcomes`: after a mission, the outcomes template and the
/// report of what the missions produced against their targets.
struct Outcomes: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "After a mission: the outcomes template, and the report against the targets.",
        discussion: """
            An outcomes file (FileFormats §6b) records what came of each meeting — \
            held or a no-show, how useful each side found it (1–5), what followed \
            (contact, a cooperation or business agreement, an MoU) — and the \
            agreements made outside the agenda. A mission file names it with \
            `outcomes:`.

              $ missionmatch outcomes template Data/missions/toronto-2019.yaml \\
                  --agenda OUT/toronto-2019/agenda.json --out toronto-2019-outcomes.csv
              $ missionmatch outcomes report --run OUT --out OUT/outcomes

            Exit codes: 64 usage, 65 bad data, 66 missing input, 73 cannot write.
            """,
        subcommands: [OutcomesTemplate.self, OutcomesReport.self]
    )
}

/// `missionmatch outcomes template MISSION --agenda AGENDA.json --out FILE`.
struct OutcomesTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write an outcomes file to fill in: one row per meeting of the agenda.",
        discussion: """
            Ids, names, date, start and table are filled in from the agenda; \
            held, rating_a, rating_b, follow_up, signed_on and notes are left \
            empty. Agreements made outside the agenda are added as rows with \
            the two participant ids and no meeting_id. The CSV is safe to open \
            in a spreadsheet.

              $ missionmatch outcomes template Data/missions/toronto-2019.yaml \\
                  --agenda OUT/toronto-2019/agenda.json --out toronto-2019-outcomes.csv
              wrote toronto-2019-outcomes.csv: 318 meetings to report on
            """
    )

    @Argument(help: "The mission file (YAML or JSON).")
    var mission: String

    @Option(name: .long, help: "The agenda.json that was handed out.")
    var agenda: String

    @Option(name: .long, help: "The outcomes file to write.")
    var out: String

    @Option(name: .long, help: "The data folder holding reference/ and programme/.")
    var data: String?

    func run() throws {
        let reference = try CommandInputs.reference(data: data)
        let loaded = try CommandInputs.mission(mission, reference: reference)
        let handedOut: Agenda
        do {
            let read = try AgendaReader(mission: loaded.mission).read(contentsOf: URL(fileURLWithPath: agenda), displayName: agenda)
            StandardError.write(read.diagnostics.warningLines)
            handedOut = read.value
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
        let text = OutcomesCSVWriter().csv(for: handedOut, participants: loaded.participants)
        try CommandInputs.write(text, to: URL(fileURLWithPath: out),
                                protecting: CommandInputs.inputs(of: loaded) + [URL(fileURLWithPath: agenda)])
        let meetings = handedOut.meetings.count { $0.status == .scheduled }
        StandardOutput.write("wrote \(out): \(meetings) meeting\(meetings == 1 ? "" : "s") to report on\n")
    }
}

/// `missionmatch outcomes report [MISSION…] --run DIR [--outcomes FILE] [--out DIR] [--format text|json]`.
struct OutcomesReport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report what the missions produced: the funnel, the targets, breakdowns, no-shows, agreements.",
        discussion: """
            For each mission given — or every mission of the data folder whose \
            file names an outcomes file — reads the agenda that was handed out \
            and the recommendations behind it from the folder `run` wrote \
            (--run DIR: DIR/<mission-id>/agenda.json and recommendations.csv), \
            and the outcomes. Prints the funnel and the targets per mission and \
            for the programme; --out DIR writes outcomes.md, outcomes.html \
            (charts, printable) and outcomes.json there.

              $ missionmatch outcomes report --run OUT --out OUT/outcomes
              toronto-2019: 318 on the agenda, 281 held, 12 agreements
                targets: B2B meetings held 281 of 320 (87.8%), cooperation agreements 9 of 40 (22.5%), …
              wrote OUT/outcomes/outcomes.md, OUT/outcomes/outcomes.html, OUT/outcomes/outcomes.json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "Mission files; none for every mission of the data folder with an outcomes file.")
    var missions: [String] = []

    @Option(name: .customLong("run"), help: "The folder `run` wrote: <DIR>/<mission-id>/agenda.json.")
    var runFolder: String = "OUT"

    @Option(name: .long, help: "An outcomes file instead of the mission's (one mission only).")
    var outcomes: String?

    @Option(name: .long, help: "Write outcomes.md, outcomes.html and outcomes.json to this folder.")
    var out: String?

    @Option(name: .long, help: "What to print: text or json.")
    var format: Format = .text

    @Option(name: .long, help: "The data folder holding reference/, programme/ and missions/.")
    var data: String?

    func validate() throws {
        if outcomes != nil, missions.count != 1 {
            throw ValidationError("--outcomes needs exactly one mission file.")
        }
    }

    func run() throws {
        let folder = try CommandInputs.dataFolder(data)
        let reference = try CommandInputs.reference(in: folder)
        let files = try missionFiles(in: folder, reference: reference)
        let loader = OutcomesLoader(referenceData: reference)
        var loaded: [MissionOutcomes] = []
        var failures = Diagnostics()
        for (url, name) in files {
            do {
                let read = try loader.load(missionAt: url, displayName: name, runFolder: URL(fileURLWithPath: runFolder),
                                           outcomes: outcomes.map { URL(fileURLWithPath: $0) })
                StandardError.write(read.diagnostics.warningLines)
                loaded.append(read.value)
            } catch {
                StandardError.write(error.diagnostics.errorLines)
                failures.append(contentsOf: error.diagnostics)
            }
        }
        if failures.hasErrors { throw SysExits.code(for: failures) }
        let report = ProgrammeOutcomeReport(missions: loaded.map(\.report))
        let generator = "missionmatch \(MissionMatchVersion.string)"
        let json = OutcomeReportJSONWriter(generator: generator).json(for: report)
        switch format {
        case .text: StandardOutput.write(OutcomeReportText.render(report))
        case .json: StandardOutput.write(json)
        }
        guard let out else { return }
        let outFolder = URL(fileURLWithPath: out)
        let inputs = loaded.flatMap { CommandInputs.inputs(of: $0.mission) + [$0.outcomesURL].compactMap { $0 } }
        let written: [(String, String)] = [
            ("outcomes.md", OutcomeReportMarkdownWriter().markdown(for: report)),
            ("outcomes.html", OutcomeReportHTMLWriter(generator: generator).html(for: report)),
            ("outcomes.json", json),
        ]
        for (name, text) in written {
            try CommandInputs.write(text, to: outFolder.appendingPathComponent(name), protecting: inputs)
        }
        StandardError.write(["wrote " + written.map { outFolder.appendingPathComponent($0.0).relativePath }.joined(separator: ", ")])
    }

    /// The mission files given, or those of the data folder that name an outcomes file.
    private func missionFiles(in folder: URL?, reference: ReferenceData) throws -> [(URL, String)] {
        if !missions.isEmpty { return missions.map { (URL(fileURLWithPath: $0), $0) } }
        guard let folder else {
            StandardError.write(["no data folder with missions/ found here or above "
                                 + "(give mission files as arguments, or --data DIR with a missions/ folder)"])
            throw SysExits.noInput
        }
        let all = try RunInputs.missionFiles(in: folder)
        let reader = MissionReader(referenceData: reference)
        let withOutcomes = all.filter { url, name in
            (try? reader.read(contentsOf: url, displayName: name).value.mission.outcomesPath) != nil
        }
        guard !withOutcomes.isEmpty else {
            StandardError.write(["\(DisplayPath.of(folder.appendingPathComponent("missions"))): no mission names an outcomes file "
                                 + "(add `outcomes: FILE` to a mission file, or give mission files and --outcomes)"])
            throw SysExits.noInput
        }
        return withOutcomes
    }
}

/// The few lines `outcomes report` prints per mission and for the programme.
enum OutcomeReportText {
    static func render(_ report: ProgrammeOutcomeReport) -> String {
        var lines: [String] = []
        for mission in report.missions {
            lines += summary(mission.mission, mission.figures)
            if mission.outcomeRows == 0 { lines.append("  no outcomes recorded yet") }
        }
        if report.missions.count > 1 {
            lines += summary("programme (\(report.missions.count) missions)", report.figures)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func summary(_ title: String, _ figures: OutcomeFigures) -> [String] {
        let funnel = figures.funnel, targets = figures.targets, agreements = figures.agreements
        var lines = ["\(title): \(funnel.onAgenda) on the agenda, \(funnel.held) held, "
                     + "\(funnel.ratedUseful) rated useful by both, \(agreements) agreement\(agreements == 1 ? "" : "s")"]
        if !targets.isEmpty {
            lines.append("  targets: " + targets.map { target in
                "\(target.kind.label) \(target.achieved) of \(target.promised)"
                    + (target.share.map { " (" + FixedPoint.format($0 * 100, digits: 1) + "%)" } ?? "")
            }.joined(separator: ", "))
        }
        return lines
    }
}
