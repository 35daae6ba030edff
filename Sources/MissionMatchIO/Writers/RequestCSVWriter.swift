import MissionMatch

/// Writes meeting requests in the requests format ([FileFormats §2](<doc:FileFormats>)):
/// `from,to,priority,note`, so that ``MeetingRequestReader`` reads them back.
///
/// This is an input format, written as it is (RFC 4180 quoting, no
/// spreadsheet neutralisation that would change a note).
///
/// ```swift
/// let text = RequestCSVWriter().csv(for: [MeetingRequest(from: "eu-0001", to: "cp-00007", priority: .must)])
/// // from,to,priority,note
/// // eu-0001,cp-00007,must,
/// ```
public struct RequestCSVWriter: Sendable {
    /// A writer.
    public init() {}

    /// The column names, in order.
    public static let header = ["from", "to", "priority", "note"]

    /// The file's text.
    ///
    /// - Parameter requests: The requests, in the order to write.
    /// - Returns: The CSV, header first, `\n` line ends.
    /// - Complexity: O(*n*) in the size of the output.
    public func csv(for requests: [MeetingRequest]) -> String {
        var text = Self.header.joined(separator: ",") + "\n"
        for request in requests {
            text += [request.from, request.to, request.priority.rawValue, request.note ?? ""]
                .map(PlainCSV.field).joined(separator: ",") + "\n"
        }
        return text
    }
}

/// RFC 4180 fields for input-format files written by the tool.
enum PlainCSV {
    /// The field quoted when it holds a comma, a quote, a line break or surrounding blanks.
    static func field(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || value.first?.isWhitespace == true || value.last?.isWhitespace == true
        guard needsQuotes else { return value }
        return quotedField(value)
    }

    /// The value between double quotes, each quote inside doubled (RFC 4180).
    ///
    /// - Complexity: O(value's UTF-8 length); Foundation's `replacingOccurrences`
    ///   took a fifth of a ranking's time on reasons full of quotes.
    static func quotedField(_ value: String) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether a value is written as it is: printable ASCII without `,` or `"`, no blank at either end.
    static func isPlain(_ value: String) -> Bool {
        guard let first = value.utf8.first, let last = value.utf8.last, first != 0x20, last != 0x20 else { return false }
        for byte in value.utf8 where byte < 0x20 || byte >= 0x7F || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") {
            return false
        }
        return true
    }
}
