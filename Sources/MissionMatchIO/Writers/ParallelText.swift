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

    /// ``map(count:_:)`` handed to `emit` chunk by chunk, in chunk order,
    /// while later chunks are still being rendered: the chunks are rendered
    /// on all cores by a thread of their own, and the calling thread emits
    /// each one as soon as it and every chunk before it are done (and then
    /// drops it). `emit` sees the same texts in the same order as `map`
    /// returns; it returns once every chunk has been emitted.
    ///
    /// - Parameters:
    ///   - count: The number of items.
    ///   - body: Renders one chunk's items.
    ///   - emit: Takes each chunk's text, in order, on the calling thread.
    static func stream(count: Int, _ body: @escaping @Sendable (Range<Int>) -> String, emit: (String) -> Void) {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        guard cores > 1, count >= 512 else { return emit(body(0..<count)) }
        let chunks = cores * 8
        let box = Box(count: chunks)
        let finished = DispatchSemaphore(value: 0)
        let renderer = Thread {
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                box.set(chunk, body((chunk * count / chunks)..<((chunk + 1) * count / chunks)))
            }
            finished.signal()
        }
        renderer.stackSize = 16 << 20
        renderer.start()
        for chunk in 0..<chunks { emit(box.take(chunk)) }
        finished.wait()
    }

    private final class Box: @unchecked Sendable {
        private var parts: [String]
        private var ready: [Bool]
        private let condition = NSCondition()
        init(count: Int) {
            parts = Array(repeating: "", count: count)
            ready = Array(repeating: false, count: count)
        }
        func set(_ index: Int, _ value: String) {
            condition.lock()
            parts[index] = value
            ready[index] = true
            condition.broadcast()
            condition.unlock()
        }
        /// Waits until part `index` is set, then hands it over and keeps nothing of it.
        func take(_ index: Int) -> String {
            condition.lock()
            defer { condition.unlock() }
            while !ready[index] { condition.wait() }
            let value = parts[index]
            parts[index] = ""
            return value
        }
        var values: [String] {
            condition.lock()
            defer { condition.unlock() }
            return parts
        }
    }
}
