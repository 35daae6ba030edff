import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchEvaluation
import MissionMatchIO

/// `missionmatch fit-weights`: fits the score's weights on judged missions.
struct FitWeights: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit-weights",
        abstract: "Fit the score's weights on judged pairs and print the mission file's weights: block.",
        discussion: """
            Each MISSION is paired with the --truth given in the same position \\
            (participant_id,partner_id,relevance[,kind,reason]; relevance 1–3 \\
            for partners an organiser wants, 0 for pairs judged bad). The fit \\
            is a non-negative pairwise logistic model over the calibrated score \\
            components, with the LSA share λ chosen by NDCG@10 on held-out \\
            participants (5-fold cross-validation by participant within each \\
            mission). It prints the weights: block to paste into a mission file \\
            and, per mission, the held-out NDCG@10 next to the current defaults'.

            Example:

              $ missionmatch fit-weights Tests/EvaluationSets/hand-toronto/mission.yaml \\\\
                  Tests/EvaluationSets/hand-advanced/mission.yaml \\\\
                  --truth Tests/EvaluationSets/hand-toronto/truth.csv \\\\
                  --truth Tests/EvaluationSets/hand-advanced/truth.csv
              weights:
                complementarity: 0.…
                latent_share: 0.…
                …
              held-out NDCG@10   fitted   defaults
              hand-toronto        0.…      0.…

            Errors (exit 65; 66 when a file is missing) name the file, line and column.
            """
    )

    @Argument(help: "The judged missions.")
    var missions: [String]

    @Option(help: "The ground truth of each mission, in the same order (repeat the option).")
    var truth: [String]

    @Option(help: "The reference data folder (default: the nearest Data/).")
    var data: String?

    @Option(help: "Also write every judged pair's cosines and components to this CSV, for study outside Swift.")
    var dump: String?

    @OptionGroup var semantic: SemanticOptions

    func validate() throws {
        guard !missions.isEmpty else { throw ValidationError("Give at least one mission file.") }
        guard missions.count == truth.count else {
            throw ValidationError("Give one --truth per mission (\(missions.count) mission(s), \(truth.count) --truth).")
        }
        guard semantic.vectors.isEmpty || semantic.vectors.count == missions.count else {
            throw ValidationError("Give one --vectors per mission or none (\(missions.count) mission(s), \(semantic.vectors.count) --vectors).")
        }
    }

    func run() throws {
        let reference = try CommandInputs.reference(data: data)
        var sets: [JudgedSet] = []
        let vectors = semantic.source()
        var inputs: [URL] = []
        for (position, (path, truthPath)) in zip(missions, truth).enumerated() {
            let loaded = try CommandInputs.mission(path, reference: reference)
            let judged = try CommandInputs.truth(truthPath)
            inputs += CommandInputs.inputs(of: loaded) + [URL(fileURLWithPath: truthPath)]
            sets.append(try JudgedSet(
                name: loaded.mission.id, mission: loaded.mission, participants: loaded.participants, truth: judged,
                reference: reference, semantic: try vectors.vectors(for: loaded, position: position)))
        }
        if let dump {
            try CommandInputs.write(JudgedSet.pairTable(sets), to: URL(fileURLWithPath: dump), protecting: inputs)
        }
        let result = try WeightFitter().fit(sets)
        print(Self.text(result), terminator: "")
    }

    static func text(_ result: WeightFitter.Result) -> String {
        let w = result.weights
        func number(_ x: Double) -> String { FixedPoint.format(x, digits: 3) }
        var lines = ["weights:"]
        for (key, value) in [("complementarity", w.complementarity), ("latent_share", w.latentShare),
                             ("semantic_share", w.semanticShare),
                             ("similarity", w.similarity), ("competition", w.competition), ("sector", w.sector),
                             ("country", w.country), ("cooperation", w.cooperation)] {
            lines.append("  \(key): \(number(value))")
        }
        lines.append("  reciprocity: \(w.reciprocity.rawValue)")
        lines.append("  calibrated: \(w.calibrated)")
        lines.append("")
        let width = max(20, (result.heldOut.map(\.set.count).max() ?? 0) + 2)
        lines.append("held-out NDCG@10".padding(toLength: width, withPad: " ", startingAt: 0) + "  fitted  defaults")
        for row in result.heldOut {
            lines.append(row.set.padding(toLength: width, withPad: " ", startingAt: 0)
                         + "  " + number(row.ndcg) + "     " + number(row.baselineNDCG))
        }
        lines.append("")
        let semanticShares = Set(result.byLatentShare.map(\.semanticShare)).sorted()
        let semantic = semanticShares.count > 1
        lines.append(semantic ? "mean held-out NDCG@10 by latent_share, semantic_share (calibrated / not):"
                              : "mean held-out NDCG@10 by latent_share (calibrated / not):")
        for share in Set(result.byLatentShare.map(\.latentShare)).sorted() {
            for mu in semanticShares {
                let rows = result.byLatentShare.filter { $0.latentShare == share && $0.semanticShare == mu }
                let on = rows.first { $0.calibrated }.map { number($0.ndcg) } ?? "—"
                let off = rows.first { !$0.calibrated }.map { number($0.ndcg) } ?? "—"
                lines.append("  \(number(share))" + (semantic ? "  \(number(mu))" : "") + "  \(on) / \(off)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
