import MissionMatch

/// A JSON participant object seen as a ``ParticipantRecord``.
///
/// Keys are matched like CSV headers; unknown keys become extra fields (in
/// order), and an `extra` key may hold `[{"name": …, "value": …}]` as written
/// by `Participant`'s `Codable` form.
struct JSONParticipantRecord: ParticipantRecord {
    private var texts: [String]
    private var lists: [[String]?]
    private var lines: [Int?]
    let recordIndex: Int?
    let startLine: Int?
    let extraFields: [ExtraField]

    init?(node: StructuredNode, index: Int, fileName: String, diagnostics: inout Diagnostics) {
        guard case .mapping(let pairs) = node.value else {
            diagnostics.append(Diagnostic(kind: .syntax, file: fileName, line: node.line, record: index,
                                          message: "the record is \(node.kindName), not an object",
                                          hint: "write each participant as an object of fields"))
            return nil
        }
        let count = ParticipantField.allCases.count
        var texts = Array(repeating: "", count: count)
        var lists: [[String]?] = Array(repeating: nil, count: count)
        var lines: [Int?] = Array(repeating: node.line, count: count)
        var extras: [ExtraField] = []
        var ok = true
        for (key, keyLine, value) in pairs {
            guard let field = ParticipantField.matching(key) else {
                if CSVSchema.matchKey(key) == "extra", case .sequence(let items) = value.value {
                    extras += items.compactMap(Self.extraField)
                } else {
                    extras.append(ExtraField(name: key, value: Self.text(of: value) ?? ""))
                }
                continue
            }
            lines[field.rawValue] = keyLine ?? value.line
            switch value.value {
            case .null:
                break
            case .scalar(let text, _):
                texts[field.rawValue] = text.trimmingBlanks()
            case .sequence(let items) where field.isList:
                var strings: [String] = []
                for item in items {
                    guard let text = item.scalarText else {
                        diagnostics.append(Diagnostic(file: fileName, line: item.line ?? keyLine, record: index, field: field.name,
                                                      message: "a list item is \(item.kindName)",
                                                      hint: "write the list as an array of strings"))
                        ok = false
                        continue
                    }
                    let trimmed = text.trimmingBlanks()
                    if !trimmed.isEmpty { strings.append(trimmed) }
                }
                lists[field.rawValue] = strings
            default:
                diagnostics.append(Diagnostic(file: fileName, line: keyLine ?? value.line, record: index, field: field.name,
                                              message: "the value is \(value.kindName)",
                                              hint: field.isList ? "write an array of strings" : "write a string or a number"))
                ok = false
            }
        }
        guard ok else { return nil }
        self.texts = texts
        self.lists = lists
        self.lines = lines
        self.recordIndex = index
        self.startLine = node.line
        self.extraFields = extras
    }

    func text(_ field: ParticipantField) -> String { texts[field.rawValue] }

    func items(_ field: ParticipantField) -> [String] {
        lists[field.rawValue] ?? ListCell.split(texts[field.rawValue], allowingSemicolon: true)
    }

    func line(_ field: ParticipantField) -> Int? { lines[field.rawValue] }

    private static func text(of node: StructuredNode) -> String? {
        switch node.value {
        case .scalar(let text, _): text
        case .null: ""
        case .sequence(let items): items.compactMap(\.scalarText).joined(separator: "|")
        case .mapping: nil
        }
    }

    private static func extraField(_ node: StructuredNode) -> ExtraField? {
        guard case .mapping(let pairs) = node.value,
              let name = pairs.first(where: { $0.key == "name" })?.value.scalarText
        else { return nil }
        return ExtraField(name: name, value: pairs.first(where: { $0.key == "value" })?.value.scalarText ?? "")
    }
}
