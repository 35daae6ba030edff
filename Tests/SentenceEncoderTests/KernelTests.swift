import CSentenceKernels
import Foundation
import MatchCore
@testable import SentenceEncoder
import Testing

/// The C matrix product and the vector kernels.
@Suite struct KernelTests {
    /// Random values in [-1, 1].
    static func random(_ count: Int, _ generator: inout SeededRandomNumberGenerator) -> [Float] {
        (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
    }

    /// Runs `body` with the portable variant forced on this thread, then restores the best one.
    static func portable<R>(_ body: () -> R) -> R {
        sk_force_portable(1)
        defer { sk_force_portable(0) }
        return body()
    }

    @Test(arguments: [(45, 21), (16, 16), (33, 400), (100, 700), (384, 384), (64, 800)])
    func productIsPositionIndependentAndMatchesThePortableVariant(_ n: Int, _ k: Int) {
        var generator = SeededRandomNumberGenerator(seed: UInt64(n * 1000 + k))
        let total = 130
        let a = Self.random(total * k, &generator), w = Self.random(n * k, &generator)
        let initial = Self.random(total * n, &generator), bias = Self.random(n, &generator)
        var packed = [Float](repeating: .nan, count: sk_packed_count(Int32(n), Int32(k)))
        sk_pack_transposed(w, Int32(n), Int32(k), Int32(k), &packed)
        var workspace = [Float](repeating: 0, count: sk_linear_workspace_count())
        func product(_ rows: Range<Int>, start: Int = SK_INIT_OUTPUT, activation: Int = SK_ACTIVATION_NONE) -> [Float] {
            var c = Array(initial[(rows.lowerBound * n)..<(rows.upperBound * n)])
            a.withUnsafeBufferPointer { a in
                sk_linear(Int32(rows.count), Int32(n), Int32(k), a.baseAddress! + rows.lowerBound * k, Int32(k), packed,
                          bias, Int32(start), Int32(activation), &c, Int32(n), &workspace)
            }
            return c
        }
        for (start, activation) in [(SK_INIT_OUTPUT, SK_ACTIVATION_NONE), (SK_INIT_BIAS, SK_ACTIVATION_GELU),
                                    (SK_INIT_OUTPUT_PLUS_BIAS, SK_ACTIVATION_NONE), (SK_INIT_ZERO, SK_ACTIVATION_GELU_TANH)] {
            let full = product(0..<total, start: start, activation: activation)
            #expect(full == Self.portable { product(0..<total, start: start, activation: activation) }, "start \(start)")
            for (first, count) in [(0, 1), (1, 5), (7, 6), (13, 50), (100, 30), (3, 127)] {
                #expect(product(first..<(first + count), start: start, activation: activation)
                        == Array(full[(first * n)..<((first + count) * n)]), "rows \(first)..<\(first + count), start \(start)")
            }
        }
        // Against Double: (C + bias) + A·Wᵀ.
        let full = product(0..<total, start: SK_INIT_OUTPUT_PLUS_BIAS)
        var worst = 0.0
        for i in [0, 77, 129] {
            for j in 0..<n {
                var sum = Double(initial[i * n + j]) + Double(bias[j])
                for kk in 0..<k { sum += Double(a[i * k + kk]) * Double(w[j * k + kk]) }
                worst = max(worst, abs(sum - Double(full[i * n + j])))
            }
        }
        #expect(worst <= 1e-6 * Double(k), "max |Δ| \(worst)")
    }

    @Test func packingUntransposedMatchesTransposed() {
        var generator = SeededRandomNumberGenerator(seed: 5)
        let (n, k) = (37, 19)
        let w = Self.random(n * k, &generator)
        var transposed = [Float](repeating: 0, count: n * k)
        for j in 0..<n { for kk in 0..<k { transposed[kk * n + j] = w[j * k + kk] } }
        var a = [Float](repeating: .nan, count: sk_packed_count(Int32(n), Int32(k)))
        var b = [Float](repeating: .nan, count: a.count)
        sk_pack_transposed(w, Int32(n), Int32(k), Int32(k), &a)
        sk_pack(transposed, Int32(k), Int32(n), Int32(n), &b)
        #expect(a == b)
        #expect(sk_packed_count(Int32(n), Int32(k)) == 48 * 19)
    }

    /// `function` (0 exp, 1 erf, 2 tanh, 3 GELU, 4 GELU tanh) of `values`, best and portable variants.
    static func map(_ function: Int32, _ values: [Float]) -> (best: [Float], portable: [Float]) {
        var best = values, portable = values
        sk_map(function, &best, Int32(values.count))
        Self.portable { sk_map(function, &portable, Int32(values.count)) }
        return (best, portable)
    }

    @Test func erfExpTanhAndGELUAreAccurate() {
        let grid = stride(from: Float(-12), through: 12, by: 0.000_37).map { $0 }
        let exps = stride(from: Float(-70), through: 88, by: 0.001_3).map { $0 }
        var worst = [Double](repeating: 0, count: 5)
        let exact: [(Double) -> Double] = [
            Foundation.exp, Foundation.erf, Foundation.tanh,
            { 0.5 * $0 * (1 + Foundation.erf($0 / 2.0.squareRoot())) },
            { 0.5 * $0 * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * ($0 + 0.044715 * $0 * $0 * $0))) },
        ]
        for function in 0..<5 {
            let inputs = function == 0 ? exps : grid
            let (best, portable) = Self.map(Int32(function), inputs)
            #expect(best == portable, "function \(function): the variants differ")
            for (x, y) in zip(inputs, best) {
                let e = exact[function](Double(x))
                // exp: relative error; GELU: error relative to max(1, |x|); erf, tanh: absolute.
                let scale = function == 0 ? e : (function >= 3 ? max(1, abs(Double(x))) : 1)
                worst[function] = max(worst[function], abs(Double(y) - e) / scale)
            }
        }
        #expect(worst[0] <= 3e-7, "exp: max relative Δ \(worst[0])")
        #expect(worst[1] <= 1.5e-7, "erf: max |Δ| \(worst[1])")
        #expect(worst[2] <= 2e-7, "tanh: max |Δ| \(worst[2])")
        #expect(worst[3] <= 2e-7, "GELU: max |Δ| / max(1, |x|) \(worst[3])")
        #expect(worst[4] <= 2e-7, "GELU tanh: max |Δ| / max(1, |x|) \(worst[4])")
        let extremes = Self.map(0, [-1000, 1000, -.infinity, .infinity, -80])
        #expect(extremes.best.allSatisfy { $0.isFinite && $0 >= 0 })
        #expect(extremes.best[0] == extremes.best[4] && extremes.best[0].isNormal)  // clamped at e^-70, never subnormal
    }

    @Test func softmaxAndLayerNormOnOddWidths() {
        var generator = SeededRandomNumberGenerator(seed: 9)
        for n in [1, 5, 8, 16, 17, 53, 64, 385] {
            let row = Self.random(n, &generator).map { $0 * 30 }
            let scale: Float = 0.17
            let expected: [Double] = {
                let m = row.map { Double($0 * scale) }.max()!
                let e = row.map { Foundation.exp(Double($0) * Double(scale) - m) }
                let s = e.reduce(0, +)
                return e.map { $0 / s }
            }()
            var best = row, portable = row
            sk_softmax(&best, 1, Int32(n), Int32(n), scale)
            Self.portable { sk_softmax(&portable, 1, Int32(n), Int32(n), scale) }
            #expect(best == portable, "softmax n=\(n): the variants differ")
            #expect(zip(best, expected).allSatisfy { abs(Double($0) - $1) <= 1e-6 }, "softmax n=\(n)")

            let values = Self.random(n, &generator)
            let gamma = Self.random(n, &generator), beta = Self.random(n, &generator)
            let mean = values.reduce(0.0) { $0 + Double($1) } / Double(n)
            let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(n)
            let normalised = (0..<n).map { (Double(values[$0]) - mean) / (variance + 1e-12).squareRoot() * Double(gamma[$0]) + Double(beta[$0]) }
            var normBest = values, normPortable = values
            sk_layer_norm(&normBest, 1, Int32(n), gamma, beta, 1e-12)
            Self.portable { sk_layer_norm(&normPortable, 1, Int32(n), gamma, beta, 1e-12) }
            #expect(normBest == normPortable, "layer norm n=\(n): the variants differ")
            #expect(zip(normBest, normalised).allSatisfy { abs(Double($0) - $1) <= 2e-5 }, "layer norm n=\(n)")
        }
    }

    /// The whole forward pass gives the same bits with the portable variant.
    @Test func portableForwardPassMatches() throws {
        let bert = TinyBERT(seed: 40, hiddenSize: 48, headCount: 3, intermediateSize: 72)
        let folder = try bert.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try SentenceTransformerModel(folder: folder)
        let sequences = bert.randomSequences(6, lengths: 1...40, seed: 41)
        let best = model.embed(tokenSequences: sequences, workers: 1)
        #expect(sk_variant() == 2 || sk_variant() == 0)
        #expect(best == Self.portable { model.embed(tokenSequences: sequences, workers: 1) })  // one worker: this thread
    }
}
