/// The Unicode facts BERT's normalizer and pre-tokenizer need, as HuggingFace
/// `tokenizers` has them, looked up in O(1) (O(log n) outside the BMP).
///
/// Why not Swift's `Unicode.Scalar.Properties`: `tokenizers` mixes Unicode
/// versions. Its control/format/private-use test (clean_text), punctuation
/// test (pre-tokenizer) and nonspacing-mark test (strip_accents) come from the
/// `unicode_categories` 0.1.1 crate, frozen at Unicode 9.0; its NFD comes from
/// `unicode-normalization-alignments`, its whitespace and lowercasing from the
/// Rust standard library. Swift's tables are newer: more than a hundred code
/// points are punctuation in one and not in the other, marks added since
/// Unicode 9 would be stripped, and so on. The tables in
/// `BertUnicodeTables.swift` were measured on the reference library code point
/// by code point (`Tests/SentenceEncoderTests/Fixtures/make_unicode_tables.py`),
/// so the tokenizer reproduces it whatever Unicode version Swift ships.
///
/// The tables are parsed once per process (a few milliseconds) into
/// immutable arrays (about 600 KiB, mostly direct tables for the BMP); a
/// tokenizer keeps a reference to them.
final class BertUnicodeData: Sendable {
    /// What BERT does with a code point (bits of `flags(of:)`).
    enum Flag {
        /// clean_text drops it: U+0000, U+FFFD, and Cc/Cf/Co (Unicode 9.0) except tab, LF, CR.
        static let removed: UInt16 = 0x01
        /// clean_text turns it into U+0020 (Rust `char::is_whitespace`, plus tab, LF, CR).
        static let cleanSpace: UInt16 = 0x02
        /// The pre-tokenizer splits on it and drops it (Rust `char::is_whitespace`).
        static let splitSpace: UInt16 = 0x04
        /// The pre-tokenizer makes it a word of its own: ASCII 33–47, 58–64,
        /// 91–96, 123–126, or P* in Unicode 9.0.
        static let punctuation: UInt16 = 0x08
        /// strip_accents drops it after NFD: Mn in Unicode 9.0.
        static let nonspacingMark: UInt16 = 0x10
        /// NFD replaces it (see `decomposition(of:)`).
        static let decomposes: UInt16 = 0x20
        /// Lowercasing changes it (see `lowercase(of:)`).
        static let lowercases: UInt16 = 0x40
        /// Nonzero canonical combining class: NFD reorders it.
        static let combining: UInt16 = 0x80
        /// handle_chinese_chars puts spaces around it (BERT's CJK ranges).
        static let chinese: UInt16 = 0x100
    }

    private struct Run: Sendable {
        var first: UInt32
        var last: UInt32
        var value: UInt16
    }

    /// Flags of U+0000…U+FFFF, indexed by code point.
    private let basicPlane: [UInt16]
    /// Flag runs above U+FFFF, ascending.
    private let supplementaryRuns: [Run]
    /// Canonical combining classes (nonzero ones), ascending runs.
    private let combiningRuns: [Run]
    /// Code point → (offset << 3 | count) in `mappedScalars`, 0 for none:
    /// direct tables for the BMP, dictionaries above.
    private let basicDecompositions: [UInt32]
    private let basicLowercase: [UInt32]
    private let decompositions: [UInt32: UInt32]
    private let lowercaseMappings: [UInt32: UInt32]
    private let mappedScalars: [UInt32]

    /// The tables, parsed on first use.
    static let shared = BertUnicodeData()

    private init() {
        var plane = [UInt16](repeating: 0, count: 0x10000)
        var supplementary: [Run] = []
        for run in Self.parseRuns(Self.flagRunsText) {
            if run.first > 0xFFFF {
                supplementary.append(run)
                continue
            }
            for v in run.first...min(run.last, 0xFFFF) { plane[Int(v)] = run.value }
            if run.last > 0xFFFF { supplementary.append(Run(first: 0x10000, last: run.last, value: run.value)) }
        }
        basicPlane = plane
        supplementaryRuns = supplementary
        combiningRuns = Self.parseRuns(Self.combiningClassRunsText)
        var scalars: [UInt32] = [0]  // offset 0 is never an entry, so 0 means none
        let allDecompositions = Self.parseMappings(Self.decompositionsText, into: &scalars)
        let allLowercase = Self.parseMappings(Self.lowercaseText, into: &scalars)
        mappedScalars = scalars
        func split(_ all: [UInt32: UInt32]) -> ([UInt32], [UInt32: UInt32]) {
            var basic = [UInt32](repeating: 0, count: 0x10000)
            var rest: [UInt32: UInt32] = [:]
            for (key, entry) in all {
                if key < 0x10000 { basic[Int(key)] = entry } else { rest[key] = entry }
            }
            return (basic, rest)
        }
        (basicDecompositions, decompositions) = split(allDecompositions)
        (basicLowercase, lowercaseMappings) = split(allLowercase)
    }

    /// The `Flag` bits of code point `v`. O(1) in the BMP, O(log runs) above.
    @inline(__always)
    func flags(of v: UInt32) -> UInt16 {
        if v < 0x10000 { return basicPlane[Int(v)] }
        return Self.find(v, in: supplementaryRuns)
    }

    /// The canonical combining class of `v` (0 for starters). O(log runs).
    func combiningClass(of v: UInt32) -> UInt8 {
        UInt8(truncatingIfNeeded: Self.find(v, in: combiningRuns))
    }

    /// Where the full canonical decomposition of `v` is in `mapped(_:)`:
    /// the range of indices, empty when there is none in the tables (Hangul
    /// syllables are decomposed algorithmically, see `isHangulSyllable`). O(1).
    @inline(__always)
    func decomposition(of v: UInt32) -> Range<Int> {
        range(v < 0x10000 ? basicDecompositions[Int(v)] : decompositions[v] ?? 0)
    }

    /// Where the lowercase mapping of `v` is in `mapped(_:)`; empty when
    /// lowercasing leaves `v` alone. O(1).
    @inline(__always)
    func lowercase(of v: UInt32) -> Range<Int> {
        range(v < 0x10000 ? basicLowercase[Int(v)] : lowercaseMappings[v] ?? 0)
    }

    /// A scalar of a decomposition or lowercase mapping.
    @inline(__always)
    func mapped(_ index: Int) -> UInt32 { mappedScalars[index] }

    @inline(__always)
    private func range(_ entry: UInt32) -> Range<Int> {
        let offset = Int(entry >> 3)
        return offset..<(offset + Int(entry & 7))
    }

    /// U+AC00…U+D7A3, decomposed by `hangulJamo(of:)`.
    @inline(__always)
    static func isHangulSyllable(_ v: UInt32) -> Bool { v >= 0xAC00 && v <= 0xD7A3 }

    /// The leading consonant, vowel and trailing consonant (0 for none) of a
    /// Hangul syllable: Unicode's algorithmic canonical decomposition.
    @inline(__always)
    static func hangulJamo(of v: UInt32) -> (UInt32, UInt32, UInt32) {
        let s = v - 0xAC00
        return (0x1100 + s / 588, 0x1161 + (s % 588) / 28, s % 28 == 0 ? 0 : 0x11A7 + s % 28)
    }

    private static func find(_ v: UInt32, in runs: [Run]) -> UInt16 {
        var low = 0
        var high = runs.count
        while low < high {
            let mid = (low + high) / 2
            if runs[mid].last < v { low = mid + 1 } else { high = mid }
        }
        if low < runs.count && runs[low].first <= v { return runs[low].value }
        return 0
    }

    // MARK: - Parsing the generated text tables

    /// Hex numbers and the separators between them, in order.
    private static func tokens(_ text: String) -> [(UInt32, UInt8)] {
        var result: [(UInt32, UInt8)] = []
        var value: UInt32 = 0
        var inNumber = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = value << 4 | UInt32(byte - UInt8(ascii: "0"))
                inNumber = true
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                value = value << 4 | UInt32(byte - UInt8(ascii: "A") + 10)
                inNumber = true
            case UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: " "):
                if inNumber { result.append((value, byte)) }
                value = 0
                inNumber = false
            default:
                break  // line breaks and indentation of the literal
            }
        }
        return result
    }

    /// `first[-last]:value;` entries.
    private static func parseRuns(_ text: String) -> [Run] {
        var runs: [Run] = []
        var first: UInt32 = 0
        var last: UInt32 = 0
        var haveLast = false
        for (number, separator) in tokens(text) {
            switch separator {
            case UInt8(ascii: "-"):
                first = number
            case UInt8(ascii: ":"):
                if haveLast { last = number } else { first = number; last = number }
                haveLast = false
            default:
                runs.append(Run(first: first, last: last, value: UInt16(number)))
            }
            if separator == UInt8(ascii: "-") { haveLast = true }
        }
        return runs
    }

    /// `key:v1 v2 …;` entries, their values appended to `scalars`.
    private static func parseMappings(_ text: String, into scalars: inout [UInt32]) -> [UInt32: UInt32] {
        var map: [UInt32: UInt32] = [:]
        var key: UInt32 = 0
        var start = scalars.count
        for (number, separator) in tokens(text) {
            switch separator {
            case UInt8(ascii: ":"):
                key = number
                start = scalars.count
            default:
                scalars.append(number)
                if separator == UInt8(ascii: ";") {
                    map[key] = UInt32(start) << 3 | UInt32(scalars.count - start)
                }
            }
        }
        return map
    }
}
