import Foundation

extension WordPieceTokenizer {
    /// The tokenizer of a sentence-transformers model folder, set up as
    /// sentence-transformers 6.3.0 (with transformers 5) sets it up.
    ///
    /// Reads:
    /// - `vocab.txt` (required), as `init(vocabularyFile:…)`;
    /// - `tokenizer_config.json` (optional): `do_lower_case` (default true),
    ///   `strip_accents` (default null: follows `do_lower_case`),
    ///   `tokenize_chinese_chars` (default true), `model_max_length`; its
    ///   `tokenizer_class`, when given, must be `BertTokenizer`(`Fast`) and
    ///   its special tokens BERT's;
    /// - `sentence_bert_config.json` (optional): `max_seq_length`, which wins
    ///   over `model_max_length` (sentence-transformers passes it to the
    ///   tokenizer as its `model_max_length`), and `do_lower_case`, which puts
    ///   a lowercasing step before BertNormalizer as sentence-transformers does;
    /// - `config.json` (optional): `max_position_embeddings`, which caps
    ///   `model_max_length` when there is no `max_seq_length`, and which a
    ///   `max_seq_length` may not exceed;
    /// - `tokenizer.json` (optional): checked, not obeyed, where the reference
    ///   does not obey it either. Its vocabulary must equal vocab.txt's, its
    ///   model must be WordPiece with BERT's settings, its normalizer
    ///   BertNormalizer with clean_text, its pre-tokenizer BertPreTokenizer,
    ///   its post-processor `[CLS] $A [SEP]`, its added tokens BERT's special
    ///   tokens. Its normalizer's lowercase/strip_accents/handle_chinese_chars
    ///   are overridden by tokenizer_config.json's, as transformers does (4.x
    ///   rebuilt the normalizer when they differed, 5.x always builds it from
    ///   tokenizer_config.json).
    ///
    /// The maximum length is `max_seq_length` when given, else the smaller
    /// of `model_max_length` and `max_position_embeddings`.
    ///
    /// - Complexity: O(size of the files).
    /// - Throws: `EncoderError` naming the file at fault and what is wrong or
    ///   unsupported: a missing vocab.txt, a file that is not JSON or has a
    ///   setting of the wrong type, a tokenizer that is not BERT WordPiece
    ///   (a SentencePiece/Unigram or BPE model, another tokenizer class,
    ///   other special tokens or processing), vocabularies that disagree, no
    ///   usable maximum length; and what `init(vocabularyFile:…)` throws.
    public init(modelFolder: URL) throws {
        let folder = ModelFolder(url: modelFolder)
        guard folder.isDirectory else {
            throw EncoderError(file: modelFolder.path, "is not a folder; expected a sentence-transformers model folder (vocab.txt, tokenizer_config.json, …)")
        }
        let tokenizerConfig = try folder.decode(TokenizerConfig.self, "tokenizer_config.json")
        let sentenceConfig = try folder.decode(SentenceBertConfig.self, "sentence_bert_config.json")
        let modelConfig = try folder.decode(ModelConfig.self, "config.json")
        let tokenizerJSON = try folder.decode(TokenizerJSON.self, "tokenizer.json")

        if let config = tokenizerConfig {
            try config.check(file: folder.path("tokenizer_config.json"))
        }
        let vocabularyURL = folder.url("vocab.txt")
        guard folder.exists("vocab.txt") else {
            throw EncoderError(file: vocabularyURL.path, "is missing; a BERT WordPiece model folder has its vocabulary in vocab.txt (one token per line)")
        }
        let vocabulary = try VocabularyFile.read(vocabularyURL)
        let ids = try VocabularyFile.validate(vocabulary, source: vocabularyURL.path)
        if let tokenizerJSON {
            try tokenizerJSON.check(
                file: folder.path("tokenizer.json"), vocabulary: vocabulary, ids: ids, vocabularyFile: vocabularyURL.path)
        }

        let lowercase = tokenizerConfig?.doLowerCase ?? true
        let normalization = BertNormalization(
            cleanText: true,
            handleChineseCharacters: tokenizerConfig?.tokenizeChineseChars ?? true,
            stripAccents: tokenizerConfig?.stripAccents ?? lowercase,
            lowercase: lowercase,
            lowercaseFirst: sentenceConfig?.doLowerCase ?? false)

        let length = try Self.maximumLength(
            folder: folder, maxSeqLength: sentenceConfig?.maxSeqLength,
            modelMaxLength: tokenizerConfig?.modelMaxLength,
            positions: modelConfig?.maxPositionEmbeddings)
        try self.init(
            vocabulary: vocabulary, ids: ids, source: vocabularyURL.path, normalization: normalization,
            maximumLength: length)
    }

    /// sentence-transformers' truncation length.
    private static func maximumLength(folder: ModelFolder, maxSeqLength: Int?, modelMaxLength: Double?, positions: Int?) throws -> Int {
        let limit = 1_000_000
        if let positions, positions < 2 || positions > limit {
            throw EncoderError(file: folder.path("config.json"), "max_position_embeddings is \(positions); expected 2…\(limit)")
        }
        if let maxSeqLength {
            let file = folder.path("sentence_bert_config.json")
            guard maxSeqLength >= 2 else {
                throw EncoderError(file: file, "max_seq_length is \(maxSeqLength); it must be at least 2, for [CLS] and [SEP]")
            }
            if let positions, maxSeqLength > positions {
                throw EncoderError(file: file, "max_seq_length \(maxSeqLength) exceeds the model's max_position_embeddings \(positions) (config.json); the model cannot read sequences that long")
            }
            guard maxSeqLength <= limit else {
                throw EncoderError(file: file, "max_seq_length is \(maxSeqLength); at most \(limit) is accepted")
            }
            return maxSeqLength
        }
        let fromConfig = modelMaxLength.map { $0.rounded(.down) }
        let candidates = [fromConfig, positions.map(Double.init)].compactMap { $0 }
        guard let length = candidates.min(), length <= Double(limit) else {
            throw EncoderError(file: folder.path("sentence_bert_config.json"), "gives no max_seq_length, and neither tokenizer_config.json's model_max_length nor config.json's max_position_embeddings gives a usable one; add \"max_seq_length\": 256 (or the model's length) to sentence_bert_config.json")
        }
        guard length >= 2 else {
            throw EncoderError(file: folder.path("tokenizer_config.json"), "model_max_length is \(modelMaxLength ?? length); it must be at least 2, for [CLS] and [SEP]")
        }
        return Int(length)
    }
}

// MARK: - The folder's files

private struct ModelFolder {
    let url: URL

    var isDirectory: Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }

    func url(_ name: String) -> URL { url.appendingPathComponent(name) }
    func path(_ name: String) -> String { url(name).path }
    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: path(name)) }

    /// The JSON file `name` decoded, or nil when the folder has none.
    func decode<T: Decodable>(_ type: T.Type, _ name: String) throws -> T? {
        guard exists(name) else { return nil }
        let file = path(name)
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= 256 << 20 else {
            throw EncoderError(file: file, "is \(size) bytes, too large for a tokenizer or model configuration")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url(name))
        } catch {
            throw EncoderError(file: file, "cannot be read (\(VocabularyFile.reason(error)))")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as EncoderError {
            throw EncoderError(file: file, error.message)
        } catch let DecodingError.typeMismatch(expected, context) {
            throw EncoderError(file: file, "\(Self.key(context)) is not \(Self.describe(expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw EncoderError(file: file, "\(Self.key(context)) is null, expected \(Self.describe(expected))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw EncoderError(file: file, "\(Self.key(context, appending: key.stringValue)) is missing")
        } catch let DecodingError.dataCorrupted(context) {
            if !context.codingPath.isEmpty {
                throw EncoderError(file: file, "\(Self.key(context)): \(context.debugDescription)")
            }
            let detail = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
            throw EncoderError(file: file, "is not valid JSON" + (detail.map { " (\($0))" } ?? ""))
        } catch {
            throw EncoderError(file: file, "is not valid JSON")
        }
    }

    private static func key(_ context: DecodingError.Context, appending last: String? = nil) -> String {
        var names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        if let last { names.append(last) }
        return names.isEmpty ? "the file" : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Bool.Type, is Bool?.Type: return "true or false"
        case is Int.Type, is Int?.Type, is Double.Type, is Double?.Type: return "a number"
        case is String.Type, is String?.Type: return "a string"
        default: return "what a BERT tokenizer has there"
        }
    }
}

/// A key that may be absent or null (both read as nil); any other type is an error.
private extension KeyedDecodingContainer {
    func optional<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try decode(T.self, forKey: key)
    }
}

/// A special token in tokenizer_config.json: a string, or an AddedToken object.
private struct SpecialTokenText: Decodable {
    var content: String

    private enum Keys: String, CodingKey { case content }

    init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            content = text
        } else {
            content = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .content)
        }
    }
}

/// tokenizer_config.json: the settings transformers' BERT tokenizer takes.
private struct TokenizerConfig: Decodable {
    var doLowerCase: Bool?
    var stripAccents: Bool?
    var tokenizeChineseChars: Bool?
    var modelMaxLength: Double?
    var tokenizerClass: String?
    var specialTokens: [(key: String, value: String)] = []

    private enum Keys: String, CodingKey {
        case doLowerCase = "do_lower_case", stripAccents = "strip_accents"
        case tokenizeChineseChars = "tokenize_chinese_chars", modelMaxLength = "model_max_length"
        case tokenizerClass = "tokenizer_class"
        case unkToken = "unk_token", sepToken = "sep_token", padToken = "pad_token"
        case clsToken = "cls_token", maskToken = "mask_token"
    }

    private static let expected: [(Keys, String)] = [
        (.unkToken, "[UNK]"), (.sepToken, "[SEP]"), (.padToken, "[PAD]"), (.clsToken, "[CLS]"), (.maskToken, "[MASK]"),
    ]

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        doLowerCase = try c.optional(Bool.self, .doLowerCase)
        stripAccents = try c.optional(Bool.self, .stripAccents)
        tokenizeChineseChars = try c.optional(Bool.self, .tokenizeChineseChars)
        modelMaxLength = try c.optional(Double.self, .modelMaxLength)
        tokenizerClass = try c.optional(String.self, .tokenizerClass)
        for (key, _) in Self.expected {
            if let token = try c.optional(SpecialTokenText.self, key) {
                specialTokens.append((key.rawValue, token.content))
            }
        }
    }

    func check(file: String) throws {
        if let tokenizerClass, !["BertTokenizer", "BertTokenizerFast"].contains(tokenizerClass) {
            throw EncoderError(file: file, "tokenizer_class is '\(tokenizerClass)'; only BERT's WordPiece tokenizer (BertTokenizer, BertTokenizerFast) is supported")
        }
        for (key, value) in specialTokens {
            let wanted = Self.expected.first { $0.0.rawValue == key }!.1
            if value != wanted {
                throw EncoderError(file: file, "\(key) is \(VocabularyFile.describe(value)); only BERT's special tokens ([CLS], [SEP], [UNK], [PAD], [MASK]) are supported, so \(key) must be '\(wanted)'")
            }
        }
        if let modelMaxLength, !(modelMaxLength >= 0) {
            throw EncoderError(file: file, "model_max_length is \(modelMaxLength); expected a positive number")
        }
    }
}

/// sentence_bert_config.json.
private struct SentenceBertConfig: Decodable {
    var maxSeqLength: Int?
    var doLowerCase: Bool?

    private enum Keys: String, CodingKey { case maxSeqLength = "max_seq_length", doLowerCase = "do_lower_case" }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        maxSeqLength = try c.optional(Int.self, .maxSeqLength)
        doLowerCase = try c.optional(Bool.self, .doLowerCase)
    }
}

/// config.json: only what bounds the sequence length.
private struct ModelConfig: Decodable {
    var maxPositionEmbeddings: Int?

    private enum Keys: String, CodingKey { case maxPositionEmbeddings = "max_position_embeddings" }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        maxPositionEmbeddings = try c.optional(Int.self, .maxPositionEmbeddings)
    }
}

/// tokenizer.json (HuggingFace `tokenizers`' serialization), read to check
/// that it describes BERT's WordPiece tokenizer with vocab.txt's vocabulary.
private struct TokenizerJSON: Decodable {
    var modelType: String?
    var vocabulary: [String: Int]?
    var unknownToken: String?
    var continuingPrefix: String?
    var maxInputCharsPerWord: Int?
    var normalizerType: String?
    var cleanText: Bool?
    var preTokenizerType: String?
    var postProcessor: PostProcessor?
    var addedTokens: [AddedToken] = []

    struct AddedToken: Decodable {
        var id: Int
        var content: String
        var singleWord: Bool?
        var lstrip: Bool?
        var rstrip: Bool?
        var normalized: Bool?

        private enum Keys: String, CodingKey {
            case id, content, singleWord = "single_word", lstrip, rstrip, normalized
        }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            id = try c.decode(Int.self, forKey: .id)
            content = try c.decode(String.self, forKey: .content)
            singleWord = try c.optional(Bool.self, .singleWord)
            lstrip = try c.optional(Bool.self, .lstrip)
            rstrip = try c.optional(Bool.self, .rstrip)
            normalized = try c.optional(Bool.self, .normalized)
        }
    }

    /// The post-processor, reduced to what a single sequence gets:
    /// the special tokens (and their ids) before and after it.
    struct PostProcessor: Decodable {
        var type: String
        var before: [(String, Int?)] = []
        var after: [(String, Int?)] = []
        var sequences = 0

        private enum Keys: String, CodingKey { case type, single, specialTokens = "special_tokens", cls, sep }
        private enum PieceKeys: String, CodingKey { case specialToken = "SpecialToken", sequence = "Sequence" }
        private enum IDKeys: String, CodingKey { case id, ids }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            type = try c.decode(String.self, forKey: .type)
            switch type {
            case "BertProcessing":
                var cls = try c.nestedUnkeyedContainer(forKey: .cls)
                before = [(try cls.decode(String.self), try cls.decode(Int.self))]
                var sep = try c.nestedUnkeyedContainer(forKey: .sep)
                after = [(try sep.decode(String.self), try sep.decode(Int.self))]
                sequences = 1
            case "TemplateProcessing":
                var ids: [String: Int] = [:]
                if c.contains(.specialTokens) {
                    let tokens = try c.nestedContainer(keyedBy: AnyKey.self, forKey: .specialTokens)
                    for key in tokens.allKeys {
                        let entry = try tokens.nestedContainer(keyedBy: IDKeys.self, forKey: key)
                        let list = try entry.decode([Int].self, forKey: .ids)
                        if list.count == 1 { ids[key.stringValue] = list[0] }
                    }
                }
                var single = try c.nestedUnkeyedContainer(forKey: .single)
                while !single.isAtEnd {
                    let piece = try single.nestedContainer(keyedBy: PieceKeys.self)
                    if piece.contains(.sequence) {
                        sequences += 1
                    } else {
                        let token = try piece.nestedContainer(keyedBy: IDKeys.self, forKey: .specialToken)
                        let name = try token.decode(String.self, forKey: .id)
                        if sequences == 0 { before.append((name, ids[name])) } else { after.append((name, ids[name])) }
                    }
                }
            default:
                break
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private enum Keys: String, CodingKey {
        case model, normalizer, preTokenizer = "pre_tokenizer", postProcessor = "post_processor", addedTokens = "added_tokens"
    }
    private enum ModelKeys: String, CodingKey {
        case type, vocab, unkToken = "unk_token", prefix = "continuing_subword_prefix"
        case maxInputCharsPerWord = "max_input_chars_per_word"
    }
    private enum TypeKeys: String, CodingKey { case type, cleanText = "clean_text" }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if c.contains(.model), try !c.decodeNil(forKey: .model) {
            let model = try c.nestedContainer(keyedBy: ModelKeys.self, forKey: .model)
            modelType = try model.optional(String.self, .type)
            // Older files leave the type out; a WordPiece model has the prefix key.
            if modelType == nil && model.contains(.prefix) && model.contains(.maxInputCharsPerWord) {
                modelType = "WordPiece"
            }
            if modelType == "WordPiece" {
                vocabulary = try model.optional([String: Int].self, .vocab)
                unknownToken = try model.optional(String.self, .unkToken)
                continuingPrefix = try model.optional(String.self, .prefix)
                maxInputCharsPerWord = try model.optional(Int.self, .maxInputCharsPerWord)
            }
        }
        if c.contains(.normalizer), try !c.decodeNil(forKey: .normalizer) {
            let normalizer = try c.nestedContainer(keyedBy: TypeKeys.self, forKey: .normalizer)
            normalizerType = try normalizer.decode(String.self, forKey: .type)
            cleanText = try normalizer.optional(Bool.self, .cleanText)
        }
        if c.contains(.preTokenizer), try !c.decodeNil(forKey: .preTokenizer) {
            preTokenizerType = try c.nestedContainer(keyedBy: TypeKeys.self, forKey: .preTokenizer)
                .decode(String.self, forKey: .type)
        }
        postProcessor = try c.optional(PostProcessor.self, .postProcessor)
        addedTokens = try c.optional([AddedToken].self, .addedTokens) ?? []
    }

    func check(file: String, vocabulary tokens: [String], ids: [String: Int32], vocabularyFile: String) throws {
        let unsupported = "only BERT WordPiece tokenizers are supported"
        switch modelType {
        case "WordPiece":
            break
        case "Unigram":
            throw EncoderError(file: file, "the model is a Unigram (SentencePiece) tokenizer, as XLM-RoBERTa, T5 or multilingual MiniLM models use; \(unsupported)")
        case "BPE":
            throw EncoderError(file: file, "the model is a BPE (byte-pair encoding) tokenizer, as GPT-2 or RoBERTa models use; \(unsupported)")
        case let other?:
            throw EncoderError(file: file, "the model is of type '\(other)'; \(unsupported)")
        case nil:
            throw EncoderError(file: file, "has no model (or a model without a type); \(unsupported)")
        }
        if let vocabulary {
            var mismatch: String?
            if vocabulary.count != tokens.count {
                mismatch = "\(vocabulary.count) tokens there, \(tokens.count) in vocab.txt"
            } else if let (token, id) = vocabulary.first(where: { $0.value < 0 || $0.value >= tokens.count || tokens[$0.value] != $0.key }) {
                mismatch = "\(VocabularyFile.describe(token)) has id \(id) there"
                    + ((0..<tokens.count).contains(id) ? ", but line \(id + 1) of vocab.txt is \(VocabularyFile.describe(tokens[id]))" : "")
            }
            if let mismatch {
                throw EncoderError(file: file, "its vocabulary differs from vocab.txt (\(vocabularyFile)): \(mismatch); the model's tokenizer uses tokenizer.json's, so the two must be the same")
            }
        }
        if let unknownToken, unknownToken != "[UNK]" {
            throw EncoderError(file: file, "model.unk_token is \(VocabularyFile.describe(unknownToken)); BERT's is '[UNK]'")
        }
        if let continuingPrefix, continuingPrefix != WordPieceTokenizer.continuationPrefix {
            throw EncoderError(file: file, "model.continuing_subword_prefix is \(VocabularyFile.describe(continuingPrefix)); only BERT's '##' is supported")
        }
        if let maxInputCharsPerWord, maxInputCharsPerWord != WordPieceTokenizer.maximumWordLength {
            throw EncoderError(file: file, "model.max_input_chars_per_word is \(maxInputCharsPerWord); only BERT's \(WordPieceTokenizer.maximumWordLength) is supported")
        }
        switch normalizerType {
        case "BertNormalizer":
            if cleanText == false {
                throw EncoderError(file: file, "normalizer.clean_text is false; only BERT's cleaning (clean_text true) is supported")
            }
        case let other:
            throw EncoderError(file: file, "the normalizer is \(other.map { "'\($0)'" } ?? "null"); only BertNormalizer is supported")
        }
        if preTokenizerType != "BertPreTokenizer" {
            throw EncoderError(file: file, "the pre_tokenizer is \(preTokenizerType.map { "'\($0)'" } ?? "null"); only BertPreTokenizer is supported")
        }
        let template = "only BERT's post-processing ([CLS] $A [SEP]) is supported"
        guard let postProcessor else {
            throw EncoderError(file: file, "has no post_processor; \(template)")
        }
        guard ["BertProcessing", "TemplateProcessing"].contains(postProcessor.type) else {
            throw EncoderError(file: file, "the post_processor is '\(postProcessor.type)'; \(template)")
        }
        func matches(_ pieces: [(String, Int?)], _ name: String) -> Bool {
            pieces.count == 1 && pieces[0].0 == name && (pieces[0].1 == nil || pieces[0].1 == ids[name].map(Int.init))
        }
        guard postProcessor.sequences == 1, matches(postProcessor.before, "[CLS]"), matches(postProcessor.after, "[SEP]") else {
            throw EncoderError(file: file, "the post_processor does not build [CLS] $A [SEP] with vocab.txt's ids; \(template)")
        }
        for token in addedTokens {
            guard WordPieceTokenizer.matchedSpecialTokens.contains(token.content), ids[token.content].map(Int.init) == token.id else {
                throw EncoderError(file: file, "added token \(VocabularyFile.describe(token.content)) (id \(token.id)) is not one of BERT's special tokens with vocab.txt's id; added tokens are not supported")
            }
            guard token.normalized != true, token.lstrip != true, token.rstrip != true, token.singleWord != true else {
                throw EncoderError(file: file, "added token \(VocabularyFile.describe(token.content)) is normalized or strips spaces or matches single words only; only BERT's plain special tokens are supported")
            }
        }
    }
}

// MARK: - The files' identity

extension WordPieceTokenizer {
    /// The files of a model folder that ``init(modelFolder:)`` reads, in a fixed order.
    static let modelFolderFiles = ["vocab.txt", "tokenizer_config.json", "sentence_bert_config.json", "config.json", "tokenizer.json"]

    /// A 64-bit hash of the bytes of every file ``init(modelFolder:)`` reads
    /// (``modelFolderFiles``; an absent file counts as absent), for the
    /// encoder's fingerprint: a changed vocabulary or setting changes it
    /// without the tokenizer being built.
    ///
    /// - Throws: ``EncoderError`` naming a file that exists but cannot be read or is over 256 MiB.
    /// - Complexity: O(size of the files).
    static func filesHash(modelFolder: URL) throws -> UInt64 {
        let folder = ModelFolder(url: modelFolder)
        var combined = FNV1a64()
        for name in modelFolderFiles {
            combined.combine(name)
            guard folder.exists(name) else {
                combined.combine(UInt64.max)
                continue
            }
            let file = try ReadOnlyFile(path: folder.path(name))
            guard file.size <= 256 << 20 else {
                throw EncoderError(file: file.path, "is \(file.size) bytes, too large for a tokenizer or model configuration")
            }
            let bytes = UnsafeMutableRawBufferPointer.allocate(byteCount: file.size, alignment: 64)
            defer { bytes.deallocate() }
            try file.read(into: bytes, at: 0)
            var hash = ContentHash()
            hash.combine(UnsafeRawBufferPointer(bytes))
            combined.combine(hash.value)
        }
        return combined.value
    }
}
