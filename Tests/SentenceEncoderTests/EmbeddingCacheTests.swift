import Foundation
import Testing
@testable import SentenceEncoder

@Suite struct EmbeddingCacheTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mm-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func entriesSurviveASaveAndALoadBitForBit() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var cache = EmbeddingCache(folder: folder, fingerprint: "all-MiniLM-L6-v2/abc123", dimension: 3)
        #expect(cache.count == 0)
        let clauses = [Float](Float16s: [0.5, -0.25, 0.125, 1, 0, -1])
        let fish = EmbeddingCache.Entry(vector: [0.1, -0.2, 0.3], clauses: ["Tinned fish.", "Olive oil."], clauseVectors: clauses)
        let unicode = EmbeddingCache.Entry(vector: [1, 0, 0], clauses: [], clauseVectors: [])
        cache.insert(fish, for: "Tinned fish. Olive oil.")
        cache.insert(unicode, for: "Ünïcödé 東京")
        try cache.save()
        #expect(cache.fileURL.lastPathComponent == "all-MiniLM-L6-v2_abc123.embeddings")
        let loaded = EmbeddingCache(folder: folder, fingerprint: "all-MiniLM-L6-v2/abc123", dimension: 3)
        #expect(loaded.count == 2 && !loaded.isModified)
        #expect(loaded.entry(for: "Tinned fish. Olive oil.") == fish)
        #expect(loaded.entry(for: "Ünïcödé 東京") == unicode)
        #expect(loaded.entry(for: "Tinned fish.") == nil)
        #expect(loaded.entry(for: "Tinned fish. Olive oil.")?.vector.map(\.bitPattern) == [Float(0.1), -0.2, 0.3].map(\.bitPattern))
        // The same entries give the same bytes, whether loaded (copied as they are) or added.
        #expect(loaded.encode() == cache.encode())
    }

    @Test func loadedEntriesAreKeptWhenOthersAreAddedAndAReplacedOneWins() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var first = EmbeddingCache(folder: folder, fingerprint: "m", dimension: 2)
        for (index, text) in ["b", "a", "d"].enumerated() {
            first.insert(.init(vector: [Float(index), 1], clauses: [text], clauseVectors: [0, 1]), for: text)
        }
        try first.save()
        var second = EmbeddingCache(folder: folder, fingerprint: "m", dimension: 2)
        second.insert(.init(vector: [9, 9], clauses: [], clauseVectors: []), for: "c")
        second.insert(.init(vector: [7, 7], clauses: [], clauseVectors: []), for: "a")
        #expect(second.count == 4)
        try second.save()
        let third = EmbeddingCache(folder: folder, fingerprint: "m", dimension: 2)
        #expect(third.count == 4)
        #expect(third.entry(for: "a")?.vector == [7, 7])
        #expect(third.entry(for: "b") == .init(vector: [0, 1], clauses: ["b"], clauseVectors: [0, 1]))
        #expect(third.entry(for: "c")?.vector == [9, 9])
        #expect(third.entry(for: "d")?.clauses == ["d"])
        // Built at once, the same four entries give the same bytes.
        let other = try Self.folder()
        defer { try? FileManager.default.removeItem(at: other) }
        var direct = EmbeddingCache(folder: other, fingerprint: "m", dimension: 2)
        for text in ["d", "c", "b", "a"] { direct.insert(try #require(third.entry(for: text)), for: text) }
        #expect(direct.encode() == third.encode())
    }

    @Test func anotherDimensionOrABrokenFileIsIgnored() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var cache = EmbeddingCache(folder: folder, fingerprint: "m", dimension: 2)
        cache.insert(.init(vector: [1, 0], clauses: ["a"], clauseVectors: [0, 1]), for: "a")
        try cache.save()
        #expect(EmbeddingCache(folder: folder, fingerprint: "m", dimension: 4).count == 0)
        let bytes = try Data(contentsOf: cache.fileURL)
        for cut in [0, 7, 12, 16, 20, bytes.count - 1] {
            #expect(EmbeddingCache.decode(bytes.prefix(cut), dimension: 2) == nil, "cut at \(cut)")
        }
        #expect(EmbeddingCache.decode(bytes + [0], dimension: 2) == nil)
        // A huge clause count or text length in a small file is refused, not allocated.
        for field in [24..<28, 20..<24] {
            var hostile = bytes
            hostile.replaceSubrange(field, with: [0xFF, 0xFF, 0xFF, 0x7F])
            #expect(EmbeddingCache.decode(hostile, dimension: 2) == nil)
        }
        #expect(EmbeddingCache.decode(bytes, dimension: 2)?["a"]?.clauseVectors == [0, 1])
        // Clauses cut under other rules are not handed out.
        var otherRules = bytes
        otherRules.replaceSubrange(12..<16, with: [0, 0, 0, 0])
        #expect(EmbeddingCache.decode(otherRules, dimension: 2) == nil)
        // Random bytes after a valid header never trap.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let tail = (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = EmbeddingCache.decode(bytes.prefix(20) + tail, dimension: 2)
        }
    }

    @Test func aVersionOneFileIsIgnoredAndReplaced() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var cache = EmbeddingCache(folder: folder, fingerprint: "m", dimension: 2)
        // Version 1: magic, dimension, count; text length, clause count, text, Float32 vector, Float16 clause vectors.
        var v1 = Data("MMEMB001".utf8)
        for value: UInt32 in [2, 1, 1, 0] { withUnsafeBytes(of: value.littleEndian) { v1.append(contentsOf: $0) } }
        v1.append(contentsOf: "a".utf8)
        for value: Float in [1, 0] { withUnsafeBytes(of: value.bitPattern.littleEndian) { v1.append(contentsOf: $0) } }
        try v1.write(to: cache.fileURL)
        #expect(EmbeddingCache(folder: folder, fingerprint: "m", dimension: 2).count == 0)
        cache.insert(.init(vector: [0, 1], clauses: [], clauseVectors: []), for: "b")
        try cache.save()
        #expect(EmbeddingCache(folder: folder, fingerprint: "m", dimension: 2).entry(for: "b")?.vector == [0, 1])
    }

    @Test func nothingIsWrittenWhenNothingChanged() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = EmbeddingCache(folder: folder, fingerprint: "m", dimension: 2)
        try cache.save()
        #expect(!FileManager.default.fileExists(atPath: cache.fileURL.path))
    }
}

extension Array where Element == Float {
    /// Values that Float16 holds exactly.
    init(Float16s values: [Float]) { self = values.map { Float(Float16($0)) } }
}
