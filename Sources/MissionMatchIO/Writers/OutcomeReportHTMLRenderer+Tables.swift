import MissionMatch

/// The tables of `outcomes.html`: targets, agreements by kind, missions,
/// breakdowns, no-shows and agreements. Numbers are right-aligned (`num`);
/// a missing value is written `—`.
extension OutcomeReportHTMLRenderer {
    /// The targets with what was achieved, or only what was promised
    /// (`promisedOnly`, for a mission with nothing reported yet).
    mutating func targetsTable(_ targets: [OutcomeReport.TargetProgress], promisedOnly: Bool = false) {
        line("<h2>Targets in numbers</h2>")
        guard !targets.isEmpty else {
            line("<p>No targets are set.</p>")
            return
        }
        line("<table class=\"targets\">")
        line("<thead><tr><th>Target</th><th class=\"num\">Promised</th>"
            + (promisedOnly ? "" : "<th class=\"num\">Achieved</th><th class=\"num\">Share</th>") + "</tr></thead>")
        line("<tbody>")
        for target in targets {
            let achieved = promisedOnly ? "" : "<td class=\"num\">\(target.achieved)</td>"
                + "<td class=\"num\">\(target.share.map(ExportFigures.percent) ?? "—")</td>"
            line("<tr><td>\(e(target.kind.label))</td><td class=\"num\">\(target.promised)</td>\(achieved)</tr>")
        }
        line("</tbody>")
        line("</table>")
    }

    mutating func kindsTable(_ summary: OutcomeFigures) {
        line("<h2>Agreements by kind</h2>")
        line("<table class=\"kinds\">")
        line("<thead><tr><th>Kind</th><th class=\"num\">Agreements</th></tr></thead>")
        line("<tbody>")
        for kind in summary.agreementsByKind {
            line("<tr><td>\(e(kind.kind.label))</td><td class=\"num\">\(kind.count)</td></tr>")
        }
        line("<tr class=\"total\"><td>all agreements</td><td class=\"num\">\(summary.agreements)</td></tr>")
        line("<tr><td>of which outside the agenda</td><td class=\"num\">\(summary.agreementsOutsideAgenda)</td></tr>")
        line("</tbody>")
        line("</table>")
    }

    mutating func missionsTable(_ missions: [OutcomeReport]) {
        line("<h2>Missions</h2>")
        line("<table class=\"missions\">")
        line("<thead><tr><th>Mission</th><th class=\"num\">On the agenda</th><th class=\"num\">Held</th>"
            + "<th class=\"num\">Rated useful</th><th class=\"num\">Agreements</th></tr></thead>")
        line("<tbody>")
        for (index, mission) in missions.enumerated() {
            let agreements = mission.figures.agreements
            let held = OutcomeReportHTMLRenderer.hasNothingReported(mission) ? "not reported yet" : "\(mission.figures.funnel.held)"
            line("<tr><td><a href=\"#m\(index + 1)\">\(e(mission.name))</a></td><td class=\"num\">\(mission.figures.funnel.onAgenda)</td>"
                + "<td class=\"num\">\(held)</td><td class=\"num\">\(mission.figures.funnel.ratedUseful)</td>"
                + "<td class=\"num\">\(agreements)</td></tr>")
        }
        line("</tbody>")
        line("</table>")
    }

    mutating func breakdowns(_ summary: OutcomeFigures) {
        line("<h2>Meetings held and agreements by group</h2>")
        line("<p class=\"hint\">A meeting or an agreement counts once for each group of its two participants.</p>")
        for (title, tallies) in [("Cluster", summary.byCluster), ("Country", summary.byCountry),
                                 ("Sector", summary.bySector), ("Side", summary.bySide)] where !tallies.isEmpty {
            line("<table class=\"breakdown\">")
            line("<caption>By \(title.lowercased())</caption>")
            line("<thead><tr><th>\(title)</th><th class=\"num\">Participants</th><th class=\"num\">Meetings held</th>"
                + "<th class=\"num\">Agreements</th></tr></thead>")
            line("<tbody>")
            for tally in tallies {
                line("<tr><td>\(e(tally.label))</td><td class=\"num\">\(tally.participants)</td>"
                    + "<td class=\"num\">\(tally.meetingsHeld)</td><td class=\"num\">\(tally.agreements)</td></tr>")
            }
            line("</tbody>")
            line("</table>")
        }
    }

    mutating func noShowSection(_ report: OutcomeReport) {
        guard let svg = OutcomeCharts.noShowRate(report.noShowsBySlot) else {
            line("<h2>No-shows</h2>")
            line("<p>No meeting is reported as held or as a no-show yet.</p>")
            return
        }
        chart("No-show rate by slot", svg, caption: "Among meetings reported as held or as a no-show (cancelled ones left out).")
        for (title, rows) in [("Slot", report.noShowsBySlot), ("Table", report.noShowsByTable)] {
            line("<table class=\"no-shows\">")
            line("<caption>No-shows by \(title.lowercased())</caption>")
            line("<thead><tr><th>\(title)</th><th class=\"num\">Reported</th><th class=\"num\">No-shows</th>"
                + "<th class=\"num\">Rate</th></tr></thead>")
            line("<tbody>")
            for row in rows {
                line("<tr><td>\(e(row.label))</td><td class=\"num\">\(row.reported)</td><td class=\"num\">\(row.noShows)</td>"
                    + "<td class=\"num\">\(row.rate.map(ExportFigures.percent) ?? "—")</td></tr>")
            }
            line("</tbody>")
            line("</table>")
        }
    }

    mutating func agreementsTable(_ agreements: [OutcomeReport.AgreementOrigin]) {
        line("<h2>Agreements and where they came from</h2>")
        guard !agreements.isEmpty else {
            line("<p>No agreement is recorded.</p>")
            return
        }
        line("<p class=\"hint\">Rank for A: where B stood in A’s recommendations, and the other way round "
            + "(— not recommended). Score: the pair’s, from 0 to 1.</p>")
        line("<table class=\"agreements\">")
        line("<thead><tr><th>Participant A</th><th>Participant B</th><th>Kind</th><th>Signed on</th>"
            + "<th class=\"num\">Rank for A</th><th class=\"num\">Rank for B</th><th class=\"num\">Score</th>"
            + "<th>From</th></tr></thead>")
        line("<tbody>")
        for agreement in agreements {
            let rankA = agreement.rankForA.map(String.init) ?? "—", rankB = agreement.rankForB.map(String.init) ?? "—"
            line("<tr><td class=\"name\">\(e(agreement.nameA))<span class=\"id\">\(e(agreement.participantA))</span></td>"
                + "<td class=\"name\">\(e(agreement.nameB))<span class=\"id\">\(e(agreement.participantB))</span></td>"
                + "<td>\(e(agreement.kind.label))</td>"
                + "<td class=\"date\">\(e(agreement.signedOn?.description ?? "—"))</td>"
                + "<td class=\"num\">\(rankA)</td><td class=\"num\">\(rankB)</td>"
                + "<td class=\"num\">\(agreement.score.map(ExportFigures.score) ?? "—")</td>"
                + "<td>\(agreement.meetingID == nil ? "outside the agenda" : "agenda meeting")</td></tr>")
        }
        line("</tbody>")
        line("</table>")
    }
}
