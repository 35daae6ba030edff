import MatchCore

/// The part of a ``ParticipantEncoding`` that LAPACK fits: the LSA vectors
/// of offers, needs and profiles and the feature vectors behind them.
///
/// A randomized SVD's last bits depend on the BLAS that ran it (its kernels
/// differ between processors), so a ranking spread over several machines fits
/// these once and ships them as a file (`MissionMatchIO`'s `EncodingFile`):
/// every machine then scores with the very same vectors. The rest of the
/// encoding (analyses, TF-IDF weightings, the exact-evidence block) is plain
/// Swift arithmetic on the texts and is recomputed where it is needed
/// (``ParticipantEncoder/encode(_:latent:)``).
public struct LatentVectors: Sendable, Equatable {
    /// LSA vectors of the offers (`participants × r`, rows L2-normalised).
    public var offers: Matrix
    /// LSA vectors of the needs (`participants × r`).
    public var needs: Matrix
    /// Profile vectors (`participants × p`).
    public var profiles: Matrix
    /// Σ-scaled, normalised LSA vector of every TF-IDF feature (`features × r`).
    public var featureVectors: Matrix

    /// Creates the vectors.
    ///
    /// - Parameters:
    ///   - offers: Offer rows.
    ///   - needs: Need rows.
    ///   - profiles: Profile rows.
    ///   - featureVectors: Feature rows.
    public init(offers: Matrix, needs: Matrix, profiles: Matrix, featureVectors: Matrix) {
        self.offers = offers
        self.needs = needs
        self.profiles = profiles
        self.featureVectors = featureVectors
    }
}

extension ParticipantEncoding {
    /// The fitted (LAPACK) part of the encoding.
    public var latent: LatentVectors {
        LatentVectors(offers: offers, needs: needs, profiles: profiles, featureVectors: featureVectors)
    }
}

/// The shapes ``ParticipantEncoder/encode(_:latent:)`` expects do not match
/// the vectors given: they were fitted on other participants or with other
/// encoder options or reference data.
public struct LatentShapeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which matrix (`offers`, `needs`, `profiles`, `featureVectors`).
    public var matrix: String
    /// The shape the participants and options call for (rows, columns).
    public var expected: [Int]
    /// The shape given.
    public var found: [Int]

    /// What is wrong and what to do.
    public var description: String {
        "the encoding's \(matrix) are \(found[0]) × \(found[1]) where these participants and options need "
            + "\(expected[0]) × \(expected[1]) (write the encoding again from this mission's participants)"
    }
}

/// What ``ParticipantEncoder`` computes before the SVD (see `lexicalStage`).
struct LexicalStage {
    var analyses: [ProfileAnalysis]
    var corpusDocuments: [AnalyzedText]
    var weighting: TermWeighting
    /// The LSA rank the SVD fits (0: nothing links any two texts).
    var rank: Int
    var lexical: LexicalBlock
    var lexicalWeighting: TermWeighting
    var lexicalOffers: CSRMatrix
    var lexicalNeeds: CSRMatrix
    var profileDimensions: Int
    /// The stems of the corpus' texts (offers, then needs), numbered as the weightings were fitted.
    var corpusTerms: TermIDs
    /// The stems of the participants' texts (offers, then needs), numbered the same way.
    var terms: TermIDs

    /// The shapes of the fitted matrices, in the order offers, needs, profiles, featureVectors.
    var latentShapes: [(name: String, rows: Int, columns: Int)] {
        let n = analyses.count, r = max(rank, 1), p = rank > 0 ? profileDimensions : 1
        return [("offers", n, r), ("needs", n, r), ("profiles", n, p), ("featureVectors", weighting.featureCount, r)]
    }

    /// The whole encoding with these fitted vectors.
    func encoding(latent: LatentVectors) -> ParticipantEncoding {
        ParticipantEncoding(
            offers: latent.offers, needs: latent.needs, profiles: latent.profiles, analyses: analyses, weighting: weighting,
            featureVectors: latent.featureVectors, lexical: lexical, lexicalWeighting: lexicalWeighting,
            lexicalOfferRows: lexicalOffers, lexicalNeedRows: lexicalNeeds)
    }
}

extension ParticipantEncoder {
    /// Encodes participants with LSA vectors fitted earlier (by ``encode(_:)``
    /// on the same participants, possibly on another machine): the text
    /// analyses and TF-IDF blocks are recomputed — the same code as
    /// ``encode(_:)`` runs before its SVD, so the result equals that
    /// encoding exactly when `latent` is its ``ParticipantEncoding/latent``.
    ///
    /// - Parameters:
    ///   - participants: The participants, in the order the vectors were fitted.
    ///   - latent: The fitted vectors.
    /// - Returns: The encoding.
    /// - Throws: ``LatentShapeError`` when a matrix does not have the shape these
    ///   participants and options give (other participants, options or thesaurus).
    /// - Complexity: O(text + F log F + n · d), no SVD.
    public func encode(_ participants: [Participant], latent: LatentVectors) throws(LatentShapeError) -> ParticipantEncoding {
        let analyses = ProfileAnalysis.analyze(participants, with: analyzer)
        let stage = lexicalStage(analyses: analyses)
        let given = [latent.offers, latent.needs, latent.profiles, latent.featureVectors]
        for (shape, matrix) in zip(stage.latentShapes, given) where matrix.rows != shape.rows || matrix.columns != shape.columns {
            throw LatentShapeError(matrix: shape.name, expected: [shape.rows, shape.columns], found: [matrix.rows, matrix.columns])
        }
        return stage.encoding(latent: latent)
    }

    /// The shapes of the fitted matrices for these participants:
    /// `(name, rows, columns)` of offers, needs, profiles and featureVectors.
    ///
    /// - Complexity: that of the text analysis and TF-IDF fit, O(text + F log F).
    public func latentShapes(of participants: [Participant]) -> [(name: String, rows: Int, columns: Int)] {
        let analyses = ProfileAnalysis.analyze(participants, with: analyzer)
        return lexicalStage(analyses: analyses).latentShapes
    }
}

extension ParticipantEncoding {
    /// An encoding that can score pairs and nothing else: the fitted vectors,
    /// the exact-evidence rows and the sentence vectors, with no text
    /// analyses, weightings or feature vectors. What a shard of a sharded
    /// ranking needs: the kernel, the calibration and the masks read only
    /// these matrices, so the text pipeline need not run on every shard.
    /// Explanations need the whole encoding.
    ///
    /// - Parameters:
    ///   - latent: The fitted vectors.
    ///   - lexicalOffers: The offers' exact-evidence rows, as the encoder computed them.
    ///   - lexicalNeeds: The needs' exact-evidence rows.
    ///   - semantic: The sentence-encoder vectors, if any.
    package static func scoringOnly(
        latent: LatentVectors, lexicalOffers: CSRMatrix, lexicalNeeds: CSRMatrix, semantic: SemanticVectors?
    ) -> ParticipantEncoding {
        let none = TermWeighting(fittingOn: [], conceptBoost: 1)
        return ParticipantEncoding(
            offers: latent.offers, needs: latent.needs, profiles: latent.profiles, analyses: [], weighting: none,
            featureVectors: Matrix(rows: 0, columns: latent.offers.columns),
            lexical: LexicalBlock(offers: [], needs: [], weighting: none, limit: 0), lexicalWeighting: none,
            lexicalOfferRows: lexicalOffers, lexicalNeedRows: lexicalNeeds, semantic: semantic)
    }
}
