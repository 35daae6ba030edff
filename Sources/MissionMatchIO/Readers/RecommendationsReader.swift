import Foundation
import MissionMatch

/// Reads a `recommendations.csv` ([FileFormats §4](<doc:FileFormats>):
/// `participant_id,rank,partner_id,score,complementarity,similarity,sector,country,cooperation,reasons`),
/// for instance to score it against a ground truth.
///
/// `participant_id`, `rank` and `partner_id` are required; the other columns
/// are optional, and read when present (`score` a number in [0, 1], the
/// components finite numbers; a spreadsheet's
/// `'` before a neutralised `reasons` cell is kept as written). `rank` is an
/// integer ≥ 1, unique per participant; a partner appears once per
/// participant. Every error names the file, line and column.
///
/// ```swift
/// let rows = try RecommendationsReader().read(contentsOf: URL(fileURLWithPath: "recommendations.csv")).value
/// let rankings = RecommendationsReader.rankings(rows)   // ["eu-0001": ["cp-00208", "cp-00007", …], …]
/// ```
public struct RecommendationsReader: Sendable, CSVTableImporter {
    /// One recommendation: a row of the file.
    public struct Row: Sendable, Hashable {
        /// Whose recommendation it is.
        public var participant: String
        /// Its rank, from 1.
        public var rank: Int
        /// The partner recommended.
        public var partner: String
        /// The score, when the file has the column.
        public var score: Double?
        /// The score components that are present, by column name (`complementarity`, `similarity`, …).
        public var components: [String: Double]
        /// The reasons sentence, empty when absent.
        public var reasons: String
        /// The earlier missions where the two met (`met_before`), empty when none or absent.
        public var metBefore: [String]
        /// Where the row was read.
        public var source: SourceLocation?

        /// Creates a row.
        ///
        /// - Parameters:
        ///   - participant: The participant.
        ///   - rank: The rank, ≥ 1.
        ///   - partner: The partner.
        ///   - score: The score.
        ///   - components: Score components by column name.
        ///   - reasons: The reasons.
        ///   - metBefore: The earlier missions where the two met.
        ///   - source: Where it was read.
        public init(participant: String, rank: Int, partner: String, score: Double? = nil,
                    components: [String: Double] = [:], reasons: String = "", metBefore: [String] = [],
                    source: SourceLocation? = nil) {
            self.participant = participant
            self.rank = rank
            self.partner = partner
            self.score = score
            self.components = components
            self.reasons = reasons
            self.metBefore = metBefore
            self.source = source
        }
    }

    /// Size limits.
    public var limits: ImportLimits

    enum Column: Int, CaseIterable {
        case participant, rank, partner, score, complementarity, similarity, sector, country, cooperation, reasons, competition
        case metBefore
    }

    static let componentColumns: [Column] = [.complementarity, .similarity, .sector, .country, .cooperation, .competition]

    static let schema = CSVSchema(columns: [
        CSVSchema.Column("participant_id", required: true, hint: "add a 'participant_id' column: whose recommendation it is"),
        CSVSchema.Column("rank", required: true, hint: "add a 'rank' column: 1 for the best partner"),
        CSVSchema.Column("partner_id", required: true, hint: "add a 'partner_id' column: the partner recommended"),
        CSVSchema.Column("score"),
        CSVSchema.Column("complementarity"),
        CSVSchema.Column("similarity"),
        CSVSchema.Column("sector"),
        CSVSchema.Column("country"),
        CSVSchema.Column("cooperation"),
        CSVSchema.Column("reasons"),
        CSVSchema.Column("competition"),
        CSVSchema.Column("met_before"),
    ], keepsUnknownColumns: true)

    /// Creates a reader.
    ///
    /// - Parameter limits: Size limits.
    public init(limits: ImportLimits = .default) {
        self.limits = limits
    }

    /// Reads a recommendations file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages.
    /// - Returns: The rows in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<[Row]> {
        try importFile(url, displayName: displayName)
    }

    /// Reads recommendations from CSV held in memory.
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - displayName: The name used in messages, e.g. `recommendations.csv`.
    /// - Returns: The rows in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func readCSV(_ data: Data, displayName: String) throws(ImportError) -> Imported<[Row]> {
        try importData(data, displayName: displayName)
    }

    /// Each participant's partners ordered by rank (file order among equal ranks).
    ///
    /// - Parameter rows: Rows as read.
    /// - Returns: Partner ids by participant, the best first.
    public static func rankings(_ rows: [Row]) -> [String: [String]] {
        var byParticipant: [String: [(rank: Int, order: Int, partner: String)]] = [:]
        for (order, row) in rows.enumerated() {
            byParticipant[row.participant, default: []].append((row.rank, order, row.partner))
        }
        return byParticipant.mapValues { list in
            list.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.order < $1.order }.map(\.partner)
        }
    }

    func read(_ table: CSVTable?, diagnostics initial: Diagnostics) throws(ImportError) -> Imported<[Row]> {
        var diagnostics = initial
        guard let table, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        var rankLines: [String: [Int: Int]] = [:]
        var partnerLines: [String: [String: Int]] = [:]
        var rows: [Row] = []
        while let row = table.nextRow() {
            let errorsBefore = table.diagnostics.errorCount
            let participant = row.value(Column.participant.rawValue)
            let partner = row.value(Column.partner.rawValue)
            let rankText = row.value(Column.rank.rawValue)
            if participant.isEmpty {
                table.error(line: row.line, field: "participant_id", "the id is missing", hint: "write the participant's id")
            }
            if partner.isEmpty {
                table.error(line: row.line, field: "partner_id", "the id is missing", hint: "write the partner's id")
            } else if partner == participant {
                table.error(line: row.line, field: "partner_id", "\(participant) is recommended to itself",
                            hint: "remove the row")
            }
            var rank = Int(rankText)
            if let value = rank, value < 1 { rank = nil }
            if rank == nil {
                table.error(line: row.line, field: "rank",
                            rankText.isEmpty ? "the rank is missing" : "'\(rankText)' is not an integer ≥ 1",
                            hint: "write 1 for the best partner, 2 for the next, …")
            }
            let score = number(row, .score, "score", unitInterval: true, in: table)
            var components: [String: Double] = [:]
            for column in Self.componentColumns {
                let name = Self.schema.columns[column.rawValue].name
                if let value = number(row, column, name, unitInterval: false, in: table) { components[name] = value }
            }
            if !participant.isEmpty, let rank, let first = rankLines[participant]?[rank] {
                table.error(line: row.line, field: "rank", "rank \(rank) of \(participant) is already given on line \(first)",
                            hint: "give each of a participant's partners its own rank")
            }
            if !participant.isEmpty, !partner.isEmpty, let first = partnerLines[participant]?[partner] {
                table.error(line: row.line, field: "partner_id",
                            "\(partner) is already recommended to \(participant) on line \(first)",
                            hint: "list each partner once per participant")
            }
            guard table.diagnostics.errorCount == errorsBefore, let rank else { continue }
            rankLines[participant, default: [:]][rank] = row.line
            partnerLines[participant, default: [:]][partner] = row.line
            rows.append(Row(participant: participant, rank: rank, partner: partner, score: score, components: components,
                            reasons: row.value(Column.reasons.rawValue),
                            metBefore: row.items(Column.metBefore.rawValue, allowingSemicolon: true),
                            source: SourceLocation(file: table.fileName, line: row.line)))
        }
        diagnostics.append(contentsOf: table.diagnostics)
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: rows, diagnostics: diagnostics)
    }

    /// An optional number column: `nil` when absent or empty; an error unless a
    /// finite number (in [0, 1] when `unitInterval`).
    private func number(_ row: CSVTable.Row, _ column: Column, _ name: String, unitInterval: Bool,
                        in table: CSVTable) -> Double? {
        let text = row.value(column.rawValue)
        guard !text.isEmpty else { return nil }
        guard let value = Double(text), value.isFinite, !unitInterval || (0...1).contains(value) else {
            table.error(line: row.line, field: name,
                        "'\(text)' is not a number" + (unitInterval ? " from 0 to 1" : ""), hint: "write e.g. 0.7124")
            return nil
        }
        return value
    }
}
