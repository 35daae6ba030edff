import CPairScan
import Testing
@testable import MatchCore

/// The kernel seeds the thresholds of lists that are not yet full (a
/// column's first tile, a row's first tile per worker) and falls back when
/// masked pairs make a seed too high. Either way the lists must be exactly
/// the plain top-k: checked here on dyadic inputs, where every score is
/// exact in `Float` and ties are frequent.
struct PairScoringKernelSeedingTests {
    /// The exact top-k of every row of A and of B, in `Float`, by sorting all pairs.
    static func exactLists(a: ScoringSide, b: ScoringSide, mean: ReciprocalMean, k: Int, open: Bool,
                           allowed: (Int, Int) -> Bool) -> (forA: [[ScoredPartner]], forB: [[ScoredPartner]]) {
        func pair(_ i: Int, _ j: Int, fromA: Bool) -> ScoredPartner {
            let c1 = dot(a.offer.row(i), b.need.row(j)), c2 = dot(a.need.row(i), b.offer.row(j))
            let l = dot(a.features.row(i), b.features.row(j))
            return ScoredPartner(partner: fromA ? j : i, score: mean(c1, c2) + l,
                                 offerToNeed: fromA ? c1 : c2, needFromOffer: fromA ? c2 : c1, linear: l)
        }
        let forA = (0..<a.count).map { i in
            (0..<b.count).filter { j in open ? j != i && allowed(min(i, j), max(i, j)) : allowed(i, j) }
                .map { pair(i, $0, fromA: true) }.sorted { $0.ranksBefore($1) }.prefix(k).map { $0 }
        }
        let forB = (0..<b.count).map { j in
            (0..<a.count).filter { i in allowed(i, j) }
                .map { pair($0, j, fromA: false) }.sorted { $0.ranksBefore($1) }.prefix(k).map { $0 }
        }
        return (forA, forB)
    }

    /// Masks that leave seeds alone, defeat some, and defeat all of them.
    static func masks(a: ScoringSide, b: ScoringSide, mean: ReciprocalMean, k: Int) -> [(String, PairMask, (Int, Int) -> Bool)] {
        // The best 2k partners of every row and column, masked: every seed is built on masked pairs.
        let best = exactLists(a: a, b: b, mean: mean, k: 2 * k, open: false) { _, _ in true }
        var topPairs = Set<UInt64>()
        for (i, list) in best.forA.enumerated() { for p in list { topPairs.insert(PairMask.key(i, p.partner)) } }
        for (j, list) in best.forB.enumerated() { for p in list { topPairs.insert(PairMask.key(p.partner, j)) } }
        let top = topPairs
        return [
            ("none", .none, { _, _ in true }),
            ("every other pair", PairMask { i, j in (i + j) % 2 == 0 }, { i, j in (i + j) % 2 != 0 }),
            ("the best pairs", PairMask { i, j in top.contains(PairMask.key(i, j)) },
             { i, j in !top.contains(PairMask.key(i, j)) }),
        ]
    }

    @Test func kthLargestMatchesSorting() {
        var random = SeededRandom(seed: 8)
        for round in 0..<2000 {
            let count = Int(random.next() % 64) + 1
            let k = Int(random.next() % UInt64(count)) + 1
            // Few distinct values in some rounds: many ties.
            var values: [Float] = (0..<count).map { _ in
                round % 2 == 0 ? Float(random.next() % 5) : random.signedUnit()
            }
            let expected = values.sorted(by: >)[k - 1]
            if RowFlagger.supported.contains(.avx512) {
                let counted = mm_kth_largest_avx512(values, Int32(count), Int32(k))
                #expect(counted == expected, "AVX-512, round \(round): k \(k) of \(count)")
            }
            let got = values.withUnsafeMutableBufferPointer { WorkerState.kthLargest($0.baseAddress!, count: count, k: k) }
            #expect(got == expected, "round \(round): k \(k) of \(count)")
        }
    }

    @Test(.enabled(if: RowFlagger.supported.contains(.avx512)))
    func columnwiseKthLargestMatchesSorting() {
        var random = SeededRandom(seed: 64)
        for round in 0..<500 {
            let groups = Int(random.next() % 64) + 1, n = Int(random.next() % 40) + 1
            let stride = n + Int(random.next() % 5), k = Int(random.next() % UInt64(groups)) + 1
            let maxima: [Float] = (0..<(groups * stride)).map { _ in
                round % 2 == 0 ? Float(random.next() % 4) : random.signedUnit()
            }
            var out = [Float](repeating: .nan, count: n)
            maxima.withUnsafeBufferPointer { m in
                out.withUnsafeMutableBufferPointer { o in
                    mm_kth_largest_columns_avx512(m.baseAddress, Int32(groups), Int32(stride), Int32(n), Int32(k), o.baseAddress)
                }
            }
            for j in 0..<n {
                let expected = (0..<groups).map { maxima[$0 * stride + j] }.sorted(by: >)[k - 1]
                #expect(out[j] == expected, "round \(round): column \(j), k \(k) of \(groups)")
            }
        }
    }

    @Test("bipartite lists are exact with seeded thresholds", arguments: ReciprocalMean.allCases)
    func bipartiteSeeding(mean: ReciprocalMean) {
        var random = SeededRandom(seed: 4242 + UInt64(mean.rawValue + 1))
        let a = dyadicSide(&random, count: 180, d: 3, f: 2)
        let b = dyadicSide(&random, count: 150, d: 3, f: 2)
        Self.expectExactBipartiteLists(a: a, b: b, mean: mean, ks: [1, 5], rowTile: 40, columnTile: 48, workers: [1, 2])
    }

    /// Per-worker tiles split each row's columns between the workers, which
    /// raise their row thresholds to one another's as the scan goes: whatever
    /// the timing, the merged lists are the exact ones (ties, masks, 2 and 3
    /// workers, many narrow column tiles so that the workers meet every row
    /// again and again; several runs, since which bounds a worker sees first
    /// depends on the threads).
    @Test("lists are exact when workers share their row thresholds", arguments: ReciprocalMean.allCases)
    func sharedRowThresholds(mean: ReciprocalMean) {
        var random = SeededRandom(seed: 9_001 + UInt64(mean.rawValue + 1))
        let a = dyadicSide(&random, count: 96, d: 3, f: 2)
        let b = dyadicSide(&random, count: 640, d: 3, f: 2)
        Self.expectExactBipartiteLists(a: a, b: b, mean: mean, ks: [1, 6], rowTile: 32, columnTile: 16, workers: [2, 3], runs: 3)
    }

    /// Ranks `a` × `b` with per-worker tiles under every mask of ``masks(a:b:mean:k:)``, for each `k`
    /// and worker count, `runs` times each, and expects the exact lists of both sides.
    static func expectExactBipartiteLists(
        a: ScoringSide, b: ScoringSide, mean: ReciprocalMean, ks: [Int], rowTile: Int, columnTile: Int, workers: [Int],
        runs: Int = 1, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for k in ks {
            for (name, mask, allowed) in masks(a: a, b: b, mean: mean, k: k) {
                let expected = exactLists(a: a, b: b, mean: mean, k: k, open: false, allowed: allowed)
                for count in workers {
                    for run in 0..<runs {
                        let kernel = PairScoringKernel(k: k, mean: mean, reciprocityWeight: 1, rowTile: rowTile,
                                                       columnTile: columnTile, workers: count, threading: .perWorkerTiles)
                        let ranking = kernel.rank(.bipartite(a: a, b: b), mask: mask)
                        let label = "k \(k), mask \(name), \(count) workers, run \(run)"
                        #expect(firstDifference(ranking.forA, expected.forA) == nil, "\(label): lists of A",
                                sourceLocation: sourceLocation)
                        #expect(firstDifference(ranking.forB, expected.forB) == nil, "\(label): lists of B",
                                sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    @Test("open lists are exact with seeded thresholds", arguments: ReciprocalMean.allCases)
    func openSeeding(mean: ReciprocalMean) {
        var random = SeededRandom(seed: 777 + UInt64(mean.rawValue + 1))
        let side = dyadicSide(&random, count: 160, d: 3, f: 2)
        for (name, mask, allowed) in Self.masks(a: side, b: side, mean: mean, k: 4) {
            let expected = Self.exactLists(a: side, b: side, mean: mean, k: 4, open: true, allowed: allowed)
            for workers in [1, 2] {
                let kernel = PairScoringKernel(k: 4, mean: mean, reciprocityWeight: 1, rowTile: 24, columnTile: 40,
                                               workers: workers, threading: .perWorkerTiles)
                let ranking = kernel.rank(.open(side), mask: mask)
                #expect(firstDifference(ranking.forA, expected.forA) == nil, "mask \(name), \(workers) workers")
            }
        }
    }
}

/// The first list that differs, as a short description, or `nil`.
func firstDifference(_ got: [[ScoredPartner]], _ expected: [[ScoredPartner]]) -> String? {
    guard got.count == expected.count else { return "\(got.count) lists, expected \(expected.count)" }
    for (index, (list, reference)) in zip(got, expected).enumerated() where list != reference {
        func show(_ l: [ScoredPartner]) -> String { l.map { "\($0.partner):\($0.score)" }.joined(separator: " ") }
        return "list \(index): [\(show(list))], expected [\(show(reference))]"
    }
    return nil
}
