import Foundation
import Testing
import SentenceEncoder

/// WordPieceTokenizer against a naive, obviously correct BERT tokenizer
/// written here from the textbook description, on Strings, with Swift's own
/// Unicode properties: random texts over a mixed alphabet, random small
/// vocabularies, random settings and lengths. The alphabet holds only
/// characters old enough that Swift's Unicode tables and BERT's agree on them.
@Suite struct WordPieceRandomizedTests {
    /// The textbook tokenizer: BERT's BasicTokenizer then WordpieceTokenizer.
    struct NaiveTokenizer {
        var vocabulary: [String]
        var lowercase: Bool
        var stripAccents: Bool
        var chinese: Bool
        var maximumLength: Int

        /// Tokens compare by scalars, as bytes do in the reference: Swift's
        /// `==` on Strings is canonical equivalence, so "한" would equal its
        /// NFD jamo, and "é" its decomposed form.
        func index(_ token: String) -> Int? { ids[Array(token.unicodeScalars)] }

        let ids: [[Unicode.Scalar]: Int]

        init(vocabulary: [String], lowercase: Bool, stripAccents: Bool, chinese: Bool, maximumLength: Int) {
            self.vocabulary = vocabulary
            self.lowercase = lowercase
            self.stripAccents = stripAccents
            self.chinese = chinese
            self.maximumLength = maximumLength
            ids = Dictionary(vocabulary.enumerated().map { (Array($0.element.unicodeScalars), $0.offset) }) { first, _ in first }
        }

        func id(_ token: String) -> Int32 { Int32(index(token)!) }

        static func isChinese(_ s: Unicode.Scalar) -> Bool {
            switch s.value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F, 0x2B740...0x2B81F,
                 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
                return true
            default:
                return false
            }
        }

        static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
            if (33...47).contains(s.value) || (58...64).contains(s.value) || (91...96).contains(s.value)
                || (123...126).contains(s.value) {
                return true
            }
            switch s.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return true
            default:
                return false
            }
        }

        static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
            s == "\t" || s == "\n" || s == "\r" || s.properties.isWhitespace
        }

        static func isControl(_ s: Unicode.Scalar) -> Bool {
            if s == "\t" || s == "\n" || s == "\r" { return false }
            switch s.properties.generalCategory {
            case .control, .format, .privateUse: return true
            default: return false
            }
        }

        /// Whitespace-separated words of the cleaned text, then each
        /// normalized and split at punctuation (BERT's BasicTokenizer).
        func words(_ text: String) -> [String] {
            var cleaned = ""
            for s in text.unicodeScalars {
                if s.value == 0 || s.value == 0xFFFD || Self.isControl(s) { continue }
                if Self.isWhitespace(s) { cleaned += " "; continue }
                if chinese && Self.isChinese(s) { cleaned += " \(s) "; continue }
                cleaned.unicodeScalars.append(s)
            }
            var result: [String] = []
            // Split the scalars, not the Characters: " " + U+0327 is one
            // Character (a space carrying a cedilla) but two scalars to BERT.
            for word in cleaned.unicodeScalars.split(separator: " ") {
                var w = String(String.UnicodeScalarView(word))
                if stripAccents {
                    w = String(String.UnicodeScalarView(
                        w.decomposedStringWithCanonicalMapping.unicodeScalars
                            .filter { $0.properties.generalCategory != .nonspacingMark }))
                }
                if lowercase {
                    w = w.unicodeScalars.map { $0.properties.lowercaseMapping }.joined()
                }
                var current = ""
                for s in w.unicodeScalars {
                    if Self.isPunctuation(s) {
                        if !current.isEmpty { result.append(current) }
                        result.append(String(s))
                        current = ""
                    } else {
                        current.unicodeScalars.append(s)
                    }
                }
                if !current.isEmpty { result.append(current) }
            }
            return result
        }

        /// WordpieceTokenizer: for each word, the longest prefix in the
        /// vocabulary, then the longest "##" + prefix of the rest, …
        func pieces(_ word: String) -> [String] {
            let scalars = Array(word.unicodeScalars)
            if scalars.count > 100 { return ["[UNK]"] }
            var result: [String] = []
            var start = 0
            while start < scalars.count {
                var end = scalars.count
                var found: String?
                while start < end {
                    var candidate = String(String.UnicodeScalarView(scalars[start..<end]))
                    if start > 0 { candidate = "##" + candidate }
                    if index(candidate) != nil {
                        found = candidate
                        break
                    }
                    end -= 1
                }
                guard let found else { return ["[UNK]"] }
                result.append(found)
                start = end
            }
            return result
        }

        func tokenIDs(_ text: String) -> [Int32] {
            // Special tokens in the text are cut out first, verbatim.
            var segments: [(String, Bool)] = []
            let specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].filter { index($0) != nil }
                .map { ($0, Array($0.unicodeScalars)) }
            let scalars = Array(text.unicodeScalars)
            var current = String.UnicodeScalarView()
            var i = 0
            while i < scalars.count {
                if let (special, pattern) = specials.first(where: {
                    i + $0.1.count <= scalars.count && Array(scalars[i..<(i + $0.1.count)]) == $0.1
                }) {
                    segments.append((String(current), false))
                    segments.append((special, true))
                    current = String.UnicodeScalarView()
                    i += pattern.count
                } else {
                    current.append(scalars[i])
                    i += 1
                }
            }
            segments.append((String(current), false))
            var ids: [Int32] = []
            for (segment, special) in segments {
                if special {
                    ids.append(id(segment))
                } else {
                    for word in words(segment) { ids += pieces(word).map(id) }
                }
            }
            return [id("[CLS]")] + ids.prefix(maximumLength - 2) + [id("[SEP]")]
        }
    }

    static let alphabet: [String] = {
        var a = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").map(String.init)
        a += Array(".,;:!?-_/()[]{}'\"@#$%&*+=<>|~^`").map(String.init)
        a += Array("àáâäçèéêëìíîïñòóôöùúûüýÿßøæœÀÁÂÄÇÈÉÊËÑÖÜİı").map(String.init)
        a += ["\u{300}", "\u{301}", "\u{308}", "\u{327}"]
        a += Array("中文日本語漢字한국어ひらがな").map(String.init)
        a += [" ", " ", " ", " ", " ", "\t", "\n", "\u{A0}", "\u{3000}", "\u{200B}", "\u{AD}", "\u{0}", "\u{FFFD}"]
        a += Array("—–…“”‘’«»¿¡§°±×÷€£").map(String.init)
        a += ["[SEP]", "[CLS]", "[MASK]", "##"]
        return a
    }()

    /// Short random pieces over the letters the normalized texts can hold.
    static func randomVocabulary(_ rng: inout SplitMix64) -> [String] {
        let letters = Array("abcdefghijklmnopqrstuvwxyz0123456789àéçñößøæœı中文日本語漢字한국어ひらがな").map(String.init)
            + Array(".,;:!?-_/()[]{}'\"@#$%&*+=<>|~^`—–…“”‘’«»¿¡§°±×÷€£").map(String.init)
        var vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
        if Bool.random(using: &rng) { vocabulary.append("[MASK]") }
        var seen = Set(vocabulary)
        for _ in 0..<Int.random(in: 20...200, using: &rng) {
            let length = Int.random(in: 1...3, using: &rng)
            var token = (0..<length).map { _ in letters.randomElement(using: &rng)! }.joined()
            if Int.random(in: 0..<3, using: &rng) != 0 { token = "##" + token }
            if seen.insert(token).inserted { vocabulary.append(token) }
        }
        return vocabulary
    }

    static func randomText(_ rng: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...150, using: &rng) {
            if Int.random(in: 0..<80, using: &rng) == 0 {
                // Now and then a long word, to cross the 100-scalar limit.
                text += String(repeating: ["a", "é", "b"].randomElement(using: &rng)!, count: Int.random(in: 90...110, using: &rng))
            } else {
                text += alphabet.randomElement(using: &rng)!
            }
        }
        return text
    }

    @Test(arguments: 0..<8)
    func matchesTheNaiveTokenizer(seed: UInt64) throws {
        var rng = SplitMix64(seed: 0x5EED_0000 + seed)
        var failures = 0
        for _ in 0..<40 {
            let vocabulary = Self.randomVocabulary(&rng)
            let lowercase = Int.random(in: 0..<4, using: &rng) != 0
            let strip: Bool? = [nil, true, false].randomElement(using: &rng)!
            let chinese = Int.random(in: 0..<4, using: &rng) != 0
            let maximumLength = [2, 3, 8, 32, 512].randomElement(using: &rng)!
            let tokenizer = try WordPieceTokenizer(
                vocabulary: vocabulary, lowercase: lowercase, stripAccents: strip,
                tokenizeChineseCharacters: chinese, maximumLength: maximumLength)
            let naive = NaiveTokenizer(
                vocabulary: vocabulary, lowercase: lowercase, stripAccents: strip ?? lowercase,
                chinese: chinese, maximumLength: maximumLength)
            for _ in 0..<10 {
                let text = Self.randomText(&rng)
                let expected = naive.tokenIDs(text)
                let got = tokenizer.tokenIDs(for: text)
                if got != expected {
                    failures += 1
                    if failures <= 3 {
                        Issue.record("""
                            lowercase \(lowercase), strip \(String(describing: strip)), chinese \(chinese), max \(maximumLength)
                            text \(text.unicodeScalars.map { String($0.value, radix: 16) })
                            got      \(tokenizer.tokens(for: text))
                            expected \(expected.map { vocabulary[Int($0)] })
                            """)
                    }
                }
            }
        }
        #expect(failures == 0)
    }
}
