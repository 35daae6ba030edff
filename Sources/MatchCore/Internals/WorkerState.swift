/// What the scan needs besides the tile: the combine rule and the mask.
struct ScanContext: Sendable {
    let mean: ReciprocalMean
    let weight: Float
    let mask: PairMask
    let open: Bool
    /// The vector code of the combine-and-flag pass.
    let flagger: RowFlagger

    /// The score of a pair from its cosines and linear block, bit for bit
    /// what the vector code computes (``ReciprocalMean`` applies the same
    /// operations in the same order; adding a zero linear block only turns
    /// −0 into +0, which compares equal).
    @inline(__always)
    func score(_ offerToNeed: Float, _ needFromOffer: Float, _ linear: Float) -> Float {
        weight * mean(offerToNeed, needFromOffer) + linear
    }
}

/// One scanning thread's private state: its partial top-k lists for every
/// row of A and of B and their entry thresholds. Only its own thread
/// touches it while the kernel runs (hence `@unchecked Sendable`).
final class WorkerState: @unchecked Sendable {
    /// The scores of the tile row being scanned.
    let scoreRow: UnsafeMutablePointer<Float>
    /// One bit per column of the tile row being scanned, 64 a word: set
    /// when its score reaches the row's or the column's threshold.
    let flagWords: UnsafeMutablePointer<UInt64>
    /// Scratch for column seeding: one row of group maxima per group
    /// (at most min(rowTile, 2k) groups, each `stride` floats).
    let groupMaxima: UnsafeMutablePointer<Float>
    /// Scratch for seeding: the group maxima of one row or column (2k floats).
    let seedScratch: UnsafeMutablePointer<Float>
    /// The seed of each column of the tile being scanned (`-infinity`: none).
    let columnSeeds: UnsafeMutablePointer<Float>
    /// Partial top-k of every row of A (in `open` pairing: of every participant).
    let rowLists: SortedTopKTable
    /// Partial top-k of every row of B (`open` pairing: the same table as `rowLists`).
    let columnLists: SortedTopKTable
    /// Entry thresholds of `rowLists` / `columnLists` (see `TopK.threshold`).
    let rowThreshold: UnsafeMutablePointer<Float>
    let columnThreshold: UnsafeMutablePointer<Float>
    /// In `open` pairing both threshold pointers are the same buffer.
    private let ownsColumnThreshold: Bool

    init(plan: TilePlan, k: Int) {
        scoreRow = .allocate(capacity: plan.columnTile)
        scoreRow.initialize(repeating: 0, count: plan.columnTile)
        flagWords = .allocate(capacity: plan.columnTile / 64 + 1)
        flagWords.initialize(repeating: 0, count: plan.columnTile / 64 + 1)
        let stride = TileBuffers.stride(columnTile: plan.columnTile)
        let groups = max(1, min(plan.rowTile, 2 * k))
        groupMaxima = .allocate(capacity: groups * stride)
        groupMaxima.initialize(repeating: 0, count: groups * stride)
        seedScratch = .allocate(capacity: max(1, 2 * k))
        seedScratch.initialize(repeating: 0, count: max(1, 2 * k))
        columnSeeds = .allocate(capacity: stride)
        columnSeeds.initialize(repeating: -.infinity, count: stride)
        let initial: Float = k == 0 ? .infinity : -.infinity
        rowLists = SortedTopKTable(rows: plan.rowCount, capacity: k)
        rowThreshold = .allocate(capacity: max(plan.rowCount, 1))
        rowThreshold.initialize(repeating: initial, count: plan.rowCount)
        if plan.isOpen {
            // One set of lists serves both endpoints of each pair.
            columnLists = rowLists
            columnThreshold = rowThreshold
            ownsColumnThreshold = false
        } else {
            columnLists = SortedTopKTable(rows: plan.columnCount, capacity: k)
            columnThreshold = .allocate(capacity: max(plan.columnCount, 1))
            columnThreshold.initialize(repeating: initial, count: plan.columnCount)
            ownsColumnThreshold = true
        }
    }

    deinit {
        scoreRow.deallocate()
        flagWords.deallocate()
        groupMaxima.deallocate()
        seedScratch.deallocate()
        columnSeeds.deallocate()
        rowThreshold.deallocate()
        if ownsColumnThreshold { columnThreshold.deallocate() }
    }
}
