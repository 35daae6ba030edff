/// The JSON text the writers build by hand, so that the same values always
/// give the same bytes: string literals and numbers with at most 4 decimals.
enum JSONText {
    /// A number with at most 4 decimals, trailing zeros dropped: `0.71`, `212.4`, `0`.
    static func number(_ value: Double) -> String {
        var text = FixedPoint.format(value, digits: 4)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// A JSON string literal (RFC 8259 escapes; other characters as UTF-8).
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where PrintableText.isControl(c) || c.value == 0x2028 || c.value == 0x2029:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// A JSON array, one item per line, indented for a value at the second level.
    static func list(_ items: [String], indent: String = "  ") -> String {
        items.isEmpty ? "[]" : "[\n" + items.map { indent + "  " + $0 }.joined(separator: ",\n") + "\n" + indent + "]"
    }

    /// A one-line JSON object of already encoded values, in the order given.
    static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }
}
