import Foundation
import Yams

/// Reads YAML with Yams into a ``StructuredNode`` tree, keeping each value's
/// line from Yams' marks and the scalars' text as written (so `09:00` stays a
/// time and is never read as a sexagesimal number).
enum YAMLDocument {
    struct SyntaxError: Error {
        var line: Int?
        var message: String
    }

    static let maximumDepth = 100

    /// Parses one YAML document.
    ///
    /// - Returns: The tree, or `nil` for an empty document.
    /// - Throws: ``SyntaxError`` with the line Yams reports.
    static func parse(_ text: String) throws(SyntaxError) -> StructuredNode? {
        try YAMLEventCheck.check(text, maximumDepth: maximumDepth)
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw describe(error)
        } catch {
            throw SyntaxError(line: nil, message: "\(error)")
        }
        guard let node else { return nil }
        return try convert(node, depth: 0)
    }

    private static func convert(_ node: Node, depth: Int) throws(SyntaxError) -> StructuredNode {
        guard depth < maximumDepth else {
            throw SyntaxError(line: node.mark?.line, message: "nesting deeper than \(maximumDepth) levels")
        }
        switch node {
        case .scalar(let scalar):
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                || scalar.style == .literal || scalar.style == .folded
            if !quoted && ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return StructuredNode(value: .null, line: node.mark?.line)
            }
            return StructuredNode(value: .scalar(scalar.string, quoted: quoted), line: node.mark?.line)
        case .sequence(let sequence):
            var items: [StructuredNode] = []
            for item in sequence { items.append(try convert(item, depth: depth + 1)) }
            return StructuredNode(value: .sequence(items), line: node.mark?.line)
        case .mapping(let mapping):
            var pairs: [(key: String, keyLine: Int?, value: StructuredNode)] = []
            for (key, value) in mapping {
                pairs.append((key.string ?? "\(key)", key.mark?.line, try convert(value, depth: depth + 1)))
            }
            return StructuredNode(value: .mapping(pairs), line: node.mark?.line)
        case .alias:
            throw SyntaxError(line: node.mark?.line, message: "YAML aliases are not supported")
        }
    }

    private static func describe(_ error: YamlError) -> SyntaxError {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return SyntaxError(line: mark.line, message: text)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return SyntaxError(line: context.mark.line,
                               message: "the key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appears twice")
        case .reader(let problem, let offset, _, let yaml):
            return SyntaxError(line: offset.map { line(atCharacterOffset: $0, in: yaml) }, message: problem)
        default:
            return SyntaxError(line: nil, message: "\(error)")
        }
    }

    /// The 1-based line of the character at `offset` (Yams counts characters from the text's start).
    static func line(atCharacterOffset offset: Int, in text: String) -> Int {
        var line = 1
        var remaining = offset
        for character in text {
            guard remaining > 0 else { break }
            if character.isNewline { line += 1 }
            remaining -= 1
        }
        return line
    }
}
