import Foundation

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
    ///
    /// A token is three pointers and a kind: nothing is allocated per token.
    /// Attributes are found on demand by walking the tag's bytes.
    struct Token {
        enum Kind { case start, end, empty, text }
        var kind: Kind
        /// The local name (start, end and empty tags) or the raw text (text tokens, entities undecoded).
        var bytes: UnsafeBufferPointer<UInt8>
        /// The bytes of a tag after its name, up to the closing `>` or `/>` (empty for text).
        fileprivate var attributeBytes: UnsafeBufferPointer<UInt8>
        /// Whether the text came from a CDATA section (no entities to decode).
        var isCDATA = false

        /// Whether the local name is `name` (ASCII).
        @inline(__always)
        func isNamed(_ name: StaticString) -> Bool {
            guard bytes.count == name.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
            return memcmp(base, name.utf8Start, bytes.count) == 0
        }

        /// The raw value of an attribute matched by local name (entities undecoded), if present.
        ///
        /// - Complexity: O(length of the tag).
        func attribute(_ name: StaticString) -> UnsafeBufferPointer<UInt8>? {
            var found: UnsafeBufferPointer<UInt8>?
            forEachAttribute { local, value in
                guard local.count == name.utf8CodeUnitCount, let base = local.baseAddress,
                      memcmp(base, name.utf8Start, local.count) == 0 else { return true }
                found = value
                return false
            }
            return found
        }

        /// Calls `body` with each attribute's local name and raw value (entities
        /// undecoded), in the order written, until it returns `false`.
        ///
        /// - Complexity: O(length of the tag).
        @inline(__always)
        func forEachAttribute(_ body: (_ localName: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Bool) {
            let tag = attributeBytes
            let high = tag.count
            var position = 0
            while position < high {
                while position < high, XMLChunkScanner.isSpace(tag[position]) { position += 1 }
                let nameStart = position
                var localStart = position
                while position < high, tag[position] != UInt8(ascii: "="), !XMLChunkScanner.isSpace(tag[position]) {
                    if tag[position] == UInt8(ascii: ":") { localStart = position + 1 }
                    position += 1
                }
                let nameEnd = position
                while position < high, tag[position] != UInt8(ascii: "\""), tag[position] != UInt8(ascii: "'") { position += 1 }
                guard position < high else { return }
                let quote = tag[position]
                let valueStart = position + 1
                position = valueStart
                while position < high, tag[position] != quote { position += 1 }
                let valueEnd = min(position, high)
                position += 1
                guard nameEnd > nameStart else { continue }
                if !body(UnsafeBufferPointer(rebasing: tag[localStart..<nameEnd]), UnsafeBufferPointer(rebasing: tag[valueStart..<valueEnd])) {
                    return
                }
            }
        }

        /// An attribute's value as a decoded string.
        func attributeString(_ name: StaticString) -> String? {
            guard let raw = attribute(name) else { return nil }
            var bytes: [UInt8] = []
            XMLText.appendDecoded(raw, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The unfinished token carried over from the previous chunk.
    private var pending: [UInt8] = []
    private let maxTokenBytes: Int

    /// Creates a scanner.
    ///
    /// - Parameter maxTokenBytes: The longest tag or text run accepted.
    init(maxTokenBytes: Int) {
        self.maxTokenBytes = max(1024, maxTokenBytes)
    }

    /// Scans a chunk; tokens completed by it go to `handler`.
    ///
    /// Only the unfinished token at the end of a chunk is copied (into the
    /// carry-over buffer); the rest of the chunk is scanned where it lies.
    ///
    /// - Throws: ``Failure`` on a token that is too long or a document type
    ///   declaration; whatever `handler` throws.
    mutating func feed<E: Error>(_ chunk: UnsafeRawBufferPointer,
                                 _ handler: (Token) throws(E) -> Void) throws(ScanError<E>) {
        let bytes = chunk.bindMemory(to: UInt8.self)
        var offset = 0
        if !pending.isEmpty {
            // Finish the carried-over token with as few of the chunk's bytes as it takes.
            var take = min(bytes.count, 256)
            while true {
                let before = pending.count
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + take)]))
                offset += take
                let consumed = try scanArray(final: false, handler)
                if consumed >= before {
                    // The old token is done: what is left of `pending` came from this chunk; rescan it in place.
                    offset -= pending.count - consumed
                    pending.removeAll(keepingCapacity: true)
                    break
                }
                if pending.count > maxTokenBytes + 64 { throw .scanner(.tokenTooLong(limit: maxTokenBytes)) }
                guard offset < bytes.count else { return }
                take = min(bytes.count - offset, max(256, take * 2))
            }
        }
        let rest = UnsafeBufferPointer(rebasing: bytes[offset...])
        let consumed = try Self.scan(rest, final: false, handler)
        if consumed < rest.count { pending.append(contentsOf: UnsafeBufferPointer(rebasing: rest[consumed...])) }
        if pending.count > maxTokenBytes + 64 { throw .scanner(.tokenTooLong(limit: maxTokenBytes)) }
    }

    /// Scans bytes held in an array (a small part read whole).
    mutating func feed<E: Error>(bytes: [UInt8], _ handler: (Token) throws(E) -> Void) throws(ScanError<E>) {
        let result = bytes.withUnsafeBytes { (raw) -> Result<Void, ScanError<E>> in
            do throws(ScanError<E>) { try feed(raw, handler); return .success(()) } catch { return .failure(error) }
        }
        try result.get()
    }

    /// Scans the carry-over buffer; returns how many of its bytes were consumed.
    private mutating func scanArray<E: Error>(final: Bool, _ handler: (Token) throws(E) -> Void) throws(ScanError<E>) -> Int {
        try pending.withUnsafeBufferPointer { (buffer) throws(ScanError<E>) -> Int in try Self.scan(buffer, final: final, handler) }
    }

    /// Finishes the entry: the remaining text is handed out; an open tag is an error.
    mutating func finish<E: Error>(_ handler: (Token) throws(E) -> Void) throws(ScanError<E>) {
        let consumed = try scanArray(final: true, handler)
        if consumed < pending.count { throw .scanner(.truncated) }
        pending.removeAll()
    }

    /// Either the scanner's failure or the handler's.
    enum ScanError<E: Error>: Error {
        case scanner(Failure)
        case handler(E)
    }

    /// Scans `buffer`, handing out every complete token; returns where the first incomplete one starts.
    private static func scan<E: Error>(_ buffer: UnsafeBufferPointer<UInt8>, final: Bool,
                                       _ handler: (Token) throws(E) -> Void) throws(ScanError<E>) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        let count = buffer.count
        let empty = UnsafeBufferPointer<UInt8>(start: base, count: 0)
        var position = 0
        while position < count {
            if base[position] != UInt8(ascii: "<") {
                let end: Int
                if let found = memchr(base + position, Int32(UInt8(ascii: "<")), count - position) {
                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    if !final { return position }
                    end = count
                }
                let text = UnsafeBufferPointer(start: base + position, count: end - position)
                do throws(E) {
                    try handler(Token(kind: .text, bytes: text, attributeBytes: empty))
                } catch { throw .handler(error) }
                position = end
                continue
            }
            // A markup token: find where it ends.
            guard position + 1 < count else { return position }
            let next = base[position + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                let (terminator, isCDATA, isDoctype) = markupKind(buffer, position)
                if isDoctype { throw .scanner(.documentType) }
                guard let terminator else { return position }  // need more bytes to tell
                guard let close = find(terminator, in: buffer, from: position + 2) else { return position }
                if isCDATA {
                    let text = UnsafeBufferPointer(rebasing: buffer[(position + 9)..<close])
                    var token = Token(kind: .text, bytes: text, attributeBytes: empty)
                    token.isCDATA = true
                    do throws(E) { try handler(token) } catch { throw .handler(error) }
                }
                position = close + terminator.utf8CodeUnitCount
                continue
            }
            var end = position + 1
            var quote: UInt8 = 0
            while end < count {
                let byte = base[end]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: ">") {
                    break
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                }
                end += 1
            }
            if end == count { return position }
            let token = tagToken(UnsafeBufferPointer(start: base + position, count: end + 1 - position))
            do throws(E) { try handler(token) } catch { throw .handler(error) }
            position = end + 1
        }
        return position
    }

    /// For `<!` and `<?` tokens: the terminator to look for, whether it is CDATA, whether it is a DOCTYPE.
    private static func markupKind(_ buffer: UnsafeBufferPointer<UInt8>, _ position: Int) -> (StaticString?, Bool, Bool) {
        let rest = buffer.count - position
        if buffer[position + 1] == UInt8(ascii: "?") { return ("?>", false, false) }
        func starts(_ prefix: StaticString) -> Bool? {
            let bytes = UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            if rest < bytes.count {
                for (offset, byte) in bytes.enumerated() where offset < rest && buffer[position + offset] != byte { return false }
                return nil
            }
            for (offset, byte) in bytes.enumerated() where buffer[position + offset] != byte { return false }
            return true
        }
        if let comment = starts("<!--") {
            if comment { return ("-->", false, false) }
        } else { return (nil, false, false) }
        if let cdata = starts("<![CDATA[") {
            if cdata { return ("]]>", true, false) }
        } else { return (nil, false, false) }
        // `<!DOCTYPE` and any other declaration: refused.
        return (nil, false, true)
    }

    private static func find(_ terminator: StaticString, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let needle = UnsafeBufferPointer(start: terminator.utf8Start, count: terminator.utf8CodeUnitCount)
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

    /// Splits a tag `<name a="v" …>` into its kind, local name and the bytes of its attributes.
    @inline(__always)
    private static func tagToken(_ tag: UnsafeBufferPointer<UInt8>) -> Token {
        var low = 1
        var high = tag.count - 1  // the '>'
        var kind = Token.Kind.start
        if low < high, tag[low] == UInt8(ascii: "/") { kind = .end; low += 1 }
        if high > low, tag[high - 1] == UInt8(ascii: "/") { kind = .empty; high -= 1 }
        var nameEnd = low
        var nameStart = low
        while nameEnd < high, !isSpace(tag[nameEnd]) {
            if tag[nameEnd] == UInt8(ascii: ":") { nameStart = nameEnd + 1 }
            nameEnd += 1
        }
        return Token(kind: kind, bytes: UnsafeBufferPointer(rebasing: tag[nameStart..<nameEnd]),
                     attributeBytes: UnsafeBufferPointer(rebasing: tag[nameEnd..<high]))
    }

    @inline(__always)
    fileprivate static func isSpace(_ byte: UInt8) -> Bool {
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
        var runStart = 0  // the first byte not yet copied
        let count = raw.count
        while index < count {
            let byte = raw[index]
            guard byte == UInt8(ascii: "&") || byte == UInt8(ascii: "_") else { index += 1; continue }
            var decoded: Unicode.Scalar?
            var next = index + 1
            if byte == UInt8(ascii: "&"), let semicolon = (index + 1..<min(count, index + 12)).first(where: { raw[$0] == UInt8(ascii: ";") }) {
                decoded = reference(UnsafeBufferPointer(rebasing: raw[(index + 1)..<semicolon]))
                next = semicolon + 1
            } else if byte == UInt8(ascii: "_"), index + 6 < count, raw[index + 1] == UInt8(ascii: "x"), raw[index + 6] == UInt8(ascii: "_"),
                      let value = hexValue(UnsafeBufferPointer(rebasing: raw[(index + 2)..<(index + 6)])) {
                decoded = Unicode.Scalar(value)
                next = index + 7
            }
            guard let decoded else { index += 1; continue }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<index]))
            UTF8.encode(decoded) { output.append($0) }
            index = next
            runStart = next
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: raw[runStart..<count]))
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
