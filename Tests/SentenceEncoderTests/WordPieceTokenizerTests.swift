import Foundation
import Testing
@testable import SentenceEncoder

/// Exact tokens on a small hand-written vocabulary.
@Suite struct WordPieceTokenizerTests {
    static let vocabulary = [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
        "un", "##aff", "##able", "aff", "able", "##a", "a", "b", "##b", "c", "d", "e",
        "he", "hello", "##llo", "world", "##s", ",", ".", "!", "?", "$", "-", "'", "¿", "—", "…", "(", ")", "[", "]",
        "cafe", "café", "Café", "naive", "i", "istanbul", "strasse", "straße",
        "中", "文", "##文", "x", "##x", "1", "000", "50", "%", "3", "5", "##5",
        "fi", "##ne", "ﬁ", "σ", "##α", "##σ", "ab", "##ab", "#", "##", "###",
    ]

    static func tokenizer(
        lowercase: Bool = true, stripAccents: Bool? = nil, chinese: Bool = true, maximumLength: Int = 512
    ) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(
            vocabulary: vocabulary, lowercase: lowercase, stripAccents: stripAccents,
            tokenizeChineseCharacters: chinese, maximumLength: maximumLength)
    }

    /// The tokens between [CLS] and [SEP] (which are checked to be there).
    static func pieces(_ text: String, _ tokenizer: WordPieceTokenizer) -> [String] {
        let tokens = tokenizer.tokens(for: text)
        #expect(tokens.first == "[CLS]" && tokens.last == "[SEP]" && tokens.count >= 2)
        return Array(tokens.dropFirst().dropLast())
    }

    @Test func sizesAndIDs() throws {
        let t = try Self.tokenizer(maximumLength: 7)
        #expect(t.vocabularySize == Self.vocabulary.count)
        #expect(t.maximumLength == 7)
        #expect(t.tokenIDs(for: "hello world") == [2, 18, 20, 3])
        #expect(t.tokens(for: "hello world") == ["[CLS]", "hello", "world", "[SEP]"])
    }

    @Test func emptyAndBlankTexts() throws {
        let t = try Self.tokenizer()
        for text in ["", " ", "   \t\n\r ", "\u{00A0}\u{3000}", "\u{200B}", "\u{0}\u{FFFD}\u{7}"] {
            #expect(t.tokenIDs(for: text) == [2, 3], "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func greedyLongestMatchFirst() throws {
        let t = try Self.tokenizer()
        #expect(Self.pieces("unaffable", t) == ["un", "##aff", "##able"])
        // "hello" beats "he" + "##llo": the longest prefix wins.
        #expect(Self.pieces("hello", t) == ["hello"])
        #expect(Self.pieces("hellos", t) == ["hello", "##s"])
        #expect(Self.pieces("ababab", t) == ["ab", "##ab", "##ab"])
        #expect(Self.pieces("aaa", t) == ["a", "##a", "##a"])
        // Greedy, not optimal: "abb" is "ab" + "##b", never "a" + "##b"…
        #expect(Self.pieces("abb", t) == ["ab", "##b"])
    }

    @Test func anUnsegmentableWordIsOneUnknown() throws {
        let t = try Self.tokenizer()
        #expect(Self.pieces("unaffz", t) == ["[UNK]"])  // not un ##aff [UNK]
        #expect(Self.pieces("zebra", t) == ["[UNK]"])
        #expect(Self.pieces("hello zebra world", t) == ["hello", "[UNK]", "world"])
        // "c" is a word start but there is no "##c".
        #expect(Self.pieces("ac", t) == ["[UNK]"])
    }

    @Test func wordsLongerThanAHundredScalarsAreOneUnknown() throws {
        let t = try Self.tokenizer(maximumLength: 1000)
        #expect(Self.pieces(String(repeating: "a", count: 100), t) == ["a"] + Array(repeating: "##a", count: 99))
        #expect(Self.pieces(String(repeating: "a", count: 101), t) == ["[UNK]"])
        // Scalars after normalization: "é" is one scalar in, "e" + U+0301 → "e" out.
        #expect(Self.pieces(String(repeating: "a\u{301}", count: 100), t).count == 100)
        #expect(Self.pieces(String(repeating: "a\u{301}", count: 101), t) == ["[UNK]"])
        // Accents kept: "a" + U+0301 is two scalars, so 51 of them exceed 100.
        let kept = try Self.tokenizer(stripAccents: false, maximumLength: 1000)
        #expect(Self.pieces(String(repeating: "a\u{301}", count: 51), kept) == ["[UNK]"])
        // Punctuation ends a word, so a long run of "a." is many short words.
        #expect(Self.pieces(String(repeating: "a.", count: 60), t).count == 120)
    }

    @Test func truncationKeepsSeparatorLast() throws {
        let t = try Self.tokenizer(maximumLength: 5)
        #expect(t.tokens(for: "a b c d e") == ["[CLS]", "a", "b", "c", "[SEP]"])
        #expect(t.tokens(for: "unaffable b") == ["[CLS]", "un", "##aff", "##able", "[SEP]"])
        #expect(t.tokens(for: "a unaffable") == ["[CLS]", "a", "un", "##aff", "[SEP]"])
        #expect(t.tokens(for: "a b c") == ["[CLS]", "a", "b", "c", "[SEP]"])
        let two = try Self.tokenizer(maximumLength: 2)
        #expect(two.tokens(for: "a b c") == ["[CLS]", "[SEP]"])
        let three = try Self.tokenizer(maximumLength: 3)
        #expect(three.tokens(for: "[SEP] a") == ["[CLS]", "[SEP]", "[SEP]"])
        let long = String(repeating: "a b ", count: 100_000)
        let ids = t.tokenIDs(for: long)
        #expect(ids == [2, 11, 12, 11, 3])
    }

    @Test func punctuationIsSplitOff() throws {
        let t = try Self.tokenizer()
        #expect(Self.pieces("hello,world!", t) == ["hello", ",", "world", "!"])
        #expect(Self.pieces("a...b", t) == ["a", ".", ".", ".", "b"])
        // ASCII symbols count as punctuation for BERT ($, ^, `…), Unicode P* too.
        #expect(Self.pieces("$5", t) == ["$", "5"])
        #expect(Self.pieces("¿a?", t) == ["¿", "a", "?"])
        #expect(Self.pieces("a—b…", t) == ["a", "—", "b", "…"])
        #expect(Self.pieces("don't", t) == ["[UNK]", "'", "[UNK]"])
        #expect(Self.pieces("(a)[b]", t) == ["(", "a", ")", "[", "b", "]"])
        // "#" is punctuation: "##" in a text is two words, never a prefix.
        #expect(Self.pieces("##a", t) == ["#", "#", "a"])
        #expect(Self.pieces("1,000.50 3.5%", t) == ["1", ",", "000", ".", "50", "3", ".", "5", "%"])
    }

    @Test func specialTokensInTheTextKeepTheirIDs() throws {
        let t = try Self.tokenizer()
        #expect(Self.pieces("a [SEP] b", t) == ["a", "[SEP]", "b"])
        #expect(Self.pieces("a[MASK]b[PAD]", t) == ["a", "[MASK]", "b", "[PAD]"])
        #expect(Self.pieces("[[CLS]]", t) == ["[", "[CLS]", "]"])
        // Matched in the raw text, case-sensitive, before normalization.
        #expect(Self.pieces("[sep]", t) == ["[", "[UNK]", "]"])
        #expect(Self.pieces("[SE\u{200B}P]", t) == ["[", "[UNK]", "]"])
        #expect(t.tokenIDs(for: "[UNK]") == [2, 1, 3])
    }

    @Test func accentsAreStrippedWhenLowercasing() throws {
        let uncased = try Self.tokenizer()
        #expect(Self.pieces("Café CAFÉ cafe\u{301}", uncased) == ["cafe", "cafe", "cafe"])
        #expect(Self.pieces("Naïve", uncased) == ["naive"])
        #expect(Self.pieces("İstanbul", uncased) == ["istanbul"])
        #expect(Self.pieces("STRASSE Straße", uncased) == ["strasse", "straße"])

        let lowercaseOnly = try Self.tokenizer(stripAccents: false)
        #expect(Self.pieces("Café CAFÉ", lowercaseOnly) == ["café", "café"])
        // Decomposed input stays decomposed: "cafe" + U+0301 is not "café".
        #expect(Self.pieces("cafe\u{301}", lowercaseOnly) == ["[UNK]"])
        // İ lowercases to i + U+0307, which is not in the vocabulary.
        #expect(Self.pieces("İstanbul", lowercaseOnly) == ["[UNK]"])

        let cased = try Self.tokenizer(lowercase: false)
        #expect(Self.pieces("Café café", cased) == ["Café", "café"])
        let casedStripped = try Self.tokenizer(lowercase: false, stripAccents: true)
        #expect(Self.pieces("Café", casedStripped) == ["[UNK]"])
        #expect(Self.pieces("café", casedStripped) == ["cafe"])
    }

    @Test func lowercasingIsPerScalarAndFull() throws {
        let t = try Self.tokenizer()
        // No final-sigma rule: Σ is always σ.
        #expect(Self.pieces("ΣΑΣ", t) == ["σ", "##α", "##σ"])
        // Ligatures are not decomposed (NFD, not NFKD).
        #expect(Self.pieces("ﬁne", t) == ["ﬁ", "##ne"])
    }

    @Test func chineseCharactersAreWordsOfTheirOwn() throws {
        let t = try Self.tokenizer()
        #expect(Self.pieces("中文x", t) == ["中", "文", "x"])
        #expect(Self.pieces("x中x", t) == ["x", "中", "x"])
        let off = try Self.tokenizer(chinese: false)
        #expect(Self.pieces("中文", off) == ["中", "##文"])
        #expect(Self.pieces("中文x", off) == ["中", "##文", "##x"])
        #expect(Self.pieces("x中", off) == ["[UNK]"])  // no "##中"
    }

    @Test func cleanTextDropsControlsAndMapsWhitespace() throws {
        let t = try Self.tokenizer()
        #expect(Self.pieces("hel\u{0}lo", t) == ["hello"])
        #expect(Self.pieces("hel\u{200B}lo", t) == ["hello"])  // zero-width space: format, dropped
        #expect(Self.pieces("hel\u{FFFD}lo", t) == ["hello"])
        #expect(Self.pieces("hel\u{AD}lo", t) == ["hello"])  // soft hyphen
        #expect(Self.pieces("hel\u{85}lo", t) == ["hello"])  // NEL is a control: dropped, not a space
        #expect(Self.pieces("hello\tworld\nhello\r\nworld", t) == ["hello", "world", "hello", "world"])
        #expect(Self.pieces("hello\u{A0}world\u{3000}a\u{2009}b", t) == ["hello", "world", "a", "b"])
        #expect(Self.pieces("a\u{E000}b", t) == ["ab"])  // private use: dropped
    }

    @Test func scalarsNotCharacters() throws {
        // "e" + U+0301 is one Character but two scalars; with accents kept the
        // mark is part of the word, and a ZWJ emoji sequence is several scalars.
        let t = try Self.tokenizer()
        #expect(Self.pieces("😀", t) == ["[UNK]"])
        #expect(Self.pieces("a👨\u{200D}👩b", t) == ["[UNK]"])
        #expect(Self.pieces("\u{301}", t) == [])  // a lone mark is stripped to nothing
    }

    @Test func aHugeWordIsOneUnknownAndStaysLinear() throws {
        let t = try Self.tokenizer()
        let word = String(repeating: "a", count: 1 << 20)
        #expect(t.tokenIDs(for: word) == [2, 1, 3])
        #expect(t.tokenIDs(for: word + " b") == [2, 1, 12, 3])
        let accents = String(repeating: "é", count: 1 << 19)  // 1 MiB of UTF-8
        #expect(t.tokenIDs(for: accents) == [2, 1, 3])
        let marks = "a" + String(repeating: "\u{301}\u{323}", count: 1 << 18)
        #expect(t.tokenIDs(for: marks) == [2, 11, 3])
    }

    @Test func valueTypeUsableFromManyTasks() async throws {
        let t = try Self.tokenizer()
        let results = await withTaskGroup(of: [Int32].self) { group in
            for _ in 0..<8 { group.addTask { t.tokenIDs(for: "unaffable hello, world!") } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == results[0] })
    }
}
