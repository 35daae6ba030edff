import MissionMatch

/// Lays out `outcomes.html`: the document, the programme section and one
/// section per mission, with their figures and charts (the tables are in
/// `OutcomeReportHTMLRenderer+Tables.swift`). Every string from the report
/// goes through ``HTMLText/escaped(_:)`` (the `e` helper, or the chart
/// builders' own escaping); only fixed markup is written as it is.
struct OutcomeReportHTMLRenderer {
    private(set) var out = ""
    let generator: String

    /// The sentence a mission with nothing reported shows instead of its charts.
    static let nothingReported = "No outcomes recorded yet: the funnel stops at the agenda."

    /// The page for a programme.
    ///
    /// - Parameters:
    ///   - report: The missions and their sums.
    ///   - generator: The program named as the page's author.
    /// - Returns: The HTML text (LF line ends).
    static func render(_ report: ProgrammeOutcomeReport, generator: String) -> String {
        var renderer = OutcomeReportHTMLRenderer(generator: generator)
        renderer.out.reserveCapacity(16_384 + report.missions.count * 8_192)
        renderer.document(report)
        return renderer.out
    }

    func e(_ text: String) -> String { HTMLText.escaped(text) }

    mutating func line(_ text: String) { out += text + "\n" }

    private mutating func document(_ report: ProgrammeOutcomeReport) {
        let title = switch report.missions.count {
        case 0: "Outcomes"
        case 1: "\(report.missions[0].name) — outcomes"
        default: "Programme outcomes — \(report.missions.count) missions"
        }
        line("<!DOCTYPE html>")
        line("<html lang=\"en\">")
        line("<head>")
        line("<meta charset=\"utf-8\">")
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        line("<meta name=\"generator\" content=\"\(e(generator))\">")
        line("<title>\(e(title))</title>")
        line("<style>")
        line(OutcomeReportHTMLStyle.css)
        line("</style>")
        line("</head>")
        line("<body>")
        if report.missions.isEmpty {
            line("<section class=\"page programme\">")
            line("<header><p class=\"kicker\">Outcomes</p><h1>No missions</h1></header>")
            line("<p class=\"empty\">The report holds no mission.</p>")
            line("</section>")
        }
        if report.missions.count > 1 { programme(report) }
        for (index, mission) in report.missions.enumerated() { self.mission(mission, anchor: "m\(index + 1)") }
        line("</body>")
        line("</html>")
    }

    private mutating func programme(_ report: ProgrammeOutcomeReport) {
        let summary = report.figures
        line("<section class=\"page programme\">")
        line("<header>")
        line("<p class=\"kicker\">Programme outcomes</p>")
        line("<h1>\(report.missions.count) missions</h1>")
        line("<p class=\"meta\">\(e(report.missions.map(\.name).joined(separator: " · ")))</p>")
        line("</header>")
        if report.missions.allSatisfy(OutcomeReportHTMLRenderer.hasNothingReported) {
            line("<p class=\"empty\">\(e(Self.nothingReported))</p>")
            figures(summary, extra: [], agendaOnly: true)
            targetsTable(summary.targets, promisedOnly: true)
            missionsTable(report.missions)
        } else {
            figures(summary, extra: [])
            charts(summary)
            targetsTable(summary.targets)
            kindsTable(summary)
            missionsTable(report.missions)
            breakdowns(summary)
        }
        footer("Programme outcomes")
        line("</section>")
    }

    private mutating func mission(_ report: OutcomeReport, anchor: String) {
        let summary = report.figures
        line("<section class=\"page mission\" id=\"\(anchor)\">")
        line("<header>")
        line("<p class=\"kicker\">Mission outcomes · \(e(report.mission))</p>")
        line("<h1>\(e(report.name))</h1>")
        line("<p class=\"meta\">\(Self.count(report.outcomeRows, "outcome row", "outcome rows")) read</p>")
        line("</header>")
        if OutcomeReportHTMLRenderer.hasNothingReported(report) {
            line("<p class=\"empty\">\(e(Self.nothingReported))</p>")
            figures(summary, extra: [], agendaOnly: true)
            targetsTable(summary.targets, promisedOnly: true)
        } else {
            let noShows = report.noShowsBySlot.map(\.noShows).reduce(0, +)
            let reported = report.noShowsBySlot.map(\.reported).reduce(0, +)
            figures(summary, extra: reported > 0 ? [("No-shows", ExportFigures.share(noShows, of: reported))] : [])
            charts(summary)
            targetsTable(summary.targets)
            kindsTable(summary)
            breakdowns(summary)
            noShowSection(report)
            agreementsTable(report.agreements)
        }
        footer(report.mission)
        line("</section>")
    }

    /// The figures above the charts; `agendaOnly` for a mission with nothing reported.
    private mutating func figures(_ summary: OutcomeFigures, extra: [(String, String)], agendaOnly: Bool = false) {
        let funnel = summary.funnel
        var list: [(String, String)] = []
        if let recommended = funnel.recommended { list.append(("Pairs recommended", "\(recommended)")) }
        list.append(("Meetings on the agenda", "\(funnel.onAgenda)"))
        if !agendaOnly {
            list.append(("Meetings held", ExportFigures.share(funnel.held, of: funnel.onAgenda)))
            list.append(("Rated useful by both", ExportFigures.share(funnel.ratedUseful, of: funnel.held)))
            list.append(("Followed up", ExportFigures.share(funnel.followedUp, of: funnel.held)))
            list.append(("Agreements", "\(summary.agreements)"))
            list.append(("Agreements outside the agenda", "\(summary.agreementsOutsideAgenda)"))
        }
        line("<dl class=\"figures\">")
        for (label, value) in list + extra { line("<div><dt>\(e(label))</dt><dd>\(e(value))</dd></div>") }
        line("</dl>")
    }

    /// The targets chart, the funnel and the agreements by cluster.
    private mutating func charts(_ summary: OutcomeFigures) {
        if let svg = OutcomeCharts.targets(summary.targets) {
            chart("Targets", svg, caption: "Each target on its own scale: the outlined bar is the promise, "
                + "the filled bar what was achieved, with its share of the promise.")
        }
        let outside = summary.agreementsOutsideAgenda
        let outsideNote = switch outside {
        case 0: ""
        case 1: " One agreement signed outside the agenda is counted in the tables only."
        default: " \(outside) agreements signed outside the agenda are counted in the tables only."
        }
        chart("From recommendation to agreement", OutcomeCharts.funnel(summary.funnel.stages),
              caption: "Each stage with its count and its share of the stage it is a part of: held of the meetings on the agenda, "
                + "rated useful and followed up of those held, agreements of those followed up." + outsideNote)
        if let svg = OutcomeCharts.agreementsByCluster(summary.byCluster) {
            chart("Agreements by cluster", svg, caption: "An agreement counts once for each cluster of its two participants; "
                + "clusters without an agreement are in the table below.")
        }
    }

    /// A chart under its heading, kept on one page.
    mutating func chart(_ heading: String, _ svg: String, caption: String) {
        line("<figure class=\"chart\">")
        line("<h2>\(e(heading))</h2>")
        line(svg)
        line("<figcaption>\(e(caption))</figcaption>")
        line("</figure>")
    }

    private mutating func footer(_ what: String) {
        line("<footer>\(e(what)) · outcomes report by \(e(generator))</footer>")
    }

    /// `1 outcome row`, `3 outcome rows`.
    static func count(_ value: Int, _ one: String, _ many: String) -> String {
        "\(value) \(value == 1 ? one : many)"
    }

    /// Whether a mission has nothing reported: no attendance and no agreement.
    static func hasNothingReported(_ report: OutcomeReport) -> Bool {
        report.figures.funnel.reported == 0 && report.agreements.isEmpty
    }
}
