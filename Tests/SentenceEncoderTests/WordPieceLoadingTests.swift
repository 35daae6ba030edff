import Foundation
import Testing
@testable import SentenceEncoder

/// Vocabulary files and model folders that must be refused, each with the
/// file (and line) named, and the ones that must be accepted.
@Suite struct WordPieceLoadingTests {
    static let specials = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n"

    static func vocabularyFile(_ bytes: [UInt8], in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("vocab.txt")
        try Data(bytes).write(to: url)
        return url
    }

    static func load(_ text: String, in folder: URL) throws -> WordPieceTokenizer {
        try WordPieceTokenizer(vocabularyFile: vocabularyFile(Array(text.utf8), in: folder), maximumLength: 16)
    }

    // MARK: - vocab.txt

    @Test func aGoodFileLoadsWithLFOrCRLFAndWithoutAFinalLineBreak() throws {
        try withTemporaryFolder { folder in
            let lf = try Self.load(Self.specials + "hello\n##s\nworld", in: folder)
            #expect(lf.vocabularySize == 8)
            #expect(lf.tokens(for: "Hellos world") == ["[CLS]", "hello", "##s", "world", "[SEP]"])
            let crlf = try Self.load((Self.specials + "hello\n##s\nworld\n").replacingOccurrences(of: "\n", with: "\r\n"), in: folder)
            #expect(crlf.vocabularySize == 8)
            #expect(crlf.tokenIDs(for: "Hellos world") == lf.tokenIDs(for: "Hellos world"))
        }
    }

    @Test func aMissingFileIsNamed() throws {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/vocab.txt")
        let error = encoderError { _ = try WordPieceTokenizer(vocabularyFile: url, maximumLength: 8) }
        #expect(error?.file == url.path)
        #expect(error?.message.contains("cannot be read") == true)
    }

    @Test func aFolderIsNotAVocabulary() throws {
        try withTemporaryFolder { folder in
            let error = encoderError { _ = try WordPieceTokenizer(vocabularyFile: folder, maximumLength: 8) }
            #expect(error?.file == folder.path)
            #expect(error?.message.contains("folder") == true)
        }
    }

    @Test func anEmptyFileIsRefused() throws {
        try withTemporaryFolder { folder in
            let url = try Self.vocabularyFile([], in: folder)
            let error = encoderError { _ = try WordPieceTokenizer(vocabularyFile: url, maximumLength: 8) }
            #expect(error?.file == url.path)
            #expect(error?.message.contains("empty") == true)
        }
    }

    @Test func moreThanAMillionLinesAreRefused() throws {
        try withTemporaryFolder { folder in
            // 1,000,001 (empty) lines: refused before any token is read.
            let url = try Self.vocabularyFile([UInt8](repeating: 0x0A, count: 1_000_001), in: folder)
            let error = encoderError { _ = try WordPieceTokenizer(vocabularyFile: url, maximumLength: 8) }
            #expect(error?.file == url.path)
            #expect(error?.message.contains("has 1000001 lines") == true)
            // 1,000,000 lines pass the count (and fail later, at line 1, for another reason).
            let limit = try Self.vocabularyFile([0xFF] + [UInt8](repeating: 0x0A, count: 1_000_000), in: folder)
            let later = encoderError { _ = try WordPieceTokenizer(vocabularyFile: limit, maximumLength: 8) }
            #expect(later?.message.contains("line 1 is not valid UTF-8") == true)
            // Without a final line break the last line counts too.
            let unterminated = try Self.vocabularyFile([UInt8](repeating: 0x0A, count: 1_000_000) + [0x61], in: folder)
            let counted = encoderError { _ = try WordPieceTokenizer(vocabularyFile: unterminated, maximumLength: 8) }
            #expect(counted?.message.contains("has 1000001 lines") == true)
        }
    }

    @Test func invalidUTF8IsRefusedWithItsLine() throws {
        try withTemporaryFolder { folder in
            let url = try Self.vocabularyFile(Array((Self.specials + "ok\n").utf8) + [0x61, 0xC3, 0x28, 0x0A] + Array("b\n".utf8), in: folder)
            let error = encoderError { _ = try WordPieceTokenizer(vocabularyFile: url, maximumLength: 8) }
            #expect(error?.file == url.path)
            #expect(error?.message.contains("line 7 is not valid UTF-8") == true)
        }
    }

    @Test func duplicatesAreRefusedWithBothLines() throws {
        try withTemporaryFolder { folder in
            let url = try Self.vocabularyFile(Array((Self.specials + "a\nb\na\n").utf8), in: folder)
            let error = encoderError { _ = try WordPieceTokenizer(vocabularyFile: url, maximumLength: 8) }
            #expect(error?.file == url.path)
            #expect(error?.message.contains("line 8 repeats the token 'a' of line 6") == true)
        }
    }

    @Test func missingSpecialTokensAreNamed() throws {
        try withTemporaryFolder { folder in
            let url = try Self.vocabularyFile(Array("[PAD]\n[UNK]\nhello\n".utf8), in: folder)
            let error = encoderError { _ = try WordPieceTokenizer(vocabularyFile: url, maximumLength: 8) }
            #expect(error?.file == url.path)
            #expect(error?.message.contains("has no [CLS], [SEP]") == true)
            // [MASK] is optional.
            let noMask = try Self.load("[PAD]\n[UNK]\n[CLS]\n[SEP]\nmask\n", in: folder)
            #expect(noMask.tokens(for: "[MASK]") == ["[CLS]", "[UNK]", "mask", "[UNK]", "[SEP]"])
        }
    }

    @Test func strayCarriageReturnsAndByteOrderMarksAreRefused() throws {
        try withTemporaryFolder { folder in
            let cr = try Self.vocabularyFile(Array((Self.specials + "a\rb\n").utf8), in: folder)
            let crError = encoderError { _ = try WordPieceTokenizer(vocabularyFile: cr, maximumLength: 8) }
            #expect(crError?.message.contains("line 6 holds a carriage return") == true)
            let bom = try Self.vocabularyFile([0xEF, 0xBB, 0xBF] + Array(Self.specials.utf8), in: folder)
            let bomError = encoderError { _ = try WordPieceTokenizer(vocabularyFile: bom, maximumLength: 8) }
            #expect(bomError?.file == bom.path)
            #expect(bomError?.message.contains("byte-order mark") == true)
        }
    }

    @Test func theInMemoryVocabularyIsCheckedToo() throws {
        let empty = encoderError { _ = try WordPieceTokenizer(vocabulary: [], maximumLength: 8) }
        #expect(empty?.file == nil)
        #expect(empty?.message.contains("empty") == true)
        let duplicate = encoderError {
            _ = try WordPieceTokenizer(vocabulary: ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[UNK]"], maximumLength: 8)
        }
        #expect(duplicate?.message.contains("vocabulary entry 5 repeats the token '[UNK]' of vocabulary entry 2") == true)
        let missing = encoderError { _ = try WordPieceTokenizer(vocabulary: ["[CLS]", "[SEP]"], maximumLength: 8) }
        #expect(missing?.message.contains("has no [UNK], [PAD]") == true)
        let short = encoderError {
            _ = try WordPieceTokenizer(vocabulary: ["[PAD]", "[UNK]", "[CLS]", "[SEP]"], maximumLength: 1)
        }
        #expect(short?.message.contains("at least 2") == true)
    }

    @Test func anEmptyLineIsATokenThatNeverMatches() throws {
        // Python's readlines and Rust's lines keep empty lines as tokens; ids
        // after them must not shift.
        try withTemporaryFolder { folder in
            let tokenizer = try Self.load(Self.specials + "\nhello\n", in: folder)
            #expect(tokenizer.vocabularySize == 7)
            #expect(tokenizer.tokenIDs(for: "hello") == [2, 6, 3])
        }
    }

    // MARK: - Model folders

    /// A minimal valid sentence-transformers tokenizer folder.
    static func modelFolder(
        at folder: URL, vocabulary: String = specials + "hello\n##s\nworld\n",
        tokenizerConfig: String? = #"{"do_lower_case": true, "model_max_length": 512, "tokenizer_class": "BertTokenizer"}"#,
        sentenceConfig: String? = #"{"max_seq_length": 8, "do_lower_case": false}"#,
        config: String? = #"{"max_position_embeddings": 512}"#,
        tokenizerJSON: String? = nil
    ) throws {
        try Data(vocabulary.utf8).write(to: folder.appendingPathComponent("vocab.txt"))
        for (name, text) in [("tokenizer_config.json", tokenizerConfig), ("sentence_bert_config.json", sentenceConfig),
                             ("config.json", config), ("tokenizer.json", tokenizerJSON)] {
            if let text { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        }
    }

    static func tokenizerJSON(
        model: String = ###""type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4, "hello": 5, "##s": 6, "world": 7}"###,
        normalizer: String = #"{"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true}"#,
        preTokenizer: String = #"{"type": "BertPreTokenizer"}"#,
        postProcessor: String = #"{"type": "TemplateProcessing", "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": "[SEP]", "type_id": 0}}], "pair": [], "special_tokens": {"[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]}, "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]}}}"#,
        addedTokens: String = #"[{"id": 0, "content": "[PAD]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}, {"id": 4, "content": "[MASK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}]"#
    ) -> String {
        #"{"version": "1.0", "truncation": null, "padding": null, "added_tokens": \#(addedTokens), "normalizer": \#(normalizer), "pre_tokenizer": \#(preTokenizer), "post_processor": \#(postProcessor), "decoder": null, "model": {\#(model)}}"#
    }

    @Test func aMinimalModelFolderLoads() throws {
        try withTemporaryFolder { folder in
            try Self.modelFolder(at: folder, tokenizerJSON: Self.tokenizerJSON())
            let tokenizer = try WordPieceTokenizer(modelFolder: folder)
            #expect(tokenizer.maximumLength == 8)
            #expect(tokenizer.tokens(for: "Hellos, world [MASK]") == ["[CLS]", "hello", "##s", "[UNK]", "world", "[MASK]", "[SEP]"])
            // BertProcessing is BERT's post-processor too.
            try Data(Self.tokenizerJSON(postProcessor: #"{"type": "BertProcessing", "sep": ["[SEP]", 3], "cls": ["[CLS]", 2]}"#).utf8)
                .write(to: folder.appendingPathComponent("tokenizer.json"))
            _ = try WordPieceTokenizer(modelFolder: folder)
        }
    }

    @Test func onlyTheVocabularyIsRequired() throws {
        try withTemporaryFolder { folder in
            try Self.modelFolder(at: folder, tokenizerConfig: nil, sentenceConfig: nil)
            let tokenizer = try WordPieceTokenizer(modelFolder: folder)
            #expect(tokenizer.maximumLength == 512)  // max_position_embeddings
            #expect(tokenizer.tokens(for: "HELLO") == ["[CLS]", "hello", "[SEP]"])  // do_lower_case defaults to true
        }
    }

    @Test func lengthsFollowSentenceTransformers() throws {
        try withTemporaryFolder { folder in
            // max_seq_length wins, even over a smaller model_max_length.
            try Self.modelFolder(at: folder, tokenizerConfig: #"{"model_max_length": 6}"#, sentenceConfig: #"{"max_seq_length": 12}"#)
            #expect(try WordPieceTokenizer(modelFolder: folder).maximumLength == 12)
            // Without it: the smaller of model_max_length and max_position_embeddings.
            try Self.modelFolder(at: folder, tokenizerConfig: #"{"model_max_length": 1e30}"#, sentenceConfig: #"{"max_seq_length": null}"#)
            #expect(try WordPieceTokenizer(modelFolder: folder).maximumLength == 512)
            // transformers writes its "no limit" as this integer.
            try Self.modelFolder(at: folder, tokenizerConfig: #"{"model_max_length": 1000000000000000019884624838656}"#, sentenceConfig: "{}")
            #expect(try WordPieceTokenizer(modelFolder: folder).maximumLength == 512)
            try Self.modelFolder(at: folder, tokenizerConfig: #"{"model_max_length": 64}"#, sentenceConfig: "{}")
            #expect(try WordPieceTokenizer(modelFolder: folder).maximumLength == 64)
        }
    }

    @Test func impossibleLengthsAreRefused() throws {
        try withTemporaryFolder { folder in
            try Self.modelFolder(at: folder, sentenceConfig: #"{"max_seq_length": 1024}"#)
            let tooLong = encoderError { _ = try WordPieceTokenizer(modelFolder: folder) }
            #expect(tooLong?.file == folder.appendingPathComponent("sentence_bert_config.json").path)
            #expect(tooLong?.message.contains("exceeds the model's max_position_embeddings 512") == true)

            try Self.modelFolder(at: folder, sentenceConfig: #"{"max_seq_length": 1}"#)
            let tooShort = encoderError { _ = try WordPieceTokenizer(modelFolder: folder) }
            #expect(tooShort?.message.contains("at least 2") == true)

            try FileManager.default.removeItem(at: folder.appendingPathComponent("config.json"))
            try Self.modelFolder(at: folder, tokenizerConfig: "{}", sentenceConfig: "{}", config: nil)
            let none = encoderError { _ = try WordPieceTokenizer(modelFolder: folder) }
            #expect(none?.file == folder.appendingPathComponent("sentence_bert_config.json").path)
            #expect(none?.message.contains("max_seq_length") == true)
        }
    }

    @Test func otherTokenizersAreRefusedByName() throws {
        let cases: [(String, String)] = [
            (#""type": "Unigram", "unk_id": 3, "vocab": [["<pad>", 0.0], ["▁the", -3.1]]"#, "Unigram (SentencePiece)"),
            (#""type": "BPE", "vocab": {"a": 0}, "merges": []"#, "BPE (byte-pair encoding)"),
            (#""type": "WordLevel", "vocab": {"a": 0}, "unk_token": "[UNK]""#, "type 'WordLevel'"),
        ]
        for (model, words) in cases {
            try withTemporaryFolder { folder in
                try Self.modelFolder(at: folder, tokenizerJSON: Self.tokenizerJSON(model: model))
                let error = encoderError { _ = try WordPieceTokenizer(modelFolder: folder) }
                #expect(error?.file == folder.appendingPathComponent("tokenizer.json").path)
                #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
                #expect(error?.message.contains("only BERT WordPiece tokenizers are supported") == true)
            }
        }
        try withTemporaryFolder { folder in
            try Self.modelFolder(at: folder, tokenizerConfig: #"{"tokenizer_class": "XLMRobertaTokenizer"}"#)
            let error = encoderError { _ = try WordPieceTokenizer(modelFolder: folder) }
            #expect(error?.file == folder.appendingPathComponent("tokenizer_config.json").path)
            #expect(error?.message.contains("'XLMRobertaTokenizer'") == true)
        }
    }

    @Test func tokenizerJSONSettingsBERTDoesNotHaveAreRefused() throws {
        let cases: [(String, String)] = [
            (Self.tokenizerJSON(model: ###""type": "WordPiece", "unk_token": "<unk>", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100"###), "unk_token"),
            (Self.tokenizerJSON(model: #""type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "@@", "max_input_chars_per_word": 100"#), "continuing_subword_prefix"),
            (Self.tokenizerJSON(model: ###""type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 200"###), "max_input_chars_per_word"),
            (Self.tokenizerJSON(normalizer: #"{"type": "NFKC"}"#), "'NFKC'"),
            (Self.tokenizerJSON(normalizer: #"{"type": "BertNormalizer", "clean_text": false, "lowercase": true}"#), "clean_text"),
            (Self.tokenizerJSON(preTokenizer: #"{"type": "Whitespace"}"#), "pre_tokenizer is 'Whitespace'"),
            (Self.tokenizerJSON(postProcessor: "null"), "no post_processor"),
            (Self.tokenizerJSON(postProcessor: #"{"type": "RobertaProcessing", "sep": ["</s>", 2], "cls": ["<s>", 0]}"#), "'RobertaProcessing'"),
            (Self.tokenizerJSON(postProcessor: #"{"type": "BertProcessing", "sep": ["[SEP]", 7], "cls": ["[CLS]", 2]}"#), "[CLS] $A [SEP]"),
            (Self.tokenizerJSON(addedTokens: #"[{"id": 8, "content": "<extra>", "normalized": false}]"#), "added token '<extra>'"),
            (Self.tokenizerJSON(addedTokens: #"[{"id": 4, "content": "[MASK]", "lstrip": true, "normalized": false}]"#), "added token '[MASK]'"),
            (Self.tokenizerJSON(model: ###""type": "WordPiece", "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4, "hello": 6, "##s": 5, "world": 7}"###), "differs from vocab.txt"),
            (Self.tokenizerJSON(model: #""type": "WordPiece", "vocab": {"[PAD]": 0}"#), "1 tokens there, 8 in vocab.txt"),
        ]
        for (json, words) in cases {
            try withTemporaryFolder { folder in
                try Self.modelFolder(at: folder, tokenizerJSON: json)
                let error = encoderError { _ = try WordPieceTokenizer(modelFolder: folder) }
                #expect(error?.file == folder.appendingPathComponent("tokenizer.json").path)
                #expect(error?.message.contains(words) == true, "\(words): \(error?.message ?? "")")
            }
        }
    }

    @Test func malformedConfigurationFilesAreNamed() throws {
        let cases: [(String, String, String)] = [
            ("tokenizer_config.json", "{ not json", "is not valid JSON"),
            ("tokenizer_config.json", #"{"do_lower_case": "yes"}"#, "do_lower_case is not true or false"),
            ("tokenizer_config.json", #"{"strip_accents": 1}"#, "strip_accents is not true or false"),
            ("tokenizer_config.json", #"{"cls_token": "<s>"}"#, "cls_token is '<s>'"),
            ("tokenizer_config.json", #"{"mask_token": {"content": "<mask>", "lstrip": true}}"#, "mask_token is '<mask>'"),
            ("tokenizer_config.json", "[1, 2]", "not"),
            ("sentence_bert_config.json", #"{"max_seq_length": "256"}"#, "max_seq_length is not a number"),
            ("config.json", #"{"max_position_embeddings": 1}"#, "max_position_embeddings is 1"),
            ("tokenizer.json", "", "is not valid JSON"),
            ("tokenizer.json", #"{"model": {"type": 5}}"#, "model.type is not a string"),
        ]
        for (file, text, words) in cases {
            try withTemporaryFolder { folder in
                try Self.modelFolder(at: folder)
                try Data(text.utf8).write(to: folder.appendingPathComponent(file))
                let error = encoderError { _ = try WordPieceTokenizer(modelFolder: folder) }
                #expect(error?.file == folder.appendingPathComponent(file).path, "\(file): \(text)")
                #expect(error?.message.contains(words) == true, "\(file) \(text): \(error?.message ?? "")")
            }
        }
    }

    @Test func aFolderWithoutVocabularyOrNotAFolderIsRefused() throws {
        try withTemporaryFolder { folder in
            try Self.modelFolder(at: folder)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("vocab.txt"))
            let error = encoderError { _ = try WordPieceTokenizer(modelFolder: folder) }
            #expect(error?.file == folder.appendingPathComponent("vocab.txt").path)
            #expect(error?.message.contains("is missing") == true)

            let file = folder.appendingPathComponent("config.json")
            let notFolder = encoderError { _ = try WordPieceTokenizer(modelFolder: file) }
            #expect(notFolder?.file == file.path)
            #expect(notFolder?.message.contains("is not a folder") == true)
        }
    }

    @Test func tokenizerConfigWinsOverTheTokenizerJSONNormalizer() throws {
        // As transformers does (checked on the real model in the parity variants).
        try withTemporaryFolder { folder in
            try Self.modelFolder(
                at: folder, tokenizerConfig: #"{"do_lower_case": false}"#,
                tokenizerJSON: Self.tokenizerJSON(normalizer: #"{"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true}"#))
            let tokenizer = try WordPieceTokenizer(modelFolder: folder)
            #expect(tokenizer.tokens(for: "Hello hello") == ["[CLS]", "[UNK]", "hello", "[SEP]"])
        }
    }

    @Test func sentenceTransformersLowercasingComesFirst() throws {
        try withTemporaryFolder { folder in
            try Self.modelFolder(
                at: folder, vocabulary: Self.specials + "hello\ni\n",
                tokenizerConfig: #"{"do_lower_case": false}"#, sentenceConfig: #"{"max_seq_length": 8, "do_lower_case": true}"#)
            let tokenizer = try WordPieceTokenizer(modelFolder: folder)
            #expect(tokenizer.tokens(for: "HELLO") == ["[CLS]", "hello", "[SEP]"])
            // İ → i + U+0307, and no accent stripping in a cased tokenizer.
            #expect(tokenizer.tokens(for: "İ") == ["[CLS]", "[UNK]", "[SEP]"])
        }
    }
}
