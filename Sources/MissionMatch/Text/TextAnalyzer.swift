/// The text pipeline: folding, tokenising, stop words, stemming, concepts with typo tolerance.
///
/// ```swift
/// let analyzer = TextAnalyzer(thesaurus: reference.thesaurus)
/// let offers = analyzer.analyze("We produce compostible PLA films for fresh food.")
/// offers.terms                    // ["produce", "compostible", "pla", "film", "fresh", "food"]
/// offers.concepts.map(\.surface)  // the concepts found, as written
/// ```
///
/// Steps, per text: `Tokenizer` splits words (and skips e-mail and web
/// addresses); each word is folded (NFKC, case, diacritics) and stemmed by
/// `LightStemmer`; a long word whose stem is unknown to the thesaurus is
/// corrected by one edit when a thesaurus word is that close
/// (`TypoCorrector`) — a common English word (`KnownWords`) only to
/// another form of itself; `ConceptMatcher` finds concepts, longest match
/// first; stop words (`StopWords`) are dropped from the terms. Where a
/// phrase starts is kept for the reasons' quotes (`AnalyzedText/phraseStarts`):
/// after the tokenizer's phrase breaks and after "and", "or" and "nor".
///
/// The analyzer is immutable and `Sendable`; a ``Cache`` per thread remembers
/// stems and corrections of words already seen.
public struct TextAnalyzer: Sendable {
    /// Memoised per-word work, reused across the texts one thread analyses.
    public struct Cache: Sendable {
        fileprivate var keys: [String: WordKey] = [:]

        /// An empty cache.
        public init() {}
    }

    fileprivate struct WordKey: Sendable {
        var stem: String
        var matchKey: String
        var isStopWord: Bool
        /// ``ConceptMatcher/firstStep(_:)`` of ``matchKey``.
        var firstStep: Int32
    }

    /// The thesaurus whose concepts are found.
    public let thesaurus: Thesaurus
    /// The concept matcher built from it.
    package let matcher: ConceptMatcher

    /// Builds the analyzer.
    ///
    /// - Parameter thesaurus: The concepts to find.
    /// - Complexity: O(*t*) in the thesaurus' size.
    public init(thesaurus: Thesaurus) {
        self.thesaurus = thesaurus
        self.matcher = ConceptMatcher(thesaurus: thesaurus)
    }

    /// Analyses one text.
    ///
    /// - Parameter text: Free text.
    /// - Returns: Its terms and concepts.
    /// - Complexity: O(*n*) in the text's length (amortised over the cache).
    public func analyze(_ text: String) -> AnalyzedText {
        var cache = Cache()
        return analyze(text, cache: &cache)
    }

    /// Analyses one text, reusing a cache.
    ///
    /// - Parameters:
    ///   - text: Free text.
    ///   - cache: This thread's cache.
    /// - Returns: Its terms and concepts.
    public func analyze(_ text: String, cache: inout Cache) -> AnalyzedText {
        let tokens = Tokenizer.tokens(in: text)
        var matchKeys: [String] = [], firstSteps: [Int32] = []
        matchKeys.reserveCapacity(tokens.count)
        firstSteps.reserveCapacity(tokens.count)
        var result = AnalyzedText()
        result.terms.reserveCapacity(tokens.count)
        result.termSurfaces.reserveCapacity(tokens.count)
        var pendingBreak = false  // a phrase break since the last term (stop words are not terms)
        for token in tokens {
            let key = wordKey(token.folded, cache: &cache)
            matchKeys.append(key.matchKey)
            firstSteps.append(key.firstStep)
            // "and", "or" and "nor" part the items of a list as a comma does.
            pendingBreak = pendingBreak || token.startsPhrase || Self.isConjunction(token.folded)
            if !key.isStopWord {
                if pendingBreak, !result.terms.isEmpty { result.phraseStarts.append(result.terms.count) }
                pendingBreak = false
                result.terms.append(key.stem)
                result.termSurfaces.append(String(token.surface))
            }
        }
        result.concepts = matcher.mentions(in: tokens, stems: matchKeys, firstSteps: firstSteps)
        return result
    }

    /// Analyses keywords (tags): a tag naming a concept (by id, label or
    /// synonym) is that concept — written as it is, or as the concept's label
    /// when it is the concept's id (`rd-partner` is `R&D partner`); any other
    /// tag is analysed as text.
    ///
    /// - Parameters:
    ///   - tags: The keywords.
    ///   - cache: This thread's cache.
    /// - Returns: The concepts and terms of all tags.
    public func analyze(tags: [String], cache: inout Cache) -> AnalyzedText {
        var result = AnalyzedText()
        for tag in tags {
            var analysis = analyze(tag, cache: &cache)
            if let index = thesaurus.index(matching: tag) {
                analysis.concepts = [ConceptMention(concept: index, surface: thesaurus.quotedName(of: tag, naming: index), tokens: 0..<0)]
            }
            result.append(analysis)
        }
        return result
    }

    /// Whether a folded word is a conjunction that parts a list ("and", "or", "nor").
    private static func isConjunction(_ folded: String) -> Bool {
        folded == "and" || folded == "or" || folded == "nor"
    }

    private func wordKey(_ folded: String, cache: inout Cache) -> WordKey {
        if let known = cache.keys[folded] { return known }
        let stem = LightStemmer.stem(folded)
        let isStopWord = StopWords.contains(folded) || folded.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        var matchKey = stem
        if !isStopWord, !matcher.isConceptStem(stem), let corrected = matcher.typos.correction(for: folded),
           !KnownWords.contains(folded) || KnownWords.isFormOf(folded, corrected) {
            matchKey = LightStemmer.stem(corrected)
        }
        let key = WordKey(stem: stem, matchKey: matchKey, isStopWord: isStopWord, firstStep: matcher.firstStep(matchKey))
        cache.keys[folded] = key
        return key
    }
}
