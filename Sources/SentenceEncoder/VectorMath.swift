// The forward pass's element-wise and row-wise kernels, on `SIMD16<Float>`:
// exp, erf, tanh, GELU, softmax, LayerNorm, bias and residual updates.
//
// Every function works on one row at a time, with the row's length fixed by
// the model (or by the sequence, for softmax), and a partial last vector is
// computed by the same vector code on a zero-padded copy. So an element's
// result depends only on its row, never on where the row sits in a batch.

typealias Vector = SIMD16<Float>
typealias VectorBits = SIMD16<UInt32>

enum VectorMath {
    // Swift's `pointwiseMin`/`pointwiseMax`/`clamped` on SIMD16<Float> compile
    // to a scalar loop through memory (Swift 6.3, x86-64); a compare and
    // `replacing(with:where:)` compile to cmpps and a blend.

    /// `x` clamped lane-wise to [lower, upper] (NaN stays NaN).
    @inline(__always)
    static func clamp(_ x: Vector, _ lower: Float, _ upper: Float) -> Vector {
        let low = x.replacing(with: lower, where: x .< lower)
        return low.replacing(with: upper, where: low .> upper)
    }

    /// The lane-wise maximum.
    @inline(__always)
    static func maximum(_ a: Vector, _ b: Vector) -> Vector {
        a.replacing(with: b, where: a .< b)
    }

    // MARK: - exp

    /// e^x, lane-wise, within ~2 ulp for x in [-87.3, 88.3] (Cephes' `expf`:
    /// Cody–Waite reduction by ln 2, a degree-5 polynomial on [-ln 2/2, ln 2/2],
    /// the power of two built in the exponent bits). Below -87.3 the result is
    /// e^-87.3 ≈ 1.2e-38 (never 0, never subnormal); above 88.3 it is e^88.3.
    @inline(__always)
    static func exp(_ input: Vector) -> Vector {
        let x = clamp(input, -87.3, 88.3)
        // Round x·log2(e) to the nearest integer n with the 1.5·2²³ trick (no
        // rounding instruction needed): the low bits of t hold n.
        let magic = Vector(repeating: 12_582_912)
        let t = x * 1.442_695_040_888_963_4 + magic
        let n = t - magic
        let r = x - n * 0.693_359_375 + n * 2.121_944_400_546_905_8e-4
        var p = Vector(repeating: 1.987_569_150_0e-4)
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let y = p * (r * r) + r + 1
        // 2ⁿ: (n + 127) << 23, n read from t's bits.
        let bits = unsafeBitCast(t, to: VectorBits.self) &- unsafeBitCast(magic, to: VectorBits.self)
        let exponent = (bits &+ 127) &<< 23
        return y * unsafeBitCast(exponent, to: Vector.self)
    }

    // MARK: - erf and GELU

    /// erf(x), lane-wise, within 1e-7 absolute of the exact value for every
    /// x (the rational approximation of Eigen/XLA: x·P(x²)/Q(x²) on [-4, 4],
    /// P of degree 6 and Q of degree 4 in x²; |erf(4)| = 1 − 1.5e-8).
    @inline(__always)
    static func erf(_ input: Vector) -> Vector {
        let x = clamp(input, -4, 4)
        let x2 = x * x
        var p = Vector(repeating: -2.726_142_258_013_06e-10)
        p = p * x2 + 2.770_681_424_959_02e-08
        p = p * x2 - 2.101_024_020_825_08e-06
        p = p * x2 - 5.692_506_394_623_46e-05
        p = p * x2 - 7.349_906_303_268_55e-04
        p = p * x2 - 2.954_599_808_540_25e-03
        p = p * x2 - 1.609_603_332_624_15e-02
        p = p * x
        var q = Vector(repeating: -1.456_607_184_649_96e-05)
        q = q * x2 - 2.133_740_552_789_05e-04
        q = q * x2 - 1.682_826_974_382_03e-03
        q = q * x2 - 7.373_329_167_204_68e-03
        q = q * x2 - 1.426_473_905_141_89e-02
        return p / q
    }

    /// tanh(x), lane-wise, as 1 − 2 / (e^{2x} + 1) with x clamped to
    /// [-9, 9] (where tanh is ±1 to within 3e-8): absolute error ~1e-7.
    @inline(__always)
    static func tanh(_ input: Vector) -> Vector {
        let x = clamp(input, -9, 9)
        return 1 - 2 / (exp(x + x) + 1)
    }

    /// GELU with the exact erf: x/2 · (1 + erf(x/√2)).
    @inline(__always)
    static func geluErf(_ x: Vector) -> Vector {
        let half = x * 0.5
        return half + half * erf(x * 0.707_106_781_186_547_6)
    }

    /// GELU's tanh form: x/2 · (1 + tanh(√(2/π) · (x + 0.044715 x³))).
    @inline(__always)
    static func geluTanh(_ x: Vector) -> Vector {
        let half = x * 0.5
        let inner = (x + 0.044_715 * x * x * x) * 0.797_884_560_802_865_4
        return half + half * tanh(inner)
    }

    // MARK: - Partial vectors

    /// The `count` (< 16) floats at `pointer`, zero-padded.
    @inline(__always)
    static func loadPartial(_ pointer: UnsafePointer<Float>, count: Int) -> Vector {
        var v = Vector()
        for i in 0..<count { v[i] = pointer[i] }
        return v
    }

    /// Stores the first `count` (< 16) lanes of `v` at `pointer`.
    @inline(__always)
    static func storePartial(_ v: Vector, _ pointer: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { pointer[i] = v[i] }
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    static func store(_ v: Vector, _ pointer: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: v, as: Vector.self)
    }

    // MARK: - Row kernels

    /// `row[j] ← f(row[j] + bias[j])` for j < n.
    @inline(__always)
    static func biasMap(_ row: UnsafeMutablePointer<Float>, bias: UnsafePointer<Float>, count n: Int,
                        _ f: (Vector) -> Vector) {
        var j = 0
        while j + 16 <= n {
            store(f(load(row + j) + load(bias + j)), row + j)
            j += 16
        }
        if j < n {
            let rest = n - j
            storePartial(f(loadPartial(row + j, count: rest) + loadPartial(bias + j, count: rest)), row + j, count: rest)
        }
    }

    /// `row[j] ← f(row[j])` for j < n.
    @inline(__always)
    static func map(_ row: UnsafeMutablePointer<Float>, count n: Int, _ f: (Vector) -> Vector) {
        var j = 0
        while j + 16 <= n {
            store(f(load(row + j)), row + j)
            j += 16
        }
        if j < n { storePartial(f(loadPartial(row + j, count: n - j)), row + j, count: n - j) }
    }

    /// GELU (`activation`) of `rows × n` values, in place.
    static func gelu(_ data: UnsafeMutablePointer<Float>, rows: Int, columns n: Int,
                     activation: BERTConfiguration.Activation) {
        switch activation {
        case .gelu:
            for i in 0..<rows { map(data + i * n, count: n, geluErf) }
        case .geluTanh:
            for i in 0..<rows { map(data + i * n, count: n, geluTanh) }
        }
    }

    /// Copies `bias` into each of `rows` rows of width `n` (so that a GEMM
    /// with β = 1 adds the product to it).
    static func fillRows(_ data: UnsafeMutablePointer<Float>, rows: Int, columns n: Int, with bias: UnsafePointer<Float>) {
        for i in 0..<rows { (data + i * n).update(from: bias, count: n) }
    }

    /// `row ← row + bias` for each of `rows` rows of width `n`.
    static func addRows(_ data: UnsafeMutablePointer<Float>, rows: Int, columns n: Int, bias: UnsafePointer<Float>) {
        for i in 0..<rows { biasMap(data + i * n, bias: bias, count: n) { $0 } }
    }

    /// LayerNorm of each of `rows` rows of width `n`, in place:
    /// `(x − mean) / √(var + ε) · γ + β`, with the biased variance, as PyTorch.
    static func layerNorm(_ data: UnsafeMutablePointer<Float>, rows: Int, columns n: Int,
                          gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, epsilon: Float) {
        let vectorEnd = n & ~15
        let rest = n - vectorEnd
        for i in 0..<rows {
            let row = data + i * n
            var sum = Vector()
            var j = 0
            while j < vectorEnd {
                sum += load(row + j)
                j += 16
            }
            if rest > 0 { sum += loadPartial(row + j, count: rest) }
            let mean = sum.sum() / Float(n)
            let meanVector = Vector(repeating: mean)
            var squares = Vector()
            j = 0
            while j < vectorEnd {
                let d = load(row + j) - meanVector
                squares += d * d
                j += 16
            }
            if rest > 0 {
                var d = loadPartial(row + j, count: rest) - meanVector
                for lane in rest..<16 { d[lane] = 0 }
                squares += d * d
            }
            let variance = squares.sum() / Float(n)
            let scale = Vector(repeating: 1 / (variance + epsilon).squareRoot())
            j = 0
            while j < vectorEnd {
                store((load(row + j) - meanVector) * scale * load(gamma + j) + load(beta + j), row + j)
                j += 16
            }
            if rest > 0 {
                let v = (loadPartial(row + j, count: rest) - meanVector) * scale * loadPartial(gamma + j, count: rest)
                    + loadPartial(beta + j, count: rest)
                storePartial(v, row + j, count: rest)
            }
        }
    }

    /// Softmax of each of `rows` rows of width `n` (row stride `stride`), in place.
    static func softmax(_ data: UnsafeMutablePointer<Float>, rows: Int, columns n: Int, stride: Int) {
        let vectorEnd = n & ~15
        let rest = n - vectorEnd
        for i in 0..<rows {
            let row = data + i * stride
            var maximum = Vector(repeating: -.infinity)
            var j = 0
            while j < vectorEnd {
                maximum = VectorMath.maximum(maximum, load(row + j))
                j += 16
            }
            var largest = maximum.max()
            while j < n {
                largest = Swift.max(largest, row[j])
                j += 1
            }
            let shift = Vector(repeating: largest)
            var sum = Vector()
            j = 0
            while j < vectorEnd {
                let e = exp(load(row + j) - shift)
                store(e, row + j)
                sum += e
                j += 16
            }
            if rest > 0 {
                var e = exp(loadPartial(row + j, count: rest) - shift)
                for lane in rest..<16 { e[lane] = 0 }
                storePartial(e, row + j, count: rest)
                sum += e
            }
            let scale = Vector(repeating: 1 / sum.sum())
            j = 0
            while j < vectorEnd {
                store(load(row + j) * scale, row + j)
                j += 16
            }
            if rest > 0 { storePartial(loadPartial(row + j, count: rest) * scale, row + j, count: rest) }
        }
    }
}
