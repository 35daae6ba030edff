import CYaml

/// A first pass over a YAML text's parse events, before any tree is built.
///
/// libyaml's events never expand an alias, so this pass costs time linear in
/// the text and constant memory. It refuses what the mission format does not
/// use and what could make building the tree explode: anchors (`&name`) and
/// aliases (`*name`) — a few hundred bytes of nested aliases expand to
/// gigabytes ("billion laughs") — nesting deeper than ``YAMLDocument/maximumDepth``,
/// and more than ``maximumNodes`` values. Each refusal names its line.
enum YAMLEventCheck {
    /// The most values (scalars, lists and mappings) a YAML document may hold;
    /// a mission file has about a hundred.
    static let maximumNodes = 100_000

    /// Checks the text; syntax errors are left to the full parse, which reports them.
    ///
    /// - Throws: ``YAMLDocument/SyntaxError`` at the first anchor, alias, or
    ///   value beyond the depth or node limits.
    static func check(_ text: String, maximumDepth: Int) throws(YAMLDocument.SyntaxError) {
        var bytes = Array(text.utf8)
        bytes.append(0)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        let result: YAMLDocument.SyntaxError? = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count - 1)
            return scan(&parser, maximumDepth: maximumDepth)
        }
        if let result { throw result }
    }

    private static func scan(_ parser: inout yaml_parser_t, maximumDepth: Int) -> YAMLDocument.SyntaxError? {
        var depth = 0
        var nodes = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_ALIAS_EVENT:
                return YAMLDocument.SyntaxError(
                    line: line, message: "YAML aliases (*\(name(event.data.alias.anchor))) are not supported; write the value out")
            case YAML_SCALAR_EVENT, YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SCALAR_EVENT ? event.data.scalar.anchor
                    : event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor
                    : event.data.mapping_start.anchor
                if let anchor {
                    return YAMLDocument.SyntaxError(
                        line: line, message: "YAML anchors (&\(name(anchor))) are not supported; write the value out")
                }
                nodes += 1
                guard nodes <= maximumNodes else {
                    return YAMLDocument.SyntaxError(line: line, message: "more than \(maximumNodes) values")
                }
                if event.type != YAML_SCALAR_EVENT {
                    depth += 1
                    guard depth < maximumDepth else {
                        return YAMLDocument.SyntaxError(line: line, message: "nesting deeper than \(maximumDepth) levels")
                    }
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                depth -= 1
            default:
                break
            }
        }
    }

    /// An anchor's name for messages, cut short when long.
    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String {
        guard let pointer else { return "" }
        let text = String(cString: pointer)
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
