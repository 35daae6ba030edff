/// What the exact-link test of a ranking reads of every text, as small
/// sorted integer arrays: the ranking asks it of every candidate of every
/// pool (693,000 pairs for a 3,100 × 20,000 programme), where testing the
/// texts' stems as strings hashed each one and retained each text's keys.
///
/// A text `from` is exactly linked to a text `to` when they share a thesaurus
/// concept, or when two specific words of `from` are terms of `to` — exactly
/// when the reasons name a concept or shared phrases for that direction
/// (consecutive shared words make a phrase of two, others two runs; see
/// ``Explainer``). Stems are numbered once: every specific word of any text
/// gets an id, and a text's terms are kept as the ids of those among them
/// that are some text's specific word (no other term can match one).
struct ExactLinkKeys: Sendable {
    /// Per text (offers `0..<n`, then needs `n..<2n`), where its entries start in
    /// each flat array; entry `2n` is the end.
    private let conceptStart: [Int32], specificStart: [Int32], termStart: [Int32]
    /// The texts' concept features, ascending, each once.
    private let concepts: [Int32]
    /// The ids of the texts' specific words (each stem once per text).
    private let specific: [Int32]
    /// The ids of the texts' terms that are some text's specific word, ascending.
    private let terms: [Int32]
    /// The number of participants, n.
    private let count: Int

    /// The keys of every participant's offers and needs.
    ///
    /// - Complexity: O(total terms), hashing each stem once; the texts are split over the cores.
    init(offers: [ExplanationKeys.Document], needs: [ExplanationKeys.Document]) {
        precondition(offers.count == needs.count, "one offer and one need text per participant")
        count = offers.count
        var ids: [String: Int32] = [:]
        for documents in [offers, needs] {
            for document in documents {
                for word in document.specific where ids[word.stem] == nil { ids[word.stem] = Int32(ids.count) }
            }
        }
        let table = ids
        let texts = 2 * offers.count
        let keys: [(concepts: [Int32], specific: [Int32], terms: [Int32])] =
            ParallelChunks.map(count: texts, minimumChunk: 1_024) { range in
                range.map { text in
                    let document = text < offers.count ? offers[text] : needs[text - offers.count]
                    let concepts = Set(document.concepts.map { Int32(truncatingIfNeeded: $0.feature) }).sorted()
                    let specific = document.specific.compactMap { table[$0.stem] }
                    let terms = document.terms.compactMap { table[$0] }.sorted()
                    return (concepts, specific, terms)
                }
            }
        var conceptStart: [Int32] = [0], specificStart: [Int32] = [0], termStart: [Int32] = [0]
        var concepts: [Int32] = [], specific: [Int32] = [], terms: [Int32] = []
        for key in keys {
            concepts += key.concepts
            specific += key.specific
            terms += key.terms
            conceptStart.append(Int32(concepts.count))
            specificStart.append(Int32(specific.count))
            termStart.append(Int32(terms.count))
        }
        (self.conceptStart, self.specificStart, self.termStart) = (conceptStart, specificStart, termStart)
        (self.concepts, self.specific, self.terms) = (concepts, specific, terms)
    }

    /// Whether participant `a`'s offers (`offering`) or needs are exactly
    /// linked to `b`'s needs or offers.
    ///
    /// - Complexity: O(c + s · log t) for c concepts, s specific words and t kept terms of the two texts.
    func linked(_ a: Int, _ b: Int, offering: Bool) -> Bool {
        let from = offering ? a : count + a, to = offering ? count + b : b
        return sharesConcept(from, to) || sharesTwoSpecificWords(from, to)
    }

    private func sharesConcept(_ from: Int, _ to: Int) -> Bool {
        var i = Int(conceptStart[from]), j = Int(conceptStart[to])
        let iEnd = Int(conceptStart[from + 1]), jEnd = Int(conceptStart[to + 1])
        while i < iEnd, j < jEnd {
            if concepts[i] == concepts[j] { return true }
            if concepts[i] < concepts[j] { i += 1 } else { j += 1 }
        }
        return false
    }

    private func sharesTwoSpecificWords(_ from: Int, _ to: Int) -> Bool {
        let low = Int(termStart[to]), high = Int(termStart[to + 1])
        guard high - low >= 2 else { return false }
        var shared = 0
        for index in Int(specificStart[from])..<Int(specificStart[from + 1]) where holds(specific[index], low, high) {
            shared += 1
            if shared == 2 { return true }
        }
        return false
    }

    /// Whether the sorted `terms[low ..< high]` holds `id` (binary search).
    private func holds(_ id: Int32, _ lower: Int, _ upper: Int) -> Bool {
        var low = lower, high = upper
        while low < high {
            let middle = (low + high) / 2
            if terms[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < upper && terms[low] == id
    }
}
