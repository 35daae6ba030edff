import Foundation
@testable import MatchCore
import Testing

/// The plain-Swift Cholesky factor and triangular inverse used under OpenBLAS
/// kernels whose triangular solve faults, checked against their definitions
/// in `Double` on random symmetric positive definite matrices, and against
/// LAPACK where the loaded kernel is trusted.
struct PortableTriangularTests {
    /// G = XᵀX + εI for a random X (row-major, n × n), in Float.
    static func gram(order n: Int, seed: UInt64) -> [Float] {
        var generator = SeededRandomNumberGenerator(seed: seed)
        let rows = n + 3
        let x = (0..<(rows * n)).map { _ in Double.random(in: -1...1, using: &generator) }
        var g = [Float](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var sum = i == j ? 1e-3 : 0
                for r in 0..<rows { sum += x[r * n + i] * x[r * n + j] }
                g[i * n + j] = Float(sum)
            }
        }
        return g
    }

    @Test(arguments: [1, 2, 3, 7, 16, 35, 137])
    func choleskyFactorReproducesTheMatrix(order n: Int) throws {
        let g = Self.gram(order: n, seed: UInt64(n))
        var r = g
        // A marker in the strict lower triangle shows it is not referenced.
        for i in 0..<n { for j in 0..<i { r[i * n + j] = 42 } }
        let succeeded = r.withUnsafeMutableBufferPointer { PortableTriangular.choleskyFactorUpper($0.baseAddress!, order: n) }
        #expect(succeeded)
        var worst = 0.0, scale = 0.0
        for i in 0..<n {
            #expect(r[i * n + i] > 0)
            for j in 0..<i { #expect(r[i * n + j] == 42) }
            for j in i..<n {
                var sum = 0.0
                for k in 0...i { sum += Double(r[k * n + i]) * Double(r[k * n + j]) }  // (RᵀR)[i][j], R upper
                worst = max(worst, abs(sum - Double(g[i * n + j])))
                scale = max(scale, abs(Double(g[i * n + j])))
            }
        }
        #expect(worst <= 1e-5 * scale, "max |RᵀR − G| \(worst) against max |G| \(scale)")
    }

    @Test(arguments: [1, 2, 5, 16, 35, 137])
    func triangularInverseIsTheInverse(order n: Int) throws {
        var r = Self.gram(order: n, seed: 100 + UInt64(n))
        _ = r.withUnsafeMutableBufferPointer { PortableTriangular.choleskyFactorUpper($0.baseAddress!, order: n) }
        for i in 0..<n { for j in 0..<i { r[i * n + j] = 0 } }
        var x = r
        try x.withUnsafeMutableBufferPointer { try PortableTriangular.invertUpperTriangular($0.baseAddress!, order: n) }
        var worst = 0.0
        for i in 0..<n {
            for j in 0..<n {
                var sum = 0.0
                for k in 0..<n where k >= i && j >= k { sum += Double(r[i * n + k]) * Double(x[k * n + j]) }
                worst = max(worst, abs(sum - (i == j ? 1 : 0)))
            }
        }
        #expect(worst <= 1e-4, "max |R·R⁻¹ − I| \(worst)")
    }

    @Test func anIndefiniteMatrixIsRefusedAndLeftAsItWas() {
        let g: [Float] = [1, 2, 0, 2, 1, 0, 0, 0, 1]  // leading 2 × 2 minor −3
        var copy = g
        let succeeded = copy.withUnsafeMutableBufferPointer { PortableTriangular.choleskyFactorUpper($0.baseAddress!, order: 3) }
        #expect(!succeeded)
        #expect(copy == g)
    }

    @Test func aZeroOnTheDiagonalIsReportedAsLAPACKDoes() {
        var r: [Float] = [2, 1, 1, 0, 0, 3, 0, 0, 4]  // R[1][1] = 0
        let before = r
        #expect(throws: LinearAlgebraError(routine: "strtri", info: 2)) {
            try r.withUnsafeMutableBufferPointer { try PortableTriangular.invertUpperTriangular($0.baseAddress!, order: 3) }
        }
        #expect(r == before)
    }

    /// Where the loaded kernel is trusted, LAPACK answers and the portable routines agree with it.
    @Test func theyAgreeWithLAPACK() throws {
        guard !OpenBLASRuntime.triangularSolveIsUnsafe else { return }
        let n = 35
        let g = Self.gram(order: n, seed: 7)
        var lapack = g, portable = g
        let a = try lapack.withUnsafeMutableBufferPointer { try LinearAlgebra.choleskyFactorUpper($0.baseAddress!, order: n) }
        let b = portable.withUnsafeMutableBufferPointer { PortableTriangular.choleskyFactorUpper($0.baseAddress!, order: n) }
        #expect(a && b)
        for i in 0..<n { for j in i..<n { #expect(abs(lapack[i * n + j] - portable[i * n + j]) <= 1e-4) } }
    }
}
