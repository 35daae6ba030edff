/// A thesaurus concept found in a text or a tag.
public struct ConceptMention: Sendable, Hashable {
    /// The concept's index in ``Thesaurus/concepts``.
    public var concept: Int
    /// The words as the participant wrote them, e.g. `compostable PLA films`.
    public var surface: String
    /// The tokens it covers in the text it was found in (empty for a tag).
    public var tokens: Range<Int>

    /// Creates a mention.
    ///
    /// - Parameters:
    ///   - concept: The concept index.
    ///   - surface: The words as written.
    ///   - tokens: The tokens covered.
    public init(concept: Int, surface: String, tokens: Range<Int>) {
        self.concept = concept
        self.surface = surface
        self.tokens = tokens
    }
}
