/// How recommendations are spread: the figures that show what congestion
/// control and diversity do.
public struct RankingStatistics: Sendable, Hashable, Codable {
    /// Lists produced (participants with at least one recommendation).
    public var lists: Int
    /// Recommendations in all lists.
    public var recommendations: Int
    /// Participants recommended to at least one other.
    public var distinctPartners: Int
    /// The most lists any one participant appears in.
    public var maximumExposure: Int
    /// Gini coefficient of exposure over all participants who could be recommended (0 = perfectly even).
    public var exposureGini: Double
    /// Mean profile cosine between two partners of the same list (lower = more diverse).
    public var meanIntraListSimilarity: Double
    /// Mean score of the recommendations.
    public var meanScore: Double

    /// Creates the figures.
    public init(
        lists: Int, recommendations: Int, distinctPartners: Int, maximumExposure: Int, exposureGini: Double,
        meanIntraListSimilarity: Double, meanScore: Double
    ) {
        self.lists = lists
        self.recommendations = recommendations
        self.distinctPartners = distinctPartners
        self.maximumExposure = maximumExposure
        self.exposureGini = exposureGini
        self.meanIntraListSimilarity = meanIntraListSimilarity
        self.meanScore = meanScore
    }

    /// The Gini coefficient of non-negative counts.
    ///
    /// - Parameter counts: The values, e.g. lists per participant.
    /// - Returns: Σᵢ(2i − n − 1)·xᵢ / (n·Σx) over the sorted values; 0 for no or all-zero values.
    /// - Complexity: O(*n* log *n*).
    public static func gini(_ counts: [Int]) -> Double {
        let sorted = counts.sorted()
        let total = sorted.reduce(0, +)
        guard !sorted.isEmpty, total > 0 else { return 0 }
        let n = Double(sorted.count)
        var weighted = 0.0
        for (index, value) in sorted.enumerated() { weighted += (2 * Double(index + 1) - n - 1) * Double(value) }
        return weighted / (n * Double(total))
    }
}
