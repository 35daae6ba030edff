import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// Memory across missions: what an earlier mission's agenda and outcomes say
/// about who already met, recognised by organisation name, marked in the
/// recommendations and masked by `exclude_met_before`.
struct MeetingHistoryTests {
    typealias F = ExportFixture

    static func participant(_ id: String, _ name: String, side: Side) -> Participant {
        var participant = Participant(id: id, name: name, country: side == "consortium" ? "CZ" : "CA")
        participant.side = side
        return participant
    }

    @Test func heldMeetingsAndAgreementsCountNoShowsDoNot() throws {
        let outcomes = try OutcomesTests.read(OutcomesTests.outcomesCSV).value
        var history = MeetingHistory()
        history.record(mission: F.mission, participants: OutcomesTests.participants, agenda: F.agenda, outcomes: outcomes)
        // Another mission's files: other ids, the same organisations (names folded: case and punctuation ignored).
        let nano = Self.participant("wdc-eu-7", "NANOPROGRESS FILMS, s.r.o.", side: "consortium")
        let hyperlink = Self.participant("wdc-us-1", "=HYPERLINK(\"http://x\")", side: "counterpart")
        let longName = Self.participant("wdc-us-2", F.longName, side: "counterpart")
        let script = Self.participant("wdc-eu-9", "<script>alert(1)</script>", side: "consortium")
        let lambert = Self.participant("wdc-eu-3", "Brasserie \"Lambert\" & Fils, l'Atelier", side: "consortium")
        let maple = Self.participant("wdc-us-3", "Maple *Bio* Polymers | [Inc.](http://evil.example)", side: "counterpart")
        let name = F.mission.name
        #expect(history.priorMeetings(between: nano, and: hyperlink).map(\.description)
            == ["met at \(name), rated 5/4, cooperation agreement"])
        #expect(history.priorMeetings(between: hyperlink, and: nano).map(\.description)
            == ["met at \(name), rated 4/5, cooperation agreement"], "ratings follow the order asked")
        #expect(history.priorMeetings(between: script, and: longName).isEmpty, "a no-show is not a meeting")
        #expect(history.priorMeetings(between: script, and: hyperlink).isEmpty, "a cancelled meeting is not one either")
        #expect(history.priorMeetings(between: lambert, and: hyperlink).map(\.description) == ["on the agenda of \(name)"],
                "not reported: on the agenda, outcome unknown")
        #expect(history.priorMeetings(between: lambert, and: maple).map(\.description) == ["MoU after \(name)"])
        #expect(history.priorMeetings(between: nano, and: nano).isEmpty)
        #expect(history.pairCount == 5)
    }

    @Test func recommendationsAreMarkedOrMaskedByTheRule() throws {
        let reference = try ReferenceDataLoader.bundled()
        let loaded = try MissionLoader(referenceData: reference).load(contentsOf: Fixtures.missionURL).value
        let pipeline = MissionPipeline(reference: reference)
        let first = try pipeline.run(loaded.validated)
        // The same organisations met last year, at a mission with another id.
        var earlier = loaded.mission
        earlier.id = "shanghai-2018"
        earlier.name = "Shanghai 2018"
        var history = MeetingHistory()
        history.record(mission: earlier, participants: loaded.participants, agenda: first.plan.agenda)
        let met = Set(first.plan.agenda.meetings.map { Set([$0.participantA, $0.participantB]) })

        let marked = try pipeline.run(loaded.validated, history: history)
        let recommendations = marked.ranking.recommendations.flatMap { $0 }
        let metPairs = recommendations.filter { met.contains(Set([$0.participant, $0.partner])) }
        #expect(!metPairs.isEmpty)
        for recommendation in recommendations {
            let didMeet = met.contains(Set([recommendation.participant, recommendation.partner]))
            #expect(recommendation.metBefore == (didMeet ? ["shanghai-2018"] : []))
            #expect(recommendation.reasons.hasSuffix("; on the agenda of Shanghai 2018") == didMeet, "\(recommendation.reasons)")
        }
        let csv = String(decoding: try #require(marked.file("recommendations.csv")).contents, as: UTF8.self)
        let rows = try RecommendationsReader().readCSV(Data(csv.utf8), displayName: "recommendations.csv").value
        #expect(rows.map(\.metBefore) == recommendations.map(\.metBefore), "met_before reads back as written")

        var strict = loaded.validated.mission
        strict.rules.excludeMetBefore = true
        let masked = try pipeline.run(try InputValidator(reference: reference).validate(
            mission: strict, participants: loaded.participants, requests: loaded.requests).value, history: history)
        let maskedRecommendations = masked.ranking.recommendations.flatMap { $0 }
        #expect(!maskedRecommendations.isEmpty)
        #expect(maskedRecommendations.allSatisfy { !met.contains(Set([$0.participant, $0.partner])) })
        let mustPairs = Set(loaded.requests.filter { $0.priority == .must }.map { Set([$0.from, $0.to]) })
        #expect(masked.plan.agenda.meetings.allSatisfy { meeting in
            let pair = Set([meeting.participantA, meeting.participantB])
            return !met.contains(pair) || mustPairs.contains(pair)
        }, "only a must request brings a pair that met back onto the agenda")
    }

    @Test func theRuleIsReadAndWritten() throws {
        let yaml = try String(contentsOf: Fixtures.missionURL, encoding: .utf8)
            .replacingOccurrences(of: "  require_common_language: false", with: "  require_common_language: false\n  exclude_met_before: true")
        let file = try MissionReader(referenceData: Fixtures.reference)
            .read(Data(yaml.utf8), format: .yaml, displayName: "m.yaml", baseURL: Fixtures.missionURL.deletingLastPathComponent()).value
        #expect(file.mission.rules.excludeMetBefore)
        #expect(MissionFileWriter().yaml(for: file.mission).contains("  exclude_met_before: true\n"))
    }
}
