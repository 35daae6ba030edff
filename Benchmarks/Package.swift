// swift-tools-version: 6.1
//
// MissionMatch benchmarks (ordo-one/benchmark). A separate package so that
// embedders of MissionMatch never resolve the benchmark dependency.
//
//   cd Benchmarks && OPENBLAS_CORETYPE=$(../.build/debug/missionmatch doctor --coretype) swift package benchmark
//   MISSIONMATCH_BENCH_SCALE=ci swift package benchmark     # the CI-sized run

import PackageDescription

let benchmarkDependencies: [Target.Dependency] = [
    .product(name: "Benchmark", package: "benchmark"),
]
let benchmarkPlugins: [Target.PluginUsage] = [
    .plugin(name: "BenchmarkPlugin", package: "benchmark"),
]

let package = Package(
    name: "MissionMatchBenchmarks",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "KernelInputs", targets: ["KernelInputs"]),
    ],
    dependencies: [
        .package(name: "MissionMatch", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // MARK: - Scoring kernel against its own GEMM floor
        /// The kernel's inputs, shared by PairScoring and by
        /// Scripts/bench/KernelProbe (a library product for that package: the
        /// benchmark tool runs every executable target of this package).
        .target(
            name: "KernelInputs",
            dependencies: [.product(name: "MatchCore", package: "MissionMatch")],
            path: "KernelInputs"
        ),
        .executableTarget(
            name: "PairScoring",
            dependencies: benchmarkDependencies + ["KernelInputs", .product(name: "MatchCore", package: "MissionMatch")],
            path: "PairScoring",
            plugins: benchmarkPlugins
        ),

        // MARK: - Randomized truncated SVD
        .executableTarget(
            name: "RandomizedSVD",
            dependencies: benchmarkDependencies + [.product(name: "MatchCore", package: "MissionMatch")],
            path: "RandomizedSVD",
            plugins: benchmarkPlugins
        ),
        // MARK: - Reading and validating participants
        /// What the two import benchmarks share (problem size, reference table).
        .target(
            name: "ImportInputs",
            dependencies: [.product(name: "MissionMatch", package: "MissionMatch")],
            path: "ImportInputs"
        ),
        .executableTarget(
            name: "ImportParticipants",
            dependencies: benchmarkDependencies + [
                "ImportInputs",
                .product(name: "MissionMatch", package: "MissionMatch"),
                .product(name: "MissionMatchIO", package: "MissionMatch"),
            ],
            path: "ImportParticipants",
            plugins: benchmarkPlugins
        ),
        // MARK: - Workbooks against CSV (the same participants)
        .executableTarget(
            name: "WorkbookImport",
            dependencies: benchmarkDependencies + [
                "ImportInputs",
                .product(name: "MissionMatch", package: "MissionMatch"),
                .product(name: "MissionMatchIO", package: "MissionMatch"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "WorkbookImport",
            plugins: benchmarkPlugins
        ),
        // MARK: - Agenda planning and its upper bound
        .executableTarget(
            name: "AgendaPlanning",
            dependencies: benchmarkDependencies + [
                .product(name: "MatchCore", package: "MissionMatch"),
                .product(name: "MissionMatch", package: "MissionMatch"),
            ],
            path: "AgendaPlanning",
            plugins: benchmarkPlugins
        ),
        // MARK: - The matching model end to end
        // (on programmes of MissionMatchEvaluation's synthetic generator)
        .executableTarget(
            name: "MatchingModel",
            dependencies: benchmarkDependencies + [
                .product(name: "MatchCore", package: "MissionMatch"),
                .product(name: "MissionMatch", package: "MissionMatch"),
                .product(name: "MissionMatchEvaluation", package: "MissionMatch"),
                .product(name: "MissionMatchIO", package: "MissionMatch"),
            ],
            path: "MatchingModel",
            plugins: benchmarkPlugins
        ),
        // MARK: - Fitting the weights on outcomes
        // (on a programme of MissionMatchEvaluation's synthetic generator)
        .executableTarget(
            name: "OutcomeFitting",
            dependencies: benchmarkDependencies + [
                .product(name: "MatchCore", package: "MissionMatch"),
                .product(name: "MissionMatch", package: "MissionMatch"),
                .product(name: "MissionMatchEvaluation", package: "MissionMatch"),
                .product(name: "MissionMatchIO", package: "MissionMatch"),
            ],
            path: "OutcomeFitting",
            plugins: benchmarkPlugins
        ),
        // MARK: - Sentence encoder throughput and memory
        // (needs a model folder; skips with a message without one)
        .executableTarget(
            name: "SentenceEncoding",
            dependencies: benchmarkDependencies + [
                .product(name: "MatchCore", package: "MissionMatch"),
                .product(name: "SentenceEncoder", package: "MissionMatch"),
            ],
            path: "SentenceEncoding",
            plugins: benchmarkPlugins
        ),
    ]
)
