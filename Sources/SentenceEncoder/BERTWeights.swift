import CSentenceKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Float memory aligned to 64 bytes, released with its owner.
final class AlignedFloats: @unchecked Sendable {
    // @unchecked: the memory is written only while its owner is being built
    // (or by the one worker that owns it) and is freed only in deinit.
    let pointer: UnsafeMutablePointer<Float>
    let count: Int

    /// `count` floats, zeroed.
    init(count: Int) {
        precondition(count >= 0, "negative size")
        var raw: UnsafeMutableRawPointer?
        let bytes = max(count, 1) * MemoryLayout<Float>.stride
        guard posix_memalign(&raw, 64, bytes) == 0, let raw else {
            preconditionFailure("cannot allocate \(bytes) bytes")
        }
        memset(raw, 0, bytes)
        pointer = raw.bindMemory(to: Float.self, capacity: max(count, 1))
        self.count = count
    }

    deinit { free(pointer) }
}

/// Where each weight of one encoder layer sits in ``BERTWeights/storage``
/// (offsets in floats). Matrices are stored packed for `sk_gemm` (panels of
/// 16 output columns, see CSentenceKernels.h), packed once at load.
struct LayerLayout: Sendable {
    /// Query, key and value weights stacked, 3H × H (query, then key, then value), packed.
    var qkvWeight = 0
    /// Their biases: 3H.
    var qkvBias = 0
    /// Attention output projection, H × H packed, and its bias.
    var attentionOutputWeight = 0, attentionOutputBias = 0
    /// The LayerNorm after attention: γ and β, H each.
    var attentionNormGamma = 0, attentionNormBeta = 0
    /// Feed-forward up projection, I × H packed, and its bias (I).
    var intermediateWeight = 0, intermediateBias = 0
    /// Feed-forward down projection, H × I packed, and its bias (H).
    var outputWeight = 0, outputBias = 0
    /// The LayerNorm after the feed-forward block.
    var outputNormGamma = 0, outputNormBeta = 0
}

/// Every weight of a BERT encoder in one aligned block, immutable once loaded.
final class BERTWeights: Sendable {
    let configuration: BERTConfiguration
    let storage: AlignedFloats
    /// Word embeddings, V × H.
    let wordEmbeddings: Int
    /// Position embeddings, P × H.
    let positionEmbeddings: Int
    /// Row 0 of the token-type embeddings (every token is of type 0), H.
    let tokenTypeEmbedding: Int
    /// The embeddings' LayerNorm γ and β.
    let embeddingNormGamma: Int, embeddingNormBeta: Int
    let layers: [LayerLayout]

    /// Reads the weights from `file`, whose tensor names are BERT's with or
    /// without a `bert.` prefix.
    ///
    /// - Throws: ``EncoderError`` naming the file when a tensor is missing,
    ///   has another shape than `configuration` implies, is not
    ///   floating-point, or cannot be read. Shapes are all checked before
    ///   anything is allocated.
    init(file: SafeTensorsFile, configuration c: BERTConfiguration) throws {
        self.configuration = c
        let h = c.hiddenSize, i = c.intermediateSize
        let prefix = file["embeddings.word_embeddings.weight"] == nil && file["bert.embeddings.word_embeddings.weight"] != nil
            ? "bert." : ""

        // Every tensor read, its expected shape and where it goes: vectors and
        // embedding tables as they are; a Linear weight (one, or query, key
        // and value stacked) into a packed matrix of `rows` × `columns`.
        struct Placement {
            var names: [String]
            var shape: [Int]
            var offset: Int
            var packed: (rows: Int, columns: Int)?
        }
        var plan: [Placement] = []
        var total = 0
        func place(_ count: Int) -> Int {
            defer { total += count }
            return total
        }
        func vector(_ name: String, _ shape: [Int]) -> Int {
            let offset = place(shape.reduce(1, *))
            plan.append(Placement(names: [prefix + name], shape: shape, offset: offset, packed: nil))
            return offset
        }
        func linear(_ names: [String], rows: Int, columns: Int) -> Int {
            let offset = place(sk_packed_count(Int32(rows * names.count), Int32(columns)))
            plan.append(Placement(names: names.map { prefix + $0 }, shape: [rows, columns], offset: offset,
                                  packed: (rows * names.count, columns)))
            return offset
        }
        let word = vector("embeddings.word_embeddings.weight", [c.vocabularySize, h])
        let position = vector("embeddings.position_embeddings.weight", [c.maximumPositions, h])
        let tokenType = place(h)
        let gamma = vector("embeddings.LayerNorm.weight", [h])
        let beta = vector("embeddings.LayerNorm.bias", [h])
        var layers: [LayerLayout] = []
        for index in 0..<c.layerCount {
            let p = "encoder.layer.\(index)."
            var l = LayerLayout()
            let parts = ["query", "key", "value"]
            l.qkvWeight = linear(parts.map { p + "attention.self.\($0).weight" }, rows: h, columns: h)
            l.qkvBias = place(3 * h)
            for (part, name) in parts.enumerated() {
                plan.append(Placement(names: [prefix + p + "attention.self.\(name).bias"], shape: [h],
                                      offset: l.qkvBias + part * h, packed: nil))
            }
            l.attentionOutputWeight = linear([p + "attention.output.dense.weight"], rows: h, columns: h)
            l.attentionOutputBias = vector(p + "attention.output.dense.bias", [h])
            l.attentionNormGamma = vector(p + "attention.output.LayerNorm.weight", [h])
            l.attentionNormBeta = vector(p + "attention.output.LayerNorm.bias", [h])
            l.intermediateWeight = linear([p + "intermediate.dense.weight"], rows: i, columns: h)
            l.intermediateBias = vector(p + "intermediate.dense.bias", [i])
            l.outputWeight = linear([p + "output.dense.weight"], rows: h, columns: i)
            l.outputBias = vector(p + "output.dense.bias", [h])
            l.outputNormGamma = vector(p + "output.LayerNorm.weight", [h])
            l.outputNormBeta = vector(p + "output.LayerNorm.bias", [h])
            layers.append(l)
        }

        // Check everything before allocating: the file's own (validated) sizes bound the allocation.
        let path = file.displayPath
        func tensor(_ name: String, _ shape: [Int]) throws -> SafeTensorsFile.Tensor {
            guard let tensor = file[name] else {
                throw EncoderError(file: path, "has no tensor '\(name)', which a BERT model with \(c.layerCount) layers needs (config.json); the tensor is missing")
            }
            guard tensor.shape == shape else {
                throw EncoderError(file: path, "tensor '\(name)' has shape \(tensor.shape), expected \(shape) from config.json")
            }
            guard tensor.dtype.isFloatingPoint else {
                throw EncoderError(file: path, "tensor '\(name)' has dtype \(tensor.dtype.rawValue); weights must be F32, F16, BF16 or F64")
            }
            return tensor
        }
        let resolved = try plan.map { placement in try placement.names.map { try tensor($0, placement.shape) } }
        let typeName = prefix + "embeddings.token_type_embeddings.weight"
        let typeTensor = try tensor(typeName, [c.tokenTypeCount, h])

        let storage = AlignedFloats(count: total)
        // One Linear weight (or a stacked triple) at a time, packed from a scratch copy.
        let largestLinear = plan.compactMap { $0.packed.map { $0.rows * $0.columns } }.max() ?? 0
        let scratch = AlignedFloats(count: largestLinear)
        for (placement, tensors) in zip(plan, resolved) {
            if let packed = placement.packed {
                var offset = 0
                for tensor in tensors {
                    try file.read(tensor, into: UnsafeMutableBufferPointer(start: scratch.pointer + offset, count: tensor.elementCount))
                    offset += tensor.elementCount
                }
                sk_pack_transposed(scratch.pointer, Int32(packed.rows), Int32(packed.columns), Int32(packed.columns),
                                   storage.pointer + placement.offset)
            } else {
                try file.read(tensors[0], into: UnsafeMutableBufferPointer(start: storage.pointer + placement.offset,
                                                                          count: tensors[0].elementCount))
            }
        }
        let types = try file.floats(typeTensor.name)
        (storage.pointer + tokenType).update(from: types, count: h)

        self.storage = storage
        self.wordEmbeddings = word
        self.positionEmbeddings = position
        self.tokenTypeEmbedding = tokenType
        self.embeddingNormGamma = gamma
        self.embeddingNormBeta = beta
        self.layers = layers
    }

    /// The weight block's floats from `offset`.
    @inline(__always)
    func pointer(_ offset: Int) -> UnsafePointer<Float> {
        UnsafePointer(storage.pointer + offset)
    }
}
