import Foundation
import MatchCore
@testable import SentenceEncoder
import Testing

/// How a test writes a tensor's values.
enum TensorEncoding: String, CaseIterable, Sendable {
    case f32 = "F32", f16 = "F16", bf16 = "BF16"

    /// `values` as little-endian bytes of this type (exact for the values
    /// ``TinyBERT`` draws, which all three types represent).
    func bytes(_ values: [Float]) -> [UInt8] {
        var out: [UInt8] = []
        switch self {
        case .f32:
            for v in values { withUnsafeBytes(of: v.bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        case .f16:
            for v in values { withUnsafeBytes(of: Float16(v).bitPattern.littleEndian) { out.append(contentsOf: $0) } }
        case .bf16:
            for v in values { withUnsafeBytes(of: UInt16(truncatingIfNeeded: v.bitPattern >> 16).littleEndian) { out.append(contentsOf: $0) } }
        }
        return out
    }
}

/// A safetensors file built entry by entry, to write valid and hostile files.
struct SafeTensorsWriter {
    struct Entry {
        var name: String
        var dtype: String
        var shape: [Int]
        var bytes: [UInt8]
        /// Offsets to write instead of the computed ones (hostile files).
        var offsets: [Int]? = nil
    }

    var entries: [Entry] = []
    var metadata: [String: String]? = ["format": "pt"]

    mutating func add(_ name: String, shape: [Int], values: [Float], as encoding: TensorEncoding = .f32) {
        entries.append(Entry(name: name, dtype: encoding.rawValue, shape: shape, bytes: encoding.bytes(values)))
    }

    /// The header JSON (offsets follow the entries' order) and the data.
    func parts() -> (header: String, data: [UInt8]) {
        var fields: [String] = []
        if let metadata {
            let pairs = metadata.sorted { $0.key < $1.key }.map { "\"\($0.key)\":\"\($0.value)\"" }
            fields.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        var data: [UInt8] = []
        for entry in entries {
            let begin = data.count
            data += entry.bytes
            let offsets = entry.offsets ?? [begin, data.count]
            fields.append("\"\(entry.name)\":{\"dtype\":\"\(entry.dtype)\",\"shape\":\(entry.shape),\"data_offsets\":\(offsets)}")
        }
        return ("{" + fields.joined(separator: ",") + "}", data)
    }

    /// The file: header length, header padded with spaces to 8 bytes, data.
    func fileBytes() -> [UInt8] {
        let (header, data) = parts()
        return Self.file(header: header, data: data)
    }

    static func file(header: String, data: [UInt8], declaredLength: UInt64? = nil) -> [UInt8] {
        var headerBytes = Array(header.utf8)
        while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }
        var out: [UInt8] = []
        withUnsafeBytes(of: (declaredLength ?? UInt64(headerBytes.count)).littleEndian) { out.append(contentsOf: $0) }
        return out + headerBytes + data
    }
}

/// A small random BERT with a naive reference forward pass (Double, plain
/// loops, no BLAS), written to disk as a sentence-transformers folder.
///
/// Every value drawn is a multiple of 2⁻⁸ (weights, embeddings, biases) or
/// 1 + a multiple of 2⁻⁷ (LayerNorm γ) with few significant bits, so F32,
/// F16 and BF16 files hold exactly the same numbers.
struct TinyBERT {
    var vocabularySize = 100
    var hiddenSize = 32
    var headCount = 4
    var layerCount = 2
    var intermediateSize = 64
    var positions = 64
    var tokenTypes = 2
    var epsilon: Double = 1e-12
    var activation = "gelu"
    /// Tensors in file order: name (without prefix), shape, values.
    var tensors: [(name: String, shape: [Int], values: [Float])] = []

    init(seed: UInt64, vocabularySize: Int = 100, hiddenSize: Int = 32, headCount: Int = 4, layerCount: Int = 2,
         intermediateSize: Int = 64, positions: Int = 64, activation: String = "gelu") {
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.headCount = headCount
        self.layerCount = layerCount
        self.intermediateSize = intermediateSize
        self.positions = positions
        self.activation = activation
        var random = SeededRandomNumberGenerator(seed: seed)
        func matrix(_ rows: Int, _ columns: Int, range: Int = 96) -> [Float] {
            (0..<(rows * columns)).map { _ in Float(Int.random(in: -range...range, using: &random)) / 256 }
        }
        func gamma(_ n: Int) -> [Float] { (0..<n).map { _ in 1 + Float(Int.random(in: -24...24, using: &random)) / 128 } }
        let h = hiddenSize, i = intermediateSize
        // Scaled so that activations stay in a realistic range: weights ~ 1/√fan-in.
        let wide = max(8, Int(96 * 4 / Double(h).squareRoot()))
        tensors.append(("embeddings.word_embeddings.weight", [vocabularySize, h], matrix(vocabularySize, h)))
        tensors.append(("embeddings.position_embeddings.weight", [positions, h], matrix(positions, h, range: 32)))
        tensors.append(("embeddings.token_type_embeddings.weight", [tokenTypes, h], matrix(tokenTypes, h, range: 32)))
        tensors.append(("embeddings.LayerNorm.weight", [h], gamma(h)))
        tensors.append(("embeddings.LayerNorm.bias", [h], matrix(1, h, range: 16)))
        for l in 0..<layerCount {
            let p = "encoder.layer.\(l)."
            for part in ["query", "key", "value"] {
                tensors.append((p + "attention.self.\(part).weight", [h, h], matrix(h, h, range: wide)))
                tensors.append((p + "attention.self.\(part).bias", [h], matrix(1, h, range: 16)))
            }
            tensors.append((p + "attention.output.dense.weight", [h, h], matrix(h, h, range: wide)))
            tensors.append((p + "attention.output.dense.bias", [h], matrix(1, h, range: 16)))
            tensors.append((p + "attention.output.LayerNorm.weight", [h], gamma(h)))
            tensors.append((p + "attention.output.LayerNorm.bias", [h], matrix(1, h, range: 16)))
            tensors.append((p + "intermediate.dense.weight", [i, h], matrix(i, h, range: wide)))
            tensors.append((p + "intermediate.dense.bias", [i], matrix(1, i, range: 16)))
            tensors.append((p + "output.dense.weight", [h, i], matrix(h, i, range: max(8, Int(96 * 4 / Double(i).squareRoot())))))
            tensors.append((p + "output.dense.bias", [h], matrix(1, h, range: 16)))
            tensors.append((p + "output.LayerNorm.weight", [h], gamma(h)))
            tensors.append((p + "output.LayerNorm.bias", [h], matrix(1, h, range: 16)))
        }
        tensors.append(("pooler.dense.weight", [h, h], matrix(h, h)))
        tensors.append(("pooler.dense.bias", [h], matrix(1, h)))
    }

    func values(_ name: String) -> [Float] {
        guard let tensor = tensors.first(where: { $0.name == name }) else { fatalError("no tensor \(name)") }
        return tensor.values
    }

    /// The safetensors file: every tensor in `encoding`, names prefixed,
    /// plus BERT's I64 position_ids (never read as weights).
    func safetensors(encoding: TensorEncoding = .f32, prefix: String = "",
                     skipping skipped: Set<String> = []) -> SafeTensorsWriter {
        var writer = SafeTensorsWriter()
        var ids: [UInt8] = []
        for p in 0..<positions { withUnsafeBytes(of: Int64(p).littleEndian) { ids.append(contentsOf: $0) } }
        writer.entries.append(.init(name: prefix + "embeddings.position_ids", dtype: "I64", shape: [1, positions], bytes: ids))
        for tensor in tensors where !skipped.contains(tensor.name) {
            writer.add(prefix + tensor.name, shape: tensor.shape, values: tensor.values, as: encoding)
        }
        return writer
    }

    var configJSON: String {
        """
        {"architectures": ["BertModel"], "model_type": "bert", "hidden_act": "\(activation)",
         "hidden_size": \(hiddenSize), "num_hidden_layers": \(layerCount), "num_attention_heads": \(headCount),
         "intermediate_size": \(intermediateSize), "max_position_embeddings": \(positions),
         "type_vocab_size": \(tokenTypes), "vocab_size": \(vocabularySize), "layer_norm_eps": \(epsilon),
         "position_embedding_type": "absolute", "hidden_dropout_prob": 0.1, "pad_token_id": 0}
        """
    }

    static func modulesJSON(normalize: Bool = true, extra: [String] = []) -> String {
        var modules = [
            #"{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"}"#,
            #"{"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}"#,
        ]
        if normalize {
            modules.append(#"{"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}"#)
        }
        modules += extra
        return "[" + modules.joined(separator: ",\n") + "]"
    }

    func poolingJSON(_ mode: SentenceTransformerModel.Pooling) -> String {
        func flag(_ m: SentenceTransformerModel.Pooling) -> String { mode == m ? "true" : "false" }
        return """
        {"word_embedding_dimension": \(hiddenSize), "pooling_mode_cls_token": \(flag(.cls)),
         "pooling_mode_mean_tokens": \(flag(.mean)), "pooling_mode_max_tokens": \(flag(.max)),
         "pooling_mode_mean_sqrt_len_tokens": \(flag(.meanSquareRootLength)),
         "pooling_mode_weightedmean_tokens": false, "pooling_mode_lasttoken": false, "include_prompt": true}
        """
    }

    /// Writes a complete model folder into a new temporary folder.
    func write(encoding: TensorEncoding = .f32, prefix: String = "", pooling: SentenceTransformerModel.Pooling = .mean,
               normalize: Bool = true, maximumSequenceLength: Int? = nil) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appending(path: "tiny-bert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appending(path: "1_Pooling"), withIntermediateDirectories: true)
        try Data(configJSON.utf8).write(to: folder.appending(path: "config.json"))
        try Data(Self.modulesJSON(normalize: normalize).utf8).write(to: folder.appending(path: "modules.json"))
        try Data(poolingJSON(pooling).utf8).write(to: folder.appending(path: "1_Pooling/config.json"))
        if let maximumSequenceLength {
            try Data("{\"max_seq_length\": \(maximumSequenceLength), \"do_lower_case\": false}".utf8)
                .write(to: folder.appending(path: "sentence_bert_config.json"))
        }
        try Data(safetensors(encoding: encoding, prefix: prefix).fileBytes()).write(to: folder.appending(path: "model.safetensors"))
        return folder
    }

    // MARK: - Reference forward pass

    /// The embedding of `ids`, computed the obvious way in Double.
    func reference(_ ids: [Int32], pooling: SentenceTransformerModel.Pooling = .mean, normalize: Bool = true) -> [Double] {
        let h = hiddenSize, n = ids.count, d = hiddenSize / headCount
        func tensor(_ name: String) -> [Double] { values(name).map(Double.init) }
        func layerNorm(_ x: [[Double]], _ prefix: String) -> [[Double]] {
            let g = tensor(prefix + ".weight"), b = tensor(prefix + ".bias")
            return x.map { row in
                let mean = row.reduce(0, +) / Double(h)
                let variance = row.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(h)
                return (0..<h).map { j in (row[j] - mean) / (variance + epsilon).squareRoot() * g[j] + b[j] }
            }
        }
        /// x · Wᵀ + b with W stored out × in.
        func linear(_ x: [[Double]], _ prefix: String, out: Int) -> [[Double]] {
            let w = tensor(prefix + ".weight"), b = tensor(prefix + ".bias")
            let inputs = x[0].count
            return x.map { row in
                (0..<out).map { o in
                    var sum = b[o]
                    for i in 0..<inputs { sum += row[i] * w[o * inputs + i] }
                    return sum
                }
            }
        }
        let word = tensor("embeddings.word_embeddings.weight"), position = tensor("embeddings.position_embeddings.weight")
        let type = tensor("embeddings.token_type_embeddings.weight")
        var x = (0..<n).map { t in (0..<h).map { j in word[Int(ids[t]) * h + j] + type[j] + position[t * h + j] } }
        x = layerNorm(x, "embeddings.LayerNorm")
        for l in 0..<layerCount {
            let p = "encoder.layer.\(l)."
            let q = linear(x, p + "attention.self.query", out: h)
            let k = linear(x, p + "attention.self.key", out: h)
            let v = linear(x, p + "attention.self.value", out: h)
            var context = [[Double]](repeating: [Double](repeating: 0, count: h), count: n)
            for head in 0..<headCount {
                let columns = (head * d)..<((head + 1) * d)
                for t in 0..<n {
                    var scores = [Double](repeating: 0, count: n)
                    for s in 0..<n {
                        var dot = 0.0
                        for e in columns { dot += q[t][e] * k[s][e] }
                        scores[s] = dot / Double(d).squareRoot()
                    }
                    let largest = scores.max()!
                    var total = 0.0
                    for s in 0..<n {
                        scores[s] = Foundation.exp(scores[s] - largest)
                        total += scores[s]
                    }
                    for e in columns {
                        var sum = 0.0
                        for s in 0..<n { sum += scores[s] / total * v[s][e] }
                        context[t][e] = sum
                    }
                }
            }
            let attention = linear(context, p + "attention.output.dense", out: h)
            x = layerNorm((0..<n).map { t in (0..<h).map { attention[t][$0] + x[t][$0] } }, p + "attention.output.LayerNorm")
            let inner = linear(x, p + "intermediate.dense", out: intermediateSize).map { row in
                row.map { z in
                    activation == "gelu"
                        ? 0.5 * z * (1 + Foundation.erf(z / 2.0.squareRoot()))
                        : 0.5 * z * (1 + Foundation.tanh((2 / Double.pi).squareRoot() * (z + 0.044715 * z * z * z)))
                }
            }
            let output = linear(inner, p + "output.dense", out: h)
            x = layerNorm((0..<n).map { t in (0..<h).map { output[t][$0] + x[t][$0] } }, p + "output.LayerNorm")
        }
        var pooled: [Double]
        switch pooling {
        case .cls: pooled = x[0]
        case .max: pooled = (0..<h).map { j in x.map { $0[j] }.max()! }
        case .mean: pooled = (0..<h).map { j in x.reduce(0) { $0 + $1[j] } / Double(n) }
        case .meanSquareRootLength: pooled = (0..<h).map { j in x.reduce(0) { $0 + $1[j] } / Double(n).squareRoot() }
        }
        if normalize {
            let norm = pooled.reduce(0) { $0 + $1 * $1 }.squareRoot()
            pooled = pooled.map { $0 / max(norm, 1e-12) }
        }
        return pooled
    }

    /// `count` random sequences of lengths in `lengths` (ids anywhere in the vocabulary).
    func randomSequences(_ count: Int, lengths: ClosedRange<Int>, seed: UInt64) -> [[Int32]] {
        var random = SeededRandomNumberGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: lengths, using: &random)).map { _ in Int32(Int.random(in: 0..<vocabularySize, using: &random)) }
        }
    }
}

/// Helpers shared by the encoder tests.
enum EncoderTestSupport {
    /// The real model folder: $MISSIONMATCH_ENCODER, else the cache folder of Scripts/fetch-encoder.sh.
    static var realModelFolder: URL {
        if let path = ProcessInfo.processInfo.environment["MISSIONMATCH_ENCODER"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: NSHomeDirectory()).appending(path: ".cache/missionmatch/encoders/all-MiniLM-L6-v2")
    }

    /// The real model, or a recorded failure saying how to fetch it (the tests
    /// that need it fail rather than pass silently).
    static func realModel(sourceLocation: SourceLocation = #_sourceLocation) -> SentenceTransformerModel? {
        let folder = realModelFolder
        guard FileManager.default.fileExists(atPath: folder.appending(path: "model.safetensors").path) else {
            Issue.record("no sentence-encoder model at \(folder.path): run `bash Scripts/fetch-encoder.sh` (or set MISSIONMATCH_ENCODER to a model folder)", sourceLocation: sourceLocation)
            return nil
        }
        do {
            return try SentenceTransformerModel(folder: folder)
        } catch {
            Issue.record("the model at \(folder.path) does not load: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appending(path: "Fixtures")

    /// Whether two rows are bit-identical.
    static func sameBits(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
