import Synchronization
@testable import MissionMatch
import Testing

/// `ParallelChunks.forEach`: every index handled exactly once, in contiguous
/// chunks, whatever the count.
struct ParallelChunksForEachTests {
    @Test(arguments: [0, 1, 7, 511, 512, 1_027, 4_099, 100_003])
    func everyIndexOnce(count: Int) {
        let visits = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        defer { visits.deallocate() }
        visits.initialize(repeating: 0)
        nonisolated(unsafe) let shared = visits
        let ranges = Mutex<[Range<Int>]>([])
        ParallelChunks.forEach(count: count, minimumChunk: 64) { range in
            ranges.withLock { $0.append(range) }
            for index in range { shared[index] += 1 }
        }
        #expect(visits.allSatisfy { $0 == 1 })
        let sorted = ranges.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound }
        #expect(sorted.first?.lowerBound ?? 0 == 0)
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }
}
