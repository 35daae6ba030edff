import Foundation
import MatchCore

/// A sentence-transformers model ready to embed texts: its WordPiece
/// tokenizer and its BERT encoder, on MatchCore's BLAS.
///
/// ```swift
/// let encoder = try SentenceEncoder(modelFolder: URL(fileURLWithPath: "/path/to/all-MiniLM-L6-v2"))
/// let vectors = encoder.encode(["Tinned fish", "Canned seafood"])   // 2 × 384, rows L2-normalised
/// ```
///
/// The vectors equal sentence-transformers' own (cosine ≥ 0.9999; see the
/// parity test) and are bit-identical whatever the batch, the order of the
/// texts and the number of threads. ``encode(_:cache:workers:)`` also gives
/// each text's clauses (`ClauseSplitter`) with vectors pooled from the same
/// forward pass, for explanations, and keeps everything in an ``EmbeddingCache``.
public struct SentenceEncoder: Sendable {
    /// The model.
    public let model: SentenceTransformerModel
    /// Its tokenizer.
    public let tokenizer: WordPieceTokenizer
    /// The model folder's name, for reports (e.g. `all-MiniLM-L6-v2`).
    public var name: String { identity.name }
    /// What identifies its embeddings (name, fingerprint, dimension).
    public let identity: Identity

    /// Loads a model folder as sentence-transformers saves it.
    ///
    /// - Throws: ``EncoderError`` naming the file and what is missing or unsupported.
    /// - Complexity: O(weights): the weights are read once.
    public init(modelFolder: URL) throws {
        self.model = try SentenceTransformerModel(folder: modelFolder)
        self.tokenizer = try WordPieceTokenizer(modelFolder: modelFolder)
        self.identity = Identity(
            name: modelFolder.standardizedFileURL.lastPathComponent,
            fingerprint: Identity.fingerprint(model: model.fingerprint, tokenizer: try WordPieceTokenizer.filesHash(modelFolder: modelFolder)),
            dimension: model.dimension)
        // Every sequence the tokenizer makes must be one the model takes: then no text can trap in `embed`.
        guard tokenizer.maximumLength <= model.maximumSequenceLength else {
            throw EncoderError(file: modelFolder.appendingPathComponent("sentence_bert_config.json").path,
                               "the tokenizer cuts texts at \(tokenizer.maximumLength) tokens but the model takes at most "
                               + "\(model.maximumSequenceLength); set max_seq_length to at most \(model.maximumSequenceLength)")
        }
        guard tokenizer.vocabularySize <= model.configuration.vocabularySize else {
            throw EncoderError(file: modelFolder.appendingPathComponent("vocab.txt").path,
                               "has \(tokenizer.vocabularySize) tokens but the model knows \(model.configuration.vocabularySize)")
        }
    }

    /// The vectors' dimension.
    public var dimension: Int { model.dimension }
    /// The fingerprint of the model and its tokenizer (``Identity/fingerprint``), the cache's key.
    public var fingerprint: String { identity.fingerprint }

    /// What identifies a model folder's embeddings, read without loading its
    /// weights or building its tokenizer: a run whose texts are all in the
    /// ``EmbeddingCache`` needs nothing more (``cached(_:in:)``).
    ///
    /// ```swift
    /// let identity = try SentenceEncoder.Identity(modelFolder: folder)
    /// var cache: EmbeddingCache? = EmbeddingCache(folder: cacheFolder, fingerprint: identity.fingerprint,
    ///                                             dimension: identity.dimension)
    /// var encoded = cache.flatMap { SentenceEncoder.cached(texts, in: $0) }
    /// if encoded == nil {   // a text is missing: load the model and encode what the cache lacks
    ///     encoded = try SentenceEncoder(modelFolder: folder).encode(texts, cache: &cache)
    ///     try cache?.save()
    /// }
    /// ```
    public struct Identity: Sendable, Equatable {
        /// The model folder's name (e.g. `all-MiniLM-L6-v2`).
        public let name: String
        /// ``SentenceTransformerModel/fingerprint`` followed by `-` and 16 hex
        /// digits hashing the bytes of every tokenizer file (vocab.txt,
        /// tokenizer_config.json, sentence_bert_config.json, config.json,
        /// tokenizer.json): equal for equal files in a folder of the same name.
        public let fingerprint: String
        /// The embeddings' dimension.
        public let dimension: Int

        init(name: String, fingerprint: String, dimension: Int) {
            self.name = name
            self.fingerprint = fingerprint
            self.dimension = dimension
        }

        /// Reads a model folder's identity: its modules, configurations and
        /// safetensors header are checked as ``SentenceEncoder/init(modelFolder:)``
        /// checks them, and its files are hashed; the weights are not loaded
        /// and the tokenizer is not built, so a folder this accepts may still
        /// be refused when loaded (a tensor's shape, the vocabulary).
        ///
        /// - Throws: ``EncoderError`` naming the file at fault.
        /// - Complexity: O(size of the folder's files), about a tenth of loading the model.
        public init(modelFolder: URL) throws {
            let description = try SentenceTransformerModel.Description(folder: modelFolder)
            self.init(
                name: modelFolder.standardizedFileURL.lastPathComponent,
                fingerprint: Self.fingerprint(model: description.fingerprint,
                                              tokenizer: try WordPieceTokenizer.filesHash(modelFolder: modelFolder)),
                dimension: description.configuration.hiddenSize)
        }

        static func fingerprint(model: String, tokenizer: UInt64) -> String {
            let digits = String(tokenizer, radix: 16)
            return model + "-" + String(repeating: "0", count: 16 - digits.count) + digits
        }
    }

    /// The embeddings of texts, one row per text, as sentence-transformers computes them.
    ///
    /// - Parameters:
    ///   - texts: The texts (an empty text is embedded as `[CLS] [SEP]`, as sentence-transformers does).
    ///   - workers: Threads (default: the cores available).
    /// - Complexity: linear in the texts' length (attention is quadratic in a text's
    ///   tokens, which are at most ``SentenceTransformerModel/maximumSequenceLength``).
    public func encode(_ texts: [String], workers: Int = DenseProducts.activeProcessorCount) -> Matrix {
        let sequences = texts.map { tokenizer.tokenIDs(for: $0) }
        return model.embed(tokenSequences: sequences, workers: workers)
    }

    /// A text's embedding and its clauses'.
    public struct EncodedText: Sendable, Equatable {
        /// The text's vector (``dimension`` values).
        public var vector: [Float]
        /// Its clauses (`ClauseSplitter`, at most ``SentenceEncoder/maximumClauses``).
        public var clauses: [String]
        /// One L2-normalised vector per clause, Float16-rounded (`clauses × dimension`).
        public var clauseVectors: Matrix
    }

    /// Embeds texts and their clauses, taking what it can from `cache` and
    /// adding the rest to it.
    ///
    /// The text's vector is exactly ``encode(_:workers:)``'s. A clause's
    /// vector (`ClauseSplitter`, at most ``maximumClauses`` per text) is the
    /// mean of the final hidden states of its tokens in the text's own forward
    /// pass — no second pass — normalised and rounded to Float16, the
    /// precision the cache keeps, so that cached and fresh runs give the same
    /// bytes. Rows do not depend on the batch, so a cached vector is the one a
    /// fresh run would compute.
    ///
    /// - Parameters:
    ///   - texts: The texts.
    ///   - cache: A cache of this model (its fingerprint equal to ``fingerprint``), or `nil`.
    ///   - workers: Threads.
    /// - Returns: One entry per text, in order.
    /// - Complexity: one forward pass over the texts not cached.
    public func encode(_ texts: [String], cache: inout EmbeddingCache?, workers: Int = DenseProducts.activeProcessorCount)
        -> [EncodedText]
    {
        var results: [String: EncodedText] = [:]
        var missing: [(text: String, segmentation: Segmentation)] = []
        for text in texts where results[text] == nil {
            // A cached text keeps the clauses it was cut into (under the same rules): no tokenising, no cutting.
            if let cached = cache.flatMap({ Self.cachedText(text, in: $0, dimension: dimension) }) {
                results[text] = cached
            } else {
                let segmented = segmentation(text)
                results[text] = EncodedText(vector: [], clauses: segmented.clauses, clauseVectors: Matrix(rows: 0, columns: dimension))
                missing.append((text, segmented))
            }
        }
        let (rows, spans) = model.embed(
            tokenSequences: missing.map(\.segmentation.tokens), spans: missing.map(\.segmentation.spans), workers: workers)
        for (position, item) in missing.enumerated() {
            let vector = Array(rows.row(position))
            var clauseVectors = spans[position]
            clauseVectors.withUnsafeMutableBufferPointer { buffer in
                for index in buffer.indices { buffer[index] = Self.half(buffer[index]) }
            }
            results[item.text] = EncodedText(vector: vector, clauses: item.segmentation.clauses, clauseVectors: clauseVectors)
            cache?.insert(EmbeddingCache.Entry(vector: vector, clauses: item.segmentation.clauses,
                                               clauseVectors: clauseVectors.elements), for: item.text)
        }
        return texts.map { results[$0] ?? EncodedText(vector: [], clauses: [], clauseVectors: Matrix(rows: 0, columns: dimension)) }
    }

    /// The texts' entries when `cache` holds every one of them, else `nil`:
    /// what ``encode(_:cache:workers:)`` returns then, without a model loaded.
    ///
    /// - Parameters:
    ///   - texts: The texts.
    ///   - cache: A cache of the model (see ``Identity``).
    /// - Returns: One entry per text, in order, or `nil` at the first text not cached.
    /// - Complexity: O(texts · dimension · clauses) to decode them.
    public static func cached(_ texts: [String], in cache: EmbeddingCache) -> [EncodedText]? {
        var results: [EncodedText] = []
        results.reserveCapacity(texts.count)
        for text in texts {
            guard let entry = cachedText(text, in: cache, dimension: cache.dimension) else { return nil }
            results.append(entry)
        }
        return results
    }

    /// A text's entry in the cache, when it has one of this dimension.
    private static func cachedText(_ text: String, in cache: EmbeddingCache, dimension: Int) -> EncodedText? {
        guard let entry = cache.entry(for: text), entry.vector.count == dimension,
              entry.clauseVectors.count == entry.clauses.count * dimension else { return nil }
        return EncodedText(vector: entry.vector, clauses: entry.clauses,
                           clauseVectors: Matrix(rows: entry.clauses.count, columns: dimension, elements: entry.clauseVectors))
    }

    /// A value as the cache keeps clause vectors (Float16).
    static func half(_ value: Float) -> Float { Float(Float16(value)) }

    /// A text's tokens, and the token span of each clause that fits.
    struct Segmentation {
        var tokens: [Int32]
        var clauses: [String]
        var spans: [Range<Int>]
    }

    /// The text's tokens as ``WordPieceTokenizer/tokenIDs(for:)`` gives them, and
    /// its clauses' positions in them (those within the model's token limit, at
    /// most ``maximumClauses``). When the clauses' tokens one after another are not
    /// the text's (a special token written in a text, say), the text keeps its
    /// own tokens and no clause is quoted.
    func segmentation(_ text: String) -> Segmentation {
        let tokens = tokenizer.tokenIDs(for: text)
        let inner = max(0, tokens.count - 2)
        var clauses: [String] = [], spans: [Range<Int>] = []
        // Positions: [CLS] is 0; a clause's tokens follow the previous clause's.
        var joined: [Int32] = []
        for clause in ClauseSplitter.clauses(of: text) {
            guard joined.count < inner, clauses.count < Self.maximumClauses else { break }
            let start = 1 + joined.count
            joined += tokenizer.tokenIDs(for: clause).dropFirst().dropLast()
            let end = min(1 + joined.count, 1 + inner)
            if end > start {
                clauses.append(clause)
                spans.append(start..<end)
            }
        }
        let compared = min(joined.count, inner)
        guard Array(joined.prefix(compared)) == Array(tokens.dropFirst().prefix(compared)) else {
            return Segmentation(tokens: tokens, clauses: [], spans: [])
        }
        return Segmentation(tokens: tokens, clauses: clauses, spans: spans)
    }

    /// The most clauses embedded per text (16).
    public static let maximumClauses = 16
}

