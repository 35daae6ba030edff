import Foundation
import Testing
@testable import SentenceEncoder

/// Where the tokenizer tests find their data.
enum TokenizerFixtures {
    /// Tests/SentenceEncoderTests/Fixtures.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The all-MiniLM-L6-v2 folder: `$MISSIONMATCH_ENCODER`, else
    /// ~/.cache/missionmatch/encoders/all-MiniLM-L6-v2.
    static var modelFolder: URL {
        if let path = ProcessInfo.processInfo.environment["MISSIONMATCH_ENCODER"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".cache/missionmatch/encoders/all-MiniLM-L6-v2")
    }

    /// The model folder, or nil after recording a failure that says how to get it.
    static func requireModelFolder(sourceLocation: SourceLocation = #_sourceLocation) -> URL? {
        let folder = modelFolder
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("vocab.txt").path) else {
            Issue.record("""
                No sentence encoder at \(folder.path) (no vocab.txt): the tokenizer parity tests need the real \
                all-MiniLM-L6-v2 vocabulary. Run `bash Scripts/fetch-encoder.sh`, or set MISSIONMATCH_ENCODER \
                to a copy of the model folder.
                """, sourceLocation: sourceLocation)
            return nil
        }
        return folder
    }

    static func json(_ name: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name)))
    }
}

/// A temporary folder, removed when the value is dropped by `withTemporaryFolder`.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("wordpiece-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// SplitMix64: a small, seeded, reproducible generator for the randomized tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The error thrown by `body`, or nil (and a recorded issue) when it throws none.
func encoderError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> EncoderError? {
    do {
        try body()
        Issue.record("expected an EncoderError, got none", sourceLocation: sourceLocation)
    } catch let error as EncoderError {
        return error
    } catch {
        Issue.record("expected an EncoderError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
