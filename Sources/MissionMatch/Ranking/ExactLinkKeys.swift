/// What the exact-link test of a ranking reads of every text, as small
/// sorted integer arrays: the ranking asks it of every candidate of every
/// pool (693,000 pairs for a 3,100 × 20,000 programme), where testing the
/// texts' stems as strings hashed each one and retained each text's keys.
///
/// A text `from` is exactly linked to a text `to` when they share a thesaurus
/// concept, or when two specific words of `from` are terms of `to` — exactly
/// when the reasons name a concept or shared phrases for that direction
/// (consecutive shared words make a phrase of two, others two runs; see
/// ``Explainer``). Stems are numbered once: every specific word of any text,
/// and every term beside one in its phrase (``ExplanationKeys/Word/before``,
/// ``ExplanationKeys/Word/after``: what the reasons add to a quoted phrase),
/// gets an id, and a text's terms are kept as the ids of those among them
/// that have one (no other term can match one).
package struct ExactLinkKeys: Sendable, Equatable {
    /// Per text (offers `0..<n`, then needs `n..<2n`), where its entries start in
    /// each flat array; entry `2n` is the end.
    private let conceptStart: [Int], specificStart: [Int], termStart: [Int]
    /// The texts' concept features, ascending, each once.
    private let concepts: [Int]
    /// The ids of the texts' specific words, one per entry of each text's
    /// `ExplanationKeys.Document.specific`, in its order (every specific stem
    /// has an id), so ``isTerm(specificWord:of:in:)`` can address them by place.
    private let specific: [Int]
    /// Two per entry of ``specific``: the ids of the terms before and after
    /// the word in its phrase, −1 for none.
    private let neighbours: [Int]
    /// The ids of the texts' terms that are some text's specific word, ascending.
    private let terms: [Int]
    /// The number of participants, n.
    private let count: Int
    /// Per text, 128 bits: bit `id % 128` set for each of ``terms``' ids. A
    /// specific word whose bit is clear in a text is not among its terms, so
    /// most words are ruled out without a search.
    private let termBits: [SIMD2<UInt64>]

    /// The keys of every participant's offers and needs.
    ///
    /// - Complexity: O(total terms), hashing each stem once; the texts are split over the cores.
    init(offers: [ExplanationKeys.Document], needs: [ExplanationKeys.Document]) {
        precondition(offers.count == needs.count, "one offer and one need text per participant")
        var ids: [String: Int] = [:]
        func number(_ stem: String?) {
            if let stem, ids[stem] == nil { ids[stem] = ids.count }
        }
        for documents in [offers, needs] {
            for document in documents {
                for word in document.specific {
                    number(word.stem)
                    number(word.before?.stem)
                    number(word.after?.stem)
                }
            }
        }
        let table = ids
        self.init(offers: offers, needs: needs) { document, _ in
            var neighbours: [Int] = []
            neighbours.reserveCapacity(2 * document.specific.count)
            for word in document.specific {
                neighbours.append(word.before.flatMap { table[$0.stem] } ?? -1)
                neighbours.append(word.after.flatMap { table[$0.stem] } ?? -1)
            }
            return (document.specific.compactMap { table[$0.stem] }, neighbours, document.terms.compactMap { table[$0] }.sorted())
        }
    }

    /// The keys of every text, the offers then the needs, on all cores: each
    /// text's concepts, and its specific word, neighbour and term ids as `ids`
    /// gives them for a document and its text number (two neighbours per
    /// specific word, −1 for none; terms ascending, each once).
    private init(
        offers: [ExplanationKeys.Document], needs: [ExplanationKeys.Document],
        ids: @Sendable (ExplanationKeys.Document, Int) -> (specific: [Int], neighbours: [Int], terms: [Int])
    ) {
        count = offers.count
        let keys: [Keys] = ParallelChunks.map(count: 2 * offers.count, minimumChunk: 1_024) { range in
            range.map { text in
                let document = text < offers.count ? offers[text] : needs[text - offers.count]
                let (specific, neighbours, terms) = ids(document, text)
                return Keys(concepts: Set(document.concepts.map { $0.feature }).sorted(), specific: specific,
                            neighbours: neighbours, terms: terms)
            }
        }
        (conceptStart, specificStart, termStart, concepts, specific, neighbours, self.terms) = Self.flattened(keys)
        termBits = Self.bits(keys.map(\.terms))
    }

    /// One text's keys before they are flattened.
    private struct Keys: Sendable {
        var concepts: [Int], specific: [Int], neighbours: [Int], terms: [Int]
    }

    /// Per text, the bits of its term ids (``termBits``).
    private static func bits(_ terms: [[Int]]) -> [SIMD2<UInt64>] {
        terms.map { ids in
            ids.reduce(into: SIMD2<UInt64>(0, 0)) { bits, id in bits[(id >> 6) & 1] |= 1 << UInt64(id & 63) }
        }
    }

    /// Each text's keys one after another, with where each text's entries start.
    private static func flattened(_ keys: [Keys]) -> (
        conceptStart: [Int], specificStart: [Int], termStart: [Int], concepts: [Int], specific: [Int], neighbours: [Int], terms: [Int]
    ) {
        var conceptStart = [0], specificStart = [0], termStart = [0]
        var concepts: [Int] = [], specific: [Int] = [], neighbours: [Int] = [], terms: [Int] = []
        for key in keys {
            concepts += key.concepts
            specific += key.specific
            neighbours += key.neighbours
            terms += key.terms
            conceptStart.append(concepts.count)
            specificStart.append(specific.count)
            termStart.append(terms.count)
        }
        return (conceptStart, specificStart, termStart, concepts, specific, neighbours, terms)
    }

    /// ``init(offers:needs:)`` for documents whose texts' stems are numbered
    /// by `terms` (the offers, then the needs, aligned with each text's
    /// terms): the same keys, numbered the same way, without hashing a stem.
    ///
    /// - Complexity: O(total terms), the texts split over the cores.
    init(offers: [ExplanationKeys.Document], needs: [ExplanationKeys.Document], terms: TermIDs) {
        precondition(offers.count == needs.count && terms.count == 2 * offers.count, "one numbered offer and need text per participant")
        // Specific stems and their neighbours numbered in the order init(offers:needs:) numbers them.
        var link = [Int](repeating: -1, count: terms.vocabulary.count)
        var numbered = 0
        for (start, documents) in [(0, offers), (offers.count, needs)] {
            for (index, document) in documents.enumerated() {
                let ids = terms.terms(of: start + index)
                func number(_ position: Int) {
                    let id = Int(ids[ids.startIndex + position])
                    if link[id] < 0 { link[id] = numbered; numbered += 1 }
                }
                for word in document.specific {
                    number(word.position)
                    if word.before != nil { number(word.position - 1) }
                    if word.after != nil { number(word.position + 1) }
                }
            }
        }
        let table = link
        self.init(offers: offers, needs: needs) { document, text in
            let ids = terms.terms(of: text)
            func id(_ position: Int) -> Int { table[Int(ids[ids.startIndex + position])] }
            var kept = ids.compactMap { table[Int($0)] >= 0 ? table[Int($0)] : nil }
            kept.sortAndRemoveDuplicates()
            var neighbours: [Int] = []
            neighbours.reserveCapacity(2 * document.specific.count)
            for word in document.specific {
                neighbours.append(word.before == nil ? -1 : id(word.position - 1))
                neighbours.append(word.after == nil ? -1 : id(word.position + 1))
            }
            return (document.specific.map { id($0.position) }, neighbours, kept)
        }
    }

    /// Whether participant `a`'s offers (`offering`) or needs are exactly
    /// linked to `b`'s needs or offers.
    ///
    /// - Complexity: O(c + s · log t) for c concepts, s specific words and t kept terms of the two texts.
    func linked(_ a: Int, _ b: Int, offering: Bool) -> Bool {
        let from = text(of: a, offering: offering), to = text(of: b, offering: !offering)
        return sharesConcept(from, to) || sharesTwoSpecificWords(from, to)
    }

    private func sharesConcept(_ from: Int, _ to: Int) -> Bool {
        var i = conceptStart[from], j = conceptStart[to]
        let iEnd = conceptStart[from + 1], jEnd = conceptStart[to + 1]
        while i < iEnd, j < jEnd {
            if concepts[i] == concepts[j] { return true }
            if concepts[i] < concepts[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    private func sharesTwoSpecificWords(_ from: Int, _ to: Int) -> Bool {
        let low = termStart[to], high = termStart[to + 1]
        guard high - low >= 2 else { return false }
        var shared = 0
        for index in specificStart[from]..<specificStart[from + 1] {
            let id = specific[index]
            guard mayHold(to, id), holds(id, low, high) else { continue }
            shared += 1
            if shared == 2 { return true }
        }
        return false
    }

    /// Whether specific word `index` of text `from` (its place in that text's
    /// `ExplanationKeys.Document.specific`) is a term of text `to`: the
    /// test ``Explainer`` names shared phrases with. Texts are numbered as
    /// here: participant p's offers p, its needs n + p.
    ///
    /// - Complexity: O(log t) for t kept terms of `to`.
    func isTerm(specificWord index: Int, of from: Int, in to: Int) -> Bool {
        let id = specific[specificStart[from] + index]
        return mayHold(to, id) && holds(id, termStart[to], termStart[to + 1])
    }

    /// Whether the term before (`after` false) or after specific word `index`
    /// of text `from` in its phrase (``ExplanationKeys/Word/before``,
    /// ``ExplanationKeys/Word/after``) is a term of text `to`: whether a
    /// reason may add it to the word's quoted phrase. False when there is none.
    ///
    /// - Complexity: O(log t) for t kept terms of `to`.
    func isTerm(neighbourAfter after: Bool, ofSpecificWord index: Int, of from: Int, in to: Int) -> Bool {
        let id = neighbours[2 * (specificStart[from] + index) + (after ? 1 : 0)]
        return id >= 0 && mayHold(to, id) && holds(id, termStart[to], termStart[to + 1])
    }

    /// Whether text `text`'s bits (``termBits``) leave room for term `id`: false means it is not among its terms.
    @inline(__always)
    private func mayHold(_ text: Int, _ id: Int) -> Bool {
        termBits[text][(id >> 6) & 1] & (1 << UInt64(id & 63)) != 0
    }

    /// The number of a participant's offer text (`offering`) or need text in ``isTerm(specificWord:of:in:)``.
    func text(of participant: Int, offering: Bool) -> Int { offering ? participant : count + participant }

    /// Whether the sorted `terms[low ..< high]` holds `id` (binary search).
    private func holds(_ id: Int, _ lower: Int, _ upper: Int) -> Bool {
        var low = lower, high = upper
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < upper && terms[low] == id
    }
}
