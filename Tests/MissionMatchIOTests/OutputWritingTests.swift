import Foundation
import Testing
@testable import MissionMatchIO

struct SpreadsheetSafeCSVTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
        ("+33 1 23", "'+33 1 23"),
        ("-cmd", "'-cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tlead", "'\tlead"),
        ("\rlead", "\"'\rlead\""),
        ("-0.25", "-0.25"),
        ("-1.", "'-1."),          // not a strict decimal: a trailing point is neutralised
        ("-1.5.2", "'-1.5.2"),
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("Brasserie \"Lambert\"", "\"Brasserie \"\"Lambert\"\"\""),
        ("", ""),
    ])
    func fieldsAreNeutralisedAndQuoted(input: String, expected: String) {
        #expect(SpreadsheetSafeCSV.escaped(input) == expected)
    }

    @Test func documentHasHeaderAndRows() {
        var csv = SpreadsheetSafeCSV(header: ["a", "b"])
        csv.append(["1", "x y"])
        #expect(csv.text == "a,b\n1,x y\n")
    }

    @Test(arguments: [
        (0.71235, 4, "0.7124"), (3.0, 2, "3.00"), (-1.5, 4, "-1.5000"), (0.0, 3, "0.000"),
        (-0.00001, 2, "0.00"), (Double.nan, 2, "0.00"), (12345.678, 0, "12346"), (0.1 + 0.2, 4, "0.3000"),
    ])
    func fixedPoint(value: Double, digits: Int, expected: String) {
        #expect(FixedPoint.format(value, digits: digits) == expected)
    }

    /// The byte-writing formatter against the plain one it replaced (string
    /// concatenation of `String(whole)` and the zero-padded fraction), on
    /// random magnitudes from 1e-12 to 1e15, both signs, every digit count.
    @Test func fixedPointMatchesTheStringConcatenatingReference() {
        func reference(_ value: Double, digits: Int) -> String {
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
            guard scaled < 9.0e15 else { return String(value) }
            let units = UInt64(scaled), divisor = UInt64(scale)
            var text = (value < 0 && units > 0) ? "-" : ""
            text += String(units / divisor)
            if digits > 0 {
                let fraction = String(units % divisor)
                text += "." + String(repeating: "0", count: digits - fraction.count) + fraction
            }
            return text
        }
        var random = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<20_000 {
            let magnitude = Double.random(in: -12...15, using: &random)
            let value = (Bool.random(using: &random) ? -1 : 1) * Double.random(in: 1...10, using: &random) * pow(10, magnitude)
            let digits = Int.random(in: 0...9, using: &random)
            #expect(FixedPoint.format(value, digits: digits) == reference(value, digits: digits), "\(value), \(digits) digits")
            checked += 1
        }
        for value in [0.0, -0.0, 0.5, -0.5, 0.99995, 9.99995, 1e15 / 3, 8.999e15] {
            for digits in 0...9 { #expect(FixedPoint.format(value, digits: digits) == reference(value, digits: digits)) }
        }
        #expect(checked == 20_000)
    }

    /// The fast path (one pass over the UTF-8 bytes) against the slow path
    /// alone, on random fields of commas, quotes, controls, blanks, formula
    /// signs, accents and no-break spaces.
    @Test func fastPathAgreesWithTheFullRules() {
        let alphabet: [String] = ["a", "Z", "0", ",", "\"", "\n", "\r", "\t", " ", "=", "+", "-", "@", "é", "\u{A0}",
                                  "\u{85}", "\u{1B}", "\u{7F}", "↔", ";", "'", "\u{2003}"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let field = (0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "" }.joined()
            #expect(SpreadsheetSafeCSV.escaped(field) == SpreadsheetSafeCSV.escapedByTheFullRules(field), "\(field.debugDescription)")
        }
    }
}

struct OutputFileTests {
    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appending(path: "mm-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesAndReplacesCreatingFolders() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appending(path: "a/b/out.csv")
        try OutputFile().write("one", to: target)
        try OutputFile().write("two", to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "two")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appending(path: "a/b").path)
        #expect(leftovers == ["out.csv"])
    }

    @Test func refusesToOverwriteAnInput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appending(path: "participants.csv")
        try "id,name\n".write(to: input, atomically: false, encoding: .utf8)
        let writer = OutputFile(protectedInputs: [input])
        let error = #expect(throws: OutputError.self) {
            try writer.write("x", to: folder.appending(path: "./participants.csv"))
        }
        #expect(error?.reason.contains("input") == true)
        #expect(try String(contentsOf: input, encoding: .utf8) == "id,name\n")
    }

    @Test func reportsAnUnwritableFolder() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appending(path: "file")
        try "x".write(to: blocker, atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) {
            try OutputFile().write("x", to: blocker.appending(path: "inside.csv"))
        }
    }
}
