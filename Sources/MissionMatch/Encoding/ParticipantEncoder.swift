import MatchCore

/// Encodes participants' offers and needs as dense vectors: LSA vectors
/// (TF-IDF, then a randomized truncated SVD by LAPACK) and the exact TF-IDF
/// weights of the terms and concepts that link texts (``LexicalBlock``).
///
/// ```swift
/// let encoder = ParticipantEncoder(thesaurus: reference.thesaurus)
/// let encoding = try encoder.encode(participants)
/// encoding.offers.row(0)   // what participant 0 offers, r numbers
/// ```
///
/// Steps: the text pipeline (``TextAnalyzer``) turns each participant's
/// offers (text + tags) and needs (text + tags) into terms and concepts;
/// ``TermWeighting`` weighs them (TF-IDF over the 2·n documents); a rank-*r*
/// randomized SVD X ≈ U·Σ·Vᵀ of the TF-IDF matrix gives the feature vectors V;
/// each document is encoded as X·V (= U·Σ for the fitted corpus) and
/// L2-normalised. Encoding other participants with a model fitted on a whole
/// programme is ``encode(_:fittingOn:)``.
public struct ParticipantEncoder: Sendable {
    /// The text pipeline.
    public let analyzer: TextAnalyzer
    /// The options.
    public let options: EncoderOptions

    /// Creates an encoder.
    ///
    /// - Parameters:
    ///   - thesaurus: The concepts to recognise.
    ///   - options: Dimensions and SVD settings.
    public init(thesaurus: Thesaurus, options: EncoderOptions = EncoderOptions()) {
        self.analyzer = TextAnalyzer(thesaurus: thesaurus)
        self.options = options
    }

    /// Encodes participants with a model fitted on themselves.
    ///
    /// - Parameter participants: The participants.
    /// - Returns: Their vectors and analyses.
    /// - Throws: `LinearAlgebraError` when LAPACK fails (it does not on finite input).
    /// - Complexity: O(text) + O(nnz · r · (2q + 3)) + O(n · r²) for the SVD.
    public func encode(_ participants: [Participant]) throws -> ParticipantEncoding {
        try encode(participants, explaining: false)
    }

    /// ``encode(_:)``, and with `explaining` also the keys the reasons read
    /// (``ParticipantEncoding/explanationKeys``), computed on the texts while
    /// the SVD runs: its BLAS calls are single-threaded (for the same bits on
    /// any core count), so the keys take a core it leaves idle.
    ///
    /// - Throws: `LinearAlgebraError` when LAPACK fails (it does not on finite input).
    func encode(_ participants: [Participant], explaining: Bool) throws -> ParticipantEncoding {
        let analyses = ProfileAnalysis.analyze(participants, with: analyzer)
        return try encode(analyses: analyses, corpus: analyses, corpusIsSelf: true, explaining: explaining)
    }

    /// Encodes participants with a model fitted on a larger corpus (e.g. the
    /// whole programme), so that vectors of several missions are comparable.
    ///
    /// - Parameters:
    ///   - participants: The participants to encode.
    ///   - corpus: The participants the TF-IDF and LSA are fitted on.
    /// - Returns: The participants' vectors and analyses.
    /// - Throws: `LinearAlgebraError` when LAPACK fails.
    public func encode(_ participants: [Participant], fittingOn corpus: [Participant]) throws -> ParticipantEncoding {
        let analyses = ProfileAnalysis.analyze(participants, with: analyzer)
        return try encode(
            analyses: analyses, corpus: ProfileAnalysis.analyze(corpus, with: analyzer), corpusIsSelf: false)
    }

    private func encode(
        analyses: [ProfileAnalysis], corpus: [ProfileAnalysis], corpusIsSelf: Bool, explaining: Bool = false
    ) throws -> ParticipantEncoding {
        let stage = lexicalStage(analyses: analyses, corpus: corpusIsSelf ? nil : corpus)
        guard explaining else { return try encode(stage, corpusIsSelf: corpusIsSelf) }
        let (encoded, keys) = try ParallelChunks.both({ [self] in
            try encode(stage, corpusIsSelf: corpusIsSelf)
        }, {
            ExplanationKeys(analyses: stage.analyses, weighting: stage.weighting, lexical: stage.lexicalWeighting)
        })
        var encoding = encoded
        encoding.explanationKeys = keys
        return encoding
    }

    /// The LSA fit of a lexical stage and the whole encoding.
    private func encode(_ stage: LexicalStage, corpusIsSelf: Bool) throws -> ParticipantEncoding {
        let analyses = stage.analyses
        let fitted = stage.weighting.matrix(of: stage.corpusDocuments)
        let n = analyses.count
        guard stage.rank > 0 else {
            // Nothing links any two texts: one zero dimension keeps the shapes valid.
            return stage.encoding(latent: LatentVectors(
                offers: Matrix(rows: n, columns: 1), needs: Matrix(rows: n, columns: 1),
                profiles: Matrix(rows: n, columns: 1), featureVectors: Matrix(rows: stage.weighting.featureCount, columns: 1)))
        }
        let rank = stage.rank
        // Only V and Σ: documents are projected as A · V (RandomizedSVD.rightFactors, no U).
        let svd = try RandomizedSVD(
            rank: rank, oversampling: options.oversampling, powerIterations: options.powerIterations,
            seed: options.seed
        ).rightFactors(of: fitted)
        let basis = svd.vectors  // features × r
        let documents = corpusIsSelf
            ? fitted : stage.weighting.matrix(of: analyses.map(\.offers) + analyses.map(\.needs))
        // The 2n documents are the n offers, then the n needs: each half projected into its own matrix.
        var offers = documents.multiplied(by: basis, rows: 0..<n)
        var needs = documents.multiplied(by: basis, rows: n..<(2 * n))
        offers.normalizeRows()
        needs.normalizeRows()
        let profiles = Self.profiles(normalizedOffers: offers, normalizedNeeds: needs, dimensions: min(options.profileDimensions, rank))
        var featureVectors = basis
        // Σ-scaled, so that feature similarity follows the corpus' co-occurrence strength.
        featureVectors.withUnsafeMutableBufferPointer { elements in
            for row in 0..<basis.rows {
                for column in 0..<rank { elements[row * rank + column] *= svd.singularValues[column] }
            }
        }
        featureVectors.normalizeRows()
        return stage.encoding(latent: LatentVectors(offers: offers, needs: needs, profiles: profiles, featureVectors: featureVectors))
    }

    /// Everything of the encoding that is not fitted by LAPACK: the text
    /// analyses, both TF-IDF weightings and the exact-evidence block. Plain
    /// Swift arithmetic on the texts, so the same bits on every machine
    /// that runs this build (no BLAS, no thread-count dependence).
    ///
    /// - Complexity: O(total text length + F log F).
    ///
    /// - Parameters:
    ///   - analyses: The participants' text analyses.
    ///   - corpus: The analyses the weightings are fitted on; `nil`: `analyses` themselves.
    func lexicalStage(analyses: [ProfileAnalysis], corpus fittedCorpus: [ProfileAnalysis]? = nil) -> LexicalStage {
        let corpus = fittedCorpus ?? analyses
        let corpusDocuments = corpus.map(\.offers) + corpus.map(\.needs)
        let options = options
        // The LSA weighting and the exact-evidence block are independent fits: one on a thread of its
        // own, the other here (each is the same plain arithmetic whichever thread runs it).
        let (weighting, exact) = ParallelChunks.both({
            TermWeighting(fittingOn: corpusDocuments, conceptBoost: options.conceptBoost)
        }, {
            Self.exactEvidence(analyses: analyses, corpusDocuments: corpusDocuments, corpusCount: corpus.count,
                               corpusIsAnalyses: fittedCorpus == nil, options: options)
        })
        let (lexical, lexicalWeighting, lexicalOffers, lexicalNeeds) = exact
        let rank = options.effectiveRank(documents: corpusDocuments.count, features: weighting.featureCount)
        return LexicalStage(
            analyses: analyses, corpusDocuments: corpusDocuments, weighting: weighting, rank: rank,
            lexical: lexical, lexicalWeighting: lexicalWeighting, lexicalOffers: lexicalOffers, lexicalNeeds: lexicalNeeds,
            profileDimensions: min(options.profileDimensions, rank))
    }

    /// The exact-evidence block (``LexicalBlock``) fitted on the corpus
    /// without sector pseudo-terms, its weighting, and the participants' rows.
    ///
    /// - Complexity: O(total text length + F log F).
    private static func exactEvidence(
        analyses: [ProfileAnalysis], corpusDocuments: [AnalyzedText], corpusCount: Int, corpusIsAnalyses: Bool,
        options: EncoderOptions
    ) -> (block: LexicalBlock, weighting: TermWeighting, offers: Matrix, needs: Matrix) {
        // This job is the longer of the two lexicalStage runs at once: its per-document steps use every core.
        let plainCorpus = ParallelChunks.map(count: corpusDocuments.count, minimumChunk: 512) { range in
            range.map { LexicalBlock.plain(corpusDocuments[$0]) }
        }
        let weighting = TermWeighting(
            fittingOn: plainCorpus, conceptBoost: options.lexicalConceptBoost, minimumDocumentFrequency: 1)
        let block = LexicalBlock(
            offers: Array(plainCorpus[0..<corpusCount]), needs: Array(plainCorpus[corpusCount...]),
            weighting: weighting, limit: options.lexicalDimensions)
        // The participants' own texts: the corpus' when it is theirs, else stripped here.
        let plainOffers: [AnalyzedText], plainNeeds: [AnalyzedText]
        if corpusIsAnalyses {
            (plainOffers, plainNeeds) = (Array(plainCorpus[0..<corpusCount]), Array(plainCorpus[corpusCount...]))
        } else {
            let plainTexts = ParallelChunks.map(count: analyses.count, minimumChunk: 512) { range in
                range.map { (LexicalBlock.plain(analyses[$0].offers), LexicalBlock.plain(analyses[$0].needs)) }
            }
            (plainOffers, plainNeeds) = (plainTexts.map(\.0), plainTexts.map(\.1))
        }
        let offers = block.vectors(of: plainOffers, weighting: weighting)
        let needs = block.vectors(of: plainNeeds, weighting: weighting)
        return (block, weighting, offers, needs)
    }

    /// The profile vectors: normalised offers + needs (each side weighted
    /// equally), cut to the leading components and normalised again.
    ///
    /// - Parameters:
    ///   - normalizedOffers: The offer vectors, rows of unit length (or zero).
    ///   - normalizedNeeds: The need vectors, the same shape.
    ///   - dimensions: How many leading components to keep.
    private static func profiles(normalizedOffers: Matrix, normalizedNeeds: Matrix, dimensions: Int) -> Matrix {
        var profiles = Matrix(rows: normalizedOffers.rows, columns: dimensions)
        profiles.withUnsafeMutableBufferPointer { out in
            normalizedOffers.withUnsafeBufferPointer { o in
                normalizedNeeds.withUnsafeBufferPointer { d in
                    let width = normalizedOffers.columns
                    for row in 0..<normalizedOffers.rows {
                        for column in 0..<dimensions {
                            out[row * dimensions + column] = o[row * width + column] + d[row * width + column]
                        }
                    }
                }
            }
        }
        profiles.normalizeRows()
        return profiles
    }
}
