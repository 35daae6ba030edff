import MatchCore

/// Puts the score's linear components on the scale of complementarity, per mission.
///
/// Complementarity is a cosine that is small for most pairs (the 10th-best
/// partner of a list often scores 0.03–0.12), while sector, country and
/// cooperation are near 0 or 1. Weighted as they are, any of them with a
/// weight of 0.1 would decide the order of a list on its own. So each
/// component *k* is multiplied by
///
///     κ_k = min(1, sd(complementarity) / sd(k))
///
/// with both standard deviations measured over a deterministic sample of the
/// mission's candidate pairs (at most ``sampleSize``). A component is never
/// enlarged, so the score stays in [0, 1]; a component with no spread keeps
/// κ = 1. The same weight then means the same thing in a 70-participant
/// mission and a 23,100-participant programme.

public struct ScoreCalibration: Sendable, Hashable, Codable {
    /// κ of the profile similarity.
    public var similarity: Double
    /// κ of the competition (offer–offer cosine).
    public var competition: Double
    /// κ of the sector affinity.
    public var sector: Double
    /// κ of the country fit.
    public var country: Double
    /// κ of the cooperation overlap.
    public var cooperation: Double

    /// The identity: every κ = 1 (uncalibrated components).
    public static let identity = ScoreCalibration(similarity: 1, competition: 1, sector: 1, country: 1, cooperation: 1)

    /// The most pairs the spreads are measured on (4,096).
    public static let sampleSize = 4_096

    /// Creates a calibration from its factors.
    public init(similarity: Double, competition: Double, sector: Double, country: Double, cooperation: Double) {
        self.similarity = similarity
        self.competition = competition
        self.sector = sector
        self.country = country
        self.cooperation = cooperation
    }

    /// Measures the factors on a sample of pairs.
    ///
    /// - Parameters:
    ///   - rows: The participants on one side of the candidate pairs.
    ///   - columns: The participants on the other side.
    ///   - components: The raw components of a pair.
    /// - Complexity: O(``sampleSize``) calls of `components`.
    static func measured(
        rows: [Int], columns: [Int], components: (Int, Int) -> ScoreComponents
    ) -> ScoreCalibration {
        guard !rows.isEmpty, !columns.isEmpty else { return .identity }
        var generator = SeededRandomNumberGenerator(seed: UInt64(rows.count) &* 1_000_003 &+ UInt64(columns.count))
        let exhaustive = rows.count * columns.count <= sampleSize
        var samples: [ScoreComponents] = []
        samples.reserveCapacity(sampleSize)
        if exhaustive {
            for a in rows { for b in columns where a != b { samples.append(components(a, b)) } }
        } else {
            for _ in 0..<sampleSize {
                let a = rows[Int(generator.next() % UInt64(rows.count))]
                let b = columns[Int(generator.next() % UInt64(columns.count))]
                if a != b { samples.append(components(a, b)) }
            }
        }
        let reference = deviation(samples.map(\.complementarity))
        func factor(_ values: [Double]) -> Double {
            let spread = deviation(values)
            guard reference > 0, spread > 0 else { return 1 }
            return min(1, reference / spread)
        }
        return ScoreCalibration(
            similarity: factor(samples.map(\.similarity)), competition: factor(samples.map(\.competition)),
            sector: factor(samples.map(\.sector)), country: factor(samples.map(\.country)),
            cooperation: factor(samples.map(\.cooperation)))
    }

    private static func deviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
        return variance.squareRoot()
    }
}
