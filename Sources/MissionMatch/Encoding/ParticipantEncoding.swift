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

    /// The LSA dimension *r*.
    public var latentDimensions: Int { offers.columns }
}
