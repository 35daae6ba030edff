import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// ESC, BEL, NUL and bidirectional overrides never reach an output or a
/// terminal raw; ids holding them are refused at import.
struct ControlCharacterTests {
    static let hostile = "Acme\u{1B}]0;TITLE\u{07}\u{1B}[2J\u{0}\u{9B}\u{202E}evil"

    private func hasRawControls(_ text: String, allowing: Set<Unicode.Scalar> = ["\n", "\r", "\t"]) -> Bool {
        text.unicodeScalars.contains { PrintableText.isControl($0) && !allowing.contains($0) }
    }

    @Test func csvCellsLoseTheirControlCharacters() {
        let cell = SpreadsheetSafeCSV.escaped(Self.hostile)
        #expect(!hasRawControls(cell))
        #expect(cell == "Acme]0;TITLE[2J\u{202E}evil")
        // A control character in front of a formula does not hide it from the guard.
        #expect(SpreadsheetSafeCSV.escaped("\u{1B}=cmd") == "'=cmd")
    }

    @Test func htmlTextLosesControlsAndBidiOverrides() {
        let html = HTMLText.escaped(Self.hostile + " <b>")
        #expect(html == "Acme]0;TITLE[2Jevil &lt;b&gt;")
        #expect(HTMLText.escaped("\u{2067}x\u{2069}") == "x")
    }

    @Test func jsonEscapesEveryControlCharacter() {
        let json = AgendaJSONWriter().string(Self.hostile)
        #expect(!hasRawControls(json, allowing: []))
        #expect(json.contains("\\u001b") && json.contains("\\u0000") && json.contains("\\u009b"))
    }

    @Test func markdownLosesControls() {
        #expect(!hasRawControls(MarkdownText.escaped(Self.hostile), allowing: []))
    }

    @Test func terminalMessagesShowControlsVisibly() {
        let shown = PrintableText.terminal("id \u{1B}]0;x\u{07}\n\u{202E}")
        #expect(shown == "id \\u{1B}]0;x\\u{7}\n\\u{202E}")
    }

    @Test func idsWithControlCharactersAreRefused() {
        let errors = participantErrors("\"a\u{1B}[2J\",A,CZ,consortium,x")
        #expect(errors == [
            "participants.csv:2: column 'id': 'a\\u{1B}[2J' holds a control character (use letters, digits and punctuation only; ids name files and appear in agendas)",
        ])
    }

    @Test func diagnosticsShortenLongValues() {
        let long = String(repeating: "x", count: 1 << 20)
        let errors = participantErrors("a,A,\(long),consortium,x")
        #expect(errors.count == 1)
        #expect((errors.first?.utf8.count ?? .max) < 1000)
        #expect(errors.first?.contains("characters left out") == true)
    }
}
