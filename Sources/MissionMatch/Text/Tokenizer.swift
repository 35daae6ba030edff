/// Splits free text into words.
///
/// A word is a run of letters and digits; everything else separates words
/// (`alcohol-free` gives `alcohol` and `free`). Chunks between white space that
/// look like e-mail addresses or web addresses (`info@x.example`,
/// `https://…`, `www.…`) are skipped whole, so contact data never becomes a
/// matching term. Single letters are dropped.
///
/// ```swift
/// Tokenizer.tokens(in: "Compostable PLA-films, see www.x.example").map(\.folded)
/// // ["compostable", "pla", "films", "see"]
/// ```
///
/// The scan works on the text's UTF-8 bytes; only non-ASCII characters look
/// up Unicode properties.
package enum Tokenizer {
    /// The words of a text, in order.
    ///
    /// - Parameter text: Free text.
    /// - Returns: Its tokens, folded and as written.
    /// - Complexity: O(*n*) in the text's length.
    package static func tokens(in text: String) -> [Token] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in scan(text, bytes) } ?? []
    }

    private static func scan(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 6)
        let count = bytes.count
        var position = 0
        while position < count {
            // Skip blanks, then find the end of this white-space separated chunk.
            while position < count {
                let (scalar, length) = decode(bytes, at: position)
                guard Blanks.isBlank(scalar) else { break }
                position += length
            }
            let chunkStart = position
            var looksLikeAddress = false
            while position < count {
                let byte = bytes[position]
                if byte < 0x80 {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { break }
                    if byte == UInt8(ascii: "@") { looksLikeAddress = true }
                    position += 1
                } else {
                    let (scalar, length) = decode(bytes, at: position)
                    if Blanks.isBlank(scalar) { break }
                    position += length
                }
            }
            if !looksLikeAddress { looksLikeAddress = startsWithWebAddress(bytes, chunkStart, position) }
            if !looksLikeAddress { appendWords(text, bytes, chunkStart, position, to: &tokens) }
        }
        return tokens
    }

    private static func appendWords(
        _ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to tokens: inout [Token]
    ) {
        var position = start
        while position < end {
            var (scalar, length) = decode(bytes, at: position)
            while position < end, !isWordScalar(scalar) {
                position += length
                if position < end { (scalar, length) = decode(bytes, at: position) }
            }
            let wordStart = position
            var scalars = 0
            var uppercase = 0
            var ascii = true
            while position < end {
                (scalar, length) = decode(bytes, at: position)
                guard isWordScalar(scalar) else { break }
                if scalar.value < 0x80 {
                    if scalar.value >= 0x41 && scalar.value <= 0x5A { uppercase += 1 }
                } else {
                    ascii = false
                    if scalar.properties.isUppercase { uppercase += 1 }
                }
                scalars += 1
                position += length
            }
            guard scalars >= 2 else { continue }
            let utf8 = text.utf8
            let surface = text[utf8.index(utf8.startIndex, offsetBy: wordStart)..<utf8.index(utf8.startIndex, offsetBy: position)]
            let folded: String
            if ascii {
                folded = String(unsafeUninitializedCapacity: position - wordStart) { buffer in
                    for offset in 0..<(position - wordStart) {
                        let byte = bytes[wordStart + offset]
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    }
                    return position - wordStart
                }
            } else {
                folded = TextFolding.fold(surface)
            }
            tokens.append(Token(folded: folded, surface: surface, uppercaseCount: uppercase))
        }
    }

    /// Whether the chunk starts with `http://`, `https://` or `www.` (any case).
    private static func startsWithWebAddress(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        func hasPrefix(_ prefix: StaticString) -> Bool {
            let length = prefix.utf8CodeUnitCount
            guard end - start >= length else { return false }
            return prefix.withUTF8Buffer { expected in
                (0..<length).allSatisfy { offset in
                    let byte = bytes[start + offset]
                    return (byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) == expected[offset]
                }
            }
        }
        return hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.")
    }

    /// The scalar at a byte offset of valid UTF-8, and its length in bytes.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (Unicode.Scalar, Int) {
        let lead = bytes[position]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        var value: UInt32
        let length: Int
        if lead >= 0xF0 { value = UInt32(lead & 0x07); length = 4 }
        else if lead >= 0xE0 { value = UInt32(lead & 0x0F); length = 3 }
        else { value = UInt32(lead & 0x1F); length = 2 }
        for offset in 1..<length where position + offset < bytes.count {
            value = value << 6 | UInt32(bytes[position + offset] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    @inline(__always)
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
