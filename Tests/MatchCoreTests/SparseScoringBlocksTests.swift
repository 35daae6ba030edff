import Testing
@testable import MatchCore

/// The kernel with sparse blocks against the plain triple loop of
/// `PairScoringKernelTests` on the equivalent dense sides (each sparse block
/// written out beside its dense one).
struct SparseScoringBlocksTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        var a: Int, b: Int, d: Int, f: Int, s: Int, g: Int, density: Double, k: Int, rowTile: Int, columnTile: Int
        var testDescription: String {
            "A=\(a) B=\(b) d=\(d) f=\(f) s=\(s) g=\(g) density=\(density) k=\(k) tiles=\(rowTile)×\(columnTile)"
        }
    }

    static let shapes: [Shape] = [
        Shape(a: 37, b: 53, d: 8, f: 4, s: 40, g: 40, density: 0.1, k: 5, rowTile: 8, columnTile: 11),  // ragged tiles
        Shape(a: 64, b: 130, d: 16, f: 0, s: 60, g: 60, density: 0.05, k: 7, rowTile: 16, columnTile: 24),  // linear part only sparse
        Shape(a: 20, b: 25, d: 6, f: 3, s: 30, g: 0, density: 0.2, k: 4, rowTile: 5, columnTile: 7),    // no sparse features
        Shape(a: 30, b: 41, d: 1, f: 2, s: 25, g: 10, density: 0.3, k: 6, rowTile: 256, columnTile: 512), // dense part one column
        Shape(a: 12, b: 15, d: 4, f: 2, s: 20, g: 20, density: 0, k: 3, rowTile: 4, columnTile: 4),      // no stored entries
        Shape(a: 0, b: 5, d: 4, f: 2, s: 10, g: 10, density: 0.2, k: 3, rowTile: 4, columnTile: 4),
    ]

    @Test("bipartite ranking with sparse blocks equals the dense reference", arguments: shapes, ReciprocalMean.allCases)
    func bipartiteMatchesReference(shape: Shape, mean: ReciprocalMean) {
        var random = SeededRandom(seed: UInt64(shape.a * 131 + shape.b * 7 + shape.s + mean.rawValue + 1))
        let a = sparseSide(&random, shape, count: shape.a, asRows: true)
        let b = sparseSide(&random, shape, count: shape.b, asRows: false)
        let reference = PairScoringKernelTests.Reference(a: dense(a), b: dense(b), mean: mean, weight: 0.8)
        let tests = PairScoringKernelTests()
        for (threading, workers) in PairScoringKernelTests.strategies {
            let ranking = PairScoringKernel(k: shape.k, mean: mean, reciprocityWeight: 0.8, rowTile: shape.rowTile,
                                            columnTile: shape.columnTile, workers: workers, threading: threading)
                .rank(.bipartite(a: a, b: b))
            for i in 0..<shape.a {
                tests.check(ranking.forA[i], candidates: (0..<shape.b).map { reference.fromA(i, $0) }, k: shape.k)
            }
            for j in 0..<shape.b {
                tests.check(ranking.forB[j], candidates: (0..<shape.a).map { reference.fromB(j, $0) }, k: shape.k)
            }
        }
    }

    @Test("open ranking with sparse blocks equals the dense reference", arguments: shapes.filter { $0.a > 0 })
    func openMatchesReference(shape: Shape) {
        var random = SeededRandom(seed: UInt64(shape.a * 977 + shape.s))
        let side = sparseSide(&random, shape, count: shape.a, asRows: false)
        let reference = PairScoringKernelTests.Reference(a: dense(side), b: dense(side), mean: .arithmetic, weight: 1)
        for (threading, workers) in PairScoringKernelTests.strategies {
            let ranking = PairScoringKernel(k: shape.k, mean: .arithmetic, reciprocityWeight: 1, rowTile: shape.rowTile,
                                            columnTile: shape.columnTile, workers: workers, threading: threading)
                .rank(.open(side))
            #expect(ranking.forA == ranking.forB)
            for i in 0..<shape.a {
                let candidates = (0..<shape.a).filter { $0 != i }.map { reference.fromA(i, $0) }
                PairScoringKernelTests().check(ranking.forA[i], candidates: candidates, k: shape.k)
            }
        }
    }

    /// The sums are made in a fixed order: the same bits on any number of workers and either threading.
    @Test func resultsDoNotDependOnWorkers() {
        let shape = Shape(a: 150, b: 220, d: 12, f: 3, s: 80, g: 80, density: 0.08, k: 8, rowTile: 16, columnTile: 32)
        var random = SeededRandom(seed: 77)
        let a = sparseSide(&random, shape, count: shape.a, asRows: true)
        let b = sparseSide(&random, shape, count: shape.b, asRows: false)
        PairScoringKernelTests.expectTheSameResultsOnAnyWorkerCount(a, b)
    }

    /// Exact on dyadic values: the sparse products land on the right pairs, with ties broken as without them.
    @Test func exactOnDyadicInputs() {
        var random = SeededRandom(seed: 5)
        let shape = Shape(a: 30, b: 26, d: 2, f: 2, s: 6, g: 6, density: 0.4, k: 4, rowTile: 7, columnTile: 5)
        let a = sparseSide(&random, shape, count: shape.a, asRows: true, dyadic: true)
        let b = sparseSide(&random, shape, count: shape.b, asRows: false, dyadic: true)
        let ranking = PairScoringKernel(k: 4, mean: .arithmetic, reciprocityWeight: 1, rowTile: 7, columnTile: 5, workers: 2)
            .rank(.bipartite(a: a, b: b))
        let (x, y) = (dense(a), dense(b))
        for i in 0..<shape.a {
            let expected = (0..<shape.b).map { j -> ScoredPartner in
                let c1 = dot(x.offer.row(i), y.need.row(j)), c2 = dot(x.need.row(i), y.offer.row(j))
                let l = dot(x.features.row(i), y.features.row(j))
                return ScoredPartner(partner: j, score: (max(0, c1) + max(0, c2)) / 2 + l, offerToNeed: c1, needFromOffer: c2, linear: l)
            }.sorted { $0.ranksBefore($1) }.prefix(4)
            #expect(ranking.forA[i] == Array(expected))
        }
    }

    /// The GEMM floor runs the dense products only.
    @Test func gemmFloorCountsTheDenseBlocks() {
        var random = SeededRandom(seed: 9)
        let shape = Shape(a: 10, b: 6, d: 4, f: 2, s: 30, g: 30, density: 0.2, k: 2, rowTile: 4, columnTile: 4)
        let a = sparseSide(&random, shape, count: 10, asRows: true), b = sparseSide(&random, shape, count: 6, asRows: false)
        #expect(PairScoringKernel(k: 2).runGEMMsOnly(.bipartite(a: a, b: b)) == 2 * 10 * 6 * 10)
    }

    // MARK: - Fixtures

    /// A side with dense and sparse blocks; rows of the A side carry negative sparse
    /// features (a competition penalty) so that the linear part can fall below zero.
    func sparseSide(_ random: inout SeededRandom, _ shape: Shape, count: Int, asRows: Bool, dyadic: Bool = false) -> ScoringSide {
        let base = dyadic ? dyadicSide(&random, count: count, d: shape.d, f: shape.f)
            : randomSide(&random, count: count, d: shape.d, f: shape.f)
        func block(_ columns: Int, sign: Float) -> CSRMatrix {
            CSRMatrix(columns: columns, rowEntries: (0..<count).map { _ in
                (0..<columns).compactMap { column -> (column: Int, value: Float)? in
                    guard Double.random(in: 0..<1, using: &random) < shape.density else { return nil }
                    let value = dyadic ? Float(Int.random(in: 1...4, using: &random)) / 4 : Float.random(in: 0.05..<0.6, using: &random)
                    return (column, sign * value)
                }
            })
        }
        let sparse = SparseScoringBlocks(offer: block(shape.s, sign: 1), need: block(shape.s, sign: 1),
                                         features: block(shape.g, sign: asRows ? -0.5 : 1))
        return ScoringSide(offer: base.offer, need: base.need, features: base.features, sparse: sparse)
    }

    /// The same side with each sparse block written out after its dense one.
    func dense(_ side: ScoringSide) -> ScoringSide {
        guard let sparse = side.sparse else { return side }
        func joined(_ x: Matrix, _ y: CSRMatrix) -> Matrix {
            let wide = Matrix(y)
            return Matrix(rowArrays: (0..<x.rows).map { Array(x.row($0)) + Array(wide.row($0)) }, columns: x.columns + y.columns)
        }
        return ScoringSide(offer: joined(side.offer, sparse.offer), need: joined(side.need, sparse.need),
                           features: joined(side.features, sparse.features))
    }
}
