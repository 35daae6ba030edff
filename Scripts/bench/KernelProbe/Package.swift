// swift-tools-version: 6.1
//
// A probe that runs only the pair-scoring kernel and its GEMM floor, in
// interleaved rounds, for several tile shapes — the process to point
// `perf record` at. Its inputs are the PairScoring benchmark's
// (`KernelInputs` from the Benchmarks package). See ../README.md.

import PackageDescription

let package = Package(
    name: "KernelProbe",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "MissionMatch", path: "../../.."),
        .package(name: "MissionMatchBenchmarks", path: "../../../Benchmarks"),
    ],
    targets: [
        .executableTarget(name: "KernelProbe", dependencies: [
            .product(name: "MatchCore", package: "MissionMatch"),
            .product(name: "KernelInputs", package: "MissionMatchBenchmarks"),
        ]),
    ]
)
