/// A scored partner in a participant's candidate list (indices into the mission's participants).
public struct Candidate: Sendable, Hashable {
    /// The partner's participant index.
    public var partner: Int
    /// The pair's score as ranked: the kernel's score plus any wish bonus.
    public var score: Float

    /// Creates a candidate.
    public init(partner: Int, score: Float) {
        self.partner = partner
        self.score = score
    }

    /// Best first: higher score, then lower partner index.
    @inline(__always)
    static func precedes(_ x: Candidate, _ y: Candidate) -> Bool {
        x.score != y.score ? x.score > y.score : x.partner < y.partner
    }
}
