import MatchCore
import MissionMatch

/// The two plain pipelines every match-quality claim is compared with,
/// scored on the same participants in the same run.
///
/// Both read the same words as the engine (the same tokenizer, stop words and
/// stemmer) but none of its knowledge: no thesaurus concepts, no sector
/// pseudo-terms, no sectors, countries or cooperation types.
///
/// * ``tfidfCosine(_:_:)``: one document per participant (offers and needs
///   together), sublinear TF-IDF, cosine — a search engine's "more like this".
/// * ``lsaReciprocalCosine(_:_:)``: offers and needs as separate documents, TF-IDF,
///   LSA at the engine's rank rule (`EncoderOptions.effectiveRank(documents:features:)`),
///   then the mean of cos(offers_a, needs_b) and cos(needs_a, offers_b) — the
///   standard reciprocal recommender pipeline.
public struct BaselineScorers: Sendable {
    private let combined: [[(column: Int, value: Float)]]
    private let latentOffers: Matrix
    private let latentNeeds: Matrix

    /// Fits both baselines on the participants' texts.
    ///
    /// - Parameters:
    ///   - analyses: The participants' analyses (`ProfileAnalysis.analyze(_:with:)`).
    ///   - options: The LSA settings (rank rule, seed).
    /// - Throws: `LinearAlgebraError` when LAPACK fails.
    /// - Complexity: O(text) plus a rank-r randomized SVD.
    public init(analyses: [ProfileAnalysis], options: EncoderOptions = EncoderOptions()) throws {
        let offers = analyses.map { Self.plain($0.offers) }
        let needs = analyses.map { Self.plain($0.needs) }
        var together = offers
        for index in together.indices { together[index].append(needs[index]) }
        let plainWeighting = TermWeighting(fittingOn: together, conceptBoost: 1, minimumDocumentFrequency: 1)
        self.combined = together.map { plainWeighting.vector(of: $0) }

        let documents = offers + needs
        let weighting = TermWeighting(fittingOn: documents, conceptBoost: 1, minimumDocumentFrequency: 1)
        let matrix = weighting.matrix(of: documents)
        let n = analyses.count
        let rank = options.effectiveRank(documents: matrix.rows, features: weighting.featureCount)
        guard rank > 0 else {
            self.latentOffers = Matrix(rows: n, columns: 1)
            self.latentNeeds = Matrix(rows: n, columns: 1)
            return
        }
        let svd = try RandomizedSVD(
            rank: rank, oversampling: options.oversampling, powerIterations: options.powerIterations, seed: options.seed
        ).decompose(matrix)
        let projected = matrix.multiplied(by: svd.rightSingularVectors)
        var latentOffers = projected.rows(0..<n)
        var latentNeeds = projected.rows(n..<(2 * n))
        latentOffers.normalizeRows()
        latentNeeds.normalizeRows()
        self.latentOffers = latentOffers
        self.latentNeeds = latentNeeds
    }

    /// The words of a text without the engine's concepts and sector pseudo-terms.
    private static func plain(_ text: AnalyzedText) -> AnalyzedText {
        var terms: [String] = [], surfaces: [String] = []
        for (term, surface) in zip(text.terms, text.termSurfaces) where !term.hasPrefix(ProfileAnalysis.sectorTermPrefix) {
            terms.append(term)
            surfaces.append(surface)
        }
        return AnalyzedText(terms: terms, termSurfaces: surfaces)
    }

    /// The TF-IDF cosine of the two participants' whole texts.
    ///
    /// - Complexity: O(terms of both).
    public func tfidfCosine(_ a: Int, _ b: Int) -> Float {
        let x = combined[a], y = combined[b]
        var i = 0, j = 0
        var sum: Float = 0
        while i < x.count, j < y.count {
            if x[i].column < y[j].column { i += 1 } else if y[j].column < x[i].column { j += 1 } else {
                sum += x[i].value * y[j].value
                i += 1
                j += 1
            }
        }
        return sum
    }

    /// The mean of the two LSA offer↔need cosines.
    ///
    /// - Complexity: O(r).
    public func lsaReciprocalCosine(_ a: Int, _ b: Int) -> Float {
        var c1: Float = 0, c2: Float = 0
        for (u, v) in zip(latentOffers.row(a), latentNeeds.row(b)) { c1 += u * v }
        for (u, v) in zip(latentNeeds.row(a), latentOffers.row(b)) { c2 += u * v }
        return (c1 + c2) / 2
    }
}
