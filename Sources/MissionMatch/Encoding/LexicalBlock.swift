import MatchCore

/// The exact-evidence half of the encoding: each participant's offers and
/// needs as TF-IDF weights over the terms and concepts that can link two
/// participants, as dense rows the scoring kernel multiplies with BLAS.
///
/// LSA smooths away exactly the rare, specific words that decide a match
/// ("cold-chain", "PLA film"); this block keeps them. Its weighting is fitted
/// on the texts without sector pseudo-terms (they say "same field", not "this
/// offer meets that need", see ``plain(_:)``) and keeps every term, so that a
/// text's norm is that of all its words. Its columns are the features that
/// occur in at least one offer and one need document (they link an offer to a
/// need) or in two offer documents (they link two competitors). Values are the
/// documents' TF-IDF weights normalised over *all* their features, so that a
/// dot product of two rows is exactly the TF-IDF cosine of the two texts.
///
/// When more features qualify than ``EncoderOptions/lexicalDimensions``, the
/// ones that link the most offer–need and offer–offer pairs (weighted by
/// idf²) are kept, and the cosine becomes a lower bound of the exact one.
///
/// ```swift
/// let block = LexicalBlock(offers: offerDocs, needs: needDocs, weighting: weighting, limit: 1024)
/// block.features.count          // ≤ 1024
/// block.vectors(of: offerDocs)  // participants × features, rows of norm ≤ 1
/// ```
public struct LexicalBlock: Sendable {
    /// The ``TermWeighting`` feature behind each column, in ascending order.
    public let features: [Int]
    private let column: [Int32]

    /// Chooses the features from the fitted corpus.
    ///
    /// - Parameters:
    ///   - offers: The corpus' offer documents.
    ///   - needs: The corpus' need documents.
    ///   - weighting: The TF-IDF weighting fitted on them.
    ///   - limit: The most columns to keep.
    /// - Complexity: O(total terms + F log F) for F features.
    public init(offers: [AnalyzedText], needs: [AnalyzedText], weighting: TermWeighting, limit: Int) {
        self.init(offerCount: Self.documentFrequencies(offers.count, weighting) { Self.features(of: offers[$0], weighting) },
                  needCount: Self.documentFrequencies(needs.count, weighting) { Self.features(of: needs[$0], weighting) },
                  weighting: weighting, limit: limit)
    }

    /// ``init(offers:needs:weighting:limit:)`` on a corpus whose texts are
    /// numbered by `terms` (the ids `weighting` was fitted with): the offer
    /// documents `0 ..< offers`, then the need documents.
    ///
    /// - Complexity: O(total terms + F log F) for F features, without hashing the terms.
    init(corpus documents: [AnalyzedText], terms: TermIDs, offers: Int, weighting: TermWeighting, limit: Int) {
        precondition(terms.count == documents.count && (0...documents.count).contains(offers), "one numbered text per document")
        self.init(
            offerCount: Self.documentFrequencies(offers, weighting) {
                Self.features(of: documents[$0], termIDs: terms.terms(of: $0), weighting)
            },
            needCount: Self.documentFrequencies(documents.count - offers, weighting) {
                Self.features(of: documents[offers + $0], termIDs: terms.terms(of: offers + $0), weighting)
            },
            weighting: weighting, limit: limit)
    }

    /// Keeps the features that link offers to needs or offers to offers, at most `limit` of them.
    private init(offerCount: [Int], needCount: [Int], weighting: TermWeighting, limit: Int) {
        var chosen: [(feature: Int, linked: Double)] = []
        for feature in 0..<weighting.featureCount {
            if let term = weighting.featureTerms[feature], term.hasPrefix(ProfileAnalysis.sectorTermPrefix) { continue }
            let o = Double(offerCount[feature]), n = Double(needCount[feature])
            let linked = o * n + o * (o - 1) / 2
            guard linked > 0 else { continue }
            let idf = Double(weighting.weights[feature])
            chosen.append((feature, linked * idf * idf))
        }
        if chosen.count > max(0, limit) {
            chosen.sort { $0.linked != $1.linked ? $0.linked > $1.linked : $0.feature < $1.feature }
            chosen.removeLast(chosen.count - max(0, limit))
        }
        let features = chosen.map(\.feature).sorted()
        var column = [Int32](repeating: -1, count: weighting.featureCount)
        for (index, feature) in features.enumerated() { column[feature] = Int32(index) }
        self.features = features
        self.column = column
    }

    /// A text without its sector pseudo-terms (``ProfileAnalysis/sectorTermPrefix``).
    public static func plain(_ text: AnalyzedText) -> AnalyzedText {
        var result = AnalyzedText(concepts: text.concepts)
        for (term, surface) in zip(text.terms, text.termSurfaces) where !term.hasPrefix(ProfileAnalysis.sectorTermPrefix) {
            result.terms.append(term)
            result.termSurfaces.append(surface)
        }
        return result
    }

    /// Per feature, how many of `count` documents hold it, given each
    /// document's distinct features. Documents are read on all cores; the
    /// counts are integers, so the result does not depend on how the work was split.
    ///
    /// - Complexity: O(total terms).
    private static func documentFrequencies(
        _ count: Int, _ weighting: TermWeighting, features: @Sendable (Int) -> [Int32]
    ) -> [Int] {
        let distinct = ParallelChunks.map(count: count, minimumChunk: 512) { range in range.map(features) }
        var frequency = [Int](repeating: 0, count: weighting.featureCount)
        for features in distinct { for feature in features { frequency[Int(feature)] += 1 } }
        return frequency
    }

    /// The distinct features of a document, ascending.
    private static func features(of document: AnalyzedText, _ weighting: TermWeighting) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(document.terms.count + document.concepts.count)
        for term in document.terms { if let f = weighting.feature(term: term) { result.append(Int32(f)) } }
        return distinct(&result, concepts: document.concepts, weighting)
    }

    /// ``features(of:_:)`` of a document whose terms are given as ids of the ``TermIDs`` `weighting` was fitted with.
    private static func features(of document: AnalyzedText, termIDs: ArraySlice<Int32>, _ weighting: TermWeighting) -> [Int32] {
        var result: [Int32] = []
        result.reserveCapacity(termIDs.count + document.concepts.count)
        for id in termIDs { if let f = weighting.feature(termID: id) { result.append(Int32(f)) } }
        return distinct(&result, concepts: document.concepts, weighting)
    }

    /// The term features found, with the concepts' added, ascending and each once.
    private static func distinct(_ result: inout [Int32], concepts: [ConceptMention], _ weighting: TermWeighting) -> [Int32] {
        for mention in concepts { if let f = weighting.feature(concept: mention.concept) { result.append(Int32(f)) } }
        result.sortAndRemoveDuplicates()
        return result
    }

    /// The block's column of a ``TermWeighting`` feature, if kept.
    public func column(of feature: Int) -> Int? {
        guard feature >= 0, feature < column.count, column[feature] >= 0 else { return nil }
        return Int(column[feature])
    }

    /// The dense rows of documents: their TF-IDF weights on the kept features.
    ///
    /// - Parameters:
    ///   - documents: Analysed texts.
    ///   - weighting: The weighting the block was chosen from.
    /// - Returns: A `documents × features.count` matrix (at least one column,
    ///   all zero when no feature is kept, so that shapes stay valid).
    /// - Complexity: O(total terms + documents · features).
    public func vectors(of documents: [AnalyzedText], weighting: TermWeighting) -> Matrix {
        let width = max(1, features.count)
        let count = documents.count * width
        // Each chunk zeroes and fills its own rows (a programme's block is tens of megabytes).
        let elements = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let base = buffer.baseAddress
            ParallelChunks.forEach(count: documents.count, minimumChunk: 512) { range in
                guard let base, !range.isEmpty else { return }
                (base + range.lowerBound * width).initialize(repeating: 0, count: range.count * width)
                for row in range {
                    for entry in weighting.vector(of: documents[row]) {
                        guard let column = column(of: entry.column) else { continue }
                        base[row * width + column] = entry.value
                    }
                }
            }
            initialized = count
        }
        return Matrix(rows: documents.count, columns: width, elements: elements)
    }

    /// ``vectors(of:weighting:)`` of the documents `range` of a corpus numbered
    /// by `terms` (the ids `weighting` was fitted with), as sparse rows: the
    /// same non-zero values, without building the dense matrix or hashing the terms.
    ///
    /// - Complexity: O(total terms of those documents).
    func sparseVectors(of documents: [AnalyzedText], terms: TermIDs, range: Range<Int>, weighting: TermWeighting) -> CSRMatrix {
        precondition(terms.count == documents.count, "one numbered text per document")
        let rows = ParallelChunks.map(count: range.count, minimumChunk: 512) { chunk in
            chunk.map { row -> [(column: Int, value: Float)] in
                let index = range.lowerBound + row
                return weighting.vector(of: documents[index], termIDs: terms.terms(of: index)).compactMap { entry in
                    guard let column = column(of: entry.column), entry.value != 0 else { return nil }
                    return (column, entry.value)
                }
            }
        }
        return CSRMatrix(columns: max(1, features.count), rowEntries: rows)
    }
}
