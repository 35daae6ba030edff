import MissionMatch

/// Writes `outcomes.html`: a self-contained, printable page set reporting
/// what missions produced against what they promised (FileFormats §6b).
///
/// With more than one mission, the page opens with the programme summed:
/// figures, the targets chart (each target a pair of bars: the promise
/// outlined, what was achieved filled, labelled with both numbers and the
/// percentage), the funnel (bars narrowing from recommendation to agreement,
/// each with its count and its share of the stage above), agreements by
/// cluster (the top 12, then the others), and tables of the targets, the
/// agreements by kind, the missions and the breakdowns by cluster, country,
/// sector and side. Then one section per mission, starting on a new page:
/// the same charts and tables, no-shows by slot (a chart and a table) and by
/// table, and every agreement with the pair's ranks and score. A mission
/// with nothing reported says so in a sentence instead of drawing empty charts.
///
/// Charts are inline SVG (`role="img"`, a `<title>`, text labels inside) that
/// read in black and white: series differ by outline against fill and carry
/// their numbers. The CSS is inline (A4, charts never split across pages);
/// there is no script, image, font or link outside the file. Every input
/// string (mission, participant and group names) is escaped, in the SVG text
/// too, and the same report gives the same bytes: no date, no random id,
/// numbers with fixed decimals.
///
/// ```swift
/// let programme = ProgrammeOutcomeReport(missions: reports)
/// let html = OutcomeReportHTMLWriter(generator: "missionmatch 0.1.0").html(for: programme)
/// ```
public struct OutcomeReportHTMLWriter: Sendable {
    /// The program named in the page's `generator` meta tag and its footers.
    public var generator: String

    /// A writer.
    ///
    /// - Parameter generator: The program to name as the page's author, e.g. `missionmatch 0.1.0`.
    public init(generator: String = "MissionMatch") {
        self.generator = generator
    }

    /// The page for a programme's missions (UTF-8 text, LF line ends).
    ///
    /// - Parameter report: The missions' reports, summed.
    /// - Returns: The HTML text.
    /// - Complexity: O(size of the output): the report's rows, each written once.
    public func html(for report: ProgrammeOutcomeReport) -> String {
        OutcomeReportHTMLRenderer.render(report, generator: generator)
    }

    /// The page for one mission: its section alone, without a programme summary.
    ///
    /// - Parameter report: The mission's report.
    /// - Returns: The HTML text.
    public func html(for report: OutcomeReport) -> String {
        html(for: ProgrammeOutcomeReport(missions: [report]))
    }
}
