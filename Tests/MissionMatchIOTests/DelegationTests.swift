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
            // The files it names that are missing, in the same pass.
            #expect(lines.contains("programme.yaml:2: key 'candidates': 'nowhere.csv' does not exist"), "\(lines)")
            #expect(lines.contains("programme.yaml:5: key 'mission': 'missing.yaml' does not exist"), "\(lines)")
            #expect(error.diagnostics.hasMissingFile)
        }
    }

    /// A programme of the bundled SMEs on Toronto and Shanghai, with preferences written into the SMEs file.
    static func preferenceProgramme(in folder: URL, reference: ReferenceData,
                                    preferences: [String: (wants: [String], refuses: [String])]) throws -> URL {
        var smes = try ParticipantReader(referenceData: reference)
            .read(contentsOf: data.appendingPathComponent("programme/delegation-candidates-2019.csv")).value
        for index in smes.indices {
            guard let wish = preferences[smes[index].id] else { continue }
            smes[index].wantsMissions = wish.wants
            smes[index].refusesMissions = wish.refuses
        }
        try Data(ParticipantCSVWriter().csv(for: smes).utf8).write(to: folder.appendingPathComponent("smes.csv"))
        let missions = data.appendingPathComponent("missions").path
        let url = folder.appendingPathComponent("programme.yaml")
        try Data("""
            id: wishes
            candidates: smes.csv
            missions:
              - mission: \(missions)/toronto-2019.yaml
                delegation: {seats: 6}
              - mission: \(missions)/shanghai-2019.yaml
                delegation: {seats: 6}
            """.utf8).write(to: url)
        return url
    }

    @Test("wants_missions and refuses_missions end to end: known columns, a refused mission never given, a wish worth 10 % more")
    func preferencesEndToEnd() throws {
        let reference = try Self.reference()
        let options = DelegationPlanner.Options(congestionRounds: 0)
        let plainFolder = try TemporaryFolder()
        let plainURL = try Self.preferenceProgramme(in: plainFolder.url, reference: reference, preferences: [:])
        let plainProgramme = try ProgrammeLoader(referenceData: reference).load(contentsOf: plainURL).value
        let plain = try DelegationPipeline(reference: reference, options: options).run(plainProgramme).delegation
        let first = try #require(plain.missions[0].delegates.first)      // Toronto's best SME
        let other = try #require(plain.missions[1].delegates.last)       // Shanghai's last delegate
        let folder = try TemporaryFolder()
        let url = try Self.preferenceProgramme(in: folder.url, reference: reference, preferences: [
            first.participant: ([], ["toronto-2019"]), other.participant: (["shanghai-2019"], []),
        ])
        let read = try ProgrammeLoader(referenceData: reference).load(contentsOf: url)
        #expect(!read.diagnostics.warningLines.joined().contains("wants_missions"), "\(read.diagnostics.warningLines)")
        #expect(read.value.candidates.first { $0.id == first.participant }?.refusesMissions == ["toronto-2019"])
        let wished = try DelegationPipeline(reference: reference, options: options).run(read.value).delegation
        #expect(!wished.missions[0].delegates.contains { $0.participant == first.participant })
        let raised = try #require(wished.missions[1].delegates.first { $0.participant == other.participant })
        #expect(abs(raised.value - other.value * 1.1) < 1e-9)
        #expect(raised.reasons.contains("wants this mission"))
        // The participants written for `run` carry no programme preferences.
        let written = try DelegationPipeline(reference: reference, options: options).run(read.value, writingParticipants: true)
        let participants = String(decoding: try #require(written.file("participants/shanghai-2019.csv")).contents, as: UTF8.self)
        #expect(!participants.contains("wants_missions"))
    }

    @Test("A preference naming no mission of the programme, or not an id, is an error at its line and column")
    func preferenceErrors() throws {
        let reference = try Self.reference()
        let folder = try TemporaryFolder()
        let url = try Self.preferenceProgramme(in: folder.url, reference: reference, preferences: ["sme-001": (["mars-2030"], [])])
        do {
            _ = try ProgrammeLoader(referenceData: reference).load(contentsOf: url)
            Issue.record("an unknown mission id was accepted")
        } catch {
            let lines = error.diagnostics.errorLines.joined(separator: "\n")
            #expect(lines.contains("smes.csv:2: column 'wants_missions': 'mars-2030' (SME sme-001) is not a mission of the programme"), "\(lines)")
        }
        let bad = try folder.file("bad.csv", """
            id,name,country,offers,wants_missions,refuses_missions
            a,A,CZ,coatings,toronto-2019,toronto-2019
            b,B,CZ,coatings,\(String(repeating: "x", count: 130)),
            """)
        do {
            _ = try ParticipantReader(referenceData: reference).read(contentsOf: bad)
            Issue.record("bad preferences were accepted")
        } catch {
            let lines = error.diagnostics.errorLines.joined(separator: "\n")
            #expect(lines.contains("bad.csv:2: column 'refuses_missions': 'toronto-2019' is both wanted and refused"), "\(lines)")
            #expect(lines.contains("bad.csv:3: column 'wants_missions':") && lines.contains("is not a mission id"), "\(lines)")
        }
    }

    @Test("Reasons measure scores against the mission's own: its top 10 %, the counterparts named with their scores")
    func reasonsOnTheScoreScale() throws {
        let reference = try Self.reference()
        let programme = try ProgrammeLoader(referenceData: reference)
            .load(contentsOf: Self.data.appendingPathComponent("programme/delegations-2019.yaml")).value
        let delegation = try DelegationPipeline(reference: reference).run(programme).delegation
        for mission in delegation.missions {
            var thresholds = Set<String>()
            var strong = 0
            for delegate in mission.delegates {
                let reasons = delegate.reasons
                guard let range = reasons.range(of: " in the mission's top 10 % of scores (≥ ") else {
                    #expect(reasons.hasPrefix("best counterparts: "), "\(reasons)")
                    continue
                }
                strong += 1
                let threshold = String(reasons[range.upperBound...].prefix(4))
                thresholds.insert(threshold)
                let count = try #require(reasons[..<range.lowerBound].split(separator: " ").first.flatMap { Int($0) })
                #expect(count >= 1 && count <= delegate.firstMeetings.count, "\(reasons)")
                // The counterparts named (up to 3) each show a score at or above the threshold.
                let named = reasons[range.upperBound...].split(separator: ";").first ?? ""
                let shown = named.split(separator: "(").dropFirst().compactMap { Double($0.prefix(4)) }
                #expect(!shown.isEmpty && shown.allSatisfy { $0 >= (Double(threshold) ?? 1) - 0.005 }, "\(reasons)")
            }
            #expect(strong > mission.delegates.count / 2, "delegates are among the best: most reach the mission's top 10 %")
            #expect(thresholds.count == 1)
            #expect(thresholds.allSatisfy { (Double($0) ?? 1) < 0.5 }, "the bundled scores are below 0.5: \(thresholds)")
        }
    }
}
