import Foundation

/// Reads ahead: a producer (scanning a file's records) runs on a thread of
/// its own while the calling thread consumes what it made (validating
/// them), in order, so that the two halves of reading a large file take
/// two cores instead of one after the other. At most `depth` batches wait
/// at any time, so memory stays bounded as in a plain streaming read.
enum ReadAhead {
    /// The smallest input read ahead: 1 MiB (about 3,000 participants; a
    /// programme of 23,100 is 8 MB). Smaller files are scanned in line, as
    /// before there was a read-ahead: a mission's file of a hundred
    /// participants reads in a few milliseconds, with nothing worth
    /// overlapping, and reading it starts no thread.
    static let minimumBytes = 1 << 20

    /// Runs `produce` on a thread of its own and hands every item it emits to
    /// `consume` on the calling thread, in emission order, in batches of
    /// `batchSize`; returns when both are done. Everything `produce` wrote
    /// before it returned is visible to the caller afterwards.
    ///
    /// - Parameters:
    ///   - batchSize: Items handed over at once (at least 1).
    ///   - depth: Batches that may wait to be consumed (at least 1).
    ///   - produce: Emits the items; runs on another thread.
    ///   - consume: Takes each item, on the calling thread.
    static func pipe<Item: Sendable>(
        batchSize: Int = 256, depth: Int = 4, produce: @escaping @Sendable (_ emit: (Item) -> Void) -> Void,
        consume: (Item) -> Void
    ) {
        let queue = BatchQueue<Item>(depth: max(1, depth))
        let size = max(1, batchSize)
        let producer = Thread {
            var batch: [Item] = []
            batch.reserveCapacity(size)
            produce { item in
                batch.append(item)
                if batch.count == size {
                    queue.push(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { queue.push(batch) }
            queue.close()
        }
        producer.stackSize = 8 << 20
        producer.start()
        while let batch = queue.pop() {
            for item in batch { consume(item) }
        }
    }

    /// Batches between one producer and one consumer, at most `depth` waiting.
    private final class BatchQueue<Item: Sendable>: @unchecked Sendable {
        private var batches: [[Item]] = []
        private var head = 0
        private var closed = false
        private let depth: Int
        private let condition = NSCondition()

        init(depth: Int) { self.depth = depth }

        /// Adds a batch, waiting while `depth` batches wait.
        func push(_ batch: [Item]) {
            condition.lock()
            while batches.count - head >= depth { condition.wait() }
            batches.append(batch)
            condition.broadcast()
            condition.unlock()
        }

        /// No more batches will come.
        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }

        /// The next batch, waiting for it; `nil` once the queue is closed and empty.
        func pop() -> [Item]? {
            condition.lock()
            defer { condition.unlock() }
            while head == batches.count && !closed { condition.wait() }
            guard head < batches.count else { return nil }
            let batch = batches[head]
            batches[head] = []
            head += 1
            if head == batches.count {
                batches.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.broadcast()
            return batch
        }
    }
}
