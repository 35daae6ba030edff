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
        let utf8 = line.utf8
        if utf8.count <= maximumLineOctets { return line + "\r\n" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + utf8.count / 24 + 4)
        var octetsOnLine = 0
        var index = utf8.startIndex
        while index != utf8.endIndex {
            // One scalar: a lead byte and its continuation bytes (10xxxxxx).
            var end = utf8.index(after: index)
            while end != utf8.endIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(after: end) }
            let width = utf8.distance(from: index, to: end)
            if octetsOnLine + width > maximumLineOctets {
                bytes += [0x0D, 0x0A, 0x20]
                octetsOnLine = 1
            }
            bytes += utf8[index..<end]
            octetsOnLine += width
            index = end
        }
        bytes += [0x0D, 0x0A]
        return String(decoding: bytes, as: UTF8.self)
    }
}
