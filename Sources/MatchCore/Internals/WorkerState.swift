/// What the scan needs besides the tile: the combine rule and the mask.
struct ScanContext: Sendable {
    let mean: ReciprocalMean
    let weight: Float
    let mask: PairMask
    let open: Bool
}

/// One worker thread's private state: tile buffers, its partial top-k heaps
/// for every row of A and of B, and their entry thresholds. Only its own
/// worker touches it while the kernel runs (hence `@unchecked Sendable`).
final class WorkerState: @unchecked Sendable {
    /// Padded width of the tile buffers (a multiple of the vector width).
    let stride: Int
    let c1: UnsafeMutablePointer<Float>
    let c2: UnsafeMutablePointer<Float>
    let linear: UnsafeMutablePointer<Float>
    /// The scores of the row being scanned.
    let scoreRow: UnsafeMutablePointer<Float>
    private let bufferCount: Int

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
        // Rows of the tile buffers start on 64-byte boundaries.
        let width = (plan.columnTile + 15) / 16 * 16
        stride = width
        bufferCount = plan.rowTile * width
        c1 = .allocate(capacity: bufferCount)
        c2 = .allocate(capacity: bufferCount)
        linear = .allocate(capacity: bufferCount)
        for buffer in [c1, c2, linear] { buffer.initialize(repeating: 0, count: bufferCount) }
        scoreRow = .allocate(capacity: width)
        scoreRow.initialize(repeating: 0, count: width)

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
        c1.deallocate()
        c2.deallocate()
        linear.deallocate()
        scoreRow.deallocate()
        rowThreshold.deallocate()
        if ownsColumnThreshold { columnThreshold.deallocate() }
    }

    /// Computes the item tile by tile: three GEMMs into the tile buffers,
    /// then (unless `context` is `nil`, the GEMM-floor mode) the scan.
    func process(_ item: TilePlan.Item, plan: TilePlan, context: ScanContext?) {
        let d = plan.latentDimension, f = plan.featureDimension
        let m = item.rows.count
        plan.a.offer.withUnsafeBufferPointer { offerA in
        plan.a.need.withUnsafeBufferPointer { needA in
        plan.a.features.withUnsafeBufferPointer { featA in
        plan.b.offer.withUnsafeBufferPointer { offerB in
        plan.b.need.withUnsafeBufferPointer { needB in
        plan.b.features.withUnsafeBufferPointer { featB in
            var c0 = item.columns.lowerBound
            while c0 < item.columns.upperBound {
                let n = min(plan.columnTile, item.columns.upperBound - c0)
                let r0 = item.rows.lowerBound
                // C1 = Offer_A · Need_Bᵀ, C2 = Need_A · Offer_Bᵀ, L = Feat_A · Feat_Bᵀ
                LinearAlgebra.gemm(transposeA: false, transposeB: true, m: m, n: n, k: d,
                                   alpha: 1, a: offerA.baseAddress.map { $0 + r0 * d }, lda: max(d, 1),
                                   b: needB.baseAddress.map { $0 + c0 * d }, ldb: max(d, 1),
                                   beta: 0, c: c1, ldc: stride)
                LinearAlgebra.gemm(transposeA: false, transposeB: true, m: m, n: n, k: d,
                                   alpha: 1, a: needA.baseAddress.map { $0 + r0 * d }, lda: max(d, 1),
                                   b: offerB.baseAddress.map { $0 + c0 * d }, ldb: max(d, 1),
                                   beta: 0, c: c2, ldc: stride)
                if f > 0 {
                    LinearAlgebra.gemm(transposeA: false, transposeB: true, m: m, n: n, k: f,
                                       alpha: 1, a: featA.baseAddress.map { $0 + r0 * f }, lda: f,
                                       b: featB.baseAddress.map { $0 + c0 * f }, ldb: f,
                                       beta: 0, c: linear, ldc: stride)
                }
                if let context {
                    scanTile(rows: item.rows, columnStart: c0, columnCount: n,
                             hasLinear: f > 0, context: context)
                }
                c0 += n
            }
        }}}}}}
    }
}
