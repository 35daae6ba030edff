import Dispatch
import Foundation

/// Builds the text of a long file in parallel: fixed chunks, joined in order,
/// so the bytes never depend on scheduling.
enum ParallelText {
    /// One string per chunk of `0..<count`, in chunk order.
    ///
    /// - Parameters:
    ///   - count: The number of items.
    ///   - body: Renders one chunk's items.
    /// - Returns: The chunks' texts, in order.
    static func map(count: Int, _ body: @Sendable (Range<Int>) -> String) -> [String] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, count >= 512 else { return [body(0..<count)] }
        let chunks = cores * 8
        let box = Box(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            box.set(chunk, body((chunk * count / chunks)..<((chunk + 1) * count / chunks)))
        }
        return box.values
    }

    private final class Box: @unchecked Sendable {
        private var parts: [String]
        private let lock = NSLock()
        init(count: Int) { parts = Array(repeating: "", count: count) }
        func set(_ index: Int, _ value: String) {
            lock.lock()
            parts[index] = value
            lock.unlock()
        }
        var values: [String] {
            lock.lock()
            defer { lock.unlock() }
            return parts
        }
    }
}
