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
        // Rows are formatted in parallel, in fixed chunks of participants, kept in order.
        [SpreadsheetSafeCSV(header: Self.header).text] + ParallelText.map(count: lists.count) { Self.rows(of: lists[$0]) }
    }

    /// The parts of ``csvParts(for:)``, handed to `emit` one by one in order
    /// while the later ones are still being formatted on the other cores:
    /// with `OutputFile.write(to:streaming:)`, the file is written while its
    /// text is made, instead of after (`rank` on a 3,100 × 20,000 programme
    /// writes 50 MB). `emit` runs on the calling thread; the function
    /// returns when every part has been emitted.
    ///
    /// - Parameters:
    ///   - lists: Each participant's recommendations, in order.
    ///   - emit: Takes each part, in order.
    /// - Complexity: O(*n*) in the number of recommendations.
    public func csvParts(for lists: [[Recommendation]], emit: (String) -> Void) {
        emit(SpreadsheetSafeCSV(header: Self.header).text)
        ParallelText.stream(count: lists.count, { Self.rows(of: lists[$0]) }, emit: emit)
    }

    /// The rows of consecutive participants' recommendations.
    private static func rows(of lists: ArraySlice<[Recommendation]>) -> String {
        // Bytes, field by field (SpreadsheetSafeCSV.appendEscaped, FixedPoint.append): the same text as
        // SpreadsheetSafeCSV.appendLine of the fields, without a string per field.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lists.reduce(0) { $0 + $1.count } * 256)
        func field(_ text: String) {
            SpreadsheetSafeCSV.appendEscaped(text, to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        func number(_ value: Double) {
            FixedPoint.append(value, digits: 4, to: &bytes)
            bytes.append(UInt8(ascii: ","))
        }
        for list in lists {
            for r in list {
                let c = r.components
                field(r.participant)
                field(String(r.rank))
                field(r.partner)
                for value in [r.score, c.complementarity, c.similarity, c.sector, c.country, c.cooperation] { number(value) }
                field(r.reasons)
                number(c.competition)
                SpreadsheetSafeCSV.appendEscaped(r.metBefore.joined(separator: "|"), to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

}
