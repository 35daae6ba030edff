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

/// ``makeSide(count:d:f:seed:)`` with sparse blocks shaped like the
/// engine's exact evidence: `s` columns, `nonzeros` stored entries a row
/// (column frequencies falling off like a text corpus' terms, ~1/rank),
/// L2-normalised rows; the sparse features repeat the offer block (the
/// competition term), negated and weighted on the rows' side.
public func makeSparseSide(count: Int, d: Int, f: Int, s: Int, nonzeros: Int, asRows: Bool, seed: UInt64) -> ScoringSide {
    let dense = makeSide(count: count, d: d, f: f, seed: seed)
    var random = SeededRandomNumberGenerator(seed: seed &+ 1000)
    // Cumulative 1/rank weights over the columns, for drawing columns like term frequencies.
    var cumulative = [Double](repeating: 0, count: s)
    var total = 0.0
    for column in 0..<s { total += 1 / Double(column + 1); cumulative[column] = total }
    func block() -> CSRMatrix {
        var offsets = [0], columns: [Int32] = [], values: [Float] = []
        for _ in 0..<count {
            var chosen = Set<Int>()
            while chosen.count < min(nonzeros, s) {
                let u = Double(random.next() >> 11) / Double(1 << 53) * total
                var low = 0, high = s - 1
                while low < high { let mid = (low + high) / 2; if cumulative[mid] < u { low = mid + 1 } else { high = mid } }
                chosen.insert(low)
            }
            let row = chosen.sorted()
            let value = 1 / Float(row.count).squareRoot()
            columns += row.map { Int32($0) }
            values += row.map { _ in value * (0.5 + abs(random.unit())) / 1.25 }
            offsets.append(values.count)
        }
        return CSRMatrix(rows: count, columns: s, rowOffsets: offsets, columnIndices: columns, values: values)
    }
    let offer = block(), need = block()
    var competition = offer
    if asRows { competition = CSRMatrix(rows: count, columns: s, rowOffsets: offer.rowOffsets,
                                        columnIndices: offer.columnIndices, values: offer.values.map { -0.3 * $0 }) }
    return ScoringSide(offer: dense.offer, need: dense.need, features: dense.features,
                       sparse: SparseScoringBlocks(offer: offer, need: need, features: competition))
}

/// The same side with its sparse blocks written out as dense columns after
/// the dense ones: what the kernel multiplied before it had sparse blocks.
public func denseEquivalent(_ side: ScoringSide) -> ScoringSide {
    guard let sparse = side.sparse else { return side }
    func joined(_ x: Matrix, _ y: CSRMatrix) -> Matrix {
        var out = Matrix(rows: x.rows, columns: x.columns + y.columns)
        for i in 0..<x.rows {
            for (j, value) in x.row(i).enumerated() { out[i, j] = value }
            for (j, value) in y.row(i) { out[i, x.columns + j] = value }
        }
        return out
    }
    return ScoringSide(offer: joined(side.offer, sparse.offer), need: joined(side.need, sparse.need),
                       features: joined(side.features, sparse.features))
}
