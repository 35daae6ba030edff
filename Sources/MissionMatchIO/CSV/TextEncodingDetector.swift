/// Checks bytes for well-formed UTF-8, a chunk at a time, and notes NUL bytes.
///
/// A DFA over the bytes (the table of well-formed sequences of the Unicode
/// standard, §3.9, Table 3-7), so that chunk boundaries may fall inside a sequence.
struct UTF8Validator {
    private(set) var isValid = true
    private(set) var containsNUL = false
    private var remaining = 0
    private var lower: UInt8 = 0x80
    private var upper: UInt8 = 0xBF

    /// Feeds the next bytes.
    mutating func consume(_ bytes: UnsafeRawBufferPointer) {
        guard isValid else { return }
        var index = 0
        let count = bytes.count
        while index < count {
            // Fast path: eight ASCII bytes, none of them NUL, at a time.
            if remaining == 0 && index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let hasZero = (word &- 0x0101_0101_0101_0101) & ~word & high
                if word & high == 0 && hasZero == 0 {
                    index += 8
                    continue
                }
            }
            let byte = bytes[index]
            index += 1
            if remaining == 0 {
                if byte < 0x80 {
                    if byte == 0 { containsNUL = true }
                    continue
                }
                switch byte {
                case 0xC2...0xDF: remaining = 1; lower = 0x80; upper = 0xBF
                case 0xE0: remaining = 2; lower = 0xA0; upper = 0xBF
                case 0xE1...0xEC, 0xEE...0xEF: remaining = 2; lower = 0x80; upper = 0xBF
                case 0xED: remaining = 2; lower = 0x80; upper = 0x9F
                case 0xF0: remaining = 3; lower = 0x90; upper = 0xBF
                case 0xF1...0xF3: remaining = 3; lower = 0x80; upper = 0xBF
                case 0xF4: remaining = 3; lower = 0x80; upper = 0x8F
                default: isValid = false; return
                }
            } else {
                guard byte >= lower && byte <= upper else { isValid = false; return }
                remaining -= 1
                lower = 0x80
                upper = 0xBF
            }
        }
    }

    /// Whether all bytes fed so far form complete, well-formed UTF-8.
    var isCompleteAndValid: Bool { isValid && remaining == 0 }
}

/// Decodes Windows-1252 bytes (the encoding of many spreadsheet exports).
enum Windows1252 {
    /// The characters of bytes 0x80–0x9F; the five unassigned bytes map to the
    /// C1 control of the same number, as the WHATWG encoding standard does.
    static let highTable: [Unicode.Scalar] = [
        "\u{20AC}", "\u{81}", "\u{201A}", "\u{192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{2C6}", "\u{2030}", "\u{160}", "\u{2039}", "\u{152}", "\u{8D}", "\u{17D}", "\u{8F}",
        "\u{90}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{2DC}", "\u{2122}", "\u{161}", "\u{203A}", "\u{153}", "\u{9D}", "\u{17E}", "\u{178}",
    ]

    /// The text of the bytes.
    static func decode(_ bytes: some Sequence<UInt8>) -> String {
        var result = String.UnicodeScalarView()
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F {
                result.append(highTable[Int(byte - 0x80)])
            } else {
                result.append(Unicode.Scalar(byte))
            }
        }
        return String(result)
    }
}
