/// The RFC 4180 state machine of ``CSVReader``: it turns bytes into fields and
/// records, keeping line and character positions and recording syntax problems.
///
/// A value type so that its hot loop works on stored properties without the
/// dynamic exclusivity checks a class's properties would need per byte.
struct CSVScanner {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted, afterClosingQuote
    }

    var delimiter: UInt8 {
        didSet { (unquotedStops, quotedStops) = Self.stopTables(delimiter) }
    }
    let countsUTF8: Bool
    /// Bytes that end a run of plain bytes in an unquoted field: quote, CR, LF, delimiter.
    private var unquotedStops: [Bool]
    /// Bytes that end a run of plain bytes in a quoted field: quote, CR, LF.
    private var quotedStops: [Bool]
    let maxFieldBytes: Int
    let maxFieldsPerRecord: Int
    /// The bytes held for the last record returned.
    private(set) var lastRecordBytes = 0

    private var state = State.fieldStart
    /// The unquoted bytes of the record so far; fields are ranges into it.
    private var buffer: [UInt8] = []
    private var ranges: [Range<Int>] = []
    private var fieldLines: [Int] = []
    /// Where the current field starts in `buffer`.
    private var fieldStart = 0
    private var problems: [CSVProblem] = []
    private var line = 1
    private var nextCharacter = 1
    private var lastWasCR = false
    private var skipLF = false
    private var recordLine = 1
    private var fieldLine = 1
    private var recordStarted = false
    private var fieldOverflowed = false
    private var fieldsOverflowed = false
    private var quoteLine = 1
    private var quoteCharacter = 1

    init(delimiter: UInt8, countsUTF8: Bool, maxFieldBytes: Int, maxFieldsPerRecord: Int) {
        self.delimiter = delimiter
        (unquotedStops, quotedStops) = Self.stopTables(delimiter)
        self.countsUTF8 = countsUTF8
        self.maxFieldBytes = maxFieldBytes
        self.maxFieldsPerRecord = maxFieldsPerRecord
    }

    private static func stopTables(_ delimiter: UInt8) -> ([Bool], [Bool]) {
        var quoted = Array(repeating: false, count: 256)
        for byte in [UInt8(ascii: "\""), UInt8(ascii: "\r"), UInt8(ascii: "\n")] { quoted[Int(byte)] = true }
        var unquoted = quoted
        unquoted[Int(delimiter)] = true
        return (unquoted, quoted)
    }

    /// Scans bytes from `position` until a record ends (returned) or the bytes run out (`nil`).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from position: inout Int) -> RawCSVRecord? {
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        while position < bytes.count {
            // Fast path: a run of plain bytes inside a field, found with a stop table.
            if state == .unquoted || state == .quoted {
                let stops = state == .unquoted ? unquotedStops : quotedStops
                let start = position
                var index = position
                var continuationBytes = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if stops[Int(byte)] { break }
                    continuationBytes &+= byte & 0xC0 == 0x80 ? 1 : 0
                    index += 1
                }
                if index > start {
                    append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    nextCharacter += countsUTF8 ? index - start - continuationBytes : index - start
                    lastWasCR = false
                    skipLF = false
                    position = index
                    continue
                }
            }
            let byte = bytes[position]
            position += 1
            if skipLF {
                skipLF = false
                if byte == lf { lastWasCR = false; continue }
            }
            let character = nextCharacter
            if byte == lf {
                if !lastWasCR { line += 1 }
                lastWasCR = false
                nextCharacter = 1
            } else if byte == cr {
                line += 1
                lastWasCR = true
                nextCharacter = 1
            } else {
                lastWasCR = false
                if !countsUTF8 || byte & 0xC0 != 0x80 { nextCharacter += 1 }
            }
            if !recordStarted {
                recordStarted = true
                recordLine = byte == lf || byte == cr ? line - 1 : line
                fieldLine = recordLine
            }
            switch state {
            case .fieldStart:
                if byte == quote {
                    state = .quoted
                    quoteLine = line
                    quoteCharacter = character
                } else if byte == delimiter {
                    endField()
                } else if byte == lf || byte == cr {
                    if let record = endRecord(crTerminated: byte == cr) { return record }
                } else {
                    append(byte)
                    state = .unquoted
                }
            case .unquoted, .afterClosingQuote:
                if byte == delimiter {
                    endField()
                } else if byte == lf || byte == cr {
                    if let record = endRecord(crTerminated: byte == cr) { return record }
                } else {
                    if byte == quote && state == .unquoted {
                        problems.append(CSVProblem(kind: .strayQuote, line: line, character: character, fieldIndex: ranges.count))
                        state = .afterClosingQuote
                    }
                    append(byte)
                }
            case .quoted:
                if byte == quote { state = .quoteInQuoted } else { append(byte) }
            case .quoteInQuoted:
                if byte == quote {
                    append(quote)
                    state = .quoted
                } else if byte == delimiter {
                    endField()
                } else if byte == lf || byte == cr {
                    if let record = endRecord(crTerminated: byte == cr) { return record }
                } else {
                    problems.append(CSVProblem(kind: .textAfterClosingQuote, line: line, character: character, fieldIndex: ranges.count))
                    append(byte)
                    state = .afterClosingQuote
                }
            }
        }
        return nil
    }

    /// Ends the input: the last record, if any, with an unclosed quote reported.
    mutating func finish() -> RawCSVRecord? {
        guard recordStarted else { return nil }
        if state == .quoted {
            problems.append(CSVProblem(kind: .unterminatedQuote, line: quoteLine, character: quoteCharacter, fieldIndex: ranges.count))
        }
        if ranges.isEmpty && buffer.count == fieldStart && state == .fieldStart && problems.isEmpty {
            recordStarted = false
            return nil
        }
        endField()
        return takeRecord()
    }

    private mutating func append(_ byte: UInt8) {
        if buffer.count - fieldStart < maxFieldBytes {
            buffer.append(byte)
        } else {
            overflow()
        }
    }

    private mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        let room = maxFieldBytes - (buffer.count - fieldStart)
        if run.count <= room {
            buffer.append(contentsOf: run)
        } else {
            if room > 0 { buffer.append(contentsOf: UnsafeBufferPointer(rebasing: run[..<room])) }
            overflow()
        }
    }

    private mutating func overflow() {
        guard !fieldOverflowed else { return }
        fieldOverflowed = true
        problems.append(CSVProblem(kind: .fieldTooLong(limit: maxFieldBytes), line: fieldLine, character: 1,
                                   fieldIndex: ranges.count))
    }

    private mutating func endField() {
        if ranges.count < maxFieldsPerRecord {
            ranges.append(fieldStart..<buffer.count)
            fieldLines.append(fieldLine)
        } else {
            buffer.removeSubrange(fieldStart...)
            if !fieldsOverflowed {
                fieldsOverflowed = true
                problems.append(CSVProblem(kind: .tooManyFields(limit: maxFieldsPerRecord), line: fieldLine,
                                           character: 1, fieldIndex: ranges.count))
            }
        }
        fieldStart = buffer.count
        fieldOverflowed = false
        state = .fieldStart
        fieldLine = line
    }

    private mutating func endRecord(crTerminated: Bool) -> RawCSVRecord? {
        skipLF = crTerminated
        if ranges.isEmpty && buffer.count == fieldStart && state == .fieldStart && problems.isEmpty {
            recordStarted = false
            return nil
        }
        endField()
        return takeRecord()
    }

    private mutating func takeRecord() -> RawCSVRecord {
        lastRecordBytes = buffer.count
        let record = RawCSVRecord(bytes: buffer, ranges: ranges, line: recordLine, fieldLines: fieldLines,
                                  problems: problems, isUTF8: countsUTF8)
        // The record now shares the arrays' storage: start new ones sized like this record.
        let size = buffer.count, width = ranges.count
        buffer = []
        buffer.reserveCapacity(min(size, 1 << 16))
        ranges = []
        ranges.reserveCapacity(width)
        fieldLines = []
        fieldLines.reserveCapacity(width)
        fieldStart = 0
        problems.removeAll()
        fieldsOverflowed = false
        recordStarted = false
        state = .fieldStart
        fieldLine = line
        return record
    }
}
