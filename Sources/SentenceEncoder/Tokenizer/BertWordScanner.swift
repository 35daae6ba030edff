/// BertNormalizer's settings, as HuggingFace `tokenizers` names them.
struct BertNormalization: Sendable, Equatable {
    /// clean_text: drop U+0000, U+FFFD and control/format/private-use
    /// characters, turn whitespace into U+0020.
    var cleanText = true
    /// handle_chinese_chars: spaces around CJK ideographs.
    var handleChineseCharacters = true
    /// strip_accents (resolved: `nil` in a config follows `lowercase`): NFD,
    /// then drop nonspacing marks.
    var stripAccents = true
    /// lowercase: full lowercase mapping, character by character.
    var lowercase = true
    /// A `Lowercase` normalizer before BertNormalizer, as sentence-transformers
    /// inserts when sentence_bert_config.json says `do_lower_case: true`.
    var lowercaseFirst = false
}

/// Receives what `BertWordScanner` finds, in text order.
protocol BertWordSink {
    /// A word of the pre-tokenizer: its UTF-8 (empty when the word has more
    /// scalars than the scanner keeps) and its length in Unicode scalars.
    mutating func word(_ utf8: UnsafeBufferPointer<UInt8>, scalarCount: Int)
    /// A special token (`[SEP]`…) matched in the raw text.
    mutating func special(_ id: Int32)
    /// True once nothing more is wanted: the scan stops early (truncation).
    var isFull: Bool { get }
}

/// The special tokens the reference matches in the raw text before
/// normalizing it (`tokenizers`' AddedVocabulary: tokens with
/// `normalized: false`, leftmost-longest, case-sensitive), so that a text
/// containing `[SEP]` yields the id of `[SEP]`, not `[`, `sep`, `]`.
struct SpecialTokenMatcher: Sendable {
    /// Longest first, so the first match at a position is the longest.
    private let tokens: [(utf8: [UInt8], id: Int32)]
    /// `startsToken[b]`: some token begins with byte `b`.
    private let startsToken: [Bool]

    init(_ tokens: [(String, Int32)]) {
        let sorted = tokens.map { (utf8: Array($0.0.utf8), id: $0.1) }
            .filter { !$0.utf8.isEmpty }
            .sorted { $0.utf8.count > $1.utf8.count }
        var starts = [Bool](repeating: false, count: 256)
        for token in sorted { starts[Int(token.utf8[0])] = true }
        self.tokens = sorted
        self.startsToken = starts
    }

    /// No tokens to match.
    static let none = SpecialTokenMatcher([])

    /// The token starting at `bytes[i]`, if any: its id and length in bytes.
    /// O(number of tokens · their length), only where a token can start.
    @inline(__always)
    func match(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (id: Int32, length: Int)? {
        guard startsToken[Int(bytes[i])] else { return nil }
        for token in tokens where token.utf8.count <= bytes.count - i {
            var k = 0
            while k < token.utf8.count && bytes[i + k] == token.utf8[k] { k += 1 }
            if k == token.utf8.count { return (token.id, k) }
        }
        return nil
    }
}

/// BertNormalizer followed by BertPreTokenizer, in one pass over the text:
/// each scalar goes through clean_text, handle_chinese_chars, strip_accents
/// (NFD, canonical reordering, drop Mn) and lowercasing, then the
/// pre-tokenizer's split on whitespace and punctuation, and finished words go
/// to the sink. Every step but the reordering is a map of one scalar to zero
/// or more scalars, so streaming them gives the same words as running each
/// step over the whole text; the reordering only holds back a run of
/// combining marks until the next starter. O(text length); memory is one word
/// (capped at `wordLimit` scalars) and one run of kept combining marks.
struct BertWordScanner<Sink: BertWordSink> {
    private let data: BertUnicodeData
    private let options: BertNormalization
    private let wordLimit: Int
    var sink: Sink

    /// The current word's UTF-8, allocated for the duration of `scan`.
    private var word: UnsafeMutablePointer<UInt8>?
    private var wordCapacity = 0
    private var wordBytes = 0
    private var wordScalars = 0
    /// Combining marks (nonzero class, not dropped) awaiting reordering.
    private var marks: [(scalar: UInt32, combiningClass: UInt8)] = []
    private let spaceFlags: UInt16

    /// A scanner feeding `sink`; words longer than `wordLimit` scalars are
    /// passed on with their length but no bytes.
    init(options: BertNormalization, data: BertUnicodeData, wordLimit: Int, sink: Sink) {
        self.options = options
        self.data = data
        self.wordLimit = wordLimit
        self.sink = sink
        self.spaceFlags = data.flags(of: 0x20)
    }

    /// Scans `text`, matching `specials` in the raw text first. Stops as soon
    /// as the sink is full.
    mutating func scan(_ text: UnsafeBufferPointer<UInt8>, specials: SpecialTokenMatcher) {
        // A word keeps at most `wordLimit` scalars of at most 4 bytes.
        wordCapacity = 4 * min(wordLimit, 1024) + 4
        word = .allocate(capacity: wordCapacity)
        defer {
            word?.deallocate()
            word = nil
            wordCapacity = 0
        }
        var i = 0
        let n = text.count
        while i < n && !sink.isFull {
            let b0 = text[i]
            if let special = specials.match(text, at: i) {
                endSegment()
                sink.special(special.id)
                i += special.length
                continue
            }
            // Swift strings hold valid UTF-8.
            let v: UInt32
            if b0 < 0x80 {
                v = UInt32(b0)
                i += 1
            } else if b0 < 0xE0 {
                v = UInt32(b0 & 0x1F) << 6 | UInt32(text[i + 1] & 0x3F)
                i += 2
            } else if b0 < 0xF0 {
                v = UInt32(b0 & 0x0F) << 12 | UInt32(text[i + 1] & 0x3F) << 6 | UInt32(text[i + 2] & 0x3F)
                i += 3
            } else {
                v = UInt32(b0 & 0x07) << 18 | UInt32(text[i + 1] & 0x3F) << 12
                    | UInt32(text[i + 2] & 0x3F) << 6 | UInt32(text[i + 3] & 0x3F)
                i += 4
            }
            if options.lowercaseFirst {
                lowercaseFirst(v)
            } else {
                clean(v, data.flags(of: v))
            }
        }
        endSegment()
    }

    /// The end of the text or of the text before a special token: the
    /// reference normalizes and splits each such segment on its own.
    private mutating func endSegment() {
        if !marks.isEmpty { flushMarks() }
        endWord()
    }

    // MARK: - The steps, one scalar at a time

    /// sentence-transformers' `Lowercase` normalizer, before BertNormalizer.
    @inline(__always)
    private mutating func lowercaseFirst(_ v: UInt32) {
        let f = data.flags(of: v)
        if f & BertUnicodeData.Flag.lowercases == 0 {
            clean(v, f)
        } else if v < 0x80 {
            clean(v + 32, data.flags(of: v + 32))
        } else {
            for i in data.lowercase(of: v) {
                let l = data.mapped(i)
                clean(l, data.flags(of: l))
            }
        }
    }

    /// clean_text, then handle_chinese_chars.
    @inline(__always)
    private mutating func clean(_ v: UInt32, _ f: UInt16) {
        if options.cleanText {
            if f & BertUnicodeData.Flag.removed != 0 { return }
            if f & BertUnicodeData.Flag.cleanSpace != 0 {
                decompose(0x20, spaceFlags)
                return
            }
        }
        if options.handleChineseCharacters && f & BertUnicodeData.Flag.chinese != 0 {
            decompose(0x20, spaceFlags)
            decompose(v, f)
            decompose(0x20, spaceFlags)
            return
        }
        decompose(v, f)
    }

    /// strip_accents: NFD (decomposition, then canonical reordering of
    /// combining marks), dropping nonspacing marks.
    @inline(__always)
    private mutating func decompose(_ v: UInt32, _ f: UInt16) {
        guard options.stripAccents else {
            lowercase(v, f)
            return
        }
        if f & BertUnicodeData.Flag.decomposes == 0 {
            reorder(v, f)
        } else if BertUnicodeData.isHangulSyllable(v) {
            let (lead, vowel, trail) = BertUnicodeData.hangulJamo(of: v)
            reorder(lead, data.flags(of: lead))
            reorder(vowel, data.flags(of: vowel))
            if trail != 0 { reorder(trail, data.flags(of: trail)) }
        } else {
            for i in data.decomposition(of: v) {
                let d = data.mapped(i)
                reorder(d, data.flags(of: d))
            }
        }
    }

    /// Canonical reordering of a decomposed scalar. A dropped mark is left out
    /// of the run at once: the sort is stable, so the marks kept come out in
    /// the same order either way.
    @inline(__always)
    private mutating func reorder(_ v: UInt32, _ f: UInt16) {
        if f & BertUnicodeData.Flag.combining != 0 {
            if f & BertUnicodeData.Flag.nonspacingMark == 0 {
                marks.append((v, data.combiningClass(of: v)))
            }
            return
        }
        if !marks.isEmpty { flushMarks() }
        if f & BertUnicodeData.Flag.nonspacingMark != 0 { return }
        lowercase(v, f)
    }

    /// The held-back marks, stably sorted by combining class.
    private mutating func flushMarks() {
        var run = marks
        marks.removeAll(keepingCapacity: true)
        if run.count > 1 {
            if run.count <= 16 {  // insertion sort: stable
                for i in 1..<run.count {
                    let item = run[i]
                    var j = i
                    while j > 0 && run[j - 1].combiningClass > item.combiningClass {
                        run[j] = run[j - 1]
                        j -= 1
                    }
                    run[j] = item
                }
            } else {  // stable by the index tie-break
                run = run.enumerated()
                    .sorted { ($0.element.combiningClass, $0.offset) < ($1.element.combiningClass, $1.offset) }
                    .map(\.element)
            }
        }
        for mark in run { lowercase(mark.scalar, data.flags(of: mark.scalar)) }
    }

    /// lowercase.
    @inline(__always)
    private mutating func lowercase(_ v: UInt32, _ f: UInt16) {
        guard options.lowercase && f & BertUnicodeData.Flag.lowercases != 0 else {
            split(v, f)
            return
        }
        if v < 0x80 {
            split(v + 32, data.flags(of: v + 32))
        } else {
            for i in data.lowercase(of: v) {
                let l = data.mapped(i)
                split(l, data.flags(of: l))
            }
        }
    }

    /// BertPreTokenizer: split on whitespace (dropped), and around punctuation
    /// (kept, one word per character).
    @inline(__always)
    private mutating func split(_ v: UInt32, _ f: UInt16) {
        if f & BertUnicodeData.Flag.splitSpace != 0 {
            endWord()
        } else if f & BertUnicodeData.Flag.punctuation != 0 {
            endWord()
            append(v)
            endWord()
        } else {
            append(v)
        }
    }

    @inline(__always)
    private mutating func append(_ v: UInt32) {
        wordScalars += 1
        guard wordScalars <= wordLimit else { return }
        if wordBytes + 4 > wordCapacity { growWord() }
        let p = word.unsafelyUnwrapped + wordBytes
        if v < 0x80 {
            p[0] = UInt8(v)
            wordBytes += 1
        } else if v < 0x800 {
            p[0] = UInt8(0xC0 | v >> 6)
            p[1] = UInt8(0x80 | v & 0x3F)
            wordBytes += 2
        } else if v < 0x10000 {
            p[0] = UInt8(0xE0 | v >> 12)
            p[1] = UInt8(0x80 | v >> 6 & 0x3F)
            p[2] = UInt8(0x80 | v & 0x3F)
            wordBytes += 3
        } else {
            p[0] = UInt8(0xF0 | v >> 18)
            p[1] = UInt8(0x80 | v >> 12 & 0x3F)
            p[2] = UInt8(0x80 | v >> 6 & 0x3F)
            p[3] = UInt8(0x80 | v & 0x3F)
            wordBytes += 4
        }
    }

    /// Only when `wordLimit` is above 1024 scalars (the tests' unlimited words).
    private mutating func growWord() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * wordCapacity)
        larger.update(from: word.unsafelyUnwrapped, count: wordBytes)
        word?.deallocate()
        word = larger
        wordCapacity *= 2
    }

    @inline(__always)
    private mutating func endWord() {
        guard wordScalars > 0 else { return }
        let bytes = wordScalars <= wordLimit ? wordBytes : 0
        sink.word(UnsafeBufferPointer(start: word, count: bytes), scalarCount: wordScalars)
        wordBytes = 0
        wordScalars = 0
    }
}
