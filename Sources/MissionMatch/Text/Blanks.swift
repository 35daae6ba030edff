/// Trims blanks (spaces, tabs, line breaks and other Unicode white space) fast:
/// ASCII is tested directly, only other scalars look up Unicode properties.
package enum Blanks {
    /// Whether a scalar is white space.
    @inline(__always)
    package static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            return scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar.value == 0x0B || scalar.value == 0x0C
        }
        return scalar.properties.isWhitespace
    }

    /// The text without leading and trailing white space; the same string when there is none.
    package static func trim(_ text: String) -> String {
        // Fast path: the text starts and ends with visible ASCII, as most cells do.
        if let first = text.utf8.first, let last = text.utf8.last,
           first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return text
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        while start < end {
            let previous = scalars.index(before: end)
            guard isBlank(scalars[previous]) else { break }
            end = previous
        }
        if start == scalars.startIndex && end == scalars.endIndex { return text }
        return String(scalars[start..<end])
    }

    /// The bytes without leading and trailing ASCII spaces and tabs.
    package static func trimASCII(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { slice.removeFirst() }
        while let last = slice.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { slice.removeLast() }
        return slice
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    package func trimmingBlanks() -> String {
        Blanks.trim(String(self))
    }
}

extension String {
    /// The text without leading and trailing white space; the same string when there is none.
    package func trimmingBlanks() -> String {
        Blanks.trim(self)
    }
}
