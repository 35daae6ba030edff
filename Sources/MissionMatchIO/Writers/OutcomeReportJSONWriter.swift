import MissionMatch

/// Writes `outcomes.json` ([FileFormats §6b](<doc:FileFormats>)): the
/// programme's sums, then each mission's report, with fixed key names and
/// deterministic bytes (numbers with at most 4 decimals, no timestamps).
///
/// ```swift
/// let text = OutcomeReportJSONWriter(generator: "missionmatch 0.1.0").json(for: programme)
/// ```
public struct OutcomeReportJSONWriter: Sendable {
    /// The program and version named in the file.
    public var generator: String

    /// Creates a writer.
    ///
    /// - Parameter generator: The program and version, e.g. `missionmatch 0.1.0`.
    public init(generator: String) {
        self.generator = generator
    }

    /// The JSON text.
    ///
    /// - Parameter report: The programme's report.
    /// - Returns: The document, ending in a newline.
    /// - Complexity: O(*n*) in the report's rows.
    public func json(for report: ProgrammeOutcomeReport) -> String {
        var out = "{\n"
        out += "  \"generator\": \(JSONText.string(generator)),\n"
        out += "  \"programme\": " + JSONText.object(
            [("missions", String(report.missions.count))] + Self.summaryFields(report.figures)) + ",\n"
        out += "  \"missions\": " + JSONText.list(report.missions.map(Self.mission)) + "\n"
        return out + "}\n"
    }

    private static func mission(_ report: OutcomeReport) -> String {
        JSONText.object(
            [("mission", JSONText.string(report.mission)), ("name", JSONText.string(report.name)),
             ("outcome_rows", String(report.outcomeRows))]
            + summaryFields(report.figures)
            + [("no_shows_by_slot", array(report.noShowsBySlot.map(noShows))),
               ("no_shows_by_table", array(report.noShowsByTable.map(noShows))),
               ("agreements", array(report.agreements.map(agreement)))])
    }

    private static func summaryFields(_ figures: OutcomeFigures) -> [(String, String)] {
        let funnel = figures.funnel
        return [("funnel", JSONText.object([
            ("recommended", funnel.recommended.map(String.init) ?? "null"), ("on_agenda", String(funnel.onAgenda)),
            ("on_agenda_recommended", funnel.onAgendaRecommended.map(String.init) ?? "null"),
            ("reported", String(funnel.reported)), ("held", String(funnel.held)), ("rated_useful", String(funnel.ratedUseful)),
            ("followed_up", String(funnel.followedUp)), ("agreements", String(funnel.agreements)),
         ])),
         ("agreements_outside_agenda", String(figures.agreementsOutsideAgenda)),
         ("agreements_by_kind", JSONText.object(figures.agreementsByKind.map { ($0.kind.rawValue, String($0.count)) })),
         ("targets", array(figures.targets.map { target in
             JSONText.object([("target", JSONText.string(target.kind.rawValue)), ("promised", String(target.promised)),
                              ("achieved", String(target.achieved)), ("share", target.share.map(JSONText.number) ?? "null")])
         }))]
            + figures.breakdowns.map { dimension, tallies in
                ("by_" + dimension, array(tallies.map { tally in
                    JSONText.object([("label", JSONText.string(tally.label)), ("participants", String(tally.participants)),
                                     ("meetings_held", String(tally.meetingsHeld)), ("agreements", String(tally.agreements))])
                }))
            }
    }

    private static func noShows(_ row: OutcomeReport.NoShows) -> String {
        JSONText.object([("label", JSONText.string(row.label)), ("reported", String(row.reported)),
                         ("no_shows", String(row.noShows))])
    }

    private static func agreement(_ row: OutcomeReport.AgreementOrigin) -> String {
        JSONText.object([
            ("participant_a", JSONText.string(row.participantA)), ("participant_b", JSONText.string(row.participantB)),
            ("name_a", JSONText.string(row.nameA)), ("name_b", JSONText.string(row.nameB)),
            ("kind", JSONText.string(row.kind.rawValue)), ("signed_on", row.signedOn.map { JSONText.string($0.description) } ?? "null"),
            ("meeting_id", row.meetingID.map(JSONText.string) ?? "null"),
            ("rank_for_a", row.rankForA.map(String.init) ?? "null"), ("rank_for_b", row.rankForB.map(String.init) ?? "null"),
            ("score", row.score.map(JSONText.number) ?? "null"),
        ])
    }

    /// A one-line array.
    private static func array(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
}
