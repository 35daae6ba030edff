import Foundation

/// BERT's uncased (or cased) WordPiece tokenizer, giving the ids HuggingFace's
/// fast tokenizer gives (`tokenizers` 0.23.3 through `transformers`' BERT
/// tokenizer, as sentence-transformers 6.3.0 calls it with truncation).
///
/// The text goes through:
/// 1. the special tokens (`[CLS]`, `[SEP]`, `[UNK]`, `[PAD]`, `[MASK]`)
///    found verbatim in the raw text, which become their own ids;
/// 2. BertNormalizer: clean_text (drop U+0000, U+FFFD, control and format
///    characters; whitespace becomes a space), spaces around CJK ideographs,
///    strip_accents (NFD, drop nonspacing marks), lowercasing;
/// 3. BertPreTokenizer: split on whitespace, each punctuation character a word;
/// 4. WordPiece: greedy longest-match-first with the `##` prefix for pieces
///    inside a word; a word of more than 100 scalars, or one that cannot be
///    cut into vocabulary pieces, is a single `[UNK]`;
/// 5. `[CLS]` + pieces + `[SEP]`, the pieces truncated so that the whole has
///    at most `maximumLength` ids.
///
/// Characters are Unicode scalars throughout, as in the reference (not Swift
/// `Character`s, which would merge combining marks and emoji sequences).
/// The Unicode tables are the reference's own, measured on it (see
/// `BertUnicodeData`), so results do not depend on Swift's Unicode version.
///
/// A value type with no shared mutable state: use one from any number of
/// tasks at once.
public struct WordPieceTokenizer: Sendable {
    /// The longest sequence `tokenIDs(for:)` returns, `[CLS]` and `[SEP]`
    /// included (at least 2). O(1).
    public let maximumLength: Int

    /// The number of tokens in the vocabulary (ids are `0..<vocabularySize`).
    /// O(1).
    public var vocabularySize: Int { vocabulary.count }

    /// Token strings by id.
    let vocabulary: [String]
    let trie: WordPieceTrie
    /// The node the continuing-subword prefix `##` leads to, or -1 when the
    /// vocabulary has no continuation pieces.
    let continuationRoot: Int32
    let specials: SpecialTokenMatcher
    let normalization: BertNormalization
    let classificationID: Int32
    let separatorID: Int32
    let unknownID: Int32
    let unicode: BertUnicodeData

    /// A word of more scalars than this is one `[UNK]` (WordPiece's
    /// max_input_chars_per_word).
    static let maximumWordLength = 100
    /// WordPiece's continuing_subword_prefix.
    static let continuationPrefix = "##"
    /// The special tokens a BERT vocabulary must have.
    static let requiredSpecialTokens = ["[CLS]", "[SEP]", "[UNK]", "[PAD]"]
    /// The special tokens matched verbatim in the text, when in the vocabulary.
    static let matchedSpecialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]

    /// Reads a BERT `vocab.txt` (one token per line, its id the line's
    /// index from 0) and builds the tokenizer.
    ///
    /// - Parameters:
    ///   - vocabularyFile: the `vocab.txt`. Lines end with LF or CRLF; a final
    ///     line break is optional.
    ///   - lowercase: lowercase the text (`do_lower_case`; true for uncased models).
    ///   - stripAccents: drop accents (NFD, then nonspacing marks); `nil`
    ///     follows `lowercase`, as in BERT.
    ///   - tokenizeChineseCharacters: make each CJK ideograph a word of its own.
    ///   - maximumLength: the most ids `tokenIDs(for:)` returns, `[CLS]` and
    ///     `[SEP]` included.
    /// - Complexity: O(file size) (about 30 ms for BERT's 30,522 tokens,
    ///   release build).
    /// - Throws: `EncoderError` naming the file (and the line, where there is
    ///   one) when it cannot be read, is empty, has more than 1,000,000 lines,
    ///   is not UTF-8, repeats a token, lacks `[CLS]`, `[SEP]`, `[UNK]` or
    ///   `[PAD]`, or holds a carriage return that does not end a line; and
    ///   when `maximumLength` is below 2.
    public init(
        vocabularyFile: URL,
        lowercase: Bool = true,
        stripAccents: Bool? = nil,
        tokenizeChineseCharacters: Bool = true,
        maximumLength: Int
    ) throws {
        let vocabulary = try VocabularyFile.read(vocabularyFile)
        try self.init(
            vocabulary: vocabulary, source: vocabularyFile.path,
            normalization: BertNormalization(
                cleanText: true, handleChineseCharacters: tokenizeChineseCharacters,
                stripAccents: stripAccents ?? lowercase, lowercase: lowercase),
            maximumLength: maximumLength)
    }

    /// Builds the tokenizer from the vocabulary in memory (`vocabulary[id]`
    /// is the token with that id).
    ///
    /// - Parameters: as `init(vocabularyFile:…)`.
    /// - Complexity: O(total length of the tokens).
    /// - Throws: `EncoderError` (with no file) when the vocabulary is empty,
    ///   has more than 1,000,000 tokens, repeats a token, or lacks `[CLS]`,
    ///   `[SEP]`, `[UNK]` or `[PAD]`, naming the entry at fault (from 1);
    ///   and when `maximumLength` is below 2.
    public init(
        vocabulary: [String],
        lowercase: Bool = true,
        stripAccents: Bool? = nil,
        tokenizeChineseCharacters: Bool = true,
        maximumLength: Int
    ) throws {
        try self.init(
            vocabulary: vocabulary, source: nil,
            normalization: BertNormalization(
                cleanText: true, handleChineseCharacters: tokenizeChineseCharacters,
                stripAccents: stripAccents ?? lowercase, lowercase: lowercase),
            maximumLength: maximumLength)
    }

    /// The designated initializer: checks the vocabulary (errors name
    /// `source`, or entries when it is nil) unless `ids` (what
    /// `VocabularyFile.validate` returned for it) is given, and builds the trie.
    init(
        vocabulary: [String], ids: [String: Int32]? = nil, source: String?, normalization: BertNormalization,
        maximumLength: Int
    ) throws {
        let ids = try ids ?? VocabularyFile.validate(vocabulary, source: source)
        guard maximumLength >= 2 else {
            throw EncoderError(file: nil, "the maximum length \(maximumLength) leaves no room for [CLS] and [SEP]; it must be at least 2")
        }
        self.vocabulary = vocabulary
        self.maximumLength = maximumLength
        self.normalization = normalization
        self.trie = WordPieceTrie(tokens: vocabulary)
        self.continuationRoot = trie.node(for: Self.continuationPrefix.utf8)
        guard let classification = ids["[CLS]"], let separator = ids["[SEP]"], let unknown = ids["[UNK]"] else {
            throw EncoderError(file: source, "the vocabulary lacks [CLS], [SEP] or [UNK]; a BERT WordPiece vocabulary has all three")
        }
        self.classificationID = classification
        self.separatorID = separator
        self.unknownID = unknown
        self.specials = SpecialTokenMatcher(Self.matchedSpecialTokens.compactMap { token in
            ids[token].map { (token, $0) }
        })
        self.unicode = .shared
    }

    /// The ids of `text`: `[CLS]`, its word pieces, `[SEP]`, with the pieces
    /// cut after the first `maximumLength - 2` (what sentence-transformers'
    /// tokenizer call with `truncation=True` gives). `[CLS]` and `[SEP]`
    /// alone for an empty text or one of only spaces.
    ///
    /// - Complexity: O(length of the text read); the scan stops once the
    ///   pieces fill `maximumLength`. A word's search is bounded by its 100
    ///   scalars, so hostile input (one huge word) stays linear.
    public func tokenIDs(for text: String) -> [Int32] {
        var initial: [Int32] = []
        initial.reserveCapacity(min(maximumLength, 2 + text.utf8.count / 2))
        initial.append(classificationID)
        var scanner = BertWordScanner(
            options: normalization, data: unicode, wordLimit: Self.maximumWordLength,
            sink: PieceSink(
                ids: initial, budget: maximumLength - 1, trie: trie, continuationRoot: continuationRoot,
                unknownID: unknownID))
        initial = []  // the sink's array is the only reference: no copy on append
        if maximumLength > 2 {
            var text = text
            text.withUTF8 { scanner.scan($0, specials: specials) }
        }
        var ids = scanner.sink.ids
        scanner.sink.ids = []
        if ids.count > maximumLength - 1 { ids.removeLast(ids.count - (maximumLength - 1)) }
        ids.append(separatorID)
        return ids
    }

    /// The tokens of `tokenIDs(for:)` as strings (`[CLS]`, `hello`, `##s`,
    /// …), for debugging and tests.
    ///
    /// - Complexity: as `tokenIDs(for:)`.
    public func tokens(for text: String) -> [String] {
        tokenIDs(for: text).map { vocabulary[Int($0)] }
    }

    /// The words of BertNormalizer + BertPreTokenizer (no special tokens, no
    /// WordPiece), for tests comparing the normalization with the reference.
    func normalizedWords(for text: String) -> [String] {
        var scanner = BertWordScanner(
            options: normalization, data: unicode, wordLimit: .max, sink: WordCollector())
        var text = text
        text.withUTF8 { scanner.scan($0, specials: .none) }
        return scanner.sink.words
    }
}

/// WordPiece on each word, appending ids until the budget is reached.
struct PieceSink: BertWordSink {
    /// `[CLS]` and the pieces so far.
    var ids: [Int32]
    /// The count of `ids` at which the scan may stop (`maximumLength - 1`).
    let budget: Int
    let trie: WordPieceTrie
    let continuationRoot: Int32
    let unknownID: Int32

    var isFull: Bool { ids.count >= budget }

    mutating func special(_ id: Int32) { ids.append(id) }

    /// Greedy longest-match-first: the longest vocabulary token that starts
    /// the word, then the longest `##` token that starts the rest, and so on;
    /// `[UNK]` for the whole word when a rest has none, or when the word is
    /// longer than 100 scalars. O(word length) with the trie.
    mutating func word(_ utf8: UnsafeBufferPointer<UInt8>, scalarCount: Int) {
        if scalarCount > WordPieceTokenizer.maximumWordLength {
            ids.append(unknownID)
            return
        }
        let before = ids.count
        var start = 0
        var node = WordPieceTrie.root
        while start < utf8.count {
            guard node >= 0, let match = trie.longestMatch(from: node, in: utf8, start: start) else {
                ids.removeLast(ids.count - before)
                ids.append(unknownID)
                return
            }
            ids.append(match.id)
            start = match.end
            node = continuationRoot
        }
    }
}

/// Collects the words as strings (tests).
struct WordCollector: BertWordSink {
    var words: [String] = []
    var isFull: Bool { false }
    mutating func special(_ id: Int32) {}
    mutating func word(_ utf8: UnsafeBufferPointer<UInt8>, scalarCount: Int) {
        words.append(String(decoding: utf8, as: UTF8.self))
    }
}
