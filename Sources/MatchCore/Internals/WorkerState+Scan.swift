import CPairScan

// The combine-and-select pass over one tile: the only per-pair work besides
// the GEMMs, so it is written for the common case — a pair that enters no
// top-k list — to cost a few vector instructions. That pass is C
// (`CPairScan`, AVX-512 or AVX2 when the processor has them: 2.75× fewer
// samples than the SSE2 loop Swift compiles for the baseline target, by
// `perf` on Scripts/bench/KernelProbe); the slow paths that re-offer pairs
// compute the same scores bit for bit in Swift (``ScanContext/score(_:_:_:)``).

extension WorkerState {
    /// Combines rows `rows` of the tile in `tile` (whose first row is A row
    /// `tileRow`) against B rows `columnStart ..< columnStart + columnCount`
    /// and offers every pair that reaches a threshold to the lists.
    /// `seedColumns`: these are the first rows the columns meet (their lists
    /// are empty), so their thresholds are seeded first (bipartite only).
    func scan(_ tile: TileBuffers, tileRow: Int, rows: Range<Int>, columnStart c0: Int, columnCount n: Int,
              hasLinear: Bool, seedColumns: Bool, context: ScanContext) {
        let weight = context.weight
        let columnThreshold = UnsafePointer(self.columnThreshold + c0)
        // The mask's rule unwrapped once per tile: unwrapping it for each pair, then for each word of
        // flags, retained and released its closure context every time (a tenth of the kernel's samples on
        // a programme at first; 0.9 % of `rank`'s samples when done per word).
        let masksNothing = context.mask.excludesNothing
        let rule = context.mask.isExcluded ?? { _, _ in false }
        let seeded = seedColumns && !context.open
            && self.seedColumns(tile, tileRow: tileRow, rows: rows, columnStart: c0, columnCount: n,
                                hasLinear: hasLinear, context: context)
        // What the other workers' lists of these rows already hold: a pair below it cannot make a
        // row's top k (read once per tile, so the workers' threshold lines cross cores rarely).
        for peer in peerRowThresholds {
            mm_raise_to_published(self.rowThreshold + rows.lowerBound, peer + rows.lowerBound, rows.count)
        }
        let publishes = !peerRowThresholds.isEmpty
        for i in rows {
            let offset = (i - tileRow) * tile.stride
            let start = context.open ? max(0, i + 1 - c0) : 0  // open: each unordered pair once, j > i
            guard start < n else { continue }
            let rowC1 = UnsafePointer(tile.c1 + offset), rowC2 = UnsafePointer(tile.c2 + offset)
            let rowL: UnsafePointer<Float>? = hasLinear ? UnsafePointer(tile.linear + offset) : nil

            // Fetch the row's list while the flag pass runs (row lists
            // outgrow the L2 cache; column lists of a tile fit).
            rowLists.prefetch(row: i)
            // A row whose list is not full gets a seeded threshold.
            var rowThreshold = self.rowThreshold[i]
            var rowSeed = -Float.infinity
            if rowThreshold == -.infinity {
                rowSeed = self.rowSeed(c1: rowC1, c2: rowC2, linear: rowL, start: start, end: n, context: context)
                rowThreshold = rowSeed
            }

            // One vectorised pass (C, the widest instruction set available):
            // each pair's score, compared with the row's and the column's
            // threshold, sets a bit; then only the flagged columns are
            // looked at again.
            let flagged = context.flagger.flag(
                mean: context.mean, weight: weight, c1: rowC1, c2: rowC2, linear: rowL,
                columnThreshold: columnThreshold, rowThreshold: rowThreshold, start: start, end: n,
                scores: scoreRow, bits: flagWords)
            if flagged {
                for word in (start / 64)...((n - 1) / 64) where flagWords[word] != 0 {
                    offer(row: i, tile: tile, localOffset: offset, columnStart: c0, firstColumn: word * 64,
                          flags: flagWords[word], hasLinear: hasLinear, context: context,
                          masksNothing: masksNothing, rule: rule, rowThreshold: &rowThreshold)
                }
            }
            if rowSeed > -.infinity,
               verifyRowSeed(tile, row: i, localOffset: offset, start: start, end: n, columnStart: c0,
                             hasLinear: hasLinear, context: context, seed: rowSeed) {
                rowThreshold = rowLists.threshold(row: i)
            }
            self.rowThreshold[i] = rowThreshold
            if publishes {
                let full = rowLists.threshold(row: i)
                if full > -.infinity { mm_publish(publishedRowThreshold + i, full) }
            }
        }
        if seeded {
            verifyColumnSeeds(tile, tileRow: tileRow, rows: rows, columnStart: c0, columnCount: n,
                              hasLinear: hasLinear, context: context)
        }
    }

    /// The slow path: the columns of a word of flags (one bit each)
    /// whose score reached the row's or the column's threshold. Re-checks
    /// against the thresholds as they are now, checks the mask, feeds the
    /// lists. Thresholds only rise. `masksNothing` and `rule` are the
    /// context's mask's, unwrapped by the caller.
    @inline(never)
    private func offer(
        row i: Int, tile: TileBuffers, localOffset: Int, columnStart c0: Int, firstColumn: Int,
        flags: UInt64, hasLinear: Bool, context: ScanContext, masksNothing: Bool, rule: (Int, Int) -> Bool,
        rowThreshold: inout Float
    ) {
        var remaining = flags
        while remaining != 0 {
            let local = firstColumn + remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            let score = scoreRow[local]
            let j = c0 + local
            let forRow = score >= rowThreshold
            let forColumn = score >= columnThreshold[j]
            guard forRow || forColumn else { continue }
            if !masksNothing, context.mask.excludesExplicitly(i, j, symmetric: context.open) || rule(i, j) { continue }
            let x = tile.c1[localOffset + local], y = tile.c2[localOffset + local]
            let l = hasLinear ? tile.linear[localOffset + local] : 0
            if forRow {
                rowThreshold = max(rowThreshold, rowLists.insert(score: score, partner: j,
                                                                 components: SIMD4(x, y, l, 0), row: i))
            }
            if forColumn {
                // In open pairing columnLists is rowLists: j's own list.
                columnThreshold[j] = max(columnThreshold[j], columnLists.insert(score: score, partner: i,
                                                                                components: SIMD4(y, x, l, 0), row: j))
            }
        }
    }
}
