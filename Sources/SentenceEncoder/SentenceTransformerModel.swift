import Foundation
import MatchCore

/// A sentence-transformers BERT model (all-MiniLM-L6-v2 and its family):
/// token ids in, one pooled (and usually L2-normalised) embedding per
/// sequence out.
///
/// The forward pass is Hugging Face's `BertModel` followed by
/// sentence-transformers' pooling and normalisation: word + position +
/// token-type-0 embeddings and LayerNorm; per layer, the query, key and value
/// projections as one GEMM on stacked weights, scaled dot-product attention
/// per head and per sequence, the output projection, residual and LayerNorm,
/// the GELU feed-forward block, residual and LayerNorm; then pooling over the
/// sequence's tokens. Sequences are not padded: the tokens of several
/// sequences are packed into one matrix for every linear layer (its rows are
/// independent) and attention runs on each sequence at its own length.
///
/// The products and the element-wise steps run in CSentenceKernels (AVX2 +
/// FMA when the processor has them, else portable C giving the same bits),
/// not on BLAS: OpenBLAS's sgemm rounds a row differently depending on its
/// place in a tile, so a sequence's embedding would depend on what shares its
/// batch. Each element of a product is one chain of fused multiply-adds in a
/// fixed order; the kernel runs at OpenBLAS's speed on this workload
/// (measured: 0.97-1.03 of single-threaded `cblas_sgemm` at m = 1,024 rows).
///
/// ```swift
/// let model = try SentenceTransformerModel(folder: URL(fileURLWithPath: "…/all-MiniLM-L6-v2"))
/// let embeddings = model.embed(tokenSequences: [[101, 7592, 2088, 102]])   // 1 × 384, unit length
/// ```
public struct SentenceTransformerModel: Sendable {
    /// How token vectors become one sentence vector (sentence-transformers' `Pooling`).
    public enum Pooling: String, Sendable, Equatable {
        /// The mean of the token vectors (`pooling_mode_mean_tokens`).
        case mean
        /// The first token's vector, [CLS] (`pooling_mode_cls_token`).
        case cls
        /// The element-wise maximum over tokens (`pooling_mode_max_tokens`).
        case max
        /// The sum of the token vectors divided by √length (`pooling_mode_mean_sqrt_len_tokens`).
        case meanSquareRootLength
    }

    /// The transformer's architecture (from its config.json).
    public let configuration: BERTConfiguration
    /// The longest token sequence accepted, [CLS] and [SEP] included:
    /// sentence_bert_config.json's `max_seq_length`, else
    /// `max_position_embeddings` (and never more than the latter).
    public let maximumSequenceLength: Int
    /// Whether embeddings are scaled to unit length (a `Normalize` module).
    public let normalizes: Bool
    /// The pooling module's mode.
    public let pooling: Pooling
    /// The embedding width (`hidden_size`).
    public var dimension: Int { configuration.hiddenSize }
    /// A stable identifier of what this model computes, for caching
    /// embeddings: `<folder name>-<32 hex digits>`, the digits being two
    /// 64-bit hashes — FNV-1a of the safetensors header (every tensor's name,
    /// dtype, shape and offsets) with the file size, config.json, the pooling
    /// mode, normalisation and maximum length; and a vectorised hash of the
    /// file's tensor bytes (≈ 20 ms for 90 MB). It is read
    /// without loading the weights (``SentenceEncoder/Identity``), so a run whose texts
    /// are all cached never loads them. Identical files in a folder of the
    /// same name give the same fingerprint on every machine; a fine-tuned
    /// copy (same header and size) does not.
    public let fingerprint: String

    let weights: BERTWeights

    /// The module types this loader implements, in their required order.
    static let transformerModule = "sentence_transformers.models.Transformer"
    static let poolingModule = "sentence_transformers.models.Pooling"
    static let normalizeModule = "sentence_transformers.models.Normalize"

    /// Loads a sentence-transformers model folder.
    ///
    /// The folder's `modules.json` must list a `Transformer` module, then a
    /// `Pooling` module (mean, CLS, max or mean-√length; one mode), then
    /// optionally `Normalize`; any other module (`Dense`, `LayerNorm`, …) is
    /// refused by name. The transformer's folder (the module's `path`,
    /// usually the folder itself) holds `config.json` (see
    /// ``BERTConfiguration``), `model.safetensors` (F32, F16 or BF16;
    /// tensor names with or without a `bert.` prefix; every tensor present
    /// with the shape the configuration implies) and optionally
    /// `sentence_bert_config.json` (`max_seq_length`).
    ///
    /// - Throws: ``EncoderError`` naming the file at fault.
    /// - Complexity: reads the weights once (O(file size)); peak memory is
    ///   the weights as Float plus one tensor's bytes.
    public init(folder: URL) throws {
        let description = try Description(folder: folder)
        self.weights = try BERTWeights(file: description.file, configuration: description.configuration)
        self.configuration = description.configuration
        self.maximumSequenceLength = description.maximumSequenceLength
        self.normalizes = description.normalizes
        self.pooling = description.pooling
        self.fingerprint = description.fingerprint
    }

    /// What a model folder declares, read and checked without its weights:
    /// every check of ``init(folder:)`` but the tensors' presence and shapes,
    /// and the ``fingerprint``.
    struct Description {
        let configuration: BERTConfiguration
        let pooling: Pooling
        let normalizes: Bool
        let maximumSequenceLength: Int
        /// The weights file, its header read and checked.
        let file: SafeTensorsFile
        let fingerprint: String
        private typealias Model = SentenceTransformerModel

        /// Reads the folder's modules.json, configurations and safetensors header, and hashes its tensor bytes.
        ///
        /// - Throws: ``EncoderError`` naming the file at fault.
        /// - Complexity: O(file size) to hash the tensor bytes, in 4 MiB reads.
        init(folder: URL) throws {
            let folder = folder.standardizedFileURL
            let modulesURL = folder.appending(path: "modules.json")
            let modules = try Model.readModules(modulesURL)
            guard let first = modules.first, first.type == Model.transformerModule else {
                throw EncoderError(file: modulesURL.path, "must list a \(Model.transformerModule) module first (found \(modules.first?.type ?? "no module")); this encoder runs Transformer + Pooling [+ Normalize]")
            }
            guard modules.count >= 2, modules[1].type == Model.poolingModule else {
                let found = modules.count >= 2 ? "module \"\(modules[1].type)\"" : "nothing"
                throw EncoderError(file: modulesURL.path, "must list a \(Model.poolingModule) module after the Transformer (found \(found)); this encoder runs Transformer + Pooling [+ Normalize]")
            }
            var normalizes = false
            for module in modules.dropFirst(2) {
                if module.type == Model.normalizeModule, !normalizes {
                    normalizes = true
                } else {
                    throw EncoderError(file: modulesURL.path, "module \"\(module.type)\" (path \"\(module.path)\") is not supported: this encoder runs Transformer + Pooling [+ Normalize] only")
                }
            }
            let transformerFolder = try Model.subfolder(first.path, of: folder, modulesFile: modulesURL.path)
            let poolingFolder = try Model.subfolder(modules[1].path, of: folder, modulesFile: modulesURL.path)

            let configURL = transformerFolder.appending(path: "config.json")
            let configuration = try BERTConfiguration(contentsOf: configURL)
            let poolingURL = poolingFolder.appending(path: "config.json")
            let pooling = try Model.readPooling(poolingURL, hiddenSize: configuration.hiddenSize)
            let maximumLength = try Model.readMaximumLength(transformerFolder.appending(path: "sentence_bert_config.json"),
                                                            positions: configuration.maximumPositions)

            let weightsURL = transformerFolder.appending(path: "model.safetensors")
            guard FileManager.default.fileExists(atPath: weightsURL.path) else {
                var message = "is missing: the encoder reads safetensors weights"
                if FileManager.default.fileExists(atPath: transformerFolder.appending(path: "pytorch_model.bin").path) {
                    message += " (this folder has pytorch_model.bin only; convert it to model.safetensors)"
                } else if FileManager.default.fileExists(atPath: transformerFolder.appending(path: "model.safetensors.index.json").path) {
                    message += " (sharded safetensors are not supported)"
                }
                throw EncoderError(file: weightsURL.path, message)
            }
            let file = try SafeTensorsFile(url: weightsURL)
            var hash = FNV1a64()
            hash.combine(file.headerHash)
            if let config = try? Data(contentsOf: configURL) { hash.combine(bytes: config) }
            hash.combine(pooling.rawValue)
            hash.combine(UInt64(normalizes ? 1 : 0))
            hash.combine(UInt64(maximumLength))
            func hex(_ value: UInt64) -> String {
                let digits = String(value, radix: 16)
                return String(repeating: "0", count: 16 - digits.count) + digits
            }
            let contentHash = try file.contentHash()
            self.fingerprint = "\(folder.lastPathComponent)-\(hex(hash.value))\(hex(contentHash))"
            self.configuration = configuration
            self.maximumSequenceLength = maximumLength
            self.normalizes = normalizes
            self.pooling = pooling
            self.file = file
        }
    }

    // MARK: - Embedding

    /// One embedding row per token sequence, pooled and, when the folder has
    /// a `Normalize` module, scaled to unit length.
    ///
    /// Each sequence is a tokenizer's output as is: `[CLS] … [SEP]`, of
    /// length 1...``maximumSequenceLength``, every id in
    /// `0..<configuration.vocabularySize`. Sequences are packed into batches
    /// of about 1,024 tokens, formed in input order and independently of the
    /// worker count; each worker thread takes whole batches, with buffers of
    /// its own. The row of a sequence is bit-identical whatever the other
    /// sequences, their order, the batches and `workers` (and the same with
    /// or without AVX2 + FMA: the portable kernels perform the same IEEE
    /// operations in the same order).
    ///
    /// - Parameters:
    ///   - tokenSequences: The token ids.
    ///   - workers: Threads to use (default: the active processor count).
    /// - Returns: A `tokenSequences.count × dimension` matrix.
    /// - Precondition: every sequence has a valid length and ids (checked in
    ///   every build: an out-of-range id stops the program rather than read
    ///   out of bounds). Use ``embed(validating:workers:)`` to get an error instead.
    /// - Complexity: O(Σ n·(H² + H·I) + Σ n²·H) for sequences of n tokens
    ///   (≈ 21 MFLOP per token for all-MiniLM-L6-v2); memory beyond the
    ///   weights: the output and, per worker, about 1,024·(5H + I) floats
    ///   (≈ 14 MB) plus one sequence's attention scores.
    public func embed(tokenSequences: [[Int32]], workers: Int = DenseProducts.activeProcessorCount) -> Matrix {
        if let problem = invalidInput(tokenSequences) { preconditionFailure(problem) }
        return encode(tokenSequences, workers: workers)
    }

    /// ``embed(tokenSequences:workers:)`` after checking every sequence.
    ///
    /// - Throws: ``EncoderError`` (no file) naming the first sequence whose
    ///   length is outside 1...``maximumSequenceLength`` or that holds an id
    ///   outside the vocabulary.
    /// - Complexity: as ``embed(tokenSequences:workers:)``, plus O(tokens) for the check.
    public func embed(validating tokenSequences: [[Int32]], workers: Int = DenseProducts.activeProcessorCount) throws -> Matrix {
        if let problem = invalidInput(tokenSequences) { throw EncoderError(file: nil, problem) }
        return encode(tokenSequences, workers: workers)
    }

    /// ``embed(tokenSequences:workers:)``, and for each sequence the mean of
    /// its final hidden states over each of its `spans` (token positions, e.g.
    /// a clause's tokens), normalised when the model normalises: sub-sentence
    /// vectors from the same forward pass, at no extra cost.
    ///
    /// - Parameters:
    ///   - tokenSequences: The token ids.
    ///   - spans: One list of position ranges per sequence (parts outside the sequence are ignored).
    ///   - workers: Threads.
    /// - Returns: The sequences' rows, and one `spans × dimension` matrix per sequence.
    /// - Precondition: as ``embed(tokenSequences:workers:)``, and one span list per sequence.
    public func embed(tokenSequences: [[Int32]], spans: [[Range<Int>]], workers: Int = DenseProducts.activeProcessorCount)
        -> (sequences: Matrix, spans: [Matrix])
    {
        if let problem = invalidInput(tokenSequences) { preconditionFailure(problem) }
        precondition(spans.count == tokenSequences.count, "one span list per sequence")
        return encode(tokenSequences, spans: spans, workers: workers)
    }

    /// What is wrong with the input, or `nil`.
    func invalidInput(_ sequences: [[Int32]]) -> String? {
        let vocabulary = Int32(clamping: configuration.vocabularySize)
        for (index, sequence) in sequences.enumerated() {
            guard (1...maximumSequenceLength).contains(sequence.count) else {
                return "token sequence \(index) has \(sequence.count) tokens; the model takes 1...\(maximumSequenceLength) ([CLS] and [SEP] included)"
            }
            for id in sequence where id < 0 || id >= vocabulary {
                return "token sequence \(index) holds id \(id), outside the vocabulary 0..<\(vocabulary)"
            }
        }
        return nil
    }

    // MARK: - Reading the folder

    private struct Module: Decodable {
        var idx: Int?
        var path: String
        var type: String
    }

    private static func readModules(_ url: URL) throws -> [Module] {
        let data = try readSmallFile(url, what: "the sentence-transformers module list")
        let modules: [Module]
        do {
            modules = try JSONDecoder().decode([Module].self, from: data)
        } catch {
            throw EncoderError(file: url.path, "is not a list of modules (idx, path, type): \(SafeTensorsFile.summary(of: error))")
        }
        // Stable: modules without idx keep their place.
        return modules.enumerated().sorted { ($0.element.idx ?? $0.offset, $0.offset) < ($1.element.idx ?? $1.offset, $1.offset) }
            .map(\.element)
    }

    /// `path` inside `folder`; absolute paths and `..` are refused.
    private static func subfolder(_ path: String, of folder: URL, modulesFile: String) throws -> URL {
        let components = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !path.hasPrefix("/"), !components.contains("..") else {
            throw EncoderError(file: modulesFile, "module path \"\(path)\" leaves the model folder")
        }
        return components.reduce(folder) { $0.appending(path: String($1)) }
    }

    private static func readSmallFile(_ url: URL, what: String) throws -> Data {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EncoderError(file: url.path, "cannot be read (\(error.localizedDescription)); a sentence-transformers model folder needs \(what)")
        }
        guard data.count <= 1 << 20 else {
            throw EncoderError(file: url.path, "is \(data.count) bytes; \(what) is a few hundred")
        }
        return data
    }

    private struct PoolingConfiguration: Decodable {
        // swiftlint:disable identifier_name
        var word_embedding_dimension: Int?
        var pooling_mode_cls_token: Bool?
        var pooling_mode_mean_tokens: Bool?
        var pooling_mode_max_tokens: Bool?
        var pooling_mode_mean_sqrt_len_tokens: Bool?
        var pooling_mode_weightedmean_tokens: Bool?
        var pooling_mode_lasttoken: Bool?
        // swiftlint:enable identifier_name
    }

    private static func readPooling(_ url: URL, hiddenSize: Int) throws -> Pooling {
        let data = try readSmallFile(url, what: "the pooling configuration")
        let raw: PoolingConfiguration
        do {
            raw = try JSONDecoder().decode(PoolingConfiguration.self, from: data)
        } catch {
            throw EncoderError(file: url.path, "is not a pooling configuration: \(SafeTensorsFile.summary(of: error))")
        }
        if let width = raw.word_embedding_dimension, width != hiddenSize {
            throw EncoderError(file: url.path, "word_embedding_dimension \(width) differs from the transformer's hidden_size \(hiddenSize)")
        }
        let unsupported = [("pooling_mode_weightedmean_tokens", raw.pooling_mode_weightedmean_tokens),
                           ("pooling_mode_lasttoken", raw.pooling_mode_lasttoken)]
        for (key, value) in unsupported where value == true {
            throw EncoderError(file: url.path, "\(key) is not supported: this encoder pools by mean, CLS token, max or mean/√length")
        }
        let modes: [(Pooling, Bool?)] = [(.mean, raw.pooling_mode_mean_tokens), (.cls, raw.pooling_mode_cls_token),
                                         (.max, raw.pooling_mode_max_tokens),
                                         (.meanSquareRootLength, raw.pooling_mode_mean_sqrt_len_tokens)]
        let chosen = modes.filter { $0.1 == true }.map(\.0)
        guard chosen.count == 1 else {
            throw EncoderError(file: url.path, chosen.isEmpty
                ? "selects no pooling mode; set one of pooling_mode_mean_tokens, pooling_mode_cls_token, pooling_mode_max_tokens, pooling_mode_mean_sqrt_len_tokens"
                : "combines several pooling modes (\(chosen.map(\.rawValue).joined(separator: ", "))); only one is supported")
        }
        return chosen[0]
    }

    private struct SentenceBERTConfiguration: Decodable {
        var max_seq_length: Int?  // swiftlint:disable:this identifier_name
    }

    private static func readMaximumLength(_ url: URL, positions: Int) throws -> Int {
        guard FileManager.default.fileExists(atPath: url.path) else { return positions }
        let data = try readSmallFile(url, what: "the sentence-transformers settings")
        let raw: SentenceBERTConfiguration
        do {
            raw = try JSONDecoder().decode(SentenceBERTConfiguration.self, from: data)
        } catch {
            throw EncoderError(file: url.path, "is not valid: \(SafeTensorsFile.summary(of: error))")
        }
        guard let length = raw.max_seq_length else { return positions }
        guard length >= 1 else {
            throw EncoderError(file: url.path, "max_seq_length \(length) must be at least 1")
        }
        return min(length, positions)
    }
}
