import Foundation
@testable import MissionMatchIO
import Testing

/// `agenda.html` and `outcomes.html` rendered by a real browser (Debian's
/// chromium, headless) through `Scripts/render_agenda.sh`; runs when
/// `chromium` is on PATH (about 2 s a page), and must run (fails without
/// chromium) when `MISSIONMATCH_BROWSER=1`, as in CI (`.ci/run` sets it, and
/// `Scripts/ensure-deps.sh` then installs chromium). With
/// `MISSIONMATCH_RENDER_KEEP=DIR`, the outcomes pictures are copied to `DIR`
/// to be looked at.
@Suite(.enabled("needs chromium on PATH (apt-get install chromium)") {
    ExportProcess.which("chromium") != nil || ProcessInfo.processInfo.environment["MISSIONMATCH_BROWSER"] == "1"
})
struct ExportRenderingTests {
    @Test func chromiumRendersTheAgendaToARealPicture() throws {
        try #require(ExportProcess.which("chromium") != nil,
                     "MISSIONMATCH_BROWSER=1 but chromium is not on PATH (Scripts/ensure-deps.sh installs it)")
        let folder = try TemporaryFolder()
        let html = try folder.file("agenda.html", AgendaHTMLWriter().html(for: ExportFixture.agenda, mission: ExportFixture.mission, participants: ExportFixture.participants))
        let png = folder.url.appendingPathComponent("agenda.png")
        let script = ExportProcess.repository.appendingPathComponent("Scripts/render_agenda.sh").path
        let result = try ExportProcess.run("/bin/bash", [script, html.path, png.path, "1000x2400"])
        #expect(result.status == 0, "\(result.output)")
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        // The IHDR chunk holds the width and height asked for.
        let bytes = [UInt8](data)
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1000 && height == 2400)
        // A blank page compresses to a few kilobytes of nearly constant bytes; text and tables do not.
        #expect(data.count > 40_000, "\(data.count) bytes")
        #expect(Set(bytes).count > 250)
    }

    @Test func chromiumRendersTheOutcomesReportToARealPictureAndPages() throws {
        try #require(ExportProcess.which("chromium") != nil,
                     "MISSIONMATCH_BROWSER=1 but chromium is not on PATH (Scripts/ensure-deps.sh installs it)")
        let folder = try TemporaryFolder()
        let html = try folder.file("outcomes.html", OutcomeReportHTMLWriter(generator: "missionmatch 0.1.0").html(for: OutcomeFixture.programme))
        let png = folder.url.appendingPathComponent("outcomes.png"), pdf = folder.url.appendingPathComponent("outcomes.pdf")
        let script = ExportProcess.repository.appendingPathComponent("Scripts/render_agenda.sh").path
        let picture = try ExportProcess.run("/bin/bash", [script, html.path, png.path, "1000x3200"])
        #expect(picture.status == 0, "\(picture.output)")
        let printed = try ExportProcess.run("/bin/bash", [script, "--pdf", html.path, pdf.path])
        #expect(printed.status == 0, "\(printed.output)")
        if let keep = ProcessInfo.processInfo.environment["MISSIONMATCH_RENDER_KEEP"] {
            for file in [html, png, pdf] {
                let target = URL(fileURLWithPath: keep).appendingPathComponent(file.lastPathComponent)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: file, to: target)
            }
        }
        let bytes = [UInt8](try Data(contentsOf: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG")
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1000 && height == 3200)
        // Charts, text and tables: far from a blank page's few kilobytes of nearly constant bytes.
        #expect(bytes.count > 60_000, "\(bytes.count) bytes")
        #expect(Set(bytes).count > 250)
        // Printed: the programme, then each mission from a new page, so at least three A4 pages.
        let pages = ExportRenderingTests.pageCount(try Data(contentsOf: pdf))
        #expect(pages >= 3 && pages <= 12, "\(pages) pages")
    }

    /// The pages of a PDF: its `/Type /Page` objects (not `/Pages`).
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").dropFirst().filter { !$0.hasPrefix("s") }.count
    }
}
