import Foundation
import MissionMatch

/// Reads and validates a pair-scores file (`participant_a,participant_b,score`).
///
/// Ids must exist, a pair must join two different participants and appear
/// once, and `score` must be a number in [0, 1].
public struct PairScoreReader: Sendable, CSVTableImporter {
    /// The participants the scores refer to.
    public var participants: [Participant]
    /// The mission, for checking sides.
    public var mission: Mission?
    /// Size limits.
    public var limits: ImportLimits

    enum Column: Int, CaseIterable { case a, b, score }

    static let schema = CSVSchema(columns: [
        CSVSchema.Column("participant_a", required: true),
        CSVSchema.Column("participant_b", required: true),
        CSVSchema.Column("score", required: true, hint: "add a 'score' column with values from 0 to 1"),
    ], keepsUnknownColumns: false)

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - participants: The mission's participants.
    ///   - mission: The mission, if any.
    ///   - limits: Size limits.
    public init(participants: [Participant], mission: Mission? = nil, limits: ImportLimits = .default) {
        self.participants = participants
        self.mission = mission
        self.limits = limits
    }

    /// Reads a pair-scores file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages.
    /// - Returns: The scores in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<[PairScore]> {
        try importFile(url, displayName: displayName)
    }

    /// Reads pair scores from CSV held in memory.
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - displayName: The name used in messages, e.g. `scores.csv`.
    /// - Returns: The scores in file order, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func readCSV(_ data: Data, displayName: String) throws(ImportError) -> Imported<[PairScore]> {
        try importData(data, displayName: displayName)
    }

    func read(_ table: CSVTable?, diagnostics initial: Diagnostics) throws(ImportError) -> Imported<[PairScore]> {
        var diagnostics = initial
        guard let table, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        let directory = ParticipantDirectory(participants: participants, pairing: mission?.pairing)
        var firstLine: [String: Int] = [:]
        var scores: [PairScore] = []
        while let row = table.nextRow() {
            let errorsBefore = table.diagnostics.errorCount
            let a = directory.checkedID(row.value(Column.a.rawValue), column: "participant_a", line: row.line, in: table)
            let b = directory.checkedID(row.value(Column.b.rawValue), column: "participant_b", line: row.line, in: table)
            let text = row.value(Column.score.rawValue)
            var score: Double?
            if let value = Double(text), value.isFinite {
                if (0...1).contains(value) {
                    score = value
                } else {
                    table.error(line: row.line, field: "score", "\(text) is outside [0, 1]", hint: "write a score from 0 to 1")
                }
            } else {
                table.error(line: row.line, field: "score", text.isEmpty ? "the score is missing" : "'\(text)' is not a number",
                            hint: "write a score from 0 to 1, e.g. 0.75")
            }
            if let a, let b {
                directory.checkPair(a, b, column: "participant_b", line: row.line, verb: "scored", in: table, seen: &firstLine)
            }
            guard table.diagnostics.errorCount == errorsBefore, let a, let b, let score else { continue }
            scores.append(PairScore(participantA: a, participantB: b, score: score,
                                    source: SourceLocation(file: table.fileName, line: row.line)))
        }
        diagnostics.append(contentsOf: table.diagnostics)
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: scores, diagnostics: diagnostics)
    }
}
