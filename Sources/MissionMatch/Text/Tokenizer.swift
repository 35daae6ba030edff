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
public enum Tokenizer {
    /// The words of a text, in order.
    ///
    /// - Parameter text: Free text.
    /// - Returns: Its tokens, folded and as written.
    /// - Complexity: O(*n*) in the text's length.
    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 6)
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            // One white-space separated chunk at a time.
            while index < scalars.endIndex, Blanks.isBlank(scalars[index]) { index = scalars.index(after: index) }
            var chunkEnd = index
            var looksLikeAddress = false
            while chunkEnd < scalars.endIndex, !Blanks.isBlank(scalars[chunkEnd]) {
                if scalars[chunkEnd] == "@" { looksLikeAddress = true }
                chunkEnd = scalars.index(after: chunkEnd)
            }
            if !looksLikeAddress {
                let chunk = text[index..<chunkEnd]
                let lower = chunk.prefix(8).lowercased()
                looksLikeAddress = lower.hasPrefix("http://") || lower.hasPrefix("https:/") || lower.hasPrefix("www.")
            }
            if !looksLikeAddress { appendWords(of: text, from: index, to: chunkEnd, to: &tokens) }
            index = chunkEnd
        }
        return tokens
    }

    private static func appendWords(
        of text: String, from start: String.UnicodeScalarView.Index, to end: String.UnicodeScalarView.Index,
        to tokens: inout [Token]
    ) {
        let scalars = text.unicodeScalars
        var index = start
        while index < end {
            while index < end, !isWordScalar(scalars[index]) { index = scalars.index(after: index) }
            let wordStart = index
            var count = 0
            var uppercase = 0
            while index < end, isWordScalar(scalars[index]) {
                let scalar = scalars[index]
                if scalar.value < 0x80 ? (scalar.value >= 0x41 && scalar.value <= 0x5A) : scalar.properties.isUppercase {
                    uppercase += 1
                }
                count += 1
                index = scalars.index(after: index)
            }
            guard count >= 2 else { continue }
            let surface = text[wordStart..<index]
            tokens.append(Token(folded: TextFolding.fold(surface), surface: surface, uppercaseCount: uppercase))
        }
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
