import MissionMatchIO

extension MissionRunReport {
    /// At most this many findings are printed; the rest are in `summary.md` and `agenda.json`.
    static let printedFindings = 3
    /// At most this many ids are listed on the `unmet` line.
    static let printedIDs = 5

    /// The one-screen summary `run` prints for a mission.
    ///
    /// - Parameter style: Emphasis (plain when colour is off).
    /// - Returns: About a dozen lines, each ending in a newline.
    func text(style: TextStyle) -> String {
        var rows: [(String, String)] = []
        let sides = participantsBySide.map { "\($0.side) \($0.count)" }.joined(separator: ", ")
        rows.append(("participants", "\(participants)" + (sides.isEmpty ? "" : " (\(sides))")))
        rows.append(("recommendations", "\(recommendations) in recommendations.csv"))
        var meetingLine = "\(meetings) in \(slots) slots × \(tables) tables"
        if slots * tables > 0 { meetingLine += " (\(percent(Double(meetings) / Double(slots * tables))) of the places)" }
        if keptMeetings > 0 || cancelledMeetings > 0 {
            meetingLine += "; \(keptMeetings) kept from the earlier agenda, \(cancelledMeetings) cancelled"
        }
        rows.append(("meetings", meetingLine))
        let spread = meetingsPerParticipant
        rows.append(("coverage", "\(participantsWithMeetings) of \(participants) participants meet someone (\(percent(coverage))); "
                     + "per participant min \(spread.min), median \(spread.median), max \(spread.max)"))
        rows.append(("score", "total \(FixedPoint.format(totalScore, digits: 1)), upper bound \(FixedPoint.format(upperBound, digits: 1)), "
                     + "gap \(FixedPoint.format(gap * 100, digits: 1))%"))
        let unmet = "\(unmetMustRequests.count) must request(s)"
            + unmetMustRequests.prefix(Self.printedIDs).map { " \($0.joined(separator: "↔"))" }.joined(separator: ",")
            + "; \(unmetMinMeetings.count) participant(s) below min_meetings" + listed(unmetMinMeetings)
        let anyUnmet = !unmetMustRequests.isEmpty || !unmetMinMeetings.isEmpty
        rows.append(("unmet", anyUnmet ? style.attention(unmet) : unmet))
        for (index, finding) in findings.prefix(Self.printedFindings).enumerated() {
            rows.append((index == 0 ? "findings" : "", "- " + finding))
        }
        if findings.count > Self.printedFindings {
            rows.append(("", "… \(findings.count - Self.printedFindings) more in summary.md"))
        }
        rows.append(("files", "\(folder)/: " + fileList))

        let width = rows.map(\.0.count).max() ?? 0
        var lines = [style.bold(PrintableText.terminal(mission)) + PrintableText.terminal(" — \(name) (\(pairing), \(file))")]
        lines += rows.map { "  " + $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + PrintableText.terminal($0.1) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `recommendations.csv, agenda.csv, …, calendars/*.ics (160)`.
    private var fileList: String {
        let calendars = files.count { $0.hasPrefix("calendars/") }
        let top = files.filter { !$0.contains("/") }.sorted { order($0) < order($1) }
        return (top + (calendars > 0 ? ["calendars/*.ics (\(calendars))"] : [])).joined(separator: ", ")
    }

    /// The order files are listed in: the organiser's reading order.
    private func order(_ file: String) -> (Int, String) {
        let preferred = ["summary.md", "agenda.html", "agenda.csv", "agenda.json", "recommendations.csv"]
        return (preferred.firstIndex(of: file) ?? preferred.count, file)
    }

    private func listed(_ ids: [String]) -> String {
        guard !ids.isEmpty else { return "" }
        let shown = ids.prefix(Self.printedIDs).joined(separator: ", ")
        return ": " + shown + (ids.count > Self.printedIDs ? ", … (\(ids.count - Self.printedIDs) more)" : "")
    }

    private func percent(_ fraction: Double) -> String {
        FixedPoint.format(fraction * 100, digits: 1) + "%"
    }
}
