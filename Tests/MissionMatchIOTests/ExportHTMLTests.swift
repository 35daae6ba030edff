import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

struct ExportHTMLTests {
    private let html = AgendaHTMLWriter().html(for: ExportFixture.agenda, mission: ExportFixture.mission, participants: ExportFixture.participants)

    @Test(arguments: ["<script>", "alert(1)</script>", "\"Lambert\"", "l'Atelier", " & Fils", "<barrier coatings>",
                      "=HYPERLINK(\"http://x\")", "\"lab tests\"", "<2019>"])
    func hostileTextNeverAppearsUnescaped(hostile: String) {
        #expect(!html.contains(hostile))
    }

    @Test func hostileTextAppearsEscaped() {
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Brasserie &quot;Lambert&quot; &amp; Fils, l&#39;Atelier"))
        #expect(html.contains("=HYPERLINK(&quot;http://x&quot;)"))
        #expect(html.contains("participant ../../x"))
    }

    @Test func onePageBreakSectionPerParticipant() {
        let participantPages = html.components(separatedBy: "<section class=\"page participant\"").count - 1
        #expect(participantPages == ExportFixture.participants.count)
        #expect(html.contains(".page { background: #fff;") && html.contains("break-after: page; page-break-after: always;"))
        #expect(html.components(separatedBy: "<section class=\"page").count - 1 == ExportFixture.participants.count + 2)
    }

    @Test func noExternalResourcesAndNoScript() {
        let lowered = html.lowercased()
        for pattern in ["src=", "<script", "<link", "@import", "url(", "href=\"http", "href='http", "href=\"//"] {
            #expect(!lowered.contains(pattern), "\(pattern)")
        }
        // The only links are the index's anchors into the same page.
        let hrefs = html.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs.count == ExportFixture.participants.count)
        #expect(hrefs.allSatisfy { $0.hasPrefix("#p") })
    }

    @Test func participantPageListsTimeTablePartnerAndReasons() throws {
        let start = try #require(html.range(of: "<section class=\"page participant\" id=\"p1\">"))
        let end = try #require(html.range(of: "</section>", range: start.upperBound..<html.endIndex))
        let page = String(html[start.upperBound..<end.lowerBound])
        #expect(page.contains("<h1>Nanoprogress Films s.r.o.</h1>"))
        #expect(page.contains("<th colspan=\"4\">Friday 1 November 2019</th>"))
        #expect(page.contains("<td class=\"time\">09:00–09:20</td><td class=\"table-no\">1</td>"))
        #expect(page.contains("<strong>=HYPERLINK(&quot;http://x&quot;)</strong><span class=\"country\">CA</span>"))
        #expect(page.contains("Monday 4 November 2019"))
        #expect(page.contains("2 meetings · Toronto · 2019-11-01 – 2019-11-04 · times are local (America/Toronto)"))
    }

    @Test func gridHasOneRowPerSlotAndOneColumnPerTable() throws {
        let start = try #require(html.range(of: "<table class=\"grid\">"))
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let grid = String(html[start.upperBound..<end.lowerBound])
        #expect(grid.contains("<th>Time</th><th>Table 1</th><th>Table 2</th>"))
        #expect(grid.components(separatedBy: "<tr><th>").count - 1 == ExportFixture.agenda.slots.count + 1)
        #expect(grid.contains("<tr><th>09:25–09:45</th><td><span>Brasserie &quot;Lambert&quot; &amp; Fils, l&#39;Atelier</span>"))
        #expect(grid.contains("<td></td></tr>"), "an empty table in slot 1")
    }

    @Test func manyTablesAreSplitIntoGridsOfEight() {
        var mission = ExportFixture.mission
        mission.tables = 20
        let html = AgendaHTMLWriter().html(for: ExportFixture.agenda, mission: mission, participants: ExportFixture.participants)
        #expect(html.components(separatedBy: "<table class=\"grid\">").count - 1 == 3)
        #expect(html.contains("<caption>Tables 17–20</caption>"))
    }

    @Test func summaryFiguresAreShown() {
        for figure in ["<dt>Meetings planned</dt><dd>6</dd>", "<dd>5 of 6 (83.3 %)</dd>", "<dd>3.800</dd>", "<dd>4.200</dd>",
                       "<dt>Gap to the bound</dt><dd>9.5 %</dd>", "<dt>Unmet must requests</dt><dd>1</dd>"] {
            #expect(html.contains(figure), "\(figure)")
        }
    }
}

struct HTMLTextTests {
    @Test(arguments: [
        ("<b>\"Lambert\" & l'Atelier</b>", "&lt;b&gt;&quot;Lambert&quot; &amp; l&#39;Atelier&lt;/b&gt;"),
        ("plain été ↔ 😀", "plain été ↔ 😀"), ("", ""), ("&amp;", "&amp;amp;"),
    ])
    func escapesTheFiveCharacters(input: String, expected: String) {
        #expect(HTMLText.escaped(input) == expected)
    }
}
