import Foundation
import MatchCore

/// What every participant offers and needs as a sentence encoder sees it: the
/// semantic block of the score, beside the lexical ones (``ParticipantEncoding``).
///
/// A sentence encoder (the `SentenceEncoder` library, or any model an
/// embedder prefers) maps "tinned fish" and "canned seafood" close together
/// though they share no word and no thesaurus entry. MissionMatch does not
/// run the model here: the caller embeds ``texts(of:)`` and hands the rows
/// in, so that this module stays free of model files and any model can be
/// used (``init(participants:source:embed:)``, or a vectors file read by
/// `MissionMatchIO`).
///
/// Row *i* of both matrices belongs to participant *i*. Rows are
/// L2-normalised; a participant with nothing on one side has a zero row
/// there (no evidence, rather than the embedding of an empty string).
public struct SemanticVectors: Sendable, Equatable {
    /// Offer vectors (`participants × d`).
    public let offers: Matrix
    /// Need vectors (`participants × d`).
    public let needs: Matrix
    /// Where the vectors come from, for reports, e.g. `all-MiniLM-L6-v2` or a file name.
    public let source: String
    /// Per participant, the clauses of its offers and their vectors, when the
    /// encoder gave them (``Clauses``): what a reason quotes when a pair is
    /// linked by meaning.
    public let offerClauses: [Clauses]?
    /// Per participant, the clauses of its needs and their vectors, when known.
    public let needClauses: [Clauses]?

    /// The clauses of one text and one L2-normalised vector per clause.
    public struct Clauses: Sendable, Equatable {
        /// The clauses, as written (trimmed).
        public var texts: [String]
        /// One row per clause (`clauses × d`).
        public var vectors: Matrix

        /// Clauses and their vectors.
        ///
        /// - Precondition: one row per clause (a programming error otherwise).
        public init(texts: [String], vectors: Matrix) {
            precondition(texts.count == vectors.rows, "one vector per clause")
            self.texts = texts
            self.vectors = vectors
        }
    }

    /// Vectors from a model or a file.
    ///
    /// Rows are L2-normalised here (zero rows stay zero), so any model's raw
    /// output can be passed.
    ///
    /// - Parameters:
    ///   - offers: One row per participant.
    ///   - needs: One row per participant, same width.
    ///   - source: Where they come from.
    ///   - offerClauses: Optional clause vectors of the offers, one entry per participant.
    ///   - needClauses: Optional clause vectors of the needs.
    /// - Precondition: the two matrices have the same shape and the clause lists
    ///   (when given) one entry per row, of the same width (a programming error otherwise;
    ///   a vectors file is checked by its reader, with messages).
    public init(offers: Matrix, needs: Matrix, source: String, offerClauses: [Clauses]? = nil, needClauses: [Clauses]? = nil) {
        precondition(offers.rows == needs.rows && offers.columns == needs.columns, "offer and need vectors must have the same shape")
        precondition(offerClauses.map { $0.count == offers.rows } ?? true, "one offer clause list per participant")
        precondition(needClauses.map { $0.count == needs.rows } ?? true, "one need clause list per participant")
        var offers = offers, needs = needs
        offers.normalizeRows()
        needs.normalizeRows()
        self.offers = offers
        self.needs = needs
        self.source = source
        self.offerClauses = offerClauses
        self.needClauses = needClauses
    }

    /// Vectors whose rows are already L2-normalised (as ``offers`` and
    /// ``needs`` of another value were), kept bit for bit: normalising again
    /// could move a last bit. For the shared encoding file of a sharded ranking.
    ///
    /// - Precondition: as ``init(offers:needs:source:offerClauses:needClauses:)`` (the file's reader checks the shapes first).
    package init(normalizedOffers offers: Matrix, needs: Matrix, source: String, offerClauses: [Clauses]?, needClauses: [Clauses]?) {
        precondition(offers.rows == needs.rows && offers.columns == needs.columns, "offer and need vectors must have the same shape")
        precondition(offerClauses.map { $0.count == offers.rows } ?? true, "one offer clause list per participant")
        precondition(needClauses.map { $0.count == needs.rows } ?? true, "one need clause list per participant")
        self.offers = offers
        self.needs = needs
        self.source = source
        self.offerClauses = offerClauses
        self.needClauses = needClauses
    }

    /// Embeds the participants' texts with `embed`, which must return one row
    /// per text it is given (any width, the same for every call).
    ///
    /// Participants with an empty side get a zero row there; `embed` is called
    /// once with every non-empty offer text, then once with every non-empty need text.
    ///
    /// - Parameters:
    ///   - participants: The participants, in the engine's order.
    ///   - source: A name for reports.
    ///   - embed: The model.
    /// - Throws: What `embed` throws.
    /// - Complexity: that of `embed` on 2 · n texts, plus O(n · d).
    public init(participants: [Participant], source: String, embed: ([String]) throws -> Matrix) rethrows {
        let (offerTexts, needTexts) = Self.texts(of: participants)
        self.init(offers: try Self.embedNonEmpty(offerTexts, embed), needs: try Self.embedNonEmpty(needTexts, embed), source: source)
    }

    /// The text a sentence encoder should embed for each participant's
    /// offers and needs: the free text, followed by its tags when it has
    /// any (`"… for food packaging. Tags: barrier coating, nanofibres"`).
    /// An empty side is an empty string.
    ///
    /// - Complexity: O(total text length).
    public static func texts(of participants: [Participant]) -> (offers: [String], needs: [String]) {
        (participants.map { text($0.offers, tags: $0.offerTags) }, participants.map { text($0.needs, tags: $0.needTags) })
    }

    private static func text(_ free: String, tags: [String]) -> String {
        // Foundation's trimming is slow on Linux; most texts start and end with a visible ASCII character.
        let visible: (UInt8) -> Bool = { $0 > 0x20 && $0 < 0x7F }
        let body = free.utf8.first.map(visible) == true && free.utf8.last.map(visible) == true
            ? free : free.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !tags.isEmpty else { return body }
        let list = tags.joined(separator: ", ")
        guard !body.isEmpty else { return list }
        let end = body.last.map { ".!?;:".contains($0) } ?? false
        return body + (end ? " " : ". ") + list
    }

    /// `embed` on the non-empty texts, zero rows for the others.
    private static func embedNonEmpty(_ texts: [String], _ embed: ([String]) throws -> Matrix) rethrows -> Matrix {
        let present = texts.indices.filter { !texts[$0].isEmpty }
        let vectors = present.isEmpty ? Matrix(rows: 0, columns: 0) : try embed(present.map { texts[$0] })
        precondition(vectors.rows == present.count, "the embedding function must return one row per text")
        var result = Matrix(rows: texts.count, columns: max(1, vectors.columns))
        for (row, index) in present.enumerated() { result.setRow(index, to: vectors.row(row)) }
        return result
    }

    /// The number of participants.
    public var count: Int { offers.rows }
    /// The vectors' dimension.
    public var dimensions: Int { offers.columns }
}
