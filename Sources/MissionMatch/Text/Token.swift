/// A word of a text, as the text pipeline sees it.
package struct Token: Sendable, Hashable {
    /// The word folded for matching: lowercase, without diacritics (`hamburg`).
    package var folded: String
    /// The word as written, for explanations (`Hamburg`).
    package var surface: Substring
    /// How many uppercase letters the word has as written (acronyms such as `PE` need them).
    package var uppercaseCount: Int
    /// Whether punctuation that ends a phrase stands between this word and
    /// the one before (``Tokenizer``): a sentence or list mark, a bracket, a
    /// slash or a line break. Always `false` for a text's first word.
    package var startsPhrase: Bool

    /// Creates a token.
    ///
    /// - Parameters:
    ///   - folded: The folded form.
    ///   - surface: The form as written.
    ///   - uppercaseCount: Uppercase letters in `surface`.
    ///   - startsPhrase: Whether a phrase break precedes it.
    package init(folded: String, surface: Substring, uppercaseCount: Int, startsPhrase: Bool = false) {
        self.folded = folded
        self.surface = surface
        self.uppercaseCount = uppercaseCount
        self.startsPhrase = startsPhrase
    }
}
