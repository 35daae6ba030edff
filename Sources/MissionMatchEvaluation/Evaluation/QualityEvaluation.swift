import MatchCore
import MissionMatch

/// Scores the engine, its ablations and the two plain baselines on one judged
/// programme, in one run, so that every figure of a comparison comes from the
/// same participants, the same truth and the same machine state.
///
/// ```swift
/// let evaluation = QualityEvaluation(reference: reference)
/// let rows = try evaluation.evaluate(mission: mission, participants: participants, truth: truth)
/// for row in rows { print(row.name, row.metrics.ndcgAt10) }
/// ```
///
/// Each engine variant ranks with `MatchingEngine` exactly as `missionmatch
/// rank` does (its list of the mission's `top_k`, re-ranking included), then
/// the remaining candidates follow by score, so that pairs below the list are
/// placed too. The baselines score every candidate pair (``BaselineScorers``).
public struct QualityEvaluation: Sendable {
    /// One scorer of the comparison.
    public struct Variant: Sendable {
        /// Its name in reports (`engine`, `no competition term`, …).
        public var name: String
        /// The weights it uses (the mission's weights are replaced).
        public var weights: ScoringWeights
        /// Encoder settings.
        public var encoderOptions: EncoderOptions
        /// Re-ranking settings.
        public var rankingOptions: RankingOptions
        /// Whether components are calibrated (`ScoreCalibration`).
        public var calibrated: Bool
        /// Whether it uses the sentence-encoder vectors, when the evaluation has them.
        public var usesSemanticVectors: Bool

        /// Creates a variant.
        public init(
            name: String, weights: ScoringWeights, encoderOptions: EncoderOptions = EncoderOptions(),
            rankingOptions: RankingOptions = RankingOptions(), calibrated: Bool = true, usesSemanticVectors: Bool = true
        ) {
            self.name = name
            self.usesSemanticVectors = usesSemanticVectors
            self.weights = weights
            self.encoderOptions = encoderOptions
            self.rankingOptions = rankingOptions
            self.calibrated = calibrated
        }
    }

    /// One row of the comparison.
    public struct Row: Sendable, Hashable, Codable {
        /// The scorer's name.
        public var name: String
        /// What it reached.
        public var metrics: QualityMetrics
    }

    /// The earlier engine's weights (before calibration, competition and the
    /// exact-evidence block): 0.55 / 0.10 / 0.15 / 0.15 / 0.05, harmonic, LSA only.
    public static let earlierWeights = ScoringWeights(
        complementarity: 0.55, latentShare: 1, similarity: 0.10, competition: 0, sector: 0.15, country: 0.15,
        cooperation: 0.05, reciprocity: .harmonic)

    /// The engine and each ablation, for a mission's weights.
    ///
    /// - Parameters:
    ///   - weights: The engine's weights (usually `ScoringWeights.defaults`).
    ///   - semantic: Whether the evaluation has sentence-encoder vectors: then
    ///     `lexical only (no sentence encoder)` is added after `engine`.
    /// - Returns: `engine`, then one variant per part switched off or put back as it was.
    public static func ablations(of weights: ScoringWeights, semantic: Bool = false) -> [Variant] {
        var noLexical = weights
        noLexical.latentShare = 1
        var noLatent = weights
        noLatent.latentShare = 0
        var noCompetition = weights
        noCompetition.competition = 0
        var harmonic = weights
        harmonic.reciprocity = .harmonic
        let lexicalOnly = semantic
            ? [Variant(name: "lexical only (no sentence encoder)", weights: weights, usesSemanticVectors: false)] : []
        return [Variant(name: "engine", weights: weights)] + lexicalOnly + [
            Variant(name: "no exact-evidence block (LSA only)", weights: noLexical),
            Variant(name: "no LSA block (exact evidence only)", weights: noLatent),
            Variant(name: "no competition term", weights: noCompetition),
            Variant(name: "harmonic combine (old)", weights: harmonic),
            Variant(name: "uncalibrated components", weights: weights, calibrated: false),
            Variant(name: "no re-ranking (congestion, diversity)", weights: weights,
                    rankingOptions: RankingOptions(congestion: 0, diversity: 0)),
            Variant(name: "earlier weights (harmonic, LSA only)", weights: earlierWeights, calibrated: false),
        ]
    }

    /// Reference data for the engine.
    public let reference: ReferenceData
    /// The lowest grade that counts as relevant for recall (default 1).
    public var relevanceThreshold: Int

    /// Creates an evaluation.
    public init(reference: ReferenceData, relevanceThreshold: Int = 1) {
        self.reference = reference
        self.relevanceThreshold = relevanceThreshold
    }

    /// Scores the variants and both baselines.
    ///
    /// - Parameters:
    ///   - mission: The mission (pairing, sides, rules, `top_k`).
    ///   - participants: Its participants.
    ///   - truth: The judged pairs, from the point of view of the truth's participants.
    ///   - variants: The engine variants (default: ``ablations(of:semantic:)`` of the mission's weights,
    ///     which are the defaults unless its file sets them).
    ///   - semantic: Sentence-encoder vectors of the participants, if any: the engine variants use
    ///     them (unless a variant says not to) and a third baseline ranks by them alone.
    /// - Returns: One row per variant, then `plain TF-IDF cosine`, `TF-IDF + LSA reciprocal cosine`
    ///   and, with vectors, `sentence embeddings reciprocal cosine`.
    /// - Throws: `LinearAlgebraError` when LAPACK fails.
    /// - Complexity: one ranking per variant, plus O(|truth participants| · |candidates| · r) for the orderings.
    public func evaluate(
        mission: Mission, participants: [Participant], truth: GroundTruth, variants: [Variant]? = nil,
        semantic: SemanticVectors? = nil
    ) throws -> [Row] {
        let index = Dictionary(participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let judged = MatchingEngine.judgedCandidates(truth: truth, mission: mission, participants: participants)
        func orderings(_ score: (Int, Int) -> Float, head: (Int) -> [Int] = { _ in [] }) -> [String: [String]] {
            var result: [String: [String]] = [:]
            for (owner, candidates) in judged {
                let listed = head(owner)
                let seen = Set(listed)
                let rest = candidates.filter { !seen.contains($0) }
                    .map { (partner: $0, score: score(owner, $0)) }
                    .sorted { $0.score != $1.score ? $0.score > $1.score : $0.partner < $1.partner }
                result[participants[owner].id] = (listed + rest.map(\.partner)).map { participants[$0].id }
            }
            return result
        }

        var report: [Row] = []
        for variant in variants ?? Self.ablations(of: mission.weights, semantic: semantic != nil) {
            var variantMission = mission
            variantMission.weights = variant.weights
            var engine = MatchingEngine(
                reference: reference, encoderOptions: variant.encoderOptions, rankingOptions: variant.rankingOptions)
            engine.calibratesComponents = variant.calibrated
            let ranking = try engine.rank(
                mission: variantMission, participants: participants, semantic: variant.usesSemanticVectors ? semantic : nil)
            let model = ranking.model
            let lists = ranking.recommendations.map { $0.compactMap { index[$0.partner] } }
            let ordered = orderings({ model.rawScore($0, $1) }, head: { lists[$0] })
            report.append(Row(name: variant.name, metrics: QualityMetrics(
                orderings: ordered, truth: truth, relevanceThreshold: relevanceThreshold)))
        }
        let analyses = ProfileAnalysis.analyze(participants, with: TextAnalyzer(thesaurus: reference.thesaurus))
        let baselines = try BaselineScorers(analyses: analyses)
        report.append(Row(name: "plain TF-IDF cosine", metrics: QualityMetrics(
            orderings: orderings(baselines.tfidfCosine), truth: truth, relevanceThreshold: relevanceThreshold)))
        report.append(Row(name: "TF-IDF + LSA reciprocal cosine", metrics: QualityMetrics(
            orderings: orderings(baselines.lsaReciprocalCosine), truth: truth, relevanceThreshold: relevanceThreshold)))
        if let semantic {
            let score = { (a: Int, b: Int) -> Float in
                0.5 * (semantic.offers.dotRow(a, with: semantic.needs, row: b) + semantic.needs.dotRow(a, with: semantic.offers, row: b))
            }
            report.append(Row(name: "sentence embeddings reciprocal cosine", metrics: QualityMetrics(
                orderings: orderings(score), truth: truth, relevanceThreshold: relevanceThreshold)))
        }
        return report
    }
}
