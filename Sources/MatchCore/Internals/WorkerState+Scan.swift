// The combine-and-select pass over one tile: the only per-pair work besides
// the GEMMs, so it is written for the common case — a pair that enters no
// top-k list — to cost a few vector instructions.

/// The vector width of the scan.
enum ScanLanes {
    static let width = 8
    typealias Vector = SIMD8<Float>
}

/// A reciprocal mean over clamped (non-negative) cosines, eight lanes at a
/// time; one type per ``ReciprocalMean`` so the scan is specialised for it.
protocol ScanMean {
    static func combine(_ a: ScanLanes.Vector, _ b: ScanLanes.Vector) -> ScanLanes.Vector
}

enum ArithmeticScanMean: ScanMean {
    @inline(__always)
    static func combine(_ a: ScanLanes.Vector, _ b: ScanLanes.Vector) -> ScanLanes.Vector { (a + b) * 0.5 }
}

enum GeometricScanMean: ScanMean {
    @inline(__always)
    static func combine(_ a: ScanLanes.Vector, _ b: ScanLanes.Vector) -> ScanLanes.Vector { (a * b).squareRoot() }
}

enum HarmonicScanMean: ScanMean {
    @inline(__always)
    static func combine(_ a: ScanLanes.Vector, _ b: ScanLanes.Vector) -> ScanLanes.Vector {
        let sum = a + b
        var h = (2 * a * b) / sum
        h.replace(with: 0, where: sum .== 0)
        return h
    }
}

extension WorkerState {
    /// Combines the tile in the buffers (rows `rows` of A × B rows
    /// `columnStart ..< columnStart + columnCount`) and offers every pair
    /// that beats a threshold to the heaps.
    func scanTile(rows: Range<Int>, columnStart: Int, columnCount: Int, hasLinear: Bool, context: ScanContext) {
        switch context.mean {
        case .arithmetic:
            scanTile(ArithmeticScanMean.self, rows: rows, columnStart: columnStart, columnCount: columnCount,
                     hasLinear: hasLinear, context: context)
        case .geometric:
            scanTile(GeometricScanMean.self, rows: rows, columnStart: columnStart, columnCount: columnCount,
                     hasLinear: hasLinear, context: context)
        case .harmonic:
            scanTile(HarmonicScanMean.self, rows: rows, columnStart: columnStart, columnCount: columnCount,
                     hasLinear: hasLinear, context: context)
        }
    }

    @inline(__always)
    private func load(_ pointer: UnsafePointer<Float>) -> ScanLanes.Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: ScanLanes.Vector.self)
    }

    private func scanTile<Mean: ScanMean>(
        _: Mean.Type, rows: Range<Int>, columnStart c0: Int, columnCount n: Int,
        hasLinear: Bool, context: ScanContext
    ) {
        let width = ScanLanes.width
        let weight = ScanLanes.Vector(repeating: context.weight)
        let zero = ScanLanes.Vector()
        for i in rows {
            let offset = (i - rows.lowerBound) * stride
            let rowC1 = UnsafePointer(c1 + offset)
            let rowC2 = UnsafePointer(c2 + offset)
            let rowL = UnsafePointer(linear + offset)
            var start = 0
            if context.open {
                // Each unordered pair once: only columns j > i.
                let first = i + 1 - c0
                if first >= n { continue }
                start = max(0, first) / width * width
            }
            var rowThreshold = self.rowThreshold[i]
            var jj = start
            while jj < n {
                let a = pointwiseMax(load(rowC1 + jj), zero)
                let b = pointwiseMax(load(rowC2 + jj), zero)
                var score = weight * Mean.combine(a, b)
                if hasLinear { score += load(rowL + jj) }
                let bar = pointwiseMin(load(columnThreshold + c0 + jj), ScanLanes.Vector(repeating: rowThreshold))
                let hits = score .>= bar
                if any(hits) {
                    offer(row: i, localOffset: offset, columnStart: c0, columnCount: n, firstColumn: jj,
                          scores: score, hits: hits, hasLinear: hasLinear, context: context,
                          rowThreshold: &rowThreshold)
                }
                jj += width
            }
            self.rowThreshold[i] = rowThreshold
        }
    }

    /// The slow path: the lanes whose score beats the row's or the column's
    /// threshold. Checks the mask and feeds the heaps.
    @inline(never)
    private func offer(
        row i: Int, localOffset: Int, columnStart c0: Int, columnCount n: Int, firstColumn jj: Int,
        scores: ScanLanes.Vector, hits: SIMDMask<ScanLanes.Vector.MaskStorage>, hasLinear: Bool,
        context: ScanContext, rowThreshold: inout Float
    ) {
        for lane in 0..<ScanLanes.width where hits[lane] {
            let local = jj + lane
            guard local < n else { break }
            let j = c0 + local
            if context.open && j <= i { continue }
            let score = scores[lane]
            let forRow = score >= rowThreshold
            let forColumn = score >= columnThreshold[j]
            guard forRow || forColumn else { continue }
            if context.mask.excludes(i, j, symmetric: context.open) { continue }
            let x = c1[localOffset + local], y = c2[localOffset + local]
            let l = hasLinear ? linear[localOffset + local] : 0
            if forRow {
                rowHeaps[i].insert(ScoredPartner(partner: j, score: score, offerToNeed: x, needFromOffer: y, linear: l))
                rowThreshold = rowHeaps[i].threshold
            }
            if forColumn {
                let seen = ScoredPartner(partner: i, score: score, offerToNeed: y, needFromOffer: x, linear: l)
                if context.open {
                    rowHeaps[j].insert(seen)
                    columnThreshold[j] = rowHeaps[j].threshold
                } else {
                    columnHeaps[j].insert(seen)
                    columnThreshold[j] = columnHeaps[j].threshold
                }
            }
        }
    }
}
