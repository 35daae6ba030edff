import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// A mission with its participants and requests, read together.
struct MissionLoaderTests {
    @Test func fixtureMissionLoadsClean() throws {
        let loaded = try MissionLoader(referenceData: Fixtures.reference).load(contentsOf: Fixtures.missionURL)
        #expect(loaded.diagnostics.errorCount == 0)
        #expect(loaded.value.participants.count == 6)
        #expect(loaded.value.requests.map(\.priority) == [.must, .wish, .block])
        let spanish = try #require(loaded.value.participants.first { $0.id == "es-pack-03" })
        #expect(spanish.name == "Envases \"Mediterráneo\" S.L.")
        #expect(spanish.country == "ES")
        #expect(spanish.representatives == 2)
    }

    @Test func missingParticipantsFileIsReportedAtTheMissionsLine() throws {
        let folder = try TemporaryFolder()
        let text = try String(contentsOf: Fixtures.missionURL, encoding: .utf8)
            .replacingOccurrences(of: "../participants/shanghai-mini.csv", with: "nowhere.csv")
        let url = try folder.file("m.yaml", text)
        #expect {
            try MissionLoader(referenceData: Fixtures.reference).load(contentsOf: url, displayName: "m.yaml")
        } throws: { error in
            guard let error = error as? ImportError else { return false }
            return error.isMissingFile && error.diagnostics.errorLines.first?
                .hasPrefix("m.yaml:7: key 'participants': 'nowhere.csv' does not exist") == true
        }
    }

    @Test func errorsOfAllFilesAreCollected() throws {
        let folder = try TemporaryFolder()
        let mission = try String(contentsOf: Fixtures.missionURL, encoding: .utf8)
            .replacingOccurrences(of: "../participants/shanghai-mini.csv", with: "p.csv")
            .replacingOccurrences(of: "../requests/shanghai-mini.csv", with: "r.csv")
        let url = try folder.file("m.yaml", mission)
        _ = try folder.file("p.csv", "id,name,country,side,offers\na,A,Atlantis,consortium,x\nb,B,CN,counterpart,y\n")
        _ = try folder.file("r.csv", "from,to,priority\na,b,must\n")
        do {
            _ = try MissionLoader(referenceData: Fixtures.reference).load(contentsOf: url)
            Issue.record("expected errors")
        } catch {
            #expect(error.diagnostics.errorLines.count == 1)
            #expect(error.diagnostics.errorLines.first?.hasSuffix("p.csv:2: column 'country': 'Atlantis' is not a known country (use an ISO code such as DE or CZ, or an English name such as Germany)") == true)
        }
    }
}
