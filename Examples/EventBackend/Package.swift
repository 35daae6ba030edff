// swift-tools-version: 6.1
//
// An event platform's backend embedding MissionMatch, exactly as the README's
// "Using the libraries from another package" says: the package by path (a
// release would use `.package(url: …, from: …)`), the libraries as products.
// Built and run by .ci/run.

import PackageDescription

let package = Package(
    name: "EventBackend",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "MissionMatch", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "EventBackend",
            dependencies: [
                .product(name: "MatchCore", package: "MissionMatch"),
                .product(name: "MissionMatch", package: "MissionMatch"),
                .product(name: "MissionMatchIO", package: "MissionMatch"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
