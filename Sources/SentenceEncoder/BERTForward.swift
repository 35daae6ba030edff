import CSentenceKernels
import Dispatch
import MatchCore
import Synchronization

/// The forward pass: batching, worker threads, and the layers of one batch.
extension SentenceTransformerModel {
    /// Tokens per batch: sequences are added in input order while the batch
    /// holds at most this many tokens (a longer sequence is a batch of its
    /// own). Large enough for the linear layers' products to run at full speed,
    /// small enough for a worker's buffers to stay near its L2/L3 caches.
    static let batchTokenBudget = 1_024

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

    /// Embeds valid sequences (checked by the caller).
    func encode(_ sequences: [[Int32]], workers requested: Int) -> Matrix {
        encode(sequences, spans: [], workers: requested).sequences
    }

    /// Embeds valid sequences and, for each, the mean of its final hidden
    /// states over each of its `spans` (token positions; empty spans and
    /// positions beyond the sequence are the caller's to avoid), normalised
    /// like the sequences. `spans` is empty or has one list per sequence.
    func encode(_ sequences: [[Int32]], spans: [[Range<Int>]], workers requested: Int)
        -> (sequences: Matrix, spans: [Matrix])
    {
        let h = configuration.hiddenSize
        guard !sequences.isEmpty else { return (Matrix(rows: 0, columns: h), []) }
        let spanStarts = spans.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        let spanOutput = AlignedFloats(count: max(1, (spanStarts.last ?? 0) * h))
        let lengths = sequences.map(\.count)
        let batches = Self.batches(lengths: lengths)
        let output = AlignedFloats(count: sequences.count * h)
        let largestBatch = batches.map { lengths[$0].reduce(0, +) }.max() ?? 0
        let capacity = largestBatch
        let longest = lengths.max() ?? 1
        let workerCount = max(1, min(requested, batches.count))
        let next = Atomic<Int>(0)
        let body: @Sendable (Int) -> Void = { _ in
            let workspace = Workspace(model: self, tokens: capacity, longestSequence: longest)
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < batches.count else { break }
                let batch = batches[index]
                workspace.run(sequences[batch], firstIndex: batch.lowerBound, output: output.pointer,
                              spans: spans, spanStarts: spanStarts, spanOutput: spanOutput.pointer)
            }
        }
        if workerCount == 1 {
            body(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workerCount, execute: body)
        }
        var matrix = Matrix(rows: sequences.count, columns: h,
                            elements: Array(UnsafeBufferPointer(start: output.pointer, count: sequences.count * h)))
        if normalizes { matrix.normalizeRows() }
        let spanMatrices: [Matrix] = spans.indices.map { k in
            let count = spans[k].count
            var block = Matrix(rows: count, columns: h, elements: Array(
                UnsafeBufferPointer(start: spanOutput.pointer + spanStarts[k] * h, count: count * h)))
            if normalizes { block.normalizeRows() }
            return block
        }
        return (matrix, spanMatrices)
    }
}

/// One worker's buffers, and the forward pass of one batch in them.
final class Workspace {
    let weights: BERTWeights
    let configuration: BERTConfiguration
    let pooling: SentenceTransformerModel.Pooling
    /// Hidden states, tokens × H.
    let hidden: AlignedFloats
    /// Query, key and value of every token, tokens × 3H.
    let qkv: AlignedFloats
    /// Attention output (heads concatenated), tokens × H.
    let context: AlignedFloats
    /// Feed-forward activations, tokens × I.
    let intermediate: AlignedFloats
    /// `sk_attention`'s workspace for the longest sequence.
    let attentionWorkspace: AlignedFloats
    /// `sk_linear`'s workspace.
    let linearWorkspace = AlignedFloats(count: sk_linear_workspace_count())

    init(model: SentenceTransformerModel, tokens: Int, longestSequence: Int) {
        let c = model.configuration
        weights = model.weights
        configuration = c
        pooling = model.pooling
        hidden = AlignedFloats(count: tokens * c.hiddenSize)
        qkv = AlignedFloats(count: tokens * 3 * c.hiddenSize)
        context = AlignedFloats(count: tokens * c.hiddenSize)
        intermediate = AlignedFloats(count: tokens * c.intermediateSize)
        attentionWorkspace = AlignedFloats(count: sk_attention_workspace_count(Int32(longestSequence), Int32(c.headSize)))
    }

    /// Embeds `sequences` (one batch) into rows `firstIndex…` of `output`
    /// (pooled, not yet normalised).
    func run(_ sequences: ArraySlice<[Int32]>, firstIndex: Int, output: UnsafeMutablePointer<Float>,
             spans: [[Range<Int>]] = [], spanStarts: [Int] = [], spanOutput: UnsafeMutablePointer<Float>? = nil) {
        let c = configuration
        let h = c.hiddenSize, inner = c.intermediateSize
        let w = weights
        let rows = sequences.reduce(0) { $0 + $1.count }
        let x = hidden.pointer, f = intermediate.pointer
        let epsilon = c.layerNormEpsilon
        let activation = c.activation == .gelu ? Int32(SK_ACTIVATION_GELU) : Int32(SK_ACTIVATION_GELU_TANH)

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
        sk_layer_norm(x, Int32(rows), Int32(h), w.pointer(w.embeddingNormGamma), w.pointer(w.embeddingNormBeta), epsilon)

        for layer in w.layers {
            // Q, K, V in one product: bias + X · Wqkvᵀ.
            linear(rows: rows, outputs: 3 * h, inputs: h, x, weight: layer.qkvWeight, bias: layer.qkvBias,
                   start: SK_INIT_BIAS, into: qkv.pointer)
            var start = 0
            for sequence in sequences {
                sk_attention(Int32(sequence.count), Int32(c.headCount), Int32(c.headSize), qkv.pointer + start * 3 * h,
                             Int32(3 * h), context.pointer + start * h, Int32(h), attentionWorkspace.pointer)
                start += sequence.count
            }
            // X ← LayerNorm((X + bias) + context · Woᵀ).
            linear(rows: rows, outputs: h, inputs: h, context.pointer, weight: layer.attentionOutputWeight,
                   bias: layer.attentionOutputBias, start: SK_INIT_OUTPUT_PLUS_BIAS, into: x)
            sk_layer_norm(x, Int32(rows), Int32(h), w.pointer(layer.attentionNormGamma),
                          w.pointer(layer.attentionNormBeta), epsilon)
            // Feed-forward: GELU(bias + X · Wiᵀ), then X ← LayerNorm((X + bias) + · Wo2ᵀ).
            linear(rows: rows, outputs: inner, inputs: h, x, weight: layer.intermediateWeight,
                   bias: layer.intermediateBias, start: SK_INIT_BIAS, activation: activation, into: f)
            linear(rows: rows, outputs: h, inputs: inner, f, weight: layer.outputWeight, bias: layer.outputBias,
                   start: SK_INIT_OUTPUT_PLUS_BIAS, into: x)
            sk_layer_norm(x, Int32(rows), Int32(h), w.pointer(layer.outputNormGamma),
                          w.pointer(layer.outputNormBeta), epsilon)
        }

        // Pooling, one sequence at a time.
        var start = 0
        for (k, sequence) in sequences.enumerated() {
            pool(rows: x + start * h, count: sequence.count, into: output + (firstIndex + k) * h)
            if let spanOutput, firstIndex + k < spans.count {
                for (s, span) in spans[firstIndex + k].enumerated() {
                    let clamped = span.clamped(to: 0..<sequence.count)
                    let destination = spanOutput + (spanStarts[firstIndex + k] + s) * h
                    destination.update(repeating: 0, count: h)
                    for t in clamped {
                        let row = x + (start + t) * h
                        for j in 0..<h { destination[j] += row[j] }
                    }
                    let divisor = Float(max(1, clamped.count))
                    for j in 0..<h { destination[j] /= divisor }
                }
            }
            start += sequence.count
        }
    }

    /// `output (rows × outputs) ← activation(start + input (rows × inputs) · Wᵀ)`,
    /// W packed at `weight`: each element one chain of FMAs in a fixed
    /// order, so a row's result does not depend on the other rows
    /// (CSentenceKernels.h).
    @inline(__always)
    private func linear(rows: Int, outputs: Int, inputs: Int, _ input: UnsafePointer<Float>, weight: Int, bias: Int,
                        start: Int, activation: Int32 = Int32(SK_ACTIVATION_NONE),
                        into output: UnsafeMutablePointer<Float>) {
        sk_linear(Int32(rows), Int32(outputs), Int32(inputs), input, Int32(inputs), weights.pointer(weight),
                  weights.pointer(bias), Int32(start), activation, output, Int32(outputs), linearWorkspace.pointer)
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
