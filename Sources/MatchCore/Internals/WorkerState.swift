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

/// One scanning thread's state: its partial top-k lists for every row of A
/// and of B and their entry thresholds. Only its own thread touches it
/// while the kernel runs (hence `@unchecked Sendable`) — but for column
/// lists shared between workers, of which each worker touches only the
/// columns of the items it takes.
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
    /// Partial top-k of every row of B: this worker's own, or one table all
    /// workers share when each column is scanned by one worker only
    /// (`open` pairing: the same table as `rowLists`).
    let columnLists: SortedTopKTable
    /// The scan thresholds of `rowLists` / `columnLists` (their `scanThresholds`).
    let rowThreshold: UnsafeMutablePointer<Float>
    let columnThreshold: UnsafeMutablePointer<Float>
    /// What this worker tells the others about its row lists: per row, the
    /// score of the worst entry once the list is full (`-infinity` before).
    /// Another worker's list of the same row holds other partners, so a pair
    /// scoring below it cannot be among the row's best k: that worker's scan
    /// may skip it. Written and read with relaxed atomics (`mm_publish`,
    /// `mm_raise_to_published`), so the workers need no lock; every value it
    /// ever holds is a valid bound, and the lists' union still holds every
    /// pair of the row's top k, so the merged result does not depend on timing.
    let publishedRowThreshold: UnsafeMutablePointer<Float>
    /// The other workers' ``publishedRowThreshold`` (per-worker tiles only,
    /// where each worker's row lists see only its own columns). Set before
    /// the scan starts and only read during it.
    var peerRowThresholds: [UnsafeMutablePointer<Float>] = []

    /// - Parameter sharedColumnLists: The column lists to use instead of
    ///   this worker's own (bipartite pairing, when every column tile is
    ///   scanned by one worker from its first row to its last).
    init(plan: TilePlan, k: Int, sharedColumnLists: SortedTopKTable? = nil) {
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
        rowLists = SortedTopKTable(rows: plan.rowCount, capacity: k)
        // Open pairing: one set of lists serves both endpoints of each pair.
        columnLists = plan.isOpen ? rowLists
            : sharedColumnLists ?? SortedTopKTable(rows: plan.columnCount, capacity: k)
        rowThreshold = rowLists.scanThresholds
        columnThreshold = columnLists.scanThresholds
        publishedRowThreshold = .allocate(capacity: max(plan.rowCount, 1))
        publishedRowThreshold.initialize(repeating: -.infinity, count: max(plan.rowCount, 1))
    }

    deinit {
        scoreRow.deallocate()
        flagWords.deallocate()
        groupMaxima.deallocate()
        seedScratch.deallocate()
        columnSeeds.deallocate()
        publishedRowThreshold.deallocate()
    }
}
