import MissionMatch

/// Reads values out of a YAML or JSON mapping, recording every problem:
/// unknown keys (with a "did you mean"), missing required keys, wrong types
/// and out-of-range numbers, each at its line.
struct StructuredReader {
    let fileName: String
    var diagnostics: Diagnostics

    init(fileName: String, errorLimit: Int) {
        self.fileName = fileName
        self.diagnostics = Diagnostics(errorLimit: errorLimit)
    }

    /// A mapping being read: its entries by key, and which keys were used.
    struct Mapping {
        var entries: [(key: String, keyLine: Int?, value: StructuredNode)]
        var line: Int?
        /// The key path of this mapping for messages, e.g. `weights`; empty for the root.
        var path: String

        func entry(_ key: String) -> (key: String, keyLine: Int?, value: StructuredNode)? {
            entries.first { $0.key == key }
        }

        /// The full name of a key for messages: `weights.sector` inside `weights`.
        func name(_ key: String) -> String { path.isEmpty ? key : path + "." + key }
    }

    /// Views a node as a mapping allowed to hold `keys`; reports unknown and repeated keys.
    mutating func mapping(_ node: StructuredNode, path: String, allowedKeys: [String], hint: String) -> Mapping? {
        guard case .mapping(let entries) = node.value else {
            error(line: node.line, key: path.isEmpty ? nil : path,
                  "the value is \(node.kindName), not a mapping of keys", hint: hint)
            return nil
        }
        var seen: [String: Int?] = [:]
        for entry in entries {
            let name = path.isEmpty ? entry.key : path + "." + entry.key
            if let first = seen[entry.key] {
                error(line: entry.keyLine, key: name, "the key appears twice" + (first.map { ", first on line \($0)" } ?? ""),
                      hint: "keep one of them", kind: .duplicate)
            } else {
                seen[entry.key] = entry.keyLine
            }
            if !allowedKeys.contains(entry.key) {
                let guess = Suggestion.closest(to: entry.key, in: allowedKeys)
                error(line: entry.keyLine, key: name, "unknown key",
                      hint: guess.map { "did you mean '\($0)'?" } ?? "the keys here are " + allowedKeys.joined(separator: ", "),
                      kind: .unknownKey)
            }
        }
        return Mapping(entries: entries, line: node.line, path: path)
    }

    /// The text of a scalar key; reports a missing required key or a non-scalar value.
    mutating func string(_ mapping: Mapping, _ key: String, required: Bool = false, example: String = "") -> (text: String, line: Int?)? {
        guard let entry = mapping.entry(key), !isNull(entry.value) else {
            if required { missing(mapping, key, example: example) }
            return nil
        }
        guard let text = entry.value.scalarText else {
            error(line: entry.keyLine, key: mapping.name(key), "the value is \(entry.value.kindName), not a single value",
                  hint: example.isEmpty ? "write a single value" : "write e.g. \(key): \(example)")
            return nil
        }
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty {
            if required { missing(mapping, key, example: example) }
            return nil
        }
        return (trimmed, entry.value.line ?? entry.keyLine)
    }

    /// A whole number of at least `minimum`.
    mutating func integer(_ mapping: Mapping, _ key: String, minimum: Int, maximum: Int = Int.max,
                          required: Bool = false, example: String) -> Int? {
        guard let (text, line) = string(mapping, key, required: required, example: example) else { return nil }
        guard let value = Int(text) else {
            error(line: line, key: mapping.name(key), "'\(text)' is not a whole number", hint: "write a number such as \(example)")
            return nil
        }
        guard value >= minimum else {
            error(line: line, key: mapping.name(key), "\(value) is less than \(minimum)", hint: "write \(minimum) or more")
            return nil
        }
        guard value <= maximum else {
            error(line: line, key: mapping.name(key), "\(value) is more than \(maximum)", hint: "write at most \(maximum)")
            return nil
        }
        return value
    }

    /// A finite number from 0 to `maximum`.
    mutating func nonNegativeNumber(_ mapping: Mapping, _ key: String, maximum: Double = FormatLimits.maxWeight,
                                    example: String) -> Double? {
        guard let (text, line) = string(mapping, key, example: example) else { return nil }
        guard let value = Double(text), value.isFinite else {
            error(line: line, key: mapping.name(key), "'\(text)' is not a number", hint: "write a number such as \(example)")
            return nil
        }
        guard value >= 0 else {
            error(line: line, key: mapping.name(key), "\(text) is negative", hint: "weights must be 0 or more")
            return nil
        }
        guard value <= maximum else {
            error(line: line, key: mapping.name(key), "\(text) is more than \(FixedPoint.format(maximum, digits: 0))",
                  hint: "weights are relative: write numbers from 0 to \(FixedPoint.format(maximum, digits: 0)), e.g. \(example)")
            return nil
        }
        return value
    }

    /// `true` or `false`.
    mutating func boolean(_ mapping: Mapping, _ key: String) -> Bool? {
        guard let (text, line) = string(mapping, key, example: "true") else { return nil }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default:
            error(line: line, key: mapping.name(key), "'\(text)' is not true or false", hint: "write true or false")
            return nil
        }
    }

    /// The items of a list value.
    mutating func list(_ mapping: Mapping, _ key: String, required: Bool = false, example: String) -> (items: [StructuredNode], line: Int?)? {
        guard let entry = mapping.entry(key), !isNull(entry.value) else {
            if required { missing(mapping, key, example: example) }
            return nil
        }
        guard case .sequence(let items) = entry.value.value else {
            error(line: entry.keyLine, key: mapping.name(key), "the value is \(entry.value.kindName), not a list",
                  hint: "write a list, e.g. \(key): \(example)")
            return nil
        }
        return (items, entry.keyLine)
    }

    /// A nested mapping value.
    mutating func nested(_ mapping: Mapping, _ key: String, allowedKeys: [String]) -> Mapping? {
        guard let entry = mapping.entry(key), !isNull(entry.value) else { return nil }
        return self.mapping(entry.value, path: mapping.name(key), allowedKeys: allowedKeys,
                            hint: "write the keys " + allowedKeys.joined(separator: ", ") + " under \(key):")
    }

    private func isNull(_ node: StructuredNode) -> Bool {
        if case .null = node.value { return true }
        return false
    }

    mutating func missing(_ mapping: Mapping, _ key: String, example: String) {
        error(line: mapping.line, key: mapping.name(key), "required key is missing",
              hint: example.isEmpty ? "add \(key)" : "add e.g. \(key): \(example)", kind: .missingKey)
    }

    mutating func error(line: Int?, key: String?, _ message: String, hint: String?, kind: Diagnostic.Kind = .invalidValue) {
        diagnostics.append(Diagnostic(kind: kind, file: fileName, line: line, field: key, fieldKind: .key,
                                      message: message, hint: hint))
    }

    mutating func warning(line: Int?, key: String?, _ message: String, hint: String?) {
        diagnostics.append(Diagnostic(.warning, kind: .invalidValue, file: fileName, line: line, field: key,
                                      fieldKind: .key, message: message, hint: hint))
    }
}
