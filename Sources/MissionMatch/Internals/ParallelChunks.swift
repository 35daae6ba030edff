import Dispatch
import Foundation

/// Runs independent work on all cores in fixed chunks, collecting results in order.
package enum ParallelChunks {
    /// Maps `0..<count` in contiguous chunks, one task per chunk, and concatenates
    /// the chunks' results in index order — the same output on every run.
    ///
    /// - Parameters:
    ///   - count: The number of items.
    ///   - minimumChunk: Below this many items per chunk, runs on the calling thread.
    ///   - body: Maps one chunk's range to one result per index.
    /// - Returns: The results, in index order.
    package static func map<T: Sendable>(
        count: Int, minimumChunk: Int = 256, _ body: @Sendable (Range<Int>) -> [T]
    ) -> [T] {
        guard let chunks = chunks(count: count, minimumChunk: minimumChunk) else { return body(0..<count) }
        let box = ResultBox<T>(chunks: chunks.count)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { chunk in
            box.store(body(chunks[chunk]), at: chunk)
        }
        return box.joined()
    }

    /// Runs `body` on `0..<count` in the contiguous chunks of
    /// ``map(count:minimumChunk:_:)``, for work that writes its own part of a
    /// buffer and returns nothing. Each index belongs to exactly one chunk.
    ///
    /// - Parameters:
    ///   - count: The number of items.
    ///   - minimumChunk: Below this many items per chunk, runs on the calling thread.
    ///   - body: Handles one chunk's range.
    package static func forEach(count: Int, minimumChunk: Int = 256, _ body: @Sendable (Range<Int>) -> Void) {
        guard let chunks = chunks(count: count, minimumChunk: minimumChunk) else { return body(0..<count) }
        DispatchQueue.concurrentPerform(iterations: chunks.count) { body(chunks[$0]) }
    }

    /// The contiguous chunks of `0..<count`, four per worker, or `nil` when
    /// one worker is enough (fewer than two chunks of `minimumChunk` items, or one core).
    private static func chunks(count: Int, minimumChunk: Int) -> [Range<Int>]? {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumChunk)))
        guard workers > 1 else { return nil }
        let chunks = workers * 4
        return (0..<chunks).map { chunk in (chunk * count / chunks)..<((chunk + 1) * count / chunks) }
    }

    /// Runs two independent jobs at once and returns both results: `first`
    /// on a thread of its own, `second` on the calling thread (so that a job
    /// that spreads its own work over the cores, with ``map(count:minimumChunk:_:)``,
    /// still does: that does not nest inside another `concurrentPerform`, where
    /// Dispatch would narrow it).
    ///
    /// - Parameters:
    ///   - first: One job.
    ///   - second: The other.
    /// - Returns: Their results.
    package static func both<A: Sendable, B>(_ first: @escaping @Sendable () -> A, _ second: () -> B) -> (A, B) {
        let box = FirstResult<A>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.set(first())
            done.signal()
        }
        thread.stackSize = 16 << 20  // as a main thread's: the job may be deep
        thread.start()
        let b = second()
        done.wait()
        guard let a = box.value else { preconditionFailure("the first job stores its result before it signals") }
        return (a, b)
    }

    /// ``both(_:_:)`` for jobs that throw: both run to the end even when one
    /// throws; then the first job's error is thrown, else the second's.
    ///
    /// - Parameters:
    ///   - first: One job.
    ///   - second: The other.
    /// - Returns: Their results.
    /// - Throws: What `first` threw, else what `second` threw.
    package static func both<A: Sendable, B>(
        _ first: @escaping @Sendable () throws -> A, _ second: () throws -> B
    ) throws -> (A, B) {
        let (a, b) = both({ Result { try first() } }, { Result { try second() } })
        return (try a.get(), try b.get())
    }

    private final class FirstResult<A: Sendable>: @unchecked Sendable {
        private var stored: A?
        private let lock = NSLock()

        func set(_ value: A) { lock.withLock { stored = value } }
        var value: A? { lock.withLock { stored } }
    }

    private final class ResultBox<T: Sendable>: @unchecked Sendable {
        private var results: [[T]]
        private let lock = NSLock()

        init(chunks: Int) { results = Array(repeating: [], count: chunks) }

        func store(_ value: [T], at index: Int) {
            lock.lock()
            results[index] = value
            lock.unlock()
        }

        func joined() -> [T] {
            lock.lock()
            defer { lock.unlock() }
            return results.flatMap { $0 }
        }
    }
}
