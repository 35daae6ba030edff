// The combine-and-select pass over one tile: the only per-pair work besides
// the GEMMs, so it is written for the common case — a pair that enters no
// top-k list — to cost a few vector instructions. The loops are plain
// element loops over pointers that LLVM vectorises (checked in the
// disassembly: packed max/compare/divide, no calls); Swift's generic SIMD
// helpers (`pointwiseMax`, `pointwiseMin`) were outlined calls here and cost
// 20 ns a pair.

/// A reciprocal mean over clamped (non-negative) cosines; one type per
/// ``ReciprocalMean`` so the scan is specialised and vectorised for it.
protocol ScanMean {
    static func combine(_ a: Float, _ b: Float) -> Float
}

enum ArithmeticScanMean: ScanMean {
    @inline(__always)
    static func combine(_ a: Float, _ b: Float) -> Float { (a + b) * 0.5 }
}

enum GeometricScanMean: ScanMean {
    @inline(__always)
    static func combine(_ a: Float, _ b: Float) -> Float { (a * b).squareRoot() }
}

enum HarmonicScanMean: ScanMean {
    @inline(__always)
    static func combine(_ a: Float, _ b: Float) -> Float {
        let sum = a + b
        let h = (2 * a * b) / sum
        return sum == 0 ? 0 : h
    }
}

/// Columns checked together before looking at any one of them.
private let candidateBlock = 32

extension WorkerState {
    /// Combines rows `rows` of the tile in `tile` (whose first row is A row
    /// `tileRow`) against B rows `columnStart ..< columnStart + columnCount`
    /// and offers every pair that reaches a threshold to the heaps.
    func scan(_ tile: TileBuffers, tileRow: Int, rows: Range<Int>, columnStart: Int, columnCount: Int,
              hasLinear: Bool, context: ScanContext) {
        switch context.mean {
        case .arithmetic:
            scan(ArithmeticScanMean.self, tile, tileRow: tileRow, rows: rows, columnStart: columnStart,
                 columnCount: columnCount, hasLinear: hasLinear, context: context)
        case .geometric:
            scan(GeometricScanMean.self, tile, tileRow: tileRow, rows: rows, columnStart: columnStart,
                 columnCount: columnCount, hasLinear: hasLinear, context: context)
        case .harmonic:
            scan(HarmonicScanMean.self, tile, tileRow: tileRow, rows: rows, columnStart: columnStart,
                 columnCount: columnCount, hasLinear: hasLinear, context: context)
        }
    }

    private func scan<Mean: ScanMean>(
        _: Mean.Type, _ tile: TileBuffers, tileRow: Int, rows: Range<Int>, columnStart c0: Int, columnCount n: Int,
        hasLinear: Bool, context: ScanContext
    ) {
        let weight = context.weight
        let scores = scoreRow
        let columnThreshold = UnsafePointer(self.columnThreshold + c0)
        for i in rows {
            let offset = (i - tileRow) * tile.stride
            let start = context.open ? max(0, i + 1 - c0) : 0  // open: each unordered pair once, j > i
            guard start < n else { continue }
            let rowC1 = UnsafePointer(tile.c1 + offset), rowC2 = UnsafePointer(tile.c2 + offset)

            // Pass 1: the scores of the row (vectorised).
            if hasLinear {
                let rowL = UnsafePointer(tile.linear + offset)
                for j in start..<n {
                    scores[j] = weight * Mean.combine(max(rowC1[j], 0), max(rowC2[j], 0)) + rowL[j]
                }
            } else {
                for j in start..<n {
                    scores[j] = weight * Mean.combine(max(rowC1[j], 0), max(rowC2[j], 0))
                }
            }

            // Pass 2: for each block of 32 columns, a bit mask of the scores that
            // reach the row's or the column's threshold (vectorised), then
            // only those columns, one by one.
            var rowThreshold = self.rowThreshold[i]
            var blockStart = start
            while blockStart < n {
                let length = min(n - blockStart, candidateBlock)
                let blockScores = scores + blockStart, blockThresholds = columnThreshold + blockStart
                var hits: UInt32 = 0
                for t in 0..<length {
                    let score = blockScores[t]
                    let hit: UInt32 = (score >= rowThreshold ? 1 : 0) | (score >= blockThresholds[t] ? 1 : 0)
                    hits |= hit &<< UInt32(truncatingIfNeeded: t)
                }
                if hits != 0 {
                    offer(row: i, tile: tile, localOffset: offset, columnStart: c0, firstColumn: blockStart,
                          hits: hits, hasLinear: hasLinear, context: context, rowThreshold: &rowThreshold)
                }
                blockStart += length
            }
            self.rowThreshold[i] = rowThreshold
        }
    }

    /// The slow path: the columns of a block (bits of `hits`) whose score
    /// reached the row's or the column's threshold. Re-checks against the
    /// thresholds as they are now, checks the mask, feeds the heaps.
    @inline(never)
    private func offer(
        row i: Int, tile: TileBuffers, localOffset: Int, columnStart c0: Int, firstColumn: Int, hits: UInt32,
        hasLinear: Bool, context: ScanContext, rowThreshold: inout Float
    ) {
        var remaining = hits
        while remaining != 0 {
            let local = firstColumn + remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            let score = scoreRow[local]
            let j = c0 + local
            let forRow = score >= rowThreshold
            let forColumn = score >= columnThreshold[j]
            guard forRow || forColumn else { continue }
            if context.mask.excludes(i, j, symmetric: context.open) { continue }
            let x = tile.c1[localOffset + local], y = tile.c2[localOffset + local]
            let l = hasLinear ? tile.linear[localOffset + local] : 0
            if forRow {
                rowThreshold = rowHeaps.insert(
                    ScoredPartner(partner: j, score: score, offerToNeed: x, needFromOffer: y, linear: l), row: i)
            }
            if forColumn {
                // In open pairing columnHeaps is rowHeaps: j's own list.
                columnThreshold[j] = columnHeaps.insert(
                    ScoredPartner(partner: i, score: score, offerToNeed: y, needFromOffer: x, linear: l), row: j)
            }
        }
    }
}
