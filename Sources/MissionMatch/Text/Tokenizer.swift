/// Splits free text into words.
///
/// A word is a run of letters and digits; everything else separates words
/// (`alcohol-free` gives `alcohol` and `free`). Chunks between white space that
/// look like e-mail addresses or web addresses (`info@x.example`,
/// `https://…`, `www.…`) are skipped whole, so contact data never becomes a
/// matching term. Single letters are dropped.
///
/// Each token also says whether it starts a phrase (``Token/startsPhrase``):
/// whether a mark that ends a phrase stands between it and the word before —
/// `.` `,` `;` `:` `!` `?`, brackets, `|`, `/`, `\`, a line break, a
/// skipped address, and outside ASCII the other punctuation (`•`, `…`, `。`,
/// `、`) and the en and em dashes, but not hyphens or quotes. A `.` or `,`
/// between two digits (`4.0`, `1,500`) is part of a number, not a break.
/// Shared-phrase reasons never join words across a break.
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
        var pendingBreak = false  // a phrase break met since the last word
        while position < count {
            // Skip blanks, then find the end of this white-space separated chunk.
            while position < count {
                let (scalar, length) = decode(bytes, at: position)
                guard Blanks.isBlank(scalar) else { break }
                if isLineBreak(scalar) { pendingBreak = true }
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
            if looksLikeAddress {
                pendingBreak = true
            } else {
                appendWords(text, bytes, chunkStart, position, to: &tokens, pendingBreak: &pendingBreak)
            }
        }
        return tokens
    }

    private static func appendWords(
        _ text: String, _ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, to tokens: inout [Token],
        pendingBreak: inout Bool
    ) {
        var position = start
        while position < end {
            var (scalar, length) = decode(bytes, at: position)
            while position < end, !isWordScalar(scalar) {
                if !pendingBreak, breaksPhrase(scalar, bytes, at: position) { pendingBreak = true }
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
            tokens.append(Token(folded: folded, surface: surface, uppercaseCount: uppercase,
                                startsPhrase: pendingBreak && !tokens.isEmpty))
            pendingBreak = false
        }
    }

    /// Whether a separator scalar ends a phrase (see the type's documentation).
    private static func breaksPhrase(_ scalar: Unicode.Scalar, _ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            switch UInt8(value) {
            case UInt8(ascii: "."), UInt8(ascii: ","):
                // Between two digits it is a decimal or thousands mark.
                let before = position > 0 ? bytes[position - 1] : 0, after = position + 1 < bytes.count ? bytes[position + 1] : 0
                return !((0x30...0x39).contains(before) && (0x30...0x39).contains(after))
            case UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"),
                 UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "/"),
                 UInt8(ascii: "\\"):
                return true
            default:
                return false
            }
        }
        switch scalar.properties.generalCategory {
        case .otherPunctuation, .openPunctuation, .closePunctuation: return true
        case .dashPunctuation: return value == 0x2013 || value == 0x2014  // en and em dashes, not hyphens
        default: return isLineBreak(scalar)
        }
    }

    /// A line or paragraph break (which ``Blanks`` counts as blank).
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
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
