import Foundation

/// The architecture of a BERT encoder, read from a Hugging Face `config.json`.
///
/// Only what this encoder implements is accepted; anything else is refused
/// with an ``EncoderError`` naming the file and the value:
/// - `model_type` must be `"bert"` (RoBERTa, XLM-R, DistilBERT, MPNet… use
///   other embeddings or layer layouts and are refused);
/// - `hidden_act` must be `"gelu"` / `"gelu_python"` (exact erf GELU) or
///   `"gelu_new"` / `"gelu_pytorch_tanh"` / `"gelu_fast"` (the tanh form);
/// - `position_embedding_type`, when present, must be `"absolute"`;
/// - sizes must be whole numbers within ``Limits`` and `hidden_size` a
///   multiple of `num_attention_heads`; `layer_norm_eps` must be in (0, 1).
///
/// Fields the forward pass does not use (dropout, `pad_token_id`,
/// `architectures`, …) are ignored.
public struct BERTConfiguration: Sendable, Equatable {
    /// The GELU variant of the feed-forward layers.
    public enum Activation: String, Sendable, Equatable {
        /// `x · Φ(x) = x/2 · (1 + erf(x/√2))` (`"gelu"`).
        case gelu
        /// `x/2 · (1 + tanh(√(2/π) · (x + 0.044715 x³)))` (`"gelu_new"`, `"gelu_pytorch_tanh"`).
        case geluTanh
    }

    /// The documented bounds on sizes: anything outside is refused as
    /// absurd (the largest BERT-family sentence encoders are far inside).
    public enum Limits {
        /// `vocab_size` ≤ 1,000,000.
        public static let vocabularySize = 1_000_000
        /// `hidden_size` ≤ 8,192.
        public static let hiddenSize = 8_192
        /// `num_hidden_layers` ≤ 256.
        public static let layerCount = 256
        /// `num_attention_heads` ≤ 256.
        public static let headCount = 256
        /// `intermediate_size` ≤ 65,536.
        public static let intermediateSize = 65_536
        /// `max_position_embeddings` ≤ 16,384.
        public static let positionCount = 16_384
        /// `type_vocab_size` ≤ 1,024.
        public static let tokenTypeCount = 1_024
    }

    /// `vocab_size`: rows of the word-embedding table.
    public var vocabularySize: Int
    /// `hidden_size`: the width of every token vector.
    public var hiddenSize: Int
    /// `num_hidden_layers`.
    public var layerCount: Int
    /// `num_attention_heads`.
    public var headCount: Int
    /// `intermediate_size`: the feed-forward width.
    public var intermediateSize: Int
    /// `max_position_embeddings`: rows of the position-embedding table.
    public var maximumPositions: Int
    /// `type_vocab_size`: rows of the token-type table (≥ 1; type 0 is used).
    public var tokenTypeCount: Int
    /// `layer_norm_eps`.
    public var layerNormEpsilon: Float
    /// `hidden_act`.
    public var activation: Activation

    /// `hiddenSize / headCount`.
    public var headSize: Int { hiddenSize / headCount }

    /// A configuration from its values.
    ///
    /// - Throws: ``EncoderError`` (with `file` nil) when a value is outside
    ///   what ``init(contentsOf:)`` accepts.
    public init(vocabularySize: Int, hiddenSize: Int, layerCount: Int, headCount: Int,
                intermediateSize: Int, maximumPositions: Int, tokenTypeCount: Int = 2,
                layerNormEpsilon: Float = 1e-12, activation: Activation = .gelu) throws {
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.layerCount = layerCount
        self.headCount = headCount
        self.intermediateSize = intermediateSize
        self.maximumPositions = maximumPositions
        self.tokenTypeCount = tokenTypeCount
        self.layerNormEpsilon = layerNormEpsilon
        self.activation = activation
        if let problem = validationProblem() { throw EncoderError(file: nil, problem) }
    }

    /// Reads and validates a Hugging Face `config.json`.
    ///
    /// - Throws: ``EncoderError`` naming the file when it cannot be read, is
    ///   not JSON, lacks a field, or holds an unsupported or absurd value.
    /// - Complexity: O(file size).
    public init(contentsOf url: URL) throws {
        let path = url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EncoderError(file: path, "cannot be read (\(error.localizedDescription)); the model folder needs the Hugging Face config.json of its transformer")
        }
        guard data.count <= 1 << 20 else {
            throw EncoderError(file: path, "is \(data.count) bytes; a model configuration is a few hundred")
        }
        let raw: RawConfiguration
        do {
            raw = try JSONDecoder().decode(RawConfiguration.self, from: data)
        } catch {
            throw EncoderError(file: path, "is not a valid model configuration: \(SafeTensorsFile.summary(of: error))")
        }
        guard let modelType = raw.model_type else {
            throw EncoderError(file: path, "has no model_type; only \"bert\" models are supported")
        }
        guard modelType == "bert" else {
            throw EncoderError(file: path, "model_type \"\(modelType)\" is not supported: this encoder runs BERT models (model_type \"bert\") only")
        }
        if let positions = raw.position_embedding_type, positions != "absolute" {
            throw EncoderError(file: path, "position_embedding_type \"\(positions)\" is not supported: only \"absolute\" position embeddings are implemented")
        }
        let activation: Activation
        switch raw.hidden_act ?? "gelu" {
        case "gelu", "gelu_python": activation = .gelu
        case "gelu_new", "gelu_pytorch_tanh", "gelu_fast": activation = .geluTanh
        case let other:
            throw EncoderError(file: path, "hidden_act \"\(other)\" is not supported: only \"gelu\" (erf) and its tanh approximations \"gelu_new\" / \"gelu_pytorch_tanh\" are implemented")
        }
        // Sizes are read as numbers and must be whole: JSONDecoder's own
        // message for 384.5 read as an Int does not name the key.
        func integer(_ value: Double?, _ key: String) throws -> Int? {
            guard let value else { return nil }
            guard let integer = Int(exactly: value) else {
                throw EncoderError(file: path, "\(key) \(value) is not a whole number in the supported range")
            }
            return integer
        }
        func require(_ value: Double?, _ key: String) throws -> Int {
            guard let value = try integer(value, key) else { throw EncoderError(file: path, "has no \(key)") }
            return value
        }
        let epsilon = raw.layer_norm_eps ?? 1e-12
        guard epsilon.isFinite, epsilon > 0, epsilon < 1 else {
            throw EncoderError(file: path, "layer_norm_eps \(epsilon) is not in (0, 1)")
        }
        self.vocabularySize = try require(raw.vocab_size, "vocab_size")
        self.hiddenSize = try require(raw.hidden_size, "hidden_size")
        self.layerCount = try require(raw.num_hidden_layers, "num_hidden_layers")
        self.headCount = try require(raw.num_attention_heads, "num_attention_heads")
        self.intermediateSize = try require(raw.intermediate_size, "intermediate_size")
        self.maximumPositions = try require(raw.max_position_embeddings, "max_position_embeddings")
        self.tokenTypeCount = try integer(raw.type_vocab_size, "type_vocab_size") ?? 2
        self.layerNormEpsilon = Float(epsilon)
        self.activation = activation
        if let problem = validationProblem() { throw EncoderError(file: path, problem) }
    }

    /// Why these values are refused, or `nil`.
    private func validationProblem() -> String? {
        let bounds: [(String, Int, Int)] = [
            ("vocab_size", vocabularySize, Limits.vocabularySize),
            ("hidden_size", hiddenSize, Limits.hiddenSize),
            ("num_hidden_layers", layerCount, Limits.layerCount),
            ("num_attention_heads", headCount, Limits.headCount),
            ("intermediate_size", intermediateSize, Limits.intermediateSize),
            ("max_position_embeddings", maximumPositions, Limits.positionCount),
            ("type_vocab_size", tokenTypeCount, Limits.tokenTypeCount),
        ]
        for (key, value, limit) in bounds where value < 1 || value > limit {
            return "\(key) \(value) is outside the supported range 1...\(limit)"
        }
        if hiddenSize % headCount != 0 {
            return "hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(headCount)"
        }
        if !(layerNormEpsilon.isFinite && layerNormEpsilon > 0 && layerNormEpsilon < 1) {
            return "layer_norm_eps \(layerNormEpsilon) is not in (0, 1)"
        }
        return nil
    }
}

/// config.json as written by transformers (only the fields read here).
private struct RawConfiguration: Decodable {
    // swiftlint:disable identifier_name
    var model_type: String?
    var hidden_act: String?
    var position_embedding_type: String?
    var vocab_size: Double?
    var hidden_size: Double?
    var num_hidden_layers: Double?
    var num_attention_heads: Double?
    var intermediate_size: Double?
    var max_position_embeddings: Double?
    var type_vocab_size: Double?
    var layer_norm_eps: Double?
    // swiftlint:enable identifier_name
}
