import Testing
@testable import MatchCore

/// The C combine-and-flag variants (portable, AVX2, AVX-512 — those this
/// processor runs) against the Swift expression, bit for bit: the kernel's
/// slow path and seeding compute scores in Swift and must agree exactly.
struct RowFlaggerTests {
    /// Cosines with the awkward values mixed in: zeros of both signs,
    /// negatives, equal pairs, NaN.
    static func cosines(_ random: inout SeededRandom, count: Int) -> [Float] {
        (0..<count).map { _ in
            switch random.next() % 10 {
            case 0: return 0
            case 1: return -0.0
            case 2: return .nan
            case 3: return -random.signedUnit().magnitude
            default: return random.signedUnit()
            }
        }
    }

    @Test("every variant scores and flags exactly as Swift", arguments: ReciprocalMean.allCases)
    func variantsMatchSwift(mean: ReciprocalMean) {
        var random = SeededRandom(seed: 31 + UInt64(mean.rawValue + 1))
        let weight: Float = 0.55
        for round in 0..<300 {
            let n = Int(random.next() % 140) + 1
            let start = Int(random.next() % UInt64(n))
            let c1 = Self.cosines(&random, count: n), c2 = Self.cosines(&random, count: n)
            // Equal cosines make the harmonic mean's rounding visible.
            let c2Equal = round % 4 == 0 ? c1 : c2
            let linear: [Float]? = round % 3 == 0 ? nil : (0..<n).map { _ in random.signedUnit() * 0.3 }
            let columnThreshold: [Float] = (0..<n).map { _ in
                random.next() % 5 == 0 ? -.infinity : random.signedUnit() * 0.6
            }
            let rowThreshold: Float = round % 7 == 0 ? .infinity : random.signedUnit() * 0.6
            // The Swift expression of the kernel: weight · mean + linear (no addition without a linear block).
            let expectedScores = (0..<n).map { j in
                linear.map { weight * mean(c1[j], c2Equal[j]) + $0[j] } ?? weight * mean(c1[j], c2Equal[j])
            }
            for flagger in RowFlagger.supported {
                var scores = [Float](repeating: 7, count: n)
                var bits = [UInt64](repeating: .max, count: n / 64 + 1)
                let any = Self.run(flagger, mean: mean, weight: weight, c1: c1, c2: c2Equal, linear: linear,
                                   columnThreshold: columnThreshold, rowThreshold: rowThreshold, start: start,
                                   scores: &scores, bits: &bits)
                var expectedAny = false
                for j in 0..<n where j >= start {
                    let expected = expectedScores[j]
                    let same = scores[j].bitPattern == expected.bitPattern || (scores[j].isNaN && expected.isNaN)
                    #expect(same, "\(flagger) round \(round) column \(j): \(scores[j]) vs \(expected)")
                    let flag = expected >= rowThreshold || expected >= columnThreshold[j]
                    expectedAny = expectedAny || flag
                    #expect((bits[j / 64] >> UInt64(j % 64)) & 1 == (flag ? 1 : 0), "\(flagger) round \(round) bit \(j)")
                }
                for j in (start / 64 * 64)..<start {
                    #expect((bits[j / 64] >> UInt64(j % 64)) & 1 == 0, "\(flagger): bit \(j) before start is set")
                }
                #expect(any == expectedAny, "\(flagger) round \(round)")
            }
        }
    }

    /// Runs one variant over whole arrays.
    static func run(_ flagger: RowFlagger, mean: ReciprocalMean, weight: Float, c1: [Float], c2: [Float],
                    linear: [Float]?, columnThreshold: [Float], rowThreshold: Float, start: Int,
                    scores: inout [Float], bits: inout [UInt64]) -> Bool {
        let n = c1.count
        let linearCopy = linear ?? []
        return c1.withUnsafeBufferPointer { x in
            c2.withUnsafeBufferPointer { y in
                columnThreshold.withUnsafeBufferPointer { t in
                    linearCopy.withUnsafeBufferPointer { l in
                        scores.withUnsafeMutableBufferPointer { s in
                            bits.withUnsafeMutableBufferPointer { b in
                                flagger.flag(mean: mean, weight: weight, c1: x.baseAddress!, c2: y.baseAddress!,
                                             linear: linear == nil ? nil : l.baseAddress, columnThreshold: t.baseAddress!,
                                             rowThreshold: rowThreshold, start: start, end: n,
                                             scores: s.baseAddress!, bits: b.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
    }

    @Test func kernelResultsDoNotDependOnTheVariant() {
        var random = SeededRandom(seed: 5150)
        let a = randomSide(&random, count: 120, d: 16, f: 4)
        let b = randomSide(&random, count: 170, d: 16, f: 4)
        for mean in ReciprocalMean.allCases {
            var kernel = PairScoringKernel(k: 6, mean: mean, reciprocityWeight: 0.8, rowTile: 32, columnTile: 72, workers: 2)
            kernel.rowFlagger = .portable
            let reference = kernel.rank(.bipartite(a: a, b: b))
            let openReference = kernel.rank(.open(b))
            for flagger in RowFlagger.supported {
                kernel.rowFlagger = flagger
                #expect(kernel.rank(.bipartite(a: a, b: b)) == reference, "\(flagger), \(mean)")
                #expect(kernel.rank(.open(b)) == openReference, "\(flagger), \(mean), open")
            }
        }
    }

    @Test func thisProcessorGetsItsWidestVariant() {
        let flags = Set(CPUFeatures.current().flags)
        #expect(RowFlagger.supported.first == .portable)
        #if arch(x86_64)
        #expect(RowFlagger.supported.contains(.avx2) == flags.contains("avx2"))
        #expect(RowFlagger.supported.contains(.avx512) == flags.contains("avx512f"))
        #endif
    }
}
