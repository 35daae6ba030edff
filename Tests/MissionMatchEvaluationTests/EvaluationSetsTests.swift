import Foundation
import MissionMatch
import MissionMatchEvaluation
@testable import MissionMatchIO
import Testing

/// Match quality on data the engine was not built on (`Tests/EvaluationSets/`:
/// five hand-judged programmes and an independent generator's programme, each
/// written by an author briefed with the domain only), plus the engine's own
/// generator — the engine against the earlier weights and the two plain
/// baselines, scored in the same run. The figures asserted are the ones the
/// match-quality tables report (docs/MatchQuality.md), with a margin: a
/// change that loses quality fails here.
struct EvaluationSetsTests {
    static let sets = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EvaluationSets")

    static func evaluate(_ mission: Mission, _ participants: [Participant], _ truth: GroundTruth, _ reference: ReferenceData)
        throws -> [String: QualityMetrics]
    {
        let variants = [
            QualityEvaluation.Variant(name: "engine", weights: .defaults),
            QualityEvaluation.Variant(name: "earlier", weights: QualityEvaluation.earlierWeights, calibrated: false),
        ]
        let rows = try QualityEvaluation(reference: reference).evaluate(
            mission: mission, participants: participants, truth: truth, variants: variants)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.name, $0.metrics) })
    }

    static func judgedSet(_ name: String) throws -> [String: QualityMetrics] {
        let reference = try ReferenceDataLoader.load(from: BundledData.folder).value
        let folder = sets.appendingPathComponent(name)
        let loaded = try MissionLoader(referenceData: reference).load(contentsOf: folder.appendingPathComponent("mission.yaml")).value
        let truth = try GroundTruthReader().read(contentsOf: folder.appendingPathComponent("truth.csv")).value
        #expect(truth.participants.count >= 45)
        #expect(!truth.badPartners.isEmpty)
        return try evaluate(loaded.mission, loaded.participants, truth, reference)
    }

    @Test func handJudgedToronto() throws {
        let m = try Self.judgedSet("hand-toronto")
        let engine = try #require(m["engine"]), earlier = try #require(m["earlier"])
        let lsa = try #require(m["TF-IDF + LSA reciprocal cosine"])
        #expect(engine.ndcgAt10 >= earlier.ndcgAt10 + 0.02)              // 0.753 against 0.732
        #expect(engine.ndcgAt10 >= lsa.ndcgAt10 + 0.05)                  // against 0.688
        // 0.56 against 0.52: 30 and 28 of 54 pairs (0.52 against 0.54 before lists were ordered by their
        // scores; with the sentence encoder 0.46, docs/MatchQuality.md).
        #expect(try #require(engine.badAboveWeakestGold) <= 0.58)
    }

    @Test func handJudgedAdvancedManufacturing() throws {
        let m = try Self.judgedSet("hand-advanced")
        let engine = try #require(m["engine"]), earlier = try #require(m["earlier"])
        #expect(engine.ndcgAt10 >= earlier.ndcgAt10 + 0.012)             // 0.801 against 0.728 (0.794 before LinkTiers)
        // 0.26 against 0.41 (0.35 against 0.46 while real words such as "sellers" were corrected to
        // thesaurus words, docs/MatchQuality.md).
        let bad = try #require(engine.badAboveWeakestGold)
        #expect(bad <= 0.30)
        #expect(try #require(earlier.badAboveWeakestGold) >= bad + 0.10)
    }

    /// The third hand-judged set, written after the engine by an author who never saw it
    /// (Tests/EvaluationSets/hand-shanghai/BRIEF.md). Lexical-only the engine is below plain TF-IDF
    /// there (0.864 against 0.873) and just above the LSA pipeline (0.858); with the sentence
    /// encoder it is above both (0.902, `SemanticCommandTests`). This guards today's figures
    /// against regressions (0.852 / 0.783 before LinkTiers).
    @Test func handJudgedShanghai() throws {
        let m = try Self.judgedSet("hand-shanghai")
        let engine = try #require(m["engine"])
        #expect(engine.ndcgAt10 >= 0.85)                                  // 0.864
        #expect(engine.recallAt5 >= 0.77)                                 // 0.788
        #expect(try #require(engine.badAboveWeakestGold) <= 0.58)         // 0.53
    }

    /// The fourth hand-judged set (Tests/EvaluationSets/hand-washington/BRIEF.md), written on
    /// 2026-12-05 by an author briefed with the domain only and never used to choose anything:
    /// lexical-only the engine is level with plain TF-IDF and above the LSA pipeline and the earlier
    /// weights (0.821 against 0.823, 0.784 and 0.786). It was 0.831 while "patients" was corrected to
    /// "patents" and named IP protection in every health firm's text, a false concept that happened to
    /// link the set's many health firms; with the sentence encoder it is 0.862 (0.846 before).
    @Test func handJudgedWashington() throws {
        let m = try Self.judgedSet("hand-washington")
        let engine = try #require(m["engine"]), earlier = try #require(m["earlier"])
        let lsa = try #require(m["TF-IDF + LSA reciprocal cosine"]), plain = try #require(m["plain TF-IDF cosine"])
        #expect(engine.ndcgAt10 >= plain.ndcgAt10 - 0.005)                // 0.821 against 0.823
        #expect(engine.ndcgAt10 >= lsa.ndcgAt10 + 0.03)                   // against 0.784
        #expect(engine.ndcgAt10 >= earlier.ndcgAt10 + 0.03)               // against 0.786
        #expect(engine.recallAt5 >= 0.71)                                 // 0.721
        #expect(try #require(engine.badAboveWeakestGold) <= 0.47)         // 0.45 (0.49 before)
    }

    /// The fifth hand-judged set (Tests/EvaluationSets/hand-matchmaking/BRIEF.md), written on
    /// 2026-12-06 after every default was chosen: the only one in `open` pairing, a matchmaking day
    /// at home where cluster members meet each other, competitors from one cluster among them.
    /// Every scorer does worse here than on the bipartite sets; these are its first figures.
    @Test func handJudgedOpenMatchmaking() throws {
        let m = try Self.judgedSet("hand-matchmaking")
        let engine = try #require(m["engine"]), earlier = try #require(m["earlier"])
        let lsa = try #require(m["TF-IDF + LSA reciprocal cosine"]), plain = try #require(m["plain TF-IDF cosine"])
        #expect(engine.ndcgAt10 >= plain.ndcgAt10 + 0.03)                 // 0.624 against 0.582
        #expect(engine.ndcgAt10 >= lsa.ndcgAt10 + 0.03)                   // against 0.571
        #expect(engine.ndcgAt10 >= earlier.ndcgAt10 + 0.08)               // against 0.514
        #expect(engine.recallAt5 >= 0.52)                                 // 0.543
        #expect(try #require(engine.badAboveWeakestGold) <= 0.60)         // 0.56 (plain TF-IDF 0.74)
    }

    @Test func independentSupplyChainGenerator() throws {
        let m = try Self.judgedSet("supplychain/seed7-200x600")
        let engine = try #require(m["engine"])
        let lsa = try #require(m["TF-IDF + LSA reciprocal cosine"])
        #expect(engine.ndcgAt10 >= lsa.ndcgAt10 + 0.02)                  // 0.157 against 0.122
    }

    @Test func ownGenerator() throws {
        let reference = try ReferenceDataLoader.load(from: BundledData.folder).value
        let programme = try SyntheticProgrammeGenerator.generate(
            SyntheticProgrammeOptions(consortium: 150, counterparts: 600, seed: 1), referenceData: reference)
        var mission = programme.mission
        mission.weights = .defaults
        let m = try Self.evaluate(mission, programme.participants, programme.truth, reference)
        let engine = try #require(m["engine"]), earlier = try #require(m["earlier"])
        let lsa = try #require(m["TF-IDF + LSA reciprocal cosine"]), plain = try #require(m["plain TF-IDF cosine"])
        #expect(engine.ndcgAt10 >= lsa.ndcgAt10 + 0.10)                  // 0.91 against 0.64
        #expect(engine.ndcgAt10 >= plain.ndcgAt10 + 0.10)                // against 0.37
        #expect(engine.ndcgAt10 >= earlier.ndcgAt10 + 0.02)              // against 0.86
    }

    @Test func fittedWeightsAreNonNegativeAndGeneraliseAcrossParticipants() throws {
        let reference = try ReferenceDataLoader.load(from: BundledData.folder).value
        let sets = try ["hand-toronto", "hand-advanced"].map { name -> JudgedSet in
            let folder = Self.sets.appendingPathComponent(name)
            let loaded = try MissionLoader(referenceData: reference).load(contentsOf: folder.appendingPathComponent("mission.yaml")).value
            let truth = try GroundTruthReader().read(contentsOf: folder.appendingPathComponent("truth.csv")).value
            return try JudgedSet(name: name, mission: loaded.mission, participants: loaded.participants, truth: truth,
                                 reference: reference)
        }
        let fit = try WeightFitter(latentShares: [0, 0.2], folds: 3).fit(sets)
        let w = fit.weights
        let parts = [w.complementarity, w.similarity, w.competition, w.sector, w.country, w.cooperation]
        #expect(parts.allSatisfy { $0 >= 0 })
        #expect(abs(parts.reduce(0, +) - 1) < 0.01)
        #expect(w.complementarity > 0.2)                          // offer↔need fit carries the score
        #expect(fit.byLatentShare.count == 4)                     // two λ × calibrated or not
        #expect(fit.heldOut.map(\.set) == ["hand-toronto", "hand-advanced"])
        // Held out by participant, the fitted weights rank the judged partners well (0.77 and 0.80 with the full grid).
        for row in fit.heldOut { #expect(row.ndcg >= 0.70, "\(row.set)") }
    }
}
