// Fitting the score's weights on the outcomes of past missions (issue 16:
// fitting 100,000 labelled meetings takes ≤ 2 s).
//
//   cd Benchmarks && OPENBLAS_CORETYPE=$(../.build/debug/missionmatch doctor --coretype) swift package benchmark --target OutcomeFitting
//   MISSIONMATCH_BENCH_SCALE=ci swift package benchmark --target OutcomeFitting
//
// Full size: a generated programme of 12,500 consortium SMEs × 12,500
// counterparts (`missionmatch generate`'s generator, seed 1) where everyone
// met 8 partners: 100,000 meetings, each labelled from planted weights over
// its real components (`OutcomeLabels.planted`, noise 0.3 of the scores'
// spread: 20 % judged bad, 35 % held, 30 % useful, 15 % agreement). The CI
// size is 1,250 × 1,250 (10,000 meetings).
//
// Measured: `OutcomeFitter().fit` as `fit-weights --from-outcomes` runs it
// — the features of the 200,000 (participant, meeting) rows at the mission's
// λ, μ and calibration, five folds by participant and the final fit (six
// Newton solves). Encoding the participants (`JudgedSet`, once per mission,
// as every command does when it reads a mission) is measured apart, and so
// is the truth mode's grid (λ 0…1 × calibrated or not: 12 points) on the
// same labels, to show what keeping λ, μ and calibration fixed saves.

import Benchmark
import Foundation
import MatchCore
import MissionMatch
import MissionMatchEvaluation
import MissionMatchIO

/// The problem size, from `MISSIONMATCH_BENCH_SCALE` (`ci` or full).
struct Scale {
    var side: Int
    var iterations: Int

    static var current: Scale {
        ProcessInfo.processInfo.environment["MISSIONMATCH_BENCH_SCALE"] == "ci"
            ? Scale(side: 1_250, iterations: 3)
            : Scale(side: 12_500, iterations: 5)
    }
}

/// Weights far from the defaults (the same as the tests' planted weights).
let planted = ScoringWeights(complementarity: 0.15, similarity: 0.05, competition: 0.30, sector: 0.05, country: 0.40,
                             cooperation: 0.05)

/// Consortium SME *i* meets counterparts *i* + offset (mod the side's size)
/// for 8 fixed offsets: everyone has exactly 8 meetings, each pair once.
func meetings(_ programme: SyntheticProgramme, side: Int) -> [(participantA: String, participantB: String)] {
    let offsets = [0, 1_013, 2_741, 4_099, 5_557, 7_001, 8_629, 11_003].map { $0 * side / 12_500 }
    let ids = programme.participants.map(\.id)
    return (0..<side).flatMap { i in offsets.map { (ids[i], ids[side + (i + $0) % side]) } }
}

let benchmarks: @Sendable () -> Void = {
    let scale = Scale.current
    let blas = BLASReport.loadedCoreName.map { "OpenBLAS \($0)" } ?? "reference BLAS"
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(120),
        maxIterations: scale.iterations
    )
    let reference: ReferenceData, programme: SyntheticProgramme, unlabelled: JudgedSet
    do {
        reference = try ReferenceDataLoader.load(from: DataDirectory.locate()).value
        programme = try SyntheticProgrammeGenerator.generate(
            SyntheticProgrammeOptions(consortium: scale.side, counterparts: scale.side, seed: 1), referenceData: reference)
        unlabelled = try JudgedSet(name: programme.mission.id, mission: programme.mission, participants: programme.participants,
                                   labels: OutcomeLabels([]), reference: reference)
    } catch {
        print("OutcomeFitting benchmark: cannot build the programme: \(error)")
        return
    }
    let met = meetings(programme, side: scale.side)
    let labels = OutcomeLabels.planted(meetings: met, in: unlabelled, weights: planted, noise: 0.3, seed: 1)
    let set = unlabelled.relabelled(labels)
    let count = labels.count

    Benchmark("Fit the weights on \(count) labelled meetings: λ, μ, calibration kept, 5 folds + final [\(blas)]") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try OutcomeFitter().fit([set], baselines: [.defaults]))
        }
    }

    Benchmark("Encode the \(programme.participants.count) participants of those meetings (JudgedSet) [\(blas)]") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try JudgedSet(name: programme.mission.id, mission: programme.mission,
                                    participants: programme.participants, labels: labels, reference: reference))
        }
    }

    Benchmark("The truth mode's grid on the same labels: λ 0…1 × calibrated or not [\(blas)]",
              configuration: .init(maxIterations: 2)) { benchmark in
        var fitter = OutcomeFitter.defaultFitter
        fitter.keepsBaselineShares = false
        for _ in benchmark.scaledIterations {
            blackHole(try fitter.fit([set], baselines: [.defaults]))
        }
    }
}
