/// Finds the vocabulary word a long misspelt word was meant to be: one
/// insertion, deletion, substitution or swap of neighbours away
/// (`compostible` → `compostable`, `biodegradeable` → `biodegradable`).
///
/// Only words of ``minimumLength`` letters or more are corrected: short words
/// are too close to each other for one edit to mean a typo. Lookups use a
/// deletion index (each word with one letter removed), so a query costs
/// O(*L*) hash lookups for a word of length *L*. When several words are one
/// edit away, the first in vocabulary order wins. The edit never touches the
/// first letter: a writer rarely gets it wrong, and a word that differs there
/// is usually another word (`edtech` is not `medtech`, `methylene` not
/// `ethylene`, `escale` not `scale`).
///
/// Words longer than ``maximumLength`` (``FormatLimits/maxCorrectedWordLength``,
/// 64 letters) or more than one letter longer than the longest vocabulary word
/// are kept as written without a lookup: no vocabulary word can be one edit
/// away, and each lookup copies the word, so a 100 KB "word" in a hostile file
/// would otherwise cost time quadratic in its length.
package struct TypoCorrector: Sendable {
    /// The shortest word that is corrected.
    package let minimumLength: Int
    /// The longest word that is corrected; vocabulary words longer than this are not used.
    package let maximumLength: Int
    private let longestWord: Int
    private let words: [[UInt8]]
    private let wordIndex: [[UInt8]: Int32]
    private let deletions: [[UInt8]: [Int32]]

    /// Builds the index.
    ///
    /// - Parameters:
    ///   - vocabulary: The correct words, folded, in priority order.
    ///   - minimumLength: The shortest word corrected (default 6).
    ///   - maximumLength: The longest word corrected (default ``FormatLimits/maxCorrectedWordLength``).
    /// - Complexity: O(*V* × *L*) for *V* words of length *L*.
    package init(vocabulary: some Sequence<String>, minimumLength: Int = 6,
                maximumLength: Int = FormatLimits.maxCorrectedWordLength) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        var longestWord = 0
        var words: [[UInt8]] = []
        var wordIndex: [[UInt8]: Int32] = [:]
        var deletions: [[UInt8]: [Int32]] = [:]
        for word in vocabulary where word.utf8.count >= minimumLength - 1 && word.utf8.count <= maximumLength {
            let bytes = Array(word.utf8)
            guard wordIndex[bytes] == nil else { continue }
            longestWord = max(longestWord, bytes.count)
            let id = Int32(words.count)
            words.append(bytes)
            wordIndex[bytes] = id
            for position in bytes.indices {
                var deleted = bytes
                deleted.remove(at: position)
                if deletions[deleted, default: []].last != id { deletions[deleted, default: []].append(id) }
            }
        }
        self.longestWord = longestWord
        self.words = words
        self.wordIndex = wordIndex
        self.deletions = deletions
    }

    /// Whether the word is in the vocabulary as written.
    package func contains(_ word: String) -> Bool { wordIndex[Array(word.utf8)] != nil }

    /// The vocabulary word one edit away from `word`, if `word` is long enough and not itself in the vocabulary.
    ///
    /// - Parameter word: A folded word.
    /// - Returns: The correction, or `nil`.
    /// - Complexity: O(*L*) lookups, plus O(*L*) per candidate checked, for *L* ≤ ``maximumLength``;
    ///   O(1) for a longer word.
    package func correction(for word: String) -> String? {
        let length = word.utf8.count
        guard length >= minimumLength, length <= min(maximumLength, longestWord + 1) else { return nil }
        let bytes = Array(word.utf8)
        guard wordIndex[bytes] == nil else { return nil }
        var best: Int32?
        func consider(_ id: Int32) {
            let candidate = words[Int(id)]
            if best.map({ id < $0 }) ?? true, candidate.first == bytes.first, Self.isOneEditApart(bytes, candidate) { best = id }
        }
        // A letter missing from `word`: `word` is a deletion of a vocabulary word.
        for id in deletions[bytes] ?? [] { consider(id) }
        for position in bytes.indices {
            var deleted = bytes
            deleted.remove(at: position)
            // A letter too many in `word`.
            if let id = wordIndex[deleted] { consider(id) }
            // A wrong or swapped letter: both lose one letter to the same string.
            for id in deletions[deleted] ?? [] { consider(id) }
        }
        return best.map { String(decoding: words[Int($0)], as: UTF8.self) }
    }

    /// Whether two words differ by exactly one insertion, deletion, substitution or adjacent swap.
    static func isOneEditApart(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return false }
        if a.count == b.count {
            let differences = a.indices.filter { a[$0] != b[$0] }
            if differences.count == 1 { return true }
            if differences.count == 2, differences[1] == differences[0] + 1 {
                let i = differences[0]
                return a[i] == b[i + 1] && a[i + 1] == b[i]
            }
            return false
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count, short[i] == long[i] { i += 1 }
        return short[i...] == long[(i + 1)...]
    }
}
