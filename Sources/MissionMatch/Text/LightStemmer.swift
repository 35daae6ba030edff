/// A light English stemmer: plurals and the `-ing`/`-ed` endings.
///
/// It conflates the forms that matter for matching offers with needs
/// (`films` → `film`, `coatings`/`coated`/`coating` → `coat`,
/// `batteries` → `battery`, `packaging` → `packag`) and leaves everything else
/// alone: aggressive stemmers (Porter) merge terms that organisers keep apart
/// (`packaging` and `packing`, `organic` and `organisation`). It works on
/// folded ASCII words; other words are returned unchanged.
///
/// - Complexity: O(*n*) in the word's length.
package enum LightStemmer {
    /// The stem of a folded word.
    ///
    /// - Parameter word: A lowercase word, as ``Token/folded``.
    /// - Returns: Its stem.
    package static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x30 && $0 <= 0x39 }) else { return word }
        stripPlural(&bytes)
        stripVerbEnding(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
    }

    private static func hasSuffix(_ bytes: [UInt8], _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        return suffix.withUTF8Buffer { Array($0) == Array(bytes[(bytes.count - count)...]) }
    }

    private static func stripPlural(_ bytes: inout [UInt8]) {
        if hasSuffix(bytes, "sses") {
            bytes.removeLast(2)
        } else if hasSuffix(bytes, "ies"), bytes.count > 4 {
            bytes.removeLast(3)
            bytes.append(0x79)  // y
        } else if bytes.last == 0x73, bytes.count > 3 {
            let before = bytes[bytes.count - 2]
            // Keep "glass", "bus", "analysis": only a plain -s goes.
            if before != 0x73 && before != 0x75 && before != 0x69 { bytes.removeLast() }
        }
    }

    private static func stripVerbEnding(_ bytes: inout [UInt8]) {
        let suffixLength: Int
        if hasSuffix(bytes, "ing") { suffixLength = 3 } else if hasSuffix(bytes, "ed") { suffixLength = 2 } else { return }
        let stemLength = bytes.count - suffixLength
        // The stem keeps at least three letters and one vowel ("sing", "bed", "red" stay).
        guard stemLength >= 3, bytes[..<stemLength].contains(where: isVowel) else { return }
        bytes.removeLast(suffixLength)
        // "shipping" → "ship", "canned" → "can"; but "rolled"/"dressed"/"buzzed" keep ll/ss/zz.
        if let last = bytes.last, bytes.count >= 2, bytes[bytes.count - 2] == last,
            !isVowel(last), last != 0x6C, last != 0x73, last != 0x7A
        {
            bytes.removeLast()
        }
    }
}
