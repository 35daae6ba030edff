import Foundation

/// Normalises names for lookups that forgive case, accents and spacing.
package enum LookupKey {
    /// Folds case and diacritics and drops everything but letters and digits:
    /// `Türkiye` → `turkiye`, `U.S.A.` → `usa`, `Czech Republic` → `czechrepublic`.
    package static func squashed(_ text: some StringProtocol) -> String {
        if let ascii = asciiKey(text, spaces: false) { return ascii }
        var result = ""
        for scalar in folded(text).unicodeScalars
        where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Folds case and diacritics and turns every run of non-alphanumerics into
    /// one space: `PLA-film ` → `pla film`.
    package static func words(_ text: some StringProtocol) -> String {
        if let ascii = asciiKey(text, spaces: true) { return ascii }
        var result = ""
        var pendingSpace = false
        for scalar in folded(text).unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace && !result.isEmpty { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    /// ``squashed(_:)`` (`spaces` false) or ``words(_:)`` (true) of ASCII
    /// text, on its bytes: there the letters are the only alphabetic scalars,
    /// the digits the only numeric ones and folding is lowercasing, so the
    /// result is the same; `nil` for any other text.
    ///
    /// - Complexity: O(length), one allocation.
    private static func asciiKey(_ text: some StringProtocol, spaces: Bool) -> String? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            let lower = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
            guard (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) else {
                pendingSpace = true
                continue
            }
            if spaces, pendingSpace, !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(lower)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func folded(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
