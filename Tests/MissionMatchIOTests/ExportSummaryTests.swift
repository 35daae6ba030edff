import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

struct ExportSummaryTests {
    private let markdown = SummaryWriter(warnings: ExportFixture.warnings).markdown(for: ExportFixture.agenda, mission: ExportFixture.mission, participants: ExportFixture.participants)

    @Test(arguments: [
        ("*Acme* | <b>", "\\*Acme\\* \\| \\<b\\>"),
        ("[x](http://e)", "\\[x\\](http://e)"),
        ("# heading", "\\# heading"), ("- item", "\\- item"), ("1. first", "1\\. first"), ("12) x", "12\\) x"),
        ("a-b #1", "a-b #1"), ("line\nbreak\ttab", "line break tab"), ("`code` & _u_ ~s~ !", "\\`code\\` \\& \\_u\\_ \\~s\\~ \\!"),
        ("back\\slash", "back\\\\slash"), ("=HYPERLINK(\"http://x\")", "\\=HYPERLINK(\"http://x\")"),
    ])
    func markdownIsEscaped(input: String, expected: String) {
        #expect(MarkdownText.escaped(input) == expected)
    }

    @Test func figuresAreThere() {
        for line in [
            "| Participants | 6 (consortium 3, counterpart 3) |",
            "| Meetings planned | 6 |",
            "| Slot × table places filled | 6 of 8 (75.0 %) |",
            "| Coverage (participants with a meeting) | 5 of 6 (83.3 %) |",
            "| Meetings per participant | min 0, median 2, max 3 |",
            "| Gap to the bound | 9.5 % |",
            "| B2B meetings | 10 | 6 of 10 (60.0 %) |",
            "| Cooperation agreements | 2 | counted after the mission |",
        ] {
            #expect(markdown.contains(line + "\n"), "\(line)")
        }
    }

    @Test func warningsComeFirstAndHostileTextIsEscaped() throws {
        let warnings = try #require(markdown.range(of: "## Warnings"))
        let glance = try #require(markdown.range(of: "## At a glance"))
        #expect(warnings.lowerBound < glance.lowerBound)
        #expect(markdown.contains("- ⚠ 2 participants have no availability \\| check \\<participants.csv\\>\n"))
        #expect(markdown.contains("| Maple \\*Bio\\* Polymers \\| \\[Inc.\\](http://evil.example) | ca-03 | 0 | 1 | "))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.hasPrefix("# Cleantech \\& Packaging mission to Toronto \\<2019\\> — summary\n"))
    }

    @Test func unmetRequestsAndCancellationsAreListed() {
        #expect(markdown.contains("## Unmet must requests\n\n- Brasserie \"Lambert\" \\& Fils, l'Atelier (eu-03) → "))
        #expect(markdown.contains("(CA): ca-03 withdrew; its flight was cancelled\n"))
    }

    @Test func noWarningsSectionWithoutWarnings() {
        let quiet = SummaryWriter().markdown(for: ExportFixture.agenda, mission: ExportFixture.mission, participants: ExportFixture.participants)
        #expect(!quiet.contains("## Warnings"))
    }
}
