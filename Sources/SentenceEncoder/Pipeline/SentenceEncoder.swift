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
/// each text's clauses (``ClauseSplitter``) with their own vectors, for
/// explanations, and keeps everything in an ``EmbeddingCache``.
public struct SentenceEncoder: Sendable {
    /// The model.
    public let model: SentenceTransformerModel
    /// Its tokenizer.
    public let tokenizer: WordPieceTokenizer
    /// The model folder's name, for reports (e.g. `all-MiniLM-L6-v2`).
    public let name: String

    /// Loads a model folder as sentence-transformers saves it.
    ///
    /// - Throws: ``EncoderError`` naming the file and what is missing or unsupported.
    /// - Complexity: O(weights): the weights are read once.
    public init(modelFolder: URL) throws {
        self.model = try SentenceTransformerModel(folder: modelFolder)
        self.tokenizer = try WordPieceTokenizer(modelFolder: modelFolder)
        self.name = modelFolder.standardizedFileURL.lastPathComponent
        guard tokenizer.vocabularySize <= model.configuration.vocabularySize else {
            throw EncoderError(file: modelFolder.appendingPathComponent("vocab.txt").path,
                               "has \(tokenizer.vocabularySize) tokens but the model knows \(model.configuration.vocabularySize)")
        }
    }

    /// The vectors' dimension.
    public var dimension: Int { model.dimension }
    /// The model's fingerprint (``SentenceTransformerModel/fingerprint``), the cache's key.
    public var fingerprint: String { model.fingerprint }

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
        /// Its clauses (``ClauseSplitter``, at most ``SentenceEncoder/maximumClauses``).
        public var clauses: [String]
        /// One L2-normalised vector per clause, Float16-rounded (`clauses × dimension`).
        public var clauseVectors: Matrix
    }

    /// Embeds texts and their clauses, taking what it can from `cache` and
    /// adding the rest to it.
    ///
    /// The text's vector is exactly ``encode(_:workers:)``'s. Each clause
    /// (``ClauseSplitter``) of a text with two or more is embedded as a
    /// sentence of its own in the same batch (a text of one clause is its
    /// clause), normalised and rounded to Float16 — the precision the cache
    /// keeps, so that cached and fresh runs give the same bytes. Rows do not
    /// depend on the batch (``SentenceTransformerModel/embed(tokenSequences:workers:)``),
    /// so a cached vector is the one a fresh run would compute.
    ///
    /// - Parameters:
    ///   - texts: The texts.
    ///   - cache: A cache of this model (its fingerprint equal to ``fingerprint``), or `nil`.
    ///   - workers: Threads.
    /// - Returns: One entry per text, in order.
    /// - Complexity: one forward pass over the texts not cached and their clauses.
    public func encode(_ texts: [String], cache: inout EmbeddingCache?, workers: Int = DenseProducts.activeProcessorCount)
        -> [EncodedText]
    {
        var results: [String: EncodedText] = [:]
        var missing: [String] = []
        for text in texts where results[text] == nil {
            let clauses = Self.quotableClauses(text)
            if let entry = cache?.entry(for: text), entry.vector.count == dimension,
               entry.clauseCount == clauses.count, entry.clauseVectors.count == clauses.count * dimension {
                results[text] = EncodedText(vector: entry.vector, clauses: clauses,
                                            clauseVectors: Matrix(rows: clauses.count, columns: dimension, elements: entry.clauseVectors))
            } else {
                results[text] = EncodedText(vector: [], clauses: clauses, clauseVectors: Matrix(rows: 0, columns: dimension))
                missing.append(text)
            }
        }
        // One batch: every missing text, then the clauses of those with two or more.
        var sequences = missing.map { tokenizer.tokenIDs(for: $0) }
        var clauseRows: [String: (first: Int, count: Int)] = [:]
        for text in missing {
            let clauses = results[text]?.clauses ?? []
            guard clauses.count >= 2 else { continue }
            clauseRows[text] = (sequences.count, clauses.count)
            sequences += clauses.map { tokenizer.tokenIDs(for: $0) }
        }
        let rows = model.embed(tokenSequences: sequences, workers: workers)
        for (position, text) in missing.enumerated() {
            let vector = Array(rows.row(position))
            var clauseVectors = Matrix(rows: 0, columns: dimension)
            if let clauses = results[text]?.clauses, clauses.count == 1 {
                clauseVectors = Matrix(rows: 1, columns: dimension, elements: vector.map(Self.half))
            } else if let span = clauseRows[text] {
                clauseVectors = Matrix(rows: span.count, columns: dimension,
                                       elements: (span.first..<(span.first + span.count)).flatMap { rows.row($0).map(Self.half) })
            }
            let encoded = EncodedText(vector: vector, clauses: results[text]?.clauses ?? [], clauseVectors: clauseVectors)
            results[text] = encoded
            cache?.insert(EmbeddingCache.Entry(vector: vector, clauseVectors: clauseVectors.elements,
                                               clauseCount: clauseVectors.rows), for: text)
        }
        return texts.map { results[$0] ?? EncodedText(vector: [], clauses: [], clauseVectors: Matrix(rows: 0, columns: dimension)) }
    }

    /// A value as the cache keeps clause vectors (Float16).
    static func half(_ value: Float) -> Float { Float(Float16(value)) }

    /// The clauses a reason may quote: ``ClauseSplitter``'s, at most 16 (a long text's first ones).
    static func quotableClauses(_ text: String) -> [String] {
        Array(ClauseSplitter.clauses(of: text).prefix(maximumClauses))
    }

    /// The most clauses embedded per text (16).
    public static let maximumClauses = 16
}

