import MatchCore

/// Participants as dense vectors: what each offers, what each needs, its profile.
///
/// Row *i* of every matrix belongs to participant *i* of the encoded list.
/// Rows are L2-normalised (a participant with nothing on one side has a zero
/// row there), so dot products are cosines.
public struct ParticipantEncoding: Sendable {
    /// LSA vectors of the offers (`participants × r`).
    public var offers: Matrix
    /// LSA vectors of the needs (`participants × r`).
    public var needs: Matrix
    /// Profile vectors for similarity (`participants × p`): the leading
    /// components of offers + needs.
    public var profiles: Matrix
    /// The text pipeline's analyses, for explanations.
    public var analyses: [ProfileAnalysis]
    /// The fitted TF-IDF weighting.
    public var weighting: TermWeighting
    /// The LSA vector of every feature (`features × r`, rows normalised), for
    /// explaining which related concepts link two texts.
    public var featureVectors: Matrix

    /// The exact-evidence columns (``LexicalBlock``).
    public var lexical: LexicalBlock
    /// The TF-IDF weighting behind ``lexical``: every term of the texts (none
    /// dropped, so that norms are those of the whole text) and the thesaurus
    /// concepts, without sector pseudo-terms.
    public var lexicalWeighting: TermWeighting
    /// TF-IDF rows of the offers over ``lexical``'s features (`participants × d`, norm ≤ 1):
    /// a dot product with ``lexicalNeeds`` is the exact TF-IDF cosine.
    ///
    /// The dense form of the sparse rows the encoding keeps, built on each read (a few
    /// features of hundreds are non-zero in a row, so the encoding keeps them sparse).
    ///
    /// - Complexity: O(participants × d) to read or write.
    public var lexicalOffers: Matrix {
        get { Matrix(lexicalOfferRows) }
        set { lexicalOfferRows = CSRMatrix(newValue) }
    }
    /// TF-IDF rows of the needs over ``lexical``'s features (`participants × d`, norm ≤ 1):
    /// the dense form of the sparse rows the encoding keeps, built on each read.
    ///
    /// - Complexity: O(participants × d) to read or write.
    public var lexicalNeeds: Matrix {
        get { Matrix(lexicalNeedRows) }
        set { lexicalNeedRows = CSRMatrix(newValue) }
    }
    /// ``lexicalOffers`` as sparse rows: what the encoder computes and the scoring model multiplies.
    package var lexicalOfferRows: CSRMatrix
    /// ``lexicalNeeds`` as sparse rows.
    package var lexicalNeedRows: CSRMatrix

    /// Sentence-encoder vectors of the offers and needs, when the mission has
    /// an encoder or a vectors file (``SemanticVectors``); `nil` means lexical only.
    public var semantic: SemanticVectors?

    /// What the reasons read of every text, when computed earlier: the
    /// engine's encoding computes them beside its SVD, and a merged sharded
    /// ranking takes them from the encoding file instead of running the text
    /// pipeline again (`ExplanationKeys`); `nil` computes them from
    /// ``analyses`` and the weightings when the ranking needs them.
    package var explanationKeys: ExplanationKeys?

    /// The LSA dimension *r*.
    public var latentDimensions: Int { offers.columns }
}
