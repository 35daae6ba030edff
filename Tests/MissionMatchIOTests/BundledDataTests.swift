import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The project's own `Data/`: reference data loads and every mission validates clean.
struct BundledDataTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data")
    static let hasReference = FileManager.default.fileExists(atPath: folder.appendingPathComponent("programme/clusters.csv").path)
    static let missionFiles: [URL] = {
        let missions = folder.appendingPathComponent("missions")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: missions.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { missions.appendingPathComponent($0) }
    }()

    @Test func dataFolderIsFoundFromThePackage() throws {
        #expect(try DataDirectory.locate(environment: [:], currentDirectory: Self.folder.deletingLastPathComponent()).path
            == Self.folder.standardizedFileURL.path)
    }

    @Test func referenceDataLoadsClean() throws {
        let loaded = try ReferenceDataLoader.load(from: Self.folder)
        #expect(loaded.diagnostics.warningLines == [])
        let data = loaded.value
        #expect(data.countries.countries.count >= 190)
        for (text, code) in [("USA", "US"), ("United States of America", "US"), ("UK", "GB"), ("Czech Republic", "CZ"),
                             ("Czechia", "CZ"), ("South Korea", "KR"), ("Türkiye", "TR"), ("Turkey", "TR")] {
            #expect(data.countries.country(matching: text)?.alpha2 == code, "\(text)")
        }
        #expect(data.countries.members(of: "EU").count == 27)
        #expect(data.sectors.sector(code: "packaging") != nil)
        #expect(data.sectors.affinity(between: "packaging", and: "food") > 0.5)
        #expect(data.thesaurus.concepts.count >= 200)
        #expect(data.programme.partnerships.count == 4)
        #expect(data.programme.clusters.count == 20)
    }

    @Test func everyMissionValidatesClean() throws {
        let reference = try ReferenceDataLoader.load(from: Self.folder).value
        let ids = Self.missionFiles.map { $0.deletingPathExtension().lastPathComponent }
        for id in ["toronto-2019", "shanghai-2019", "washington-philadelphia-2019", "escp4i-matchmaking-2019"] {
            #expect(ids.contains(id), "Data/missions/\(id).yaml is missing")
        }
        for url in Self.missionFiles {
            do {
                let loaded = try MissionLoader(referenceData: reference).load(contentsOf: url)
                #expect(loaded.diagnostics.warningLines == [], "\(url.lastPathComponent)")
                #expect(loaded.value.mission.id == url.deletingPathExtension().lastPathComponent)
                #expect(!loaded.value.participants.isEmpty)
                #expect(!loaded.value.mission.slots.isEmpty)
                // The samples are what users copy and what the quick start runs: they carry the fitted defaults.
                #expect(loaded.value.mission.weights == .defaults, "\(url.lastPathComponent): weights differ from ScoringWeights.defaults")
            } catch {
                Issue.record("\(url.lastPathComponent) does not validate:\n\(error.diagnostics.errorLines.prefix(20).joined(separator: "\n"))")
            }
        }
    }

    /// The bundled (fictional) outcomes read clean — no error, no warning —
    /// against the agenda handed out that ships with them, and every meeting
    /// of that agenda is reported (FileFormats §6b).
    @Test func theBundledOutcomesFitTheAgendaHandedOut() throws {
        let reference = try ReferenceDataLoader.load(from: Self.folder).value
        let loaded = try OutcomesLoader(referenceData: reference).load(
            missionAt: Self.folder.appendingPathComponent("missions/toronto-2019.yaml"),
            runFolder: Self.folder.appendingPathComponent("outcomes/handed-out"))
        #expect(loaded.diagnostics.warnings.isEmpty, "\(loaded.diagnostics.warningLines)")
        let outcomes = loaded.value
        let meetings = outcomes.agenda.meetings.filter { $0.status == .scheduled }
        #expect(Set(outcomes.outcomes.compactMap(\.meetingID)) == Set(meetings.map(\.id)))
        #expect(outcomes.outcomes.count { $0.meetingID == nil } == 3)
        #expect(outcomes.recommendations?.isEmpty == false)
        #expect(outcomes.outcomesURL?.lastPathComponent == "toronto-2019.csv")
    }
}
