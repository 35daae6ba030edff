import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// `outcomes.html` on ``OutcomeFixture``: bar lengths, labels, escaping,
/// determinism, the mission with nothing reported, and the page's structure.
struct OutcomeReportHTMLTests {
    private let html = OutcomeReportHTMLWriter(generator: "missionmatch 0.1.0").html(for: OutcomeFixture.programme)

    // MARK: - Helpers

    /// The text of the `index`-th `<section …>` whose opening tag contains `marker`.
    private func section(_ marker: String, in text: String) throws -> String {
        let start = try #require(text.range(of: marker))
        let end = try #require(text.range(of: "</section>", range: start.upperBound..<text.endIndex))
        return String(text[start.lowerBound..<end.upperBound])
    }

    /// The `width` of every `<rect>` of a class, in order.
    private func widths(_ kind: String, in text: String) -> [Double] {
        text.components(separatedBy: "<rect class=\"\(kind)\"").dropFirst().compactMap { rest in
            guard let start = rest.range(of: " width=\"") else { return nil }
            return Double(rest[start.upperBound...].prefix { $0 != "\"" })
        }
    }

    /// The `<svg>…</svg>` blocks of a text.
    private func svgs(in text: String) -> [String] {
        text.components(separatedBy: "<svg ").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
    }

    /// The contents of every `<text …>…</text>` of a text.
    private func texts(in text: String) -> [String] {
        text.components(separatedBy: "<text ").dropFirst().compactMap { rest in
            guard let open = rest.firstIndex(of: ">"), let close = rest.range(of: "</text>") else { return nil }
            return String(rest[rest.index(after: open)..<close.lowerBound])
        }
    }

    private var toronto: String { (try? section("<section class=\"page mission\" id=\"m1\"", in: html)) ?? "" }

    // MARK: - The report the page is built from

    @Test func fixtureReportHasTheExpectedFigures() {
        let report = OutcomeFixture.toronto
        #expect(report.figures.funnel == OutcomeReport.Funnel(recommended: 10, onAgenda: 6, onAgendaRecommended: 6, reported: 6, held: 4, ratedUseful: 3,
                                                      followedUp: 3, agreements: 1))
        #expect(report.figures.agreementsOutsideAgenda == 1)
        #expect(report.figures.targets.map(\.achieved) == [4, 1, 1])
        #expect(report.noShowsBySlot.map(\.noShows) == [0, 1, 0, 0])
        #expect(report.agreements.map(\.rankForA) == [1, 4])
        #expect(report.agreements.map(\.rankForB) == [3, nil])
        #expect(OutcomeReportHTMLRenderer.hasNothingReported(OutcomeFixture.lyon))
    }

    // MARK: - Bars

    @Test func targetBarsAreProportionalToPromisedAndAchieved() throws {
        let promised = widths("bar promised", in: toronto), achieved = widths("bar achieved", in: toronto)
        let targets = OutcomeFixture.toronto.figures.targets
        try #require(promised.count == targets.count && achieved.count == targets.count)
        for (index, target) in targets.enumerated() {
            // Each target on its own scale: the longer of the two is the full length.
            let full = max(promised[index], achieved[index])
            #expect(full == 340)
            #expect(abs(promised[index] / full - Double(target.promised) / Double(max(target.promised, target.achieved))) < 0.001)
            #expect(abs(achieved[index] / full - Double(target.achieved) / Double(max(target.promised, target.achieved))) < 0.001)
        }
        #expect(achieved == [136, 170, 340])
    }

    @Test func funnelBarsAreProportionalToTheStages() throws {
        let stages = OutcomeFixture.toronto.figures.funnel.stages.map(\.count)
        let bars = widths("bar stage", in: toronto)
        try #require(bars.count == stages.count)
        #expect(stages == [10, 6, 4, 3, 3, 1])
        for (bar, count) in zip(bars, stages) {
            #expect(abs(bar / 280 - Double(count) / 10) < 0.001, "\(bar) for \(count)")
        }
        // Centred: every bar's middle is at the same place, so the funnel narrows on both sides.
        let xs = toronto.components(separatedBy: "<rect class=\"bar stage\" x=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        for (x, width) in zip(xs, bars) { #expect(abs(x + width / 2 - (206 + 280 / 2)) < 0.01) }
    }

    @Test func programmeBarsSumTheMissions() throws {
        let programme = try section("<section class=\"page programme\"", in: html)
        // Lyon reported nothing and sets the same targets: the promises double, the achievements stay.
        #expect(widths("bar achieved", in: programme) == [68, 85, 170])
        #expect(widths("bar promised", in: programme) == [340, 340, 340])
        #expect(texts(in: programme).contains("target 20"))
        #expect(texts(in: programme).contains("achieved 4 · 20.0 %"))
    }

    @Test func clusterBarsShowAgreementsTopTwelveThenOthers() {
        let tallies = (1...15).map { OutcomeReport.Tally(label: "cluster \($0)", participants: 3, meetingsHeld: 5, agreements: 16 - $0) }
            + [OutcomeReport.Tally(label: "idle", participants: 2, meetingsHeld: 1, agreements: 0)]
        let svg = OutcomeCharts.agreementsByCluster(tallies) ?? ""
        let values = widths("bar value", in: svg)
        #expect(values.count == 12)
        #expect(abs(values[0] - 400) < 0.01 && abs(values[11] - 400 * 4 / 15) < 0.01)
        // The three left (3 + 2 + 1 agreements) in one dashed bar.
        #expect(widths("bar others", in: svg).map { ($0 * 100).rounded() / 100 } == [160])
        #expect(texts(in: svg).contains("3 other clusters"))
        #expect(!svg.contains("idle"))
        #expect(OutcomeCharts.agreementsByCluster([tallies[15]]) == nil)
    }

    @Test func longLabelsAreClippedInTheChartAndGivenInFullInTheirTooltip() {
        let long = "<script>alert('a very long cluster name')</script>"
        let svg = OutcomeCharts.agreementsByCluster([OutcomeReport.Tally(label: long, participants: 1, meetingsHeld: 1, agreements: 1)]) ?? ""
        #expect(svg.contains("><title>&lt;script&gt;alert(&#39;a very long cluster name&#39;)&lt;/script&gt;</title>"
            + "&lt;script&gt;alert(&#39;a very…</text>"), "22 characters, the last an ellipsis")
        #expect(!svg.contains("<script") && !svg.contains("'a very"))
    }

    @Test func noShowBarsShowTheRateOnAFullScale() {
        // Slots: 0 of 2, 1 of 1, 0 of 1, 0 of 1.
        #expect(widths("bar value", in: toronto).suffix(4) == [0, 400, 0, 0])
        #expect(texts(in: toronto).contains("1 of 1 · 100.0 %"))
        #expect(texts(in: toronto).contains("0 of 2 · 0.0 %"))
    }

    // MARK: - Labels

    @Test func labelsShowTheNumbersAndPercentages() {
        let labels = texts(in: toronto)
        for expected in ["target 10", "achieved 4 · 40.0 %", "target 2", "achieved 1 · 50.0 %", "achieved 1 · 100.0 %",
                         "B2B meetings held", "cooperation agreements", "business agreements",
                         "10", "6", "4 · 66.7 % of on the agenda", "3 · 75.0 % of held", "1 · 33.3 % of followed up",
                         "recommended", "on the agenda", "rated useful by both", "agreement"] {
            #expect(labels.contains(expected), "\(expected)")
        }
        for figure in ["<dt>Meetings held</dt><dd>4 of 6 (66.7 %)</dd>", "<dt>Agreements</dt><dd>2</dd>",
                       "<dt>Agreements outside the agenda</dt><dd>1</dd>", "<dt>No-shows</dt><dd>1 of 5 (20.0 %)</dd>"] {
            #expect(toronto.contains(figure), "\(figure)")
        }
    }

    @Test func tablesListTargetsKindsNoShowsAndAgreements() {
        #expect(toronto.contains("<tr><td>B2B meetings held</td><td class=\"num\">10</td><td class=\"num\">4</td><td class=\"num\">40.0 %</td></tr>"))
        #expect(toronto.contains("<tr><td>cooperation agreement</td><td class=\"num\">1</td></tr>"))
        #expect(toronto.contains("<tr><td>business agreement</td><td class=\"num\">1</td></tr>"))
        #expect(toronto.contains("<tr><td>table 1</td><td class=\"num\">4</td><td class=\"num\">1</td><td class=\"num\">25.0 %</td></tr>"))
        #expect(toronto.contains("<tr><td>2019-11-01 09:25</td><td class=\"num\">1</td><td class=\"num\">1</td><td class=\"num\">100.0 %</td></tr>"))
        // The agreement from the agenda: ranks 1 and 3, the meeting's score; the one outside: rank 4 and —.
        #expect(toronto.contains("<td>cooperation agreement</td><td class=\"date\">2019-12-02</td><td class=\"num\">1</td>"
            + "<td class=\"num\">3</td><td class=\"num\">0.820</td><td>agenda meeting</td>"))
        #expect(toronto.contains("<td>business agreement</td><td class=\"date\">2020-01-15</td><td class=\"num\">4</td>"
            + "<td class=\"num\">—</td><td class=\"num\">0.580</td><td>outside the agenda</td>"))
        for group in ["<caption>By cluster</caption>", "<caption>By country</caption>", "<caption>By sector</caption>",
                      "<caption>By side</caption>"] {
            #expect(toronto.contains(group), "\(group)")
        }
    }

    // MARK: - Escaping

    @Test(arguments: ["<script>", "\"Pack\"", "'Co'", "<i>", "\"&'", "=HYPERLINK(\"", "<2019>", "\"Lambert\"", " & Fils"])
    func hostileTextNeverAppearsUnescaped(hostile: String) {
        #expect(!html.contains(hostile))
    }

    @Test func hostileNamesAreEscapedInsideTheCharts() throws {
        let cluster = "&lt;script&gt;&quot;Pack&quot; &amp; &#39;Co&#39;"
        let chart = try #require(svgs(in: toronto).first { $0.contains("Agreements by cluster") })
        #expect(texts(in: chart).contains(cluster))
        #expect(chart.contains("aria-label=\"Agreements by cluster: Ontario Cleantech 2, \(cluster) 1, Wagralim 1.\""))
        #expect(chart.contains("<title>Agreements by cluster: Ontario Cleantech 2, \(cluster) 1, Wagralim 1.</title>"))
        #expect(toronto.contains("<td class=\"name\">Brasserie &quot;Lambert&quot; &amp; Fils, l&#39;Atelier<span class=\"id\">eu-03</span>"))
        #expect(toronto.contains("=HYPERLINK(&quot;http://x&quot;)<span class=\"id\">ca-01</span>"))
        #expect(html.contains("<h1>Lyon &lt;i&gt;&quot;&amp;&#39;&lt;/i&gt; 2020</h1>"))
        #expect(html.contains("<h1>Cleantech &amp; Packaging mission to Toronto &lt;2019&gt;</h1>"))
    }

    @Test func chartsHoldOnlyShapesAndText() {
        let charts = svgs(in: html)
        #expect(charts.count == 7, "programme: targets, funnel, clusters; Toronto: the same and no-shows; Lyon: none")
        for chart in charts {
            #expect(chart.hasPrefix("viewBox=\"0 0 760 "))
            #expect(chart.contains("role=\"img\"") && chart.contains("aria-label=\"") && chart.contains("<title>"))
            let tags = Set(chart.components(separatedBy: "<").dropFirst().map { String($0.prefix { $0.isLetter || $0 == "/" }) })
            #expect(tags.isSubset(of: ["title", "/title", "rect", "line", "text", "/text"]), "\(tags)")
        }
    }

    @Test func noScriptNoExternalResource() {
        let lowered = html.lowercased()
        for pattern in ["<script", "src=", "<link", "@import", "url(", "href=\"http", "@font-face", "<img", "javascript:"] {
            #expect(!lowered.contains(pattern), "\(pattern)")
        }
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs == ["#m1", "#m2"])
    }

    // MARK: - Determinism, structure

    @Test func sameReportGivesTheSameBytes() {
        let again = OutcomeReportHTMLWriter(generator: "missionmatch 0.1.0").html(for: ProgrammeOutcomeReport(missions: [
            OutcomeReport(mission: OutcomeFixture.mission, participants: OutcomeFixture.participants, agenda: ExportFixture.agenda,
                          recommendations: OutcomeFixture.recommendations, outcomes: OutcomeFixture.outcomes),
            OutcomeFixture.lyon,
        ]))
        #expect(Data(again.utf8) == Data(html.utf8))
        #expect(!html.contains("\r"))
    }

    @Test func missionWithNothingReportedSaysSoAndDrawsNoChart() throws {
        let lyon = try section("<section class=\"page mission\" id=\"m2\"", in: html)
        #expect(lyon.contains("<p class=\"empty\">No outcomes recorded yet: the funnel stops at the agenda.</p>"))
        #expect(!lyon.contains("<svg"))
        #expect(!lyon.contains("<figure"))
        #expect(lyon.contains("<dt>Meetings on the agenda</dt><dd>6</dd>"))
        // Its targets as promised, without an "achieved 0" that would read as a failure.
        #expect(lyon.contains("<tr><td>B2B meetings held</td><td class=\"num\">10</td></tr>"))
        #expect(!lyon.contains("Achieved"))
        #expect(!toronto.contains("No outcomes recorded yet"))
        #expect(html.contains("<td class=\"num\">not reported yet</td>"))
    }

    @Test func programmeWithNothingReportedSaysSoAndDrawsNoChart() {
        let html = OutcomeReportHTMLWriter().html(for: ProgrammeOutcomeReport(missions: [OutcomeFixture.lyon, OutcomeFixture.lyon]))
        #expect(html.components(separatedBy: OutcomeReportHTMLRenderer.nothingReported).count == 4)
        #expect(!html.contains("<svg"))
        #expect(html.contains("<section class=\"page programme\">"))
    }

    @Test func programmeSectionOnlyWithMoreThanOneMission() {
        #expect(html.components(separatedBy: "<section class=\"page programme\"").count == 2)
        #expect(html.components(separatedBy: "<section class=\"page mission\"").count == 3)
        #expect(html.contains("<title>Programme outcomes — 2 missions</title>"))
        let single = OutcomeReportHTMLWriter().html(for: OutcomeFixture.toronto)
        #expect(!single.contains("class=\"page programme\""))
        #expect(single.components(separatedBy: "<section class=\"page mission\"").count == 2)
        #expect(single.contains("<meta name=\"generator\" content=\"MissionMatch\">"))
        let none = OutcomeReportHTMLWriter().html(for: ProgrammeOutcomeReport(missions: []))
        #expect(none.contains("The report holds no mission.") && !none.contains("<svg"))
    }

    @Test func printStyleBreaksBeforeMissionsAndKeepsChartsWhole() {
        for rule in ["@page { size: A4;", ".page + .mission { break-before: page; page-break-before: always; }",
                     ".chart { margin: 0 0 1.2rem; break-inside: avoid; page-break-inside: avoid; }"] {
            #expect(html.contains(rule), "\(rule)")
        }
    }

    @Test func coordinatesAreShortFixedDecimals() {
        #expect(SVGCanvas.number(12) == "12")
        #expect(SVGCanvas.number(12.5) == "12.5")
        #expect(SVGCanvas.number(170.666_666) == "170.67")
        #expect(SVGCanvas.number(-0.001) == "0")
        #expect(SVGCanvas.clipped("Société d’emballage écoresponsable du Québec", to: 26) == "Société d’emballage écore…")
    }
}
