import Foundation

/// Reading and checking a BERT `vocab.txt`: one token per line, the id of a
/// token the index of its line (from 0).
enum VocabularyFile {
    /// More lines than any real vocabulary (BERT has 30,522; the largest
    /// multilingual WordPiece vocabularies about 250,000).
    static let maximumLines = 1_000_000
    /// A vocab.txt is a few hundred KiB to a few MiB.
    static let maximumBytes = 64 << 20

    /// The tokens of the file at `url` (checked by `validate`, not here).
    ///
    /// - Complexity: O(file size).
    /// - Throws: `EncoderError` naming the file (and the line, where there is
    ///   one) when the file cannot be read or `parse` refuses it.
    static func read(_ url: URL) throws -> [String] {
        let path = url.path
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
                throw EncoderError(file: path, "is a folder, not BERT's vocab.txt (one token per line)")
            }
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch let error as EncoderError {
            throw error
        } catch {
            throw EncoderError(file: path, "cannot be read (\(Self.reason(error))); a BERT model folder has a vocab.txt with one token per line")
        }
        guard size <= maximumBytes else {
            throw EncoderError(file: path, "is \(size) bytes; a vocabulary file is at most \(maximumBytes >> 20) MiB, so this is not one")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw EncoderError(file: path, "cannot be read (\(Self.reason(error)))")
        }
        guard data.count <= maximumBytes else {
            throw EncoderError(file: path, "is more than \(maximumBytes >> 20) MiB; a vocabulary file is smaller, so this is not one")
        }
        return try parse(data, file: path)
    }

    /// The lines of `data`: split at LF, a CR before the LF dropped, no empty
    /// last line after a final LF (as Python's `readlines` and Rust's
    /// `lines`, which read vocab.txt for the reference, agree).
    ///
    /// - Complexity: O(data.count).
    /// - Throws: `EncoderError` naming `file` and the line when the data is
    ///   empty, has more than `maximumLines` lines, is not UTF-8, starts with
    ///   a byte-order mark, or holds a CR that does not end a line (Python and
    ///   Rust would number the tokens after it differently).
    static func parse(_ data: Data, file: String) throws -> [String] {
        guard !data.isEmpty else {
            throw EncoderError(file: file, "is empty; BERT's vocab.txt has one token per line")
        }
        return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [String] in
            let bytes = raw.bindMemory(to: UInt8.self)
            let newline = UInt8(ascii: "\n")
            let carriageReturn = UInt8(ascii: "\r")
            var lines = bytes.reduce(0) { $0 + ($1 == newline ? 1 : 0) }
            if bytes[bytes.count - 1] != newline { lines += 1 }
            guard lines <= maximumLines else {
                throw EncoderError(file: file, "has \(lines) lines; a vocabulary has at most \(maximumLines) tokens, so this is not one")
            }
            if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
                throw EncoderError(file: file, "line 1 starts with a byte-order mark (U+FEFF), which would become part of the first token; save the file as UTF-8 without BOM")
            }
            var tokens: [String] = []
            tokens.reserveCapacity(lines)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != newline { end += 1 }
                var last = end
                if last > start && bytes[last - 1] == carriageReturn { last -= 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<last])
                let number = tokens.count + 1
                if line.contains(carriageReturn) {
                    throw EncoderError(file: file, "line \(number) holds a carriage return (CR) that does not end the line; readers disagree on where such a line ends, so the ids after it would be ambiguous")
                }
                guard let token = String(validating: line, as: UTF8.self) else {
                    throw EncoderError(file: file, "line \(number) is not valid UTF-8; vocab.txt must be UTF-8 text")
                }
                tokens.append(token)
                start = end + 1
            }
            return tokens
        }
    }

    /// Checks what a BERT WordPiece vocabulary needs; returns each token's id.
    ///
    /// - Complexity: O(total token length).
    /// - Throws: `EncoderError` naming `source` (or, when nil, no file) and
    ///   the line (entry) at fault when the vocabulary is empty, too long,
    ///   repeats a token, or lacks `[CLS]`, `[SEP]`, `[UNK]` or `[PAD]`.
    static func validate(_ tokens: [String], source: String?) throws -> [String: Int32] {
        let place = source == nil ? "vocabulary entry" : "line"
        guard !tokens.isEmpty else {
            throw EncoderError(file: source, "the vocabulary is empty; BERT's has one token per line")
        }
        guard tokens.count <= maximumLines else {
            throw EncoderError(file: source, "the vocabulary has \(tokens.count) tokens; at most \(maximumLines) are accepted")
        }
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            if let earlier = ids.updateValue(Int32(index), forKey: token) {
                throw EncoderError(file: source, "\(place) \(index + 1) repeats the token \(describe(token)) of \(place) \(earlier + 1); every token must be unique, as its id is its \(place)")
            }
        }
        let missing = WordPieceTokenizer.requiredSpecialTokens.filter { ids[$0] == nil }
        guard missing.isEmpty else {
            throw EncoderError(file: source, "the vocabulary has no \(missing.joined(separator: ", ")); a BERT WordPiece vocabulary has [PAD], [UNK], [CLS] and [SEP], each on a line of its own")
        }
        return ids
    }

    /// A token in quotes, control characters escaped, at most 40 characters.
    static func describe(_ token: String) -> String {
        var text = ""
        for scalar in token.unicodeScalars.prefix(40) {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                text += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        if token.unicodeScalars.count > 40 { text += "…" }
        return "'\(text)'"
    }

    static func reason(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain
            && (nsError.code == NSFileReadNoSuchFileError || nsError.code == NSFileNoSuchFileError) {
            return "no such file"
        }
        if let posix = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(posix.code)))
        }
        return nsError.localizedDescription
    }
}
