import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// `.xlsx` participants and requests: the same records, rules and messages as
/// CSV, with messages naming sheet!cell; hostile workbooks stop at a limit.
struct WorkbookReadingTests {
    static let data = BundledDataTests.folder
    static let header = ["id", "name", "country", "type", "sectors", "offers", "needs"]

    private func reference() throws -> ReferenceData { try ReferenceDataLoader.load(from: Self.data).value }

    /// A file `name` in a folder of its own; the caller removes the folder.
    private func temporary(_ name: String) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mm-xlsx-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(name)
    }

    private func readError(_ book: TestWorkbook, limits: ImportLimits = .default, columns: TableMapping? = nil) throws -> [String] {
        let url = temporary("participants.xlsx")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try book.write(to: url)
        let reader = ParticipantReader(referenceData: try reference(), limits: limits, columns: columns)
        do {
            _ = try reader.read(contentsOf: url, displayName: "participants.xlsx")
            Issue.record("the workbook was accepted")
            return []
        } catch {
            return error.diagnostics.errorLines
        }
    }

    @Test func cellsOfEveryKindReadLikeTheCSV() throws {
        var book = TestWorkbook.table(Self.header, [])
        book.rows.append((2, [("A", .text("cz-01")), ("B", .inline("Nano & Co <s.r.o.>")), ("C", .text("Czech Republic")),
                              ("D", .text("sme")), ("E", .text("packaging; food")), ("F", .text("We make films"))]))
        // Row 3 left out (blank), row 4 sparse: only A, B, C and G; a formula's cached value is read.
        book.rows.append((4, [("A", .text("fr-02")), ("B", .formula("CONCAT(\"Moutarde\",\" SA\")", cached: "Moutarde SA")),
                              ("C", .text("FR")), ("G", .text("glass jars"))]))
        book.rows.append((9, [("A", .raw("<c r=\"A9\" s=\"0\"/>"))]))  // an empty styled trailing row
        let url = temporary("p.xlsx")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try book.write(to: url)
        let read = try ParticipantReader(referenceData: try reference()).read(contentsOf: url, displayName: "p.xlsx")
        #expect(read.value.map(\.id) == ["cz-01", "fr-02"])
        #expect(read.value[0].name == "Nano & Co <s.r.o.>")
        #expect(read.value[0].country == "CZ")
        #expect(read.value[0].sectors == ["packaging", "food"])
        #expect(read.value[1].name == "Moutarde SA")
        #expect(read.value[1].needs == "glass jars")
        #expect(read.value[1].source == SourceLocation(file: "p.xlsx", line: 4))
    }

    @Test func errorsNameTheSheetAndCell() throws {
        let book = TestWorkbook.table(Self.header, [["cz-01", "Nano", "Czechoslovakia", "sme", "", "films", ""],
                                                    ["cz-01", "", "CZ", "sme", "", "films", ""]], sheet: "Export 2025")
        let lines = try readError(book)
        #expect(lines.contains { $0.hasPrefix("participants.xlsx:'Export 2025'!C2: column 'country': 'Czechoslovakia' is not a known country") })
        #expect(lines.contains { $0.hasPrefix("participants.xlsx:'Export 2025'!B3: column 'name': the name is missing") })
        #expect(lines.contains { $0.hasPrefix("participants.xlsx:'Export 2025'!A3: column 'id': 'cz-01' is already the id of row 2") })
        #expect(lines.allSatisfy { $0.hasPrefix("participants.xlsx:'Export 2025'!") }, "\(lines)")
    }

    @Test func aMissingColumnAndAnErrorValueNameTheirCells() throws {
        var book = TestWorkbook.table(["id", "name", "offers"], [["a-1", "A", "films"]])
        book.rows.append((3, [("A", .text("a-2")), ("B", .raw("<c r=\"B3\" t=\"e\"><v>#N/A</v></c>")), ("C", .text("x"))]))
        book.rows.append((4, [("A", .text("a-3")), ("B", .text("C")), ("C", .text("y")), ("E", .text("stray"))]))
        let lines = try readError(book)
        #expect(lines.contains { $0.hasPrefix("participants.xlsx:Sheet1!A1: column 'country': required column is missing") }, "\(lines)")
        let values = try readError({
            var fixed = book
            fixed.rows[0] = (1, [("A", .text("id")), ("B", .text("name")), ("C", .text("offers")), ("D", .text("country"))])
            return fixed
        }())
        #expect(values.contains { $0.hasPrefix("participants.xlsx:Sheet1!B3: the cell holds the error value #N/A") }, "\(values)")
        #expect(values.contains { $0.hasPrefix("participants.xlsx:Sheet1!E4: the cell is right of the header's last column") }, "\(values)")
    }

    @Test func datesStoredAsNumbersBecomeISODates() {
        #expect(ExcelDate.isoText(serial: 43_550, uses1904: false) == "2019-03-26")
        #expect(ExcelDate.isoText(serial: 1, uses1904: false) == "1900-01-01")
        #expect(ExcelDate.isoText(serial: 61, uses1904: false) == "1900-03-01")
        #expect(ExcelDate.isoText(serial: 60, uses1904: false) == nil)  // Lotus's 29 February 1900
        #expect(ExcelDate.isoText(serial: 0, uses1904: true) == "1904-01-01")
        #expect(ExcelDate.isoText(serial: 43_550.375, uses1904: false) == "2019-03-26T09:00")
        #expect(CellStyles.isDateCode("yyyy-mm-dd"))
        #expect(CellStyles.isDateCode("[$-409]d-mmm-yy"))
        #expect(!CellStyles.isDateCode("0.00"))
        #expect(!CellStyles.isDateCode("#,##0\" days\""))
        #expect(WorkbookSheetReader.generalText(42, raw: "42") == "42")
        #expect(WorkbookSheetReader.generalText(0.1 + 0.2, raw: "0.30000000000000004") == "0.3")
    }

    @Test func aDateCellIsReadThroughItsStyle() throws {
        var book = TestWorkbook.table(["from", "to", "priority", "note"], [])
        book.rows.append((2, [("A", .text("a")), ("B", .text("b")), ("C", .text("must")), ("D", .date(43_550))]))
        let url = temporary("r.xlsx")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try book.write(to: url)
        var a = Participant(id: "a", name: "A", country: "CZ"); a.offers = "x"
        var b = Participant(id: "b", name: "B", country: "FR"); b.offers = "y"
        let read = try MeetingRequestReader(participants: [a, b]).read(contentsOf: url, displayName: "r.xlsx")
        #expect(read.value.first?.note == "2019-03-26")
    }

    @Test func aZipBombStopsAtTheRatioLimit() throws {
        let filler = String(repeating: "<row/>", count: 1_000_000)  // 6 MB that deflate about 1,000 times
        var book = TestWorkbook.table(Self.header, [])
        let header = Self.header.map { "<c t=\"inlineStr\"><is><t>\($0)</t></is></c>" }.joined()
        book.rawSheetXML = "<worksheet><sheetData><row>\(header)</row>\(filler)</sheetData></worksheet>"
        let lines = try readError(book)
        #expect(lines.contains { $0.contains("decompresses more than 500 times its stored size") }, "\(lines)")
        var small = ImportLimits()
        small.maxWorkbookBytes = 1 << 20
        let total = try readError(book, limits: small)
        #expect(total.contains { $0.contains("the workbook decompresses to more than 1 MB") }, "\(total)")
    }

    @Test func hostileXMLIsRefused() throws {
        var book = TestWorkbook.table(Self.header, [])
        book.rawSheetXML = "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a;</t></is></c></row></sheetData></worksheet>"
        #expect(try readError(book).contains { $0.contains("document type declaration") })
        book.rawSheetXML = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>99</v></c></row></sheetData></worksheet>"
        #expect(try readError(book).contains { $0.hasPrefix("participants.xlsx:Sheet1!A1: the cell refers to shared string '99'") })
        let url = temporary("not.xlsx")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try Data("id,name\n".utf8).write(to: url)
        #expect(throws: ImportError.self) { try ParticipantReader(referenceData: try reference()).read(contentsOf: url) }
    }

    @Test func rowsOfOneOrganisationAreGroupedAndConflictsNameBothRows() throws {
        let header = ["Org ID", "Organisation", "Land", "Offer", "Request", "Areas"]
        let rows = [["o-1", "Alpha", "Germany", "robots", "", "automotive; electronics"],
                    ["o-2", "Beta", "FR", "", "glass jars", "packaging"],
                    ["o-1", "Alpha", "DE", "", "pilot sites", "electronics; energy"],
                    ["o-1", "Alpha", "Germany", "vision systems", "", ""]]
        var mapping = TableMapping(groupBy: "id", fields: [
            FieldMapping(field: "id", columns: ["Org ID"]), FieldMapping(field: "name", columns: ["Organisation"]),
            FieldMapping(field: "country", columns: ["Land"], values: ["germany": "DE"]),
            FieldMapping(field: "offers", columns: ["Offer"]), FieldMapping(field: "needs", columns: ["Request"]),
            FieldMapping(field: "sectors", columns: ["Areas"], separator: ";")], sourceFile: "map.yaml")
        let url = temporary("g.xlsx")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try TestWorkbook.table(header, rows).write(to: url)
        let read = try ParticipantReader(referenceData: try reference(), columns: mapping).read(contentsOf: url, displayName: "g.xlsx")
        #expect(read.value.map(\.id) == ["o-1", "o-2"])
        #expect(read.value[0].offers == "robots\nvision systems")
        #expect(read.value[0].needs == "pilot sites")
        #expect(read.value[0].sectors == ["automotive", "electronics", "energy"])
        #expect(read.notes == ["g.xlsx: 4 rows became 2 participants, grouped by 'id'"])
        // The same rows as CSV read the same.
        let csv = try ParticipantReader(referenceData: try reference(), columns: mapping).readCSV(
            Data(([header] + rows).map { $0.map { "\"\($0)\"" }.joined(separator: ",") }.joined(separator: "\n").utf8), displayName: "g.csv")
        #expect(csv.value == read.value.map { var p = $0; p.source = SourceLocation(file: "g.csv", line: p.source?.line ?? 0); return p })
        // Two countries for one organisation.
        mapping.fields[2].values = [:]
        let lines = try readError(TestWorkbook.table(header, rows.map { $0[2] == "DE" ? $0.enumerated().map { $0.offset == 2 ? "FR" : $0.element } : $0 }),
                                  columns: mapping)
        #expect(lines.contains { $0.hasPrefix("participants.xlsx:Sheet1!C4: column 'country': 'FR' differs from 'Germany' in row 2, and both rows belong to 'o-1'") }, "\(lines)")
    }

    @Test func aMappingNamingAnAbsentColumnIsAnErrorAtItsLine() throws {
        let mapping = try ColumnMappingReader().read(Data("""
            columns:
              participants:
                name: Organisation name
                type: {column: Kind, values: {SME: sme}}
            """.utf8), displayName: "map.yaml").value
        let lines = try readError(TestWorkbook.table(["id", "Organization name", "country", "Kind", "offers"], [["a", "A", "CZ", "SME", "x"]]),
                                  columns: mapping.participants)
        #expect(lines.contains { $0.hasPrefix("map.yaml:3: key 'columns.name': participants.xlsx has no column 'Organisation name' (did you mean 'Organization name'?)") }, "\(lines)")
        #expect(throws: ImportError.self) { try ColumnMappingReader().read(Data("columns:\n  participants:\n    nmae: X\n".utf8), displayName: "m.yaml") }
    }

    /// A value map's targets are checked when the mapping is read, each at its
    /// line, so an organiser learns of a wrong target before any row uses it.
    @Test func valueMapTargetsThatAreNoValueOfTheirFieldAreErrorsAtTheirLine() throws {
        let text = """
            columns:
              participants:
                type:
                  column: Organization type
                  values: {"SME": sme, "University": research,
                           "Other": other}
                cooperation: {column: Sought, separator: ";", values: {"Sales": commercial, "JV": joint-venture-ish}}
                languages: {column: Languages, values: {"Deutsch": de}}
            """
        do {
            _ = try ColumnMappingReader().read(Data(text.utf8), displayName: "map.yaml")
            Issue.record("the mapping was accepted")
        } catch {
            let lines = error.diagnostics.errorLines
            #expect(lines.count == 2, "\(lines)")
            #expect(lines.contains { $0.hasPrefix("map.yaml:6: key 'columns.participants.type.values.Other': 'other' is not a value of 'type'") }, "\(lines)")
            #expect(lines.contains { $0.contains("'joint-venture-ish' is not a value of 'cooperation'") && $0.contains("commercial") }, "\(lines)")
        }
        let fine = try ColumnMappingReader().read(Data(text.replacingOccurrences(of: "\"Other\": other", with: "\"Other\": intermediary")
            .replacingOccurrences(of: "joint-venture-ish", with: "joint_venture").utf8), displayName: "map.yaml").value
        #expect(fine.participants?.fields.first { $0.field == "type" }?.values["other"] == "intermediary")
    }

    /// The bundled escp4i mission and its event-platform export (written by
    /// openpyxl, Scripts/data/make_workbook_example.py) give the same bytes.
    @Test func theBundledWorkbookGivesTheCSVsRecommendationsAndAgenda() throws {
        let reference = try reference()
        let csv = try MissionLoader(referenceData: reference).load(contentsOf: Self.data.appendingPathComponent("missions/escp4i-matchmaking-2019.yaml"))
        let workbook = try MissionLoader(referenceData: reference)
            .load(contentsOf: Self.data.appendingPathComponent("workbook/escp4i-matchmaking-2019-workbook.yaml")).value
        #expect(workbook.notes.count == 1)
        #expect(workbook.file.mission.id == csv.value.mission.id)
        var options = MissionPipeline.Options()
        options.ranking.workers = 2
        let pipeline = MissionPipeline(reference: reference, options: options)
        let fromCSV = try pipeline.run(csv.value.validated)
        let fromWorkbook = try pipeline.run(workbook.validated)
        for name in ["recommendations.csv", "agenda.csv", "agenda.json"] {
            #expect(fromCSV.file(name)?.contents == fromWorkbook.file(name)?.contents, "\(name)")
        }
        #expect(fromWorkbook.file("agenda.csv") != nil)
    }
}
