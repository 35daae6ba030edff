import Foundation
import MissionMatch
@testable import MissionMatchIO
import Synchronization
import Testing

/// The read-ahead pipe between the thread that scans a file and the one
/// that validates it: every item, in order, never more than its bound in flight.
struct ReadAheadTests {
    @Test(arguments: [(1, 1), (7, 2), (256, 4), (1_000, 3)])
    func handsOverEveryItemInOrderWithinItsBound(batchSize: Int, depth: Int) {
        let produced = Atomic<Int>(0)
        var consumed: [Int] = []
        var largestInFlight = 0
        ReadAhead.pipe(batchSize: batchSize, depth: depth, produce: { emit in
            for value in 0..<20_000 {
                produced.add(1, ordering: .sequentiallyConsistent)
                emit(value)
            }
        }, consume: { (value: Int) in
            consumed.append(value)
            largestInFlight = max(largestInFlight, produced.load(ordering: .sequentiallyConsistent) - consumed.count)
        })
        #expect(consumed == Array(0..<20_000))
        // Waiting batches, the one being consumed and the one being filled.
        #expect(largestInFlight <= (depth + 2) * batchSize)
    }

    @Test func aProducerThatEmitsNothingEndsThePipe() {
        var calls = 0
        ReadAhead.pipe(produce: { (_: (Int) -> Void) in }, consume: { _ in calls += 1 })
        #expect(calls == 0)
    }

    /// What the producer wrote before it returned is seen by the caller afterwards.
    @Test func theProducersWritesAreVisibleAfterThePipe() {
        final class Log: @unchecked Sendable { var lines: [String] = [] }
        let log = Log()
        var seen = 0
        ReadAhead.pipe(batchSize: 3, produce: { emit in
            for value in 0..<10 { log.lines.append("row \(value)"); emit(value) }
            log.lines.append("end")
        }, consume: { seen += $0 })
        #expect(seen == 45)
        #expect(log.lines.count == 11 && log.lines.last == "end")
    }
}

/// The participants reader gives the same participants and the same
/// diagnostics whether a file's records are scanned on a thread of their own
/// (``ReadAhead``, files of 1 MiB and more) or in line (smaller files).
struct ParticipantReadAheadTests {
    /// The fixture participants repeated `copies` times with fresh ids, and
    /// every 97th row broken (an unknown country, or a field too many).
    private func market(copies: Int) throws -> Data {
        let text = try String(contentsOf: Fixtures.url("participants/shanghai-mini.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        var rows = [lines[0]]
        for copy in 0..<copies {
            for line in lines.dropFirst() {
                var row = "c\(copy)-" + line
                if rows.count % 97 == 0 { row = row.replacingOccurrences(of: ",CN,", with: ",Atlantis,") }
                if rows.count % 97 == 48 { row = row.replacingOccurrences(of: ",en|", with: ",en|,2019-13-45 25:00,") }
                rows.append(row)
            }
        }
        return Data(rows.joined(separator: "\n").utf8)
    }

    private func read(_ data: Data, readAheadBytes: Int) -> (participants: [Participant], diagnostics: [String]) {
        var reader = ParticipantReader(referenceData: Fixtures.reference, mission: Fixtures.mission)
        reader.readAheadBytes = readAheadBytes
        do {
            let imported = try reader.readCSV(data, displayName: "participants.csv")
            return (imported.value, imported.diagnostics.warningLines)
        } catch {
            return ([], error.diagnostics.errorLines + error.diagnostics.warningLines)
        }
    }

    @Test func bothWaysOfReadingAgreeOnAGoodFile() throws {
        let text = try String(contentsOf: Fixtures.url("participants/shanghai-mini.csv"), encoding: .utf8)
        let data = Data(text.utf8)
        let inline = read(data, readAheadBytes: Int.max), ahead = read(data, readAheadBytes: 0)
        #expect(inline.participants.count == 6)
        #expect(ahead.participants == inline.participants)
        #expect(ahead.diagnostics == inline.diagnostics)
    }

    @Test func bothWaysOfReadingReportTheSameErrorsOnABadFile() throws {
        let data = try market(copies: 400)  // 2,400 rows, about half a megabyte
        let inline = read(data, readAheadBytes: Int.max), ahead = read(data, readAheadBytes: 0)
        #expect(!inline.diagnostics.isEmpty)
        #expect(inline.diagnostics.contains { $0.contains("Atlantis") })
        #expect(ahead.diagnostics == inline.diagnostics)
        #expect(ahead.participants == inline.participants)
    }
}
