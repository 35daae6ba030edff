import Dispatch
import Synchronization

/// The fused pair-scoring kernel: scores every reciprocal pairing of two
/// sides and keeps the top-k partners of every participant on both sides,
/// without ever materialising the full score matrix.
///
/// For a row *a* of A and a row *b* of B the score is
///
///     score(a, b) = weight · mean(c1⁺, c2⁺) + linear
///     c1 = Offer_A[a] · Need_B[b]      (what a offers, b needs)
///     c2 = Need_A[a] · Offer_B[b]      (what b offers, a needs)
///     linear = Feat_A[a] · Feat_B[b]
///
/// where `mean` is a ``ReciprocalMean`` and `x⁺ = max(x, 0)`. Sides with
/// ``SparseScoringBlocks`` add their sparse products to c1, c2 and linear.
///
/// The work is cut into tiles of `rowTile × columnTile` pairs. For each tile
/// three `cblas_sgemm` calls write C1, C2 and L into per-thread buffers (and
/// the sparse blocks' stored entries that meet are added to them); a
/// vectorised pass (C, AVX-512 or AVX2 when the processor has them) combines
/// them and flags the pairs that reach the current row or column threshold;
/// only those are checked against the mask and offered to fixed-capacity
/// sorted lists (ties: lower index wins). A list that is not yet full gets a
/// seeded threshold — the k-th largest of 2k group maxima of its first tile —
/// so the first rows a column meets do not all enter its list; when masked
/// pairs make a seed too high, the pairs it held back are offered after all.
/// Each worker thread owns its row lists and its BLAS calls run
/// single-threaded, so both cores work without oversubscription; the row
/// lists are merged at the end (with per-worker tiles a column tile is
/// scanned by one worker, so the column lists are shared, and each worker
/// raises its row thresholds to the other workers' full lists of the same
/// rows). Results do not depend on the number of workers, on scheduling
/// or on the instruction set.
///
/// ```swift
/// let kernel = PairScoringKernel(k: 10, mean: .harmonic, reciprocityWeight: 0.55)
/// let ranking = kernel.rank(.bipartite(a: consortium, b: counterparts),
///                           mask: PairMask(excluding: blocked))
/// ranking.forA[0]   // the 10 best counterparts for consortium member 0
/// ```
///
/// - Complexity: O(|A|·|B|·(2d + f)) flops in GEMMs, plus, with sparse
///   blocks, O(Σ over their columns of nnz_A · nnz_B), O(|A|·|B|) for the
///   combine pass, O(k·(|A|·workers + |B|)) memory beyond the inputs and the
///   per-worker tile buffers.
public struct PairScoringKernel: Sendable {
    /// Partners kept per participant.
    public var k: Int
    /// How the two directions are combined.
    public var mean: ReciprocalMean
    /// The weight of the reciprocal term (the linear block carries its own weights).
    public var reciprocityWeight: Float
    /// Rows of A per tile.
    public var rowTile: Int
    /// Rows of B (columns of the score tile) per tile.
    public var columnTile: Int
    /// Threads that scan tiles (and, with ``Threading/perWorkerTiles``, compute them).
    public var workers: Int
    /// How GEMMs and scans share the cores.
    public var threading: Threading
    /// The vector code of the combine-and-flag pass (tests pin it to
    /// compare the variants; the default is the widest the processor runs).
    var rowFlagger: RowFlagger = .best

    /// How the kernel uses the cores. Both strategies give the same results.
    public enum Threading: Sendable, Hashable {
        /// Each worker computes its own cache-sized tiles with single-threaded
        /// BLAS and scans them while they are hot. Best when BLAS is
        /// single-threaded (the reference BLAS) or tiles must stay small.
        case perWorkerTiles
        /// Large tiles computed by BLAS on all its threads (OpenBLAS shares
        /// the packed panels between them, which single-threaded calls
        /// cannot), then scanned by all workers in parallel, rows split.
        case sharedTiles
        /// ``perWorkerTiles`` with more than one worker (measured faster at
        /// 3,100 × 20,000, d = 256, k = 20: kernel ÷ GEMM floor 1.5 against
        /// 1.9 before the C combine pass and seeding), else ``sharedTiles``
        /// so that a single worker still gets every BLAS thread.
        case automatic
    }

    /// The default number of workers: the active processor count.
    public static var defaultWorkers: Int { ProcessorCount.active }

    /// Creates a kernel.
    ///
    /// - Parameters:
    ///   - k: Partners kept per participant (≥ 0).
    ///   - mean: The reciprocal mean (default harmonic).
    ///   - reciprocityWeight: Weight of the reciprocal term (default 1).
    ///   - rowTile: Rows of A per tile (default 1,024).
    ///   - columnTile: Rows of B per tile (default: 256 for per-worker
    ///     tiles, 4,096 for shared tiles). Per-worker tiles of 1,024 × 256
    ///     (3 MB of buffers a worker) measured fastest at 3,100 × 20,000,
    ///     d = 256, k = 20 against 256 × 512 … 3,100 × 256: taller tiles make
    ///     OpenBLAS's single-threaded calls faster (270 against 250 GFLOPS)
    ///     and give the column seeds more rows; narrower ones keep each
    ///     worker's column lists in its L2 cache.
    ///   - workers: Scanning threads (default: the active processor count).
    ///   - threading: How GEMMs and scans share the cores (default automatic).
    public init(k: Int, mean: ReciprocalMean = .harmonic, reciprocityWeight: Float = 1,
                rowTile: Int? = nil, columnTile: Int? = nil, workers: Int = PairScoringKernel.defaultWorkers,
                threading: Threading = .automatic) {
        precondition(k >= 0, "k must be non-negative")
        precondition((rowTile ?? 1) > 0 && (columnTile ?? 1) > 0, "tile sizes must be positive")
        let resolved: Threading
        if threading == .automatic {
            resolved = workers > 1 ? .perWorkerTiles : .sharedTiles
        } else {
            resolved = threading
        }
        self.k = k
        self.mean = mean
        self.reciprocityWeight = reciprocityWeight
        self.threading = resolved
        self.rowTile = rowTile ?? 1024
        self.columnTile = columnTile ?? (resolved == .sharedTiles ? 4096 : 256)
        self.workers = max(1, workers)
    }

    /// Ranks every pairing of `input` and returns the top-k partners of
    /// every participant on both sides.
    ///
    /// - Parameters:
    ///   - input: The sides to pair.
    ///   - mask: Pairs never to return. In `open` pairing self-pairs are
    ///     always excluded.
    /// - Returns: For every participant, at most `k` partners, best first.
    /// - Precondition: both sides have the same latent and feature dimensions, and
    ///   both have sparse blocks of the same widths or neither has any.
    public func rank(_ input: PairingInput, mask: PairMask = .none) -> PairRanking {
        let plan = TilePlan(input: input, rowTile: rowTile, columnTile: columnTile)
        // Per-worker tiles give each column tile to one worker for all its
        // rows, so the workers can share one set of column lists.
        let sharedColumnLists = threading == .perWorkerTiles && !plan.isOpen
            ? SortedTopKTable(rows: plan.columnCount, capacity: k) : nil
        let states = (0..<workers).map { _ in
            WorkerState(plan: plan, k: k, sharedColumnLists: sharedColumnLists)
        }
        // Per-worker tiles split each row's columns between the workers: each tells the others
        // how high its lists of a row already are. (Shared tiles give each row to one worker.)
        if threading == .perWorkerTiles, states.count > 1 {
            for (index, state) in states.enumerated() {
                state.peerRowThresholds = states.indices.filter { $0 != index }.map { states[$0].publishedRowThreshold }
            }
        }
        let context = ScanContext(mean: mean, weight: reciprocityWeight, mask: mask, open: plan.isOpen,
                                  flagger: rowFlagger)
        run(plan: plan, states: states, context: context)
        return merge(states, plan: plan)
    }

    /// Runs exactly the `cblas_sgemm` calls of ``rank(_:mask:)`` — same
    /// tiles, same buffers, same worker threads — and nothing else (not the
    /// sparse products). Its time is the kernel's *GEMM floor*: what the
    /// kernel would cost if combining, masking, sparse products and top-k
    /// selection were free. Used by benchmarks.
    ///
    /// - Returns: The useful floating-point operations performed
    ///   (2 · pairs scored · (2d + f)).
    @discardableResult
    public func runGEMMsOnly(_ input: PairingInput) -> Double {
        let plan = TilePlan(input: input, rowTile: rowTile, columnTile: columnTile, includeSparse: false)
        run(plan: plan, states: [], context: nil)
        return usefulFlops(input)
    }

    /// The useful floating-point operations of ranking `input`:
    /// 2 · (pairs) · (2d + f), counting each unordered pair once in `open` pairing.
    public func usefulFlops(_ input: PairingInput) -> Double {
        switch input {
        case let .bipartite(a, b):
            return 2 * Double(a.count) * Double(b.count) * Double(2 * a.latentDimension + a.featureDimension)
        case let .open(side):
            let n = Double(side.count)
            return n * (n - 1) * Double(2 * side.latentDimension + side.featureDimension)
        }
    }

    // MARK: - Scheduling

    /// Computes every tile and, unless `context` is `nil` (GEMM-floor mode),
    /// scans it into the workers' states.
    private func run(plan: TilePlan, states: [WorkerState], context: ScanContext?) {
        guard !plan.items.isEmpty else { return }
        switch threading {
        case .sharedTiles, .automatic:
            runSharedTiles(plan: plan, states: states, context: context)
        case .perWorkerTiles:
            runPerWorkerTiles(plan: plan, states: states, context: context)
        }
    }

    /// Workers take items first come, first served; each computes its own
    /// tiles with single-threaded BLAS and scans them. Which worker takes an
    /// item does not change any result.
    private func runPerWorkerTiles(plan: TilePlan, states: [WorkerState], context: ScanContext?) {
        let workerCount = min(workers, plan.items.count)
        let buffers = (0..<workerCount).map { _ in TileBuffers(rowTile: plan.rowTile, columnTile: plan.columnTile) }
        let next = Atomic<Int>(0)
        let body: @Sendable (Int) -> Void = { worker in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < plan.items.count else { break }
                let item = plan.items[index]
                plan.forEachTile(of: item) { rows, columns in
                    buffers[worker].compute(rows: rows, columns: columns, plan: plan)
                    if let context {
                        states[worker].scan(buffers[worker], tileRow: rows.lowerBound, rows: rows,
                                            columnStart: columns.lowerBound, columnCount: columns.count,
                                            hasLinear: plan.hasLinear,
                                            seedColumns: rows.lowerBound == item.rows.lowerBound, context: context)
                    }
                }
            }
        }
        // One BLAS thread per call even for a single worker: OpenBLAS's own
        // threads would split the products differently on 1 and 2 threads,
        // and the scores would differ in their last bits.
        BLASThreading.withSingleThreadedBLAS {
            if workerCount == 1 {
                body(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workerCount, execute: body)
            }
        }
    }

    /// Tiles in order, each computed by one BLAS call (one thread: same bits on any machine), then its
    /// rows split between the workers for the scan.
    private func runSharedTiles(plan: TilePlan, states: [WorkerState], context: ScanContext?) {
        // One BLAS thread per call, so that scores do not depend on the thread or core count.
        BLASThreading.withSingleThreadedBLAS { runSharedTilesWithStableThreads(plan: plan, states: states, context: context) }
    }

    private func runSharedTilesWithStableThreads(plan: TilePlan, states: [WorkerState], context: ScanContext?) {
        let buffers = TileBuffers(rowTile: plan.rowTile, columnTile: plan.columnTile)
        for item in plan.items {
            plan.forEachTile(of: item) { rows, columns in
                buffers.compute(rows: rows, columns: columns, plan: plan)
                guard let context, !states.isEmpty else { return }
                let parts = min(states.count, rows.count)
                let scanPart: @Sendable (Int) -> Void = { part in
                    let lower = rows.lowerBound + rows.count * part / parts
                    let upper = rows.lowerBound + rows.count * (part + 1) / parts
                    states[part].scan(buffers, tileRow: rows.lowerBound, rows: lower..<upper,
                                      columnStart: columns.lowerBound, columnCount: columns.count,
                                      hasLinear: plan.hasLinear, seedColumns: false, context: context)
                }
                if parts == 1 { scanPart(0) } else { DispatchQueue.concurrentPerform(iterations: parts, execute: scanPart) }
            }
        }
    }

    /// Merges the workers' partial lists, in parallel over rows.
    private func merge(_ states: [WorkerState], plan: TilePlan) -> PairRanking {
        let forA = mergeSide(states.map(\.rowLists), count: plan.rowCount)
        if plan.isOpen { return PairRanking(forA: forA, forB: forA) }
        var columnTables: [SortedTopKTable] = []
        for table in states.map(\.columnLists) where !columnTables.contains(where: { $0 === table }) {
            columnTables.append(table)
        }
        let forB = mergeSide(columnTables, count: plan.columnCount)
        return PairRanking(forA: forA, forB: forB)
    }

    private func mergeSide(_ tables: [SortedTopKTable], count: Int) -> [[ScoredPartner]] {
        let chunk = 1024
        let chunks = (count + chunk - 1) / chunk
        let out = UnsafeMutableBufferPointer<[ScoredPartner]>.allocate(capacity: count)
        let outBase = UnsafeSendablePointer(out.baseAddress)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            guard let base = outBase.pointer else { return }
            for i in (c * chunk)..<min(count, (c + 1) * chunk) {
                (base + i).initialize(to: SortedTopKTable.merged(tables, row: i))
            }
        }
        let result = Array(out)
        out.deinitialize()
        out.deallocate()
        return result
    }
}

/// A pointer that may cross into `concurrentPerform`'s closure; each
/// iteration writes a disjoint range.
struct UnsafeSendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>?
    init(_ pointer: UnsafeMutablePointer<T>?) { self.pointer = pointer }
}
