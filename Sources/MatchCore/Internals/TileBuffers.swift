/// The three products of one tile — C1 = Offer_A·Need_Bᵀ, C2 = Need_A·Offer_Bᵀ
/// and L = Feat_A·Feat_Bᵀ — in row-major buffers of `rowTile × stride` floats.
final class TileBuffers: @unchecked Sendable {
    /// Row length of the buffers: `columnTile` rounded up to 16 floats, so
    /// that rows start on 64-byte boundaries.
    let stride: Int
    let c1: UnsafeMutablePointer<Float>
    let c2: UnsafeMutablePointer<Float>
    let linear: UnsafeMutablePointer<Float>

    init(rowTile: Int, columnTile: Int) {
        stride = Self.stride(columnTile: columnTile)
        let count = rowTile * stride
        c1 = LargeAllocation.allocate(Float.self, count: count)
        c2 = LargeAllocation.allocate(Float.self, count: count)
        linear = LargeAllocation.allocate(Float.self, count: count)
        // Not initialised here: every GEMM call writes its whole block
        // (beta = 0) before the scan reads it, and leaving the pages
        // untouched lets each worker fault them in on its own core.
    }

    /// The row length for tiles of `columnTile` columns.
    static func stride(columnTile: Int) -> Int { (columnTile + 15) / 16 * 16 }

    deinit {
        LargeAllocation.deallocate(c1)
        LargeAllocation.deallocate(c2)
        LargeAllocation.deallocate(linear)
    }

    /// Computes the tile of A rows `rows` × B rows `columns` with three
    /// `cblas_sgemm` calls (two when there are no features), then adds the
    /// sparse products when the plan has them.
    func compute(rows: Range<Int>, columns: Range<Int>, plan: TilePlan) {
        let d = plan.latentDimension, f = plan.featureDimension
        let m = rows.count, n = columns.count
        let r0 = rows.lowerBound, c0 = columns.lowerBound
        plan.a.offer.withUnsafeBufferPointer { offerA in
        plan.a.need.withUnsafeBufferPointer { needA in
        plan.a.features.withUnsafeBufferPointer { featA in
        plan.b.offer.withUnsafeBufferPointer { offerB in
        plan.b.need.withUnsafeBufferPointer { needB in
        plan.b.features.withUnsafeBufferPointer { featB in
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
        }}}}}}
        addSparseProducts(rows: rows, columns: columns, plan: plan)
    }

    /// Adds the sides' sparse products (``SparseScoringBlocks``) to the tile, after the GEMMs.
    private func addSparseProducts(rows: Range<Int>, columns: Range<Int>, plan: TilePlan) {
        guard let tiles = plan.sparseTiles, let sparse = plan.a.sparse else { return }
        // Tiles start at multiples of the column tile (TilePlan.cut and forEachTile).
        let tile = tiles[columns.lowerBound / plan.columnTile]
        sparse.offer.accumulateProducts(rows: rows, with: tile.need, into: c1, stride: stride)
        sparse.need.accumulateProducts(rows: rows, with: tile.offer, into: c2, stride: stride)
        guard sparse.features.columns > 0 else { return }
        if plan.featureDimension == 0 {
            // No GEMM wrote the linear part.
            linear.update(repeating: 0, count: rows.count * stride)
        }
        sparse.features.accumulateProducts(rows: rows, with: tile.features, into: linear, stride: stride)
    }
}
