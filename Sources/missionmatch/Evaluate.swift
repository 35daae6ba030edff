import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchEvaluation
import MissionMatchIO

/// `missionmatch evaluate`: scores a recommendations file, or the engine, its
/// ablations and the plain baselines, against a ground truth.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score rankings against a ground truth: the engine against the plain baselines, or a recommendations file.",
        discussion: """
            With --mission, ranks the mission's participants with the engine, \
            each of its ablations and the two plain baselines (a TF-IDF cosine \
            of offers + needs; TF-IDF + LSA reciprocal cosine), all in this \
            run, and prints recall@5, NDCG@10 and the share of pairs judged bad \
            (relevance-0 rows of the truth: competitors, look-alikes) ranked \
            above the participant's lowest-ranked relevant partner:

              $ missionmatch evaluate --mission Tests/EvaluationSets/hand-toronto/mission.yaml \\
                  --truth Tests/EvaluationSets/hand-toronto/truth.csv --no-encoder
              scorer                                       recall@5  NDCG@10 bad>gold
              engine                                          0.678    0.761    0.537
              no exact-evidence block (LSA only)              0.653    0.713    0.556
              …
              plain TF-IDF cosine                             0.614    0.730    0.574
              TF-IDF + LSA reciprocal cosine                  0.561    0.688    0.611

            Relevant means a grade ≥ --threshold (default 1 here); recall@5 \
            is out of min(5, relevant partners).

            Without --mission, reads RECOMMENDATIONS.csv (participant_id,rank,partner_id,… as \
            `missionmatch rank` writes it) and a truth file \
            (participant_id,partner_id,relevance as `missionmatch generate` \
            writes it), and averages over the truth's participants that have a \
            partner of relevance ≥ --threshold:

              NDCG@k    Σ (2^rel − 1) / log2(rank + 1) over the top k, divided by
                        the same sum for the truth's best k grades
              recall@k  share of the partners of relevance ≥ threshold found in
                        the top k
              MRR@k     1 / rank of the first partner of relevance ≥ threshold
                        in the top k (0 when none)

            A participant of the truth without recommendations counts as 0; \
            recommendations of participants the truth does not list (the other \
            side's) are ignored.

            Example (the figures depend on the ranking evaluated):

              $ missionmatch generate --consortium 200 --counterparts 1000 --seed 1 --out /tmp/gen
              $ missionmatch rank /tmp/gen/mission.yaml --format csv --out /tmp/gen/recommendations.csv
              $ missionmatch evaluate /tmp/gen/recommendations.csv --truth /tmp/gen/truth.csv
              participants  200 (relevant: relevance ≥ 2)
              NDCG@10       0.8123
              recall@10     0.7450
              MRR@10        0.9012

            Errors (exit 65; 66 when a file is missing) name the file, line and column.
            """
    )

    /// How to print the result.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The recommendations CSV (not with --mission).")
    var recommendations: String?

    @Option(help: "A mission file: rank it with the engine, its ablations and the baselines.")
    var mission: String?

    @Option(help: "The reference data folder (with --mission; default: the nearest Data/).")
    var data: String?

    @Option(help: "The ground-truth CSV (participant_id,partner_id,relevance).")
    var truth: String

    @Option(help: "The cut-off k of a recommendations file's NDCG, recall and MRR (default: 10); --mission reports recall@5 and NDCG@10.")
    var k: Int?

    @Option(help: "The lowest relevance that counts as relevant for recall and MRR (default 2, or 1 with --mission).")
    var threshold: Int?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @OptionGroup var semantic: SemanticOptions

    func validate() throws {
        guard (k ?? 1) >= 1 else { throw ValidationError("--k must be at least 1.") }
        if mission != nil, k != nil {
            throw ValidationError("--k applies to a recommendations file; --mission reports recall@5 and NDCG@10 for every scorer.")
        }
        guard (threshold ?? 1) >= 1 else { throw ValidationError("--threshold must be at least 1.") }
        switch (recommendations, mission) {
        case (nil, nil): throw ValidationError("Give a recommendations file or --mission FILE.")
        case (.some, .some): throw ValidationError("Give either a recommendations file or --mission, not both.")
        default: break
        }
        try semantic.validateOneMission(command: "evaluate")
    }

    func run() throws {
        if let mission {
            try compare(mission: mission)
            return
        }
        guard let recommendations else { return }
        let threshold = self.threshold ?? 2
        var failures = Diagnostics()
        var truthValue: GroundTruth?
        var rows: [RecommendationsReader.Row]?
        do {
            let read = try GroundTruthReader().read(contentsOf: URL(fileURLWithPath: truth), displayName: truth)
            truthValue = read.value
            StandardError.write(read.diagnostics.warningLines)
        } catch {
            failures.append(contentsOf: error.diagnostics)
        }
        do {
            let read = try RecommendationsReader().read(contentsOf: URL(fileURLWithPath: recommendations),
                                                        displayName: recommendations)
            rows = read.value
            StandardError.write(read.diagnostics.warningLines)
        } catch {
            failures.append(contentsOf: error.diagnostics)
        }
        guard let truthValue, let rows, !failures.hasErrors else {
            StandardError.write(failures.errorLines)
            throw SysExits.code(for: failures)
        }
        let rankings = RecommendationsReader.rankings(rows)
        if !truthValue.participants.isEmpty, !truthValue.participants.contains(where: { rankings[$0] != nil }) {
            StandardError.write(["warning: no participant of \(truth) has a recommendation in \(recommendations); "
                                 + "check that both files belong to the same programme"])
        }
        let metrics = RankingMetrics(rankings: rankings, truth: truthValue, k: k ?? 10, relevanceThreshold: threshold)
        switch format {
        case .text: print(Self.text(metrics), terminator: "")
        case .json: print(try Self.json(metrics))
        }
    }

    /// The engine, its ablations and the baselines on one judged mission.
    private func compare(mission path: String) throws {
        let reference = try CommandInputs.reference(data: data)
        let loaded = try CommandInputs.mission(path, reference: reference)
        let truthValue = try CommandInputs.truth(truth)
        let known = Set(loaded.participants.map(\.id))
        let unknown = truthValue.participants.filter { !known.contains($0) }
        if !unknown.isEmpty {
            StandardError.write(["warning: \(unknown.count) participant(s) of \(truth) are not in the mission, e.g. "
                                 + "'\(unknown[0])'; check that both files belong to the same programme"])
        }
        let evaluation = QualityEvaluation(reference: reference, relevanceThreshold: threshold ?? 1)
        let rows = try evaluation.evaluate(
            mission: loaded.mission, participants: loaded.participants, truth: truthValue,
            semantic: try semantic.source().vectors(for: loaded))
        switch format {
        case .text: print(Self.comparisonText(rows), terminator: "")
        case .json: print(try Self.comparisonJSON(rows))
        }
    }

    static func comparisonText(_ rows: [QualityEvaluation.Row]) -> String {
        let width = max(44, (rows.map(\.name.count).max() ?? 0) + 2)
        func cell(_ x: Double?) -> String {
            (x.map { FixedPoint.format($0, digits: 3) } ?? "—").leftPadded(9)
        }
        var lines = ["scorer".padding(toLength: width, withPad: " ", startingAt: 0)
                     + "recall@5".leftPadded(9) + "NDCG@10".leftPadded(9) + "bad>gold".leftPadded(9)]
        for row in rows {
            lines.append(row.name.padding(toLength: width, withPad: " ", startingAt: 0)
                         + cell(row.metrics.recallAt5) + cell(row.metrics.ndcgAt10) + cell(row.metrics.badAboveWeakestGold))
        }
        if let first = rows.first {
            lines.append("")
            lines.append("\(first.metrics.participants) participants with a partner of grade ≥ \(first.metrics.relevanceThreshold); "
                         + "\(first.metrics.badPairs) pairs judged bad")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func comparisonJSON(_ rows: [QualityEvaluation.Row]) throws -> String {
        let objects: [[String: Any]] = rows.map { row in
            var object: [String: Any] = [
                "scorer": row.name, "recall_at_5": rounded(row.metrics.recallAt5),
                "ndcg_at_10": rounded(row.metrics.ndcgAt10), "participants": row.metrics.participants,
                "bad_pairs": row.metrics.badPairs,
            ]
            object["bad_above_weakest_gold"] = row.metrics.badAboveWeakestGold.map(rounded) ?? NSNull()
            return object
        }
        let data = try JSONSerialization.data(withJSONObject: ["rows": objects], options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func text(_ m: RankingMetrics) -> String {
        let label = { (name: String) in name.padding(toLength: 14, withPad: " ", startingAt: 0) }
        return """
            \(label("participants"))\(m.participantsEvaluated) (relevant: relevance ≥ \(m.relevanceThreshold))
            \(label("NDCG@\(m.k)"))\(FixedPoint.format(m.ndcg, digits: 4))
            \(label("recall@\(m.k)"))\(FixedPoint.format(m.recall, digits: 4))
            \(label("MRR@\(m.k)"))\(FixedPoint.format(m.mrr, digits: 4))

            """
    }

    static func json(_ m: RankingMetrics) throws -> String {
        // Numbers rounded to 6 decimals so that the output does not depend on printing of the last bits.
        let object: [String: Any] = [
            "k": m.k, "relevance_threshold": m.relevanceThreshold, "participants": m.participantsEvaluated,
            "ndcg": rounded(m.ndcg), "recall": rounded(m.recall), "mrr": rounded(m.mrr),
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    private static func rounded(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
