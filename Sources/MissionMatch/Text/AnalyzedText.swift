/// What the text pipeline finds in a text: its terms and its concepts.
public struct AnalyzedText: Sendable, Equatable {
    /// The stems of the words that are not stop words, in order (words inside concepts included).
    public var terms: [String]
    /// Each term as written, for explanations (`films` for the term `film`).
    public var termSurfaces: [String]
    /// The thesaurus concepts mentioned, in order.
    public var concepts: [ConceptMention]
    /// The positions in ``terms``, ascending, of the terms that begin a new
    /// phrase: after sentence or list punctuation, a bracket or a line break
    /// (see `Tokenizer`), after "and", "or" or "nor" (``TextAnalyzer``), or in the next of several texts ``append(_:)`` joined
    /// (each tag is one). Position 0 is never listed; positions outside
    /// ``terms`` are ignored. Reasons quote shared phrases within one phrase only.
    public var phraseStarts: [Int]

    /// Creates an analysis.
    ///
    /// - Parameters:
    ///   - terms: Term stems.
    ///   - termSurfaces: The terms as written, one per term.
    ///   - concepts: Concept mentions.
    ///   - phraseStarts: The positions of the terms that begin a new phrase (none: one phrase).
    public init(terms: [String] = [], termSurfaces: [String] = [], concepts: [ConceptMention] = [], phraseStarts: [Int] = []) {
        precondition(terms.count == termSurfaces.count, "one surface per term")
        self.terms = terms
        self.termSurfaces = termSurfaces
        self.concepts = concepts
        self.phraseStarts = phraseStarts
    }

    /// Whether nothing was found.
    public var isEmpty: Bool { terms.isEmpty && concepts.isEmpty }

    /// Adds the terms and concepts of another analysis (e.g. tags after text),
    /// its first term beginning a new phrase.
    ///
    /// - Parameter other: The other analysis.
    public mutating func append(_ other: AnalyzedText) {
        let offset = terms.count
        if offset > 0, !other.terms.isEmpty { phraseStarts.append(offset) }
        phraseStarts += other.phraseStarts.lazy.filter { $0 > 0 && $0 < other.terms.count }.map { $0 + offset }
        terms += other.terms
        termSurfaces += other.termSurfaces
        concepts += other.concepts
    }
}
