import Foundation
import ZIPFoundation

/// Writes small `.xlsx` workbooks for the tests: shared or inline strings,
/// numbers, dates (a date style), formulas with cached values, sparse rows,
/// and any raw sheet XML a hostile-input test needs.
struct TestWorkbook {
    /// A cell: text (shared string), inline text, a number, a date serial, or raw XML.
    enum Cell {
        case text(String)
        case inline(String)
        case number(String)
        case date(Int)
        case formula(String, cached: String?)
        case raw(String)
    }

    var sheetName = "Sheet1"
    /// Rows by number, cells by column letter(s).
    var rows: [(Int, [(String, Cell)])] = []
    /// Replaces the generated sheet XML when set.
    var rawSheetXML: String?

    /// A table: a header row and data rows, all text, from A1 on.
    static func table(_ header: [String], _ data: [[String]], sheet: String = "Sheet1") -> TestWorkbook {
        var book = TestWorkbook(sheetName: sheet)
        for (index, values) in ([header] + data).enumerated() {
            let cells = values.enumerated().compactMap { column, value -> (String, Cell)? in
                value.isEmpty ? nil : (letters(column), .text(value))
            }
            book.rows.append((index + 1, cells))
        }
        return book
    }

    static func letters(_ column: Int) -> String {
        var number = column + 1, text = ""
        while number > 0 {
            text = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + text
            number = (number - 1) / 26
        }
        return text
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Writes the workbook.
    func write(to url: URL) throws {
        var shared: [String] = []
        var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for (number, cells) in rows {
            sheet += "<row r=\"\(number)\">"
            for (column, cell) in cells {
                let ref = "\(column)\(number)"
                switch cell {
                case .text(let text):
                    shared.append(text)
                    sheet += "<c r=\"\(ref)\" t=\"s\"><v>\(shared.count - 1)</v></c>"
                case .inline(let text): sheet += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(Self.escape(text))</t></is></c>"
                case .number(let text): sheet += "<c r=\"\(ref)\"><v>\(text)</v></c>"
                case .date(let serial): sheet += "<c r=\"\(ref)\" s=\"1\"><v>\(serial)</v></c>"
                case .formula(let formula, let cached):
                    sheet += "<c r=\"\(ref)\" t=\"str\"><f>\(Self.escape(formula))</f>" + (cached.map { "<v>\(Self.escape($0))</v>" } ?? "") + "</c>"
                case .raw(let xml): sheet += xml
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let strings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(shared.count)\">"
            + shared.map { "<si><t xml:space=\"preserve\">\(Self.escape($0))</t></si>" }.joined() + "</sst>"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"\(Self.escape(sheetName))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"),
            ("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/></cellXfs></styleSheet>"),
            ("xl/sharedStrings.xml", strings),
            ("xl/worksheets/sheet1.xml", rawSheetXML ?? sheet),
        ]
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                                 provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
    }
}
