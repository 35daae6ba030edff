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
    /// The feature of each stem of the ``TermIDs`` the weighting was fitted
    /// with, by id (−1: not kept), for ``vector(of:termIDs:)``.
    private let featureOfTerm: [Int32]

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
        self.init(fittingOn: documents, terms: TermIDs(documents), conceptBoost: conceptBoost,
                  minimumDocumentFrequency: minimumDocumentFrequency)
    }

    /// Fits the vocabulary and the idf on documents whose terms are numbered
    /// by `terms` (text *i*'s ids are the terms of `documents[i]`, or a subset
    /// of them): the same weighting as ``init(fittingOn:conceptBoost:minimumDocumentFrequency:)``
    /// on those terms, counted by id.
    ///
    /// - Complexity: O(total terms + V log V) for V distinct stems, without hashing the occurrences.
    init(fittingOn documents: [AnalyzedText], terms: TermIDs, conceptBoost: Float = 2, minimumDocumentFrequency: Int = 2) {
        precondition(terms.count == documents.count, "one numbered text per document")
        self.conceptBoost = conceptBoost
        self.minimumDocumentFrequency = minimumDocumentFrequency
        // Document frequencies, counted in chunks of documents on all cores and added up (integers: the
        // same counts however the documents are split).
        let chunks = ParallelChunks.map(count: documents.count, minimumChunk: 4_096) { range in
            [Self.documentFrequencies(of: range, documents, terms)]
        }
        var termFrequency = [Int](repeating: 0, count: terms.vocabulary.count)
        var conceptFrequency: [Int: Int] = [:]
        for (termCounts, conceptCounts) in chunks {
            for (id, count) in termCounts.enumerated() { termFrequency[id] += Int(count) }
            conceptFrequency.merge(conceptCounts, uniquingKeysWith: +)
        }
        let n = Float(documents.count)
        // Sorted for determinism: concepts first (by index), then terms (by stem).
        var featureTerms: [String?] = []
        var featureConcepts: [Int?] = []
        var weights: [Float] = []
        var conceptIndex: [Int: Int32] = [:]
        for (concept, df) in conceptFrequency.sorted(by: { $0.key < $1.key }) where df >= minimumDocumentFrequency {
            conceptIndex[concept] = Int32(weights.count)
            featureTerms.append(nil)
            featureConcepts.append(concept)
            weights.append(((1 + n) / (1 + Float(df))).logarithm + 1)
            weights[weights.count - 1] *= conceptBoost
        }
        let keptTerms = termFrequency.indices
            .filter { termFrequency[$0] > 0 && termFrequency[$0] >= minimumDocumentFrequency }
            .sorted { terms.vocabulary[$0] < terms.vocabulary[$1] }
        var termIndex: [String: Int32] = [:]
        termIndex.reserveCapacity(keptTerms.count)
        var featureOfTerm = [Int32](repeating: -1, count: terms.vocabulary.count)
        for id in keptTerms {
            termIndex[terms.vocabulary[id]] = Int32(weights.count)
            featureOfTerm[id] = Int32(weights.count)
            featureTerms.append(terms.vocabulary[id])
            featureConcepts.append(nil)
            weights.append(((1 + n) / (1 + Float(termFrequency[id]))).logarithm + 1)
        }
        self.featureTerms = featureTerms
        self.featureConcepts = featureConcepts
        self.weights = weights
        self.termIndex = termIndex
        self.conceptIndex = conceptIndex
        self.featureOfTerm = featureOfTerm
    }

    /// The document frequencies of term ids (by array index) and concepts in
    /// some documents: each entry remembers the last document that counted
    /// it, so a word repeated in a document counts once.
    ///
    /// - Complexity: O(total terms and concept mentions + V) for V distinct stems.
    private static func documentFrequencies(
        of range: Range<Int>, _ documents: [AnalyzedText], _ terms: TermIDs
    ) -> (terms: [Int32], concepts: [Int: Int]) {
        var termCount = [Int32](repeating: 0, count: terms.vocabulary.count)
        var termLast = [Int](repeating: -1, count: terms.vocabulary.count)
        var conceptFrequency: [Int: (count: Int, lastDocument: Int)] = [:]
        for index in range {
            for id in terms.terms(of: index) where termLast[Int(id)] != index {
                termLast[Int(id)] = index
                termCount[Int(id)] += 1
            }
            for mention in documents[index].concepts { count(&conceptFrequency[mention.concept, default: (0, -1)], in: index) }
        }
        return (termCount, conceptFrequency.mapValues(\.count))
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
        return weighted(&features, concepts: document.concepts)
    }

    /// ``vector(of:)`` of a document whose terms are given as ids of the
    /// ``TermIDs`` this weighting was fitted with (all of its terms, or the subset it was fitted on).
    func vector(of document: AnalyzedText, termIDs: ArraySlice<Int32>) -> [(column: Int, value: Float)] {
        var features: [Int32] = []
        features.reserveCapacity(termIDs.count + document.concepts.count)
        for id in termIDs where featureOfTerm[Int(id)] >= 0 { features.append(featureOfTerm[Int(id)]) }
        return weighted(&features, concepts: document.concepts)
    }

    /// The feature of a stem id of the ``TermIDs`` this weighting was fitted with, if kept.
    func feature(termID id: Int32) -> Int? {
        let feature = featureOfTerm[Int(id)]
        return feature >= 0 ? Int(feature) : nil
    }

    /// The vector of a document's term features (any order, repeats counted) and its concepts.
    private func weighted(_ features: inout [Int32], concepts: [ConceptMention]) -> [(column: Int, value: Float)] {
        for mention in concepts { if let f = conceptIndex[mention.concept] { features.append(f) } }
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

    /// ``matrix(of:)`` of documents numbered by the ``TermIDs`` this weighting was fitted with.
    func matrix(of documents: [AnalyzedText], termIDs: TermIDs) -> CSRMatrix {
        precondition(termIDs.count == documents.count, "one numbered text per document")
        let rows = ParallelChunks.map(count: documents.count, minimumChunk: 512) { range in
            range.map { vector(of: documents[$0], termIDs: termIDs.terms(of: $0)) }
        }
        return CSRMatrix(columns: featureCount, rowEntries: rows)
    }
}

extension Float {
    /// The natural logarithm.
    fileprivate var logarithm: Float { Float(Foundation.log(Double(self))) }
}
