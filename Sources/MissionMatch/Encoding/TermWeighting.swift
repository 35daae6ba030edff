import Foundation
import MatchCore

/// TF-IDF weighting of terms and concepts, fitted on a corpus of offer and need documents.
///
/// Every participant contributes two documents, its offers and its needs,
/// in one shared feature space so that offers can be compared with needs.
/// Features are the term stems and the thesaurus concepts of the text
/// pipeline. A feature's weight in a document is
///
///     (1 + ln tf) · idf · boost,   idf = ln((1 + N) / (1 + df)) + 1
///
/// (sublinear term frequency, scikit-learn's smoothed idf) with `boost` =
/// ``conceptBoost`` for concepts and 1 for terms; each document vector is then
/// L2-normalised. Features found in fewer than ``minimumDocumentFrequency``
/// documents are dropped: they cannot link two participants.
public struct TermWeighting: Sendable {
    /// The weight multiplier of concept features (default 2): a recognised
    /// concept says more than any one of its words.
    public let conceptBoost: Float
    /// The fewest documents a feature must occur in to be kept (default 2).
    public let minimumDocumentFrequency: Int
    /// The term stem of each feature, or `nil` for a concept feature.
    public let featureTerms: [String?]
    /// The thesaurus concept index of each feature, or `nil` for a term feature.
    public let featureConcepts: [Int?]
    /// The idf of each feature, boost included.
    public let weights: [Float]
    private let termIndex: [String: Int32]
    private let conceptIndex: [Int: Int32]

    /// The number of features kept.
    public var featureCount: Int { weights.count }

    /// Fits the vocabulary and the idf on documents.
    ///
    /// - Parameters:
    ///   - documents: The corpus (e.g. every participant's offers and needs).
    ///   - conceptBoost: The concept weight multiplier.
    ///   - minimumDocumentFrequency: The fewest documents a kept feature is in.
    /// - Complexity: O(total terms) with hashing.
    public init(fittingOn documents: [AnalyzedText], conceptBoost: Float = 2, minimumDocumentFrequency: Int = 2) {
        self.conceptBoost = conceptBoost
        self.minimumDocumentFrequency = minimumDocumentFrequency
        // Document frequencies, counted in chunks of documents on all cores and added up (integers: the
        // same counts however the documents are split).
        let chunks = ParallelChunks.map(count: documents.count, minimumChunk: 4_096) { range in
            [Self.documentFrequencies(of: documents[range])]
        }
        var termFrequency: [String: Int] = [:], conceptFrequency: [Int: Int] = [:]
        for (terms, concepts) in chunks {
            termFrequency.merge(terms, uniquingKeysWith: +)
            conceptFrequency.merge(concepts, uniquingKeysWith: +)
        }
        let n = Float(documents.count)
        // Sorted for determinism: concepts first (by index), then terms (by stem).
        var terms: [String?] = []
        var concepts: [Int?] = []
        var weights: [Float] = []
        var termIndex: [String: Int32] = [:]
        var conceptIndex: [Int: Int32] = [:]
        for (concept, df) in conceptFrequency.sorted(by: { $0.key < $1.key }) where df >= minimumDocumentFrequency {
            conceptIndex[concept] = Int32(weights.count)
            terms.append(nil)
            concepts.append(concept)
            weights.append(((1 + n) / (1 + Float(df))).logarithm + 1)
            weights[weights.count - 1] *= conceptBoost
        }
        for (term, df) in termFrequency.sorted(by: { $0.key < $1.key }) where df >= minimumDocumentFrequency {
            termIndex[term] = Int32(weights.count)
            terms.append(term)
            concepts.append(nil)
            weights.append(((1 + n) / (1 + Float(df))).logarithm + 1)
        }
        self.featureTerms = terms
        self.featureConcepts = concepts
        self.weights = weights
        self.termIndex = termIndex
        self.conceptIndex = conceptIndex
    }

    /// The document frequencies of terms and concepts in some documents, with one hash lookup per
    /// occurrence: each entry remembers the last document that counted it, so a word repeated in a
    /// document counts once.
    ///
    /// - Complexity: O(total terms and concept mentions).
    private static func documentFrequencies(of documents: ArraySlice<AnalyzedText>) -> (terms: [String: Int], concepts: [Int: Int]) {
        var termFrequency: [String: (count: Int, lastDocument: Int)] = [:]
        var conceptFrequency: [Int: (count: Int, lastDocument: Int)] = [:]
        for (index, document) in zip(documents.indices, documents) {
            for term in document.terms { count(&termFrequency[term, default: (0, -1)], in: index) }
            for mention in document.concepts { count(&conceptFrequency[mention.concept, default: (0, -1)], in: index) }
        }
        return (termFrequency.mapValues(\.count), conceptFrequency.mapValues(\.count))
    }

    /// Counts a document for a feature's document frequency, once however often the feature occurs in it.
    @inline(__always)
    private static func count(_ entry: inout (count: Int, lastDocument: Int), in document: Int) {
        if entry.lastDocument != document { entry = (entry.count + 1, document) }
    }

    /// The feature of a term stem, if kept.
    public func feature(term: String) -> Int? { termIndex[term].map(Int.init) }

    /// The feature of a concept, if kept.
    public func feature(concept: Int) -> Int? { conceptIndex[concept].map(Int.init) }

    /// The weighted, L2-normalised feature vector of one document, sorted by feature.
    ///
    /// - Parameter document: An analysed text.
    /// - Returns: `(feature, weight)` pairs; empty when no feature is known.
    public func vector(of document: AnalyzedText) -> [(column: Int, value: Float)] {
        var features: [Int32] = []
        features.reserveCapacity(document.terms.count + document.concepts.count)
        for term in document.terms { if let f = termIndex[term] { features.append(f) } }
        for mention in document.concepts { if let f = conceptIndex[mention.concept] { features.append(f) } }
        guard !features.isEmpty else { return [] }
        features.sort()
        var entries: [(column: Int, value: Float)] = []
        var start = 0
        var squares: Float = 0
        while start < features.count {
            var end = start + 1
            while end < features.count, features[end] == features[start] { end += 1 }
            let feature = Int(features[start])
            let value = (1 + Float(end - start).logarithm) * weights[feature]
            entries.append((feature, value))
            squares += value * value
            start = end
        }
        let scale = 1 / squares.squareRoot()
        return entries.map { ($0.column, $0.value * scale) }
    }

    /// The TF-IDF matrix of documents: one normalised row each.
    ///
    /// - Parameter documents: Analysed texts.
    /// - Returns: A `documents × featureCount` sparse matrix.
    public func matrix(of documents: [AnalyzedText]) -> CSRMatrix {
        let rows = ParallelChunks.map(count: documents.count, minimumChunk: 512) { range in
            range.map { vector(of: documents[$0]) }
        }
        return CSRMatrix(columns: featureCount, rowEntries: rows)
    }
}

extension Float {
    /// The natural logarithm.
    fileprivate var logarithm: Float { Float(Foundation.log(Double(self))) }
}
