/// Groups the rows of one organisation (one row per marketplace offer or
/// request, as event platforms export them) into one record, by a key column.
///
/// List columns become the union of their items, in order of appearance;
/// `offers` and `needs` the distinct texts joined by a line break; any other
/// column must hold one value: two different values are an error naming both
/// rows. Rows with an empty key stay alone. Groups come out in the order of
/// their first row; each cell remembers the row it came from.
///
/// Memory: the grouped records (the participants kept anyway). Complexity:
/// O(cells) expected, with hashing.
struct RowGrouper {
    private struct Group {
        var line: Int
        var cells: [String]
        var cellLines: [Int]
        var items: [[String]]
        var seen: [Set<String>]
        var rows = 1
    }

    let keyColumn: Int
    let columnNames: [String]
    let listColumns: Set<Int>
    let unionColumns: Set<Int>
    let caseInsensitiveKey: Bool
    /// Whether `;` separates list items (not when it is the CSV delimiter).
    var allowsSemicolonLists = true
    /// How messages name a row: `line` in a CSV file, `row` in a workbook (``CSVTable/rowNoun``).
    var rowNoun = "row"
    private var groups: [Group] = []
    private var indexByKey: [String: Int] = [:]
    /// The rows added.
    private(set) var rowCount = 0

    init(keyColumn: Int, columnNames: [String], listColumns: Set<Int>, unionColumns: Set<Int>, caseInsensitiveKey: Bool) {
        self.keyColumn = keyColumn
        self.columnNames = columnNames
        self.listColumns = listColumns
        self.unionColumns = unionColumns
        self.caseInsensitiveKey = caseInsensitiveKey
    }

    /// The number of groups so far.
    var groupCount: Int { groups.count }

    /// Adds a row (with as many fields as ``columnNames``); conflicts go to `report`.
    mutating func add(_ row: RawCSVRecord, report: (_ line: Int, _ field: String, _ message: String, _ hint: String) -> Void) {
        rowCount += 1
        let count = columnNames.count
        var key = keyColumn < row.count ? row.trimmedString(at: keyColumn) : ""
        if caseInsensitiveKey { key = key.lowercased() }
        let cells = (0..<count).map { $0 < row.count ? row.trimmedString(at: $0) : "" }
        let items = (0..<count).map { listColumns.contains($0) && $0 < row.count ? row.items(at: $0, allowingSemicolon: allowsSemicolonLists) : [] }
        guard !key.isEmpty, let index = indexByKey[key] else {
            if !key.isEmpty { indexByKey[key] = groups.count }
            groups.append(Group(line: row.line, cells: cells, cellLines: Array(repeating: row.line, count: count),
                                items: items, seen: items.map { Set($0) }))
            return
        }
        groups[index].rows += 1
        for column in 0..<count {
            if listColumns.contains(column) {
                for item in items[column] where groups[index].seen[column].insert(item).inserted {
                    groups[index].items[column].append(item)
                }
                continue
            }
            let value = cells[column]
            guard !value.isEmpty else { continue }
            let current = groups[index].cells[column]
            if current.isEmpty {
                groups[index].cells[column] = value
                groups[index].cellLines[column] = row.line
            } else if unionColumns.contains(column) {
                let parts = current.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
                if !parts.contains(value) { groups[index].cells[column] = current + "\n" + value }
            } else if current != value {
                let first = groups[index].cellLines[column]
                report(row.line, columnNames[column],
                       "'\(value)' differs from '\(current)' in \(rowNoun) \(first), and both rows belong to '\(key)'",
                       "an organisation has one \(columnNames[column]): make \(rowNoun)s \(first) and \(row.line) agree")
            }
        }
    }

    /// The grouped records, in order of their first row.
    func records() -> [RawCSVRecord] {
        groups.map { group in
            var bytes: [UInt8] = []
            var ranges: [Range<Int>] = []
            for column in 0..<columnNames.count {
                let start = bytes.count
                let text = listColumns.contains(column) ? group.items[column].joined(separator: "|") : group.cells[column]
                bytes.append(contentsOf: text.utf8)
                ranges.append(start..<bytes.count)
            }
            return RawCSVRecord(bytes: bytes, ranges: ranges, line: group.line, fieldLines: group.cellLines,
                                problems: [], isUTF8: true)
        }
    }
}
