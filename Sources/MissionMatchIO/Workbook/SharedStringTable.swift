/// A workbook's shared strings (`xl/sharedStrings.xml`), read in chunks and
/// bounded by ``ImportLimits/maxSharedStrings`` and
/// ``ImportLimits/maxSharedStringBytes``. Rich text runs are joined; phonetic
/// guides (`rPh`) are left out.
struct SharedStringTable {
    private(set) var strings: [String] = []

    /// Reads the table.
    ///
    /// - Throws: ``WorkbookProblem`` when the part is damaged or a limit is passed.
    init(archive: WorkbookArchive, path: String, limits: ImportLimits) throws(WorkbookProblem) {
        var strings: [String] = []
        var current: [UInt8] = []
        var totalBytes = 0
        var inItem = false, inText = false, phoneticDepth = 0
        var scanner = XMLChunkScanner(maxTokenBytes: limits.maxFieldBytes * 6)
        let handler = { (token: XMLChunkScanner.Token) throws(WorkbookProblem) -> Void in
            switch token.kind {
            case .text:
                guard inItem, inText, phoneticDepth == 0 else { return }
                if token.isCDATA { current.append(contentsOf: token.bytes) } else { XMLText.appendDecoded(token.bytes, to: &current) }
            case .start, .empty:
                if token.isNamed("si") {
                    inItem = true
                    current.removeAll(keepingCapacity: true)
                    if token.kind == .empty { try Self.append(&strings, &current, &totalBytes, limits); inItem = false }
                } else if token.isNamed("rPh") {
                    if token.kind == .start { phoneticDepth += 1 }
                } else if token.isNamed("t") {
                    inText = token.kind == .start
                }
            case .end:
                if token.isNamed("si") {
                    try Self.append(&strings, &current, &totalBytes, limits)
                    inItem = false
                } else if token.isNamed("rPh") {
                    phoneticDepth = max(0, phoneticDepth - 1)
                } else if token.isNamed("t") {
                    inText = false
                }
            }
        }
        try archive.stream(path) { (chunk) throws(WorkbookProblem) in
            do throws(XMLChunkScanner.ScanError<WorkbookProblem>) { try scanner.feed(chunk, handler) } catch { throw WorkbookParts.problem(error, part: path) }
        }
        do throws(XMLChunkScanner.ScanError<WorkbookProblem>) { try scanner.finish(handler) } catch { throw WorkbookParts.problem(error, part: path) }
        self.strings = strings
    }

    private static func append(_ strings: inout [String], _ current: inout [UInt8], _ totalBytes: inout Int,
                               _ limits: ImportLimits) throws(WorkbookProblem) {
        guard strings.count < limits.maxSharedStrings else {
            throw WorkbookProblem(kind: .limitExceeded, message: "the workbook has more than \(limits.maxSharedStrings) shared strings",
                                  hint: "split it into smaller workbooks or export the sheet as CSV UTF-8")
        }
        totalBytes += current.count
        guard totalBytes <= limits.maxSharedStringBytes else {
            throw WorkbookProblem(kind: .limitExceeded,
                                  message: "the workbook's shared strings hold more than \(ByteCountText.text(limits.maxSharedStringBytes)) of text",
                                  hint: "split it into smaller workbooks or export the sheet as CSV UTF-8")
        }
        strings.append(String(decoding: current, as: UTF8.self))
        current.removeAll(keepingCapacity: true)
    }

    subscript(index: Int) -> String? {
        index >= 0 && index < strings.count ? strings[index] : nil
    }
}

/// Which cell styles (`s` attribute, an index into `cellXfs`) show a number as
/// a date: the built-in date formats 14–22, 27–36, 45–47 and 50–58, and custom
/// formats whose code holds d, m, y, h or s outside quotes and brackets.
struct CellStyles {
    private(set) var isDate: [Bool] = []

    init() {}

    /// Reads `styles.xml`.
    ///
    /// - Throws: ``WorkbookProblem`` when the part is damaged.
    init(archive: WorkbookArchive, path: String) throws(WorkbookProblem) {
        guard let bytes = try archive.read(path) else { return }
        var customDates: Set<Int> = []
        var formatIDs: [Int] = []
        var inCellFormats = false
        try WorkbookParts.scanWhole(bytes, part: path) { token in
            if token.isNamed("cellXfs") { inCellFormats = token.kind == .start; return }
            guard token.kind != .end else { return }
            if token.isNamed("numFmt"), let id = token.attributeString("numFmtId").flatMap({ Int($0) }),
               let code = token.attributeString("formatCode"), Self.isDateCode(code) {
                customDates.insert(id)
            } else if inCellFormats, token.isNamed("xf") {
                formatIDs.append(token.attributeString("numFmtId").flatMap { Int($0) } ?? 0)
            }
        }
        isDate = formatIDs.map { Self.isBuiltInDate($0) || customDates.contains($0) }
    }

    /// Whether the style index shows dates.
    func showsDate(_ style: Int) -> Bool { style >= 0 && style < isDate.count && isDate[style] }

    static func isBuiltInDate(_ id: Int) -> Bool {
        (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
    }

    /// Whether a custom number format shows a date or time.
    static func isDateCode(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[": if !inQuote { inBracket = true }
            case "]": if !inQuote { inBracket = false }
            case "d", "m", "y", "h", "s": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }
}
