import MissionMatch

/// Writes `outcomes.md` ([FileFormats §6b](<doc:FileFormats>)): for a
/// programme of several missions its sums first, then one section per
/// mission — targets against what was achieved, the funnel from
/// recommendation to agreement, agreements by kind, breakdowns, no-shows by
/// slot and table, and every agreement with its rank when recommended. Every
/// text from the input is Markdown-escaped; numbers are locale-free.
///
/// ```swift
/// let markdown = OutcomeReportMarkdownWriter().markdown(for: ProgrammeOutcomeReport(missions: reports))
/// ```
public struct OutcomeReportMarkdownWriter: Sendable {
    /// Breakdowns show this many groups, the rest summed as "others".
    public static let shownGroups = 15

    /// Creates a writer.
    public init() {}

    /// The Markdown text (LF line ends, ending in a newline).
    ///
    /// - Parameter report: The programme's report (one mission or more).
    /// - Returns: The document.
    /// - Complexity: O(*n*) in the report's rows.
    public func markdown(for report: ProgrammeOutcomeReport) -> String {
        var lines: [String] = []
        if report.missions.count != 1 {
            lines += ["# Outcomes of the programme", "",
                      "\(report.missions.count) missions with outcomes: "
                          + report.missions.map { MarkdownText.escaped($0.name) }.joined(separator: ", ") + ".", ""]
            lines += Self.summary(report.figures, level: "##")
            lines += Self.breakdowns(report.figures.breakdowns, level: "##")
        }
        for mission in report.missions {
            lines += Self.mission(mission, level: report.missions.count == 1 ? "#" : "##")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func mission(_ report: OutcomeReport, level: String) -> [String] {
        let sub = level + "#"
        var lines = ["\(level) \(MarkdownText.escaped(report.name)) (\(MarkdownText.escaped(report.mission)))", ""]
        if report.outcomeRows == 0 {
            lines += ["No outcomes recorded yet: the funnel stops at the agenda.", ""]
        }
        lines += summary(report.figures, level: sub)
        guard report.outcomeRows > 0 else { return lines }
        lines += breakdowns(report.figures.breakdowns, level: sub)
        lines += noShows("No-shows by slot", report.noShowsBySlot, level: sub)
        lines += noShows("No-shows by table", report.noShowsByTable, level: sub)
        lines += ["\(sub) Agreements and where they came from", ""]
        if report.agreements.isEmpty {
            lines += ["None recorded.", ""]
        } else {
            lines += ["| kind | between | and | signed | meeting | rank for A | rank for B | score |",
                      "|---|---|---|---|---|---|---|---|"]
            for row in report.agreements {
                lines.append("| \(row.kind.label) | \(MarkdownText.escaped(row.nameA)) | \(MarkdownText.escaped(row.nameB)) | "
                    + "\(row.signedOn?.description ?? "–") | \(row.meetingID == nil ? "outside the agenda" : "on the agenda") | "
                    + "\(row.rankForA.map(String.init) ?? "–") | \(row.rankForB.map(String.init) ?? "–") | "
                    + "\(row.score.map(ExportFigures.score) ?? "–") |")
            }
            lines.append("")
        }
        return lines
    }

    private static func summary(_ figures: OutcomeFigures, level: String) -> [String] {
        let funnel = figures.funnel, targets = figures.targets, outside = figures.agreementsOutsideAgenda
        var lines: [String] = []
        lines += ["\(level) Targets", ""]
        if targets.isEmpty {
            lines += ["The mission files set no targets.", ""]
        } else {
            lines += ["| target | promised | achieved | share |", "|---|---|---|---|"]
            for target in targets {
                lines.append("| \(target.kind.label) | \(target.promised) | \(target.achieved) | "
                    + "\(target.share.map(ExportFigures.percent) ?? "–") |")
            }
            lines.append("")
        }
        lines += ["\(level) From recommendation to agreement", "", "| stage | count | share |", "|---|---|---|"]
        for stage in funnel.stages {
            var share = stage.base.map { base in (stage.share.map(ExportFigures.percent) ?? "–") + " of " + base } ?? ""
            if stage.label == "on the agenda", let recommended = funnel.onAgendaRecommended {
                share = "\(recommended) of them recommended"
            }
            lines.append("| \(stage.label) | \(stage.count) | \(share) |")
        }
        lines.append("")
        let kinds = figures.agreementsByKind.map { "\($0.count) \($0.kind.label)\($0.count == 1 ? "" : "s")" }
            .joined(separator: ", ")
        lines += ["Agreements: \(kinds)" + (outside > 0 ? " (\(outside) made outside the agenda)." : "."), ""]
        return lines
    }

    private static func breakdowns(_ lists: [(dimension: String, tallies: [OutcomeReport.Tally])], level: String) -> [String] {
        var lines: [String] = []
        for (name, tallies) in lists where !tallies.isEmpty {
            lines += ["\(level) By \(name)", "", "| \(name) | participants | meetings held | agreements |", "|---|---|---|---|"]
            for tally in tallies.prefix(shownGroups) {
                lines.append("| \(MarkdownText.escaped(tally.label)) | \(tally.participants) | \(tally.meetingsHeld) | \(tally.agreements) |")
            }
            if tallies.count > shownGroups {
                let rest = tallies.dropFirst(shownGroups)
                lines.append("| \(rest.count) others | \(rest.map(\.participants).reduce(0, +)) | "
                    + "\(rest.map(\.meetingsHeld).reduce(0, +)) | \(rest.map(\.agreements).reduce(0, +)) |")
            }
            lines.append("")
        }
        return lines
    }

    private static func noShows(_ title: String, _ rows: [OutcomeReport.NoShows], level: String) -> [String] {
        guard !rows.isEmpty else { return [] }
        var lines = ["\(level) \(title)", "", "| \(title.hasSuffix("slot") ? "slot" : "table") | reported | no-shows | rate |",
                     "|---|---|---|---|"]
        for row in rows {
            lines.append("| \(MarkdownText.escaped(row.label)) | \(row.reported) | \(row.noShows) | \(row.rate.map(ExportFigures.percent) ?? "–") |")
        }
        lines.append("")
        return lines
    }
}
