import MissionMatch

/// Writes `summary.md`, what an organiser reads first.
///
/// Sections, in order: warnings (when any), the figures at a glance
/// (participants per side, meetings, slots × tables used, coverage, fairness,
/// total score, upper bound and gap), the mission's targets against the plan,
/// participants below their minimum with the reason, unmet `must` requests and
/// cancelled meetings. Every text from the input is Markdown-escaped; numbers
/// are locale-free.
///
/// ```swift
/// let markdown = SummaryWriter(warnings: ["the BLAS answering is the reference one"])
///     .markdown(for: agenda, mission: mission, participants: participants)
/// ```
public struct SummaryWriter: Sendable {
    /// Messages for the organiser, e.g. a slow-BLAS warning, shown first.
    public var warnings: [String]
    /// What came of the meetings (read with ``OutcomesReader`` against the
    /// agenda summarised): the targets then show what was achieved.
    public var outcomes: [MeetingOutcome]?

    /// A writer.
    ///
    /// - Parameters:
    ///   - warnings: Messages for the organiser, shown first.
    ///   - outcomes: What came of the meetings, once the mission is over.
    public init(warnings: [String] = [], outcomes: [MeetingOutcome]? = nil) {
        self.warnings = warnings
        self.outcomes = outcomes
    }

    /// The Markdown text (LF line ends, ending in a newline).
    ///
    /// - Parameters:
    ///   - agenda: The agenda.
    ///   - mission: Its mission.
    ///   - participants: The mission's participants.
    /// - Complexity: O(*p* + *m*).
    public func markdown(for agenda: Agenda, mission: Mission, participants: [Participant]) -> String {
        markdown(ExportContext(agenda: agenda, mission: mission, participants: participants))
    }

    func markdown(_ context: ExportContext) -> String {
        let figures = ExportFigures(context, outcomes: outcomes)
        let mission = context.mission
        var lines: [String] = []
        lines.append("# " + MarkdownText.escaped(mission.name) + " — summary")
        lines.append("")
        var about = [mission.city, context.dateRangeText.isEmpty ? nil : context.dateRangeText]
            .compactMap { $0 }.filter { !$0.isEmpty }.map(MarkdownText.escaped)
        about.append("times in " + MarkdownText.escaped(mission.timeZone.identifier))
        lines.append(about.joined(separator: " · ") + "  ")
        lines.append("Mission `\(mission.id)`, agenda by " + MarkdownText.escaped(context.agenda.generator) + ".")
        lines.append("")

        if !warnings.isEmpty {
            lines.append("## Warnings")
            lines.append("")
            lines += warnings.map { "- ⚠ " + MarkdownText.escaped($0) }
            lines.append("")
        }

        lines.append("## At a glance")
        lines.append("")
        lines.append("| figure | value |")
        lines.append("|---|---|")
        var participantsText = "\(figures.participants)"
        if !figures.participantsPerSide.isEmpty {
            participantsText += " (" + figures.participantsPerSide
                .map { MarkdownText.escaped($0.label) + " \($0.count)" }.joined(separator: ", ") + ")"
        }
        lines.append("| Participants | \(participantsText) |")
        lines.append("| Meetings planned | \(figures.meetings) |")
        let capacity = figures.slots.saturatingMultiplied(by: figures.tables)
        lines.append("| Slots used | \(figures.slotsUsed) of \(figures.slots) |")
        lines.append("| Tables used | \(figures.tablesUsed) of \(figures.tables) |")
        lines.append("| Slot × table places filled | " + ExportFigures.share(figures.meetings, of: capacity) + " |")
        lines.append("| Coverage (participants with a meeting) | "
            + ExportFigures.share(figures.participantsWithMeetings, of: figures.participants) + " |")
        lines.append("| Meetings per participant | min \(figures.spread.min), median \(figures.spread.median), max \(figures.spread.max) |")
        lines.append("| Below their minimum | \(figures.shortfalls.count) |")
        lines.append("| Total score | " + ExportFigures.score(figures.totalScore) + " |")
        lines.append("| Upper bound (no agenda can score more) | " + ExportFigures.score(figures.upperBound) + " |")
        lines.append("| Gap to the bound | " + ExportFigures.percent(figures.gap) + " |")
        if let levels = figures.priorities {
            lines.append("| Must requests met (bound) | \(levels.mustRequestsMet) of \(levels.mustRequests) (no agenda meets more than \(levels.mustRequestsBound)) |")
            lines.append("| Meetings towards minimums (bound) | \(levels.minMeetingsServed) (no agenda meeting as many must requests serves more than "
                + "\(levels.minMeetingsServedBound)) |")
            lines.append("| Score bound given those priorities | " + ExportFigures.score(levels.scoreBound)
                + " (gap " + ExportFigures.percent(levels.scoreGap) + ") |")
        }
        lines.append("| Unmet must requests | \(figures.unmetMustRequests.count) |")
        lines.append("| Cancelled meetings | \(figures.cancellations.count) |")
        lines.append("")

        if !figures.targets.isEmpty {
            lines.append("## Targets")
            lines.append("")
            if outcomes == nil {
                lines.append("| target | promised | planned |")
                lines.append("|---|---|---|")
            } else {
                lines.append("| target | promised | planned | achieved |")
                lines.append("|---|---|---|---|")
            }
            for target in figures.targets {
                if outcomes == nil {
                    let planned = target.planned.map { ExportFigures.share($0, of: target.promised) }
                        ?? "counted after the mission"
                    lines.append("| \(target.label) | \(target.promised) | \(planned) |")
                } else {
                    let planned = target.planned.map { ExportFigures.share($0, of: target.promised) } ?? "–"
                    let achieved = target.achieved.map { ExportFigures.share($0, of: target.promised) } ?? "–"
                    lines.append("| \(target.label) | \(target.promised) | \(planned) | \(achieved) |")
                }
            }
            lines.append("")
        }

        lines.append("## Participants below their minimum")
        lines.append("")
        if figures.shortfalls.isEmpty {
            lines.append("None: every participant has at least its minimum of meetings.")
        } else {
            lines.append("| participant | id | meetings | minimum | why |")
            lines.append("|---|---|---|---|---|")
            for shortfall in figures.shortfalls {
                let reason = shortfall.reason.isEmpty ? "—" : MarkdownText.escaped(shortfall.reason)
                lines.append("| " + MarkdownText.escaped(shortfall.name) + " | " + MarkdownText.escaped(shortfall.id)
                    + " | \(shortfall.meetings) | \(shortfall.minimum) | " + reason + " |")
            }
        }
        lines.append("")

        lines.append("## Unmet must requests")
        lines.append("")
        if figures.unmetMustRequests.isEmpty {
            lines.append("None: every `must` request is on the agenda.")
        } else {
            lines += figures.unmetMustRequests.map { "- " + MarkdownText.escaped($0.from) + " → " + MarkdownText.escaped($0.to) }
        }
        lines.append("")

        lines.append("## Cancelled meetings")
        lines.append("")
        if figures.cancellations.isEmpty {
            lines.append("None.")
        } else {
            for cancellation in figures.cancellations {
                let reason = cancellation.reason.isEmpty ? "" : ": " + MarkdownText.escaped(cancellation.reason)
                lines.append("- " + MarkdownText.escaped(cancellation.first) + " ↔ " + MarkdownText.escaped(cancellation.second) + reason)
            }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }
}
