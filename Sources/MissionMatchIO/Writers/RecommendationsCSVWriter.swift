import MissionMatch

/// Writes `recommendations.csv` ([FileFormats §4](<doc:FileFormats>)):
/// `participant_id,rank,partner_id,score,complementarity,similarity,sector,country,cooperation,reasons,competition,met_before`.
///
/// `competition` (the exact cosine of the two offers: how much both sell the
/// same thing, subtracted from the score with its weight) and `met_before`
/// (the earlier missions of the programme where the two organisations met,
/// `|`-separated ids; empty when they never met) come after `reasons`, so
/// that tools reading the earlier columns by position keep working.
///
/// One row per recommendation, participants in file order, ranks ascending;
/// numbers with 4 decimals; spreadsheet-safe (see ``SpreadsheetSafeCSV``).
///
/// ```swift
/// let text = RecommendationsCSVWriter().csv(for: ranking.recommendations)
/// try OutputFile(protectedInputs: inputs).write(text, to: folder.appending(path: "recommendations.csv"))
/// ```
public struct RecommendationsCSVWriter: Sendable {
    /// A writer.
    public init() {}

    /// The column names, in order.
    public static let header = [
        "participant_id", "rank", "partner_id", "score", "complementarity", "similarity", "sector", "country",
        "cooperation", "reasons", "competition", "met_before",
    ]

    /// The file's text.
    ///
    /// - Parameter lists: Each participant's recommendations, in order.
    /// - Returns: The CSV, header first, `\n` line ends.
    /// - Complexity: O(*n*) in the number of recommendations.
    public func csv(for lists: [[Recommendation]]) -> String {
        let parts = csvParts(for: lists)
        // One allocation of the whole text (a 23,100-participant programme's is 50 MB; `+` would copy it again).
        var text = ""
        text.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for part in parts { text += part }
        return text
    }

    /// The file's text in parts whose concatenation is ``csv(for:)``: the
    /// header line, then the rows of consecutive chunks of participants, each
    /// chunk formatted on its own core. Write them with
    /// `OutputFile.write(parts:to:)`, which never joins them.
    ///
    /// - Parameter lists: Each participant's recommendations, in order.
    /// - Returns: The parts, in order.
    /// - Complexity: O(*n*) in the number of recommendations.
    public func csvParts(for lists: [[Recommendation]]) -> [String] {
        let headerLine = SpreadsheetSafeCSV(header: Self.header).text
        // Rows are formatted in parallel, in fixed chunks of participants, kept in order.
        let rows = ParallelText.map(count: lists.count) { range in
            var text = ""
            for list in lists[range] {
                for r in list {
                    let c = r.components
                    SpreadsheetSafeCSV.appendLine([
                        r.participant, String(r.rank), r.partner, Self.number(r.score), Self.number(c.complementarity),
                        Self.number(c.similarity), Self.number(c.sector), Self.number(c.country), Self.number(c.cooperation), r.reasons,
                        Self.number(c.competition), r.metBefore.joined(separator: "|"),
                    ], to: &text)
                }
            }
            return text
        }
        return [headerLine] + rows
    }

    private static func number(_ value: Double) -> String { FixedPoint.format(value, digits: 4) }
}
