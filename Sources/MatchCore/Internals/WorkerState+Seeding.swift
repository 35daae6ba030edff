import CPairScan

// Seeding entry thresholds before a list is full.
//
// A list that is not full admits everything: the first tile a column meets
// would offer all its rows to the column's list (about 70 of 256 rows are
// kept on the way to the top 20), and a worker's first tile of a row every
// column. Instead the scores are cut into G ≥ k disjoint groups and the k-th
// largest group maximum — reached by k distinct pairs, one per group — becomes
// the threshold: only pairs at or above it are offered.
//
// Masked pairs never enter a list, so a seed can be too high when one of its
// k pairs is masked. After the offers the list is checked: if its own k-th
// best is below the seed, the pairs the seed held back are offered too. The
// result is exactly the unseeded one; the seed only skips work.

extension WorkerState {
    /// The k-th largest of the `count` values at `values` (1 ≤ k ≤ count; no
    /// NaN — group maxima never are). Reorders the values.
    ///
    /// - Complexity: O(count) expected (quickselect, middle pivot); count ≤ 2k.
    @inline(__always)
    static func kthLargest(_ values: UnsafeMutablePointer<Float>, count: Int, k: Int) -> Float {
        var lower = 0, upper = count - 1
        let target = k - 1  // index in descending order
        while lower < upper {
            let pivot = values[(lower + upper) / 2]
            var i = lower, j = upper
            while i <= j {
                while values[i] > pivot { i += 1 }
                while values[j] < pivot { j -= 1 }
                if i <= j {
                    let swapped = values[i]
                    values[i] = values[j]
                    values[j] = swapped
                    i += 1
                    j -= 1
                }
            }
            // Now values[lower...j] ≥ pivot ≥ values[i...upper].
            if target <= j {
                upper = j
            } else if target >= i {
                lower = i
            } else {
                return values[target]
            }
        }
        return values[target]
    }

    /// A threshold for row `i` over the columns `start ..< n` of a tile row
    /// whose list is not yet full: the k-th largest of at most 2k group
    /// maxima of the row's scores, or `-infinity` when there are too few
    /// columns to give one.
    ///
    /// - Complexity: O(n − start) plus a selection among at most 2k group maxima.
    func rowSeed(
        c1: UnsafePointer<Float>, c2: UnsafePointer<Float>, linear: UnsafePointer<Float>?,
        start: Int, end n: Int, context: ScanContext
    ) -> Float {
        let k = rowLists.capacity
        let m = n - start
        guard k > 0, m > k else { return -.infinity }
        // Group g holds the columns start + g, start + g + G, … so that the
        // maxima are taken G lanes at a time by the vector code.
        let groups = min(m, 2 * k)
        seedScratch.update(repeating: -.infinity, count: groups)
        var base = start
        while base < n {
            let width = min(groups, n - base)
            context.flagger.accumulateMaxima(mean: context.mean, weight: context.weight, c1: c1 + base, c2: c2 + base,
                                             linear: linear.map { $0 + base }, count: width, into: seedScratch)
            base += width
        }
        if context.flagger == .avx512 {
            return mm_kth_largest_avx512(seedScratch, Int32(groups), Int32(k))  // no mispredicted branches
        }
        return Self.kthLargest(seedScratch, count: groups, k: k)
    }

    /// Seeds the thresholds of the tile's columns `c0 ..< c0 + n` from the
    /// tile's rows `rows` (the first rows those columns meet), and records
    /// each seed in `columnSeeds` for ``verifyColumnSeeds``. Returns `false`
    /// when the tile has too few rows to seed from.
    ///
    /// - Complexity: one scoring pass over the tile, plus a selection among
    ///   at most 2k group maxima per column.
    func seedColumns(
        _ tile: TileBuffers, tileRow: Int, rows: Range<Int>, columnStart c0: Int, columnCount n: Int,
        hasLinear: Bool, context: ScanContext
    ) -> Bool {
        let k = columnLists.capacity
        let count = rows.count
        guard k > 0, count > k, n > 0 else { return false }
        let groups = min(count, 2 * k)
        let stride = tile.stride
        for g in 0..<groups {
            let maxima = groupMaxima + g * stride
            maxima.update(repeating: -.infinity, count: n)
            let lower = rows.lowerBound + g * count / groups, upper = rows.lowerBound + (g + 1) * count / groups
            for i in lower..<upper {
                let offset = (i - tileRow) * stride
                context.flagger.accumulateMaxima(
                    mean: context.mean, weight: context.weight, c1: tile.c1 + offset, c2: tile.c2 + offset,
                    linear: hasLinear ? UnsafePointer(tile.linear + offset) : nil, count: n, into: maxima)
            }
        }
        if context.flagger == .avx512, groups <= 64 {
            mm_kth_largest_columns_avx512(groupMaxima, Int32(groups), Int32(stride), Int32(n), Int32(k), columnSeeds)
        } else {
            for j in 0..<n {
                for g in 0..<groups { seedScratch[g] = groupMaxima[g * stride + j] }
                columnSeeds[j] = Self.kthLargest(seedScratch, count: groups, k: k)
            }
        }
        for j in 0..<n where columnSeeds[j] > columnThreshold[c0 + j] { columnThreshold[c0 + j] = columnSeeds[j] }
        return true
    }

    /// After a seeded tile: every column whose list ended below its seed
    /// (some of the seed's pairs were masked) is offered the pairs the seed
    /// held back, so the lists are exactly what an unseeded scan gives.
    func verifyColumnSeeds(
        _ tile: TileBuffers, tileRow: Int, rows: Range<Int>, columnStart c0: Int, columnCount n: Int,
        hasLinear: Bool, context: ScanContext
    ) {
        for local in 0..<n {
            let seed = columnSeeds[local], j = c0 + local
            guard seed > -.infinity, columnLists.threshold(row: j) < seed else { continue }
            for i in rows {
                let offset = (i - tileRow) * tile.stride + local
                let x = tile.c1[offset], y = tile.c2[offset]
                let l = hasLinear ? tile.linear[offset] : 0
                let score = context.score(x, y, l)
                guard score < seed, !context.mask.excludes(i, j, symmetric: context.open) else { continue }
                _ = columnLists.insert(score: score, partner: i, components: SIMD4(y, x, l, 0), row: j)
            }
            columnThreshold[j] = columnLists.threshold(row: j)
        }
    }

    /// After a seeded row: if the row's list ended below its seed, offers
    /// the row's pairs the seed held back (see ``verifyColumnSeeds``).
    func verifyRowSeed(
        _ tile: TileBuffers, row i: Int, localOffset: Int, start: Int, end n: Int, columnStart c0: Int,
        hasLinear: Bool, context: ScanContext, seed: Float
    ) -> Bool {
        guard rowLists.threshold(row: i) < seed else { return false }
        for local in start..<n {
            let x = tile.c1[localOffset + local], y = tile.c2[localOffset + local]
            let l = hasLinear ? tile.linear[localOffset + local] : 0
            let score = context.score(x, y, l)
            let j = c0 + local
            guard score < seed, !context.mask.excludes(i, j, symmetric: context.open) else { continue }
            _ = rowLists.insert(score: score, partner: j, components: SIMD4(x, y, l, 0), row: i)
        }
        return true
    }
}
