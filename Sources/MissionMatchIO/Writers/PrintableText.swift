/// Control characters and bidirectional overrides, as every writer and
/// terminal message treats them.
///
/// A name or id from a file may hold ESC, BEL, NUL (from JSON `\u0000`) or a
/// right-to-left override: written raw they would rewrite a terminal's title,
/// clear its screen, or make an agenda line read backwards. Outputs remove
/// them (CSV, HTML, Markdown, calendars) or escape them (JSON); terminal
/// messages show them as `\u{1B}`.
///
/// ```swift
/// PrintableText.removingControls("Acme\u{1B}[2J")   // "Acme[2J"
/// PrintableText.terminal("id \u{1B}]0;x\u{07}")      // "id \\u{1B}]0;x\\u{07}"
/// ```
public enum PrintableText {
    /// Whether a scalar is a C0 control, DEL or a C1 control.
    ///
    /// - Parameter scalar: The scalar.
    /// - Returns: `true` for U+0000–U+001F, U+007F and U+0080–U+009F.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Whether a scalar is an explicit bidirectional embedding, override or
    /// isolate (U+202A–U+202E, U+2066–U+2069), which reorders the text around it.
    ///
    /// - Parameter scalar: The scalar.
    /// - Returns: `true` for the nine formatting characters.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Whether a text holds a control character or a bidirectional control.
    ///
    /// - Parameter text: The text.
    /// - Returns: `true` when any scalar is one of them.
    public static func containsControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { isControl($0) || isBidiControl($0) }
    }

    /// The text without control characters, except those in `keeping`.
    ///
    /// - Parameters:
    ///   - text: The text.
    ///   - keeping: Controls to keep, e.g. line breaks where the format allows them.
    ///   - bidi: Whether to remove bidirectional controls too.
    /// - Returns: The text; the same string when there is nothing to remove.
    public static func removingControls(_ text: String, keeping: Set<Unicode.Scalar> = [], bidi: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { (isControl($0) && !keeping.contains($0)) || (bidi && isBidiControl($0)) })
        else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !(isControl(scalar) && !keeping.contains(scalar)) && !(bidi && isBidiControl(scalar)) {
            result.append(scalar)
        }
        return String(result)
    }

    /// A message as a terminal should receive it: control characters (but
    /// line breaks and tabs) and bidirectional controls written as `\u{…}`.
    ///
    /// - Parameter text: The message.
    /// - Returns: The message with every such character made visible.
    public static func terminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { ($0 != "\n" && $0 != "\t" && isControl($0)) || isBidiControl($0) })
        else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if (scalar != "\n" && scalar != "\t" && isControl(scalar)) || isBidiControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
