import Foundation
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
