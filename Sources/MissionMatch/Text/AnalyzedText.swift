/// What the text pipeline finds in a text: its terms and its concepts.
public struct AnalyzedText: Sendable, Equatable {
    /// The stems of the words that are not stop words, in order (words inside concepts included).
    public var terms: [String]
    /// Each term as written, for explanations (`films` for the term `film`).
    public var termSurfaces: [String]
    /// The thesaurus concepts mentioned, in order.
    public var concepts: [ConceptMention]

    /// Creates an analysis.
    ///
    /// - Parameters:
    ///   - terms: Term stems.
    ///   - termSurfaces: The terms as written, one per term.
    ///   - concepts: Concept mentions.
    public init(terms: [String] = [], termSurfaces: [String] = [], concepts: [ConceptMention] = []) {
        precondition(terms.count == termSurfaces.count, "one surface per term")
        self.terms = terms
        self.termSurfaces = termSurfaces
        self.concepts = concepts
    }

    /// Whether nothing was found.
    public var isEmpty: Bool { terms.isEmpty && concepts.isEmpty }

    /// Adds the terms and concepts of another analysis (e.g. tags after text).
    ///
    /// - Parameter other: The other analysis.
    public mutating func append(_ other: AnalyzedText) {
        terms += other.terms
        termSurfaces += other.termSurfaces
        concepts += other.concepts
    }
}
