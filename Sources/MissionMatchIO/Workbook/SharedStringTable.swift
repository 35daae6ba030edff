/// A workbook's shared strings (`xl/sharedStrings.xml`), read in chunks and
/// bounded by ``ImportLimits/maxSharedStrings`` and
/// ``ImportLimits/maxSharedStringBytes``. Rich text runs are joined; phonetic
/// guides (`rPh`) are left out.
///
/// The strings are held as one UTF-8 buffer and the offset where each ends
/// (no `String` per entry), so that a cell copies its bytes straight into
/// its row. Text that is not valid UTF-8 is repaired once, when read, as
/// `String(decoding:as:)` repairs it.
struct SharedStringTable {
    /// The decoded text of every string, one after another.
    private(set) var storage: [UInt8] = []
    /// Where string *i* ends in ``storage`` (it starts where *i − 1* ends).
    private var ends: [Int] = []

    /// The number of strings.
    var count: Int { ends.count }

    /// Reads the table.
    ///
    /// - Complexity: O(size of the part).
    /// - Throws: ``WorkbookProblem`` when the part is damaged or a limit is passed.
    init(archive: WorkbookArchive, path: String, limits: ImportLimits) throws(WorkbookProblem) {
        var scanner = XMLChunkScanner(maxTokenBytes: limits.maxFieldBytes * 6)
        // The builder lives in a local variable while a chunk is scanned (see `WorkbookSheetReader.forEachRow`).
        var slot: Builder? = Builder(limits: limits)
        func scan(_ chunk: UnsafeRawBufferPointer?) throws(WorkbookProblem) {
            guard var builder = slot else { return }
            slot = nil
            defer { slot = builder }
            do throws(XMLChunkScanner.ScanError<WorkbookProblem>) {
                if let chunk {
                    try scanner.feed(chunk) { (token) throws(WorkbookProblem) in try builder.handle(token) }
                } else {
                    try scanner.finish { (token) throws(WorkbookProblem) in try builder.handle(token) }
                }
            } catch {
                throw WorkbookParts.problem(error, part: path)
            }
        }
        try archive.stream(path) { (chunk) throws(WorkbookProblem) in try scan(chunk) }
        try scan(nil)
        self.storage = slot?.storage ?? []
        self.ends = slot?.ends ?? []
    }

    /// The table as it is read, token by token.
    private struct Builder {
        let limits: ImportLimits
        var storage: [UInt8] = []
        var ends: [Int] = []
        var itemStart = 0
        var inItem = false, inText = false, phoneticDepth = 0

        init(limits: ImportLimits) { self.limits = limits }

        private var tooMuchText: WorkbookProblem {
            WorkbookProblem(kind: .limitExceeded,
                            message: "the workbook's shared strings hold more than \(ByteCountText.text(limits.maxSharedStringBytes)) of text",
                            hint: "split it into smaller workbooks or export the sheet as CSV UTF-8")
        }

        private mutating func finishItem() throws(WorkbookProblem) {
            guard ends.count < limits.maxSharedStrings else {
                throw WorkbookProblem(kind: .limitExceeded, message: "the workbook has more than \(limits.maxSharedStrings) shared strings",
                                      hint: "split it into smaller workbooks or export the sheet as CSV UTF-8")
            }
            SharedStringTable.repairUTF8(&storage, from: itemStart)
            guard storage.count <= limits.maxSharedStringBytes else { throw tooMuchText }
            ends.append(storage.count)
            inItem = false
        }

        mutating func handle(_ token: XMLChunkScanner.Token) throws(WorkbookProblem) {
            switch token.kind {
            case .text:
                guard inItem, inText, phoneticDepth == 0 else { return }
                if token.isCDATA { storage.append(contentsOf: token.bytes) } else { XMLText.appendDecoded(token.bytes, to: &storage) }
                guard storage.count <= limits.maxSharedStringBytes else { throw tooMuchText }
            case .start, .empty:
                if token.isNamed("si") {
                    if inItem { storage.removeSubrange(itemStart...) }  // an unclosed item: its text is dropped
                    inItem = true
                    itemStart = storage.count
                    if token.kind == .empty { try finishItem() }
                } else if token.isNamed("rPh") {
                    if token.kind == .start { phoneticDepth += 1 }
                } else if token.isNamed("t") {
                    inText = token.kind == .start
                }
            case .end:
                if token.isNamed("si") {
                    if !inItem { itemStart = storage.count }
                    try finishItem()
                } else if token.isNamed("rPh") {
                    phoneticDepth = max(0, phoneticDepth - 1)
                } else if token.isNamed("t") {
                    inText = false
                }
            }
        }
    }

    /// Replaces the bytes from `start` with their repaired form when they are not valid UTF-8.
    fileprivate static func repairUTF8(_ storage: inout [UInt8], from start: Int) {
        guard storage[start...].contains(where: { $0 >= 0x80 }) else { return }
        let valid = storage.withUnsafeBufferPointer { buffer in
            String(validating: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self) != nil
        }
        guard !valid else { return }
        let repaired = String(decoding: storage[start...], as: UTF8.self)
        storage.removeSubrange(start...)
        storage.append(contentsOf: repaired.utf8)
    }

    /// The bytes of string `index` in ``storage``, or `nil` when there is no such string.
    subscript(index: Int) -> Range<Int>? {
        guard index >= 0 && index < ends.count else { return nil }
        return (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// String `index` as text, or `nil` when there is no such string.
    func string(at index: Int) -> String? {
        self[index].map { String(decoding: storage[$0], as: UTF8.self) }
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
