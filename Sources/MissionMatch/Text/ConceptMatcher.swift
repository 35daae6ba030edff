/// Finds the thesaurus' concepts in tokenised text: longest match first, by
/// the stems of their labels and synonyms, forgiving one typo in long words.
///
/// ```swift
/// let matcher = ConceptMatcher(thesaurus: thesaurus)
/// let tokens = Tokenizer.tokens(in: "We make compostible PLA films")
/// matcher.mentions(in: tokens, stems: tokens.map { LightStemmer.stem($0.folded) }).map(\.surface)   // ["compostible PLA films"] if a concept says "compostable PLA film"
/// ```
///
/// Matching works on stems (``LightStemmer``), so `PLA films` matches the
/// label `PLA film`. Short acronyms (`PE`, `MAP`, `H2`) match only when
/// written in capitals, so that "we map the market" is not modified
/// atmosphere packaging, and a stop word alone never matches ("who can help"
/// is not "cans"). Where concepts overlap, the longest wins; for two
/// concepts with the same words, the first in the thesaurus.
package struct ConceptMatcher: Sendable {
    private struct Node: Sendable {
        var children: [String: Int32] = [:]
        var concept: Int32 = -1
        var requiredUppercase: Int = 0
    }

    private var nodes: [Node] = [Node()]
    /// The typo corrector over the thesaurus' words.
    package let typos: TypoCorrector
    private let stemsOfTerms: Set<String>

    /// Indexes the labels and synonyms of every concept.
    ///
    /// - Parameter thesaurus: The thesaurus.
    /// - Complexity: O(*t*) in the total length of the thesaurus' terms.
    package init(thesaurus: Thesaurus) {
        var words: [String] = []
        var stems: Set<String> = []
        var nodes = [Node()]
        for (index, concept) in thesaurus.concepts.enumerated() {
            for term in [concept.label] + concept.synonyms {
                let tokens = Tokenizer.tokens(in: term)
                guard !tokens.isEmpty, !Self.collapses(term, into: tokens) else { continue }
                var node = 0
                for token in tokens {
                    let stem = LightStemmer.stem(token.folded)
                    words.append(token.folded)
                    stems.insert(stem)
                    if let child = nodes[node].children[stem] {
                        node = Int(child)
                    } else {
                        nodes.append(Node())
                        nodes[node].children[stem] = Int32(nodes.count - 1)
                        node = nodes.count - 1
                    }
                }
                guard nodes[node].concept < 0 else { continue }
                nodes[node].concept = Int32(index)
                if tokens.count == 1, let only = tokens.first, only.surface.count <= 6 {
                    let hasDigit = only.surface.unicodeScalars.contains { $0.properties.numericType != nil }
                    if only.uppercaseCount >= 2 || (only.uppercaseCount >= 1 && hasDigit) {
                        nodes[node].requiredUppercase = min(only.uppercaseCount, 2)
                    }
                }
            }
        }
        self.nodes = nodes
        self.stemsOfTerms = stems
        self.typos = TypoCorrector(vocabulary: words)
    }

    /// Whether the tokenizer reduces a term to one common word: it drops a
    /// single letter or a sign the term needs (`R&D services` gives `services`,
    /// `e-trucks` gives `trucks`, `C&D waste` gives `waste`, `Power-to-X`
    /// gives `power to`), so that the word left is no longer the concept.
    /// Such a term is not indexed: "services" is not contract research,
    /// "waste" not construction waste. A term that keeps two words besides
    /// short stop words such as "to" or "as" (`E-commerce packaging` gives
    /// `commerce packaging`, `Product-as-a-service` gives `product as
    /// service`) still says what it means, and texts lose the same letters,
    /// so it is kept.
    ///
    /// - Complexity: O(*n*) in the term's length.
    static func collapses(_ term: String, into tokens: [Token]) -> Bool {
        let written = term.unicodeScalars.lazy.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.count
        let kept = tokens.reduce(0) { $0 + $1.surface.unicodeScalars.count }
        guard kept < written else { return false }
        return tokens.lazy.filter { $0.folded.count > 2 || !StopWords.contains($0.folded) }.count < 2
    }

    /// Whether a stem occurs in some concept's label or synonyms.
    package func isConceptStem(_ stem: String) -> Bool { stemsOfTerms.contains(stem) }

    /// The trie node a concept's first word leads to, for a token's matching
    /// key (−1: no concept starts with it). ``TextAnalyzer`` remembers it per
    /// word, so that ``mentions(in:stems:firstSteps:)`` hashes a text's keys
    /// only past a word that starts some concept.
    package func firstStep(_ stem: String) -> Int32 { nodes[0].children[stem] ?? -1 }

    /// The concepts mentioned in a text, left to right, without overlaps.
    ///
    /// - Parameters:
    ///   - tokens: The text's tokens.
    ///   - stems: The matching key of each token: its stem, or the stem of its
    ///     typo correction (see ``TextAnalyzer``).
    /// - Returns: The mentions, with the words as written.
    /// - Complexity: O(*n* × *m*) for *n* tokens and the longest term of *m* words.
    package func mentions(in tokens: [Token], stems: [String]) -> [ConceptMention] {
        mentions(in: tokens, stems: stems, firstSteps: stems.map(firstStep))
    }

    /// ``mentions(in:stems:)`` with each token's ``firstStep(_:)`` given.
    ///
    /// - Complexity: O(*n* × *m*), with a hash only for the words after one that starts a concept.
    package func mentions(in tokens: [Token], stems: [String], firstSteps: [Int32]) -> [ConceptMention] {
        precondition(tokens.count == stems.count && stems.count == firstSteps.count, "one stem per token")
        var mentions: [ConceptMention] = []
        var start = 0
        while start < tokens.count {
            var best: (end: Int, concept: Int)?
            var next = firstSteps[start]
            var position = start
            while next >= 0 {
                let node = Int(next)
                position += 1
                let concept = nodes[node].concept
                // A lone stop word is never a concept ("who can help" is not "cans").
                if concept >= 0, tokens[start].uppercaseCount >= nodes[node].requiredUppercase,
                   !(position == start + 1 && StopWords.contains(tokens[start].folded)) {
                    best = (position, Int(concept))
                }
                guard position < tokens.count, let child = nodes[node].children[stems[position]] else { break }
                next = child
            }
            if let best {
                let first = tokens[start].surface, last = tokens[best.end - 1].surface
                let surface = String(first.base[first.startIndex..<last.endIndex])
                mentions.append(ConceptMention(concept: best.concept, surface: surface, tokens: start..<best.end))
                start = best.end
            } else {
                start += 1
            }
        }
        return mentions
    }
}
