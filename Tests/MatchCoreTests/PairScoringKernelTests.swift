import Testing
@testable import MatchCore

/// The kernel against a plain triple loop in `Double`.
struct PairScoringKernelTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var a: Int, b: Int, d: Int, f: Int, k: Int, rowTile: Int, columnTile: Int
        var testDescription: String { "A=\(a) B=\(b) d=\(d) f=\(f) k=\(k) tiles=\(rowTile)×\(columnTile)" }
    }

    static let shapes: [Shape] = [
        Shape(a: 0, b: 5, d: 4, f: 2, k: 3, rowTile: 4, columnTile: 4),
        Shape(a: 5, b: 0, d: 4, f: 2, k: 3, rowTile: 4, columnTile: 4),
        Shape(a: 1, b: 1, d: 3, f: 0, k: 1, rowTile: 4, columnTile: 4),
        Shape(a: 1, b: 9, d: 5, f: 3, k: 4, rowTile: 2, columnTile: 3),
        Shape(a: 7, b: 3, d: 6, f: 2, k: 10, rowTile: 3, columnTile: 2),   // k larger than the other side
        Shape(a: 37, b: 53, d: 16, f: 8, k: 5, rowTile: 8, columnTile: 11), // ragged tiles, padding lanes
        Shape(a: 64, b: 130, d: 32, f: 0, k: 7, rowTile: 16, columnTile: 24),
        Shape(a: 90, b: 41, d: 8, f: 4, k: 1, rowTile: 256, columnTile: 512),
        Shape(a: 20, b: 20, d: 0, f: 4, k: 6, rowTile: 5, columnTile: 7),   // linear block only
    ]

    /// Every way the kernel can use the cores.
    static let strategies: [(PairScoringKernel.Threading, Int)] = [
        (.perWorkerTiles, 1), (.perWorkerTiles, 2), (.perWorkerTiles, 3), (.sharedTiles, 1), (.sharedTiles, 3),
    ]

    @Test("bipartite ranking equals the reference", arguments: shapes, ReciprocalMean.allCases)
    func bipartiteMatchesReference(shape: Shape, mean: ReciprocalMean) {
        var random = SeededRandom(seed: UInt64(shape.a * 1000 + shape.b * 10 + mean.rawValue + 1))
        let a = randomSide(&random, count: shape.a, d: shape.d, f: shape.f)
        let b = randomSide(&random, count: shape.b, d: shape.d, f: shape.f)
        for (threading, workers) in Self.strategies {
            let kernel = PairScoringKernel(k: shape.k, mean: mean, reciprocityWeight: 0.7,
                                           rowTile: shape.rowTile, columnTile: shape.columnTile, workers: workers,
                                           threading: threading)
            let ranking = kernel.rank(.bipartite(a: a, b: b))
            let reference = Reference(a: a, b: b, mean: mean, weight: 0.7)
            #expect(ranking.forA.count == shape.a)
            #expect(ranking.forB.count == shape.b)
            for i in 0..<shape.a {
                check(ranking.forA[i], candidates: (0..<shape.b).map { reference.fromA(i, $0) }, k: shape.k)
            }
            for j in 0..<shape.b {
                check(ranking.forB[j], candidates: (0..<shape.a).map { reference.fromB(j, $0) }, k: shape.k)
            }
        }
    }

    @Test("open ranking equals the reference", arguments: shapes.filter { $0.a > 0 }, ReciprocalMean.allCases)
    func openMatchesReference(shape: Shape, mean: ReciprocalMean) {
        var random = SeededRandom(seed: UInt64(shape.a * 7919 + mean.rawValue + 5))
        let side = randomSide(&random, count: shape.a, d: shape.d, f: shape.f)
        for (threading, workers) in Self.strategies {
            let kernel = PairScoringKernel(k: shape.k, mean: mean, reciprocityWeight: 1.3,
                                           rowTile: shape.rowTile, columnTile: shape.columnTile, workers: workers,
                                           threading: threading)
            let ranking = kernel.rank(.open(side))
            let reference = Reference(a: side, b: side, mean: mean, weight: 1.3)
            #expect(ranking.forA == ranking.forB)
            for i in 0..<shape.a {
                let candidates = (0..<shape.a).filter { $0 != i }.map { reference.fromA(i, $0) }
                check(ranking.forA[i], candidates: candidates, k: shape.k)
            }
        }
    }

    @Test func maskedPairsNeverAppear() {
        var random = SeededRandom(seed: 42)
        let a = randomSide(&random, count: 30, d: 8, f: 3)
        let b = randomSide(&random, count: 45, d: 8, f: 3)
        let excluded = [(0, 0), (0, 1), (3, 44), (29, 7)]
        let mask = PairMask(excluding: excluded) { i, j in (i + j) % 3 == 0 }
        for (threading, workers) in Self.strategies {
        let kernel = PairScoringKernel(k: 6, rowTile: 7, columnTile: 9, workers: workers, threading: threading)
        let ranking = kernel.rank(.bipartite(a: a, b: b), mask: mask)
        let reference = Reference(a: a, b: b, mean: .harmonic, weight: 1)
        func allowed(_ i: Int, _ j: Int) -> Bool {
            !excluded.contains { $0 == (i, j) } && (i + j) % 3 != 0
        }
        for i in 0..<30 {
            check(ranking.forA[i], candidates: (0..<45).filter { allowed(i, $0) }.map { reference.fromA(i, $0) }, k: 6)
        }
        for j in 0..<45 {
            check(ranking.forB[j], candidates: (0..<30).filter { allowed($0, j) }.map { reference.fromB(j, $0) }, k: 6)
        }
        }
    }

    @Test func openMaskMatchesEitherOrderAndSeesEachPairOnce() {
        var random = SeededRandom(seed: 7)
        let side = randomSide(&random, count: 25, d: 6, f: 2)
        let calls = PairLog()
        let mask = PairMask(excluding: [(5, 2), (10, 11)]) { i, j in
            calls.record(i, j)
            return false
        }
        let ranking = PairScoringKernel(k: 24, rowTile: 4, columnTile: 6, workers: 1).rank(.open(side), mask: mask)
        // k ≥ n − 1: every allowed partner is listed.
        #expect(!ranking.forA[2].contains { $0.partner == 5 })
        #expect(!ranking.forA[5].contains { $0.partner == 2 })
        #expect(!ranking.forA[11].contains { $0.partner == 10 })
        #expect(ranking.forA[0].count == 24)
        #expect(ranking.forA[2].count == 23)
        let pairs = calls.pairs
        let ordered = pairs.allSatisfy { $0.0 < $0.1 }
        let distinct = Set(pairs.map { "\($0.0)-\($0.1)" }).count
        #expect(ordered)
        #expect(distinct == pairs.count)
    }

    @Test func everythingMaskedGivesEmptyLists() {
        var random = SeededRandom(seed: 3)
        let a = randomSide(&random, count: 12, d: 4, f: 1)
        let b = randomSide(&random, count: 9, d: 4, f: 1)
        let ranking = PairScoringKernel(k: 3, workers: 2).rank(.bipartite(a: a, b: b), mask: PairMask { _, _ in true })
        let open = PairScoringKernel(k: 3, workers: 2).rank(.open(a), mask: PairMask { _, _ in true })
        let allEmpty = ranking.forA.allSatisfy(\.isEmpty) && ranking.forB.allSatisfy(\.isEmpty)
            && open.forA.allSatisfy(\.isEmpty)
        #expect(allEmpty)
    }

    @Test func tiesGoToTheLowerIndex() {
        // Every B row identical: all scores of a row tie exactly.
        let offer = Matrix(rowArrays: Array(repeating: [0.5, 0.5], count: 10), columns: 2)
        let side = ScoringSide(offer: offer, need: offer, features: Matrix(rows: 10, columns: 0))
        for mean in ReciprocalMean.allCases {
            let ranking = PairScoringKernel(k: 3, mean: mean, rowTile: 3, columnTile: 4, workers: 2)
                .rank(.bipartite(a: side, b: side))
            let firstThree = ranking.forA.allSatisfy { $0.map(\.partner) == [0, 1, 2] }
            #expect(firstThree)
            let open = PairScoringKernel(k: 3, mean: mean, rowTile: 3, columnTile: 4, workers: 2).rank(.open(side))
            #expect(open.forA[0].map(\.partner) == [1, 2, 3])
            #expect(open.forA[1].map(\.partner) == [0, 2, 3])
            #expect(open.forA[9].map(\.partner) == [0, 1, 2])
        }
    }

    @Test("exact scores and ties on dyadic inputs", arguments: ReciprocalMean.allCases)
    func exactOnDyadicInputs(mean: ReciprocalMean) {
        var random = SeededRandom(seed: 99)
        let a = dyadicSide(&random, count: 40, d: 3, f: 2)
        let b = dyadicSide(&random, count: 33, d: 3, f: 2)
        let ranking = PairScoringKernel(k: 4, mean: mean, reciprocityWeight: 1, rowTile: 6, columnTile: 10, workers: 2)
            .rank(.bipartite(a: a, b: b))
        for i in 0..<40 {
            // Exact reference in Float: the products are exact, so the order with ties is known.
            let expected = (0..<33).map { j -> ScoredPartner in
                let c1 = dot(a.offer.row(i), b.need.row(j)), c2 = dot(a.need.row(i), b.offer.row(j))
                let l = dot(a.features.row(i), b.features.row(j))
                return ScoredPartner(partner: j, score: mean(c1, c2) + l, offerToNeed: c1, needFromOffer: c2, linear: l)
            }.sorted { $0.ranksBefore($1) }.prefix(4)
            #expect(ranking.forA[i] == Array(expected))
        }
    }

    @Test func resultsDoNotDependOnWorkers() {
        var random = SeededRandom(seed: 2024)
        let a = randomSide(&random, count: 150, d: 24, f: 6)
        let b = randomSide(&random, count: 220, d: 24, f: 6)
        Self.expectTheSameResultsOnAnyWorkerCount(a, b)
    }

    /// Bit-identical rankings with 1, 2 and 5 workers (bipartite) and 1 and 2 (open, on `b`), either threading.
    static func expectTheSameResultsOnAnyWorkerCount(_ a: ScoringSide, _ b: ScoringSide,
                                                     sourceLocation: SourceLocation = #_sourceLocation) {
        for threading in [PairScoringKernel.Threading.perWorkerTiles, .sharedTiles] {
            func kernel(_ workers: Int) -> PairScoringKernel {
                PairScoringKernel(k: 8, rowTile: 16, columnTile: 32, workers: workers, threading: threading)
            }
            let one = kernel(1).rank(.bipartite(a: a, b: b))
            #expect(one == kernel(2).rank(.bipartite(a: a, b: b)), sourceLocation: sourceLocation)
            #expect(one == kernel(5).rank(.bipartite(a: a, b: b)), sourceLocation: sourceLocation)
            #expect(kernel(1).rank(.open(b)) == kernel(2).rank(.open(b)), sourceLocation: sourceLocation)
        }
    }

    @Test func gemmFloorCountsUsefulFlops() {
        var random = SeededRandom(seed: 1)
        let a = randomSide(&random, count: 10, d: 4, f: 2)
        let b = randomSide(&random, count: 6, d: 4, f: 2)
        let kernel = PairScoringKernel(k: 2)
        #expect(kernel.runGEMMsOnly(.bipartite(a: a, b: b)) == 2 * 10 * 6 * 10)
        #expect(kernel.usefulFlops(.open(a)) == 10 * 9 * 10)
    }

    // MARK: - Reference

    struct Candidate {
        var partner: Int, score: Double, offerToNeed: Double, needFromOffer: Double, linear: Double
    }

    struct Reference {
        let a: ScoringSide, b: ScoringSide, mean: ReciprocalMean, weight: Double

        func parts(_ i: Int, _ j: Int) -> (Double, Double, Double) {
            (ddot(a.offer.row(i), b.need.row(j)), ddot(a.need.row(i), b.offer.row(j)), ddot(a.features.row(i), b.features.row(j)))
        }

        func score(_ c1: Double, _ c2: Double, _ l: Double) -> Double {
            let x = max(c1, 0), y = max(c2, 0)
            let m: Double
            switch mean {
            case .arithmetic: m = (x + y) / 2
            case .geometric: m = (x * y).squareRoot()
            case .harmonic: m = x + y == 0 ? 0 : 2 * x * y / (x + y)
            }
            return weight * m + l
        }

        /// Pair (i of A, j of B) seen from i.
        func fromA(_ i: Int, _ j: Int) -> Candidate {
            let (c1, c2, l) = parts(i, j)
            return Candidate(partner: j, score: score(c1, c2, l), offerToNeed: c1, needFromOffer: c2, linear: l)
        }

        /// Pair (i of A, j of B) seen from j.
        func fromB(_ j: Int, _ i: Int) -> Candidate {
            let (c1, c2, l) = parts(i, j)
            return Candidate(partner: i, score: score(c1, c2, l), offerToNeed: c2, needFromOffer: c1, linear: l)
        }
    }

    /// `got` is a correct top-k of `candidates`: the right length, sorted,
    /// every score and component right, nothing better left out.
    func check(_ got: [ScoredPartner], candidates: [Candidate], k: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let tolerance = 1e-4
        #expect(got.count == min(k, candidates.count), sourceLocation: sourceLocation)
        #expect(zip(got, got.dropFirst()).allSatisfy { $0.ranksBefore($1) }, "not sorted", sourceLocation: sourceLocation)
        let byPartner = Dictionary(uniqueKeysWithValues: candidates.map { ($0.partner, $0) })
        for entry in got {
            guard let ref = byPartner[entry.partner] else {
                Issue.record("partner \(entry.partner) is not a candidate", sourceLocation: sourceLocation)
                continue
            }
            #expect(abs(Double(entry.score) - ref.score) < tolerance, sourceLocation: sourceLocation)
            #expect(abs(Double(entry.offerToNeed) - ref.offerToNeed) < tolerance, sourceLocation: sourceLocation)
            #expect(abs(Double(entry.needFromOffer) - ref.needFromOffer) < tolerance, sourceLocation: sourceLocation)
            #expect(abs(Double(entry.linear) - ref.linear) < tolerance, sourceLocation: sourceLocation)
        }
        guard let last = got.last, got.count == k else { return }
        let kept = Set(got.map(\.partner))
        for c in candidates where !kept.contains(c.partner) {
            #expect(c.score <= Double(last.score) + tolerance,
                    "partner \(c.partner) (\(c.score)) beats the last kept (\(last.score))", sourceLocation: sourceLocation)
        }
    }
}

/// Records the pairs a mask predicate was asked about.
final class PairLog: @unchecked Sendable {
    private var storage: [(Int, Int)] = []
    private let lock = NSLockLike()
    func record(_ i: Int, _ j: Int) { lock.withLock { storage.append((i, j)) } }
    var pairs: [(Int, Int)] { lock.withLock { storage } }
}

import Synchronization
final class NSLockLike: Sendable {
    private let mutex = Mutex(())
    func withLock<R>(_ body: () -> R) -> R { mutex.withLock { _ in body() } }
}

func randomSide(_ random: inout SeededRandom, count: Int, d: Int, f: Int) -> ScoringSide {
    var offer = random.matrix(rows: count, columns: d)
    var need = random.matrix(rows: count, columns: d)
    offer.normalizeRows()
    need.normalizeRows()
    var features = random.matrix(rows: count, columns: f)
    features.withUnsafeMutableBufferPointer { buffer in
        for index in buffer.indices { buffer[index] = abs(buffer[index]) * 0.3 }
    }
    return ScoringSide(offer: offer, need: need, features: features)
}

func dyadicSide(_ random: inout SeededRandom, count: Int, d: Int, f: Int) -> ScoringSide {
    ScoringSide(offer: random.dyadicMatrix(rows: count, columns: d),
                need: random.dyadicMatrix(rows: count, columns: d),
                features: random.dyadicMatrix(rows: count, columns: f))
}

func dot(_ x: ArraySlice<Float>, _ y: ArraySlice<Float>) -> Float {
    zip(x, y).reduce(0) { $0 + $1.0 * $1.1 }
}

func ddot(_ x: ArraySlice<Float>, _ y: ArraySlice<Float>) -> Double {
    zip(x, y).reduce(0) { $0 + Double($1.0) * Double($1.1) }
}
