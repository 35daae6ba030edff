import Foundation
import MissionMatch
import Testing
@testable import MissionMatchIO

@Suite("missionmatch delegate as a library: programme file, pipeline, outputs")
struct DelegationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = repository.appendingPathComponent("Data")

    static func reference() throws -> ReferenceData { try ReferenceDataLoader.load(from: data).value }

    @Test("The bundled programme: seats filled, quotas met, participants files that run plans")
    func bundledProgramme() throws {
        let reference = try Self.reference()
        let programme = try ProgrammeLoader(referenceData: reference)
            .load(contentsOf: Self.data.appendingPathComponent("programme/delegations-2019.yaml")).value
        #expect(programme.candidates.count == 329)
        #expect(programme.missions.map(\.mission.id) == ["toronto-2019", "shanghai-2019", "washington-philadelphia-2019"])
        let result = try DelegationPipeline(reference: reference).run(programme, writingParticipants: true)
        let delegation = result.delegation
        #expect(delegation.missions.map(\.delegates.count) == [16, 16, 14])
        #expect(delegation.solution.minimumPlacesFilled == delegation.solution.minimumPlacesAsked)
        #expect(delegation.findings.isEmpty)
        #expect(delegation.leftHome.count == 329 - 46)
        #expect(delegation.missions.allSatisfy { $0.quotas.allSatisfy { $0.sent >= $0.quota.minimum && $0.sent <= ($0.quota.maximum ?? .max) } })
        #expect(delegation.missions[2].cost <= 40_000)
        // Nobody travels twice (max_missions_per_sme: 1); ranks are 1…n by value.
        let sent = delegation.missions.flatMap { $0.delegates.map(\.participant) }
        #expect(Set(sent).count == sent.count)
        for mission in delegation.missions {
            #expect(mission.delegates.map(\.rank) == Array(1...mission.delegates.count))
            #expect(zip(mission.delegates, mission.delegates.dropFirst()).allSatisfy { $0.value >= $1.value })
            #expect(mission.delegates.allSatisfy { !$0.firstMeetings.isEmpty && !$0.reasons.isEmpty })
        }
        let csv = String(decoding: try #require(result.file("delegations.csv")).contents, as: UTF8.self)
        #expect(csv.hasPrefix("mission_id,participant_id,name,cluster,country,value,rank,cost,reasons\n"))
        #expect(csv.split(separator: "\n").count == 47)
        #expect(result.file("first-meetings/toronto-2019.csv") != nil)
        let markdown = String(decoding: try #require(result.file("delegations.md")).contents, as: UTF8.self)
        #expect(markdown.contains("min-cost flow (exact), optimal"))
        #expect(markdown.contains("## Left home"))

        // --write-participants: the written mission and participants load and plan.
        let folder = try TemporaryFolder()
        _ = try result.write(to: folder.url)
        let loaded = try MissionLoader(referenceData: reference)
            .load(contentsOf: folder.url.appendingPathComponent("missions/toronto-2019.yaml")).value
        #expect(loaded.participants.count == 16 + delegation.missions[0].counterparts.count)
        #expect(Set(loaded.participants.filter { $0.side == loaded.mission.sides.first }.map(\.id))
                == Set(delegation.missions[0].delegates.map(\.participant)))
        let planned = try MissionPipeline(reference: reference).run(loaded.validated)
        #expect(planned.plan.agenda.stats.meetings > 0)
    }

    @Test("Quotas that cannot be met are explained in the organiser's words")
    func infeasibleQuotas() throws {
        let folder = try TemporaryFolder()
        let missions = Self.data.appendingPathComponent("missions").path
        let url = try folder.file("programme.yaml", """
            id: tight
            candidates: \(Self.data.appendingPathComponent("programme/delegation-candidates-2019.csv").path)
            missions:
              - mission: \(missions)/toronto-2019.yaml
                delegation:
                  seats: 4
                  clusters:
                    CLEAN: {min: 40}
                    TWEED: {min: 3, max: 1}
                  partnerships:
                    nf4: {min: 3}
            """)
        let reference = try Self.reference()
        let programme = try ProgrammeLoader(referenceData: reference).load(contentsOf: url).value
        let delegation = try DelegationPipeline(reference: reference).run(programme).delegation
        let findings = delegation.findings.joined(separator: "\n")
        #expect(findings.contains("asks for at least 40 SMEs of cluster CLEAN, but only"))
        #expect(findings.contains("at least 3 SMEs of cluster TWEED and at most 1"))
        #expect(findings.contains("ask for at least") && findings.contains("but the mission has 4 seats"))
        #expect(delegation.missions[0].delegates.count == 4)
        #expect(delegation.solution.minimumPlacesFilled < delegation.solution.minimumPlacesAsked)
    }

    @Test("Every error of a programme file at its line, all at once")
    func programmeErrors() throws {
        let folder = try TemporaryFolder()
        let url = try folder.file("programme.yaml", """
            id: broken
            candidates: nowhere.csv
            max_missions_per_sme: 0
            missions:
              - mission: missing.yaml
                delegation:
                  seat: 3
              - mission: missing.yaml
                delegation:
                  seats: -1
                  each_cluster: {min: x}
            """)
        do {
            _ = try ProgrammeLoader(referenceData: try Self.reference()).load(contentsOf: url)
            Issue.record("a broken programme was accepted")
        } catch let error as ImportError {
            let lines = error.diagnostics.errorLines.joined(separator: "\n")
            #expect(lines.contains("programme.yaml:3: key 'max_missions_per_sme': 0 is less than 1"), "\(lines)")
            #expect(lines.contains("programme.yaml:7: key 'missions[1].delegation.seat': unknown key (did you mean 'seats'?)"), "\(lines)")
            #expect(lines.contains("programme.yaml:10: key 'missions[2].delegation.seats': -1 is less than 0"), "\(lines)")
            #expect(lines.contains("programme.yaml:11: key 'missions[2].delegation.each_cluster.min': 'x' is not a whole number"), "\(lines)")
        }
    }
}
