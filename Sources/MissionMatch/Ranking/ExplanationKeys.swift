import Foundation

/// What the reasons of a ranking read of every participant's offers and
/// needs: per text its thesaurus concepts (rarest first), its term stems and
/// its specific words — computed once from the text analyses and the TF-IDF
/// weightings of the encoding (`init(encoding:)`).
///
/// A ranking computes them while its encoder's SVD runs (the engine's
/// encoding carries them), or from an encoding that does not carry them; a
/// sharded ranking computes them once with the encoding and ships them in the
/// encoding file, so that the merge explains its pairs without running the
/// text pipeline again (`ParticipantEncoding/explanationKeys`). Equal keys
/// give equal reasons. They carry the integer keys of the exact-link test
/// (``links``), derived from the documents by every initialiser.
package struct ExplanationKeys: Sendable, Equatable {
    /// A thesaurus concept a text mentions.
    package struct Concept: Sendable, Equatable {
        /// Its feature in the encoding's `ParticipantEncoding/weighting` (compared, never used as an index).
        package var feature: Int
        /// The feature's idf weight (the order: rarest first).
        package var weight: Float
        /// The words of the text that name it.
        package var surface: String

        /// A concept.
        package init(feature: Int, weight: Float, surface: String) {
            self.feature = feature
            self.weight = weight
            self.surface = surface
        }
    }

    /// A specific word of a text (rare enough to name, see `specificWeight(participants:)`),
    /// where it stands, what it weighs, and the terms beside it in its phrase.
    package struct Word: Sendable, Equatable {
        /// Its position among the text's terms.
        package var position: Int
        /// Its stem.
        package var stem: String
        /// The word as written.
        package var surface: String
        /// Its idf weight in the exact-evidence weighting.
        package var weight: Float
        /// The term just before it in the same phrase (`nil` when it begins a
        /// phrase, `AnalyzedText/phraseStarts`): a reason quoting the word adds
        /// it when the other text uses it too.
        package var before: Neighbour?
        /// The term just after it in the same phrase (`nil` when the phrase ends with it).
        package var after: Neighbour?

        /// A word.
        package init(position: Int, stem: String, surface: String, weight: Float, before: Neighbour? = nil, after: Neighbour? = nil) {
            self.position = position
            self.stem = stem
            self.surface = surface
            self.weight = weight
            self.before = before
            self.after = after
        }
    }

    /// A term beside a specific word in its phrase (``Word/before``, ``Word/after``),
    /// common or rare: "Toronto" in "Greater Toronto Area", whose specific words are
    /// "Greater" and "Area".
    package struct Neighbour: Sendable, Equatable {
        /// Its stem.
        package var stem: String
        /// The term as written.
        package var surface: String

        /// A neighbour.
        package init(stem: String, surface: String) {
            self.stem = stem
            self.surface = surface
        }
    }

    /// One text's keys.
    package struct Document: Sendable, Equatable {
        /// Concepts, rarest first (ties: lower feature first), each once.
        package var concepts: [Concept]
        /// The text's term stems, each once, for finding shared words (in no
        /// particular order: documents are equal when they hold the same stems).
        package var terms: [String]
        /// The text's specific words, in text order, each stem once.
        package var specific: [Word]

        /// A text's keys.
        package init(concepts: [Concept], terms: Set<String>, specific: [Word]) {
            self.init(concepts: concepts, distinctTerms: Array(terms), specific: specific)
        }

        /// A text's keys, its stems given each once.
        init(concepts: [Concept], distinctTerms terms: [String], specific: [Word]) {
            self.concepts = concepts
            self.terms = terms
            self.specific = specific
        }

        /// Equal concepts and specific words, and the same stems in any order.
        package static func == (lhs: Document, rhs: Document) -> Bool {
            lhs.concepts == rhs.concepts && lhs.specific == rhs.specific
                && lhs.terms.count == rhs.terms.count && Set(lhs.terms) == Set(rhs.terms)
        }
    }

    /// Per participant, the keys of its offers.
    package let offers: [Document]
    /// Per participant, the keys of its needs.
    package let needs: [Document]
    /// The exact-link test's integer keys of the same texts (derived from
    /// ``offers`` and ``needs`` by every initialiser).
    package let links: ExactLinkKeys

    /// Keys given as values (read from a file).
    ///
    /// - Precondition: one offer and one need document per participant.
    package init(offers: [Document], needs: [Document]) {
        self.offers = offers
        self.needs = needs
        self.links = ExactLinkKeys(offers: offers, needs: needs)
    }

    /// The keys of every participant of an encoding, from its analyses and weightings.
    ///
    /// - Complexity: O(total terms), split over the cores.
    package init(encoding: ParticipantEncoding) {
        self.init(analyses: encoding.analyses, weighting: encoding.weighting, lexical: encoding.lexicalWeighting)
    }

    /// The keys of every participant from its analyses and the two TF-IDF
    /// weightings of an encoding (``ParticipantEncoding/weighting`` and
    /// ``ParticipantEncoding/lexicalWeighting``): what the encoder computes
    /// beside its SVD, which they do not depend on.
    ///
    /// - Complexity: O(total terms), split over the cores.
    init(analyses: [ProfileAnalysis], weighting: TermWeighting, lexical: TermWeighting) {
        let threshold = Self.specificWeight(participants: analyses.count)
        @Sendable func keys(_ text: AnalyzedText) -> Document {
            Self.document(text, weighting, lexical, threshold, distinctTerms: Array(Set(text.terms))) { position in
                let term = text.terms[position]
                return Self.canBeSpecific(term) ? lexical.feature(term: term) : nil
            }
        }
        let keys = ParallelChunks.map(count: analyses.count, minimumChunk: 512) { range in
            range.map { (keys(analyses[$0].offers), keys(analyses[$0].needs)) }
        }
        self.init(offers: keys.map(\.0), needs: keys.map(\.1))
    }

    /// ``init(analyses:weighting:lexical:)`` for texts whose stems are
    /// numbered by `terms` (the participants' offers, then their needs, as
    /// the weightings were fitted): the same keys, without hashing a stem.
    ///
    /// - Complexity: O(total terms + V) for V distinct stems, split over the cores.
    init(analyses: [ProfileAnalysis], weighting: TermWeighting, lexical: TermWeighting, terms: TermIDs) {
        precondition(terms.count == 2 * analyses.count, "one numbered text per offer and need text")
        let threshold = Self.specificWeight(participants: analyses.count)
        let n = analyses.count
        // Whether each stem may be a specific word, decided once per stem instead of once per occurrence.
        let candidate = ParallelChunks.map(count: terms.vocabulary.count, minimumChunk: 4_096) { range in
            range.map { Self.canBeSpecific(terms.vocabulary[$0]) }
        }
        let keys = ParallelChunks.map(count: n, minimumChunk: 512) { range in
            var seen = [Int](repeating: -1, count: terms.vocabulary.count)  // the last text that listed each stem
            func keys(_ text: AnalyzedText, _ number: Int) -> Document {
                let ids = terms.terms(of: number)
                var distinct: [String] = []
                distinct.reserveCapacity(ids.count)
                for id in ids where seen[Int(id)] != number {
                    seen[Int(id)] = number
                    distinct.append(terms.vocabulary[Int(id)])
                }
                return Self.document(text, weighting, lexical, threshold, distinctTerms: distinct) { position in
                    let id = ids[ids.startIndex + position]
                    return candidate[Int(id)] ? lexical.feature(termID: id) : nil
                }
            }
            return range.map { (keys(analyses[$0].offers, $0), keys(analyses[$0].needs, n + $0)) }
        }
        let offers = keys.map(\.0), needs = keys.map(\.1)
        self.offers = offers
        self.needs = needs
        self.links = ExactLinkKeys(offers: offers, needs: needs, terms: terms)
    }

    /// The weight (idf) a shared word needs to be named: one found in at most
    /// about 5 % of the 2·n documents (two, in a small mission).
    package static func specificWeight(participants: Int) -> Float {
        let documents = Float(2 * max(1, participants))
        return Float(log(Double((1 + documents) / (1 + max(2, 0.05 * documents))))) + 1
    }

    /// One text's keys. `specificFeature` gives the exact-evidence feature of
    /// the term at a position when it may be a specific word (``canBeSpecific(_:)``) and is kept.
    private static func document(
        _ text: AnalyzedText, _ weighting: TermWeighting, _ lexical: TermWeighting, _ threshold: Float,
        distinctTerms: [String], specificFeature: (Int) -> Int?
    ) -> Document {
        var specific: [Word] = []
        var used: [Int] = []  // the specific words' features: one per stem (a kept stem has one feature)
        var nextStart = 0  // the first of text.phraseStarts not below the position
        func startsPhrase(_ position: Int) -> Bool {
            while nextStart < text.phraseStarts.count, text.phraseStarts[nextStart] < position { nextStart += 1 }
            return position == 0 || (nextStart < text.phraseStarts.count && text.phraseStarts[nextStart] == position)
        }
        func neighbour(_ position: Int) -> Neighbour? {
            let stem = text.terms[position]
            return stem.hasPrefix(ProfileAnalysis.sectorTermPrefix) ? nil : Neighbour(stem: stem, surface: text.termSurfaces[position])
        }
        for position in text.terms.indices {
            guard let feature = specificFeature(position), lexical.weights[feature] >= threshold,
                  !used.contains(feature) else { continue }
            used.append(feature)
            // Positions rise through the loop, so the phrase starts are walked once.
            let before = startsPhrase(position) ? nil : neighbour(position - 1)
            let after = position + 1 < text.terms.count && !startsPhrase(position + 1) ? neighbour(position + 1) : nil
            specific.append(Word(position: position, stem: text.terms[position], surface: text.termSurfaces[position],
                                 weight: lexical.weights[feature], before: before, after: after))
        }
        var concepts: [Concept] = []
        var seen = Set<Int>()
        for mention in text.concepts where seen.insert(mention.concept).inserted {
            guard let feature = weighting.feature(concept: mention.concept) else { continue }
            concepts.append(Concept(feature: feature, weight: weighting.weights[feature], surface: mention.surface))
        }
        concepts.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.feature < $1.feature }
        return Document(concepts: concepts, distinctTerms: distinctTerms, specific: specific)
    }

    /// Whether a stem may be named as a specific word: three characters or more, not a sector pseudo-term.
    private static func canBeSpecific(_ term: String) -> Bool {
        hasThreeCharacters(term) && !term.hasPrefix(ProfileAnalysis.sectorTermPrefix)
    }

    /// `term.count >= 3` without counting the characters of every term: an
    /// ASCII term has as many characters as bytes, and no term has more
    /// characters than bytes.
    private static func hasThreeCharacters(_ term: String) -> Bool {
        let bytes = term.utf8.count
        guard bytes >= 3 else { return false }
        return term.utf8.allSatisfy { $0 < 0x80 } || term.count >= 3
    }
}
