import Foundation
import Testing
@testable import MissionMatch

struct TermWeightingTests {
    private func document(_ terms: [String], concepts: [Int] = []) -> AnalyzedText {
        AnalyzedText(terms: terms, termSurfaces: terms,
                     concepts: concepts.map { ConceptMention(concept: $0, surface: "c\($0)", tokens: 0..<0) })
    }

    @Test func dropsFeaturesOfOneDocumentAndWeighsTheRest() {
        let corpus = [document(["film", "film", "food"], concepts: [0]), document(["food"], concepts: [0]),
                      document(["film", "cider"])]
        let weighting = TermWeighting(fittingOn: corpus, conceptBoost: 2)
        // df: film 2, food 2, cider 1 (dropped), concept 0: 2.
        #expect(weighting.featureCount == 3)
        #expect(weighting.featureConcepts == [0, nil, nil])
        #expect(weighting.featureTerms == [nil, "film", "food"])
        let idf = Float(log(4.0 / 3.0)) + 1
        #expect(abs(weighting.weights[1] - idf) < 1e-6)
        #expect(abs(weighting.weights[0] - 2 * idf) < 1e-6)
        let vector = weighting.vector(of: corpus[0])
        let raw: [Float] = [2 * idf, (1 + Float(log(2.0))) * idf, idf]
        let norm = raw.reduce(0) { $0 + $1 * $1 }.squareRoot()
        #expect(vector.map(\.column) == [0, 1, 2])
        for (entry, expected) in zip(vector, raw) { #expect(abs(entry.value - expected / norm) < 1e-6) }
        #expect(weighting.vector(of: document(["cider", "unknown"])).isEmpty)
    }

    @Test func matrixHasOneNormalisedRowPerDocument() {
        let corpus = (0..<600).map { document(["w\($0 % 7)", "w\($0 % 11)"]) }
        let matrix = TermWeighting(fittingOn: corpus).matrix(of: corpus)
        #expect(matrix.rows == 600)
        for row in 0..<matrix.rows {
            let norm = matrix.row(row).reduce(Float(0)) { $0 + $1.value * $1.value }
            #expect(abs(norm - 1) < 1e-5)
        }
    }

    /// A corpus large enough to be counted in chunks on several cores: the
    /// features and weights are those of document frequencies counted naively.
    @Test func documentFrequenciesOfALargeCorpusAreCountedExactly() {
        var random = SystemRandomNumberGenerator()
        let corpus = (0..<20_000).map { _ in
            document((0..<Int.random(in: 0...6, using: &random)).map { _ in "w\(Int.random(in: 0..<3_000, using: &random))" },
                     concepts: (0..<Int.random(in: 0...2, using: &random)).map { _ in Int.random(in: 0..<400, using: &random) })
        }
        var termFrequency: [String: Int] = [:], conceptFrequency: [Int: Int] = [:]
        for document in corpus {
            for term in Set(document.terms) { termFrequency[term, default: 0] += 1 }
            for concept in Set(document.concepts.map(\.concept)) { conceptFrequency[concept, default: 0] += 1 }
        }
        let weighting = TermWeighting(fittingOn: corpus, conceptBoost: 2, minimumDocumentFrequency: 2)
        let concepts = conceptFrequency.filter { $0.value >= 2 }.keys.sorted()
        let terms = termFrequency.filter { $0.value >= 2 }.keys.sorted()
        let noConcepts: [Int?] = terms.map { _ in nil }, noTerms: [String?] = concepts.map { _ in nil }
        #expect(weighting.featureConcepts == concepts.map { Optional($0) } + noConcepts)
        #expect(weighting.featureTerms == noTerms + terms.map { Optional($0) })
        let n = Float(corpus.count)
        func idf(_ df: Int) -> Float { Float(log(Double((1 + n) / (1 + Float(df))))) + 1 }  // as TermWeighting computes it
        let conceptWeights: [Float] = concepts.map { idf(conceptFrequency[$0] ?? 0) * 2 }
        let termWeights: [Float] = terms.map { idf(termFrequency[$0] ?? 0) }
        #expect(weighting.weights == conceptWeights + termWeights)
    }
}
