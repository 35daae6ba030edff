/// HTML text escaping for element content and quoted attribute values.
enum HTMLText {
    /// The text with `&`, `<`, `>`, `"` and `'` replaced by entities, so that it
    /// can stand in element content or a quoted attribute without being markup;
    /// control characters (but line breaks and tabs) and bidirectional
    /// embeddings, overrides and isolates are removed.
    ///
    /// ```swift
    /// HTMLText.escaped("<b>\"Lambert\" & l'Atelier</b>")
    /// // "&lt;b&gt;&quot;Lambert&quot; &amp; l&#39;Atelier&lt;/b&gt;"
    /// ```
    ///
    /// - Parameter text: Any text.
    /// - Returns: The escaped text.
    /// - Complexity: O(*n*) in UTF-8 bytes; one pass, no copy when nothing needs escaping.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27
            || ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else {
            return text
        }
        // Control characters and bidirectional overrides are removed: a
        // right-to-left override would make a name read backwards.
        let text = PrintableText.removingControls(text, keeping: ["\n", "\t"], bidi: true)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: bytes += Array("&amp;".utf8)
            case 0x3C: bytes += Array("&lt;".utf8)
            case 0x3E: bytes += Array("&gt;".utf8)
            case 0x22: bytes += Array("&quot;".utf8)
            case 0x27: bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
