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
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimumChunk)))
        guard workers > 1 else { return body(0..<count) }
        let chunks = workers * 4
        let box = ResultBox<T>(chunks: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * count / chunks)..<((chunk + 1) * count / chunks)
            box.store(body(range), at: chunk)
        }
        return box.joined()
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
