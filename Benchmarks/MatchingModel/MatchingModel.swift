// The matching model end to end on generated programmes (`missionmatch generate`'s generator).
//
//   cd Benchmarks && OPENBLAS_CORETYPE=$(../.build/debug/missionmatch doctor --coretype) swift package benchmark --target MatchingModel
//   MISSIONMATCH_BENCH_SCALE=ci swift package benchmark --target MatchingModel
//
// Full size: 3,100 consortium SMEs × 20,000 counterparts (23,100 profiles);
// the CI size is 310 × 2,000. Targets (issue 4): encoding 23,100 profiles
// (TF-IDF + LSA, r = 256) ≤ 3 s; ranking end to end ≤ 10 s and ≤ 1.5 GB;
// a 300-participant mission well under a second. Participants are generated
// once, before measuring; reading the CSV and writing the file are measured
// by the reproducible command in Benchmarks/README.md (`missionmatch rank`).

import Benchmark
import Foundation
import MatchCore
import MissionMatch
import MissionMatchEvaluation
import MissionMatchIO

/// The problem size, from `MISSIONMATCH_BENCH_SCALE` (`ci` or full).
struct Scale {
    var consortium: Int
    var counterparts: Int
    var iterations: Int

    static var current: Scale {
        ProcessInfo.processInfo.environment["MISSIONMATCH_BENCH_SCALE"] == "ci"
            ? Scale(consortium: 310, counterparts: 2_000, iterations: 3)
            : Scale(consortium: 3_100, counterparts: 20_000, iterations: 5)
    }
}

/// A generated programme, or `nil` (with a message) when `Data/` cannot be found.
func programme(consortium: Int, counterparts: Int) -> (ReferenceData, SyntheticProgramme)? {
    do {
        let reference = try ReferenceDataLoader.load(from: DataDirectory.locate()).value
        let programme = try SyntheticProgrammeGenerator.generate(
            SyntheticProgrammeOptions(consortium: consortium, counterparts: counterparts, seed: 1), referenceData: reference)
        return (reference, programme)
    } catch {
        print("MatchingModel benchmark: cannot build the programme: \(error)")
        return nil
    }
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
    guard let (reference, large) = programme(consortium: scale.consortium, counterparts: scale.counterparts),
          let (_, small) = programme(consortium: 100, counterparts: 200)
    else { return }
    let profiles = large.participants.count
    let encoder = ParticipantEncoder(thesaurus: reference.thesaurus)

    Benchmark("Encode \(profiles) profiles, TF-IDF + LSA r ≤ 256 [\(blas)]") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try encoder.encode(large.participants)) }
    }

    Benchmark("Rank \(scale.consortium) × \(scale.counterparts): encode, score, explain, CSV [\(blas)]") { benchmark in
        for _ in benchmark.scaledIterations {
            let ranking = try MatchingEngine(reference: reference)
                .rank(mission: large.mission, participants: large.participants, requests: large.requests)
            blackHole(RecommendationsCSVWriter().csv(for: ranking.recommendations))
        }
    }

    Benchmark("Rank a 300-participant mission: encode, score, explain, CSV [\(blas)]") { benchmark in
        for _ in benchmark.scaledIterations {
            let ranking = try MatchingEngine(reference: reference)
                .rank(mission: small.mission, participants: small.participants, requests: small.requests)
            blackHole(RecommendationsCSVWriter().csv(for: ranking.recommendations))
        }
    }
}
