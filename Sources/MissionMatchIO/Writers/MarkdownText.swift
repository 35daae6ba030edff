/// Escaping of input text for Markdown (CommonMark and GitHub tables).
enum MarkdownText {
    /// Characters that can start or end markup anywhere in a line.
    private static let inlineSpecials: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "!"]
    /// Characters that are markup only at the start of a line or cell.
    private static let leadingSpecials: Set<Unicode.Scalar> = ["#", "-", "+", "=", ":"]

    /// Text that renders as itself: Markdown punctuation gets a backslash, line
    /// breaks and tabs become spaces, other control characters are dropped, and
    /// a leading `#`, `-`, `+`, `=` or `1.`-style number cannot start a heading or list.
    ///
    /// ```swift
    /// MarkdownText.escaped("*Acme* | <b>")   // "\\*Acme\\* \\| \\<b\\>"
    /// ```
    ///
    /// - Parameter text: Free text from the input.
    /// - Returns: The escaped text, on one line.
    /// - Complexity: O(*n*).
    static func escaped(_ text: String) -> String {
        var result = ""
        var atStart = true
        var leadingDigits = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" {
                result += " "
                continue
            }
            if PrintableText.isControl(scalar) || PrintableText.isBidiControl(scalar) { continue }
            if inlineSpecials.contains(scalar) || (atStart && leadingSpecials.contains(scalar))
                || (leadingDigits && (scalar == "." || scalar == ")")) {
                result += "\\"
            }
            leadingDigits = (atStart || leadingDigits) && ("0"..."9").contains(scalar)
            atStart = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
