/// A YAML or JSON document as a tree that remembers where each value was
/// written, so that mission and participant errors can name the line.
struct StructuredNode: Sendable {
    enum Value: Sendable {
        /// A scalar as written; `quoted` when it was a JSON string or a quoted YAML scalar.
        case scalar(String, quoted: Bool)
        case null
        case sequence([StructuredNode])
        case mapping([(key: String, keyLine: Int?, value: StructuredNode)])
    }

    var value: Value
    /// The 1-based line where the value starts, when known.
    var line: Int?

    /// The scalar's text, or `nil` for other values.
    var scalarText: String? {
        if case .scalar(let text, _) = value { return text }
        return nil
    }

    /// What kind of value this is, for messages.
    var kindName: String {
        switch value {
        case .scalar: "a single value"
        case .null: "empty"
        case .sequence: "a list"
        case .mapping: "a mapping of keys"
        }
    }
}
