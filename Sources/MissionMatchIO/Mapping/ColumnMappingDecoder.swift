import MissionMatch

/// Reads a `columns:` block (a mission file's, or a mapping file's) into a
/// ``ColumnMapping``, recording every problem at its line like the rest of
/// the mission file.
struct ColumnMappingDecoder {
    /// The fields of each file kind that may be mapped.
    static let fieldsByTable: [String: [String]] = [
        "participants": ParticipantField.allCases.map(\.name),
        "requests": ["from", "to", "priority", "note"],
        "outcomes": OutcomesReader.columnNames,
    ]
    static let tableKeys = ["participants", "requests", "outcomes"]
    static let specKeys = ["column", "columns", "separator", "values"]
    /// The fields rows may be grouped by.
    static let groupKeys = ["id", "email", "name"]
    /// The most fields, columns per field and value-map entries of a mapping.
    static let maxEntries = 1_000

    /// Decodes the value of a `columns` key.
    static func decode(_ node: StructuredNode, path: String, reader: inout StructuredReader) -> ColumnMapping? {
        guard let map = reader.mapping(node, path: path, allowedKeys: tableKeys,
                                       hint: "write participants:, requests: or outcomes: with a mapping of fields below it")
        else { return nil }
        let before = reader.diagnostics.errorCount
        var mapping = ColumnMapping()
        for table in tableKeys {
            guard let entry = map.entry(table) else { continue }
            let decoded = self.table(entry.value, kind: table, path: map.name(table), reader: &reader)
            switch table {
            case "participants": mapping.participants = decoded
            case "requests": mapping.requests = decoded
            default: mapping.outcomes = decoded
            }
        }
        return reader.diagnostics.errorCount == before ? mapping : nil
    }

    private static func table(_ node: StructuredNode, kind: String, path: String, reader: inout StructuredReader) -> TableMapping? {
        let fields = fieldsByTable[kind] ?? []
        let special = kind == "participants" ? ["sheet", "group_by"] : ["sheet"]
        guard let map = reader.mapping(node, path: path, allowedKeys: special + fields,
                                       hint: "map each field to a column header, e.g. name: Organization name") else { return nil }
        var table = TableMapping(sourceFile: reader.fileName)
        table.sheet = reader.string(map, "sheet", example: "Participants")?.text
        if let group = reader.string(map, "group_by", example: "id") {
            if groupKeys.contains(group.text) {
                table.groupBy = group.text
            } else {
                reader.error(line: group.line, key: map.name("group_by"), "'\(group.text)' cannot group rows",
                             hint: "use " + groupKeys.joined(separator: ", "))
            }
        }
        for entry in map.entries where fields.contains(entry.key) && table.fields.count < maxEntries {
            if let field = self.field(entry.key, entry.value, line: entry.keyLine, path: map.name(entry.key), reader: &reader) {
                table.fields.append(field)
            }
        }
        return table
    }

    private static func field(_ name: String, _ node: StructuredNode, line: Int?, path: String,
                              reader: inout StructuredReader) -> FieldMapping? {
        switch node.value {
        case .scalar(let text, _):
            return nonEmpty(text, path: path, line: line, reader: &reader).map { FieldMapping(field: name, columns: [$0], line: line) }
        case .sequence(let items):
            let columns = self.columns(items, path: path, line: line, reader: &reader)
            return columns.isEmpty ? nil : FieldMapping(field: name, columns: columns, line: line)
        case .mapping:
            guard let map = reader.mapping(node, path: path, allowedKeys: specKeys,
                                           hint: "write column: (or columns:), separator: and values:") else { return nil }
            var columns: [String] = []
            if let column = reader.string(map, "column", example: "Country") {
                columns = nonEmpty(column.text, path: path, line: column.line, reader: &reader).map { [$0] } ?? []
            } else if let list = reader.list(map, "columns", example: "[Marketplace offers, Organization description]") {
                columns = self.columns(list.items, path: path, line: list.line, reader: &reader)
            } else {
                reader.error(line: line, key: path, "the mapping names no column", hint: "add column: with the header of the source column",
                             kind: .missingKey)
                return nil
            }
            var mapping = FieldMapping(field: name, columns: columns, line: line)
            if let separator = reader.string(map, "separator", example: "\";\"") {
                if separator.text.isEmpty || separator.text.count > 8 {
                    reader.error(line: separator.line, key: map.name("separator"), "the separator must be 1 to 8 characters",
                                 hint: "write it quoted, e.g. separator: \";\"")
                } else {
                    mapping.separator = separator.text
                }
            }
            if let values = map.entry("values") {
                mapping.values = valueMap(values.value, field: name, path: map.name("values"), reader: &reader)
            }
            return columns.isEmpty ? nil : mapping
        case .null:
            reader.error(line: line, key: path, "the mapping is empty", hint: "write the header of the source column")
            return nil
        }
    }

    private static func columns(_ items: [StructuredNode], path: String, line: Int?, reader: inout StructuredReader) -> [String] {
        var columns: [String] = []
        for item in items.prefix(maxEntries) {
            guard let text = item.scalarText else {
                reader.error(line: item.line ?? line, key: path, "a column is \(item.kindName)", hint: "write each column's header as text")
                continue
            }
            if let column = nonEmpty(text, path: path, line: item.line ?? line, reader: &reader) { columns.append(column) }
        }
        if items.isEmpty { reader.error(line: line, key: path, "the list of columns is empty", hint: "name at least one column") }
        return columns
    }

    private static func nonEmpty(_ text: String, path: String, line: Int?, reader: inout StructuredReader) -> String? {
        let trimmed = text.trimmingBlanks()
        if trimmed.isEmpty { reader.error(line: line, key: path, "the column name is empty", hint: "write the header of the source column") }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The values an enumeration field accepts, checked in a value map's targets
    /// when the mission file is read (rather than at every row that uses them).
    static func acceptedTargets(of field: String) -> (accepts: (String) -> Bool, listed: String)? {
        switch field {
        case "type":
            (accepts: { ParticipantType(parsing: $0) != nil },
             listed: ParticipantType.allCases.map(\.rawValue).joined(separator: ", "))
        case "cooperation":
            (accepts: { CooperationType(parsing: $0) != nil },
             listed: CooperationType.allCases.map(\.rawValue).joined(separator: ", "))
        default:
            nil
        }
    }

    private static func valueMap(_ node: StructuredNode, field: String, path: String, reader: inout StructuredReader) -> [String: String] {
        guard case .mapping(let entries) = node.value else {
            reader.error(line: node.line, key: path, "the value is \(node.kindName), not a mapping",
                         hint: "write source values and what they become, e.g. {SME: sme, University: research}")
            return [:]
        }
        var values: [String: String] = [:]
        let targets = acceptedTargets(of: field)
        for entry in entries.prefix(maxEntries) {
            guard let target = entry.value.scalarText else {
                reader.error(line: entry.keyLine, key: path + "." + entry.key, "the value is \(entry.value.kindName)",
                             hint: "write the MissionMatch value, e.g. sme")
                continue
            }
            if let targets, !target.trimmingBlanks().isEmpty, !targets.accepts(target) {
                reader.error(line: entry.value.line ?? entry.keyLine, key: path + "." + entry.key,
                             "'\(target)' is not a value of '\(field)'",
                             hint: "map '\(entry.key)' to one of: \(targets.listed) (or leave it out to have such rows reported)")
                continue
            }
            values[ValueKey.of(entry.key)] = target
        }
        return values
    }
}

/// How source values are compared with a value map's keys: trimmed, case folded.
enum ValueKey {
    static func of(_ text: some StringProtocol) -> String { String(text).trimmingBlanks().lowercased() }
}
