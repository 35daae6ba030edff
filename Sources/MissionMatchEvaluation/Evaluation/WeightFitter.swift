import Foundation
import MatchCore
import MissionMatch

/// Fits the score's weights on judged pairs, instead of choosing them.
///
/// For each value of λ (`ScoringWeights.latentShare`) on a grid, every
/// judged participant's candidates become feature vectors (``JudgedSet``:
/// complementarity, and the calibrated similarity, −competition, sector,
/// country and cooperation). A pairwise logistic model (RankNet) is fitted on
/// the pairs an organiser ordered — each relevant partner against every
/// lower-graded one, every pair judged bad and a seeded sample of the
/// unjudged — each set weighing the same, and within a set the comparisons
/// with pairs judged bad weighing as much as all the others (an organiser's
/// explicit "not this one" says more than an unjudged pair), with an L2 penalty and non-negative weights (Newton steps solved
/// by LAPACK, `MatchCore`'s `PositiveDefiniteSystem`; weights that turn negative are fixed
/// at 0 and the rest refitted). λ, and whether components are calibrated
/// (`ScoreCalibration`), and μ (`ScoringWeights.semanticShare`, when
/// every set has sentence-encoder vectors) are chosen by NDCG@10 on held-out
/// participants (``folds``-fold cross-validation by participant within each
/// set, the sets weighing equally), then the weights are fitted on every
/// participant at that λ.
///
/// ```swift
/// let sets = [try JudgedSet(name: "toronto", mission: m, participants: p, truth: t, reference: reference)]
/// let fit = try WeightFitter().fit(sets)
/// fit.weights          // the mission file's `weights:` block
/// fit.heldOut[0].ndcg  // per set, held-out NDCG@10 with the fitted weights
/// ```
public struct WeightFitter: Sendable {
    /// The values of λ tried (default 0, 0.2, …, 1).
    public var latentShares: [Double]
    /// The values of μ tried when every set has sentence-encoder vectors (default 0, 0.1, …, 0.7).
    public var semanticShares: [Double]
    /// The L2 penalty on the weights (default 0.001, on the mean pair loss of the sets).
    public var ridge: Double
    /// Unjudged candidates sampled per relevant partner (default 30).
    public var unjudgedSamples: Int
    /// Cross-validation folds (default 5).
    public var folds: Int
    /// The seed of the sampling and the folds.
    public var seed: UInt64

    /// Creates a fitter with the documented defaults.
    public init(
        latentShares: [Double] = [0, 0.2, 0.4, 0.6, 0.8, 1], semanticShares: [Double] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
        ridge: Double = 0.001, unjudgedSamples: Int = 30, folds: Int = 5, seed: UInt64 = 2019
    ) {
        self.latentShares = latentShares
        self.semanticShares = semanticShares
        self.ridge = ridge
        self.unjudgedSamples = unjudgedSamples
        self.folds = folds
        self.seed = seed
    }

    /// Held-out quality on one set.
    public struct HeldOut: Sendable, Hashable {
        /// The set's name.
        public var set: String
        /// Mean NDCG@10 of held-out participants, fitted weights (of their fold).
        public var ndcg: Double
        /// The same participants with the weights the fit started from.
        public var baselineNDCG: Double
    }

    /// What a fit found.
    public struct Result: Sendable {
        /// The fitted weights (summing to 1; arithmetic reciprocity).
        public var weights: ScoringWeights
        /// Per set, held-out NDCG@10 at the chosen λ and μ.
        public var heldOut: [HeldOut]
        /// Mean held-out NDCG@10 over the sets for every λ, μ and calibration tried.
        public var byLatentShare: [(latentShare: Double, semanticShare: Double, calibrated: Bool, ndcg: Double)]
    }

    /// Fits the weights.
    ///
    /// - Parameters:
    ///   - sets: The judged sets.
    ///   - baseline: The weights to compare with (default `ScoringWeights.defaults`).
    /// - Returns: The weights and their held-out quality.
    /// - Throws: `LinearAlgebraError` if a Newton system is singular (the ridge prevents it).
    /// - Complexity: O(|λ grid| · |μ grid| · (features of every candidate + folds · Newton steps · pairs · 6²)).
    public func fit(_ sets: [JudgedSet], baseline: ScoringWeights = .defaults) throws -> Result {
        let grades = sets.map { $0.grades() }
        let folds = max(2, self.folds)
        let foldOf: [[Int]] = sets.enumerated().map { setIndex, set in
            var generator = SeededRandomNumberGenerator(seed: seed, stream: UInt64(setIndex))
            var order = Array(set.owners.indices)
            order.shuffle(using: &generator)
            var fold = [Int](repeating: 0, count: order.count)
            for (position, owner) in order.enumerated() { fold[owner] = position % folds }
            return fold
        }
        // The weights compared with do not change with the grid: their held-out NDCG is each set's mean.
        let baselineVector = Self.vector(of: baseline)
        let baselineNDCG: [Double] = sets.indices.map { set in
            let features = sets[set].features(
                latentShare: baseline.latentShare, semanticShare: baseline.semanticShare, calibrated: baseline.calibrated)
            let values = features.indices.compactMap { Self.ndcg(features[$0], grades[set][$0], baselineVector) }
            return values.reduce(0, +) / Double(max(1, values.count))
        }
        var best: (share: Double, semantic: Double, calibrated: Bool, ndcg: Double, heldOut: [HeldOut])?
        var byShare: [(Double, Double, Bool, Double)] = []
        let semantic = !sets.isEmpty && sets.allSatisfy(\.hasSemanticVectors) ? semanticShares : [baseline.semanticShare]
        let grid = latentShares.flatMap { share in semantic.flatMap { mu in [true, false].map { (share, mu, $0) } } }
        for (share, mu, calibrated) in grid {
            let features = sets.map { $0.features(latentShare: share, semanticShare: mu, calibrated: calibrated) }
            var sums = [Double](repeating: 0, count: sets.count)
            var counts = [Int](repeating: 0, count: sets.count)
            for fold in 0..<folds {
                let w = try solve(pairs(features, grades) { set, owner in foldOf[set][owner] != fold })
                for set in sets.indices {
                    for owner in sets[set].owners.indices where foldOf[set][owner] == fold {
                        guard let ndcg = Self.ndcg(features[set][owner], grades[set][owner], w) else { continue }
                        sums[set] += ndcg
                        counts[set] += 1
                    }
                }
            }
            let heldOut = sets.indices.map { set in
                HeldOut(set: sets[set].name, ndcg: sums[set] / Double(max(1, counts[set])), baselineNDCG: baselineNDCG[set])
            }
            let mean = heldOut.map(\.ndcg).reduce(0, +) / Double(max(1, heldOut.count))
            byShare.append((share, mu, calibrated, mean))
            if mean > (best?.ndcg ?? -1) { best = (share, mu, calibrated, mean, heldOut) }
        }
        guard let best else {
            return Result(weights: baseline, heldOut: [], byLatentShare: [])
        }
        let features = sets.map { $0.features(latentShare: best.share, semanticShare: best.semantic, calibrated: best.calibrated) }
        let w = try solve(pairs(features, grades) { _, _ in true })
        let total = w.reduce(0, +)
        let n = total > 0 ? w.map { $0 / total } : Self.vector(of: baseline)
        let weights = ScoringWeights(
            complementarity: Self.rounded(n[0]), latentShare: best.share, semanticShare: best.semantic,
            similarity: Self.rounded(n[1]),
            competition: Self.rounded(n[2]), sector: Self.rounded(n[3]), country: Self.rounded(n[4]),
            cooperation: Self.rounded(n[5]), reciprocity: .arithmetic, calibrated: best.calibrated)
        return Result(weights: weights, heldOut: best.heldOut, byLatentShare: byShare)
    }

    private static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// The weights as the fitted vector (normalised to sum 1).
    static func vector(of weights: ScoringWeights) -> [Double] {
        let raw = [weights.complementarity, weights.similarity, weights.competition, weights.sector, weights.country,
                   weights.cooperation]
        let total = raw.reduce(0, +)
        return total > 0 ? raw.map { $0 / total } : raw
    }

    /// NDCG@10 of one participant's candidates ordered by w·x; `nil` when it has no relevant candidate.
    static func ndcg(_ features: [[Double]], _ grades: [Int], _ w: [Double]) -> Double? {
        let ideal = grades.filter { $0 > 0 }.sorted(by: >)
        guard !ideal.isEmpty else { return nil }
        let scores = features.map { zip($0, w).reduce(0) { $0 + $1.0 * $1.1 } }
        let order = scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        let top = order.prefix(10).map { max(0, grades[$0]) }
        return RankingMetrics.ndcg(grades: top, idealGrades: ideal, k: 10)
    }

    /// The ordered pairs (better − worse feature differences) of the selected participants.
    /// Each set's differences are scaled by √(1 / its pair count) inside the
    /// loss (see `solve(_:)`), so that every set weighs the same, however many
    /// participants it has.
    private func pairs(
        _ features: [[[[Double]]]], _ grades: [[[Int]]], include: (Int, Int) -> Bool
    ) -> [WeightedDifference] {
        var differences: [WeightedDifference] = []
        for set in features.indices {
            let start = differences.count
            var generator = SeededRandomNumberGenerator(seed: seed, stream: 1_000 + UInt64(set))
            for owner in features[set].indices where include(set, owner) {
                let x = features[set][owner], g = grades[set][owner]
                let unjudged = g.indices.filter { g[$0] == 0 }
                for better in g.indices where g[better] > 0 {
                    var worse = g.indices.filter { g[$0] != 0 && g[$0] < g[better] }
                    for _ in 0..<min(unjudgedSamples, unjudged.count) {
                        worse.append(unjudged[Int(generator.next() % UInt64(unjudged.count))])
                    }
                    for other in worse {
                        differences.append(WeightedDifference(
                            values: zip(x[better], x[other]).map { $0 - $1 }, weight: 1, againstBad: g[other] < 0))
                    }
                }
            }
            // Half of a set's loss for the pairs judged bad (when it has any), half for the rest.
            let added = differences[start...]
            let bad = added.count(where: \.againstBad), other = added.count - bad
            for index in start..<differences.count {
                let share = bad == 0 ? 1.0 : 0.5
                differences[index].weight = differences[index].againstBad
                    ? 0.5 / Double(max(1, bad)) : share / Double(max(1, other))
            }
        }
        let sets = Double(max(1, features.count))
        for index in differences.indices { differences[index].weight /= sets }
        return differences
    }

    /// One ordered pair: the better candidate's features minus the worse one's, and its weight in the loss.
    struct WeightedDifference {
        var values: [Double]
        var weight: Double
        var againstBad: Bool
    }

    /// Non-negative, L2-penalised pairwise logistic regression by Newton's method.
    private func solve(_ differences: [WeightedDifference]) throws -> [Double] {
        let dimension = JudgedSet.featureNames.count
        var free = Array(repeating: true, count: dimension)
        var w = [Double](repeating: 0, count: dimension)
        w[0] = 1
        for _ in 0..<dimension {
            for _ in 0..<50 {
                var gradient = [Double](repeating: 0, count: dimension)
                var hessian = [Double](repeating: 0, count: dimension * dimension)
                for difference in differences {
                    let d = difference.values, scale = difference.weight
                    var margin = 0.0
                    for k in 0..<dimension where free[k] { margin += w[k] * d[k] }
                    let p = 1 / (1 + exp(margin))          // σ(−margin)
                    let curvature = p * (1 - p)
                    for i in 0..<dimension where free[i] {
                        gradient[i] -= scale * p * d[i]
                        for j in 0..<dimension where free[j] { hessian[i * dimension + j] += scale * curvature * d[i] * d[j] }
                    }
                }
                let active = (0..<dimension).filter { free[$0] }
                guard !active.isEmpty else { break }
                var h = [Double](repeating: 0, count: active.count * active.count)
                var g = [Double](repeating: 0, count: active.count)
                for (a, i) in active.enumerated() {
                    g[a] = -(gradient[i] + ridge * w[i])
                    for (b, j) in active.enumerated() { h[a * active.count + b] = hessian[i * dimension + j] }
                    h[a * active.count + a] += ridge
                }
                let step = try PositiveDefiniteSystem.solve(h, g, order: active.count)
                var change = 0.0
                for (a, i) in active.enumerated() {
                    w[i] += step[a]
                    change = max(change, abs(step[a]))
                }
                if change < 1e-7 { break }
            }
            let negative = (0..<dimension).filter { free[$0] && w[$0] < 0 }
            if negative.isEmpty { break }
            for k in negative {
                free[k] = false
                w[k] = 0
            }
        }
        return w
    }
}
