import Foundation

/// Unicode normalisation and folding for matching: compatibility forms
/// (NFKC: `ﬁ` → `fi`, full-width letters → ASCII), case and diacritics
/// (`Ökologische` → `okologische`).
package enum TextFolding {
    /// Folds text for comparison; pure ASCII takes a fast path.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The folded text.
    /// - Complexity: O(*n*).
    package static func fold(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        return String(text).precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }
}
