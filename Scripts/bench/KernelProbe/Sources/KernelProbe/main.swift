// Runs the kernel (and its GEMM floor) at 3,100 × 20,000, d = 256, f = 64,
// k = 20 on the inputs of Benchmarks/PairScoring, in interleaved rounds, and
// prints the best time of each. Environment:
//
//   TILES=1024x256,512x256   tile shapes to compare (default: the kernel's)
//   ROUNDS=6                 interleaved rounds
//   MODE=both|rank|floor     what to run (rank: the kernel alone, for perf)
//   K=20  MEAN=h|g|a  NA=3100  NB=20000
//
//   cd Scripts/bench/KernelProbe && swift build -c release
//   export OPENBLAS_CORETYPE=$(../../../.build/debug/missionmatch doctor --coretype)   # as `make bench` does
//   .build/release/KernelProbe
//   MODE=rank perf record .build/release/KernelProbe && perf report

import Foundation
import KernelInputs
import MatchCore

let environment = ProcessInfo.processInfo.environment
func integer(_ key: String, _ fallback: Int) -> Int { environment[key].flatMap(Int.init) ?? fallback }
let mean: ReciprocalMean = environment["MEAN"] == "a" ? .arithmetic : environment["MEAN"] == "g" ? .geometric : .harmonic
let base = PairScoringKernel(k: integer("K", 20), mean: mean, reciprocityWeight: 0.55)
let tiles: [(Int, Int)] = (environment["TILES"] ?? "\(base.rowTile)x\(base.columnTile)")
    .split(separator: ",").compactMap { shape in
        let parts = shape.split(separator: "x").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : nil
    }
let rounds = integer("ROUNDS", 6), mode = environment["MODE"] ?? "both"
let input = PairingInput.bipartite(a: makeSide(count: integer("NA", 3100), d: 256, f: 64, seed: 1),
                                   b: makeSide(count: integer("NB", 20000), d: 256, f: 64, seed: 2))
let flops = base.usefulFlops(input)

var floors = [Double](repeating: .infinity, count: tiles.count), kernels = floors
let clock = ContinuousClock()
for _ in 0..<rounds {
    for (index, tile) in tiles.enumerated() {
        var kernel = base
        kernel.rowTile = tile.0
        kernel.columnTile = tile.1
        if mode != "rank" { floors[index] = min(floors[index], seconds(clock.measure { kernel.runGEMMsOnly(input) })) }
        if mode != "floor" { kernels[index] = min(kernels[index], seconds(clock.measure { _ = kernel.rank(input) })) }
    }
}
for (index, tile) in tiles.enumerated() {
    print(String(format: "%5d × %-5d floor %.3f s (%.0f GFLOPS)  kernel %.3f s (%.0f GFLOPS)  kernel ÷ floor %.3f",
                 tile.0, tile.1, floors[index], flops / floors[index] / 1e9, kernels[index], flops / kernels[index] / 1e9,
                 kernels[index] / floors[index]))
}
