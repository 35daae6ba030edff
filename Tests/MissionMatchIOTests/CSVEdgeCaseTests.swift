import Foundation
import MissionMatch
@testable import MissionMatchIO
import PropertyBased
import Testing

/// Cases that let bugs through before: delimiters inside a quoted header
/// name, the field-count limit, and the formula guard on random text.
struct CSVEdgeCaseTests {
    /// The delimiter inside quotes outnumbers the real one: only counting outside quotes picks right.
    @Test(arguments: [
        ("\"a;b;c;d\",x,y\n1,2,3\n", UInt8(ascii: ","), ["a;b;c;d", "x", "y"]),
        ("\"a,b,c,d\";x;y\n1;2;3\n", UInt8(ascii: ";"), ["a,b,c,d", "x", "y"]),
        ("\"a,b;c,d\"\tx\ty\n1\t2\t3\n", UInt8(ascii: "\t"), ["a,b;c,d", "x", "y"]),
        ("\"a\tb\tc\td\",x\n1,2\n", UInt8(ascii: ","), ["a\tb\tc\td", "x"]),
        ("\"line\nbreak;;;\",x,y\n1,2,3\n", UInt8(ascii: ","), ["line\nbreak;;;", "x", "y"]),
    ])
    func delimitersInsideAQuotedHeaderAreNotCounted(_ text: String, _ delimiter: UInt8, _ header: [String]) throws {
        let reader = CSVReader(data: Data(text.utf8))
        let first = try reader.next()
        #expect(reader.delimiter == delimiter)
        #expect(first?.fields == header)
    }

    @Test func tooManyFieldsIsAProblemAtItsLine() throws {
        let reader = CSVReader(data: Data("a,b,c\n1,2,3,4,5\n6,7,8\n".utf8), options: .init(maxFieldsPerRecord: 3))
        #expect(try reader.next()?.problems == [])
        let long = try #require(try reader.next())
        #expect(long.fields == ["1", "2", "3"])
        #expect(long.problems.map(\.kind) == [.tooManyFields(limit: 3)])
        #expect(long.problems.first?.line == 2)
        #expect(try reader.next()?.fields == ["6", "7", "8"])
    }

    @Test func tooManyColumnsIsAnErrorOfTheParticipantsFile() {
        var limits = ImportLimits()
        limits.maxColumns = 5
        let result = readParticipants(Fixtures.csv("a,A,CZ,consortium,x,extra,more"), limits: limits)
        #expect(result.errors.contains("participants.csv:2: the row has more than 5 fields (check the delimiter; files are limited to 5 columns)"))
    }

    /// Random text of formula starters, digits, signs, points, quotes and blanks.
    static let cell = Gen<Character?>.element(of: Array("=+-@\t\r\n 0123456789.,\"'|!Aa(")).map { $0 ?? "a" }
        .string(of: 0...12).map { String($0) }

    /// A strict decimal number: optional `-`, digits, optionally `.` and digits.
    static func isStrictDecimal(_ text: String) -> Bool {
        text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil
    }

    /// The cell a spreadsheet sees: unquoted, `""` read as `"`.
    static func unquoted(_ field: String) -> String {
        guard field.hasPrefix("\""), field.hasSuffix("\""), field.count >= 2 else { return field }
        return String(field.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }

    @Test func noCellStartsAFormulaUnlessItIsAStrictDecimalNumber() async {
        await propertyCheck(count: 2000, input: Self.cell) { text in
            let seen = Self.unquoted(SpreadsheetSafeCSV.escaped(text))
            if let first = seen.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
                #expect(Self.isStrictDecimal(seen), "\(text.debugDescription) → \(seen.debugDescription)")
            }
        }
    }

    @Test(arguments: ["-1+cmd|' /C calc'!A0", "-2-1", "-1.5.3", "-0x10", "-1e5", "-1.", "+1", "-.5"])
    func signedTextThatIsNotADecimalIsNeutralised(_ text: String) {
        #expect(Self.unquoted(SpreadsheetSafeCSV.escaped(text)).hasPrefix("'"))
    }

    @Test(arguments: ["-1", "-0.25", "12", "3.14159"])
    func decimalsStayNumbers(_ text: String) {
        #expect(SpreadsheetSafeCSV.escaped(text) == text)
    }
}
