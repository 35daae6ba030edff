import MissionMatch

/// Writes `recommendations.csv` ([FileFormats §4](<doc:FileFormats>)):
/// `participant_id,rank,partner_id,score,complementarity,similarity,sector,country,cooperation,reasons,competition`.
///
/// `competition` (the exact cosine of the two offers: how much both sell the
/// same thing, subtracted from the score with its weight) comes after
/// `reasons`, so that tools reading the earlier columns by position keep working.
///
/// One row per recommendation, participants in file order, ranks ascending;
/// numbers with 4 decimals; spreadsheet-safe (see ``SpreadsheetSafeCSV``).
///
/// ```swift
/// let text = RecommendationsCSVWriter.csv(for: ranking.recommendations)
/// try OutputFile(protectedInputs: inputs).write(text, to: folder.appending(path: "recommendations.csv"))
/// ```
public enum RecommendationsCSVWriter {
    /// The column names, in order.
    public static let header = [
        "participant_id", "rank", "partner_id", "score", "complementarity", "similarity", "sector", "country",
        "cooperation", "reasons", "competition",
    ]

    /// The file's text.
    ///
    /// - Parameter lists: Each participant's recommendations, in order.
    /// - Returns: The CSV, header first, `\n` line ends.
    /// - Complexity: O(*n*) in the number of recommendations.
    public static func csv(for lists: [[Recommendation]]) -> String {
        let header = SpreadsheetSafeCSV(header: header).text
        // Rows are formatted in parallel, in fixed chunks of participants, and joined in order.
        let parts = ParallelText.map(count: lists.count) { range in
            var text = ""
            for list in lists[range] {
                for r in list {
                    let c = r.components
                    SpreadsheetSafeCSV.appendLine([
                        r.participant, String(r.rank), r.partner, number(r.score), number(c.complementarity),
                        number(c.similarity), number(c.sector), number(c.country), number(c.cooperation), r.reasons,
                        number(c.competition),
                    ], to: &text)
                }
            }
            return text
        }
        return header + parts.joined()
    }

    private static func number(_ value: Double) -> String { FixedPoint.format(value, digits: 4) }
}
