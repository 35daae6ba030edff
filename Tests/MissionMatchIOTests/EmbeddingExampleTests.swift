import Foundation
import MatchCore
import MissionMatch
import MissionMatchIO
import Testing

// The README's example for another Swift package ("For another Swift package:
// the libraries"), verbatim: keep the two in step.

/// Plans one mission and writes everything an organiser sends out into `out/<mission-id>/`.
func planAndExport(mission path: String, into out: URL) throws -> [URL] {
    // 1. Load: reference data (the bundled Data/ or your own folder with the same
    //    layout), then the mission with its participants and requests, validated.
    let reference = try ReferenceDataLoader.load(from: DataDirectory.locate()).value
    let loaded = try MissionLoader(referenceData: reference)
        .load(contentsOf: URL(fileURLWithPath: path)).value
    let (mission, participants, requests) = (loaded.mission, loaded.participants, loaded.requests)

    // 2. Rank: every participant's recommended partners, with reasons.
    let ranking = try MatchingEngine(reference: reference)
        .rank(mission: mission, participants: participants, requests: requests)

    // 3. Plan: the agenda from each participant's best 30 candidates;
    //    plan.agenda.stats has meetings, total score, upper bound and gap.
    let plan = AgendaPlanner().plan(
        mission: mission, participants: participants, requests: requests,
        candidates: ranking.agendaCandidates(limit: 30))

    // 4. Export: recommendations.csv, agenda.csv, agenda.json, then agenda.html,
    //    summary.md and calendars/*.ics, each written atomically, never over an input.
    let tables = [
        ExportedFile(relativePath: "recommendations.csv",
                     contents: Data(RecommendationsCSVWriter.csv(for: ranking.recommendations).utf8)),
        ExportedFile(relativePath: "agenda.csv", contents: Data(AgendaCSVWriter().csv(for: plan.agenda).utf8)),
        ExportedFile(relativePath: "agenda.json",
                     contents: Data(AgendaJSONWriter().json(for: plan.agenda, findings: plan.findings).utf8)),
    ]
    return try MissionExport.write(
        agenda: plan.agenda, mission: mission, participants: participants,
        warnings: BLASReport.inspect(measure: false).warnings, extraFiles: tables,
        to: out.appendingPathComponent(mission.id),
        output: OutputFile(protectedInputs: [loaded.file.url, loaded.file.participantsURL].compactMap { $0 }))
}

/// The README's embedding example compiles and works on the bundled Toronto mission.
struct EmbeddingExampleTests {
    @Test func readmeExampleExportsTheTorontoMission() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mm-embed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let mission = BundledDataTests.folder.appendingPathComponent("missions/toronto-2019.yaml").path

        let written = try planAndExport(mission: mission, into: out)

        let folder = out.appendingPathComponent("toronto-2019")
        let names = written.map { $0.path.replacingOccurrences(of: folder.path + "/", with: "") }
        #expect(Array(names.prefix(2)) == ["agenda.html", "summary.md"])
        #expect(Array(names.suffix(3)) == ["recommendations.csv", "agenda.csv", "agenda.json"])
        let calendars = names.filter { $0.hasPrefix("calendars/") && $0.hasSuffix(".ics") }
        #expect(calendars.count == 160)
        let agenda = try String(contentsOf: folder.appendingPathComponent("agenda.csv"), encoding: .utf8)
        #expect(agenda.hasPrefix("meeting_id,date,start,end,table,participant_a,participant_b,score,reasons\n"))
        let rows = agenda.split(separator: "\n").count - 1
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("agenda.json"))) as? [String: Any]
        let stats = try #require(json?["stats"] as? [String: Any])
        #expect(stats["meetings"] as? Int == rows)
        #expect(rows > 300)
        for name in names {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
        }
    }
}
