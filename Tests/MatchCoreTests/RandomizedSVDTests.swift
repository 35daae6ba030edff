import Synchronization
import Dispatch
import Testing
@testable import MatchCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Test matrices with known spectra, and the exact SVD by LAPACK.
private enum SpectrumFixtures {
    /// A dense `rows × columns` matrix ≈ X · diag(σ) · Yᵀ with σₖ = decayᵏ
    /// (X, Y Gaussian, nearly orthonormal columns), stored as CSR.
    static func decaying(rows: Int, columns: Int, decay: Double, seed: UInt64) -> CSRMatrix {
        var generator = SeededRandomNumberGenerator(seed: seed)
        let k = min(rows, columns)
        let x = (0..<(rows * k)).map { _ in generator.nextStandardNormal() / Double(rows).squareRoot() }
        let y = (0..<(columns * k)).map { _ in generator.nextStandardNormal() / Double(columns).squareRoot() }
        var elements = [Float](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                var sum = 0.0
                var sigma = 1.0
                for c in 0..<k {
                    sum += x[i * k + c] * sigma * y[j * k + c]
                    sigma *= decay
                }
                elements[i * columns + j] = Float(sum)
            }
        }
        return CSRMatrix(Matrix(rows: rows, columns: columns, elements: elements))
    }

    /// A sparse TF-IDF-like matrix: positive values, popular columns first
    /// (Zipfian), rows L2-normalised.
    static func termDocument(rows: Int, columns: Int, perRow: Int, seed: UInt64) -> CSRMatrix {
        var generator = SeededRandomNumberGenerator(seed: seed)
        var triplets: [(row: Int, column: Int, value: Float)] = []
        for i in 0..<rows {
            for _ in 0..<perRow {
                // Column ⌊columns^u⌋ − 1 for uniform u: roughly Zipfian.
                let u = Double.random(in: 0..<1, using: &generator)
                let column = min(columns - 1, Int(pow(Double(columns), u)) - 1)
                triplets.append((row: i, column: column, value: Float.random(in: 0.1..<1, using: &generator)))
            }
        }
        var matrix = CSRMatrix(rows: rows, columns: columns, entries: triplets)
        matrix.normalizeRows()
        return matrix
    }

    /// All singular values of `matrix`, descending, by `sgesdd`.
    static func singularValues(_ matrix: CSRMatrix) throws -> [Double] {
        var columnMajor = Matrix(matrix).transposed().elements
        return try LinearAlgebra.svd(&columnMajor, rows: matrix.rows, columns: matrix.columns).s.map(Double.init)
    }

    /// ‖A − U·diag(σ)·Vᵀ‖_F.
    static func residual(_ matrix: CSRMatrix, _ svd: TruncatedSVD) -> Double {
        zip(Matrix(matrix).elements, svd.reconstructed().elements)
            .reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }
            .squareRoot()
    }

    /// The optimal rank-r error: the norm of the discarded singular values.
    static func optimalResidual(_ singularValues: [Double], rank: Int) -> Double {
        singularValues.dropFirst(rank).reduce(0.0) { $0 + $1 * $1 }.squareRoot()
    }

    /// X · Yᵀ for Gaussian X (`rows × rank`) and Y (`columns × rank`).
    static func lowRank(rows: Int, columns: Int, rank: Int, seed: UInt64) -> CSRMatrix {
        var generator = SeededRandomNumberGenerator(seed: seed)
        let x = Matrix(rows: rows, columns: rank,
                       elements: (0..<(rows * rank)).map { _ in Float(generator.nextStandardNormal()) })
        let y = Matrix(rows: columns, columns: rank,
                       elements: (0..<(columns * rank)).map { _ in Float(generator.nextStandardNormal()) })
        return CSRMatrix(x.multiplied(by: y, transposingOther: true))
    }

    /// ‖A − A·V·Vᵀ‖_F: the error of projecting A's rows on the span of V.
    static func projectionResidual(_ matrix: CSRMatrix, _ v: Matrix) -> Double {
        let projected = matrix.multiplied(by: v).multiplied(by: v, transposingOther: true)
        return zip(Matrix(matrix).elements, projected.elements)
            .reduce(0.0) { $0 + Double($1.0 - $1.1) * Double($1.0 - $1.1) }
            .squareRoot()
    }

    /// The largest |QᵀQ − I| entry for a `rows × r` factor Q.
    static func orthonormalityError(_ q: Matrix) -> Double {
        let gram = q.transposed().multiplied(by: q)
        var worst = 0.0
        for i in 0..<gram.rows {
            for j in 0..<gram.columns {
                worst = max(worst, abs(Double(gram[i, j]) - (i == j ? 1 : 0)))
            }
        }
        return worst
    }
}

@Suite("RandomizedSVD")
struct RandomizedSVDTests {
    /// (power iterations, allowed excess of the error over the optimum).
    @Test(arguments: [(0, 0.10), (1, 0.01), (2, 0.005), (4, 0.001)])
    func errorIsCloseToOptimalOnDecayingSpectrum(iterations: Int, excess: Double) throws {
        let a = SpectrumFixtures.decaying(rows: 120, columns: 90, decay: 0.9, seed: 1)
        let exact = try SpectrumFixtures.singularValues(a)
        let svd = try RandomizedSVD(rank: 10, powerIterations: iterations, seed: 2).decompose(a)
        let optimal = SpectrumFixtures.optimalResidual(exact, rank: 10)
        let error = SpectrumFixtures.residual(a, svd)
        #expect(error >= optimal * (1 - 1e-4))
        #expect(error <= optimal * (1 + excess), "error \(error), optimal \(optimal)")
    }

    @Test(arguments: [0, 1, 4])
    func errorIsCloseToOptimalOnSparseTermDocumentMatrix(iterations: Int) throws {
        let a = SpectrumFixtures.termDocument(rows: 300, columns: 400, perRow: 12, seed: 3)
        let exact = try SpectrumFixtures.singularValues(a)
        let svd = try RandomizedSVD(rank: 20, powerIterations: iterations, seed: 4).decompose(a)
        let optimal = SpectrumFixtures.optimalResidual(exact, rank: 20)
        let error = SpectrumFixtures.residual(a, svd)
        let excess: Double = iterations == 0 ? 0.25 : iterations == 1 ? 0.05 : 0.01
        #expect(error <= optimal * (1 + excess), "error \(error), optimal \(optimal)")
    }

    @Test func singularValuesAreCloseToTheExactOnes() throws {
        let a = SpectrumFixtures.decaying(rows: 150, columns: 200, decay: 0.8, seed: 5)
        let exact = try SpectrumFixtures.singularValues(a)
        let svd = try RandomizedSVD(rank: 12, seed: 6).decompose(a)
        #expect(svd.rank == 12)
        for (c, sigma) in svd.singularValues.enumerated() {
            #expect(abs(Double(sigma) - exact[c]) <= 1e-3 * exact[0], "σ\(c): \(sigma) vs \(exact[c])")
        }
        #expect(zip(svd.singularValues, svd.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test(arguments: [(300, 400), (400, 300)])
    func factorsAreOrthonormalAndSigned(shape: (Int, Int)) throws {
        let a = SpectrumFixtures.termDocument(rows: shape.0, columns: shape.1, perRow: 10, seed: 7)
        let svd = try RandomizedSVD(rank: 32, seed: 8).decompose(a)
        #expect(svd.leftSingularVectors.rows == shape.0 && svd.leftSingularVectors.columns == 32)
        #expect(svd.rightSingularVectors.rows == shape.1 && svd.rightSingularVectors.columns == 32)
        #expect(SpectrumFixtures.orthonormalityError(svd.leftSingularVectors) < 1e-4)
        #expect(SpectrumFixtures.orthonormalityError(svd.rightSingularVectors) < 1e-4)
        let v = svd.rightSingularVectors
        for c in 0..<32 {
            let column = (0..<v.rows).map { v[$0, c] }
            let largest = column.max { abs($0) < abs($1) } ?? 0
            #expect(largest > 0)
        }
    }

    @Test func sameSeedGivesSameBytes() throws {
        let a = SpectrumFixtures.termDocument(rows: 2_000, columns: 1_500, perRow: 20, seed: 9)
        let configuration = RandomizedSVD(rank: 40, powerIterations: 3, seed: 10)
        let first = try configuration.decompose(a)
        let second = try configuration.decompose(a)
        #expect(first == second)
        #expect(first.leftSingularVectors.elements.map(\.bitPattern) == second.leftSingularVectors.elements.map(\.bitPattern))
    }

    @Test(arguments: [UInt64(0), 1, 2, 0xDEAD_BEEF])
    func everySeedIsAccurate(seed: UInt64) throws {
        let a = SpectrumFixtures.decaying(rows: 80, columns: 100, decay: 0.85, seed: 11)
        let exact = try SpectrumFixtures.singularValues(a)
        let svd = try RandomizedSVD(rank: 8, seed: seed).decompose(a)
        let optimal = SpectrumFixtures.optimalResidual(exact, rank: 8)
        #expect(SpectrumFixtures.residual(a, svd) <= optimal * 1.01)
    }

    @Test func differentSeedsGiveDifferentSamples() throws {
        let a = SpectrumFixtures.termDocument(rows: 200, columns: 300, perRow: 8, seed: 12)
        let first = try RandomizedSVD(rank: 10, powerIterations: 0, seed: 1).decompose(a)
        let second = try RandomizedSVD(rank: 10, powerIterations: 0, seed: 2).decompose(a)
        #expect(first != second)
    }

    @Test(arguments: [(0, 0), (0, 7), (7, 0)])
    func emptyMatricesGiveNoComponents(shape: (Int, Int)) throws {
        let a = CSRMatrix(rows: shape.0, columns: shape.1, entries: [])
        let svd = try RandomizedSVD(rank: 5).decompose(a)
        #expect(svd.rank == 0)
        #expect(svd.leftSingularVectors == Matrix(rows: shape.0, columns: 0))
        #expect(svd.rightSingularVectors == Matrix(rows: shape.1, columns: 0))
    }

    @Test func rankZeroGivesNoComponents() throws {
        let a = SpectrumFixtures.termDocument(rows: 10, columns: 10, perRow: 3, seed: 13)
        #expect(try RandomizedSVD(rank: 0).decompose(a).rank == 0)
    }

    @Test(arguments: [(6, 4), (4, 6), (1, 5), (5, 1), (1, 1)])
    func rankAboveTheDimensionsIsClampedAndExact(shape: (Int, Int)) throws {
        let a = SpectrumFixtures.decaying(rows: shape.0, columns: shape.1, decay: 0.5, seed: 14)
        let svd = try RandomizedSVD(rank: 50, seed: 15).decompose(a)
        #expect(svd.rank == min(shape.0, shape.1))
        let norm = Matrix(a).elements.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        #expect(SpectrumFixtures.residual(a, svd) <= 1e-5 * max(norm, 1))
    }

    @Test func allZeroMatrixGivesZeroValuesAndOrthonormalFactors() throws {
        var a = CSRMatrix(rows: 30, columns: 20, entries: [(row: 3, column: 4, value: 0)])
        a.normalizeRows()
        let svd = try RandomizedSVD(rank: 5).decompose(a)
        #expect(svd.rank == 5)
        #expect(svd.singularValues.allSatisfy { $0 == 0 })
        #expect(SpectrumFixtures.orthonormalityError(svd.leftSingularVectors) < 1e-5)
        #expect(SpectrumFixtures.orthonormalityError(svd.rightSingularVectors) < 1e-5)
    }

    @Test func lowRankMatrixIsRecoveredExactly() throws {
        // Exact rank 3 with l = 13 samples: the Gram matrices are singular,
        // so every orthonormalisation takes the Householder fallback.
        let wide = SpectrumFixtures.lowRank(rows: 60, columns: 40, rank: 3, seed: 16)
        let svd = try RandomizedSVD(rank: 5, oversampling: 8, seed: 18).decompose(wide)
        #expect(svd.singularValues[3] <= 1e-5 * svd.singularValues[0])
        let norm = Matrix(wide).elements.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        #expect(SpectrumFixtures.residual(wide, svd) <= 1e-5 * norm)
        #expect(SpectrumFixtures.orthonormalityError(svd.leftSingularVectors) < 1e-4)
    }

    @Test(arguments: [1, 2])
    func orthonormalizerMakesOrthonormalBasesOfTheSameSpan(passes: Int) throws {
        var generator = SeededRandomNumberGenerator(seed: 19)
        let rows = 500, l = 24
        let y = (0..<(rows * l)).map { _ in Float(generator.nextStandardNormal()) }
        var q = y
        var orthonormalizer = Orthonormalizer(columns: l)
        try orthonormalizer.orthonormalize(&q, rows: rows, passes: passes)
        let basis = Matrix(rows: rows, columns: l, elements: q)
        #expect(SpectrumFixtures.orthonormalityError(basis) < (passes == 2 ? 1e-5 : 1e-3))
        // Y − Q·(QᵀY) ≈ 0: Q spans the columns of Y.
        let original = Matrix(rows: rows, columns: l, elements: y)
        let coefficients = basis.transposed().multiplied(by: original)
        let projected = basis.multiplied(by: coefficients)
        let worst = zip(projected.elements, original.elements).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-3)
    }

    @Test func choleskyQR2FactorsReproduceTheMatrix() throws {
        var generator = SeededRandomNumberGenerator(seed: 20)
        let rows = 400, l = 16
        // Graded columns (norms 1 … 10⁻²): still safely conditioned.
        let y = (0..<(rows * l)).map { Float(generator.nextStandardNormal()) * Float(pow(0.75, Double($0 % l))) }
        var q = y
        var orthonormalizer = Orthonormalizer(columns: l)
        let r = try #require(try orthonormalizer.factorize(&q, rows: rows))
        let basis = Matrix(rows: rows, columns: l, elements: q)
        #expect(SpectrumFixtures.orthonormalityError(basis) < 1e-5)
        let triangular = Matrix(rows: l, columns: l, elements: r)
        for i in 0..<l {
            for j in 0..<i { #expect(triangular[i, j] == 0) }
        }
        let product = basis.multiplied(by: triangular)
        let worst = zip(product.elements, y).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-4)
    }

    @Test func choleskyQR2RefusesRankDeficientMatrices() throws {
        let rows = 50, l = 6
        var y = [Float](repeating: 0, count: rows * l)
        for i in 0..<rows {
            for c in 0..<l { y[i * l + c] = Float(i % 7) * Float(c + 1) }   // rank 1
        }
        var orthonormalizer = Orthonormalizer(columns: l)
        #expect(try orthonormalizer.factorize(&y, rows: rows) == nil)
    }

    @Test func smallAndDirectSVDOfBAgree() throws {
        // B = Qᵀ·A is l × columns; the fast path factors Bᵀ first.
        var generator = SeededRandomNumberGenerator(seed: 21)
        let columns = 300, l = 20, rank = 12
        let transposedB = (0..<(columns * l)).map { Float(generator.nextStandardNormal()) * Float(pow(0.85, Double($0 % l))) }
        var factored = transposedB
        var orthonormalizer = Orthonormalizer(columns: l)
        let r = try #require(try orthonormalizer.factorize(&factored, rows: columns))
        let fast = try RandomizedSVD.smallSVD(orthonormal: factored, triangular: r, rows: columns, l: l, rank: rank)
        var destroyed = transposedB
        let direct = try RandomizedSVD.directSVD(transposedB: &destroyed, columns: columns, l: l, rank: rank)
        for c in 0..<rank {
            #expect(abs(fast.1[c] - direct.1[c]) <= 1e-4 * direct.1[0])
            // Same singular vectors up to sign.
            let dot = (0..<columns).reduce(Float(0)) { $0 + fast.2[$1, c] * direct.2[$1, c] }
            #expect(abs(abs(dot) - 1) < 1e-3)
        }
    }
}

/// ``RandomizedSVD/rightFactors(of:)``: Σ and V without U, by subspace
/// iteration on the column side when there are at least as many rows.
@Suite("RandomizedSVD right factors")
struct RandomizedSVDRightFactorsTests {
    /// (power iterations, allowed excess of the projection error over the optimum).
    @Test(arguments: [(0, 0.01), (1, 0.003), (2, 0.001)])
    func projectionErrorIsCloseToOptimalOnDecayingSpectrum(iterations: Int, excess: Double) throws {
        let a = SpectrumFixtures.decaying(rows: 160, columns: 90, decay: 0.9, seed: 31)
        let exact = try SpectrumFixtures.singularValues(a)
        let factors = try RandomizedSVD(rank: 10, powerIterations: iterations, seed: 32).rightFactors(of: a)
        let optimal = SpectrumFixtures.optimalResidual(exact, rank: 10)
        let error = SpectrumFixtures.projectionResidual(a, factors.vectors)
        #expect(error >= optimal * (1 - 1e-4))
        #expect(error <= optimal * (1 + excess), "error \(error), optimal \(optimal)")
    }

    @Test(arguments: [0, 1, 2])
    func projectionErrorIsCloseToOptimalOnSparseTermDocumentMatrix(iterations: Int) throws {
        let a = SpectrumFixtures.termDocument(rows: 600, columns: 300, perRow: 12, seed: 33)
        let exact = try SpectrumFixtures.singularValues(a)
        let factors = try RandomizedSVD(rank: 20, powerIterations: iterations, seed: 34).rightFactors(of: a)
        let optimal = SpectrumFixtures.optimalResidual(exact, rank: 20)
        let error = SpectrumFixtures.projectionResidual(a, factors.vectors)
        let excess: Double = iterations == 0 ? 0.05 : 0.01
        #expect(error <= optimal * (1 + excess), "error \(error), optimal \(optimal)")
        // No worse than decompose(_:) with the same seed and iterations, whose span it reaches.
        let full = try RandomizedSVD(rank: 20, powerIterations: iterations, seed: 34).decompose(a)
        #expect(error <= SpectrumFixtures.projectionResidual(a, full.rightSingularVectors) * 1.001)
    }

    @Test func singularValuesAreCloseToTheExactOnes() throws {
        let a = SpectrumFixtures.decaying(rows: 220, columns: 150, decay: 0.8, seed: 35)
        let exact = try SpectrumFixtures.singularValues(a)
        let factors = try RandomizedSVD(rank: 12, powerIterations: 2, seed: 36).rightFactors(of: a)
        #expect(factors.rank == 12)
        for (c, sigma) in factors.singularValues.enumerated() {
            #expect(abs(Double(sigma) - exact[c]) <= 1e-3 * exact[0], "σ\(c): \(sigma) vs \(exact[c])")
        }
        #expect(zip(factors.singularValues, factors.singularValues.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test func vectorsAreOrthonormalAndSigned() throws {
        let a = SpectrumFixtures.termDocument(rows: 900, columns: 400, perRow: 10, seed: 37)
        let v = try RandomizedSVD(rank: 32, powerIterations: 2, seed: 38).rightFactors(of: a).vectors
        #expect(v.rows == 400 && v.columns == 32)
        #expect(SpectrumFixtures.orthonormalityError(v) < 1e-5)
        for c in 0..<32 {
            let column = (0..<v.rows).map { v[$0, c] }
            #expect((column.max { abs($0) < abs($1) } ?? 0) > 0)
        }
    }

    /// With fewer rows than columns it is decompose(_:) without U, to the bit.
    @Test func wideMatricesGiveDecomposesBytes() throws {
        let a = SpectrumFixtures.termDocument(rows: 300, columns: 700, perRow: 12, seed: 39)
        let configuration = RandomizedSVD(rank: 24, powerIterations: 2, seed: 40)
        let factors = try configuration.rightFactors(of: a), full = try configuration.decompose(a)
        #expect(factors.singularValues.map(\.bitPattern) == full.singularValues.map(\.bitPattern))
        #expect(factors.vectors.elements.map(\.bitPattern) == full.rightSingularVectors.elements.map(\.bitPattern))
    }

    @Test func sameInputGivesSameBytesAlsoFromConcurrentCalls() throws {
        let a = SpectrumFixtures.termDocument(rows: 3_000, columns: 1_200, perRow: 20, seed: 41)
        let configuration = RandomizedSVD(rank: 40, powerIterations: 2, seed: 42)
        let alone = try configuration.rightFactors(of: a)
        let results = Mutex<[RightSingularFactors?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            let factors = try? configuration.rightFactors(of: a)
            results.withLock { $0[index] = factors }
        }
        for factors in results.withLock({ $0 }) {
            #expect(factors?.vectors.elements.map(\.bitPattern) == alone.vectors.elements.map(\.bitPattern))
            #expect(factors?.singularValues.map(\.bitPattern) == alone.singularValues.map(\.bitPattern))
        }
    }

    @Test func lowRankAndZeroMatricesGiveOrthonormalVectors() throws {
        let low = SpectrumFixtures.lowRank(rows: 90, columns: 40, rank: 3, seed: 43)
        let factors = try RandomizedSVD(rank: 8, seed: 44).rightFactors(of: low)
        #expect(factors.singularValues[3] <= 1e-3 * factors.singularValues[0])
        #expect(SpectrumFixtures.orthonormalityError(factors.vectors) < 1e-4)
        let norm = Matrix(low).elements.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
        #expect(SpectrumFixtures.projectionResidual(low, factors.vectors) <= 1e-4 * norm)
        let zero = CSRMatrix(rows: 30, columns: 20, entries: [])
        let none = try RandomizedSVD(rank: 5, seed: 45).rightFactors(of: zero)
        #expect(none.rank == 5 && none.singularValues.allSatisfy { $0 == 0 })
        #expect(SpectrumFixtures.orthonormalityError(none.vectors) < 1e-5)
    }

    @Test(arguments: [(0, 0), (0, 7), (7, 0)])
    func emptyMatricesGiveNoComponents(shape: (Int, Int)) throws {
        let factors = try RandomizedSVD(rank: 4).rightFactors(of: CSRMatrix(rows: shape.0, columns: shape.1, entries: []))
        #expect(factors.rank == 0 && factors.vectors == Matrix(rows: shape.1, columns: 0))
    }
}

@Suite("SeededRandomNumberGenerator")
struct SeededRandomNumberGeneratorTests {
    /// xoshiro256** seeded by SplitMix64(0): the reference implementation's
    /// first outputs (computed independently, see Scripts/bench/xoshiro.py).
    @Test func matchesTheReferenceSequence() {
        var generator = SeededRandomNumberGenerator(seed: 0)
        let words = (0..<4).map { _ in generator.next() }
        #expect(words == SeededRandomNumberGeneratorTests.referenceWords)
    }

    static let referenceWords: [UInt64] = [
        0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C,
    ]

    @Test func sameSeedSameSequenceDifferentStreamsDiffer() {
        var a = SeededRandomNumberGenerator(seed: 5), b = SeededRandomNumberGenerator(seed: 5)
        #expect((0..<100).map { _ in a.next() } == (0..<100).map { _ in b.next() })
        var s0 = SeededRandomNumberGenerator(seed: 5, stream: 0), s1 = SeededRandomNumberGenerator(seed: 5, stream: 1)
        #expect((0..<4).map { _ in s0.next() } != (0..<4).map { _ in s1.next() })
    }

    @Test func normalSamplesHaveUnitVariance() {
        var generator = SeededRandomNumberGenerator(seed: 6)
        let samples = (0..<200_000).map { _ in generator.nextStandardNormal() }
        let mean = samples.reduce(0, +) / Double(samples.count)
        let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(samples.count)
        let beyondTwo = Double(samples.filter { abs($0) > 2 }.count) / Double(samples.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.01)
        #expect(abs(beyondTwo - 0.0455) < 0.003)
    }

    @Test(arguments: [1e-300, 1e-10, 0.1, 0.5, 0.7071, 0.75, 0.999_999, 1, 1.5, 2, 10, 1e10, 1e300])
    func portableLogAgreesWithTheCLibrary(x: Double) {
        let value = PortableMath.log(x)
        let reference = log(x)
        #expect(abs(value - reference) <= 2 * max(abs(reference), 1) * Double.ulpOfOne)
    }
}

/// OpenBLAS's thread count is process-wide and changes a product's bits, so
/// the SVD must not run while the kernel has set it to one (`BLASThreading`).
struct RandomizedSVDConcurrencyTests {
    /// Without the exclusion, an SVD running while the kernel runs gets
    /// one or two BLAS threads depending on timing, and different bits.
    @Test func svdIsIdenticalWhileTheKernelRuns() throws {
        let matrix = SpectrumFixtures.termDocument(rows: 1_500, columns: 1_200, perRow: 16, seed: 21)
        let svd = RandomizedSVD(rank: 32, powerIterations: 2, seed: 3)
        let alone = try svd.decompose(matrix)
        var random = SeededRandom(seed: 5)
        let a = randomSide(&random, count: 300, d: 32, f: 8), b = randomSide(&random, count: 600, d: 32, f: 8)
        let kernel = PairScoringKernel(k: 5, rowTile: 64, columnTile: 64, workers: 2, threading: .perWorkerTiles)
        let stop = StopFlag()
        let kernelDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            while !stop.value.load(ordering: .relaxed) { _ = kernel.rank(.bipartite(a: a, b: b)) }
            kernelDone.signal()
        }
        for _ in 0..<4 {
            let concurrent = try svd.decompose(matrix)
            let differing = zip(concurrent.leftSingularVectors.elements, alone.leftSingularVectors.elements)
                .filter { $0.bitPattern != $1.bitPattern }.count
            #expect(differing == 0, "\(differing) entries of U differ from the SVD run alone")
            #expect(concurrent.singularValues.map(\.bitPattern) == alone.singularValues.map(\.bitPattern))
        }
        stop.value.store(true, ordering: .relaxed)
        kernelDone.wait()
    }
}

/// Tells a background loop to stop.
private final class StopFlag: Sendable {
    let value = Atomic(false)
}
