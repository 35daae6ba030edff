/// A push scanner for the XML inside a workbook: it is fed the decompressed
/// bytes of an entry chunk by chunk and hands each tag and text run to a
/// handler, holding no more than one unfinished token between chunks.
///
/// It knows the subset of XML that spreadsheet programs write: elements,
/// attributes, character and the five predefined entity references, CDATA,
/// comments and processing instructions (skipped). A document type
/// declaration is refused (it is how entity-expansion attacks start), and so
/// is a token longer than the limit given (a cell's text is bounded by the
/// longest field). Element and attribute names are matched without their
/// namespace prefix (`x:row` is `row`).
///
/// Complexity: O(*n*) in the bytes fed; each byte is examined a bounded number of times.
struct XMLChunkScanner {
    /// What went wrong; reading stops at the first problem.
    enum Failure: Error, Equatable {
        /// A tag or a text run longer than the limit.
        case tokenTooLong(limit: Int)
        /// A `<!DOCTYPE` declaration.
        case documentType
        /// The entry ended inside a tag.
        case truncated
    }

    /// One token, valid only during the handler call.
    struct Token {
        enum Kind { case start, end, empty, text }
        var kind: Kind
        /// The local name (start, end and empty tags) or the raw text (text tokens, entities undecoded).
        var bytes: UnsafeBufferPointer<UInt8>
        /// The tag's attributes as ranges of ``tag``.
        fileprivate var attributeSpans: [(name: Range<Int>, value: Range<Int>)]
        fileprivate var tag: UnsafeBufferPointer<UInt8>
        /// Whether the text came from a CDATA section (no entities to decode).
        var isCDATA = false

        /// Whether the local name is `name` (ASCII).
        func isNamed(_ name: StaticString) -> Bool {
            guard bytes.count == name.utf8CodeUnitCount else { return false }
            let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            for index in 0..<bytes.count where bytes[index] != expected[index] { return false }
            return true
        }

        /// The raw value of an attribute matched by local name (entities undecoded), if present.
        func attribute(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
            let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            for span in attributeSpans {
                var local = span.name
                if let colon = local.lastIndex(where: { tag[$0] == UInt8(ascii: ":") }) { local = (colon + 1)..<local.upperBound }
                guard local.count == expected.count else { continue }
                var same = true
                for (offset, index) in local.enumerated() where tag[index] != expected[offset] { same = false; break }
                if same { return UnsafeBufferPointer(rebasing: tag[span.value]) }
            }
            return nil
        }

        /// An attribute's value as a decoded string.
        func attributeString(_ name: StaticString) -> String? {
            guard let raw = attribute(name) else { return nil }
            var bytes: [UInt8] = []
            XMLText.appendDecoded(raw, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    private var pending: [UInt8] = []
    private let maxTokenBytes: Int
    private var attributes: [(name: Range<Int>, value: Range<Int>)] = []

    /// Creates a scanner.
    ///
    /// - Parameter maxTokenBytes: The longest tag or text run accepted.
    init(maxTokenBytes: Int) {
        self.maxTokenBytes = max(1024, maxTokenBytes)
    }

    /// Scans a chunk; tokens completed by it go to `handler`.
    ///
    /// - Throws: ``Failure`` on a token that is too long or a document type
    ///   declaration; whatever `handler` throws.
    mutating func feed<E: Error>(_ chunk: UnsafeRawBufferPointer,
                                 _ handler: (Token) throws(E) -> Void) throws(ScanError<E>) {
        pending.append(contentsOf: chunk)
        try scanPending(handler)
    }

    /// Scans bytes held in an array (a small part read whole).
    mutating func feed<E: Error>(bytes: [UInt8], _ handler: (Token) throws(E) -> Void) throws(ScanError<E>) {
        pending.append(contentsOf: bytes)
        try scanPending(handler)
    }

    private mutating func scanPending<E: Error>(_ handler: (Token) throws(E) -> Void) throws(ScanError<E>) {
        let consumed = try scan(final: false, handler)
        if consumed > 0 { pending.removeSubrange(0..<consumed) }
        if pending.count > maxTokenBytes + 64 { throw .scanner(.tokenTooLong(limit: maxTokenBytes)) }
    }

    /// Finishes the entry: the remaining text is handed out; an open tag is an error.
    mutating func finish<E: Error>(_ handler: (Token) throws(E) -> Void) throws(ScanError<E>) {
        let consumed = try scan(final: true, handler)
        if consumed < pending.count { throw .scanner(.truncated) }
        pending.removeAll()
    }

    /// Either the scanner's failure or the handler's.
    enum ScanError<E: Error>: Error {
        case scanner(Failure)
        case handler(E)
    }

    private mutating func scan<E: Error>(final: Bool, _ handler: (Token) throws(E) -> Void) throws(ScanError<E>) -> Int {
        var attributes = self.attributes
        defer { self.attributes = attributes }
        return try pending.withUnsafeBufferPointer { (buffer) throws(ScanError<E>) -> Int in
            let count = buffer.count
            var position = 0
            while position < count {
                if buffer[position] != UInt8(ascii: "<") {
                    var end = position
                    while end < count, buffer[end] != UInt8(ascii: "<") { end += 1 }
                    if end == count && !final { return position }
                    let text = UnsafeBufferPointer(rebasing: buffer[position..<end])
                    attributes.removeAll(keepingCapacity: true)
                    do throws(E) {
                        try handler(Token(kind: .text, bytes: text, attributeSpans: attributes, tag: text))
                    } catch { throw .handler(error) }
                    position = end
                    continue
                }
                // A markup token: find where it ends.
                guard position + 1 < count else { return position }
                let next = buffer[position + 1]
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    let (terminator, isCDATA, isDoctype) = Self.markupKind(buffer, position)
                    if isDoctype { throw .scanner(.documentType) }
                    guard let terminator else { return position }  // need more bytes to tell
                    guard let close = Self.find(terminator, in: buffer, from: position + 2) else { return position }
                    if isCDATA {
                        let text = UnsafeBufferPointer(rebasing: buffer[(position + 9)..<close])
                        attributes.removeAll(keepingCapacity: true)
                        var token = Token(kind: .text, bytes: text, attributeSpans: attributes, tag: text)
                        token.isCDATA = true
                        do throws(E) { try handler(token) } catch { throw .handler(error) }
                    }
                    position = close + terminator.count
                    continue
                }
                var end = position + 1
                var quote: UInt8 = 0
                while end < count {
                    let byte = buffer[end]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    end += 1
                }
                if end == count { return position }
                let tag = UnsafeBufferPointer(rebasing: buffer[position..<(end + 1)])
                let token = Self.tagToken(tag, attributes: &attributes)
                do throws(E) { try handler(token) } catch { throw .handler(error) }
                position = end + 1
            }
            return position
        }
    }

    /// For `<!` and `<?` tokens: the terminator to look for, whether it is CDATA, whether it is a DOCTYPE.
    private static func markupKind(_ buffer: UnsafeBufferPointer<UInt8>, _ position: Int) -> ([UInt8]?, Bool, Bool) {
        let rest = buffer.count - position
        if buffer[position + 1] == UInt8(ascii: "?") { return (Array("?>".utf8), false, false) }
        func starts(_ prefix: String) -> Bool? {
            let bytes = Array(prefix.utf8)
            if rest < bytes.count {
                for (offset, byte) in bytes.enumerated() where offset < rest && buffer[position + offset] != byte { return false }
                return nil
            }
            for (offset, byte) in bytes.enumerated() where buffer[position + offset] != byte { return false }
            return true
        }
        if let comment = starts("<!--") {
            if comment { return (Array("-->".utf8), false, false) }
        } else { return (nil, false, false) }
        if let cdata = starts("<![CDATA[") {
            if cdata { return (Array("]]>".utf8), true, false) }
        } else { return (nil, false, false) }
        // `<!DOCTYPE` and any other declaration: refused.
        return (nil, false, true)
    }

    private static func find(_ needle: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard buffer.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= buffer.count {
            if buffer[index] == needle[0] {
                var same = true
                for offset in 1..<needle.count where buffer[index + offset] != needle[offset] { same = false; break }
                if same { return index }
            }
            index += 1
        }
        return nil
    }

    /// Splits a tag `<name a="v" …>` into its kind, local name and attributes.
    private static func tagToken(_ tag: UnsafeBufferPointer<UInt8>,
                                 attributes: inout [(name: Range<Int>, value: Range<Int>)]) -> Token {
        attributes.removeAll(keepingCapacity: true)
        var low = 1
        var high = tag.count - 1  // the '>'
        var kind = Token.Kind.start
        if low < high, tag[low] == UInt8(ascii: "/") { kind = .end; low += 1 }
        if high > low, tag[high - 1] == UInt8(ascii: "/") { kind = .empty; high -= 1 }
        var nameEnd = low
        while nameEnd < high, !isSpace(tag[nameEnd]) { nameEnd += 1 }
        var nameStart = low
        for index in low..<nameEnd where tag[index] == UInt8(ascii: ":") { nameStart = index + 1 }
        var position = nameEnd
        while position < high {
            while position < high, isSpace(tag[position]) { position += 1 }
            let attributeStart = position
            while position < high, tag[position] != UInt8(ascii: "="), !isSpace(tag[position]) { position += 1 }
            let attributeName = attributeStart..<position
            while position < high, tag[position] != UInt8(ascii: "\""), tag[position] != UInt8(ascii: "'") { position += 1 }
            guard position < high else { break }
            let quote = tag[position]
            let valueStart = position + 1
            position = valueStart
            while position < high, tag[position] != quote { position += 1 }
            if !attributeName.isEmpty { attributes.append((attributeName, valueStart..<min(position, high))) }
            position += 1
        }
        return Token(kind: kind, bytes: UnsafeBufferPointer(rebasing: tag[nameStart..<nameEnd]),
                     attributeSpans: attributes, tag: tag)
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

/// Decoding of XML text: entity and character references.
enum XMLText {
    /// Appends `raw` with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#N;` and
    /// `&#xH;` decoded; an unknown or malformed reference is kept as written.
    /// Excel's `_xHHHH_` escapes are decoded too (a control character saved in a cell).
    static func appendDecoded(_ raw: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var index = 0
        let count = raw.count
        while index < count {
            let byte = raw[index]
            if byte == UInt8(ascii: "&"), let semicolon = (index + 1..<min(count, index + 12)).first(where: { raw[$0] == UInt8(ascii: ";") }) {
                let name = UnsafeBufferPointer(rebasing: raw[(index + 1)..<semicolon])
                if let scalar = reference(name) {
                    output.append(contentsOf: String(Character(scalar)).utf8)
                    index = semicolon + 1
                    continue
                }
            }
            if byte == UInt8(ascii: "_"), index + 6 < count, raw[index + 1] == UInt8(ascii: "x"), raw[index + 6] == UInt8(ascii: "_"),
               let value = hexValue(UnsafeBufferPointer(rebasing: raw[(index + 2)..<(index + 6)])),
               let scalar = Unicode.Scalar(value) {
                output.append(contentsOf: String(Character(scalar)).utf8)
                index += 7
                continue
            }
            output.append(byte)
            index += 1
        }
    }

    private static func reference(_ name: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.count >= 2, name[0] == UInt8(ascii: "#") else { return nil }
            let value: UInt32?
            if name[1] == UInt8(ascii: "x") || name[1] == UInt8(ascii: "X") {
                value = hexValue(UnsafeBufferPointer(rebasing: name[2...]))
            } else {
                value = UInt32(String(decoding: UnsafeBufferPointer(rebasing: name[1...]), as: UTF8.self))
            }
            return value.flatMap(Unicode.Scalar.init)
        }
    }

    private static func hexValue(_ digits: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        return UInt32(String(decoding: digits, as: UTF8.self), radix: 16)
    }
}
