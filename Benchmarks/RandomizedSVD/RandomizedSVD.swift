// The randomized truncated SVD of a TF-IDF-like sparse matrix (LSA), the
// step that turns term–document weights into latent vectors.
//
//   cd Benchmarks && OPENBLAS_CORETYPE=$(../.build/debug/missionmatch doctor --coretype) swift package benchmark --target RandomizedSVD
//   MISSIONMATCH_BENCH_SCALE=ci swift package benchmark --target RandomizedSVD
//
// Full size: 23,100 documents × 30,000 terms, ~0.3 % non-zeros (≈ 2.08 M),
// rank 256, oversampling 10, 4 power iterations. CI size: 3,000 × 4,000,
// rank 64. The matrix is generated once, outside the measured region.
//
// The engine's LSA (`RandomizedSVD.rightFactors`, Σ and V only, 2 power
// iterations) is measured on a matrix with more documents than terms, as a
// programme's is (`generate --consortium 3100 --counterparts 20000`: 46,200
// offer and need documents × 3,449 features, 593,663 non-zeros): full size
// 46,200 × 3,500, ~0.37 % non-zeros, rank 256; CI size 6,000 × 1,500, rank
// 64. `decompose` runs on the same matrix in the same run, for the ratio.
//
// Environment:
//   MISSIONMATCH_BENCH_SCALE=ci          the small size
//   MISSIONMATCH_SVD_POWER_ITERATIONS=n  q (default 4), e.g. 5 to match
//                                        scikit-learn's TruncatedSVD default
//   MISSIONMATCH_SVD_DUMP=path           also write the matrix to `path`
//                                        (format: Scripts/bench/README.md) so
//                                        that Scripts/bench/sklearn_svd.py
//                                        runs scikit-learn on the same matrix
//   MISSIONMATCH_SVD_REPORT=1            print the time, σ₁, σ_r and Σσ² of each
//                                        run to standard error (to compare
//                                        with scikit-learn: Scripts/bench)

import Benchmark
import Foundation
import MatchCore

/// The problem size, from `MISSIONMATCH_BENCH_SCALE` (`ci` or full).
struct SVDScale: Sendable {
    let documents: Int, terms: Int, density: Double, rank: Int, powerIterations: Int, iterations: Int
    var label: String {
        "\(documents)×\(terms) ~\(String(format: "%.1f", density * 100)) % nnz r\(rank) q\(powerIterations)"
    }

    static var current: SVDScale {
        let environment = ProcessInfo.processInfo.environment
        let q = environment["MISSIONMATCH_SVD_POWER_ITERATIONS"].flatMap(Int.init) ?? 4
        if environment["MISSIONMATCH_BENCH_SCALE"] == "ci" {
            return SVDScale(documents: 3_000, terms: 4_000, density: 0.006, rank: 64, powerIterations: q, iterations: 5)
        }
        return SVDScale(documents: 23_100, terms: 30_000, density: 0.003, rank: 256, powerIterations: q, iterations: 5)
    }

    /// The engine's shape: more documents than terms, 2 power iterations.
    static var tall: SVDScale {
        if ProcessInfo.processInfo.environment["MISSIONMATCH_BENCH_SCALE"] == "ci" {
            return SVDScale(documents: 6_000, terms: 1_500, density: 0.0087, rank: 64, powerIterations: 2, iterations: 5)
        }
        return SVDScale(documents: 46_200, terms: 3_500, density: 0.0037, rank: 256, powerIterations: 2, iterations: 7)
    }
}

/// A seeded TF-IDF-like matrix: each document draws tokens from a Zipfian
/// vocabulary (P(term j) ∝ 1/(j + 1)) until it holds its number of distinct
/// terms (uniform around `density × terms`); weights are (1 + ln tf) · idf
/// with scikit-learn's smooth idf, rows L2-normalised.
func makeTermDocumentMatrix(documents: Int, terms: Int, density: Double, seed: UInt64) -> CSRMatrix {
    var generator = SeededRandomNumberGenerator(seed: seed)
    var cumulative = [Double](repeating: 0, count: terms)
    var total = 0.0
    for j in 0..<terms {
        total += 1 / Double(j + 1)
        cumulative[j] = total
    }
    let meanDistinct = max(1, Int(density * Double(terms)))
    var counts = [Int32](repeating: 0, count: terms)
    var documentFrequency = [Int](repeating: 0, count: terms)
    var touched: [Int] = []
    var matrix = CSRMatrix(columns: terms)
    matrix.reserveCapacity(rows: documents, nonzeros: documents * meanDistinct)
    for _ in 0..<documents {
        let distinct = min(terms, Int.random(in: (meanDistinct / 2)...(meanDistinct * 3 / 2), using: &generator))
        touched.removeAll(keepingCapacity: true)
        while touched.count < distinct {
            let u = Double(generator.next() >> 11) * 0x1p-53 * total
            var low = 0, high = terms - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] <= u { low = mid + 1 } else { high = mid }
            }
            if counts[low] == 0 { touched.append(low) }
            counts[low] += 1
        }
        touched.sort()
        matrix.appendRow(touched.lazy.map { (column: $0, value: 1 + Float(log(Double(counts[$0])))) })
        for j in touched {
            documentFrequency[j] += 1
            counts[j] = 0
        }
    }
    let n = Double(documents)
    matrix.scaleColumns(by: documentFrequency.map { Float(log((1 + n) / (1 + Double($0))) + 1) })
    matrix.normalizeRows()
    return matrix
}

/// Writes `matrix` for Scripts/bench/sklearn_svd.py: the ASCII magic
/// "MMCSR001", then little-endian Int64 rows, columns, nnz, the Int64 row
/// offsets, the Int32 column indices and the Float32 values.
func dump(_ matrix: CSRMatrix, to path: String) throws {
    var data = Data("MMCSR001".utf8)
    func append<T>(_ values: [T]) { values.withUnsafeBytes { data.append(contentsOf: $0) } }
    append([Int64(matrix.rows), Int64(matrix.columns), Int64(matrix.nonzeroCount)].map(\.littleEndian))
    append(matrix.rowOffsets.map { Int64($0).littleEndian })
    append(matrix.columnIndices.map(\.littleEndian))
    append(matrix.values.map { $0.bitPattern.littleEndian })
    try data.write(to: URL(fileURLWithPath: path))
}

/// CPU time of the whole process (all threads), in seconds.
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

/// The matrix, generated on first use (in the benchmark's setup).
let termDocument: CSRMatrix = {
    let scale = SVDScale.current
    let matrix = makeTermDocumentMatrix(documents: scale.documents, terms: scale.terms, density: scale.density, seed: 2_025)
    if let path = ProcessInfo.processInfo.environment["MISSIONMATCH_SVD_DUMP"] {
        do { try dump(matrix, to: path) } catch { FileHandle.standardError.write(Data("dump to \(path) failed: \(error)\n".utf8)) }
    }
    return matrix
}()

/// The tall matrix of the engine's shape, generated on first use.
let tallTermDocument: CSRMatrix = {
    let scale = SVDScale.tall
    return makeTermDocumentMatrix(documents: scale.documents, terms: scale.terms, density: scale.density, seed: 2_026)
}()

let nonzeros = BenchmarkMetric.custom("non-zeros (k)", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let scale = SVDScale.current
    let svd = RandomizedSVD(rank: scale.rank, oversampling: 10, powerIterations: scale.powerIterations, seed: 1)

    Benchmark("Randomized SVD \(scale.label)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal, nonzeros],
                                   timeUnits: .milliseconds,
                                   warmupIterations: 1,
                                   maxDuration: .seconds(120),
                                   maxIterations: scale.iterations)) { benchmark in
        let clock = ContinuousClock()
        let start = clock.now, startCPU = processCPUSeconds()
        benchmark.startMeasurement()
        let result = try svd.decompose(termDocument)
        benchmark.stopMeasurement()
        let elapsed = clock.now - start, cpu = processCPUSeconds() - startCPU
        blackHole(result)
        benchmark.measurement(nonzeros, termDocument.nonzeroCount / 1_000)
        if ProcessInfo.processInfo.environment["MISSIONMATCH_SVD_REPORT"] != nil, let last = result.singularValues.last {
            let energy = result.singularValues.reduce(0.0) { $0 + Double($1) * Double($1) }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            let line = String(format: "swift_seconds=%.3f (CPU %.3f s) sigma_1 %.5f, sigma_%d %.5f, sum sigma^2 %.4f\n",
                              seconds, cpu, result.singularValues[0], result.rank, last, energy)
            FileHandle.standardError.write(Data(line.utf8))
        }
    } setup: {
        blackHole(termDocument.nonzeroCount)
    }

    // The engine's LSA: Σ and V by iteration on the term side, against the whole decomposition.
    let tall = SVDScale.tall
    let lsa = RandomizedSVD(rank: tall.rank, oversampling: 10, powerIterations: tall.powerIterations, seed: 1)
    let tallConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 1,
        maxDuration: .seconds(120), maxIterations: tall.iterations)
    Benchmark("Right factors (Σ, V) \(tall.label)", configuration: tallConfiguration) { benchmark in
        benchmark.startMeasurement()
        blackHole(try lsa.rightFactors(of: tallTermDocument))
        benchmark.stopMeasurement()
    } setup: {
        blackHole(tallTermDocument.nonzeroCount)
    }
    Benchmark("Decompose (U, Σ, V) \(tall.label)", configuration: tallConfiguration) { benchmark in
        benchmark.startMeasurement()
        blackHole(try lsa.decompose(tallTermDocument))
        benchmark.stopMeasurement()
    } setup: {
        blackHole(tallTermDocument.nonzeroCount)
    }
}
