/// How the two directions of a match — what A offers B needs, what B offers A
/// needs — combine into complementarity: a generalised mean of the two cosines.
///
/// | value | mean | for c₁ = 0.8, c₂ = 0.2 |
/// |---|---|---|
/// | `harmonic` (default) | 2·c₁·c₂ / (c₁ + c₂) | 0.32 |
/// | `geometric` | √(c₁·c₂) | 0.40 |
/// | `arithmetic` | (c₁ + c₂) / 2 | 0.50 |
///
/// The harmonic mean is the default because a meeting only happens when both
/// sides want it: a strong match one way cannot make up for none the other way.
/// Set it in the mission file as `weights: {reciprocity: geometric}`.
public enum Reciprocity: String, Sendable, Hashable, Codable, CaseIterable {
    /// 2·c₁·c₂ / (c₁ + c₂): both directions must match.
    case harmonic
    /// √(c₁·c₂).
    case geometric
    /// (c₁ + c₂) / 2: one strong direction is enough.
    case arithmetic
}
