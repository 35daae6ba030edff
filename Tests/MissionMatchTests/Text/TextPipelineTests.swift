import MatchCore
import Testing
@testable import MissionMatch

/// A small thesaurus with the traps of the real one: multi-word terms sharing
/// prefixes, an acronym synonym, a term with a stop word, diacritics.
let sampleThesaurus = Thesaurus([
    Concept(id: "pla-film", label: "PLA film", sector: "biopolymers",
            synonyms: ["polylactic acid film", "compostable biopolymer film"]),
    Concept(id: "compostable-packaging", label: "Compostable packaging", sector: "packaging",
            synonyms: ["compostable packs", "compostable food packaging"]),
    Concept(id: "modified-atmosphere-packaging", label: "Modified atmosphere packaging", sector: "packaging",
            synonyms: ["MAP", "protective atmosphere packaging"]),
    Concept(id: "no-alcohol-drinks", label: "Low and no alcohol drinks", sector: "beverages",
            synonyms: ["alcohol-free beer"]),
    Concept(id: "creme-fraiche", label: "Crème fraîche", sector: "dairy", synonyms: []),
    Concept(id: "beverage-cans", label: "Beverage cans", sector: "packaging", synonyms: ["cans"]),
    Concept(id: "distribution-partner", label: "Distribution partner", sector: "logistics",
            synonyms: ["distributor", "importer"]),
])

struct TokenizerTests {
    @Test func splitsWordsFoldsAndKeepsSurfaces() {
        let tokens = Tokenizer.tokens(in: "Crème-fraîche & PLA films, 3D-printed; a x")
        #expect(tokens.map(\.folded) == ["creme", "fraiche", "pla", "films", "3d", "printed"])
        #expect(tokens.map { String($0.surface) } == ["Crème", "fraîche", "PLA", "films", "3D", "printed"])
        #expect(tokens.map(\.uppercaseCount) == [1, 0, 3, 0, 1, 0])
    }

    @Test func skipsContactAddresses() {
        let tokens = Tokenizer.tokens(in: "Write to sofie.jorgensen@enviro.example or see https://enviro.example/x and www.enviro.example now")
        #expect(tokens.map(\.folded) == ["write", "to", "or", "see", "and", "now"])
    }

    @Test func foldsCompatibilityForms() {
        #expect(Tokenizer.tokens(in: "ﬁlm ＰＬＡ Ökologische").map(\.folded) == ["film", "pla", "okologische"])
    }

    /// Sentence and list marks, brackets, slashes, line breaks, skipped addresses and non-ASCII
    /// punctuation end a phrase; hyphens, quotes, `&` and a decimal point do not.
    @Test func marksWhereAPhraseStarts() {
        let text = "Barrier-coated PE/PP trays, \"mono\" films. Industry 4.0 solutions (EU) – R&D\nwork; see www.x.example then • bio 1,500 t"
        let tokens = Tokenizer.tokens(in: text)
        let starts = tokens.filter(\.startsPhrase).map { String($0.surface) }
        #expect(tokens.map { String($0.surface) } == [
            "Barrier", "coated", "PE", "PP", "trays", "mono", "films", "Industry", "solutions", "EU", "work", "see", "then", "bio", "500",
        ])
        #expect(starts == ["PP", "mono", "Industry", "EU", "work", "see", "then", "bio"])
        #expect(tokens.first?.startsPhrase == false)
        // Every phrase start follows one of the marks: dropping them all leaves one phrase.
        #expect(!Tokenizer.tokens(in: "Barrier-coated PE PP trays \"mono\" films R&D work").contains { $0.startsPhrase })
        #expect(Tokenizer.tokens(in: "Konserven。Fisch、Dosen…Öl").filter(\.startsPhrase).map(\.folded) == ["fisch", "dosen", "ol"])
    }
}

/// Real words one edit from a thesaurus word are not typos of it.
struct KnownWordsTests {
    @Test func commonWordsAndTheirPluralsAreKnownMisspellingsAreNot() {
        for word in ["patient", "patients", "sellers", "dealers", "greater", "powder", "county", "boxes"] {
            #expect(KnownWords.contains(word), "\(word)")
        }
        for word in ["compostible", "biodegradeable", "supppliers", "warheouse", "conservas", "zzzzzs"] {
            #expect(!KnownWords.contains(word), "\(word)")
        }
    }

    @Test(arguments: [
        ("deliver", "delivery", true), ("improve", "improved", true), ("manufactures", "manufacturer", true),
        ("distributes", "distributed", true), ("center", "centre", true), ("organization", "organisation", true),
        ("patient", "patent", false), ("sellers", "sealers", false), ("angeles", "angels", false),
        ("covers", "covert", false), ("greater", "treater", false), ("qualify", "quality", false),
    ])
    func formsOfAWordAreToldApartFromOtherWords(word: String, correction: String, isForm: Bool) {
        #expect(KnownWords.isFormOf(word, correction) == isForm)
    }

    /// With the thesaurus' "patents", every text about patients named IP protection; a known
    /// word is still corrected to another form of itself, and a misspelling as before.
    @Test func theAnalyzerCorrectsTyposAndFormsNotOtherWords() {
        let thesaurus = Thesaurus([
            Concept(id: "ip-protection", label: "IP protection", sector: "business-services", synonyms: ["patents"]),
            Concept(id: "contract-manufacturing", label: "Contract manufacturer", sector: "business-services", synonyms: []),
            Concept(id: "data-centres", label: "Data centre", sector: "software", synonyms: []),
            Concept(id: "compostable-packaging", label: "Compostable packaging", sector: "packaging", synonyms: []),
        ])
        let analyzer = TextAnalyzer(thesaurus: thesaurus)
        let analysis = analyzer.analyze("Remote monitoring for patients. Contract manufacture; a data center; compostible packaging.")
        #expect(analysis.concepts.map { thesaurus.concepts[$0.concept].id }
                == ["contract-manufacturing", "data-centres", "compostable-packaging"])
        #expect(analyzer.analyze("Patents and patent filing").concepts.count == 2)
    }
}

struct LightStemmerTests {
    @Test(arguments: [
        ("films", "film"), ("coatings", "coat"), ("coated", "coat"), ("coating", "coat"),
        ("batteries", "battery"), ("packaging", "packag"), ("packing", "pack"), ("shipping", "ship"),
        ("glass", "glass"), ("analysis", "analysis"), ("bus", "bus"), ("rolled", "roll"),
        ("sing", "sing"), ("red", "red"), ("classes", "class"), ("processed", "process"), ("3d", "3d"),
        ("naïve", "naïve"),
    ])
    func stems(word: String, stem: String) {
        #expect(LightStemmer.stem(word) == stem)
    }
}

struct TypoCorrectorTests {
    let corrector = TypoCorrector(vocabulary: ["compostable", "biodegradable", "packaging", "distributor", "cider"])

    @Test(arguments: [
        ("compostible", "compostable"),   // substitution
        ("compostabel", "compostable"),   // swap of neighbours
        ("biodegradeable", "biodegradable"),  // insertion
        ("packagng", "packaging"),        // deletion
        ("distrbutor", "distributor"),
    ])
    func correctsOneEdit(typo: String, word: String) {
        #expect(corrector.correction(for: typo) == word)
    }

    /// An edit of the first letter makes another word, not a typo.
    @Test func neverChangesTheFirstLetter() {
        let corrector = TypoCorrector(vocabulary: ["medtech", "ethylene", "compostable", "scaled"])
        #expect(corrector.correction(for: "edtech") == nil)        // a letter missing in front
        #expect(corrector.correction(for: "methylene") == nil)     // a letter too many in front
        #expect(corrector.correction(for: "xompostable") == nil)   // a wrong first letter
        #expect(corrector.correction(for: "ocmpostable") == nil)   // the first two swapped
        #expect(corrector.correction(for: "compostible") == "compostable")
        #expect(corrector.correction(for: "scalded") == "scaled")
    }

    @Test func leavesShortKnownAndFarWordsAlone() {
        #expect(corrector.correction(for: "cidar") == nil)          // shorter than six letters
        #expect(corrector.correction(for: "compostable") == nil)    // already right
        #expect(corrector.correction(for: "composited") == nil)
        #expect(corrector.correction(for: "kompostibel") == nil)    // three edits
    }

    @Test func oneEditAgreesWithANaiveDamerauDistance() {
        var generator = SeededRandomNumberGenerator(seed: 11)
        let alphabet = Array("abcde".utf8)
        for _ in 0..<3000 {
            let a = (0..<Int.random(in: 1...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let b = (0..<Int.random(in: 1...5, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(TypoCorrector.isOneEditApart(a, b) == (optimalStringAlignment(a, b) == 1), "\(a) \(b)")
        }
    }

    /// Optimal string alignment distance by dynamic programming, the plain way.
    private func optimalStringAlignment(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}

struct TextAnalyzerTests {
    let analyzer = TextAnalyzer(thesaurus: sampleThesaurus)

    private func conceptIDs(_ analysis: AnalyzedText) -> [String] {
        analysis.concepts.map { sampleThesaurus.concepts[$0.concept].id }
    }

    @Test func findsLongestConceptsWithSurfaces() {
        let analysis = analyzer.analyze("We produce compostable food packaging and PLA films for our distributors.")
        #expect(conceptIDs(analysis) == ["compostable-packaging", "pla-film", "distribution-partner"])
        #expect(analysis.concepts.map(\.surface) == ["compostable food packaging", "PLA films", "distributors"])
        #expect(analysis.terms == ["produce", "compostable", "food", "packag", "pla", "film", "distributor"])
        #expect(analysis.termSurfaces == ["produce", "compostable", "food", "packaging", "PLA", "films", "distributors"])
    }

    @Test func toleratesOneTypoInLongWords() {
        let analysis = analyzer.analyze("Compostible biopolymer flm and polylactic acid flim")
        // "flm" and "flim" are too short for a correction; "Compostible" has one edit.
        #expect(conceptIDs(analysis) == [])
        #expect(conceptIDs(analyzer.analyze("compostible packs")) == ["compostable-packaging"])
        #expect(conceptIDs(analyzer.analyze("polylactic acid films")) == ["pla-film"])
    }

    @Test func acronymsNeedCapitals() {
        #expect(conceptIDs(analyzer.analyze("Trays for MAP of fresh meat")) == ["modified-atmosphere-packaging"])
        #expect(conceptIDs(analyzer.analyze("We map the market. Map it.")) == [])
        #expect(conceptIDs(analyzer.analyze("an importer who can help; we fill cans")) == ["distribution-partner", "beverage-cans"])
    }

    @Test func termsWithStopWordsAndDiacriticsMatch() {
        #expect(conceptIDs(analyzer.analyze("Low and no alcohol drinks, alcohol free beers")) == ["no-alcohol-drinks", "no-alcohol-drinks"])
        #expect(conceptIDs(analyzer.analyze("CREME FRAICHE")) == ["creme-fraiche"])
    }

    @Test func tagsNameConceptsOrFallBackToText() {
        var cache = TextAnalyzer.Cache()
        let analysis = analyzer.analyze(tags: ["pla-film", "Importer", "cold chain"], cache: &cache)
        #expect(conceptIDs(analysis) == ["pla-film", "distribution-partner"])
        #expect(analysis.concepts.map(\.surface) == ["PLA film", "Importer"])  // an id reads as the label
        #expect(analysis.terms == ["pla", "film", "importer", "cold", "chain"])
        #expect(analysis.phraseStarts == [2, 3])  // each tag is a phrase
    }

    /// A phrase break before a stop word starts the phrase at the next term; the tags
    /// after a text, and the sector pseudo-terms after them, start phrases of their own.
    @Test func phrasesStartAfterBreaksAcrossStopWords() {
        var cache = TextAnalyzer.Cache()
        var analysis = analyzer.analyze("Compostable films. Also trays for the cold chain", cache: &cache)
        #expect(analysis.terms == ["compostable", "film", "tray", "cold", "chain"])
        #expect(analysis.phraseStarts == [2])
        // A list's conjunctions part its items as commas do.
        #expect(analyzer.analyze("Suppliers and research institutes or universities", cache: &cache).phraseStarts == [1, 3])
        analysis.append(analyzer.analyze(tags: ["pla-film", "beverage cans"], cache: &cache))
        #expect(analysis.phraseStarts == [2, 5, 7])
        let profile = ProfileAnalysis.analyze([MatchingFixtures.participant("p", offers: "PLA films. Cans", needs: "")], with: analyzer)
        #expect(profile[0].offers.terms.count == 5 && profile[0].offers.phraseStarts == [2, 3, 4])  // "cans", then two sector terms
        #expect(profile[0].needs.phraseStarts.isEmpty)
    }

    /// A term the tokenizer reduces to one common word (it drops single letters and signs) is not
    /// indexed: with the real thesaurus' "R&D services", "C&D waste" and "e-trucks", every text
    /// saying "services", "waste" or "trucks" was contract research, construction waste or an
    /// electric truck, and two unrelated firms were "linked" by it.
    @Test func termsReducedToOneCommonWordAreNotIndexed() {
        let thesaurus = Thesaurus([
            Concept(id: "contract-research", label: "Contract research", sector: "research",
                    synonyms: ["R&D services", "contract R&D", "research services"]),
            Concept(id: "construction-waste", label: "Construction and demolition waste", sector: "waste",
                    synonyms: ["C&D waste"]),
            Concept(id: "electric-trucks", label: "Electric trucks", sector: "mobility", synonyms: ["e-trucks"]),
            Concept(id: "e-commerce-packaging", label: "E-commerce packaging", sector: "packaging", synonyms: []),
        ])
        let analyzer = TextAnalyzer(thesaurus: thesaurus)
        func ids(_ text: String) -> [String] { analyzer.analyze(text).concepts.map { thesaurus.concepts[$0.concept].id } }
        #expect(ids("Food-service distribution, waste hauling, trucks, a contract filler") == [])
        #expect(ids("We offer research services and contract research") == ["contract-research", "contract-research"])
        #expect(ids("Mailers for e-commerce packaging") == ["e-commerce-packaging"])  // two words are left: kept
        #expect(ids("Demolition: construction and demolition waste") == ["construction-waste"])
        #expect(ConceptMatcher.collapses("R&D services", into: Tokenizer.tokens(in: "R&D services")))
        #expect(!ConceptMatcher.collapses("research services", into: Tokenizer.tokens(in: "research services")))
        #expect(!ConceptMatcher.collapses("E-commerce packaging", into: Tokenizer.tokens(in: "E-commerce packaging")))
        #expect(!ConceptMatcher.collapses("Product-as-a-service", into: Tokenizer.tokens(in: "Product-as-a-service")))
        #expect(ConceptMatcher.collapses("Power-to-X", into: Tokenizer.tokens(in: "Power-to-X")))
    }

    @Test func contactDataNeverBecomesATerm() {
        let analysis = analyzer.analyze("Contact anna@nanoprogress.example or https://nanoprogress.example")
        #expect(analysis.terms == ["contact"])
    }
}

/// The byte-level tokenizer against a plain scalar-by-scalar reference.
struct TokenizerReferenceTests {
    /// The tokenizer's rules written the obvious way, on Unicode scalars.
    private func naiveTokens(_ text: String) -> [(folded: String, surface: String, uppercase: Int, startsPhrase: Bool)] {
        var result: [(String, String, Int, Bool)] = []
        let scalars = Array(text.unicodeScalars)
        let isWord: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic || $0.properties.numericType != nil }
        let isDigit: (Int) -> Bool = { $0 >= 0 && $0 < scalars.count && ("0"..."9").contains(scalars[$0]) }
        let lineBreaks: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
        func breaks(_ at: Int) -> Bool {
            let scalar = scalars[at]
            if lineBreaks.contains(scalar.value) { return true }
            if scalar == "." || scalar == "," { return !(isDigit(at - 1) && isDigit(at + 1)) }
            if scalar.isASCII { return ";:!?()[]{}|/\\".unicodeScalars.contains(scalar) }
            switch scalar.properties.generalCategory {
            case .otherPunctuation, .openPunctuation, .closePunctuation: return true
            case .dashPunctuation: return scalar.value == 0x2013 || scalar.value == 0x2014
            default: return false
            }
        }
        var pending = false
        var at = 0
        while at < scalars.count {
            if scalars[at].properties.isWhitespace {
                if breaks(at) { pending = true }
                at += 1
                continue
            }
            var end = at
            while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
            let chunk = String(String.UnicodeScalarView(scalars[at..<end]))
            let lower = chunk.lowercased()
            if chunk.contains("@") || lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") {
                pending = true
                at = end
                continue
            }
            var position = at
            while position < end {
                guard isWord(scalars[position]) else {
                    if breaks(position) { pending = true }
                    position += 1
                    continue
                }
                var wordEnd = position
                while wordEnd < end, isWord(scalars[wordEnd]) { wordEnd += 1 }
                if wordEnd - position >= 2 {
                    let word = scalars[position..<wordEnd]
                    let surface = String(String.UnicodeScalarView(word))
                    result.append((TextFolding.fold(surface), surface, word.filter { $0.properties.isUppercase }.count,
                                   pending && !result.isEmpty))
                    pending = false
                }
                position = wordEnd
            }
            at = end
        }
        return result
    }

    @Test func agreesWithTheReferenceOnRandomText() {
        var generator = SeededRandomNumberGenerator(seed: 5)
        let pieces = ["a", "B", "z", "Q", "7", "é", "É", "ß", "中", "ı", " ", " ", "\u{00A0}", "\u{3000}", "\n", "-", ",",
                      "@", "www.", "WWW.", "http://", "HTTPS://", "ﬁ", "Ö", "😀", "\t", ".", "x",
                      "(", ";", "/", "|", "…", "–", "\u{2010}", "\"", "’", "。", "\r\n", "\u{2028}", "&"]
        var phraseStarts = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let got = Tokenizer.tokens(in: text)
            let want = naiveTokens(text)
            #expect(got.count == want.count, "\(text.debugDescription)")
            for (token, expected) in zip(got, want) {
                #expect(token.folded == expected.folded && String(token.surface) == expected.surface
                        && token.uppercaseCount == expected.uppercase && token.startsPhrase == expected.startsPhrase,
                        "\(text.debugDescription)")
                if token.startsPhrase { phraseStarts += 1 }
            }
        }
        #expect(phraseStarts > 500)
    }
}
