import Foundation
@testable import SentenceEncoder
import Testing

/// Damaged or unsupported model folders: each is refused with an
/// ``EncoderError`` naming the file at fault; nothing crashes and nothing
/// large is allocated (every size is checked against the file first).
@Suite struct HostileFolderTests {
    static let bert = TinyBERT(seed: 30)

    /// A valid folder, then `damage` applied to it; expects a refusal naming `file`.
    func expectRefused(file: String, mentioning words: [String], sourceLocation: SourceLocation = #_sourceLocation,
                       _ damage: (URL) throws -> Void) throws {
        let folder = try Self.bert.write()
        defer { try? FileManager.default.removeItem(at: folder) }
        try damage(folder)
        do {
            let model = try SentenceTransformerModel(folder: folder)
            Issue.record("the damaged folder was accepted (\(model.fingerprint))", sourceLocation: sourceLocation)
        } catch let error as EncoderError {
            #expect(error.file?.hasSuffix("/" + file) == true, "\(error)", sourceLocation: sourceLocation)
            for word in words {
                #expect(error.message.localizedCaseInsensitiveContains(word), "\(error)", sourceLocation: sourceLocation)
            }
        }
    }

    func writeWeights(_ bytes: [UInt8], to folder: URL) throws {
        try Data(bytes).write(to: folder.appending(path: "model.safetensors"))
    }

    func writeHeader(_ header: String, data: [UInt8] = [], to folder: URL) throws {
        try writeWeights(SafeTensorsWriter.file(header: header, data: data), to: folder)
    }

    func replace(_ name: String, in folder: URL, _ text: String) throws {
        try Data(text.utf8).write(to: folder.appending(path: name))
    }

    func editConfig(_ folder: URL, _ edit: (inout String) -> Void) throws {
        var text = Self.bert.configJSON
        edit(&text)
        try replace("config.json", in: folder, text)
    }

    // MARK: - model.safetensors

    @Test func truncatedFiles() throws {
        let bytes = Self.bert.safetensors().fileBytes()
        try expectRefused(file: "model.safetensors", mentioning: ["truncated"]) { try writeWeights(Array(bytes.prefix(5)), to: $0) }
        try expectRefused(file: "model.safetensors", mentioning: ["header"]) { try writeWeights(Array(bytes.prefix(40)), to: $0) }
        try expectRefused(file: "model.safetensors", mentioning: ["outside the data buffer"]) {
            try writeWeights(Array(bytes.dropLast(100)), to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["after its last tensor"]) {
            try writeWeights(bytes + [1, 2, 3, 4], to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["missing"]) {
            try FileManager.default.removeItem(at: $0.appending(path: "model.safetensors"))
            try FileManager.default.createSymbolicLink(atPath: $0.appending(path: "model.safetensors").path,
                                                       withDestinationPath: "/nonexistent/model.safetensors")
        }
        try expectRefused(file: "model.safetensors", mentioning: ["not a regular file"]) {
            try FileManager.default.removeItem(at: $0.appending(path: "model.safetensors"))
            try FileManager.default.createDirectory(at: $0.appending(path: "model.safetensors"), withIntermediateDirectories: false)
        }
    }

    @Test func missingWeightsFile() throws {
        try expectRefused(file: "model.safetensors", mentioning: ["missing"]) {
            try FileManager.default.removeItem(at: $0.appending(path: "model.safetensors"))
        }
        try expectRefused(file: "model.safetensors", mentioning: ["pytorch_model.bin"]) {
            try FileManager.default.removeItem(at: $0.appending(path: "model.safetensors"))
            try Data([0]).write(to: $0.appending(path: "pytorch_model.bin"))
        }
    }

    @Test func headerLengthBeyondTheFile() throws {
        let (header, data) = Self.bert.safetensors().parts()
        try expectRefused(file: "model.safetensors", mentioning: ["declares a header"]) {
            try writeWeights(SafeTensorsWriter.file(header: header, data: data, declaredLength: UInt64(header.utf8.count + data.count + 1_000)), to: $0)
        }
        // Far beyond any file: refused before allocating anything.
        try expectRefused(file: "model.safetensors", mentioning: ["declares a header"]) {
            try writeWeights(SafeTensorsWriter.file(header: header, data: data, declaredLength: UInt64.max), to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["declares a header"]) {
            try writeWeights(SafeTensorsWriter.file(header: header, data: data, declaredLength: 1 << 40), to: $0)
        }
    }

    @Test func headerIsNotJSON() throws {
        for header in ["{not json at all", "[1, 2, 3]", "\"a string\"", "{\"w\": 3}", "{\"w\": {\"dtype\": \"F32\"}}",
                       "{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0]}}",
                       "{\"w\": {\"dtype\": \"F32\", \"shape\": [1.5], \"data_offsets\": [0, 4]}}",
                       "{\"w\": {\"dtype\": \"F32\", \"shape\": [1e30], \"data_offsets\": [0, 4]}}",
                       "{\"__metadata__\": {\"format\": 3}}", "\u{1}\u{2}\u{3}\u{4}\u{5}\u{6}\u{7}\u{8}"] {
            try expectRefused(file: "model.safetensors", mentioning: []) { try writeHeader(header, data: [0, 0, 0, 0], to: $0) }
        }
    }

    @Test func offsetsOverlappingOrOutOfRange() throws {
        let four: [UInt8] = [0, 0, 128, 63, 0, 0, 0, 64]  // 1.0, 2.0
        try expectRefused(file: "model.safetensors", mentioning: ["overlaps"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}"#,
                            data: four, to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["overlaps"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#,
                            data: four, to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["outside the data buffer"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}"#, data: four, to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["outside the data buffer"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [0], "data_offsets": [8, 4]}}"#, data: four, to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["outside the data buffer"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [1], "data_offsets": [-4, 0]}}"#, data: four, to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["hole"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}}"#, data: four, to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["outside the data buffer"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [1], "data_offsets": [9223372036854775800, 9223372036854775804]}}"#, data: four, to: $0)
        }
    }

    @Test func shapeAndSizeMismatch() throws {
        let four: [UInt8] = [0, 0, 128, 63, 0, 0, 0, 64]
        try expectRefused(file: "model.safetensors", mentioning: ["span 8 bytes"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}}"#, data: four, to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["overflows"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [4294967296, 4294967296], "data_offsets": [0, 8]}}"#, data: four, to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["overflows"]) {
            // The element count fits, its bytes do not.
            try writeHeader(#"{"a": {"dtype": "F64", "shape": [2305843009213693952, 2], "data_offsets": [0, 8]}}"#, data: four, to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["negative"]) {
            try writeHeader(#"{"a": {"dtype": "F32", "shape": [-2, -1], "data_offsets": [0, 8]}}"#, data: four, to: $0)
        }
    }

    @Test func unknownDtype() throws {
        try expectRefused(file: "model.safetensors", mentioning: ["dtype 'Q4'"]) {
            try writeHeader(#"{"a": {"dtype": "Q4", "shape": [2], "data_offsets": [0, 8]}}"#, data: [UInt8](repeating: 0, count: 8), to: $0)
        }
        // A known but non-float dtype where a weight is expected.
        try expectRefused(file: "model.safetensors", mentioning: ["I32"]) {
            var writer = Self.bert.safetensors()
            let index = writer.entries.firstIndex { $0.name == "encoder.layer.1.output.dense.bias" }!
            writer.entries[index].dtype = "I32"
            try writeWeights(writer.fileBytes(), to: $0)
        }
    }

    @Test func missingTensor() throws {
        try expectRefused(file: "model.safetensors", mentioning: ["encoder.layer.1.attention.self.key.weight", "missing"]) {
            try writeWeights(Self.bert.safetensors(skipping: ["encoder.layer.1.attention.self.key.weight"]).fileBytes(), to: $0)
        }
        try expectRefused(file: "model.safetensors", mentioning: ["token_type_embeddings"]) {
            try writeWeights(Self.bert.safetensors(skipping: ["embeddings.token_type_embeddings.weight"]).fileBytes(), to: $0)
        }
        // More layers in config.json than in the file.
        try expectRefused(file: "model.safetensors", mentioning: ["encoder.layer.2."]) {
            try editConfig($0) { $0 = $0.replacingOccurrences(of: "\"num_hidden_layers\": 2", with: "\"num_hidden_layers\": 3") }
        }
    }

    @Test func wrongShape() throws {
        try expectRefused(file: "model.safetensors", mentioning: ["intermediate.dense.weight", "[64, 32]"]) {
            var writer = Self.bert.safetensors()
            let index = writer.entries.firstIndex { $0.name == "encoder.layer.0.intermediate.dense.weight" }!
            writer.entries[index].shape = [32, 64]
            try writeWeights(writer.fileBytes(), to: $0)
        }
        // A vocabulary in config.json larger than the embedding table.
        try expectRefused(file: "model.safetensors", mentioning: ["word_embeddings", "[200, 32]"]) {
            try editConfig($0) { $0 = $0.replacingOccurrences(of: "\"vocab_size\": 100", with: "\"vocab_size\": 200") }
        }
    }

    // MARK: - config.json

    @Test func unsupportedConfigurations() throws {
        let cases: [(String, String, [String])] = [
            ("\"model_type\": \"bert\"", "\"model_type\": \"gpt2\"", ["model_type", "gpt2"]),
            ("\"model_type\": \"bert\"", "\"model_type\": \"roberta\"", ["roberta"]),
            ("\"model_type\": \"bert\"", "\"model_type\": \"distilbert\"", ["distilbert"]),
            ("\"model_type\": \"bert\",", "", ["model_type"]),
            ("\"hidden_act\": \"gelu\"", "\"hidden_act\": \"relu\"", ["hidden_act", "relu"]),
            ("\"hidden_size\": 32", "\"hidden_size\": 0", ["hidden_size 0"]),
            ("\"hidden_size\": 32", "\"hidden_size\": 1000000000000", ["hidden_size 1000000000000"]),
            ("\"hidden_size\": 32", "\"hidden_size\": -32", ["hidden_size"]),
            ("\"hidden_size\": 32", "\"hidden_size\": 32.5", ["hidden_size"]),
            ("\"hidden_size\": 32", "\"hidden_size\": 1e300", ["hidden_size"]),
            ("\"hidden_size\": 32", "\"hidden_size\": \"32\"", ["hidden_size"]),
            ("\"num_attention_heads\": 4", "\"num_attention_heads\": 5", ["not a multiple"]),
            ("\"num_attention_heads\": 4", "\"num_attention_heads\": 0", ["num_attention_heads"]),
            ("\"vocab_size\": 100", "\"vocab_size\": 1000000000", ["vocab_size"]),
            ("\"max_position_embeddings\": 64", "\"max_position_embeddings\": 99999999", ["max_position_embeddings"]),
            ("\"intermediate_size\": 64", "\"intermediate_size\": 0", ["intermediate_size"]),
            ("\"num_hidden_layers\": 2", "\"num_hidden_layers\": 100000", ["num_hidden_layers"]),
            ("\"position_embedding_type\": \"absolute\"", "\"position_embedding_type\": \"relative_key\"", ["relative_key"]),
            ("\"layer_norm_eps\": 1e-12", "\"layer_norm_eps\": 0", ["layer_norm_eps"]),
            ("{", "[", []),
        ]
        for (original, replacement, words) in cases {
            #expect(Self.bert.configJSON.contains(original), "\(original)")
            try expectRefused(file: "config.json", mentioning: words) {
                try editConfig($0) { $0 = $0.replacingOccurrences(of: original, with: replacement) }
            }
        }
        try expectRefused(file: "config.json", mentioning: ["cannot be read"]) {
            try FileManager.default.removeItem(at: $0.appending(path: "config.json"))
        }
    }

    // MARK: - modules.json, pooling, sentence_bert_config.json

    @Test func unsupportedModules() throws {
        try expectRefused(file: "modules.json", mentioning: ["sentence_transformers.models.Dense", "not supported"]) {
            try replace("modules.json", in: $0, TinyBERT.modulesJSON(normalize: true, extra: [
                #"{"idx": 3, "name": "3", "path": "3_Dense", "type": "sentence_transformers.models.Dense"}"#,
            ]))
        }
        try expectRefused(file: "modules.json", mentioning: ["Dense"]) {
            try replace("modules.json", in: $0, """
                [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                 {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                 {"idx": 2, "name": "2", "path": "2_Dense", "type": "sentence_transformers.models.Dense"},
                 {"idx": 3, "name": "3", "path": "3_Normalize", "type": "sentence_transformers.models.Normalize"}]
                """)
        }
        try expectRefused(file: "modules.json", mentioning: ["Pooling"]) {
            try replace("modules.json", in: $0, #"[{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"}]"#)
        }
        try expectRefused(file: "modules.json", mentioning: ["Transformer"]) {
            try replace("modules.json", in: $0, #"[{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.CLIPModel"}]"#)
        }
        try expectRefused(file: "modules.json", mentioning: ["leaves the model folder"]) {
            try replace("modules.json", in: $0, """
                [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
                 {"idx": 1, "name": "1", "path": "../../etc", "type": "sentence_transformers.models.Pooling"}]
                """)
        }
        try expectRefused(file: "modules.json", mentioning: ["list of modules"]) { try replace("modules.json", in: $0, "{}") }
        try expectRefused(file: "modules.json", mentioning: ["cannot be read"]) {
            try FileManager.default.removeItem(at: $0.appending(path: "modules.json"))
        }
    }

    @Test func unsupportedPooling() throws {
        let pooling = "1_Pooling/config.json"
        let valid = Self.bert.poolingJSON(.mean)
        try expectRefused(file: pooling, mentioning: ["pooling_mode_weightedmean_tokens"]) {
            try replace(pooling, in: $0, valid.replacingOccurrences(of: "\"pooling_mode_weightedmean_tokens\": false",
                                                                    with: "\"pooling_mode_weightedmean_tokens\": true"))
        }
        try expectRefused(file: pooling, mentioning: ["pooling_mode_lasttoken"]) {
            try replace(pooling, in: $0, valid.replacingOccurrences(of: "\"pooling_mode_lasttoken\": false", with: "\"pooling_mode_lasttoken\": true"))
        }
        try expectRefused(file: pooling, mentioning: ["no pooling mode"]) {
            try replace(pooling, in: $0, valid.replacingOccurrences(of: "\"pooling_mode_mean_tokens\": true", with: "\"pooling_mode_mean_tokens\": false"))
        }
        try expectRefused(file: pooling, mentioning: ["several pooling modes"]) {
            try replace(pooling, in: $0, valid.replacingOccurrences(of: "\"pooling_mode_cls_token\": false", with: "\"pooling_mode_cls_token\": true"))
        }
        try expectRefused(file: pooling, mentioning: ["word_embedding_dimension"]) {
            try replace(pooling, in: $0, valid.replacingOccurrences(of: "\"word_embedding_dimension\": 32", with: "\"word_embedding_dimension\": 64"))
        }
        try expectRefused(file: "sentence_bert_config.json", mentioning: ["max_seq_length"]) {
            try replace("sentence_bert_config.json", in: $0, #"{"max_seq_length": 0}"#)
        }
    }

    @Test func longerMaximumLengthThanPositionsIsCapped() throws {
        let folder = try Self.bert.write(maximumSequenceLength: 10_000)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try SentenceTransformerModel(folder: folder).maximumSequenceLength == Self.bert.positions)
    }
}
