import Foundation

/// The JSON header of a binary file of a sharded ranking, decoded with a message naming the key at fault.
enum BinaryHeader {
    /// Decodes `T` from the header's JSON.
    ///
    /// - Throws: ``ImportError`` naming the file and the header key.
    static func decode<T: Decodable>(_ type: T.Type, from header: Data, file: String) throws(ImportError) -> T {
        do {
            return try JSONDecoder().decode(type, from: header)
        } catch let DecodingError.keyNotFound(key, context) {
            throw failure(file, key: (context.codingPath + [key]).map(\.stringValue).joined(separator: "."), "is missing")
        } catch let DecodingError.typeMismatch(_, context) {
            throw failure(file, key: context.codingPath.map(\.stringValue).joined(separator: "."), "has the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw failure(file, key: context.codingPath.map(\.stringValue).joined(separator: "."), "is null")
        } catch {
            throw ImportError(Diagnostic(kind: .syntax, file: file, message: "the header is not valid JSON",
                                         hint: "write the file again with missionmatch"))
        }
    }

    /// The header's JSON: sorted keys, so the same values give the same bytes.
    static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    private static func failure(_ file: String, key: String, _ problem: String) -> ImportError {
        ImportError(Diagnostic(kind: .missingKey, file: file, field: "header." + key, fieldKind: .key,
                               message: "\(problem)", hint: "write the file again with missionmatch"))
    }
}
