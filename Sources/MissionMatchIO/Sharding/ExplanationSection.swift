import Foundation
import MissionMatch

/// The explanation keys of an encoding file (FileFormats §11): what the
/// reasons read of every participant's offers and needs, so that the merge of
/// a sharded ranking explains its pairs without running the text pipeline.
///
/// The bytes: a table of *S* strings (each a `uint32` byte length and that
/// many UTF-8 bytes), then the *n* offer texts' keys, then the *n* need
/// texts' keys. A text's keys are a `uint32` count of concepts and per
/// concept (`uint32` feature, `float32` weight, `uint32` string); a `uint32`
/// count of term stems and that many distinct `uint32` strings; a `uint32`
/// count of specific words and per word (`uint32` position, `uint32` stem
/// string, `uint32` surface string, `float32` weight, then the stem and surface
/// strings of the term before it in its phrase and of the term after it, each
/// pair `0xFFFFFFFF` twice when there is none).
///
/// Kept as bytes (what a shard digests) and decoded only where reasons are
/// written (``keys(participants:features:file:)``).
struct ExplanationSection: Sendable, Equatable {
    /// The section's bytes.
    let bytes: Data
    /// The number of strings in its table.
    let strings: Int
    /// Where the section starts in its file (for messages; 0 when built here).
    let fileOffset: Int

    /// Equal bytes are equal sections, wherever they were read.
    static func == (lhs: ExplanationSection, rhs: ExplanationSection) -> Bool {
        lhs.bytes == rhs.bytes && lhs.strings == rhs.strings
    }

    /// A section read from a file.
    init(bytes: Data, strings: Int, fileOffset: Int) {
        self.bytes = bytes
        self.strings = strings
        self.fileOffset = fileOffset
    }

    /// Encodes keys; strings are numbered as first met (offers before needs,
    /// within a text its concepts, its stems in ascending order, its words), so
    /// that the same keys give the same bytes.
    ///
    /// - Complexity: O(size of the keys), with hashing.
    init(_ keys: ExplanationKeys) {
        var table: [String: UInt32] = [:]
        var strings: [String] = []
        var words: [UInt32] = []
        func index(_ text: String) -> UInt32 {
            if let known = table[text] { return known }
            let next = UInt32(strings.count)
            table[text] = next
            strings.append(text)
            return next
        }
        for documents in [keys.offers, keys.needs] {
            for document in documents {
                words.append(UInt32(document.concepts.count))
                for concept in document.concepts {
                    words.append(UInt32(truncatingIfNeeded: concept.feature))
                    words.append(concept.weight.bitPattern)
                    words.append(index(concept.surface))
                }
                words.append(UInt32(document.terms.count))
                for term in document.terms.sorted() { words.append(index(term)) }
                words.append(UInt32(document.specific.count))
                for word in document.specific {
                    words.append(UInt32(truncatingIfNeeded: word.position))
                    words.append(index(word.stem))
                    words.append(index(word.surface))
                    words.append(word.weight.bitPattern)
                    for neighbour in [word.before, word.after] {
                        if let neighbour {
                            words.append(index(neighbour.stem))
                            words.append(index(neighbour.surface))
                        } else {
                            words.append(Self.none)
                            words.append(Self.none)
                        }
                    }
                }
            }
        }
        var bytes = Data()
        bytes.reserveCapacity(4 * words.count + strings.reduce(0) { $0 + 4 + $1.utf8.count })
        for string in strings {
            withUnsafeBytes(of: UInt32(string.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: string.utf8)
        }
        for index in words.indices { words[index] = words[index].littleEndian }
        words.withUnsafeBytes { bytes.append(contentsOf: $0) }
        self.bytes = bytes
        self.strings = strings.count
        self.fileOffset = 0
    }

    /// The string index that stands for no neighbour.
    static let none = UInt32.max

    /// The keys of `participants` participants.
    ///
    /// - Parameters:
    ///   - participants: *n*, the participants of the file.
    ///   - features: *F*, the TF-IDF features (every concept's feature is below).
    ///   - file: The file's name, for messages.
    /// - Throws: ``ImportError`` naming the file and the byte: a string that is not
    ///   UTF-8, a count past the end, a string index out of the table, a neighbour
    ///   with a stem and no surface or the reverse, a stem twice in a text, a feature
    ///   out of range, a weight that is not finite, bytes left over.
    /// - Complexity: O(size of the section), with hashing (each text's stems become a set).
    func keys(participants: Int, features: Int, file: String) throws(ImportError) -> ExplanationKeys {
        var cursor = Cursor(bytes: bytes, base: fileOffset, file: file)
        var table: [String] = []
        table.reserveCapacity(min(strings, bytes.count / 4))
        for _ in 0..<strings { table.append(try cursor.string()) }
        func string(_ at: Int) throws(ImportError) -> String {
            let index = Int(try cursor.word())
            guard index < table.count else {
                throw cursor.failure(at: at, "explanation keys: string \(index) of a table of \(table.count)")
            }
            return table[index]
        }
        func weight(_ at: Int) throws(ImportError) -> Float {
            let value = Float(bitPattern: try cursor.word())
            guard value.isFinite else { throw cursor.failure(at: at, "explanation keys: a weight that is not a finite number") }
            return value
        }
        func document() throws(ImportError) -> ExplanationKeys.Document {
            var concepts: [ExplanationKeys.Concept] = []
            for _ in 0..<(try cursor.count(wordsEach: 3)) {
                let at = cursor.position
                let feature = Int(try cursor.word())
                guard feature < features else {
                    throw cursor.failure(at: at, "explanation keys: concept feature \(feature) where the encoding has \(features)")
                }
                concepts.append(.init(feature: feature, weight: try weight(at + 4), surface: try string(at + 8)))
            }
            var terms = Set<String>()
            let termCount = try cursor.count(wordsEach: 1)
            terms.reserveCapacity(termCount)
            for _ in 0..<termCount {
                let at = cursor.position
                guard terms.insert(try string(at)).inserted else { throw cursor.failure(at: at, "explanation keys: a stem twice in one text") }
            }
            func neighbour() throws(ImportError) -> ExplanationKeys.Neighbour? {
                let at = cursor.position
                let stem = try cursor.word(), surface = try cursor.word()
                if stem == Self.none && surface == Self.none { return nil }
                guard stem < table.count, surface < table.count else {
                    throw cursor.failure(at: at, "explanation keys: neighbour strings \(stem) and \(surface) of a table of \(table.count) (\(Self.none) twice is no neighbour)")
                }
                return .init(stem: table[Int(stem)], surface: table[Int(surface)])
            }
            var specific: [ExplanationKeys.Word] = []
            for _ in 0..<(try cursor.count(wordsEach: 8)) {
                let at = cursor.position
                let position = Int(try cursor.word())
                let stem = try string(at + 4), surface = try string(at + 8)
                let weight = try weight(at + 12)
                let before = try neighbour(), after = try neighbour()
                specific.append(.init(position: position, stem: stem, surface: surface, weight: weight, before: before, after: after))
            }
            return .init(concepts: concepts, terms: terms, specific: specific)
        }
        var offers: [ExplanationKeys.Document] = [], needs: [ExplanationKeys.Document] = []
        offers.reserveCapacity(participants)
        needs.reserveCapacity(participants)
        for _ in 0..<participants { offers.append(try document()) }
        for _ in 0..<participants { needs.append(try document()) }
        guard cursor.position == bytes.count else {
            throw cursor.failure(at: cursor.position, "explanation keys: \(bytes.count - cursor.position) bytes after the keys of \(participants) participants")
        }
        return ExplanationKeys(offers: offers, needs: needs)
    }

    /// Reads the section's words and strings, failing with the file's byte offset.
    private struct Cursor {
        let bytes: Data
        let base: Int
        let file: String
        private(set) var position = 0

        init(bytes given: Data, base: Int, file: String) {
            bytes = given.startIndex == 0 ? given : Data(given)
            self.base = base
            self.file = file
        }

        func failure(at position: Int, _ message: String) -> ImportError {
            ImportError(Diagnostic(kind: .invalidValue, file: file, message: "byte \(base + position): " + message,
                                   hint: "write the encoding again with missionmatch"))
        }

        mutating func word() throws(ImportError) -> UInt32 {
            guard bytes.count - position >= 4 else { throw failure(at: position, "explanation keys: the data ends early") }
            defer { position += 4 }
            return bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: position, as: UInt32.self)) }
        }

        /// A count of entries of `wordsEach` words that the bytes left can hold.
        mutating func count(wordsEach: Int) throws(ImportError) -> Int {
            let at = position
            let count = Int(try word())
            guard count <= (bytes.count - position) / (4 * wordsEach) else {
                throw failure(at: at, "explanation keys: \(count) entries announced, more than the bytes left hold")
            }
            return count
        }

        mutating func string() throws(ImportError) -> String {
            let at = position
            let length = Int(try word())
            guard length <= bytes.count - position else {
                throw failure(at: at, "explanation keys: a string of \(length) bytes runs past the end")
            }
            let text = bytes.withUnsafeBytes { raw in
                String(validating: UnsafeRawBufferPointer(rebasing: raw[position..<(position + length)]), as: UTF8.self)
            }
            guard let text else { throw failure(at: at, "explanation keys: a string that is not UTF-8") }
            position += length
            return text
        }
    }
}
