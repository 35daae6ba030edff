/// How the two directions of a pairing are combined: the generalised
/// (power) mean with exponent *p* of `c1⁺ = max(Offer_A·Need_B, 0)` and
/// `c2⁺ = max(Need_A·Offer_B, 0)`.
///
/// | case | p | value | meaning |
/// |---|---|---|---|
/// | ``harmonic`` | −1 | 2·c1·c2 / (c1 + c2) (0 when both are 0) | both directions must hold; the weaker dominates |
/// | ``geometric`` | 0 | √(c1·c2) | both directions matter, softer |
/// | ``arithmetic`` | 1 | (c1 + c2) / 2 | one strong direction can carry the pair |
///
/// All three lie in [0, 1] for cosines and are symmetric, so a pair has the
/// same value seen from either side.
public enum ReciprocalMean: Int, Sendable, Hashable, CaseIterable, Codable {
    /// p = −1.
    case harmonic = -1
    /// p = 0.
    case geometric = 0
    /// p = 1.
    case arithmetic = 1

    /// The exponent *p* of this mean.
    @inlinable public var exponent: Int { rawValue }

    /// Creates the mean for exponent `p`, or `nil` unless p ∈ {−1, 0, 1}.
    @inlinable
    public init?(exponent p: Int) { self.init(rawValue: p) }

    /// The mean of two cosines (negative values clamped to 0).
    ///
    /// The scoring kernel computes exactly this, eight lanes at a time.
    @inlinable
    public func callAsFunction(_ c1: Float, _ c2: Float) -> Float {
        let a = Swift.max(c1, 0), b = Swift.max(c2, 0)
        switch self {
        case .arithmetic: return (a + b) * 0.5
        case .geometric: return (a * b).squareRoot()
        case .harmonic:
            let sum = a + b
            return sum == 0 ? 0 : (2 * a * b) / sum
        }
    }
}
