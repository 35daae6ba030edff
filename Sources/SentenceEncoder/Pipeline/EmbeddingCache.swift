import Foundation

/// Embeddings kept on disk between runs, per model and per exact text, so that
/// re-runs, re-plans and programme-scale runs encode each profile once.
///
/// One file per model in the cache folder, named after the model's
/// fingerprint (`<fingerprint>.embeddings`). An entry holds the text itself
/// (no hash collisions), its Float32 vector, its clauses (the texts
/// `ClauseSplitter` cut, so a cached text is never tokenised or cut again)
/// and their vectors as Float16 (explanations only: ``SentenceEncoder``
/// rounds them the same way when it computes them, so a cached entry and a
/// fresh one are the same bytes).
///
/// Loading maps the file and indexes it — one pass over the entries' lengths
/// and texts — and decodes an entry's vectors only when ``entry(for:)`` asks
/// for it: a programme-wide cache of a million texts costs a mission only the
/// texts it ranks. A file that is truncated, malformed, of the earlier format
/// (version 1, which held no clause texts), of another dimension, or written
/// under other clause-cutting rules is ignored (and replaced at the next
/// save); nothing in it can trap or make the reader allocate beyond the
/// file's own size.
///
/// Saving writes a temporary file in the folder and renames it over the old
/// one, so a crash never leaves half a cache; two processes saving at once
/// lose one's additions, never the file. The file is memory-mapped while
/// loaded: replace it by renaming, as saving does, never by truncating it in
/// place while a run reads it.
public struct EmbeddingCache: Sendable {
    /// One cached text.
    public struct Entry: Sendable, Equatable {
        /// The text's vector (`dimension` values).
        public var vector: [Float]
        /// Its clauses, in text order (what explanations quote).
        public var clauses: [String]
        /// Its clauses' vectors, row after row (`clauses.count × dimension` values, Float16-exact).
        public var clauseVectors: [Float]
        /// How many clauses.
        public var clauseCount: Int { clauses.count }

        /// An entry.
        public init(vector: [Float], clauses: [String], clauseVectors: [Float]) {
            self.vector = vector
            self.clauses = clauses
            self.clauseVectors = clauseVectors
        }
    }

    /// The folder holding the cache files.
    public let folder: URL
    /// The model's fingerprint (the file's name).
    public let fingerprint: String
    /// The vectors' dimension.
    public let dimension: Int
    /// The file as loaded, with the offset of each text's record.
    private var stored: StoredEntries
    /// Entries added (or replaced) since loading.
    private var added: [String: Entry] = [:]
    /// Whether entries were added since loading.
    public private(set) var isModified = false

    /// The most entries one file may hold (10,000,000).
    public static let maximumEntries = 10_000_000
    private static let magic = Array("MMEMB002".utf8)
    /// The clause-cutting rules the entries' clauses follow: ``ClauseSplitter``'s
    /// rules version and ``SentenceEncoder/maximumClauses``. A file of other rules
    /// is ignored, so a cached text is cut exactly as a fresh one would be.
    static let clauseRules = UInt32(ClauseSplitter.rulesVersion * 1_000 + SentenceEncoder.maximumClauses)

    /// The cache of one model in `folder`, loaded from its file when there is a usable one.
    ///
    /// - Parameters:
    ///   - folder: The cache folder (created when saving).
    ///   - fingerprint: The model's fingerprint.
    ///   - dimension: The model's output dimension.
    /// - Complexity: O(file size) to index it (texts are read, vectors are not decoded).
    public init(folder: URL, fingerprint: String, dimension: Int) {
        self.folder = folder
        self.fingerprint = fingerprint
        self.dimension = dimension
        self.stored = StoredEntries()
        if let data = try? Data(contentsOf: fileURL, options: .alwaysMapped),
           let index = Self.index(data, dimension: dimension) {
            stored = index
        }
    }

    /// The file of this model's entries.
    public var fileURL: URL {
        let safe = String(fingerprint.unicodeScalars.map { scalar -> Character in
            let s = Character(scalar)
            return s.isASCII && (s.isLetter || s.isNumber || s == "-" || s == "_" || s == ".") ? s : "_"
        })
        return folder.appendingPathComponent(safe + ".embeddings")
    }

    /// How many texts the cache holds (those loaded and those added).
    public var count: Int { stored.offsets.count + added.keys.count { stored.offsets[$0] == nil } }

    /// Whether a text is cached (its entry is not decoded).
    ///
    /// - Complexity: O(text length), one hash lookup.
    public func contains(_ text: String) -> Bool {
        added[text] != nil || stored.offsets[text] != nil
    }

    /// The entry of a text, if cached.
    ///
    /// - Complexity: O(dimension · clauses) to decode it.
    public func entry(for text: String) -> Entry? {
        if let entry = added[text] { return entry }
        guard let offset = stored.offsets[text] else { return nil }
        return Self.decodeEntry(stored.data, at: offset, dimension: dimension)?.entry
    }

    /// Adds or replaces the entry of a text.
    ///
    /// - Precondition: the vector has ``dimension`` values and the clause vectors `clauses.count × dimension`.
    public mutating func insert(_ entry: Entry, for text: String) {
        precondition(entry.vector.count == dimension && entry.clauseVectors.count == entry.clauses.count * dimension,
                     "an entry has one vector of the cache's dimension per clause")
        added[text] = entry
        isModified = true
    }

    /// Writes the entries to the cache file, atomically (nothing when nothing changed).
    ///
    /// - Throws: `CocoaError` when the folder cannot be created or written.
    /// - Complexity: O(file size + entries added · dimension).
    public func save() throws {
        guard isModified else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try encode().write(to: fileURL, options: .atomic)
    }

    /// The file's bytes: magic, dimension, clause rules, count, then per entry
    /// (texts sorted by their UTF-8 bytes, so the same entries give the same
    /// bytes) text length, clause count, each clause's length, UTF-8 text,
    /// UTF-8 clauses, Float32 vector, Float16 clause vectors; little-endian.
    /// Loaded entries are copied as they are, never decoded.
    func encode() -> Data {
        var data = Data(Self.magic)
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        let texts = Set(stored.offsets.keys).union(added.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        append32(UInt32(dimension))
        append32(Self.clauseRules)
        append32(UInt32(texts.count))
        for text in texts {
            if let entry = added[text] {
                let clauses = entry.clauses.map { Array($0.utf8) }
                append32(UInt32(text.utf8.count))
                append32(UInt32(clauses.count))
                for clause in clauses { append32(UInt32(clause.count)) }
                data.append(contentsOf: text.utf8)
                for clause in clauses { data.append(contentsOf: clause) }
                entry.vector.withUnsafeBufferPointer { buffer in
                    for value in buffer { append32(value.bitPattern) }
                }
                for value in entry.clauseVectors {
                    withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
                }
            } else if let offset = stored.offsets[text],
                      let end = Self.decodeEntry(stored.data, at: offset, dimension: dimension, values: false)?.end {
                data.append(stored.data[(stored.data.startIndex + offset)..<(stored.data.startIndex + end)])
            }
        }
        return data
    }

    /// The entries of a file, or `nil` when it is not a complete cache file of this dimension.
    ///
    /// - Complexity: O(file size).
    static func decode(_ data: Data, dimension: Int) -> [String: Entry]? {
        guard let index = index(data, dimension: dimension) else { return nil }
        var entries: [String: Entry] = [:]
        for (text, offset) in index.offsets {
            guard let entry = decodeEntry(index.data, at: offset, dimension: dimension)?.entry else { return nil }
            entries[text] = entry
        }
        return entries
    }

    /// A loaded file and where each text's record starts in it.
    struct StoredEntries: Sendable {
        var data = Data()
        var offsets: [String: Int] = [:]
    }

    /// Indexes a file: checks its header and every record's lengths and texts
    /// (UTF-8), without decoding a vector; `nil` when it is not a complete cache
    /// file of this dimension and clause rules.
    ///
    /// - Complexity: O(file size), reading the bytes in place (no copy, no slice per field).
    static func index(_ data: Data, dimension: Int) -> StoredEntries? {
        data.withUnsafeBytes { bytes -> StoredEntries? in
            var reader = ByteReader(bytes)
            guard dimension > 0, let magic = reader.bytes(8), magic.elementsEqual(Self.magic),
                  let storedDimension = reader.uint32(), Int(storedDimension) == dimension,
                  let rules = reader.uint32(), rules == clauseRules,
                  let count = reader.uint32(), Int(count) <= maximumEntries, Int(count) <= data.count / 8 else { return nil }
            var offsets: [String: Int] = [:]
            offsets.reserveCapacity(Int(count))
            for _ in 0..<Int(count) {
                let start = reader.offset
                guard let record = Record(&reader, dimension: dimension),
                      let text = String(validating: record.text, as: UTF8.self),
                      offsets.updateValue(start, forKey: text) == nil else { return nil }
            }
            guard reader.offset == bytes.count else { return nil }
            return StoredEntries(data: data, offsets: offsets)
        }
    }

    /// One record at `offset`: its text, where it ends, and (when `values`) its entry.
    static func decodeEntry(_ data: Data, at offset: Int, dimension: Int, values: Bool = true)
        -> (text: String, entry: Entry?, end: Int)?
    {
        data.withUnsafeBytes { bytes -> (text: String, entry: Entry?, end: Int)? in
            var reader = ByteReader(bytes)
            reader.offset = offset
            guard let record = Record(&reader, dimension: dimension),
                  let text = String(validating: record.text, as: UTF8.self) else { return nil }
            guard values else { return (text, nil, reader.offset) }
            guard let entry = record.entry(dimension: dimension) else { return nil }
            return (text, entry, reader.offset)
        }
    }

    /// The fields of one record, as byte ranges of the file (nothing decoded).
    private struct Record {
        var text: UnsafeRawBufferPointer
        /// The clauses' UTF-8 bytes, one after another, and each one's length.
        var clauseBytes: UnsafeRawBufferPointer
        var clauseLengths: UnsafeRawBufferPointer
        var vector: UnsafeRawBufferPointer
        var clauseVectors: UnsafeRawBufferPointer

        /// Reads the record at the reader's offset and moves past it; `nil` when it does not fit the file.
        init?(_ reader: inout ByteReader, dimension: Int) {
            guard let textLength = reader.uint32(), let clauseCount = reader.uint32(),
                  Int(clauseCount) <= SentenceEncoder.maximumClauses,
                  let lengths = reader.bytes(4 * Int(clauseCount)) else { return nil }
            var clauseTotal = 0
            for index in 0..<Int(clauseCount) {
                // ≤ 16 lengths below 2³²: no overflow.
                clauseTotal += Int(UInt32(littleEndian: lengths.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)))
            }
            let clauseValues = Int(clauseCount) * dimension  // ≤ 16 × dimension: no overflow
            guard let text = reader.bytes(Int(textLength)), let clauseBytes = reader.bytes(clauseTotal),
                  let vector = reader.bytes(4 * dimension), let clauseVectors = reader.bytes(2 * clauseValues) else { return nil }
            self.text = text
            self.clauseBytes = clauseBytes
            self.clauseLengths = lengths
            self.vector = vector
            self.clauseVectors = clauseVectors
        }

        /// The decoded entry; `nil` when a clause is not UTF-8.
        func entry(dimension: Int) -> Entry? {
            var clauses: [String] = []
            clauses.reserveCapacity(clauseLengths.count / 4)
            var start = 0
            for index in 0..<(clauseLengths.count / 4) {
                let length = Int(UInt32(littleEndian: clauseLengths.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self)))
                guard let clause = String(validating: UnsafeRawBufferPointer(rebasing: clauseBytes[start..<(start + length)]),
                                          as: UTF8.self) else { return nil }
                clauses.append(clause)
                start += length
            }
            let vector = [Float](unsafeUninitializedCapacity: dimension) { buffer, initialized in
                #if _endian(little)
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: self.vector)
                #else
                for i in 0..<dimension {
                    buffer[i] = Float(bitPattern: UInt32(littleEndian: self.vector.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)))
                }
                #endif
                initialized = dimension
            }
            let clauseValues = clauseVectors.count / 2
            let widened = [Float](unsafeUninitializedCapacity: clauseValues) { buffer, initialized in
                HalfPrecision.widen(clauseVectors, into: buffer)
                initialized = clauseValues
            }
            return Entry(vector: vector, clauses: clauses, clauseVectors: widened)
        }
    }
}

/// Bounds-checked little-endian reading of bytes in place.
private struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The next `count` bytes, or `nil` past the end.
    mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer? {
        guard count >= 0, offset <= bytes.count, count <= bytes.count - offset else { return nil }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)])
    }

    /// The next little-endian 32-bit value, or `nil` past the end.
    mutating func uint32() -> UInt32? {
        guard let slice = bytes(4) else { return nil }
        return UInt32(littleEndian: slice.loadUnaligned(as: UInt32.self))
    }
}
