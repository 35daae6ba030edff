import Foundation
import MatchCore
@testable import SentenceEncoder
import Testing

/// The BLAS forward pass against the naive Double one of ``TinyBERT``, on
/// model folders written by the test (which also exercises the loader).
@Suite struct ReferenceForwardTests {
    static func maximumDifference(_ model: SentenceTransformerModel, _ bert: TinyBERT, _ sequences: [[Int32]],
                                  workers: Int = 2) -> Double {
        let embeddings = model.embed(tokenSequences: sequences, workers: workers)
        var worst = 0.0
        for (index, ids) in sequences.enumerated() {
            let expected = bert.reference(ids, pooling: model.pooling, normalize: model.normalizes)
            for (j, value) in embeddings.row(index).enumerated() {
                worst = max(worst, abs(Double(value) - expected[j]))
            }
        }
        return worst
    }

    @Test func agreesWithTheNaiveForwardPass() throws {
        let bert = TinyBERT(seed: 1)
        let folder = try bert.write(maximumSequenceLength: 48)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try SentenceTransformerModel(folder: folder)
        #expect(model.dimension == 32)
        #expect(model.maximumSequenceLength == 48)
        #expect(model.normalizes)
        #expect(model.pooling == .mean)
        let sequences = bert.randomSequences(24, lengths: 1...48, seed: 2) + [[5], [0, 99], Array(repeating: 99, count: 48)]
        let difference = Self.maximumDifference(model, bert, sequences)
        #expect(difference <= 1e-5, "max |Δ| = \(difference)")
    }

    @Test(arguments: [SentenceTransformerModel.Pooling.cls, .max, .meanSquareRootLength, .mean])
    func poolingModesWithoutNormalisation(_ pooling: SentenceTransformerModel.Pooling) throws {
        let bert = TinyBERT(seed: 3)
        let folder = try bert.write(pooling: pooling, normalize: false)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try SentenceTransformerModel(folder: folder)
        #expect(model.pooling == pooling)
        #expect(!model.normalizes)
        #expect(model.maximumSequenceLength == bert.positions)  // no sentence_bert_config.json
        let difference = Self.maximumDifference(model, bert, bert.randomSequences(10, lengths: 1...64, seed: 4))
        #expect(difference <= 1e-5, "max |Δ| = \(difference)")
    }

    @Test func tanhGELUAndABertPrefix() throws {
        let bert = TinyBERT(seed: 5, hiddenSize: 48, headCount: 3, layerCount: 3, intermediateSize: 80, activation: "gelu_new")
        let folder = try bert.write(prefix: "bert.")
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try SentenceTransformerModel(folder: folder)
        #expect(model.configuration.activation == .geluTanh)
        let difference = Self.maximumDifference(model, bert, bert.randomSequences(12, lengths: 1...40, seed: 6), workers: 1)
        #expect(difference <= 1e-5, "max |Δ| = \(difference)")
    }

    @Test func oddSizesAndLongSequencesInQueryBlocks() throws {
        // Widths that are not multiples of 16 (partial vectors everywhere) and
        // sequences longer than one block of attention scores.
        let bert = TinyBERT(seed: 7, vocabularySize: 37, hiddenSize: 21, headCount: 3, layerCount: 1,
                            intermediateSize: 45, positions: 560)
        let folder = try bert.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try SentenceTransformerModel(folder: folder)
        let sequences = bert.randomSequences(2, lengths: 520...560, seed: 8) + bert.randomSequences(5, lengths: 1...17, seed: 9)
        // More than one block of scores (2¹⁸ floats) per head: several query blocks.
        #expect(sequences[0].count * ((sequences[0].count + 15) / 16 * 16) > 1 << 18)
        let difference = Self.maximumDifference(model, bert, sequences)
        #expect(difference <= 1e-5, "max |Δ| = \(difference)")
    }

    @Test func halfAndBFloat16FilesLoadTheSameValues() throws {
        let bert = TinyBERT(seed: 10)
        let sequences = bert.randomSequences(8, lengths: 1...30, seed: 11)
        var results: [TensorEncoding: Matrix] = [:]
        for encoding in TensorEncoding.allCases {
            let folder = try bert.write(encoding: encoding)
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = try SafeTensorsFile(url: folder.appending(path: "model.safetensors"))
            for (name, shape, values) in bert.tensors {
                #expect(file[name]?.shape == shape)
                #expect(file[name]?.dtype.rawValue == encoding.rawValue)
                #expect(try file.floats(name) == values, "\(encoding) \(name)")
            }
            results[encoding] = try SentenceTransformerModel(folder: folder).embed(tokenSequences: sequences)
        }
        #expect(results[.f16] == results[.f32])
        #expect(results[.bf16] == results[.f32])
    }

    @Test func halfPrecisionDecodingIsExact() throws {
        // Every F16 bit pattern (subnormals, ±0, ±∞, NaN) decodes to the bits Float16 gives,
        // one at a time and eight at a time, from any byte offset, with a tail of fewer than eight.
        let patterns = Array(UInt16.min...UInt16.max)
        var bytes: [UInt8] = [0xAB]  // one byte ahead: the SIMD loads are unaligned
        for bits in patterns { bytes += [UInt8(bits & 0xFF), UInt8(bits >> 8)] }
        bytes += [0x00, 0x3C, 0x01, 0x80, 0xFF, 0x7D]  // a tail of three: 1.0, the smallest negative subnormal, a NaN
        let tail: [UInt16] = [0x3C00, 0x8001, 0x7DFF]
        let expected = (patterns + tail).map { Float(Float16(bitPattern: $0)) }
        let widened = [Float](unsafeUninitializedCapacity: expected.count) { buffer, initialized in
            bytes.withUnsafeBytes { HalfPrecision.widen(UnsafeRawBufferPointer(rebasing: $0.dropFirst()), into: buffer) }
            initialized = expected.count
        }
        // A NaN may come back quieted from the runtime's conversion: then both are NaN with the same sign.
        func same(_ x: Float, _ y: Float) -> Bool {
            x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN && x.sign == y.sign)
        }
        var mismatches: [String] = []
        for (index, bits) in (patterns + tail).enumerated() {
            if !same(HalfPrecision.float(bits), expected[index]) { mismatches.append("scalar 0x\(String(bits, radix: 16))") }
            if !same(widened[index], expected[index]) { mismatches.append("SIMD 0x\(String(bits, radix: 16))") }
        }
        #expect(HalfPrecision.float(0x7E01).bitPattern == 0x7FC0_2000, "a NaN keeps its payload")
        let mismatchCount = mismatches.count
        #expect(mismatchCount == 0, "first: \(mismatches.prefix(5))")
    }

    @Test func emptyInputAndValidation() throws {
        let bert = TinyBERT(seed: 12)
        let folder = try bert.write(maximumSequenceLength: 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = try SentenceTransformerModel(folder: folder)
        let empty = model.embed(tokenSequences: [])
        #expect(empty.rows == 0 && empty.columns == 32)
        #expect(throws: EncoderError.self) { try model.embed(validating: [[1, 2], []]) }
        #expect(throws: EncoderError.self) { try model.embed(validating: [Array(repeating: 1, count: 21)]) }
        #expect(throws: EncoderError.self) { try model.embed(validating: [[1, 100]]) }
        #expect(throws: EncoderError.self) { try model.embed(validating: [[-1]]) }
        do {
            _ = try model.embed(validating: [[1, 2], [3, Int32.max]])
        } catch let error as EncoderError {
            #expect(error.file == nil)
            #expect(error.message.contains("token sequence 1"), "\(error)")
        }
        let valid = try model.embed(validating: [[1, 2, 3]])
        #expect(valid == model.embed(tokenSequences: [[1, 2, 3]]))
    }

    @Test func fingerprintIsStableAndFollowsTheWeights() throws {
        var bert = TinyBERT(seed: 13)
        let first = try bert.write()
        let again = try bert.write()
        bert.tensors[10].values[3] += 1.0 / 256
        let changed = try bert.write()
        defer { for folder in [first, again, changed] { try? FileManager.default.removeItem(at: folder) } }
        let a = try SentenceTransformerModel(folder: first), b = try SentenceTransformerModel(folder: again)
        let c = try SentenceTransformerModel(folder: changed)
        let digits = { (model: SentenceTransformerModel) in String(model.fingerprint.suffix(32)) }
        #expect(a.fingerprint.hasPrefix(first.lastPathComponent + "-"))
        #expect(digits(a) == digits(b))          // same weights, same header: same digits
        #expect(digits(a) != digits(c))          // one weight changed (same header, same size)
        #expect(try SentenceTransformerModel(folder: first).fingerprint == a.fingerprint)
        // Read without the weights, the same fingerprint.
        #expect(try SentenceTransformerModel.Description(folder: changed).fingerprint == c.fingerprint)
    }
}
