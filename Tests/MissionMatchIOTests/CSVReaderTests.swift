import Foundation
@testable import MissionMatchIO
import Testing

/// The CSV layer: RFC 4180 quoting, line ends, delimiters, encodings, positions.
struct CSVReaderTests {
    private func records(_ text: String, options: CSVReader.Options = CSVReader.Options()) throws -> [CSVRecord] {
        try records(Data(text.utf8), options: options)
    }

    private func records(_ data: Data, options: CSVReader.Options = CSVReader.Options()) throws -> [CSVRecord] {
        let reader = CSVReader(data: data, options: options)
        var result: [CSVRecord] = []
        while let record = try reader.next() { result.append(record) }
        return result
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func lineEndsAreAllAccepted(_ end: String) throws {
        let rows = try records("a,b\(end)1,2\(end)3,4\(end)")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(rows.map(\.line) == [1, 2, 3])
    }

    @Test func lastLineWithoutLineEndIsRead() throws {
        #expect(try records("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let rows = try records("id,text\n1,\"a, \"\"quoted\"\"\r\nline\"\n2,\"\"\n")
        #expect(rows.map(\.fields) == [["id", "text"], ["1", "a, \"quoted\"\r\nline"], ["2", ""]])
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    @Test(arguments: [(",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("\t", UInt8(ascii: "\t"))])
    func delimiterIsDetectedFromTheHeader(_ delimiter: String, _ byte: UInt8) throws {
        let reader = CSVReader(data: Data("id\(delimiter)name\(delimiter)\"x,y;z\"\n1\(delimiter)A\(delimiter)B\n".utf8))
        let header = try reader.next()
        #expect(reader.delimiter == byte)
        #expect(header?.fields == ["id", "name", "x,y;z"])
        #expect(try reader.next()?.fields == ["1", "A", "B"])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let reader = CSVReader(data: Data([0xEF, 0xBB, 0xBF] + Array("id,name\n".utf8)))
        #expect(try reader.next()?.fields == ["id", "name"])
        #expect(reader.hadByteOrderMark)
        #expect(reader.encoding == .utf8)
    }

    @Test func byteOrderMarkIsSkippedEvenWhenTheRestIsWindows1252() throws {
        let reader = CSVReader(data: Data([0xEF, 0xBB, 0xBF] + Array("id,name\n1,Caf".utf8) + [0xE9, 0x0A]))
        #expect(try reader.next()?.fields == ["id", "name"])
        #expect(try reader.next()?.fields == ["1", "Café"])
        #expect(reader.encoding == .windows1252)
    }

    @Test func invalidUTF8IsReadAsWindows1252() throws {
        // "Société Générale – 5€" in Windows-1252.
        let bytes: [UInt8] = Array("id,name\n1,Soci".utf8) + [0xE9] + Array("t".utf8) + [0xE9] + Array(" G".utf8) + [0xE9]
            + Array("n".utf8) + [0xE9] + Array("rale ".utf8) + [0x96] + Array(" 5".utf8) + [0x80] + [0x0A]
        let reader = CSVReader(data: Data(bytes))
        _ = try reader.next()
        #expect(try reader.next()?.fields == ["1", "Société Générale – 5€"])
        #expect(reader.encoding == .windows1252)
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let rows = try records("a,b\n\n1,2\r\n\r\n3,4\n\n")
        #expect(rows.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(rows.map(\.line) == [1, 3, 5])
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() throws {
        let rows = try records("id,name\n1,\"Nano films\n2,Greenpack\n")
        let problem = try #require(rows.last?.problems.first)
        #expect(problem.kind == .unterminatedQuote)
        #expect(problem.line == 2)
        #expect(problem.character == 3)
        #expect(problem.fieldIndex == 1)
    }

    @Test func strayQuoteAndTextAfterClosingQuoteHaveExactPositions() throws {
        let rows = try records("id,name\n1,Envases \"Med\" S.L.\n2,\"Green\"pack,x\n")
        #expect(rows[1].problems == [CSVProblem(kind: .strayQuote, line: 2, character: 11, fieldIndex: 1)])
        #expect(rows[1].fields == ["1", "Envases \"Med\" S.L."])
        #expect(rows[2].problems == [CSVProblem(kind: .textAfterClosingQuote, line: 3, character: 10, fieldIndex: 1)])
        #expect(rows[2].fields == ["2", "Greenpack", "x"])
    }

    @Test func charactersAreCountedNotBytes() throws {
        let rows = try records("a,b\nČeská,Žluť\"x\n")
        #expect(rows[1].problems.first?.character == 11)
    }

    @Test func longFieldsAreCutAndReported() throws {
        let long = String(repeating: "x", count: 100)
        let rows = try records("a,b\n1,\(long)\n2,ok\n", options: CSVReader.Options(maxFieldBytes: 10, chunkSize: 16))
        #expect(rows[1].fields[1].count == 10)
        #expect(rows[1].problems.map(\.kind) == [.fieldTooLong(limit: 10)])
        #expect(rows[2].fields == ["2", "ok"])
    }

    @Test func chunkBoundariesDoNotMatter() throws {
        let text = "id,name,offers\n1,\"Česká \"\"nano\"\"\",\"a\r\nb\"\r\n2,Žluť,c\r"
        let expected = try records(text)
        for chunkSize in [16, 17, 19, 23, 64] {
            #expect(try records(text, options: CSVReader.Options(chunkSize: chunkSize)) == expected)
        }
    }

    @Test func readsFromAFileInChunks() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("p.csv", "id;name\r\n1;\"a;b\"\r\n")
        let reader = try CSVReader(contentsOf: url, options: CSVReader.Options(chunkSize: 16))
        #expect(try reader.next()?.fields == ["id", "name"])
        #expect(try reader.next()?.fields == ["1", "a;b"])
        #expect(try reader.next() == nil)
        #expect(reader.delimiter == UInt8(ascii: ";"))
    }
}
