// swift-tools-version: 6.1
//
// MissionMatch: matches SMEs with business partners and turns the best
// pairings into B2B meeting agendas. See ARCHITECTURE.md and the README for
// the role of each target.

import PackageDescription

// MARK: - Dependencies

let dependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // Excel workbooks (.xlsx) are ZIP archives; MissionMatchIO reads their entries in bounded chunks.
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    // `swift package generate-documentation` (make docs); builds nothing into the libraries.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
]

let package = Package(
    name: "MissionMatch",
    platforms: [.macOS(.v15)],
    // MARK: - Public API
    products: [
        .library(name: "MatchCore", targets: ["MatchCore"]),
        .library(name: "MissionMatch", targets: ["MissionMatch"]),
        .library(name: "MissionMatchIO", targets: ["MissionMatchIO"]),
        .library(name: "SentenceEncoder", targets: ["SentenceEncoder"]),
        .library(name: "MissionMatchExact", targets: ["MissionMatchExact"]),
        .library(name: "MissionMatchEvaluation", targets: ["MissionMatchEvaluation"]),
        .executable(name: "missionmatch", targets: ["missionmatch"]),
    ],
    dependencies: dependencies,
    targets: [
        // MARK: - System libraries

        /// Debian's `cblas.h` plus the Fortran LAPACK routines MatchCore calls,
        /// declared in one shim header. Links the generic `libblas`/`liblapack`;
        /// which implementation answers (reference, OpenBLAS) is the system's choice.
        .systemLibrary(
            name: "CLinearAlgebra",
            providers: [.apt(["libblas-dev", "liblapack-dev", "libopenblas0-pthread"])]
        ),

        /// GLPK's C API (`glpk.h`, Debian's `libglpk-dev`) for the planner's
        /// exact mode; linked from the system like BLAS.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),

        /// The scoring kernel's combine-and-flag pass over a tile row, in C
        /// with AVX2 and AVX-512 variants chosen at run time: Swift cannot
        /// compile one function for those instruction sets without unsafe
        /// flags, and this pass is most of the kernel's cost beyond its GEMMs.
        .target(name: "CPairScan"),

        /// The sentence encoder's matrix product (AVX2 + FMA chosen at run
        /// time, portable C otherwise), in C for two reasons: a row's result
        /// must not depend on its place in a product (OpenBLAS's sgemm rounds
        /// a row differently by its position in a tile, so packed batches
        /// would change embeddings), and Swift cannot compile AVX2/FMA code
        /// without unsafe flags.
        .target(name: "CSentenceKernels"),

        // MARK: - Libraries

        /// Dense/sparse matrices, BLAS/LAPACK, randomized SVD, top-k, the
        /// fused pair-scoring kernel and the exact bipartite b-matching (a
        /// min-cost flow). Knows nothing about participants or files.
        .target(
            name: "MatchCore",
            dependencies: ["CLinearAlgebra", "CPairScan"]
        ),
        /// Participants, missions, reference data, encoding, scoring model,
        /// explanations, ranking and agenda planning.
        .target(
            name: "MissionMatch",
            dependencies: ["MatchCore"]
        ),
        /// A BERT-family sentence encoder (sentence-transformers model folders:
        /// safetensors weights, WordPiece tokenizer, mean pooling) run on
        /// CSentenceKernels. Knows nothing about participants or missions.
        .target(
            name: "SentenceEncoder",
            dependencies: ["MatchCore", "CSentenceKernels"]
        ),
        /// The planner's exact mode (`schedule --exact`): the agenda as a
        /// mixed-integer programme solved by GLPK, priority by priority.
        .target(
            name: "MissionMatchExact",
            dependencies: ["MissionMatch", "CGLPK"]
        ),
        /// Reading (CSV, Excel workbooks, JSON, YAML) with line-accurate validation, and exporters.
        .target(
            name: "MissionMatchIO",
            dependencies: [
                "MissionMatch",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),

        /// Match-quality evaluation (ranking and quality metrics, the plain
        /// baselines, ablations, weight fitting on judged sets) and the
        /// synthetic-programme generator with its planted truth. Its own
        /// product, so that embedders of the libraries above never build it.
        .target(
            name: "MissionMatchEvaluation",
            dependencies: ["MatchCore", "MissionMatch"]
        ),

        // MARK: - Command-line tool

        .executableTarget(
            name: "missionmatch",
            dependencies: [
                "MatchCore", "MissionMatch", "MissionMatchIO", "MissionMatchExact", "MissionMatchEvaluation",
                "SentenceEncoder",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests

        /// Test support shared by the suites that start programs: `ChildProcess`,
        /// a `posix_spawn` runner (Foundation's `Process.run()` crashes now and
        /// then on Linux up to Swift 6.3). Not a product.
        .target(
            name: "MissionMatchTestSupport",
            path: "Tests/MissionMatchTestSupport"
        ),
        .testTarget(
            name: "MatchCoreTests",
            dependencies: [
                "MatchCore",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "MissionMatchTests",
            dependencies: [
                "MissionMatch", "MissionMatchExact",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "SentenceEncoderTests",
            dependencies: ["SentenceEncoder"],
            exclude: ["Fixtures"]  // read by path at test time, not bundled
        ),
        .testTarget(
            name: "MissionMatchIOTests",
            dependencies: [
                "MissionMatchIO", "MissionMatchTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),  // writes the test workbooks
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]  // read by path at test time, not bundled
        ),
        .testTarget(
            name: "MissionMatchEvaluationTests",
            dependencies: ["MatchCore", "MissionMatch", "MissionMatchIO", "MissionMatchEvaluation"]
        ),
        .testTarget(
            name: "missionmatchTests",
            dependencies: ["missionmatch", "MissionMatchTestSupport"]
        ),
    ]
)
