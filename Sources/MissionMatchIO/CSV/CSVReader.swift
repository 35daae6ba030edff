import Foundation

/// Reads CSV records one at a time from a file or from memory, never holding
/// more than one chunk of the input and one record.
///
/// It follows RFC 4180 as spreadsheets write it: fields holding the delimiter,
/// a quote or a line break are quoted and `""` is a literal quote; line ends may
/// be LF, CRLF or CR; a UTF-8 byte-order mark is skipped; input that is not
/// valid UTF-8 is decoded as Windows-1252 (``encoding`` tells which was used).
/// The delimiter (`,`, `;` or TAB) is detected from the first line unless given.
///
/// Broken quoting never stops the reader: the record carries a ``CSVProblem``
/// with the exact line and character, and reading goes on.
///
/// ```swift
/// let reader = try CSVReader(contentsOf: url)
/// while let record = try reader.next() {
///     print(record.line, record.fields)
/// }
/// ```
///
/// Blank lines are skipped. The reader is a class holding an open file; use it
/// from one task at a time.
package final class CSVReader {
    /// How to decode the bytes.
    package enum Encoding: String, Sendable, Hashable {
        /// UTF-8 (the default, and what a byte-order mark announces).
        case utf8
        /// Windows-1252, used when the input is not valid UTF-8.
        case windows1252
    }

    /// Reading options.
    package struct Options: Sendable, Hashable {
        /// The delimiter byte, or `nil` to detect `,`, `;` or TAB from the first line.
        package var delimiter: UInt8?
        /// The encoding, or `nil` to use UTF-8 when the input is valid UTF-8 and Windows-1252 otherwise.
        package var encoding: Encoding?
        /// The longest field kept, in bytes; longer fields are cut and reported.
        package var maxFieldBytes: Int
        /// The most fields kept per record; further fields are dropped and reported.
        package var maxFieldsPerRecord: Int
        /// The size of the chunks read from a file.
        package var chunkSize: Int

        /// Creates options.
        ///
        /// - Parameters:
        ///   - delimiter: A fixed delimiter, or `nil` to detect it.
        ///   - encoding: A fixed encoding, or `nil` to detect it.
        ///   - maxFieldBytes: Longest field kept (default 1 MiB).
        ///   - maxFieldsPerRecord: Most fields per record (default 1,000).
        ///   - chunkSize: Read size (default 64 KiB).
        package init(delimiter: UInt8? = nil, encoding: Encoding? = nil, maxFieldBytes: Int = 1 << 20,
                    maxFieldsPerRecord: Int = 1000, chunkSize: Int = 1 << 16) {
            self.delimiter = delimiter
            self.encoding = encoding
            self.maxFieldBytes = max(1, maxFieldBytes)
            self.maxFieldsPerRecord = max(1, maxFieldsPerRecord)
            self.chunkSize = max(16, chunkSize)
        }
    }

    private enum Source {
        case file(FileHandle)
        case memory(Data)
    }


    /// The delimiter in use.
    package private(set) var delimiter: UInt8
    /// The encoding in use.
    package private(set) var encoding: Encoding
    /// Whether the input started with a UTF-8 byte-order mark.
    package private(set) var hadByteOrderMark = false
    /// Whether the input holds NUL bytes, a sign of a binary file rather than text.
    package private(set) var containsNULBytes = false
    /// The largest number of bytes held for one record so far: the reader's
    /// memory is this plus one chunk, whatever the size of the input.
    package private(set) var largestRecordBytes = 0

    private let options: Options
    private let source: Source
    private var memoryOffset = 0
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false

    private var scanner: CSVScanner

    /// Opens a file for reading.
    ///
    /// Unless ``Options/encoding`` is set, the file is first scanned once to
    /// check that it is valid UTF-8 (in chunks, without holding it).
    ///
    /// - Parameters:
    ///   - url: A file URL.
    ///   - options: Reading options.
    /// - Throws: The file system's error when the file cannot be opened or read.
    package convenience init(contentsOf url: URL, options: Options = Options()) throws {
        let handle = try FileHandle(forReadingFrom: url)
        var encoding = options.encoding
        var containsNUL = false
        if encoding == nil {
            var validator = UTF8Validator()
            while let data = try handle.read(upToCount: options.chunkSize), !data.isEmpty {
                data.withUnsafeBytes { validator.consume($0) }
                if !validator.isValid { break }
            }
            encoding = validator.isCompleteAndValid ? .utf8 : .windows1252
            containsNUL = validator.containsNUL
            try handle.seek(toOffset: 0)
        }
        self.init(source: .file(handle), encoding: encoding ?? .utf8, options: options)
        containsNULBytes = containsNUL
        try start()
    }

    /// Reads CSV held in memory.
    ///
    /// - Parameters:
    ///   - data: The bytes.
    ///   - options: Reading options.
    package convenience init(data: Data, options: Options = Options()) {
        var encoding = options.encoding
        var containsNUL = false
        if encoding == nil {
            var validator = UTF8Validator()
            data.withUnsafeBytes { validator.consume($0) }
            encoding = validator.isCompleteAndValid ? .utf8 : .windows1252
            containsNUL = validator.containsNUL
        }
        self.init(source: .memory(data), encoding: encoding ?? .utf8, options: options)
        containsNULBytes = containsNUL
        // Reading from memory cannot fail.
        try? start()
    }

    private init(source: Source, encoding: Encoding, options: Options) {
        self.source = source
        self.options = options
        self.encoding = encoding
        self.delimiter = options.delimiter ?? UInt8(ascii: ",")
        self.scanner = CSVScanner(delimiter: options.delimiter ?? UInt8(ascii: ","), countsUTF8: encoding == .utf8,
                                  maxFieldBytes: options.maxFieldBytes, maxFieldsPerRecord: options.maxFieldsPerRecord)
    }

    /// Reads the first chunk: skips a byte-order mark and detects the delimiter.
    private func start() throws {
        try refill()
        // A byte-order mark announces UTF-8; it is skipped even when a later
        // invalid byte makes the file fall back to Windows-1252.
        if chunk.count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF {
            hadByteOrderMark = true
            position = 3
        }
        if options.delimiter == nil {
            delimiter = Self.detectDelimiter(in: chunk[position...])
            scanner.delimiter = delimiter
        }
        if chunk[position...].contains(0) { containsNULBytes = true }
    }

    deinit {
        if case .file(let handle) = source { try? handle.close() }
    }

    /// Picks `,`, `;` or TAB by counting each outside quotes on the first line;
    /// ties go to the comma, then the semicolon.
    static func detectDelimiter(in bytes: ArraySlice<UInt8>) -> UInt8 {
        var counts = (comma: 0, semicolon: 0, tab: 0)
        var inQuotes = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): inQuotes.toggle()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): if !inQuotes { return pick(counts) }
            case UInt8(ascii: ","): if !inQuotes { counts.comma += 1 }
            case UInt8(ascii: ";"): if !inQuotes { counts.semicolon += 1 }
            case UInt8(ascii: "\t"): if !inQuotes { counts.tab += 1 }
            default: break
            }
        }
        return pick(counts)

        func pick(_ c: (comma: Int, semicolon: Int, tab: Int)) -> UInt8 {
            if c.comma >= c.semicolon && c.comma >= c.tab { return UInt8(ascii: ",") }
            return c.semicolon >= c.tab ? UInt8(ascii: ";") : UInt8(ascii: "\t")
        }
    }

    private func refill() throws {
        position = 0
        switch source {
        case .file(let handle):
            if let data = try handle.read(upToCount: options.chunkSize), !data.isEmpty {
                chunk.removeAll(keepingCapacity: true)
                chunk.append(contentsOf: data)
            } else {
                chunk.removeAll(keepingCapacity: true)
                atEnd = true
            }
        case .memory(let data):
            let end = min(data.count, memoryOffset + options.chunkSize)
            chunk.removeAll(keepingCapacity: true)
            if memoryOffset < end {
                chunk.append(contentsOf: data[(data.startIndex + memoryOffset)..<(data.startIndex + end)])
                memoryOffset = end
            } else {
                atEnd = true
            }
        }
    }

    /// Reads the next record.
    ///
    /// - Returns: The record, or `nil` at the end of the input.
    /// - Throws: The file system's error when reading fails.
    /// - Complexity: O(*n*) in the record's length.
    package func next() throws -> CSVRecord? {
        try nextRaw()?.record
    }

    /// Reads the next record without turning its fields into strings.
    func nextRaw() throws -> RawCSVRecord? {
        while true {
            if position >= chunk.count {
                if !atEnd { try refill() }
                if atEnd { return finish(scanner.finish()) }
            }
            let record = chunk.withUnsafeBufferPointer { bytes in scanner.scan(bytes, from: &position) }
            if let record { return finish(record) }
        }
    }

    private func finish(_ record: RawCSVRecord?) -> RawCSVRecord? {
        largestRecordBytes = max(largestRecordBytes, scanner.lastRecordBytes)
        return record
    }
}
