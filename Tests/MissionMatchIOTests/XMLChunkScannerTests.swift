import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import MissionMatchIO
import Testing

/// The workbook's byte scanner against Foundation's `XMLParser` (a complete
/// XML parser) on random sheet-like documents — entities, CDATA, rich text
/// runs, comments, attributes in any order and quoting, namespace prefixes —
/// fed whole, split in two at every position and cut into random small
/// chunks; and the sheet reader's fast paths against the plain reading of
/// each cell.
struct XMLChunkScannerTests {
    /// What both readers report, in a comparable form.
    enum Event: Equatable, CustomStringConvertible {
        case start(String, [String: String])
        case end(String)
        case text(String)

        var description: String {
            switch self {
            case .start(let name, let attributes): "<\(name) \(attributes.sorted { $0.key < $1.key })>"
            case .end(let name): "</\(name)>"
            case .text(let text): "\(text.debugDescription)"
            }
        }
    }

    /// Adjacent texts joined and blank texts left out (the two parsers cut text differently).
    static func normalized(_ events: [Event]) -> [Event] {
        var result: [Event] = []
        for event in events {
            if case .text(let text) = event, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else {
                result.append(event)
            }
        }
        return result.filter {
            if case .text(let text) = $0 { return !text.allSatisfy { $0 == " " || $0 == "\n" || $0 == "\t" } }
            return true
        }
    }

    static func local(_ name: String) -> String {
        name.split(separator: ":", omittingEmptySubsequences: false).last.map(String.init) ?? name
    }

    /// The reference: Foundation's `XMLParser`.
    final class Reference: NSObject, XMLParserDelegate {
        var events: [Event] = []
        var failed: Error?

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            var locals: [String: String] = [:]
            for (name, value) in attributes { locals[XMLChunkScannerTests.local(name)] = value }
            let name = XMLChunkScannerTests.local(elementName)
            events.append(.start(name, name == "worksheet" ? [:] : locals))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            events.append(.end(XMLChunkScannerTests.local(elementName)))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { events.append(.text(string)) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { events.append(.text(String(decoding: CDATABlock, as: UTF8.self))) }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { failed = parseError }
    }

    static func referenceEvents(_ document: [UInt8]) -> [Event]? {
        let parser = XMLParser(data: Data(document))
        let delegate = Reference()
        parser.delegate = delegate
        guard parser.parse(), delegate.failed == nil else { return nil }
        return normalized(delegate.events)
    }

    /// The scanner's events for the document fed in chunks ending at `cuts`.
    static func scannerEvents(_ document: [UInt8], cuts: [Int]) throws -> [Event] {
        var events: [Event] = []
        var scanner = XMLChunkScanner(maxTokenBytes: 1 << 16)
        let handler = { (token: XMLChunkScanner.Token) -> Void in
            switch token.kind {
            case .start, .empty:
                var attributes: [String: String] = [:]
                token.forEachAttribute { name, value in
                    let key = String(decoding: name, as: UTF8.self)
                    if attributes[key] == nil {
                        var decoded: [UInt8] = []
                        XMLText.appendDecoded(value, to: &decoded)
                        attributes[key] = String(decoding: decoded, as: UTF8.self)
                    }
                    return true
                }
                let name = String(decoding: token.bytes, as: UTF8.self)
                events.append(.start(name, name == "worksheet" ? [:] : attributes))  // the root's are namespace declarations
                if token.kind == .empty { events.append(.end(name)) }
            case .end:
                events.append(.end(String(decoding: token.bytes, as: UTF8.self)))
            case .text:
                var decoded: [UInt8] = []
                if token.isCDATA { decoded.append(contentsOf: token.bytes) } else { XMLText.appendDecoded(token.bytes, to: &decoded) }
                events.append(.text(String(decoding: decoded, as: UTF8.self)))
            }
        }
        var start = 0
        for cut in (cuts + [document.count]).map({ min($0, document.count) }) where cut >= start {
            try document[start..<cut].withUnsafeBytes { chunk in try scanner.feed(chunk, handler) }
            start = cut
        }
        try scanner.finish(handler)
        return normalized(events)
    }

    // MARK: Random documents

    static let words = ["Nano", "films", "s.r.o.", "Zürich", "中文", "😀", "a > b", "x]]y", "tab\there", "line\nbreak", "  spaced  ", "-12.5", "0"]
    static let entities = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#233;", "&#x4E2D;", "&#x1F600;", "&#10;"]

    static func pick<T>(_ values: [T], _ random: inout SplitMix64) -> T { values[Int(random.next() % UInt64(values.count))] }

    static func text(_ random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<Int(1 + random.next() % 4) {
            switch random.next() % 5 {
            case 0: text += pick(entities, &random)
            case 1: text += "<![CDATA[" + pick(["<b>raw</b> & more", "", "]] ]>", "a&amp;b"], &random) + "]]>"
            default: text += pick(words, &random).replacingOccurrences(of: "&", with: "&amp;")
            }
        }
        return text
    }

    /// Attributes in a random order, quoting and spacing; values with entities and `>`.
    static func attributes(_ names: [String], _ random: inout SplitMix64) -> String {
        var result = ""
        for name in names.shuffled(using: &random) where random.next() % 4 != 0 {
            let value = pick(["A1", "s", "inlineStr", "7", "a>b", "x &amp; y", "say &quot;hi&quot;", "it's", "&lt;tag&gt;", ""], &random)
            let quote = value.contains("'") || random.next() % 2 == 0 ? "\"" : "'"
            let spacing = pick([" ", "  ", "\n ", "\t"], &random)
            let equals = pick(["=", " = ", "= "], &random)
            result += spacing + name + equals + quote + value + quote
        }
        return result
    }

    static func cell(_ random: inout SplitMix64) -> String {
        let name = pick(["c", "x:c"], &random)
        let open = "<" + name + attributes(["r", "s", "t", "x14ac:dyDescent", "cm"], &random)
        switch random.next() % 6 {
        case 0: return open + pick(["/>", " />"], &random)
        case 1: return open + "><v>" + text(&random) + "</v></" + name + pick([">", " >"], &random)
        case 2: return open + "><f>SUM(A1:A2)</f><v>" + text(&random) + "</v></" + name + ">"
        case 3:  // rich text runs with phonetic guides
            return open + "><is><r><rPr><b/><sz val=\"11\"/></rPr><t xml:space=\"preserve\">" + text(&random) + "</t></r><r><t>"
                + text(&random) + "</t></r><rPh sb=\"0\" eb=\"1\"><t>" + text(&random) + "</t></rPh></is></" + name + ">"
        case 4: return open + "><!-- a comment > with < signs --><v>" + text(&random) + "</v><?pi data?></" + name + ">"
        default: return open + ">" + pick(["\n  ", ""], &random) + "<v>" + text(&random) + "</v>\n</" + name + ">"
        }
    }

    static func document(_ random: inout SplitMix64) -> [UInt8] {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:x=\"urn:x\" xmlns:x14ac=\"urn:x14ac\">"
            + "<sheetData>"
        for row in 1...Int(1 + random.next() % 4) {
            xml += "<row r=\"\(row)\"" + attributes(["spans", "ht"], &random) + ">"
            for _ in 0..<Int(random.next() % 4) { xml += cell(&random) }
            xml += "</row>"
        }
        xml += "</sheetData></worksheet>\n<!-- trailing -->"
        return Array(xml.utf8)
    }

    // MARK: Tests

    @Test func randomDocumentsScanAsXMLParserReadsThem() throws {
        var random = SplitMix64(seed: 18)
        var checked = 0
        for _ in 0..<60 {
            let document = Self.document(&random)
            let expected = try #require(Self.referenceEvents(document), "XMLParser refused \(String(decoding: document, as: UTF8.self))")
            #expect(try Self.scannerEvents(document, cuts: []) == expected)
            // Split in two at every position.
            for cut in 0...document.count {
                let events = try Self.scannerEvents(document, cuts: [cut])
                #expect(events == expected, "cut at \(cut) of \(String(decoding: document, as: UTF8.self))")
                if events != expected { return }
                checked += 1
            }
            // Cut into random small chunks.
            for _ in 0..<20 {
                var cuts: [Int] = [], position = 0
                while position < document.count {
                    position += Int(1 + random.next() % 9)
                    cuts.append(position)
                }
                #expect(try Self.scannerEvents(document, cuts: cuts) == expected)
            }
        }
        #expect(checked > 10_000)
    }

    @Test func attributesAreFoundByLocalNameInAnyOrder() throws {
        let tag = Array("<x:c t = 's'\n x14ac:dyDescent=\"0.25\" r=\"B7\" s='a>b'/>".utf8)
        var seen: [String: String] = [:], name = "", kind: XMLChunkScanner.Token.Kind?
        var scanner = XMLChunkScanner(maxTokenBytes: 1024)
        try scanner.feed(bytes: tag) { token in
            name = String(decoding: token.bytes, as: UTF8.self)
            kind = token.kind
            for key in ["r", "s", "t", "dyDescent", "missing"] as [StaticString] {
                if let value = token.attribute(key) { seen["\(key)"] = String(decoding: value, as: UTF8.self) }
            }
        }
        try scanner.finish { _ in }
        #expect(name == "c")
        #expect(kind == .empty)
        #expect(seen == ["r": "B7", "s": "a>b", "t": "s", "dyDescent": "0.25"])
    }

    @Test func aTokenLongerThanTheLimitIsRefusedAcrossChunks() {
        var scanner = XMLChunkScanner(maxTokenBytes: 1024)
        let long = Array(("<v>" + String(repeating: "x", count: 3000)).utf8)
        #expect(throws: XMLChunkScanner.ScanError<Never>.self) {
            for start in stride(from: 0, to: long.count, by: 100) {
                try long[start..<min(long.count, start + 100)].withUnsafeBytes { chunk in try scanner.feed(chunk) { _ in } }
            }
        }
    }

    @Test func theDecoderKeepsUnknownReferencesAndDecodesExcelEscapes() {
        var output: [UInt8] = []
        let raw = Array("a&amp;b &bogus; &#xD800; _x000D_ _x00e9_ _xZZZZ_ &#65;&".utf8)
        raw.withUnsafeBufferPointer { XMLText.appendDecoded($0, to: &output) }
        #expect(String(decoding: output, as: UTF8.self) == "a&b &bogus; &#xD800; \r é _xZZZZ_ A&")
    }

    /// The whole-number fast path gives exactly what the General format gives.
    @Test func plainIntegersReadAsTheGeneralFormatShowsThem() {
        var random = SplitMix64(seed: 7)
        let pieces = ["0", "1", "9", "5", "-", "+", ".", "e", " ", "00"]
        var fast = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int(1 + random.next() % 18) { text += Self.pick(pieces, &random) }
            let bytes = Array(text.utf8)
            let trimmed = String(decoding: bytes[RawCSVRecord.trimASCIIBlanks(0..<bytes.count, in: bytes)], as: UTF8.self)
            guard let digits = WorkbookSheetReader.plainInteger(bytes) else { continue }
            fast += 1
            let number = Double(trimmed)
            #expect(number != nil, "\(text.debugDescription)")
            if let number {
                #expect(String(decoding: bytes[digits], as: UTF8.self) == WorkbookSheetReader.generalText(number, raw: trimmed),
                        "\(text.debugDescription)")
            }
        }
        #expect(fast > 1000)
        for refused in ["007", "-0", "1.0", "1e3", "+5", "1234567890123456", "", " "] {
            #expect(WorkbookSheetReader.plainInteger(Array(refused.utf8)) == nil, "\(refused)")
        }
    }

    /// A sheet of several hundred kilobytes (so its XML crosses the archive's
    /// chunks at arbitrary places) with cells of every kind, read by the sheet
    /// reader and by a plain reading of each cell.
    @Test func aLargeRandomSheetReadsAsItsCellsSay() throws {
        var random = SplitMix64(seed: 42)
        var book = TestWorkbook()
        var expected: [Int: [String]] = [:]
        let numbers = ["12", "-3", "007", "1.50", "1e3", "-0", " 42 ", "0", "123456789012345", "1234567890123456", "0.1"]
        var row = 0
        while row < 4000 {
            row += Int(1 + random.next() % 3)
            var cells: [(String, TestWorkbook.Cell)] = []
            var fields: [String] = []
            for column in 0..<Int(1 + random.next() % 8) where random.next() % 5 != 0 {
                let value: String
                let cell: TestWorkbook.Cell
                switch random.next() % 5 {
                case 0:
                    let raw = Self.pick(numbers, &random)
                    let trimmed = raw.trimmingCharacters(in: .whitespaces)
                    value = WorkbookSheetReader.generalText(Double(trimmed) ?? .nan, raw: trimmed)
                    cell = .number(raw)
                case 1:
                    let serial = Int(random.next() % 50_000) + 61
                    value = ExcelDate.isoText(serial: Double(serial), uses1904: false) ?? "?"
                    cell = .date(serial)
                case 2:
                    value = Self.pick(Self.words, &random) + " & <" + String(row) + ">"
                    cell = .inline(value)
                default:
                    value = Self.pick(Self.words, &random) + "; " + Self.pick(Self.words, &random) + " " + String(row)
                    cell = .text(value)
                }
                cells.append((TestWorkbook.letters(column), cell))
                while fields.count < column { fields.append("") }
                fields.append(value)
            }
            book.rows.append((row, cells))
            if !cells.isEmpty { expected[row] = fields }
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mm-xlsx-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try book.write(to: url)
        let reader = try WorkbookSheetReader(url: url, fileName: "big.xlsx", sheet: nil, limits: .default)
        var read: [Int: [String]] = [:]
        try reader.forEachRow { record in
            read[record.line] = (0..<record.count).map { record.string(at: $0) }
            return .more
        }
        #expect(reader.diagnostics.errorCount == 0 && reader.diagnostics.warningCount == 0)
        #expect(read.count == expected.count)
        for (line, fields) in expected.sorted(by: { $0.key < $1.key }) where read[line] != fields {
            Issue.record("row \(line): \(read[line] ?? []) instead of \(fields)")
            return
        }
    }
    /// Rich text runs are joined, phonetic guides left out, CDATA and prefixed
    /// names read, a formula's cached string kept, a style-less number copied.
    @Test func richTextPhoneticGuidesAndPrefixesReadAsTheirText() throws {
        var book = TestWorkbook()
        book.rows.append((1, [
            ("A", .raw("<c r=\"A1\" t=\"inlineStr\"><is><r><t xml:space=\"preserve\">Nano </t></r><r><rPr><b/></rPr><t>&amp; Co</t></r>"
                       + "<rPh sb=\"0\" eb=\"1\"><t>\u{30CA}\u{30CE}</t></rPh></is></c>")),
            ("B", .raw("<x:c r=\"B1\" t=\"str\"><x:f>A1</x:f><x:v><![CDATA[a <b> & c]]></x:v></x:c>")),
            ("C", .raw("<c t=\"n\" r=\"C1\"><v> 42 </v></c>")),
            ("E", .raw("<c s=\"0\" r=\"E1\" t=\"b\"><v>1</v></c>")),
        ]))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mm-xlsx-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try book.write(to: url)
        let reader = try WorkbookSheetReader(url: url, fileName: "rich.xlsx", sheet: nil, limits: .default)
        var rows: [[String]] = []
        try reader.forEachRow { record in
            rows.append((0..<record.count).map { record.string(at: $0) })
            return .more
        }
        #expect(rows == [["Nano & Co", "a <b> & c", "42", "", "TRUE"]])
        #expect(reader.formulaCount == 1)
        #expect(reader.firstFormulaCell == "Sheet1!B1")
    }
}
