import Foundation
import MatchCore

/// A 64-bit FNV-1a digest over 8-byte little-endian words (the tail byte by
/// byte): the checksum that ends the binary files of a sharded ranking and
/// the digests of their inputs (FileFormats §11). It detects damage and
/// mix-ups, not tampering.
struct Digest64: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let words = bytes.count / 8
        for index in 0..<words {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            value = (value ^ word) &* Self.prime
        }
        for index in (words * 8)..<bytes.count { value = (value ^ UInt64(bytes[index])) &* Self.prime }
    }

    mutating func combine(_ data: Data) { data.withUnsafeBytes { combine($0) } }

    /// The text's UTF-8 byte count, then its bytes (read in place when the string is contiguous).
    mutating func combine(_ text: String) {
        combine(UInt64(text.utf8.count))
        if text.utf8.withContiguousStorageIfAvailable({ combine(UnsafeRawBufferPointer($0)) }) == nil {
            Array(text.utf8).withUnsafeBytes { combine($0) }
        }
    }

    mutating func combine(_ word: UInt64) { value = (value ^ word) &* Self.prime }

    /// The digest of `data`.
    static func of(_ data: Data) -> UInt64 {
        var digest = Digest64()
        digest.combine(data)
        return digest.value
    }

    /// 16 lowercase hex digits.
    static func hex(_ value: UInt64) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 16 - text.count) + text
    }
}

/// Builds a binary file of a sharded ranking: magic, version, JSON header,
/// little-endian payload, checksum (FileFormats §11).
struct BinaryFileBuilder {
    private(set) var data = Data()

    init(magic: String, version: UInt32, header: Data) {
        data.append(Data(magic.utf8))
        append(version)
        append(UInt32(header.count))
        data.append(header)
    }

    mutating func append(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }

    mutating func append(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }

    /// Float32 values, little-endian, in order.
    mutating func append(floats: some Collection<Float>) {
        let words = floats.map { $0.bitPattern.littleEndian }
        words.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    /// A matrix's elements, row-major.
    mutating func append(_ matrix: Matrix) { matrix.withUnsafeBufferPointer { append(floats: $0) } }

    /// A sparse matrix row by row, each as a `uint32` count of its values
    /// and that many (`uint32` column, `float32` value) pairs, columns ascending.
    mutating func append(sparse matrix: CSRMatrix) {
        var words: [UInt32] = []
        words.reserveCapacity(matrix.rows + 2 * matrix.nonzeroCount)
        for row in 0..<matrix.rows {
            let entries = matrix.row(row)
            words.append(UInt32(entries.count).littleEndian)
            for (column, value) in entries {
                words.append(UInt32(column).littleEndian)
                words.append(value.bitPattern.littleEndian)
            }
        }
        words.withUnsafeBytes { data.append(contentsOf: $0) }
    }

    /// Bytes as they are (a section encoded elsewhere).
    mutating func append(bytes: Data) { data.append(bytes) }

    /// The file: everything appended, then the checksum of it.
    func finished() -> Data {
        var file = data
        withUnsafeBytes(of: Digest64.of(data).littleEndian) { file.append(contentsOf: $0) }
        return file
    }
}

/// Reads a binary file of a sharded ranking, checking magic, version, length and checksum first.
struct BinaryFileReader {
    let data: Data
    let name: String
    // Offsets count from the start of `data` (a `Data` read from a file or built here starts at index 0;
    // `init` rebases any other).
    /// The header's JSON bytes.
    let header: Data
    /// The file's checksum (its last 8 bytes), which is also its digest.
    let checksum: UInt64
    /// The next payload byte.
    private(set) var offset: Int
    private let payloadEnd: Int

    /// - Throws: ``ImportError`` naming the file and byte offset when the
    ///   magic, version, header length or checksum is wrong.
    init(data given: Data, name: String, magic: String, version: UInt32, what: String) throws(ImportError) {
        let data = given.startIndex == 0 ? given : Data(given)
        self.data = data
        self.name = name
        let magicBytes = Data(magic.utf8)
        func fail(_ message: String, _ hint: String, at offset: Int? = nil) -> ImportError {
            ImportError(Diagnostic(kind: .syntax, file: name, message: (offset.map { "byte \($0): " } ?? "") + message, hint: hint))
        }
        guard data.count >= magicBytes.count + 16, data.prefix(magicBytes.count) == magicBytes else {
            throw fail("not \(what) (it does not start with '\(magic)')", "give the file missionmatch wrote")
        }
        let found = Self.word32(data, at: magicBytes.count)
        guard found == version else {
            throw fail("\(what) of format version \(found); this missionmatch reads version \(version)",
                       "write it again with this version of missionmatch", at: magicBytes.count)
        }
        let headerLength = Int(Self.word32(data, at: magicBytes.count + 4))
        let headerStart = magicBytes.count + 8
        guard headerLength <= data.count - headerStart - 8 else {
            throw fail("the header runs past the end: the file is cut short", "copy or write it again", at: headerStart)
        }
        let stored = Self.word64(data, at: data.count - 8)
        let computed = Digest64.of(data.prefix(data.count - 8))
        guard stored == computed else {
            throw fail("the checksum does not match: the file is damaged or incomplete", "copy or write it again",
                       at: data.count - 8)
        }
        header = data.subdata(in: (data.startIndex + headerStart)..<(data.startIndex + headerStart + headerLength))
        checksum = stored
        offset = headerStart + headerLength
        payloadEnd = data.count - 8
    }

    /// Bytes left before the checksum.
    var remaining: Int { payloadEnd - offset }

    /// An error at the current payload offset.
    func error(_ message: String, hint: String = "write the file again with missionmatch") -> ImportError {
        ImportError(Diagnostic(kind: .invalidValue, file: name, message: "byte \(offset): " + message, hint: hint))
    }

    mutating func word32() throws(ImportError) -> UInt32 {
        guard remaining >= 4 else { throw error("the data ends early") }
        defer { offset += 4 }
        return Self.word32(data, at: offset)
    }

    /// The next `count` bytes as they are, and the offset of the first.
    ///
    /// - Throws: ``ImportError`` when fewer are left.
    mutating func bytes(_ count: Int) throws(ImportError) -> (bytes: Data, start: Int) {
        guard count >= 0, count <= remaining else { throw error("the data ends early (\(count) bytes announced)") }
        let start = offset
        offset += count
        return (data.subdata(in: start..<(start + count)), start)
    }

    /// `count` entries of `width` `uint32` words each (a list's entries),
    /// read in one pass after one bounds check, as one flat array.
    ///
    /// - Returns: The words, entry after entry, and the payload offset of the
    ///   first (so that an error about entry *i* can name its byte, ``error(at:_:hint:)``).
    /// - Throws: ``ImportError`` when fewer than `4 · width · count` bytes are left.
    /// - Complexity: O(`count` · `width`).
    mutating func words(_ count: Int, width: Int) throws(ImportError) -> (words: [UInt32], start: Int) {
        let (entryBytes, entryOverflow) = width.multipliedReportingOverflow(by: 4)
        let (bytes, overflow) = count.multipliedReportingOverflow(by: entryBytes)
        guard !entryOverflow, !overflow, width > 0, count >= 0, bytes <= remaining else {
            throw error("the data ends early (\(count) entries announced)")
        }
        let start = offset, total = count * width
        let words = [UInt32](unsafeUninitializedCapacity: total) { buffer, initialized in
            data.withUnsafeBytes { raw in
                for index in 0..<total {
                    buffer[index] = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * index, as: UInt32.self))
                }
            }
            initialized = total
        }
        offset += bytes
        return (words, start)
    }

    /// An error at a given payload offset (see ``words(_:width:)``).
    func error(at byte: Int, _ message: String, hint: String = "write the file again with missionmatch") -> ImportError {
        ImportError(Diagnostic(kind: .invalidValue, file: name, message: "byte \(byte): " + message, hint: hint))
    }

    /// `count` float32 values.
    mutating func floats(_ count: Int) throws(ImportError) -> [Float] {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 4)
        guard !overflow, count >= 0, bytes <= remaining else { throw error("the data ends early (\(count) numbers announced)") }
        let start = offset
        let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                for index in 0..<count {
                    buffer[index] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start + 4 * index, as: UInt32.self)))
                }
            }
            initialized = count
        }
        offset += bytes
        return values
    }

    /// A `rows × columns` matrix whose every value is finite.
    mutating func matrix(_ rows: Int, _ columns: Int, name matrixName: String) throws(ImportError) -> Matrix {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, rows >= 0, columns >= 0 else { throw error("\(matrixName): \(rows) × \(columns) is not a size") }
        let start = offset
        let values = try floats(count)
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw ImportError(Diagnostic(kind: .invalidValue, file: name,
                                         message: "byte \(start + 4 * bad): \(matrixName) holds a value that is not a finite number",
                                         hint: "write the file again with missionmatch"))
        }
        return Matrix(rows: rows, columns: columns, elements: values)
    }

    /// A `rows × columns` sparse matrix written by `append(sparse:)`: columns
    /// ascending and below `columns`, values finite and non-zero. Its memory
    /// is that of the bytes read (nothing is expanded here).
    mutating func sparseMatrix(_ rows: Int, _ columns: Int, name matrixName: String) throws(ImportError) -> CSRMatrix {
        guard rows >= 0, columns >= 1, columns <= Int(Int32.max), rows <= remaining / 4 else {
            throw error("\(matrixName): \(rows) × \(columns) is not a size this file can hold")
        }
        var offsets = [0], indices: [Int32] = [], values: [Float] = []
        offsets.reserveCapacity(rows + 1)
        var position = offset
        let end = payloadEnd
        var failure: String?
        data.withUnsafeBytes { raw in
            func word(_ at: Int) -> UInt32 { UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
            for row in 0..<rows {
                guard position + 4 <= end else { failure = "the data ends early"; return }
                let entries = Int(word(position))
                position += 4
                guard entries <= columns, entries * 8 <= end - position else {
                    failure = "\(matrixName): row \(row + 1) announces \(entries) values"
                    return
                }
                var previous = -1
                for _ in 0..<entries {
                    let column = Int(word(position)), value = Float(bitPattern: word(position + 4))
                    guard column > previous, column < columns, value.isFinite, value != 0 else {
                        failure = "\(matrixName): row \(row + 1) has column \(column) out of order or range, "
                            + "or a value that is not a finite non-zero number"
                        return
                    }
                    indices.append(Int32(column))
                    values.append(value)
                    previous = column
                    position += 8
                }
                offsets.append(values.count)
            }
        }
        if let failure {
            offset = position
            throw error(failure)
        }
        offset = position
        return CSRMatrix(rows: rows, columns: columns, rowOffsets: offsets, columnIndices: indices, values: values)
    }

    /// Fails unless the whole payload was read.
    func finish() throws(ImportError) {
        guard remaining == 0 else { throw error("\(remaining) bytes after the data the header announces") }
    }

    // `data` starts at index 0 (see `init`); callers check the bounds.
    private static func word32(_ data: Data, at offset: Int) -> UInt32 {
        data.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }

    private static func word64(_ data: Data, at offset: Int) -> UInt64 {
        data.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }
}
