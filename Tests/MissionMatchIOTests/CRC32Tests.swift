import Foundation
import MatchCore
import MissionMatch
import Testing
@testable import MissionMatchIO

/// The workbook parts' checksum: known values, a bit-by-bit reference on
/// random bytes split into random chunks, and a damaged archive refused.
struct CRC32Tests {
    /// The textbook definition, one bit at a time.
    static func reference(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    static func crc(_ chunks: [[UInt8]]) -> UInt32 {
        var crc = CRC32()
        for chunk in chunks { chunk.withUnsafeBytes { crc.update($0) } }
        return crc.value
    }

    @Test func knownValues() {
        #expect(Self.crc([]) == 0)
        #expect(Self.crc([Array("123456789".utf8)]) == 0xCBF4_3926)
        #expect(Self.crc([Array("The quick brown fox jumps over the lazy dog".utf8)]) == 0x414F_A339)
    }

    @Test func agreesWithTheBitwiseDefinitionOnRandomChunks() {
        var generator = SeededRandomNumberGenerator(seed: 32)
        for _ in 0..<300 {
            let count = Int(generator.next() % 2_000)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            var chunks: [[UInt8]] = []
            var start = 0
            while start < count {
                let length = 1 + Int(generator.next() % 40)
                chunks.append(Array(bytes[start..<min(count, start + length)]))
                start += length
            }
            #expect(Self.crc(chunks) == Self.reference(bytes))
        }
    }

    /// Every checksum in the central directory changed: reading the sheet names the damage.
    @Test func aPartWhoseChecksumDiffersIsDamaged() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crc-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try TestWorkbook.table(["id", "name", "country", "offers"], [["a", "A", "CZ", "robots"]]).write(to: url)
        var bytes = [UInt8](try Data(contentsOf: url))
        var patched = 0
        var index = 0
        while index + 20 <= bytes.count {
            // Central directory header: PK\u{1}\u{2}; its CRC-32 is at offset 16.
            if bytes[index] == 0x50, bytes[index + 1] == 0x4B, bytes[index + 2] == 1, bytes[index + 3] == 2 {
                bytes[index + 16] ^= 0xFF
                patched += 1
            }
            index += 1
        }
        #expect(patched >= 3)
        try Data(bytes).write(to: url)
        let reader = ParticipantReader(referenceData: try ReferenceDataLoader.load(from: BundledDataTests.folder).value)
        do {
            _ = try reader.read(contentsOf: url, displayName: "damaged.xlsx")
            Issue.record("the damaged workbook was accepted")
        } catch {
            let lines = error.diagnostics.errorLines
            #expect(lines.contains { $0.contains("its checksum does not match its content") }, "\(lines)")
        }
    }
}
