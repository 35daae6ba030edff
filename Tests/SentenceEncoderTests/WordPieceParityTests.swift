import Foundation
import Testing
@testable import SentenceEncoder

/// WordPieceTokenizer against HuggingFace's fast tokenizer, on the real
/// all-MiniLM-L6-v2 vocabulary (Fixtures/make_tokenizer_fixture.py).
@Suite struct WordPieceParityTests {
    struct Parity: Decodable {
        struct Item: Decodable {
            var text: String?
            var prefix: String?
            var unit: String?
            var count: Int?
            var suffix: String?
            var ids: [Int32]

            var fullText: String {
                if let text { return text }
                return (prefix ?? "") + String(repeating: unit ?? "", count: count ?? 0) + (suffix ?? "")
            }
        }
        var maximum_length: Int
        var texts: [Item]
    }

    static func describe(_ text: String) -> String {
        let shown = text.unicodeScalars.prefix(80).map { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined()
        return "\"\(shown)\"" + (text.unicodeScalars.count > 80 ? "… (\(text.unicodeScalars.count) scalars)" : "")
    }

    @Test func identicalIDsOnEveryFixtureText() throws {
        guard let folder = TokenizerFixtures.requireModelFolder() else { return }
        let data = try Data(contentsOf: TokenizerFixtures.folder.appendingPathComponent("tokenizer-parity.json"))
        let parity = try JSONDecoder().decode(Parity.self, from: data)
        #expect(parity.texts.count >= 300)
        let tokenizer = try WordPieceTokenizer(
            vocabularyFile: folder.appendingPathComponent("vocab.txt"), maximumLength: parity.maximum_length)
        var identical = 0
        var reported = 0
        for (index, item) in parity.texts.enumerated() {
            let text = item.fullText
            let ids = tokenizer.tokenIDs(for: text)
            if ids == item.ids {
                identical += 1
            } else if reported < 10 {
                reported += 1
                let expected = item.ids.map { tokenizer.vocabulary[Int($0)] }
                Issue.record("text \(index) \(Self.describe(text)):\n  got      \(tokenizer.tokens(for: text).prefix(40))\n  expected \(expected.prefix(40))")
            }
        }
        #expect(identical == parity.texts.count, "\(identical) of \(parity.texts.count) texts give the reference ids")
    }

    @Test func theModelFolderGivesTheSameIDs() throws {
        guard let folder = TokenizerFixtures.requireModelFolder() else { return }
        let data = try Data(contentsOf: TokenizerFixtures.folder.appendingPathComponent("tokenizer-parity.json"))
        let parity = try JSONDecoder().decode(Parity.self, from: data)
        let tokenizer = try WordPieceTokenizer(modelFolder: folder)
        #expect(tokenizer.maximumLength == 256)
        #expect(tokenizer.vocabularySize == 30522)
        for item in parity.texts.prefix(200) {
            #expect(tokenizer.tokenIDs(for: item.fullText) == item.ids)
        }
    }

    /// Model folders with altered configuration files: which setting wins and
    /// which length is used, as sentence-transformers sets the tokenizer up.
    @Test func configurationVariantsBehaveAsTheReference() throws {
        guard let folder = TokenizerFixtures.requireModelFolder() else { return }
        let parity = try #require(try TokenizerFixtures.json("tokenizer-parity.json") as? [String: Any])
        let variants = try #require(parity["variants"] as? [[String: Any]])
        #expect(variants.count >= 10)
        let tokenizerJSON = try String(contentsOf: folder.appendingPathComponent("tokenizer.json"), encoding: .utf8)
        for variant in variants {
            let name = variant["name"] as? String ?? "?"
            try withTemporaryFolder { temporary in
                for file in ["vocab.txt", "config.json"] {
                    try FileManager.default.copyItem(
                        at: folder.appendingPathComponent(file), to: temporary.appendingPathComponent(file))
                }
                for (key, file) in [("tokenizer_config", "tokenizer_config.json"), ("sentence_bert_config", "sentence_bert_config.json")] {
                    let object = try #require(variant[key])
                    try JSONSerialization.data(withJSONObject: object).write(to: temporary.appendingPathComponent(file))
                }
                let normalizer = try JSONSerialization.data(withJSONObject: try #require(variant["normalizer"]))
                try Data(Self.replacingNormalizer(in: tokenizerJSON, with: String(decoding: normalizer, as: UTF8.self)).utf8)
                    .write(to: temporary.appendingPathComponent("tokenizer.json"))

                let tokenizer = try WordPieceTokenizer(modelFolder: temporary)
                #expect(tokenizer.maximumLength == variant["maximum_length"] as? Int, "\(name)")
                let texts = try #require(variant["texts"] as? [String])
                let ids = try #require(variant["ids"] as? [[Int]])
                for (text, expected) in zip(texts, ids) {
                    let got = tokenizer.tokenIDs(for: text).map(Int.init)
                    #expect(got == expected, "\(name): \(Self.describe(text)) gives \(tokenizer.tokens(for: text)), expected \(expected.map { tokenizer.vocabulary[$0] })")
                }
            }
        }
    }

    /// tokenizer.json with its normalizer object replaced: text surgery, as
    /// re-serializing the 30,522-token vocabulary per variant is slow in debug.
    static func replacingNormalizer(in json: String, with normalizer: String) throws -> String {
        let start = try #require(json.range(of: #""normalizer":"#) ?? json.range(of: #""normalizer": "#))
        let close = try #require(json[start.upperBound...].firstIndex(of: "}"))  // BertNormalizer has no nested object
        return json[..<start.upperBound] + normalizer + json[json.index(after: close)...]
    }

    /// Every code point, in chunks, through BertNormalizer + BertPreTokenizer
    /// under several settings: the words must hash as the reference's do.
    @Test func everyCodePointIsNormalizedAndSplitAsTheReference() throws {
        let sweep = try #require(try TokenizerFixtures.json("unicode-sweep.json") as? [String: Any])
        let chunk = try #require(sweep["chunk"] as? Int)
        let settings = try #require(sweep["settings"] as? [[String: Any]])
        #expect(settings.count >= 5)
        let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
        for setting in settings {
            let name = setting["name"] as? String ?? "?"
            let lowercase = try #require(setting["lowercase"] as? Bool)
            let strip = setting["strip_accents"] as? Bool
            let tokenizer = try WordPieceTokenizer(
                vocabulary: vocabulary, source: nil,
                normalization: BertNormalization(
                    cleanText: true, handleChineseCharacters: try #require(setting["handle_chinese_chars"] as? Bool),
                    stripAccents: strip ?? lowercase, lowercase: lowercase,
                    lowercaseFirst: setting["lowercase_first"] as? Bool ?? false),
                maximumLength: 512)
            let chunks = try #require(setting["chunks"] as? [[Any]])
            #expect(chunks.count * chunk >= 0x110000)
            var mismatches = 0
            for (index, expected) in chunks.enumerated() {
                let first = UInt32(index * chunk)
                // BERT's own settings over every plane; the others over the planes
                // with characters (0–3, 14): planes 4–13 are unassigned and 15–16
                // private use, which no setting treats differently.
                if name != "uncased" && first >= 0x40000 && !(0xE0000..<0xF0000).contains(first) { continue }
                var text = String.UnicodeScalarView()
                for v in first..<min(first + UInt32(chunk), 0x110000) {
                    if let scalar = Unicode.Scalar(v) { text.append(scalar) }
                }
                let words = tokenizer.normalizedWords(for: String(text))
                let digits = String(Self.fnv1a(words), radix: 16)
                let hash = String(repeating: "0", count: 16 - digits.count) + digits
                let expectedHash = expected[1] as? String ?? ""
                let expectedCount = expected[0] as? Int
                if hash != expectedHash || words.count != expectedCount {
                    mismatches += 1
                    if mismatches <= 5 {
                        Issue.record("\(name): code points U+\(String(first, radix: 16, uppercase: true))…+\(chunk): \(words.count) words hashing \(hash), the reference has \(expectedCount ?? -1) hashing \(expectedHash)")
                    }
                }
            }
            #expect(mismatches == 0, "\(name): \(mismatches) chunks differ")
        }
    }

    static func fnv1a(_ words: [String]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in words {
            for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0xFF) &* 0x100_0000_01b3
        }
        return hash
    }
}
