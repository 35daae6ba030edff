import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// `missionmatch evaluate`: scores a recommendations file against a ground truth.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score recommendations against a ground truth: NDCG@k, recall@k, MRR@k.",
        discussion: """
            Reads RECOMMENDATIONS.csv (participant_id,rank,partner_id,… as \
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

    @Argument(help: "The recommendations CSV.")
    var recommendations: String

    @Option(help: "The ground-truth CSV (participant_id,partner_id,relevance).")
    var truth: String

    @Option(help: "The cut-off k.")
    var k: Int = 10

    @Option(help: "The lowest relevance that counts as relevant for recall and MRR.")
    var threshold: Int = 2

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func validate() throws {
        guard k >= 1 else { throw ValidationError("--k must be at least 1.") }
        guard threshold >= 1 else { throw ValidationError("--threshold must be at least 1.") }
    }

    func run() throws {
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
        let metrics = RankingMetrics(rankings: rankings, truth: truthValue, k: k, relevanceThreshold: threshold)
        switch format {
        case .text: print(Self.text(metrics), terminator: "")
        case .json: print(try Self.json(metrics))
        }
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
