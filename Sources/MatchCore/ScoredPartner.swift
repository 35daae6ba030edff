/// One partner in a participant's ranked list, with the parts of its score.
///
/// Components are seen from the *owner* of the list: `offerToNeed` is how well
/// what the owner offers meets what the partner needs (a cosine),
/// `needFromOffer` how well what the partner offers meets what the owner needs,
/// and `linear` the weighted linear block (sectors, countries, cooperation…).
/// The same pair seen from the partner's list has the two cosines swapped.
public struct ScoredPartner: TopKRankable, Hashable {
    /// The partner's row index on the other side (or in the same set for `open` pairing).
    public var partner: Int
    /// The pair's score: `weight · mean(offerToNeed⁺, needFromOffer⁺) + linear`.
    public var score: Float
    /// Cosine of the owner's offer and the partner's need (unclamped).
    public var offerToNeed: Float
    /// Cosine of the owner's need and the partner's offer (unclamped).
    public var needFromOffer: Float
    /// The linear block `Feat_owner · Feat_partner`.
    public var linear: Float

    /// Creates a scored partner.
    @inlinable
    public init(partner: Int, score: Float, offerToNeed: Float, needFromOffer: Float, linear: Float) {
        self.partner = partner
        self.score = score
        self.offerToNeed = offerToNeed
        self.needFromOffer = needFromOffer
        self.linear = linear
    }

    @inlinable public var rankScore: Float { score }
    @inlinable public var rankIndex: Int { partner }
}
