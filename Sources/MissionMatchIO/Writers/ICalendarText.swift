/// RFC 5545 content lines: TEXT escaping, line folding at 75 octets and CRLF ends.
///
/// ```swift
/// var lines = ICalendarText()
/// lines.append("SUMMARY", text: "Meeting with Brasserie, Lambert; & Co")
/// lines.text   // "SUMMARY:Meeting with Brasserie\\, Lambert\\; & Co\r\n"
/// ```
struct ICalendarText: Sendable {
    /// The longest physical line, in octets, without its CRLF (RFC 5545 §3.1).
    static let maximumLineOctets = 75

    /// The document so far: folded lines, each ending in CRLF.
    private(set) var text = ""

    /// Appends a property whose value is already in its RFC 5545 form (dates, numbers, enumerations).
    ///
    /// - Parameters:
    ///   - name: The property name with its parameters, e.g. `DTSTART;TZID=America/Toronto`.
    ///   - value: The value, not escaped.
    mutating func append(_ name: String, raw value: String) {
        text += Self.folded(name + ":" + value)
    }

    /// Appends a TEXT property, escaping its value.
    ///
    /// - Parameters:
    ///   - name: The property name, e.g. `SUMMARY`.
    ///   - value: Free text from the input.
    mutating func append(_ name: String, text value: String) {
        append(name, raw: Self.escaped(value))
    }

    /// A TEXT value escaped as RFC 5545 §3.3.11 asks: `\` `;` `,` get a backslash,
    /// line breaks (CRLF, CR, LF) become `\n`, other control characters are dropped.
    ///
    /// - Parameter value: Free text.
    /// - Returns: The escaped value.
    /// - Complexity: O(*n*) in the length of `value`.
    static func escaped(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        var previousWasCR = false
        for scalar in value.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            case "\t": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// One logical line folded into physical lines of at most 75 octets, each
    /// ending in CRLF; continuation lines start with a space. A line is only cut
    /// between Unicode scalars, never inside a UTF-8 sequence.
    ///
    /// - Parameter line: The logical line, without a line end.
    /// - Returns: The folded lines.
    /// - Complexity: O(*n*) in the length of `line`.
    static func folded(_ line: String) -> String {
        var result = ""
        var octetsOnLine = 0
        for scalar in line.unicodeScalars {
            let width = UTF8.width(scalar)
            if octetsOnLine + width > maximumLineOctets {
                result += "\r\n "
                octetsOnLine = 1
            }
            result.unicodeScalars.append(scalar)
            octetsOnLine += width
        }
        return result + "\r\n"
    }
}
