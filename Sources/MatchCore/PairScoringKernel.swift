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
/// where `mean` is a ``ReciprocalMean`` and `x⁺ = max(x, 0)`.
///
/// The work is cut into tiles of `rowTile × columnTile` pairs. For each tile
/// three `cblas_sgemm` calls write C1, C2 and L into per-thread buffers that
/// stay in cache; a vectorised pass combines them, drops everything below
/// the current row and column thresholds, checks the mask only for the few
/// survivors and feeds fixed-capacity heaps (ties: lower index wins). Each
/// worker thread owns its heaps and its BLAS calls run single-threaded, so
/// both cores work without oversubscription; per-worker heaps are merged at
/// the end. Results do not depend on the number of workers or on scheduling.
///
/// ```swift
/// let kernel = PairScoringKernel(k: 10, mean: .harmonic, reciprocityWeight: 0.55)
/// let ranking = kernel.rank(.bipartite(a: consortium, b: counterparts),
///                           mask: PairMask(excluding: blocked))
/// ranking.forA[0]   // the 10 best counterparts for consortium member 0
/// ```
///
/// - Complexity: O(|A|·|B|·(2d + f)) flops in GEMMs, O(|A|·|B|) for the
///   combine pass, O(k·(|A| + |B|)·workers) memory beyond the inputs and the
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
    /// Worker threads (each runs its BLAS calls single-threaded).
    public var workers: Int

    /// The default number of workers: the active processor count.
    public static var defaultWorkers: Int { ProcessorCount.active }

    /// Creates a kernel.
    ///
    /// - Parameters:
    ///   - k: Partners kept per participant (≥ 0).
    ///   - mean: The reciprocal mean (default harmonic).
    ///   - reciprocityWeight: Weight of the reciprocal term (default 1).
    ///   - rowTile: Rows of A per tile (default 256).
    ///   - columnTile: Rows of B per tile (default 512); together with
    ///     `rowTile` the three tile buffers (1.5 MB) fit a core's L2 cache.
    ///   - workers: Worker threads (default: the active processor count).
    public init(k: Int, mean: ReciprocalMean = .harmonic, reciprocityWeight: Float = 1,
                rowTile: Int = 256, columnTile: Int = 512, workers: Int = PairScoringKernel.defaultWorkers) {
        precondition(k >= 0, "k must be non-negative")
        precondition(rowTile > 0 && columnTile > 0, "tile sizes must be positive")
        self.k = k
        self.mean = mean
        self.reciprocityWeight = reciprocityWeight
        self.rowTile = rowTile
        self.columnTile = columnTile
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
    /// - Precondition: both sides have the same latent and feature dimensions.
    public func rank(_ input: PairingInput, mask: PairMask = .none) -> PairRanking {
        let plan = TilePlan(input: input, rowTile: rowTile, columnTile: columnTile)
        let workerCount = min(workers, max(plan.items.count, 1))
        let states = (0..<workerCount).map { _ in
            WorkerState(plan: plan, k: k)
        }
        let context = ScanContext(mean: mean, weight: reciprocityWeight, mask: mask, open: plan.isOpen)
        run(plan: plan, workers: workerCount) { worker, item in
            states[worker].process(item, plan: plan, context: context)
        }
        return merge(states, plan: plan)
    }

    /// Runs exactly the `cblas_sgemm` calls of ``rank(_:mask:)`` — same
    /// tiles, same buffers, same worker threads — and nothing else. Its time
    /// is the kernel's *GEMM floor*: what the kernel would cost if combining,
    /// masking and top-k selection were free. Used by benchmarks.
    ///
    /// - Returns: The useful floating-point operations performed
    ///   (2 · pairs scored · (2d + f)).
    @discardableResult
    public func runGEMMsOnly(_ input: PairingInput) -> Double {
        let plan = TilePlan(input: input, rowTile: rowTile, columnTile: columnTile)
        let workerCount = min(workers, max(plan.items.count, 1))
        let states = (0..<workerCount).map { _ in WorkerState(plan: plan, k: 0) }
        run(plan: plan, workers: workerCount) { worker, item in
            states[worker].process(item, plan: plan, context: nil)
        }
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

    /// Hands work items to `workers` threads in order, first come first
    /// served. Which worker takes an item does not change any result.
    private func run(plan: TilePlan, workers: Int, _ body: @Sendable (Int, TilePlan.Item) -> Void) {
        guard !plan.items.isEmpty else { return }
        if workers == 1 {
            for item in plan.items { body(0, item) }
            return
        }
        let next = Atomic<Int>(0)
        BLASThreading.withSingleThreadedBLAS {
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < plan.items.count else { break }
                    body(worker, plan.items[index])
                }
            }
        }
    }

    /// Merges the workers' partial heaps into sorted lists, in parallel over rows.
    private func merge(_ states: [WorkerState], plan: TilePlan) -> PairRanking {
        let forA = mergeSide(states.map(\.rowHeaps), count: plan.rowCount)
        if plan.isOpen { return PairRanking(forA: forA, forB: forA) }
        let forB = mergeSide(states.map(\.columnHeaps), count: plan.columnCount)
        return PairRanking(forA: forA, forB: forB)
    }

    private func mergeSide(_ tables: [HeapTable], count: Int) -> [[ScoredPartner]] {
        let chunk = 1024
        let chunks = (count + chunk - 1) / chunk
        let out = UnsafeMutableBufferPointer<[ScoredPartner]>.allocate(capacity: count)
        let outBase = UnsafeSendablePointer(out.baseAddress)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            guard let base = outBase.pointer else { return }
            for i in (c * chunk)..<min(count, (c + 1) * chunk) {
                (base + i).initialize(to: HeapTable.merged(tables, row: i))
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
