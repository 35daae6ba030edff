import Foundation
@testable import MissionMatch
import Synchronization
import Testing

/// `ParallelChunks.both`: two jobs at once, both results, both run to the end, errors in order.
struct ParallelPairTests {
    struct Failure: Error, Equatable { var job: Int }

    @Test func returnsBothResultsAndTheSecondKeepsItsOwnParallelism() {
        let (first, second) = ParallelChunks.both(
            { (0..<1_000).reduce(0, +) },
            { ParallelChunks.map(count: 10_000, minimumChunk: 100) { range in range.map { $0 * 2 } } })
        #expect(first == 499_500)
        #expect(second == (0..<10_000).map { $0 * 2 })
    }

    @Test func bothJobsRunToTheEndAndTheFirstJobsErrorComesFirst() {
        let finished = Atomic<Int>(0)
        #expect(throws: Failure(job: 1)) {
            try ParallelChunks.both(
                { () throws -> Int in finished.add(1, ordering: .relaxed); throw Failure(job: 1) },
                { () throws -> Int in finished.add(1, ordering: .relaxed); throw Failure(job: 2) })
        }
        #expect(finished.load(ordering: .relaxed) == 2)
        #expect(throws: Failure(job: 2)) {
            try ParallelChunks.both({ 1 }, { () throws -> Int in throw Failure(job: 2) })
        }
        #expect(throws: Failure(job: 1)) {
            try ParallelChunks.both({ () throws -> Int in throw Failure(job: 1) }, { 2 })
        }
    }

    @Test func jobsThatCannotThrowNeedNoTry() {
        let caller = pthread_self()
        let (sum, onCaller) = ParallelChunks.both({ (1...100).reduce(0, +) }, { pthread_equal(pthread_self(), caller) != 0 })
        #expect(sum == 5_050)
        #expect(onCaller)
    }

    @Test func theFirstJobRunsOnAnotherThread() {
        let caller = pthread_self()
        let (other, same) = ParallelChunks.both({ pthread_equal(pthread_self(), caller) == 0 },
                                                    { pthread_equal(pthread_self(), caller) != 0 })
        #expect(other && same)
    }
}
