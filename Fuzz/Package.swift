// swift-tools-version: 6.1
//
// libFuzzer harness for MissionMatch's readers. A separate package (like
// Benchmarks/) so that the root package's `swift build` never links an
// executable without `main`. Build and run through `make fuzz` (see the
// README's development section):
//
//   swift build -c debug --sanitize=fuzzer --sanitize=address -Xswiftc -parse-as-library
//   MISSIONMATCH_FUZZ_TARGET=mission-yaml .build/debug/MissionMatchFuzz corpus/ -max_total_time=60

import PackageDescription

let package = Package(
    name: "MissionMatchFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "MissionMatch", path: ".."),
    ],
    targets: [
        /// One libFuzzer entry point; `MISSIONMATCH_FUZZ_TARGET` picks the reader.
        .executableTarget(
            name: "MissionMatchFuzz",
            dependencies: [
                .product(name: "MissionMatch", package: "MissionMatch"),
                .product(name: "MissionMatchIO", package: "MissionMatch"),
            ]
        ),
    ]
)
