import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// Files an organiser (or an attacker) might hand in: each gives errors or a
/// result, never a crash, and large ones are read in bounded memory.
struct HostileFilesTests {
    private func read(_ name: String, limits: ImportLimits = .default) -> (participants: [Participant], errors: [String], warnings: [String]) {
        do {
            let result = try ParticipantReader(referenceData: Fixtures.reference, mission: Fixtures.mission, limits: limits)
                .read(contentsOf: Fixtures.url("hostile/\(name)"), displayName: name)
            return (result.value, [], result.diagnostics.warningLines)
        } catch {
            return ([], error.diagnostics.errorLines, error.diagnostics.warningLines)
        }
    }

    @Test func unterminatedQuote() {
        #expect(read("unterminated-quote.csv").errors == [
            "unterminated-quote.csv:2:40: column 'offers': the quoted field opened here is never closed (add the closing quote; a quote inside a quoted field is written as \"\")",
        ])
    }

    @Test func mixedDelimiters() {
        #expect(read("mixed-delimiters.csv").errors == [
            "mixed-delimiters.csv:3: the row has 1 field but the header has 7 (write one field per header column, separated by ',' as in the header)",
        ])
    }

    @Test func duplicateIDs() {
        #expect(read("duplicate-ids.csv").errors == [
            "duplicate-ids.csv:4: column 'id': 'cz-01' is already the id of line 2 (give each participant a unique id)",
        ])
    }

    @Test func unknownCountry() {
        #expect(read("unknown-country.csv").errors == [
            "unknown-country.csv:2: column 'country': 'Czechoslovakia' is not a known country (use an ISO code such as CZ or SK)",
        ])
    }

    @Test func reversedTimeRange() {
        #expect(read("reversed-range.csv").errors == [
            "reversed-range.csv:2: column 'available': '2019-06-17 12:30-09:00' does not end after it starts (write the earlier time first, e.g. 2019-06-17 09:00-12:30)",
        ])
    }

    @Test func rangeOutsideEverySession() {
        #expect(read("outside-session.csv").errors == [
            "outside-session.csv:2: column 'available': '2019-06-19 09:00-12:00' is outside every session of the mission (the sessions are 2019-06-17 09:00-12:30, 2019-06-18 14:00-17:30)",
        ])
    }

    @Test func emptyFile() {
        #expect(read("empty.csv").errors == [
            "empty.csv: the file is empty (start with a header line such as id,name,country,side)",
        ])
    }

    @Test func headerOnly() {
        #expect(read("header-only.csv").errors == [
            "header-only.csv:1: the file has a header but no participants (add one row per organisation below the header)",
        ])
    }

    @Test func binaryGarbage() {
        #expect(read("binary-garbage.bin").errors == [
            "binary-garbage.bin: the file contains NUL bytes and looks binary, not CSV (export the sheet as CSV UTF-8)",
        ])
    }

    @Test func windows1252IsReadWithAWarning() {
        let result = read("windows-1252.csv")
        #expect(result.errors == [])
        #expect(result.participants.first?.name == "Société Générale d'Emballage")
        #expect(result.participants.first?.offers == "Étiquettes – 5€")
        #expect(result.warnings == [
            "warning: windows-1252.csv: the file is not valid UTF-8 and was read as Windows-1252 (save it as CSV UTF-8 so that accented letters are sure to be right)",
        ])
    }

    @Test func missingFile() {
        let result = read("no-such-file.csv")
        #expect(result.errors == ["no-such-file.csv: file not found (check the path)"])
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 42)
        let alphabet = Array("ab,;\t\"\r\n|é€ 0-9:".utf8) + [0xFF, 0xC3, 0x00]
        for _ in 0..<300 {
            let length = Int(generator.next() % 200)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = readParticipants(Data(Array("id,name,country,side,offers\n".utf8) + bytes))
            _ = readParticipants(Data(bytes))
        }
    }

    @Test func tenMegabyteFieldGivesAnErrorAndStaysBounded() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("huge-field.csv")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("id,name,country,side,offers\ncz-01,Nano,CZ,consortium,\"".utf8))
        let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<10 { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data("\"\ncn-01,Greenpack,CN,counterpart,Converter\n".utf8))
        try handle.close()

        let result = try? ParticipantReader(referenceData: Fixtures.reference, mission: Fixtures.mission)
            .read(contentsOf: url, displayName: "huge-field.csv")
        #expect(result == nil)
        do {
            _ = try ParticipantReader(referenceData: Fixtures.reference, mission: Fixtures.mission)
                .read(contentsOf: url, displayName: "huge-field.csv")
        } catch {
            #expect(error.diagnostics.errorLines == [
                "huge-field.csv:2: column 'offers': the field is longer than 1 MB (shorten it; fields are limited to 1 MB)",
            ])
        }
        let reader = try CSVReader(contentsOf: url)
        while try reader.next() != nil {}
        #expect(reader.largestRecordBytes <= (1 << 20) + 64)
    }

    @Test func millionRowFileIsStreamedInBoundedMemory() throws {
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("million.csv")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("id,name,country,side,offers\n".utf8))
        var buffer = ""
        for row in 1...1_000_000 {
            buffer += "p\(row),Org,CZ,consortium,Coatings\n"
            if row % 20_000 == 0 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        try handle.close()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size > 30_000_000)

        // The reader holds one chunk and one record, whatever the file's size.
        let reader = try CSVReader(contentsOf: url)
        var records = 0
        while try reader.next() != nil { records += 1 }
        #expect(records == 1_000_001)
        #expect(reader.largestRecordBytes < 128)

        // The participant reader stops at its row limit with a clear error.
        var limits = ImportLimits()
        limits.maxRows = 100_000
        do {
            _ = try ParticipantReader(referenceData: Fixtures.reference, mission: Fixtures.mission, limits: limits)
                .read(contentsOf: url, displayName: "million.csv")
            Issue.record("expected the row limit")
        } catch {
            #expect(error.diagnostics.errorLines == [
                "million.csv:100002: more than 100000 rows; the rest of the file was not read (split the file; the limit is 100000 rows)",
            ])
        }
    }

    @Test func fileSizeLimitIsChecked() {
        var limits = ImportLimits()
        limits.maxFileBytes = 100
        #expect(read("duplicate-ids.csv", limits: limits).errors == [
            "duplicate-ids.csv: the file is 233 bytes, more than the 100 bytes limit (split it into smaller files)",
        ])
    }
}

/// A small, repeatable random number generator (SplitMix64).
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
