import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchEvaluation
import MissionMatchIO

/// `missionmatch fit-weights`: fits the score's weights on judged missions,
/// or on the outcomes of past missions (`--from-outcomes`).
struct FitWeights: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit-weights",
        abstract: "Fit the score's weights on judged pairs, or on past missions' outcomes, and print the mission file's weights: block.",
        discussion: """
            Each MISSION is paired with the --truth given in the same position \
            (participant_id,partner_id,relevance[,kind,reason]; relevance 1–3 \
            for partners an organiser wants, 0 for pairs judged bad). The fit \
            is a non-negative pairwise logistic model over the calibrated score \
            components, with the LSA share λ chosen by NDCG@10 on held-out \
            participants (5-fold cross-validation by participant within each \
            mission). It prints the weights: block to paste into a mission file \
            and, per mission, the held-out NDCG@10 next to the current defaults'.

            Example:

              $ missionmatch fit-weights Tests/EvaluationSets/hand-toronto/mission.yaml \\
                  Tests/EvaluationSets/hand-advanced/mission.yaml \\
                  --truth Tests/EvaluationSets/hand-toronto/truth.csv \\
                  --truth Tests/EvaluationSets/hand-advanced/truth.csv
              weights:
                complementarity: 0.…
                latent_share: 0.…
                …
              held-out NDCG@10   fitted   defaults
              hand-toronto        0.…      0.…

            With --from-outcomes instead of --truth, the labels are the held \
            meetings of past missions: each mission's outcomes file (its \
            outcomes: key) read against the agenda handed out \
            (--run DIR: DIR/<mission-id>/agenda.json, default OUT). Grade 3 an \
            agreement; 2 rated useful by both (4–5) or contact; 1 held and rated \
            3 or more; 0 (judged bad) a rating of 2 or less and no follow-up. \
            No-shows, cancelled and unreported meetings carry no label, and only \
            labelled meetings are compared. latent_share, semantic_share and \
            calibrated stay the mission's; the six weights are fitted with \
            5-fold cross-validation by participant and compared with the \
            mission's current weights. The fit is refused (exit 65, no weights \
            printed) below 100 labelled meetings, or when the held-out gain's \
            lower bound (mean per-participant NDCG@10 difference − 2.33 standard \
            errors) is not above 0. No mission file is written.

            When the fit wins, standard output holds the weights: block, the \
            labelled meetings, the held-out NDCG@10 fitted and current per \
            mission and the gain. On the bundled (fictional) Toronto outcomes it \
            is refused — their ratings already follow the agenda's scores:

              $ missionmatch fit-weights Data/missions/toronto-2019.yaml --from-outcomes \\
                  --run Data/outcomes/handed-out --no-encoder
              note: toronto-2019: 333 labelled meetings of 388 on the agenda …
              missionmatch: fit-weights --from-outcomes refused: the fitted
                weights do not beat the current ones with confidence: …
                gains -0.004 (standard error 0.006; lower bound -0.017 …)
              no weights printed; the mission files are unchanged

            Errors (exit 65; 66 when a file is missing) name the file, line and column.
            """
    )

    @Argument(help: "The judged missions.")
    var missions: [String]

    @Option(help: "The ground truth of each mission, in the same order (repeat the option).")
    var truth: [String] = []

    @Flag(name: .customLong("from-outcomes"),
          help: "Learn from the outcomes of past missions (each mission's outcomes: file) instead of --truth.")
    var fromOutcomes = false

    @Option(name: .customLong("run"),
            help: "With --from-outcomes: the folder `run` wrote, holding <DIR>/<mission-id>/agenda.json (default OUT).")
    var runFolder: String?

    @Option(help: "The reference data folder (default: the nearest Data/).")
    var data: String?

    @Option(help: "Also write every judged pair's cosines and components to this CSV, for study outside Swift.")
    var dump: String?

    @OptionGroup var semantic: SemanticOptions

    func validate() throws {
        guard !missions.isEmpty else { throw ValidationError("Give at least one mission file.") }
        if fromOutcomes {
            guard truth.isEmpty else { throw ValidationError("Give --truth or --from-outcomes, not both.") }
        } else {
            guard runFolder == nil else { throw ValidationError("--run goes with --from-outcomes.") }
            guard !truth.isEmpty else {
                throw ValidationError("Give one --truth per mission (\(missions.count) mission(s), 0 --truth), "
                                      + "or --from-outcomes to learn from the missions' outcomes.")
            }
            guard missions.count == truth.count else {
                throw ValidationError("Give one --truth per mission (\(missions.count) mission(s), \(truth.count) --truth).")
            }
        }
        guard semantic.vectors.isEmpty || semantic.vectors.count == missions.count else {
            throw ValidationError("Give one --vectors per mission or none (\(missions.count) mission(s), \(semantic.vectors.count) --vectors).")
        }
    }

    func run() throws {
        if fromOutcomes { return try runFromOutcomes() }
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

    /// The mission file's `weights:` block, one line per key.
    static func weightsBlock(_ w: ScoringWeights) -> [String] {
        var lines = ["weights:"]
        for (key, value) in [("complementarity", w.complementarity), ("latent_share", w.latentShare),
                             ("semantic_share", w.semanticShare),
                             ("similarity", w.similarity), ("competition", w.competition), ("sector", w.sector),
                             ("country", w.country), ("cooperation", w.cooperation)] {
            lines.append("  \(key): \(FixedPoint.format(value, digits: 3))")
        }
        lines.append("  reciprocity: \(w.reciprocity.rawValue)")
        lines.append("  calibrated: \(w.calibrated)")
        return lines
    }

    static func text(_ result: WeightFitter.Result) -> String {
        func number(_ x: Double) -> String { FixedPoint.format(x, digits: 3) }
        var lines = weightsBlock(result.weights)
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

extension FitWeights {
    /// `--from-outcomes`: the held meetings of past missions as labels (`OutcomeLabels`), fitted by `OutcomeFitter`.
    func runFromOutcomes() throws {
        let folder = try CommandInputs.dataFolder(data)
        let reference = try CommandInputs.reference(in: folder)
        let loader = OutcomesLoader(referenceData: reference)
        let run = URL(fileURLWithPath: runFolder ?? "OUT")
        var loaded: [MissionOutcomes] = []
        var failures = Diagnostics()
        for path in missions {
            do {
                let read = try loader.load(missionAt: URL(fileURLWithPath: path), displayName: path, runFolder: run)
                StandardError.write(read.diagnostics.warningLines)
                guard read.value.outcomesURL != nil else {
                    failures.append(Diagnostic(
                        kind: .missingFile, file: path, field: "outcomes", fieldKind: .key,
                        message: "the mission names no outcomes file",
                        hint: "add `outcomes: FILE` to the mission file (FileFormats §6b)"))
                    continue
                }
                loaded.append(read.value)
            } catch {
                failures.append(contentsOf: error.diagnostics)
            }
        }
        if failures.hasErrors {
            StandardError.write(failures.errorLines)
            throw SysExits.code(for: failures)
        }
        let vectors = semantic.source()
        var sets: [JudgedSet] = []
        var inputs: [URL] = []
        for (position, missionOutcomes) in loaded.enumerated() {
            let mission = missionOutcomes.mission
            let labels = OutcomeLabels(outcomes: missionOutcomes.outcomes, agenda: missionOutcomes.agenda)
            let onAgenda = missionOutcomes.agenda.meetings.count { $0.status == .scheduled }
            StandardError.write(["note: \(mission.mission.id): \(labels.count) labelled meeting\(labels.count == 1 ? "" : "s") "
                                 + "of \(onAgenda) on the agenda (\(labels.summary))"])
            if mission.mission.weights.reciprocity != .arithmetic {
                StandardError.write(["note: \(mission.mission.id): its weights use \(mission.mission.weights.reciprocity.rawValue) "
                                     + "reciprocity; the fit and the comparison use arithmetic"])
            }
            inputs += CommandInputs.inputs(of: mission)
            sets.append(try JudgedSet(
                name: mission.mission.id, mission: mission.mission, participants: mission.participants, labels: labels,
                reference: reference, semantic: try vectors.vectors(for: mission, position: position)))
        }
        if let first = sets.first?.mission.weights,
           sets.contains(where: { $0.mission.weights.latentShare != first.latentShare
                || $0.mission.weights.semanticShare != first.semanticShare || $0.mission.weights.calibrated != first.calibrated }) {
            StandardError.write(["note: the missions' latent_share, semantic_share or calibrated differ: each mission's "
                                 + "components use its own, and the weights: block carries \(sets[0].name)'s"])
        }
        if let dump {
            try CommandInputs.write(JudgedSet.pairTable(sets), to: URL(fileURLWithPath: dump), protecting: inputs)
        }
        let fit = try OutcomeFitter().fit(sets)
        if let refusal = fit.refusal {
            var lines = ["missionmatch: fit-weights --from-outcomes refused: \(refusal.message)"]
            if let result = fit.result { lines += Self.heldOutLines(result) }
            lines.append("no weights printed; the mission files are unchanged")
            StandardError.write(lines)
            throw SysExits.dataError
        }
        guard let result = fit.result else { throw SysExits.dataError }
        let labels = OutcomeLabels(sets.flatMap { $0.outcomeLabels?.meetings ?? [] })
        var lines = Self.weightsBlock(result.weights)
        lines.append("")
        lines.append("labelled meetings: \(fit.labelledMeetings) (\(labels.summary))")
        lines += Self.heldOutLines(result)
        StandardOutput.write(lines.joined(separator: "\n") + "\n")
    }

    /// Per mission, held-out NDCG@10 with the fitted and the current weights, and the gain with its confidence.
    static func heldOutLines(_ result: WeightFitter.Result) -> [String] {
        func number(_ x: Double) -> String { FixedPoint.format(x, digits: 3) }
        func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + number(x) }
        let width = max(20, (result.heldOut.map(\.set.count).max() ?? 0) + 2)
        var lines = ["held-out NDCG@10".padding(toLength: width, withPad: " ", startingAt: 0) + "  fitted  current"]
        for row in result.heldOut {
            lines.append(row.set.padding(toLength: width, withPad: " ", startingAt: 0)
                         + "  " + number(row.ndcg) + "   " + number(row.baselineNDCG))
        }
        let gain = result.gain
        lines.append("gain over the current weights: \(signed(gain.mean)) (standard error \(number(gain.standardError)), "
                     + "lower bound \(signed(gain.lowerBound(z: OutcomeFitter.z))) at \(FixedPoint.format(OutcomeFitter.z, digits: 2)) standard errors) "
                     + "over \(gain.participants) "
                     + "held-out participants")
        return lines
    }
}
