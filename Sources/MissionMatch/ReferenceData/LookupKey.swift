import Foundation

/// Normalises names for lookups that forgive case, accents and spacing.
package enum LookupKey {
    /// Folds case and diacritics and drops everything but letters and digits:
    /// `Türkiye` → `turkiye`, `U.S.A.` → `usa`, `Czech Republic` → `czechrepublic`.
    package static func squashed(_ text: some StringProtocol) -> String {
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

    private static func folded(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return String(text).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
