/// The competence concepts of the programme's fields, with their synonyms.
///
/// Lookups accept a concept's id, label or any synonym, ignoring case, accents
/// and how words are separated (`PLA-film`, `pla film`, `PLA  Film`):
///
/// ```swift
/// thesaurus.concept(matching: "polylactic acid foil")?.id   // "pla-film"
/// ```
public struct Thesaurus: Sendable, Equatable {
    /// The concepts in the order given.
    public let concepts: [Concept]
    private let indexByID: [String: Int]
    private let indexByKey: [String: Int]

    /// Builds the lookup tables; when two concepts share a term, the first keeps it.
    ///
    /// - Parameter concepts: The concepts.
    /// - Complexity: O(*t*) for *t* ids, labels and synonyms.
    public init(_ concepts: [Concept]) {
        self.concepts = concepts
        var byID: [String: Int] = [:]
        var byKey: [String: Int] = [:]
        for (index, concept) in concepts.enumerated() {
            byID[concept.id] = byID[concept.id] ?? index
            for text in [concept.id, concept.label] + concept.synonyms {
                let key = LookupKey.words(text)
                if !key.isEmpty, byKey[key] == nil { byKey[key] = index }
            }
        }
        self.indexByID = byID
        self.indexByKey = byKey
    }

    /// The concept with this id.
    ///
    /// - Parameter id: A concept id, exactly.
    /// - Returns: The concept, or `nil`.
    public func concept(id: String) -> Concept? {
        indexByID[id].map { concepts[$0] }
    }

    /// The position of a concept in ``concepts``.
    ///
    /// - Parameter id: A concept id, exactly.
    /// - Returns: The index, or `nil`.
    public func index(of id: String) -> Int? {
        indexByID[id]
    }

    /// The position in ``concepts`` of the concept a keyword names, by id, label or synonym.
    ///
    /// - Parameter text: A keyword as written.
    /// - Returns: The index, or `nil` for a free keyword.
    public func index(matching text: some StringProtocol) -> Int? {
        indexByKey[LookupKey.words(text)]
    }

    /// How reasons quote a keyword that names concept `index`: by the
    /// concept's label when the keyword is written as its id (`rd-partner`,
    /// any case, reads `R&D partner`), else as written.
    ///
    /// - Parameters:
    ///   - keyword: The keyword as written.
    ///   - index: The concept it names (``index(matching:)``).
    /// - Returns: The label or the keyword.
    package func quotedName(of keyword: String, naming index: Int) -> String {
        concepts[index].id == keyword.lowercased() ? concepts[index].label : keyword
    }

    /// The concept a keyword names, by id, label or synonym.
    ///
    /// - Parameter text: A keyword as written, e.g. `Compostable biopolymer film`.
    /// - Returns: The concept, or `nil` for a free keyword.
    public func concept(matching text: some StringProtocol) -> Concept? {
        indexByKey[LookupKey.words(text)].map { concepts[$0] }
    }

    /// Every term of the thesaurus, normalised as lookups normalise them, with
    /// the index of its concept: for finding concepts inside free text.
    public var terms: [(term: String, concept: Int)] {
        indexByKey.map { (term: $0.key, concept: $0.value) }.sorted { $0.term < $1.term }
    }

    /// Two thesauri are equal when they hold the same concepts.
    public static func == (lhs: Thesaurus, rhs: Thesaurus) -> Bool {
        lhs.concepts == rhs.concepts
    }
}
