/// The exact-evidence test the ranking asks of every candidate pair
/// (``Explainer/hasExactLink(_:_:)``), on integers.
///
/// A text links to another exactly when the reasons would name the link
/// (``Explainer``): the two mention a thesaurus concept in common, or two
/// specific words of the first are terms of the second (``ExplanationKeys``)
/// — then the shared words make a phrase of two (consecutive ones) or two
/// runs, which is what the reasons quote. Asked of a programme's 693,000 candidates in both
/// directions, the test on the keys themselves hashed a `String` per word
/// and copied (retained) each text's arrays and sets per call, from both
/// threads at once. Here every stem is numbered once (equal numbers exactly
/// for equal strings, `==` as `Set<String>` compares them) and every text's
/// keys are runs of one flat array: concept features and term numbers
/// sorted, specific words' numbers in text order. Same answers, no hashing,
/// no reference counting.
struct ExactLinkIndex: Sendable {
    /// Per text: the start of its runs in the arrays below (texts are the offers of
    /// participants 0..<n, then their needs), and one end offset past the last.
    private let conceptStart: [Int32], termStart: [Int32], specificStart: [Int32]
    /// Concept features, ascending within each text.
    private let concepts: [Int]
    /// Term numbers, ascending within each text.
    private let terms: [Int32]
    /// Specific words' stem numbers, in text order.
    private let specific: [Int32]
    /// How many participants.
    let count: Int

    /// Numbers the stems of `keys` and lays their texts out.
    ///
    /// - Complexity: O(total terms) with hashing, once per ranking.
    init(_ keys: ExplanationKeys) {
        precondition(keys.offers.count == keys.needs.count, "offers and needs of the same participants")
        var numbers: [String: Int32] = [:]
        func number(_ stem: String) -> Int32 {
            if let known = numbers[stem] { return known }
            let next = Int32(numbers.count)
            numbers[stem] = next
            return next
        }
        var conceptStart: [Int32] = [0], termStart: [Int32] = [0], specificStart: [Int32] = [0]
        var concepts: [Int] = [], terms: [Int32] = [], specific: [Int32] = []
        for document in keys.offers + keys.needs {
            concepts += document.concepts.map(\.feature).sorted()
            terms += document.terms.map(number).sorted()
            specific += document.specific.map { number($0.stem) }
            conceptStart.append(Int32(concepts.count))
            termStart.append(Int32(terms.count))
            specificStart.append(Int32(specific.count))
        }
        self.conceptStart = conceptStart
        self.termStart = termStart
        self.specificStart = specificStart
        self.concepts = concepts
        self.terms = terms
        self.specific = specific
        self.count = keys.offers.count
    }

    /// Whether a's offers link to b's needs or a's needs to b's offers.
    ///
    /// - Complexity: O(c + s · log t) for c concepts, s specific words and t terms of the two texts.
    func linked(_ a: Int, _ b: Int) -> Bool {
        links(from: a, to: count + b) || links(from: count + a, to: b)
    }

    /// Whether text `from` links to text `to`: a concept in common (a merge of
    /// the two sorted runs), or two specific words of `from` among the terms of
    /// `to` (binary searches; stops at the second).
    private func links(from: Int, to: Int) -> Bool {
        var x = Int(conceptStart[from]), y = Int(conceptStart[to])
        let xEnd = Int(conceptStart[from + 1]), yEnd = Int(conceptStart[to + 1])
        while x < xEnd, y < yEnd {
            if concepts[x] == concepts[y] { return true }
            if concepts[x] < concepts[y] { x += 1 } else { y += 1 }
        }
        let low = Int(termStart[to]), high = Int(termStart[to + 1])
        guard high > low else { return false }
        var shared = 0
        for position in Int(specificStart[from])..<Int(specificStart[from + 1]) where holds(specific[position], low, high) {
            shared += 1
            if shared == 2 { return true }
        }
        return false
    }

    /// Whether `terms[low..<high]` (ascending) holds `term`.
    @inline(__always)
    private func holds(_ term: Int32, _ low: Int, _ high: Int) -> Bool {
        var first = low, last = high
        while first < last {
            let middle = (first + last) / 2
            if terms[middle] < term { first = middle + 1 } else { last = middle }
        }
        return first < high && terms[first] == term
    }
}
