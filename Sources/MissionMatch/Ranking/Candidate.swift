/// A scored partner in a participant's candidate list (indices into the mission's participants).
///
/// It carries the pair's two direction cosines as the scoring kernel
/// combined them, so that what is decided after the kernel — which partners
/// count as linked by their fit, the components a recommendation shows —
/// reads them instead of computing every block's dot products again.
public struct Candidate: Sendable, Hashable {
    /// The partner's participant index.
    public var partner: Int
    /// The pair's score as ranked: the kernel's score plus any wish bonus.
    public var score: Float
    /// c₁ of ``ScoringModel``: how well the owner's offers meet the partner's needs, every block of the
    /// representation combined (unclamped; the kernel's sum).
    public var offerToNeed: Float
    /// c₂ of ``ScoringModel``: how well the partner's offers meet the owner's needs (unclamped).
    public var needFromOffer: Float

    /// Creates a candidate.
    ///
    /// - Parameters:
    ///   - partner: The partner's participant index.
    ///   - score: The pair's score.
    ///   - offerToNeed: c₁, seen from the list's owner.
    ///   - needFromOffer: c₂, seen from the list's owner.
    public init(partner: Int, score: Float, offerToNeed: Float, needFromOffer: Float) {
        self.partner = partner
        self.score = score
        self.offerToNeed = offerToNeed
        self.needFromOffer = needFromOffer
    }

    /// Best first: higher score, then lower partner index.
    @inline(__always)
    static func precedes(_ x: Candidate, _ y: Candidate) -> Bool {
        x.score != y.score ? x.score > y.score : x.partner < y.partner
    }
}
