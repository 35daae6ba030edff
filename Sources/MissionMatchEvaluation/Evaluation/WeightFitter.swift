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
/// For the outcomes of past missions (``OutcomeFitter``) the same fit runs
/// with no unjudged samples, λ, μ and calibration kept at each mission's
/// (``keepsBaselineShares``) and held-out participants' meetings kept out of
/// training (``isolatesHeldOutParticipants``); ``Result/participants`` and
/// ``Result/gain`` give the per-participant held-out values its confidence
/// rule reads.
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
    /// When `true`, λ, μ and calibration are not searched: each set's
    /// features use its baseline's (``fit(_:baselines:)``) and only the six
    /// weights are fitted — one point instead of the grid, so the held-out
    /// figures are not the best of many tries (default `false`).
    public var keepsBaselineShares: Bool
    /// When `true`, a fold's training pairs also leave out every candidate
    /// that is a held-out participant, so that a pair judged in both
    /// participants' lists (a meeting) never informs the weights it is
    /// tested with (default `false`).
    public var isolatesHeldOutParticipants: Bool

    /// Creates a fitter with the documented defaults.
    public init(
        latentShares: [Double] = [0, 0.2, 0.4, 0.6, 0.8, 1], semanticShares: [Double] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7],
        ridge: Double = 0.001, unjudgedSamples: Int = 30, folds: Int = 5, seed: UInt64 = 2019,
        keepsBaselineShares: Bool = false, isolatesHeldOutParticipants: Bool = false
    ) {
        self.latentShares = latentShares
        self.semanticShares = semanticShares
        self.ridge = ridge
        self.unjudgedSamples = unjudgedSamples
        self.folds = folds
        self.seed = seed
        self.keepsBaselineShares = keepsBaselineShares
        self.isolatesHeldOutParticipants = isolatesHeldOutParticipants
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

    /// Held-out quality for one participant of a set.
    public struct ParticipantHeldOut: Sendable, Hashable {
        /// The set's name.
        public var set: String
        /// The participant's id.
        public var participant: String
        /// NDCG@10 of its candidates with the weights fitted without its fold.
        public var ndcg: Double
        /// The same with the baseline weights.
        public var baselineNDCG: Double
    }

    /// How much better the fitted weights rank held-out participants'
    /// candidates than the baseline: the mean of the per-participant
    /// differences in NDCG@10 and its standard error.
    ///
    /// Two participants who judged each other (a meeting, labelled in both
    /// participants' lists) share that label, so their differences are not
    /// independent. The standard error counts those covariances — the
    /// variance of the mean is (Σᵢ eᵢ² + Σ over linked pairs i ≠ j of eᵢ·eⱼ) / (n(n − 1)),
    /// eᵢ the deviation of participant *i*'s difference from the mean,
    /// each linked pair counted both ways — and is never below the
    /// independent-participants figure √(Σᵢ eᵢ² / (n(n − 1))). Even so,
    /// cross-validated differences vary more than this says (the folds'
    /// weights are fitted on one another's labels): on labels that are pure
    /// noise, mean ÷ standard error spread 1.16 rather than 1 (200 seeded
    /// sets on the Toronto 2019 agenda; 1.32 without the links, 40 sets), which
    /// is why `OutcomeFitter` asks for 2.33 standard errors.
    public struct HeldOutGain: Sendable, Hashable {
        /// The participants compared (those with a relevant candidate).
        public var participants: Int
        /// Mean of NDCG@10 fitted − baseline.
        public var mean: Double
        /// The standard error of that mean (infinite with fewer than two participants).
        public var standardError: Double

        /// The gain of per-participant values.
        ///
        /// - Parameters:
        ///   - values: The held-out values.
        ///   - linked: Pairs of indices into `values` whose differences share
        ///     a label (each pair once, in either order).
        public init(_ values: [ParticipantHeldOut], linked: [(Int, Int)] = []) {
            let differences = values.map { $0.ndcg - $0.baselineNDCG }
            let n = differences.count
            participants = n
            mean = n == 0 ? 0 : differences.reduce(0, +) / Double(n)
            guard n >= 2 else {
                standardError = .infinity
                return
            }
            let m = mean
            let squares = differences.reduce(0) { $0 + ($1 - m) * ($1 - m) }
            var products = 0.0
            for (i, j) in linked where i != j && differences.indices.contains(i) && differences.indices.contains(j) {
                products += 2 * (differences[i] - m) * (differences[j] - m)
            }
            standardError = (max(squares, squares + products) / Double(n * (n - 1))).squareRoot()
        }

        /// The lower end of the normal-approximation confidence interval: mean − z · standard error.
        ///
        /// - Parameter z: The normal quantile (default 1.96, the two-sided 95 % interval's).
        /// - Returns: The lower bound (−∞ with fewer than two participants).
        public func lowerBound(z: Double = 1.96) -> Double { mean - z * standardError }
    }

    /// What a fit found.
    public struct Result: Sendable {
        /// The fitted weights (summing to 1; arithmetic reciprocity).
        public var weights: ScoringWeights
        /// Per set, held-out NDCG@10 at the chosen λ and μ.
        public var heldOut: [HeldOut]
        /// Mean held-out NDCG@10 over the sets for every λ, μ and calibration tried.
        public var byLatentShare: [(latentShare: Double, semanticShare: Double, calibrated: Bool, ndcg: Double)]
        /// Per held-out participant with a relevant candidate (sets in order,
        /// participants in the truth's order), NDCG@10 at the chosen λ, μ and
        /// calibration with its fold's weights and with the baseline.
        public var participants: [ParticipantHeldOut] = []
        /// Pairs of indices into ``participants`` who judged each other (each pair once).
        var links: [(Int, Int)] = []

        /// The fitted weights' held-out gain over the baseline, over ``participants``,
        /// participants who judged each other counted as linked.
        public var gain: HeldOutGain { HeldOutGain(participants, linked: links) }
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
        guard !sets.isEmpty else { return Result(weights: baseline, heldOut: [], byLatentShare: []) }
        return try fit(sets, baselines: Array(repeating: baseline, count: sets.count))
    }

    /// Fits the weights, comparing each set with its own baseline (e.g. its mission's current weights).
    ///
    /// With ``keepsBaselineShares`` each set's features use its baseline's
    /// λ, μ and calibration, and the fitted weights carry the first set's.
    ///
    /// - Parameters:
    ///   - sets: The judged sets.
    ///   - baselines: One baseline per set.
    /// - Returns: The weights and their held-out quality.
    /// - Throws: `LinearAlgebraError` if a Newton system is singular (the ridge prevents it).
    /// - Precondition: One baseline per set.
    /// - Complexity: See ``fit(_:baseline:)``; one grid point with ``keepsBaselineShares``.
    public func fit(_ sets: [JudgedSet], baselines: [ScoringWeights]) throws -> Result {
        precondition(baselines.count == sets.count, "one baseline per set")
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
        // A candidate's fold, when it is itself a judged participant (for isolatesHeldOutParticipants).
        let candidateFold: [[[Int?]]] = isolatesHeldOutParticipants ? sets.indices.map { set in
            var foldOfParticipant: [Int: Int] = [:]
            for (position, entry) in sets[set].owners.enumerated() { foldOfParticipant[entry.owner] = foldOf[set][position] }
            return sets[set].owners.map { entry in entry.candidates.map { foldOfParticipant[$0] } }
        } : []
        // The weights compared with do not change with the grid: their held-out NDCG is each set's mean.
        var baselineFeatures: [[[[Double]]]] = []
        let baselinePerOwner: [[Double?]] = sets.indices.map { set in
            let baseline = baselines[set]
            let features = sets[set].features(
                latentShare: baseline.latentShare, semanticShare: baseline.semanticShare, calibrated: baseline.calibrated)
            if keepsBaselineShares { baselineFeatures.append(features) }
            let vector = Self.vector(of: baseline)
            return features.indices.map { Self.ndcg(features[$0], grades[set][$0], vector) }
        }
        let baselineNDCG: [Double] = baselinePerOwner.map { values in
            let known = values.compactMap { $0 }
            return known.reduce(0, +) / Double(max(1, known.count))
        }
        var best: (share: Double, semantic: Double, calibrated: Bool, ndcg: Double, heldOut: [HeldOut], perOwner: [[Double?]])?
        var byShare: [(Double, Double, Bool, Double)] = []
        let first = baselines.first ?? .defaults
        let semantic = !sets.isEmpty && sets.allSatisfy(\.hasSemanticVectors) ? semanticShares : [first.semanticShare]
        let grid = keepsBaselineShares
            ? [(first.latentShare, first.semanticShare, first.calibrated)]
            : latentShares.flatMap { share in semantic.flatMap { mu in [true, false].map { (share, mu, $0) } } }
        func features(_ share: Double, _ mu: Double, _ calibrated: Bool) -> [[[[Double]]]] {
            keepsBaselineShares ? baselineFeatures
                : sets.map { $0.features(latentShare: share, semanticShare: mu, calibrated: calibrated) }
        }
        for (share, mu, calibrated) in grid {
            let features = features(share, mu, calibrated)
            var sums = [Double](repeating: 0, count: sets.count)
            var counts = [Int](repeating: 0, count: sets.count)
            var perOwner: [[Double?]] = sets.map { [Double?](repeating: nil, count: $0.owners.count) }
            for fold in 0..<folds {
                let keep: ((Int, Int, Int) -> Bool)? = isolatesHeldOutParticipants
                    ? { set, owner, slot in candidateFold[set][owner][slot] != fold } : nil
                let w = try solve(pairs(features, grades, keep: keep) { set, owner in foldOf[set][owner] != fold })
                for set in sets.indices {
                    for owner in sets[set].owners.indices where foldOf[set][owner] == fold {
                        guard let ndcg = Self.ndcg(features[set][owner], grades[set][owner], w) else { continue }
                        sums[set] += ndcg
                        counts[set] += 1
                        perOwner[set][owner] = ndcg
                    }
                }
            }
            let heldOut = sets.indices.map { set in
                HeldOut(set: sets[set].name, ndcg: sums[set] / Double(max(1, counts[set])), baselineNDCG: baselineNDCG[set])
            }
            let mean = heldOut.map(\.ndcg).reduce(0, +) / Double(max(1, heldOut.count))
            byShare.append((share, mu, calibrated, mean))
            if mean > (best?.ndcg ?? -1) { best = (share, mu, calibrated, mean, heldOut, perOwner) }
        }
        guard let best else {
            return Result(weights: first, heldOut: [], byLatentShare: [])
        }
        let features = features(best.share, best.semantic, best.calibrated)
        let w = try solve(pairs(features, grades, keep: nil) { _, _ in true })
        let total = w.reduce(0, +)
        let n = total > 0 ? w.map { $0 / total } : Self.vector(of: first)
        let weights = ScoringWeights(
            complementarity: Self.rounded(n[0]), latentShare: best.share, semanticShare: best.semantic,
            similarity: Self.rounded(n[1]),
            competition: Self.rounded(n[2]), sector: Self.rounded(n[3]), country: Self.rounded(n[4]),
            cooperation: Self.rounded(n[5]), reciprocity: .arithmetic, calibrated: best.calibrated)
        var participants: [ParticipantHeldOut] = []
        let positions: [[Int?]] = sets.indices.map { set in
            sets[set].owners.indices.map { owner -> Int? in
                guard let ndcg = best.perOwner[set][owner], let baseline = baselinePerOwner[set][owner] else { return nil }
                participants.append(ParticipantHeldOut(
                    set: sets[set].name, participant: sets[set].participants[sets[set].owners[owner].owner].id,
                    ndcg: ndcg, baselineNDCG: baseline))
                return participants.count - 1
            }
        }
        return Result(weights: weights, heldOut: best.heldOut, byLatentShare: byShare, participants: participants,
                      links: Self.links(positions, sets))
    }

    private static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// The pairs of held-out participants (indices into the result's
    /// `participants`, built set by set, owners in order) of one set where
    /// either judged the other (a meeting graded in both lists): they share a label.
    static func links(_ heldOut: [[Int?]], _ sets: [JudgedSet]) -> [(Int, Int)] {
        var links = Set<Int>()
        let total = heldOut.reduce(0) { $0 + $1.count { $0 != nil } }
        for (set, positions) in heldOut.enumerated() {
            // A held-out participant's position by id.
            var positionOf: [String: Int] = [:]
            let truth = sets[set].truth, participants = sets[set].participants
            for (position, entry) in sets[set].owners.enumerated() {
                if let i = positions[position] { positionOf[participants[entry.owner].id] = i }
            }
            for (id, i) in positionOf {
                for partner in truth.relevant(for: id).map(\.partner) + (truth.badPartners[id] ?? []) {
                    guard let j = positionOf[partner], j != i else { continue }
                    links.insert(min(i, j) * total + max(i, j))
                }
            }
        }
        return links.sorted().map { ($0 / total, $0 % total) }
    }

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
    ///
    /// - Parameters:
    ///   - keep: When given, whether a candidate (set, owner position, slot) may enter a pair at all.
    ///   - include: Whether an owner (set, owner position) is in the training folds.
    private func pairs(
        _ features: [[[[Double]]]], _ grades: [[[Int]]], keep: ((Int, Int, Int) -> Bool)?, include: (Int, Int) -> Bool
    ) -> WeightedDifferences {
        let dimension = JudgedSet.featureNames.count
        var differences = WeightedDifferences()
        for set in features.indices {
            let start = differences.weights.count
            var generator = SeededRandomNumberGenerator(seed: seed, stream: 1_000 + UInt64(set))
            for owner in features[set].indices where include(set, owner) {
                let x = features[set][owner], g = grades[set][owner]
                let slots = keep.map { keep in g.indices.filter { keep(set, owner, $0) } } ?? Array(g.indices)
                let unjudged = slots.filter { g[$0] == 0 }
                for better in slots where g[better] > 0 {
                    var worse = slots.filter { g[$0] != 0 && g[$0] < g[better] }
                    for _ in 0..<min(unjudgedSamples, unjudged.count) {
                        worse.append(unjudged[Int(generator.next() % UInt64(unjudged.count))])
                    }
                    for other in worse {
                        for k in 0..<dimension { differences.values.append(x[better][k] - x[other][k]) }
                        differences.weights.append(1)
                        differences.againstBad.append(g[other] < 0)
                    }
                }
            }
            // Half of a set's loss for the pairs judged bad (when it has any), half for the rest.
            let added = differences.againstBad[start...]
            let bad = added.count { $0 }, other = added.count - bad
            for index in start..<differences.weights.count {
                let share = bad == 0 ? 1.0 : 0.5
                differences.weights[index] = differences.againstBad[index]
                    ? 0.5 / Double(max(1, bad)) : share / Double(max(1, other))
            }
        }
        let sets = Double(max(1, features.count))
        for index in differences.weights.indices { differences.weights[index] /= sets }
        return differences
    }

    /// The ordered pairs: the better candidate's features minus the worse
    /// one's (``JudgedSet/featureNames``-many values per pair, one buffer),
    /// and each pair's weight in the loss.
    struct WeightedDifferences {
        var values: [Double] = []
        var weights: [Double] = []
        var againstBad: [Bool] = []
    }

    /// Non-negative, L2-penalised pairwise logistic regression by Newton's method.
    ///
    /// Only the Hessian's upper triangle (row-major; the lower triangle
    /// `dposv` reads in column-major order) is accumulated: the same products
    /// in the same order as a full accumulation, so the same bits, in about half the time.
    private func solve(_ differences: WeightedDifferences) throws -> [Double] {
        let dimension = JudgedSet.featureNames.count
        let values = differences.values, scales = differences.weights
        var free = Array(repeating: true, count: dimension)
        var w = [Double](repeating: 0, count: dimension)
        w[0] = 1
        for _ in 0..<dimension {
            for _ in 0..<50 {
                var gradient = [Double](repeating: 0, count: dimension)
                var hessian = [Double](repeating: 0, count: dimension * dimension)
                let active = (0..<dimension).filter { free[$0] }
                values.withUnsafeBufferPointer { values in
                    scales.withUnsafeBufferPointer { scales in
                        gradient.withUnsafeMutableBufferPointer { gradient in
                            hessian.withUnsafeMutableBufferPointer { hessian in
                                Self.accumulate(values, scales, w, active, dimension, gradient, hessian)
                            }
                        }
                    }
                }
                guard !active.isEmpty else { break }
                var h = [Double](repeating: 0, count: active.count * active.count)
                var g = [Double](repeating: 0, count: active.count)
                for (a, i) in active.enumerated() {
                    g[a] = -(gradient[i] + ridge * w[i])
                    for (b, j) in active.enumerated() where b >= a { h[a * active.count + b] = hessian[i * dimension + j] }
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

    /// The loss's gradient and the upper triangle of its Hessian (without the ridge) at `w`, over the active weights.
    ///
    /// Plain pointer loops, with the products of the straightforward
    /// accumulation factored left to right ((scale · p) · dᵢ, ((scale · p(1−p)) · dᵢ) · dⱼ),
    /// so the bits are the same and a debug build is not slowed by iterators.
    private static func accumulate(
        _ values: UnsafeBufferPointer<Double>, _ scales: UnsafeBufferPointer<Double>, _ w: [Double], _ active: [Int],
        _ dimension: Int, _ gradient: UnsafeMutableBufferPointer<Double>, _ hessian: UnsafeMutableBufferPointer<Double>
    ) {
        let count = scales.count, n = active.count
        guard count > 0, n > 0, let v = values.baseAddress, let s = scales.baseAddress,
              let g = gradient.baseAddress, let h = hessian.baseAddress else { return }
        active.withUnsafeBufferPointer { active in
            w.withUnsafeBufferPointer { w in
                guard let act = active.baseAddress, let w = w.baseAddress else { return }
                var index = 0
                while index < count {
                    let d = v + index * dimension, scale = s[index]
                    var margin = 0.0
                    var a = 0
                    while a < n {
                        margin += w[act[a]] * d[act[a]]
                        a += 1
                    }
                    let p = 1 / (1 + exp(margin))          // σ(−margin)
                    let curvature = p * (1 - p)
                    let scaledP = scale * p, scaledCurvature = scale * curvature
                    a = 0
                    while a < n {
                        let i = act[a]
                        g[i] -= scaledP * d[i]
                        let factor = scaledCurvature * d[i], row = h + i * dimension
                        var b = a
                        while b < n {
                            row[act[b]] += factor * d[act[b]]
                            b += 1
                        }
                        a += 1
                    }
                    index += 1
                }
            }
        }
    }
}
