/// What a workbook's small parts say: its sheets and where they are, the date
/// system, the shared strings and which cell styles are dates.
struct WorkbookParts {
    /// A sheet: its name as shown on its tab and the archive path of its XML.
    struct Sheet {
        var name: String
        var path: String
    }

    var sheets: [Sheet] = []
    var uses1904Dates = false
    var sharedStringsPath: String?
    var stylesPath: String?

    /// Reads `_rels/.rels`, the workbook part and its relationships.
    ///
    /// - Throws: ``WorkbookProblem`` when the parts are missing or damaged.
    init(archive: WorkbookArchive) throws(WorkbookProblem) {
        var workbookPath = "xl/workbook.xml"
        if let rels = try archive.read("_rels/.rels") {
            for relation in try Self.relationships(rels) where relation.type.hasSuffix("/officeDocument") {
                workbookPath = Self.resolve(relation.target, against: "")
            }
        }
        guard let workbook = try archive.read(workbookPath) else {
            throw WorkbookProblem(kind: .encoding, message: "the ZIP archive holds no workbook (no \(workbookPath))",
                                  hint: "save the file from Excel or LibreOffice as 'Excel Workbook (.xlsx)'")
        }
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        var targets: [String: String] = [:]
        if let rels = try archive.read(relsPath) {
            for relation in try Self.relationships(rels) {
                let path = Self.resolve(relation.target, against: folder)
                targets[relation.id] = path
                if relation.type.hasSuffix("/sharedStrings") { sharedStringsPath = path }
                if relation.type.hasSuffix("/styles") { stylesPath = path }
            }
        }
        var sheets: [Sheet] = []
        var uses1904 = false
        try Self.scanWhole(workbook, part: workbookPath) { token in
            guard token.kind != .end else { return }
            if token.isNamed("sheet"), let name = token.attributeString("name") {
                let id = token.attributeString("id") ?? ""
                let path = targets[id] ?? "\(folder)/worksheets/sheet\(sheets.count + 1).xml"
                sheets.append(Sheet(name: name, path: path))
            } else if token.isNamed("workbookPr"), let value = token.attributeString("date1904") {
                uses1904 = value == "1" || value.lowercased() == "true"
            }
        }
        self.sheets = sheets
        self.uses1904Dates = uses1904
        if sharedStringsPath == nil, archive.contains("xl/sharedStrings.xml") { sharedStringsPath = "xl/sharedStrings.xml" }
        if stylesPath == nil, archive.contains("xl/styles.xml") { stylesPath = "xl/styles.xml" }
    }

    private struct Relationship {
        var id: String
        var type: String
        var target: String
    }

    private static func relationships(_ bytes: [UInt8]) throws(WorkbookProblem) -> [Relationship] {
        var result: [Relationship] = []
        try scanWhole(bytes, part: "relationships") { token in
            guard token.kind != .end, token.isNamed("Relationship"), let id = token.attributeString("Id"),
                  let target = token.attributeString("Target") else { return }
            if token.attributeString("TargetMode") == "External" { return }
            result.append(Relationship(id: id, type: token.attributeString("Type") ?? "", target: target))
        }
        return result
    }

    /// A relationship target as an archive path: `/xl/a.xml` is absolute, `a.xml` relative to the folder; `..` resolved.
    static func resolve(_ target: String, against folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    /// Scans a part held in memory.
    static func scanWhole(_ bytes: [UInt8], part: String,
                          _ handler: (XMLChunkScanner.Token) throws(WorkbookProblem) -> Void) throws(WorkbookProblem) {
        var scanner = XMLChunkScanner(maxTokenBytes: WorkbookArchive.maxPartBytes)
        do throws(XMLChunkScanner.ScanError<WorkbookProblem>) {
            try scanner.feed(bytes: bytes, handler)
            try scanner.finish(handler)
        } catch {
            throw problem(error, part: part)
        }
    }

    /// A scanner failure as a workbook problem.
    static func problem(_ error: XMLChunkScanner.ScanError<WorkbookProblem>, part: String, cell: String? = nil) -> WorkbookProblem {
        switch error {
        case .handler(let problem): return problem
        case .scanner(.documentType):
            return WorkbookProblem(message: "the part \(part) holds a document type declaration, which workbooks never do",
                                   hint: "save the file again from Excel or LibreOffice", cell: cell)
        case .scanner(.truncated):
            return WorkbookProblem.damaged(part, "it ends inside a tag")
        case .scanner(.tokenTooLong(let limit)):
            return WorkbookProblem(kind: .limitExceeded,
                                   message: "the part \(part) holds a cell or tag longer than \(ByteCountText.text(limit))",
                                   hint: "shorten the cell; fields are limited to \(ByteCountText.text(limit))", cell: cell)
        }
    }
}
