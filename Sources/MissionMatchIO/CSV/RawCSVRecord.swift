import MissionMatch

/// A CSV record as the scanner produces it: all unquoted bytes in one buffer
/// and each field a range of it. Strings are made only for the cells a reader
/// asks for, which saves most allocations when importing large files.
struct RawCSVRecord {
    var bytes: [UInt8]
    var ranges: [Range<Int>]
    var line: Int
    var fieldLines: [Int]
    var problems: [CSVProblem]
    /// Whether the bytes are UTF-8 (else Windows-1252).
    var isUTF8: Bool

    var count: Int { ranges.count }

    /// The record with every field as a string.
    var record: CSVRecord {
        CSVRecord(fields: ranges.indices.map(string(at:)), line: line, fieldLines: fieldLines, problems: problems)
    }

    /// A field as written.
    func string(at index: Int) -> String {
        decode(ranges[index])
    }

    /// A field without leading and trailing white space.
    func trimmedString(at index: Int) -> String {
        let range = Self.trimASCIIBlanks(ranges[index], in: bytes)
        guard !range.isEmpty else { return "" }
        let text = decode(range)
        return bytes[range.lowerBound] >= 0x80 || bytes[range.upperBound - 1] >= 0x80 ? text.trimmingBlanks() : text
    }

    /// Whether every field is empty or blank.
    var isBlank: Bool {
        ranges.indices.allSatisfy { trimmedString(at: $0).isEmpty }
    }

    /// The items of a list cell: split on `|` (and `;` when allowed), trimmed, empty items dropped.
    func items(at index: Int, allowingSemicolon: Bool) -> [String] {
        var items: [String] = []
        items.reserveCapacity(4)
        let range = ranges[index]
        var start = range.lowerBound
        for position in range.lowerBound...range.upperBound {
            // Both separators are ASCII, so they never occur inside a multi-byte UTF-8 sequence.
            guard position == range.upperBound || bytes[position] == UInt8(ascii: "|")
                    || (allowingSemicolon && bytes[position] == UInt8(ascii: ";"))
            else { continue }
            let piece = Self.trimASCIIBlanks(start..<position, in: bytes)
            if !piece.isEmpty {
                let text = decode(piece)
                let item = bytes[piece.lowerBound] >= 0x80 || bytes[piece.upperBound - 1] >= 0x80 ? text.trimmingBlanks() : text
                if !item.isEmpty { items.append(item) }
            }
            start = position + 1
        }
        return items
    }

    private func decode(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[range])
            return isUTF8 ? String(decoding: slice, as: UTF8.self) : Windows1252.decode(slice)
        }
    }

    /// The range without leading and trailing ASCII white space (space, tab, LF, VT, FF, CR).
    static func trimASCIIBlanks(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high, isASCIIBlank(bytes[low]) { low += 1 }
        while high > low, isASCIIBlank(bytes[high - 1]) { high -= 1 }
        return low..<high
    }

    @inline(__always)
    static func isASCIIBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}
