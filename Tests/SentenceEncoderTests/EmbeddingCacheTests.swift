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
        #expect(cache.entries.isEmpty)
        let clauses = [Float](Float16s: [0.5, -0.25, 0.125, 1, 0, -1])
        cache.insert(.init(vector: [0.1, -0.2, 0.3], clauseVectors: clauses, clauseCount: 2), for: "Tinned fish. Olive oil.")
        cache.insert(.init(vector: [1, 0, 0], clauseVectors: [], clauseCount: 0), for: "Ünïcödé 東京")
        try cache.save()
        #expect(cache.fileURL.lastPathComponent == "all-MiniLM-L6-v2_abc123.embeddings")
        let loaded = EmbeddingCache(folder: folder, fingerprint: "all-MiniLM-L6-v2/abc123", dimension: 3)
        #expect(loaded.entries == cache.entries)
        #expect(loaded.entry(for: "Tinned fish. Olive oil.")?.vector.map(\.bitPattern) == [Float(0.1), -0.2, 0.3].map(\.bitPattern))
        // The same entries give the same bytes.
        #expect(loaded.encode() == cache.encode())
    }

    @Test func anotherDimensionOrABrokenFileIsIgnored() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var cache = EmbeddingCache(folder: folder, fingerprint: "m", dimension: 2)
        cache.insert(.init(vector: [1, 0], clauseVectors: [0, 1], clauseCount: 1), for: "a")
        try cache.save()
        #expect(EmbeddingCache(folder: folder, fingerprint: "m", dimension: 4).entries.isEmpty)
        let bytes = try Data(contentsOf: cache.fileURL)
        for cut in [0, 7, 12, 16, bytes.count - 1] {
            #expect(EmbeddingCache.decode(bytes.prefix(cut), dimension: 2) == nil, "cut at \(cut)")
        }
        #expect(EmbeddingCache.decode(bytes + [0], dimension: 2) == nil)
        // A huge clause count in a small file is refused, not allocated.
        var hostile = bytes
        hostile.replaceSubrange(20..<24, with: [0xFF, 0xFF, 0xFF, 0x7F])
        #expect(EmbeddingCache.decode(hostile, dimension: 2) == nil)
        #expect(EmbeddingCache.decode(bytes, dimension: 2)?["a"]?.clauseVectors == [0, 1])
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
