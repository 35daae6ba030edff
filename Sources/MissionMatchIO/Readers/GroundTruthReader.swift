import Foundation
import MissionMatch

/// Reads a ground-truth file (`participant_id,partner_id,relevance[,kind,reason]`),
/// as `missionmatch generate` writes it and as the judged evaluation sets
/// (`Tests/EvaluationSets/`) hold it.
///
/// Ids are free text (the truth is read without the participants file); a
/// pair may appear once; `relevance` is an integer ≥ 0. A row of relevance 0
/// is a pair *judged* bad — a look-alike such as a competitor — which
/// `GroundTruth.badPartners` keeps (pairs not listed are merely not
/// relevant). `kind` and `reason` are for people and are not interpreted.
/// Every error names the file, line and column.
///
/// ```swift
/// let truth = try GroundTruthReader().read(contentsOf: URL(fileURLWithPath: "truth.csv")).value
/// truth.relevance(participant: "eu-0001", partner: "cp-00208")   // 3
/// ```
public struct GroundTruthReader: Sendable, CSVTableImporter {
    /// Size limits.
    public var limits: ImportLimits

    enum Column: Int, CaseIterable { case participant, partner, relevance, kind, reason }

    static let schema = CSVSchema(columns: [
        CSVSchema.Column("participant_id", required: true, hint: "add a 'participant_id' column: whose ranking is judged"),
        CSVSchema.Column("partner_id", required: true, hint: "add a 'partner_id' column: the partner judged"),
        CSVSchema.Column("relevance", required: true, hint: "add a 'relevance' column with integer grades, e.g. 0 to 3"),
        CSVSchema.Column("kind"),
        CSVSchema.Column("reason"),
    ], keepsUnknownColumns: false)

    /// Creates a reader.
    ///
    /// - Parameter limits: Size limits.
    public init(limits: ImportLimits = .default) {
        self.limits = limits
    }

    /// Reads a ground-truth file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages.
    /// - Returns: The truth, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<GroundTruth> {
        try importFile(url, displayName: displayName)
    }

    /// Reads a ground truth from CSV held in memory.
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - displayName: The name used in messages, e.g. `truth.csv`.
    /// - Returns: The truth, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func readCSV(_ data: Data, displayName: String) throws(ImportError) -> Imported<GroundTruth> {
        try importData(data, displayName: displayName)
    }

    func read(_ table: CSVTable?, diagnostics initial: Diagnostics) throws(ImportError) -> Imported<GroundTruth> {
        var diagnostics = initial
        guard let table, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        var firstLine: [String: [String: Int]] = [:]
        var judgements: [GroundTruth.Judgement] = []
        while let row = table.nextRow() {
            let participant = row.value(Column.participant.rawValue)
            let partner = row.value(Column.partner.rawValue)
            let text = row.value(Column.relevance.rawValue)
            var ok = true
            if participant.isEmpty {
                table.error(line: row.line, field: "participant_id", "the id is missing", hint: "write the participant's id")
                ok = false
            }
            if partner.isEmpty {
                table.error(line: row.line, field: "partner_id", "the id is missing", hint: "write the partner's id")
                ok = false
            }
            let relevance = Int(text)
            if relevance == nil || relevance.map({ $0 < 0 }) == true {
                table.error(line: row.line, field: "relevance",
                            text.isEmpty ? "the relevance is missing" : "'\(text)' is not an integer ≥ 0",
                            hint: "write a grade such as 0, 1, 2 or 3")
                ok = false
            }
            if ok, let first = firstLine[participant]?[partner] {
                table.error(line: row.line, field: "partner_id",
                            "the pair \(participant) → \(partner) is already graded on line \(first)",
                            hint: "keep one row per pair")
                ok = false
            }
            guard ok, let relevance else { continue }
            firstLine[participant, default: [:]][partner] = row.line
            judgements.append(GroundTruth.Judgement(participant: participant, partner: partner, relevance: relevance))
        }
        diagnostics.append(contentsOf: table.diagnostics)
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: GroundTruth(judgements), diagnostics: diagnostics)
    }
}
