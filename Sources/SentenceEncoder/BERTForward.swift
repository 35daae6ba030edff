import Dispatch
import MatchCore
import Synchronization

/// The forward pass: batching, worker threads, and the layers of one batch.
extension SentenceTransformerModel {
    /// Tokens per batch: sequences are added in input order while the batch
    /// holds at most this many tokens (a longer sequence is a batch of its
    /// own). Large enough for the linear layers' GEMMs to run near BLAS peak,
    /// small enough for a worker's buffers to stay near its L2/L3 caches.
    static let batchTokenBudget = 1_024

    /// The most attention scores one worker holds at once (floats): long
    /// sequences are processed in blocks of query rows under this bound.
    static let scoreCapacity = 1 << 18

    /// The batches of `sequences`: consecutive runs of about
    /// ``batchTokenBudget`` tokens. Depends on the lengths only.
    static func batches(lengths: [Int], budget: Int = batchTokenBudget) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var start = 0, tokens = 0
        for (index, length) in lengths.enumerated() {
            if index > start, tokens + length > budget {
                batches.append(start..<index)
                start = index
                tokens = 0
            }
            tokens += length
        }
        if start < lengths.count { batches.append(start..<lengths.count) }
        return batches
    }

    /// The fewest rows a linear layer's GEMM is called with (padding rows
    /// are zero and discarded). OpenBLAS's SkylakeX build switches to
    /// separate "small matrix" kernels, which sum in another order, when
    /// m·n·k ≤ 10⁶; never calling it that small keeps a sequence's bits
    /// independent of how many tokens share its batch.
    var minimumGEMMRows: Int {
        let h = configuration.hiddenSize
        return 1_000_000 / (h * min(h, configuration.intermediateSize)) + 1
    }

    /// Embeds valid sequences (checked by the caller).
    func encode(_ sequences: [[Int32]], workers requested: Int) -> Matrix {
        let h = configuration.hiddenSize
        guard !sequences.isEmpty else { return Matrix(rows: 0, columns: h) }
        let lengths = sequences.map(\.count)
        let batches = Self.batches(lengths: lengths)
        let output = AlignedFloats(count: sequences.count * h)
        let largestBatch = batches.map { lengths[$0].reduce(0, +) }.max() ?? 0
        let capacity = max(largestBatch, minimumGEMMRows)
        let longest = lengths.max() ?? 1
        let workerCount = max(1, min(requested, batches.count))
        let next = Atomic<Int>(0)
        let body: @Sendable (Int) -> Void = { _ in
            let workspace = Workspace(model: self, tokens: capacity, longestSequence: longest)
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < batches.count else { break }
                let batch = batches[index]
                workspace.run(sequences[batch], firstIndex: batch.lowerBound, output: output.pointer)
            }
        }
        // One BLAS thread per call, whatever the worker count: OpenBLAS splits
        // a product differently on several threads and the bits would change.
        DenseProducts.withSingleThreadedBLAS {
            if workerCount == 1 {
                body(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workerCount, execute: body)
            }
        }
        var matrix = Matrix(rows: sequences.count, columns: h,
                            elements: Array(UnsafeBufferPointer(start: output.pointer, count: sequences.count * h)))
        if normalizes { matrix.normalizeRows() }
        return matrix
    }
}

/// One worker's buffers, and the forward pass of one batch in them.
final class Workspace {
    let weights: BERTWeights
    let configuration: BERTConfiguration
    let pooling: SentenceTransformerModel.Pooling
    let minimumRows: Int
    /// Hidden states, tokens × H.
    let hidden: AlignedFloats
    /// Query, key and value of every token, tokens × 3H.
    let qkv: AlignedFloats
    /// Attention output (heads concatenated), tokens × H.
    let context: AlignedFloats
    /// Feed-forward activations, tokens × I.
    let intermediate: AlignedFloats
    /// One block of attention scores.
    let scores: AlignedFloats

    init(model: SentenceTransformerModel, tokens: Int, longestSequence: Int) {
        let c = model.configuration
        weights = model.weights
        configuration = c
        pooling = model.pooling
        minimumRows = model.minimumGEMMRows
        hidden = AlignedFloats(count: tokens * c.hiddenSize)
        qkv = AlignedFloats(count: tokens * 3 * c.hiddenSize)
        context = AlignedFloats(count: tokens * c.hiddenSize)
        intermediate = AlignedFloats(count: tokens * c.intermediateSize)
        scores = AlignedFloats(count: min(longestSequence * longestSequence,
                                          max(SentenceTransformerModel.scoreCapacity, longestSequence)))
    }

    /// Embeds `sequences` (one batch) into rows `firstIndex…` of `output`
    /// (pooled, not yet normalised).
    func run(_ sequences: ArraySlice<[Int32]>, firstIndex: Int, output: UnsafeMutablePointer<Float>) {
        let c = configuration
        let h = c.hiddenSize, inner = c.intermediateSize
        let w = weights
        let tokens = sequences.reduce(0) { $0 + $1.count }
        let rows = max(tokens, minimumRows)
        let x = hidden.pointer

        // Embeddings: (word + type 0) + position, as BertEmbeddings adds them.
        var offset = 0
        let word = w.pointer(w.wordEmbeddings), position = w.pointer(w.positionEmbeddings)
        let type0 = w.pointer(w.tokenTypeEmbedding)
        for sequence in sequences {
            for (p, id) in sequence.enumerated() {
                let row = x + (offset + p) * h
                let wordRow = word + Int(id) * h, positionRow = position + p * h
                for j in 0..<h { row[j] = (wordRow[j] + type0[j]) + positionRow[j] }
            }
            offset += sequence.count
        }
        // Padding rows: zero, so that they stay finite; never read back.
        if rows > tokens {
            (x + tokens * h).update(repeating: 0, count: (rows - tokens) * h)
            (context.pointer + tokens * h).update(repeating: 0, count: (rows - tokens) * h)
        }
        VectorMath.layerNorm(x, rows: rows, columns: h, gamma: w.pointer(w.embeddingNormGamma),
                             beta: w.pointer(w.embeddingNormBeta), epsilon: c.layerNormEpsilon)

        for layer in w.layers {
            // Q, K, V in one product: qkv ← bias; qkv += X · Wqkvᵀ.
            VectorMath.fillRows(qkv.pointer, rows: rows, columns: 3 * h, with: w.pointer(layer.qkvBias))
            DenseProducts.gemm(transposeA: false, transposeB: true, m: rows, n: 3 * h, k: h,
                               alpha: 1, a: x, lda: h, b: w.pointer(layer.qkvWeight), ldb: h,
                               beta: 1, c: qkv.pointer, ldc: 3 * h)
            var start = 0
            for sequence in sequences {
                attention(start: start, length: sequence.count)
                start += sequence.count
            }
            // X ← LayerNorm(X + bias + context · Woᵀ).
            VectorMath.addRows(x, rows: rows, columns: h, bias: w.pointer(layer.attentionOutputBias))
            DenseProducts.gemm(transposeA: false, transposeB: true, m: rows, n: h, k: h,
                               alpha: 1, a: context.pointer, lda: h, b: w.pointer(layer.attentionOutputWeight), ldb: h,
                               beta: 1, c: x, ldc: h)
            VectorMath.layerNorm(x, rows: rows, columns: h, gamma: w.pointer(layer.attentionNormGamma),
                                 beta: w.pointer(layer.attentionNormBeta), epsilon: c.layerNormEpsilon)
            // Feed-forward: GELU(X · Wiᵀ + bias), then X ← LayerNorm(X + bias + · Wo2ᵀ).
            let f = intermediate.pointer
            VectorMath.fillRows(f, rows: rows, columns: inner, with: w.pointer(layer.intermediateBias))
            DenseProducts.gemm(transposeA: false, transposeB: true, m: rows, n: inner, k: h,
                               alpha: 1, a: x, lda: h, b: w.pointer(layer.intermediateWeight), ldb: h,
                               beta: 1, c: f, ldc: inner)
            VectorMath.gelu(f, rows: rows, columns: inner, activation: c.activation)
            VectorMath.addRows(x, rows: rows, columns: h, bias: w.pointer(layer.outputBias))
            DenseProducts.gemm(transposeA: false, transposeB: true, m: rows, n: h, k: inner,
                               alpha: 1, a: f, lda: inner, b: w.pointer(layer.outputWeight), ldb: inner,
                               beta: 1, c: x, ldc: h)
            VectorMath.layerNorm(x, rows: rows, columns: h, gamma: w.pointer(layer.outputNormGamma),
                                 beta: w.pointer(layer.outputNormBeta), epsilon: c.layerNormEpsilon)
        }

        // Pooling, one sequence at a time.
        var start = 0
        for (k, sequence) in sequences.enumerated() {
            pool(rows: x + start * h, count: sequence.count, into: output + (firstIndex + k) * h)
            start += sequence.count
        }
    }

    /// Scaled dot-product attention of the sequence at rows `start..<start+length`,
    /// head by head, into the same rows of `context`.
    private func attention(start: Int, length n: Int) {
        let h = configuration.hiddenSize, d = configuration.headSize
        let stride = 3 * h
        let scale = 1 / Float(d).squareRoot()
        let block = max(1, min(n, scores.count / n))
        let s = scores.pointer
        for head in 0..<configuration.headCount {
            let q = qkv.pointer + start * stride + head * d
            let k = q + h, v = q + 2 * h
            let out = context.pointer + start * h + head * d
            var first = 0
            while first < n {
                let m = min(block, n - first)
                DenseProducts.gemm(transposeA: false, transposeB: true, m: m, n: n, k: d,
                                   alpha: scale, a: q + first * stride, lda: stride, b: k, ldb: stride,
                                   beta: 0, c: s, ldc: n)
                VectorMath.softmax(s, rows: m, columns: n, stride: n)
                DenseProducts.gemm(transposeA: false, transposeB: false, m: m, n: d, k: n,
                                   alpha: 1, a: s, lda: n, b: v, ldb: stride,
                                   beta: 0, c: out + first * h, ldc: h)
                first += m
            }
        }
    }

    /// Pools `count` token rows into `destination`.
    private func pool(rows: UnsafeMutablePointer<Float>, count: Int, into destination: UnsafeMutablePointer<Float>) {
        let h = configuration.hiddenSize
        switch pooling {
        case .cls:
            destination.update(from: rows, count: h)
        case .max:
            destination.update(from: rows, count: h)
            for t in 1..<count {
                let row = rows + t * h
                for j in 0..<h { destination[j] = Swift.max(destination[j], row[j]) }
            }
        case .mean, .meanSquareRootLength:
            destination.update(from: rows, count: h)
            for t in 1..<count {
                let row = rows + t * h
                for j in 0..<h { destination[j] += row[j] }
            }
            let divisor = pooling == .mean ? Float(count) : Float(count).squareRoot()
            for j in 0..<h { destination[j] /= divisor }
        }
    }
}
