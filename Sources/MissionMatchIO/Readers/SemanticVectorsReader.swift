import Foundation
import MatchCore
import MissionMatch

/// Reads a vectors file: sentence embeddings of the participants' offers and
/// needs made by any model, for the semantic block of the score
/// (`SemanticVectors`), instead of MissionMatch's own encoder.
///
///     participant_id,side,v1,v2,v3,…,v384
///     eu-01,offers,0.0132,-0.0871,0.0410,…
///     eu-01,needs,0.0561,0.0023,-0.1190,…
///
/// The header gives the dimension: `participant_id`, `side`, then the
/// columns `v1` … `vD` in order (1 ≤ D ≤ ``maximumDimensions``). `side` is
/// `offers` or `needs`; each value is a finite decimal number. Vectors are
/// L2-normalised when read (any model's raw output can be written).
/// Every participant with offers text needs an `offers` row and every one
/// with needs text a `needs` row (which texts: `SemanticVectors.texts(of:)`);
/// a side with no text may be left out and counts as no evidence. Ids must
/// be participants of the mission; a (participant, side) pair appears once;
/// a vector of zeros for a side with text is refused.
/// Every error names the file, line and column, all at once.
///
/// ```swift
/// let vectors = try SemanticVectorsReader(participants: participants)
///     .read(contentsOf: URL(fileURLWithPath: "vectors.csv")).value
/// let ranking = try engine.rank(mission: mission, participants: participants, semantic: vectors)
/// ```
public struct SemanticVectorsReader: Sendable, CSVTableImporter {
    /// The participants the vectors belong to, in the engine's order.
    public var participants: [Participant]
    /// Size limits (the column limit is raised to fit ``maximumDimensions``).
    public var limits: ImportLimits

    /// The largest dimension accepted (4,096).
    public static let maximumDimensions = 4096

    enum Column: Int, CaseIterable { case participant, side }

    static let schema = CSVSchema(columns: [
        CSVSchema.Column("participant_id", required: true, hint: "add a 'participant_id' column: whose vector the row holds"),
        CSVSchema.Column("side", required: true, hint: "add a 'side' column: offers or needs"),
    ], keepsUnknownColumns: false, numberedColumnPrefix: "v")

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - participants: The mission's participants.
    ///   - limits: Size limits.
    public init(participants: [Participant], limits: ImportLimits = .default) {
        self.participants = participants
        var limits = limits
        // One column more than the largest valid header, so that a header just above
        // the limit gets this reader's message rather than the CSV reader's.
        limits.maxColumns = max(limits.maxColumns, Self.maximumDimensions + 3)
        self.limits = limits
    }

    /// Reads a vectors file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages.
    /// - Returns: The vectors (one row per participant), with warnings.
    /// - Throws: ``ImportError`` with every error found.
    /// - Complexity: O(rows · D).
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<SemanticVectors> {
        try importFile(url, displayName: displayName)
    }

    /// Reads vectors from CSV held in memory.
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - displayName: The name used in messages, e.g. `vectors.csv`.
    /// - Returns: The vectors, with warnings.
    /// - Throws: ``ImportError`` with every error found.
    public func readCSV(_ data: Data, displayName: String) throws(ImportError) -> Imported<SemanticVectors> {
        try importData(data, displayName: displayName)
    }

    func read(_ table: CSVTable?, diagnostics initial: Diagnostics) throws(ImportError) -> Imported<SemanticVectors> {
        var diagnostics = initial
        guard let table, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        guard let dimensions = checkedDimensions(table) else {
            diagnostics.append(contentsOf: table.diagnostics)
            throw ImportError(diagnostics: diagnostics)
        }
        let index = Dictionary(participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let directory = ParticipantDirectory(participants: participants, pairing: nil)
        var offers = Matrix(rows: participants.count, columns: dimensions)
        var needs = Matrix(rows: participants.count, columns: dimensions)
        var seen: [Side: [Int: Int]] = [.offers: [:], .needs: [:]]
        var values = [Float](repeating: 0, count: dimensions)
        while let row = table.nextRow() {
            let id = directory.checkedID(row.value(Column.participant.rawValue), column: "participant_id", line: row.line, in: table)
            let sideText = row.value(Column.side.rawValue)
            let side = Side(rawValue: sideText.lowercased())
            if side == nil {
                table.error(line: row.line, field: "side", sideText.isEmpty ? "the side is missing" : "'\(sideText)' is not a side",
                            hint: "write offers or needs")
            }
            guard readValues(row, into: &values, table: table) else { continue }
            guard let id, let participant = index[id], let side else { continue }
            if let first = seen[side]?[participant] {
                table.error(line: row.line, field: "participant_id",
                            "'\(id)' already has a vector for its \(side.rawValue) on line \(first)", hint: "keep one row per participant and side",
                            kind: .duplicate)
                continue
            }
            seen[side]?[participant] = row.line
            if side == .offers { offers.setRow(participant, to: values) } else { needs.setRow(participant, to: values) }
        }
        checkCoverage(seen, offers: offers, needs: needs, table: table)
        diagnostics.append(contentsOf: table.diagnostics)
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: SemanticVectors(offers: offers, needs: needs, source: table.fileName), diagnostics: diagnostics)
    }

    /// The two sides a vector belongs to.
    enum Side: String { case offers, needs }

    /// D, when the header's numbered columns are exactly `v1` … `vD`.
    private func checkedDimensions(_ table: CSVTable) -> Int? {
        let names = table.extraColumns.map(\.name)
        let line = 1
        guard !names.isEmpty else {
            table.error(line: line, field: nil, "the header has no vector columns",
                        hint: "after participant_id and side, name the columns v1, v2, … up to the vectors' dimension",
                        kind: .missingColumn)
            return nil
        }
        for (position, name) in names.enumerated() where name != "v\(position + 1)" {
            table.error(line: line, field: name, "column \(position + 3) should be 'v\(position + 1)'",
                        hint: "number the vector columns v1, v2, … in order, without gaps", kind: .invalidValue)
            return nil
        }
        guard names.count <= Self.maximumDimensions else {
            table.error(line: line, field: names.last, "\(names.count) dimensions are more than \(Self.maximumDimensions)",
                        hint: "reduce the vectors to at most \(Self.maximumDimensions) dimensions", kind: .limitExceeded)
            return nil
        }
        return names.count
    }

    /// Parses the row's numbered cells; reports the first bad one (one error per row, not D).
    private func readValues(_ row: CSVTable.Row, into values: inout [Float], table: CSVTable) -> Bool {
        for position in values.indices {
            let text = row.extraValue(position)
            guard let value = Double(text), value.isFinite, let single = Optional(Float(value)), single.isFinite else {
                table.error(line: row.line, field: "v\(position + 1)",
                            text.isEmpty ? "the value is missing" : "'\(text)' is not a finite number",
                            hint: "write a decimal number such as -0.0132 in every vector column")
                return false
            }
            values[position] = single
        }
        return true
    }

    /// Sides with text but no vector, and zero vectors for sides with text.
    private func checkCoverage(_ seen: [Side: [Int: Int]], offers: Matrix, needs: Matrix, table: CSVTable) {
        let (offerTexts, needTexts) = SemanticVectors.texts(of: participants)
        var missing: [String] = []
        for (side, texts, matrix) in [(Side.offers, offerTexts, offers), (Side.needs, needTexts, needs)] {
            for participant in participants.indices where !texts[participant].isEmpty {
                guard let line = seen[side]?[participant] else {
                    missing.append("\(participants[participant].id) (\(side.rawValue))")
                    continue
                }
                if matrix.row(participant).allSatisfy({ $0 == 0 }) {
                    table.error(line: line, field: "v1", "the \(side.rawValue) vector of '\(participants[participant].id)' is all zeros",
                                hint: "write the embedding of the participant's \(side.rawValue) text")
                }
            }
        }
        guard !missing.isEmpty else { return }
        let shown = missing.prefix(10).joined(separator: ", ")
        let more = missing.count > 10 ? " and \(missing.count - 10) more" : ""
        table.error(line: 1, field: "participant_id",
                    "\(missing.count) participant side(s) with text have no vector: \(shown)\(more)",
                    hint: "add a row for each participant side that has text (offers or needs)", kind: .missingColumn)
    }
}
