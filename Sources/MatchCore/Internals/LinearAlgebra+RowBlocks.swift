import Dispatch

extension LinearAlgebra {
    /// Rows per block of ``tallRowBlocks(rows:)``: fixed, so that the split —
    /// and with it every call BLAS sees — depends on the row count alone,
    /// never on the machine.
    static let tallRowBlock = 2_048

    /// The row blocks a tall row-major product is split into: contiguous
    /// ranges of ``tallRowBlock`` rows (the last one shorter).
    static func tallRowBlocks(rows: Int) -> [Range<Int>] {
        stride(from: 0, to: rows, by: tallRowBlock).map { $0..<min($0 + tallRowBlock, rows) }
    }

    /// Runs `body` on every row block of ``tallRowBlocks(rows:)``, on all
    /// cores, for BLAS calls made while BLAS runs on one thread
    /// (``BLASThreading/withSingleThreadedBLAS(_:)``). Under OpenBLAS's
    /// Prescott kernel, whose level-3 triangular kernels fault when called
    /// from several threads at once (``OpenBLASRuntime/triangularSolveIsUnsafe``),
    /// the blocks run one after the other.
    static func forEachTallRowBlock(rows: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let blocks = tallRowBlocks(rows: rows)
        guard blocks.count > 1, !OpenBLASRuntime.triangularSolveIsUnsafe else {
            for block in blocks { body(block) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: blocks.count) { body(blocks[$0]) }
    }

    /// ``multiplyRightUpperTriangular(m:n:t:ldt:b:ldb:)`` over row blocks on all cores.
    ///
    /// A row of `B·T` is computed from that row of `B` alone, and OpenBLAS's
    /// `strmm` sums each element over `T` in the same blocks whatever the
    /// number of rows beside it, so the blocks give the bits of one call over
    /// all rows (`RowBlockProductTests`, under the kernel a test runs with).
    /// `sgemm` does not (a last block of 6 rows × 64 × 72 gave other bits than
    /// the whole call under the SkylakeX kernel: a product that small takes
    /// another path), so the SVD's tall `sgemm` products stay single calls.
    static func multiplyRightUpperTriangularByRowBlocks(
        m: Int, n: Int, t: UnsafePointer<Float>?, ldt: Int, b: UnsafeMutablePointer<Float>?, ldb: Int
    ) {
        nonisolated(unsafe) let (t, b) = (t, b)
        forEachTallRowBlock(rows: m) { block in
            multiplyRightUpperTriangular(m: block.count, n: n, t: t, ldt: ldt, b: b.map { $0 + block.lowerBound * ldb }, ldb: ldb)
        }
    }
}
