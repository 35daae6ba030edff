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

    /// Cells with what the byte-level fast path must hand to the full rules: controls (C0, C1 as
    /// `U+0085`), the no-break and other Unicode spaces, a bidi override, combining marks, quotes.
    static let wideCell = Gen<Character?>.element(of: Array("=+-@\t\r\n 0123456789.,\"'|!Aaé↔(") + [
        "\u{85}", "\u{A0}", "\u{2003}", "\u{202E}", "\u{3000}", "\u{7F}", "\u{1B}", "e\u{301}", "\u{600}",
    ]).map { $0 ?? "a" }.string(of: 0...14).map { String($0) }

    @Test func appendEscapedWritesTheBytesOfEscaped() async {
        await propertyCheck(count: 5000, input: Self.wideCell) { text in
            var bytes: [UInt8] = [7]
            SpreadsheetSafeCSV.appendEscaped(text, to: &bytes)
            #expect(bytes == [7] + Array(SpreadsheetSafeCSV.escaped(text).utf8), "\(text.debugDescription)")
        }
    }

    @Test(arguments: ["", " ", "a", "a,b", "\"q\"", "-1", "-1,5", "=1+1", "@x", "Côte d'Or, Dijon", "x ", "\u{A0}x", "x\u{2003}",
                      "offers what they need: cold chain logistics; targets CA", "a\u{85}b"])
    func appendEscapedOnKnownCells(_ text: String) {
        var bytes: [UInt8] = []
        SpreadsheetSafeCSV.appendEscaped(text, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == SpreadsheetSafeCSV.escaped(text))
    }

    @Test func fixedPointAppendWritesTheBytesOfFormat() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.00005, -0.00005, 0.99995, 1, -1, 9.0e11, 8.99e15, 9.1e15, -3e20,
                                .nan, .infinity, -.infinity, .leastNonzeroMagnitude, 0.71235]
        for _ in 0..<3000 {
            let magnitude = pow(10, Double.random(in: -6...12, using: &generator))
            values.append(Double.random(in: -magnitude...magnitude, using: &generator))
        }
        for value in values {
            for digits in 0...9 {
                var bytes: [UInt8] = [1, 2]
                FixedPoint.append(value, digits: digits, to: &bytes)
                #expect(bytes == [1, 2] + Array(FixedPoint.format(value, digits: digits).utf8), "\(value), \(digits) digits")
            }
        }
        #expect(FixedPoint.format(.nan, digits: 4) == "0.0000")
        #expect(FixedPoint.format(-.infinity, digits: 0) == "0")
        #expect(FixedPoint.format(0.71235, digits: 4) == "0.7124")
        #expect(FixedPoint.format(-0.00004, digits: 4) == "0.0000")
    }

    /// The writer's rows are SpreadsheetSafeCSV lines of the fields, for hostile fields too.
    @Test func recommendationRowsAreSpreadsheetSafeLines() {
        let components = ScoreComponents(offerToNeed: 0.3, needFromOffer: 0.2, complementarity: 0.25, similarity: -0.0123,
                                         competition: 0.5, sector: 1, country: 0.5, cooperation: .nan)
        let ids = ["eu-0001", "=HYPERLINK(\"x\")", " padded ", "Côte d'Or", "-5", "a\u{85}b", ""]
        let reasons = ["offers what they need: cold chain logistics; targets CA", "-not a number", "said \"hi\", twice",
                       "line\nbreak", "\u{A0}lead", "plain"]
        var lists: [[Recommendation]] = []
        var expected = SpreadsheetSafeCSV(header: RecommendationsCSVWriter.header).text
        for (index, id) in ids.enumerated() {
            let list = reasons.enumerated().map { rank, reason in
                Recommendation(participant: id, rank: rank + 1, partner: ids[(index + rank) % ids.count],
                               score: Double(rank) / 7, components: components, reasons: reason)
            }
            for r in list {
                let c = r.components
                SpreadsheetSafeCSV.appendLine([
                    r.participant, String(r.rank), r.partner, FixedPoint.format(r.score, digits: 4),
                    FixedPoint.format(c.complementarity, digits: 4), FixedPoint.format(c.similarity, digits: 4),
                    FixedPoint.format(c.sector, digits: 4), FixedPoint.format(c.country, digits: 4),
                    FixedPoint.format(c.cooperation, digits: 4), r.reasons, FixedPoint.format(c.competition, digits: 4),
                    r.metBefore.joined(separator: "|"),
                ], to: &expected)
            }
            lists.append(list)
        }
        #expect(RecommendationsCSVWriter().csv(for: lists) == expected)
    }
}
