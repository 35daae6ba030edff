// The kernel's benchmark inputs, shared by the PairScoring benchmark and the
// KernelProbe profiling executable so that both measure the same data.

import MatchCore

/// Seeded inputs shaped like the encoder's output: L2-normalised latent
/// vectors with a few shared topics (so scores spread like real ones), and
/// small non-negative weighted features.
public func makeSide(count: Int, d: Int, f: Int, seed: UInt64) -> ScoringSide {
    var random = SeededRandomNumberGenerator(seed: seed)
    func latent() -> Matrix {
        var m = Matrix(rows: count, columns: d)
        m.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<count {
                let topic = Int(random.next() % UInt64(max(d / 8, 1))) * 8
                for j in 0..<d { buffer[i * d + j] = random.unit() * 0.3 }
                for j in topic..<min(d, topic + 8) { buffer[i * d + j] += 1 }
            }
        }
        m.normalizeRows()
        return m
    }
    var features = Matrix(rows: count, columns: f)
    features.withUnsafeMutableBufferPointer { buffer in
        for index in buffer.indices { buffer[index] = random.next() % 4 == 0 ? 0.05 : 0 }
    }
    return ScoringSide(offer: latent(), need: latent(), features: features)
}

extension SeededRandomNumberGenerator {
    /// A uniform value in [-1, 1).
    public mutating func unit() -> Float { Float(next() >> 40) / Float(1 << 24) * 2 - 1 }
}

/// A duration in seconds.
public func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}
