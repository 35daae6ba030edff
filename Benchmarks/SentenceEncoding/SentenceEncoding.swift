// The sentence encoder (all-MiniLM-L6-v2 by default) on 2,000 business
// profiles: throughput and peak memory. Scripts/bench/compare_encoder.sh
// runs it beside sentence-transformers on the same texts.
//
//   cd Benchmarks && OPENBLAS_CORETYPE=$(../.build/debug/missionmatch doctor --coretype) swift package benchmark --target SentenceEncoding
//
// The model is not in the repository: the benchmark looks for it in
// $MISSIONMATCH_ENCODER, else ~/.cache/missionmatch/encoders/all-MiniLM-L6-v2
// (bash Scripts/fetch-encoder.sh), and skips, saying so, when neither holds
// a model.
//
// The token ids: $MISSIONMATCH_ENCODER_IDS, a JSON file {"ids": [[101, …, 102], …]}
// written by Scripts/bench/compare_encoder.py (sentence-transformers' own
// tokenization of its generated texts); without it, 2,000 sequences drawn from
// a fixed seed with the same length spread (40 … 66 tokens, mean ≈ 53, as the
// generated texts) — the encoder's cost depends on the lengths only.
//
// Environment:
//   MISSIONMATCH_ENCODER_WORKERS=n     worker threads (default: the active processor count)
//   MISSIONMATCH_ENCODER_ITERATIONS=n  measured encodings of all texts (default 5)
//   MISSIONMATCH_ENCODER_WARMUP=n      encodings before those (default 1)
//   MISSIONMATCH_ENCODER_REPORT=1      print `swift_docs_per_second=…` per encoding to
//                                      standard error (compare_encoder.sh reads it)

import Benchmark
import Foundation
import MatchCore
import SentenceEncoder

enum EncoderBenchmark {
    static let environment = ProcessInfo.processInfo.environment

    static let folder: URL = {
        if let path = environment["MISSIONMATCH_ENCODER"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: NSHomeDirectory()).appending(path: ".cache/missionmatch/encoders/all-MiniLM-L6-v2")
    }()

    static var available: Bool {
        FileManager.default.fileExists(atPath: folder.appending(path: "model.safetensors").path)
    }

    static let workers = environment["MISSIONMATCH_ENCODER_WORKERS"].flatMap(Int.init) ?? DenseProducts.activeProcessorCount
    static let iterations = environment["MISSIONMATCH_ENCODER_ITERATIONS"].flatMap(Int.init) ?? 5
    static let warmup = environment["MISSIONMATCH_ENCODER_WARMUP"].flatMap(Int.init) ?? 1
    static let report = environment["MISSIONMATCH_ENCODER_REPORT"] != nil

    /// The model the throughput benchmark shares between its iterations.
    static let model = load()

    static func load() -> SentenceTransformerModel {
        do {
            return try SentenceTransformerModel(folder: folder)
        } catch {
            fatalError("SentenceEncoding: the model at \(folder.path) does not load: \(error)")
        }
    }

    /// The token ids (see the header).
    static let sequences: [[Int32]] = {
        if let path = environment["MISSIONMATCH_ENCODER_IDS"] {
            struct File: Decodable { var ids: [[Int32]] }
            do {
                return try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path))).ids
            } catch {
                fatalError("SentenceEncoding: cannot read the token ids in \(path): \(error)")
            }
        }
        var generator = SeededRandomNumberGenerator(seed: 2_026)
        return (0..<2_000).map { _ in
            let length = Int.random(in: 40...66, using: &generator)
            return [101] + (0..<(length - 2)).map { _ in Int32.random(in: 1_000..<30_000, using: &generator) } + [102]
        }
    }()

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

let documentsPerSecond = BenchmarkMetric.custom("documents/s", polarity: .prefersLarger, useScalingFactor: false)
let tokensPerSecond = BenchmarkMetric.custom("tokens/s", polarity: .prefersLarger, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    guard EncoderBenchmark.available else {
        FileHandle.standardError.write(Data("""
            SentenceEncoding: skipped — no sentence-encoder model at \(EncoderBenchmark.folder.path). \
            Run `bash Scripts/fetch-encoder.sh` (or set MISSIONMATCH_ENCODER to a model folder).

            """.utf8))
        return
    }
    let count = EncoderBenchmark.sequences.count
    let workers = EncoderBenchmark.workers
    let label = "\(count) texts, \(workers) workers"

    Benchmark("Encode \(label)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident, documentsPerSecond, tokensPerSecond],
                                   timeUnits: .milliseconds,
                                   warmupIterations: EncoderBenchmark.warmup,
                                   maxDuration: .seconds(600),
                                   maxIterations: EncoderBenchmark.iterations)) { benchmark in
        let model = EncoderBenchmark.model
        let sequences = EncoderBenchmark.sequences
        let tokens = sequences.reduce(0) { $0 + $1.count }
        benchmark.startMeasurement()
        let start = ContinuousClock.now
        let embeddings = model.embed(tokenSequences: sequences, workers: workers)
        let elapsed = EncoderBenchmark.seconds(ContinuousClock.now - start)
        benchmark.stopMeasurement()
        blackHole(embeddings)
        benchmark.measurement(documentsPerSecond, Int((Double(count) / elapsed).rounded()))
        benchmark.measurement(tokensPerSecond, Int((Double(tokens) / elapsed).rounded()))
        if EncoderBenchmark.report {
            let line = String(format: "swift_docs_per_second=%.2f seconds=%.3f tokens_per_doc=%.1f workers=%d\n",
                              Double(count) / elapsed, elapsed, Double(tokens) / Double(count), workers)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    // What a caller pays in memory: a fresh model and 1,000 texts. Peak
    // resident memory is that of the whole process (run it alone, e.g.
    // under /usr/bin/time -v, for the figure of a process doing only this).
    Benchmark("Load and encode 1,000 texts, \(workers) workers",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident],
                                   timeUnits: .milliseconds,
                                   warmupIterations: 0,
                                   maxIterations: 1)) { _ in
        let model = EncoderBenchmark.load()
        blackHole(model.embed(tokenSequences: Array(EncoderBenchmark.sequences.prefix(1_000)), workers: workers))
    }
}
