import Foundation

/// Embeddings kept on disk between runs, per model and per exact text, so that
/// re-runs, re-plans and programme-scale runs encode each profile once.
///
/// One file per model in the cache folder, named after the model's
/// fingerprint (`<fingerprint>.embeddings`). An entry holds the text itself
/// (no hash collisions), its Float32 vector, and its clauses' vectors as
/// Float16 (explanations only: ``SentenceEncoder`` rounds them the same way
/// when it computes them, so a cached entry and a fresh one are the same
/// bytes). A file that is truncated, malformed or for another dimension is
/// ignored (and replaced at the next save); nothing in it can trap or make
/// the reader allocate beyond the file's own size.
///
/// Saving writes a temporary file in the folder and renames it over the old
/// one, so a crash never leaves half a cache; two processes saving at once
/// lose one's additions, never the file.
public struct EmbeddingCache: Sendable {
    /// One cached text.
    public struct Entry: Sendable, Equatable {
        /// The text's vector (`dimension` values).
        public var vector: [Float]
        /// Its clauses' vectors, row after row (`clauses × dimension` values, Float16-exact).
        public var clauseVectors: [Float]
        /// How many clauses.
        public var clauseCount: Int

        /// An entry.
        public init(vector: [Float], clauseVectors: [Float], clauseCount: Int) {
            self.vector = vector
            self.clauseVectors = clauseVectors
            self.clauseCount = clauseCount
        }
    }

    /// The folder holding the cache files.
    public let folder: URL
    /// The model's fingerprint (the file's name).
    public let fingerprint: String
    /// The vectors' dimension.
    public let dimension: Int
    /// The entries, by exact text.
    public private(set) var entries: [String: Entry] = [:]
    /// Whether entries were added since loading.
    public private(set) var isModified = false

    /// The most entries one file may hold (10,000,000).
    public static let maximumEntries = 10_000_000
    private static let magic = Array("MMEMB001".utf8)

    /// The cache of one model in `folder`, loaded from its file when there is a usable one.
    ///
    /// - Parameters:
    ///   - folder: The cache folder (created when saving).
    ///   - fingerprint: The model's fingerprint.
    ///   - dimension: The model's output dimension.
    /// - Complexity: O(file size).
    public init(folder: URL, fingerprint: String, dimension: Int) {
        self.folder = folder
        self.fingerprint = fingerprint
        self.dimension = dimension
        if let data = try? Data(contentsOf: fileURL, options: .mappedIfSafe) {
            entries = Self.decode(data, dimension: dimension) ?? [:]
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

    /// The entry of a text, if cached.
    public func entry(for text: String) -> Entry? { entries[text] }

    /// Adds or replaces the entry of a text.
    ///
    /// - Precondition: the vector has ``dimension`` values and the clause vectors `clauseCount × dimension`.
    public mutating func insert(_ entry: Entry, for text: String) {
        precondition(entry.vector.count == dimension && entry.clauseVectors.count == entry.clauseCount * dimension,
                     "an entry has one vector of the cache's dimension per clause")
        entries[text] = entry
        isModified = true
    }

    /// Writes the entries to the cache file, atomically (nothing when nothing changed).
    ///
    /// - Throws: `CocoaError` when the folder cannot be created or written.
    /// - Complexity: O(entries · dimension).
    public func save() throws {
        guard isModified else { return }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try encode().write(to: fileURL, options: .atomic)
    }

    /// The file's bytes: magic, dimension, count, then per entry (texts sorted,
    /// so the same entries give the same bytes) text length, clause count,
    /// UTF-8 text, Float32 vector, Float16 clause vectors; little-endian.
    func encode() -> Data {
        var data = Data(Self.magic)
        func append32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        append32(UInt32(dimension))
        append32(UInt32(entries.count))
        for text in entries.keys.sorted() {
            guard let entry = entries[text] else { continue }
            let bytes = Array(text.utf8)
            append32(UInt32(bytes.count))
            append32(UInt32(entry.clauseCount))
            data.append(contentsOf: bytes)
            for value in entry.vector { append32(value.bitPattern) }
            for value in entry.clauseVectors {
                withUnsafeBytes(of: Float16(value).bitPattern.littleEndian) { data.append(contentsOf: $0) }
            }
        }
        return data
    }

    /// The entries of a file, or `nil` when it is not a complete cache file of this dimension.
    static func decode(_ data: Data, dimension: Int) -> [String: Entry]? {
        let bytes = [UInt8](data)
        var offset = 0
        func read(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, count <= bytes.count - offset else { return nil }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }
        func read32() -> UInt32? {
            guard let slice = read(4) else { return nil }
            return slice.reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
        guard let magic = read(8), Array(magic) == Self.magic, let storedDimension = read32(),
              Int(storedDimension) == dimension, dimension > 0, let count = read32(),
              Int(count) <= maximumEntries else { return nil }
        var entries: [String: Entry] = [:]
        for _ in 0..<Int(count) {
            guard let textLength = read32(), let clauses = read32(),
                  let textBytes = read(Int(textLength)),
                  let text = String(validating: textBytes, as: UTF8.self) else { return nil }
            let (clauseValues, overflow) = Int(clauses).multipliedReportingOverflow(by: dimension)
            guard !overflow, let vectorBytes = read(4 * dimension), clauseValues <= (bytes.count - offset) / 2,
                  let clauseBytes = read(2 * clauseValues) else { return nil }
            let vector = vectorBytes.withUnsafeBytes { raw in
                (0..<dimension).map { i in Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
            }
            let clauseVectors = clauseBytes.withUnsafeBytes { raw in
                (0..<clauseValues).map { i in
                    Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))))
                }
            }
            entries[text] = Entry(vector: vector, clauseVectors: clauseVectors, clauseCount: Int(clauses))
        }
        guard offset == bytes.count else { return nil }
        return entries
    }
}
