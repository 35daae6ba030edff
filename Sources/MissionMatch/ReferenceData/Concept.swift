/// A competence concept of the thesaurus, e.g. `pla-film` "PLA film".
public struct Concept: Sendable, Hashable, Codable, Identifiable {
    /// The concept's identifier.
    public var id: String
    /// The preferred label, e.g. `PLA film`.
    public var label: String
    /// The code of the sector the concept belongs to.
    public var sector: String
    /// Other words for it, including multi-word variants (`polylactic acid foil`).
    public var synonyms: [String]

    /// Creates a concept.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - label: The preferred label.
    ///   - sector: The sector code.
    ///   - synonyms: Other words for it.
    public init(id: String, label: String, sector: String, synonyms: [String] = []) {
        self.id = id
        self.label = label
        self.sector = sector
        self.synonyms = synonyms
    }
}
