/// What the scan needs besides the tile: the combine rule and the mask.
struct ScanContext: Sendable {
    let mean: ReciprocalMean
    let weight: Float
    let mask: PairMask
    let open: Bool
}

/// One scanning thread's private state: its partial top-k heaps for every
/// row of A and of B and their entry thresholds. Only its own thread
/// touches it while the kernel runs (hence `@unchecked Sendable`).
final class WorkerState: @unchecked Sendable {
    /// The scores of the row being scanned.
    let scoreRow: UnsafeMutablePointer<Float>
    /// One byte per column of the row being scanned: 1 when its score
    /// reaches a threshold (padded to whole 8-byte words).
    let candidateFlags: UnsafeMutablePointer<UInt8>
    /// Partial top-k of every row of A (in `open` pairing: of every participant).
    let rowHeaps: HeapTable
    /// Partial top-k of every row of B (`open` pairing: the same table as `rowHeaps`).
    let columnHeaps: HeapTable
    /// Entry thresholds of `rowHeaps` / `columnHeaps` (see `TopK.threshold`).
    let rowThreshold: UnsafeMutablePointer<Float>
    let columnThreshold: UnsafeMutablePointer<Float>
    /// In `open` pairing both threshold pointers are the same buffer.
    private let ownsColumnThreshold: Bool

    init(plan: TilePlan, k: Int) {
        scoreRow = .allocate(capacity: plan.columnTile)
        scoreRow.initialize(repeating: 0, count: plan.columnTile)
        candidateFlags = .allocate(capacity: plan.columnTile + 8)
        candidateFlags.initialize(repeating: 0, count: plan.columnTile + 8)
        let initial: Float = k == 0 ? .infinity : -.infinity
        rowHeaps = HeapTable(rows: plan.rowCount, capacity: k)
        rowThreshold = .allocate(capacity: max(plan.rowCount, 1))
        rowThreshold.initialize(repeating: initial, count: plan.rowCount)
        if plan.isOpen {
            // One set of heaps serves both endpoints of each pair.
            columnHeaps = rowHeaps
            columnThreshold = rowThreshold
            ownsColumnThreshold = false
        } else {
            columnHeaps = HeapTable(rows: plan.columnCount, capacity: k)
            columnThreshold = .allocate(capacity: max(plan.columnCount, 1))
            columnThreshold.initialize(repeating: initial, count: plan.columnCount)
            ownsColumnThreshold = true
        }
    }

    deinit {
        scoreRow.deallocate()
        candidateFlags.deallocate()
        rowThreshold.deallocate()
        if ownsColumnThreshold { columnThreshold.deallocate() }
    }
}
