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
            ExplanationKeys(analyses: stage.analyses, weighting: stage.weighting, lexical: stage.lexicalWeighting, terms: stage.terms)
        })
        var encoding = encoded
        encoding.explanationKeys = keys
        return encoding
    }

    /// The LSA fit of a lexical stage and the whole encoding.
    private func encode(_ stage: LexicalStage, corpusIsSelf: Bool) throws -> ParticipantEncoding {
        let analyses = stage.analyses
        let fitted = stage.weighting.matrix(of: stage.corpusDocuments, termIDs: stage.corpusTerms)
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
            ? fitted : stage.weighting.matrix(of: analyses.map(\.offers) + analyses.map(\.needs), termIDs: stage.terms)
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
        // Every stem numbered once (the corpus' texts, then the participants' own when they are
        // others): the passes below index arrays by id instead of hashing each stem again.
        let documents = fittedCorpus == nil ? corpusDocuments : corpusDocuments + analyses.map(\.offers) + analyses.map(\.needs)
        let numbered = TermIDs(documents)
        let terms = Terms(all: numbered, corpusDocuments: corpusDocuments.count, corpusIsParticipants: fittedCorpus == nil)
        let options = options
        // The LSA weighting and the exact-evidence block are independent fits: one on a thread of its
        // own, the other here (each is the same plain arithmetic whichever thread runs it).
        let (weighting, exact) = ParallelChunks.both({
            TermWeighting(fittingOn: corpusDocuments, terms: terms.corpus, conceptBoost: options.conceptBoost)
        }, {
            Self.exactEvidence(analyses: analyses, corpusDocuments: corpusDocuments, terms: terms,
                               documents: documents, options: options)
        })
        let (lexical, lexicalWeighting, lexicalOffers, lexicalNeeds) = exact
        let rank = options.effectiveRank(documents: corpusDocuments.count, features: weighting.featureCount)
        return LexicalStage(
            analyses: analyses, corpusDocuments: corpusDocuments, weighting: weighting, rank: rank,
            lexical: lexical, lexicalWeighting: lexicalWeighting, lexicalOffers: lexicalOffers, lexicalNeeds: lexicalNeeds,
            profileDimensions: min(options.profileDimensions, rank), corpusTerms: terms.corpus, terms: terms.participants)
    }

    /// The numbered stems of a lexical stage: the corpus' texts (offers, then
    /// needs) and the participants' (the corpus' own, or the texts after them).
    struct Terms: Sendable {
        /// Every text numbered: the corpus', then the participants' when they are not the corpus.
        let all: TermIDs
        /// The corpus' texts, numbered.
        let corpus: TermIDs
        /// Where the participants' texts start in ``all`` (offers, then needs).
        let participantsStart: Int
        /// Whether the corpus' texts are the participants' own.
        let corpusIsParticipants: Bool
        /// The participants' texts (offers, then needs), numbered as ``corpus``.
        var participants: TermIDs { all.suffix(from: participantsStart) }

        /// - Parameter corpusIsParticipants: Whether the corpus' texts are the participants' own
        ///   (else theirs follow, even when there are none).
        init(all: TermIDs, corpusDocuments: Int, corpusIsParticipants: Bool) {
            self.all = all
            self.corpus = corpusIsParticipants ? all : all.prefix(corpusDocuments)
            self.participantsStart = corpusIsParticipants ? 0 : corpusDocuments
            self.corpusIsParticipants = corpusIsParticipants
        }
    }

    /// The exact-evidence block (``LexicalBlock``) fitted on the corpus
    /// without sector pseudo-terms, its weighting, and the participants' rows.
    ///
    /// - Complexity: O(total text length + F log F).
    private static func exactEvidence(
        analyses: [ProfileAnalysis], corpusDocuments: [AnalyzedText], terms: Terms, documents: [AnalyzedText],
        options: EncoderOptions
    ) -> (block: LexicalBlock, weighting: TermWeighting, offers: CSRMatrix, needs: CSRMatrix) {
        // The texts without sector pseudo-terms (LexicalBlock.plain): the same ids without the pseudo-terms'.
        let plain = terms.all.filtered(keeping: terms.all.vocabulary.map { !$0.hasPrefix(ProfileAnalysis.sectorTermPrefix) })
        let plainCorpus = terms.corpusIsParticipants ? plain : plain.prefix(corpusDocuments.count)
        let weighting = TermWeighting(
            fittingOn: corpusDocuments, terms: plainCorpus, conceptBoost: options.lexicalConceptBoost,
            minimumDocumentFrequency: 1)
        let corpusCount = corpusDocuments.count / 2
        let block = LexicalBlock(corpus: corpusDocuments, terms: plainCorpus, offers: corpusCount, weighting: weighting,
                                 limit: options.lexicalDimensions)
        // The participants' own texts: the corpus' when it is theirs, else the ones numbered after it.
        let n = analyses.count
        let start = terms.participantsStart
        let offers = block.sparseVectors(of: documents, terms: plain, range: start..<(start + n), weighting: weighting)
        let needs = block.sparseVectors(of: documents, terms: plain, range: (start + n)..<(start + 2 * n), weighting: weighting)
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
