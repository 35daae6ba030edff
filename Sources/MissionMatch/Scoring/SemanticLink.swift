import MatchCore

/// When a sentence encoder's cosine says two texts are linked by meaning.
///
/// Raw cosines differ from model to model (unrelated texts score about 0.1
/// with all-MiniLM-L6-v2, 0.7 with some others), so the bar is set per
/// mission: a direction (A's offers against B's needs, or the reverse) is a
/// link by meaning when its cosine is at least the ``percentile`` of the
/// mission's direction cosines, measured on a deterministic sample of its
/// candidate pairs — what is unusual *for this mission* — and never below
/// ``floor``. Measured on the judged sets (`docs/MatchQuality.md`), the 95th
/// percentile keeps about half of the gold pairs' best direction and a few
/// percent of the others.
public struct SemanticLink: Sendable, Hashable {
    /// The cosine from which a direction counts as a link by meaning.
    public var threshold: Float

    /// The percentile of the mission's direction cosines used as the bar (0.95).
    public static let percentile = 0.95
    /// The lowest bar whatever the mission (0.3).
    public static let floor: Float = 0.3
    /// The most pairs sampled (4,096, as ``ScoreCalibration``).
    public static let sampleSize = ScoreCalibration.sampleSize

    /// A fixed bar.
    public init(threshold: Float) {
        self.threshold = threshold
    }

    /// Measures the bar on the mission's candidate pairs.
    ///
    /// - Parameters:
    ///   - vectors: The participants' sentence-encoder vectors.
    ///   - rows: The participants on one side of the candidate pairs.
    ///   - columns: The participants on the other side.
    /// - Complexity: O(``sampleSize`` · d).
    static func measured(_ vectors: SemanticVectors, rows: [Int], columns: [Int]) -> SemanticLink {
        guard !rows.isEmpty, !columns.isEmpty else { return SemanticLink(threshold: floor) }
        var generator = SeededRandomNumberGenerator(seed: UInt64(rows.count) &* 1_000_033 &+ UInt64(columns.count))
        var cosines: [Float] = []
        cosines.reserveCapacity(2 * sampleSize)
        func add(_ a: Int, _ b: Int) {
            guard a != b else { return }
            cosines.append(vectors.offers.dotRow(a, with: vectors.needs, row: b))
            cosines.append(vectors.needs.dotRow(a, with: vectors.offers, row: b))
        }
        if rows.count * columns.count <= sampleSize {
            for a in rows { for b in columns { add(a, b) } }
        } else {
            for _ in 0..<sampleSize {
                add(rows[Int(generator.next() % UInt64(rows.count))], columns[Int(generator.next() % UInt64(columns.count))])
            }
        }
        guard !cosines.isEmpty else { return SemanticLink(threshold: floor) }
        cosines.sort()
        let position = min(cosines.count - 1, Int((Double(cosines.count - 1) * percentile).rounded()))
        return SemanticLink(threshold: max(floor, cosines[position]))
    }
}
