import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// List tiers on a hand-judged programme (`Tests/EvaluationSets/hand-toronto`,
/// lexical-only): partners listed for their offer↔need fit alone (`LinkTiers`)
/// say so and stand among the linked partners in score order, and no partner
/// labelled `no offer↔need link found` is listed above them.
struct HandJudgedTiersTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("EvaluationSets/hand-toronto")

    @Test func partnersListedForTheirFitAreLabelledAndTiered() throws {
        let reference = try ReferenceDataLoader.load(from: BundledDataTests.folder).value
        let loaded = try MissionLoader(referenceData: reference).load(contentsOf: Self.folder.appendingPathComponent("mission.yaml")).value
        let ranking = try MatchingEngine(reference: reference)
            .rank(mission: loaded.mission, participants: loaded.participants, requests: loaded.requests)
        var labelled = 0
        for list in ranking.recommendations {
            let tier = list.map { $0.reasons.hasPrefix("no offer↔need link found") ? 1 : 0 }
            #expect(tier == tier.sorted(), "\(list.first?.participant ?? "")")
            for (x, y) in zip(list.indices.dropLast(), list.indices.dropFirst()) where tier[x] == tier[y] {
                #expect(list[x].score >= list[y].score, "\(list[x].participant): ranks \(x + 1) and \(y + 1)")
            }
            for row in list where row.reasons.hasPrefix("offer↔need fit without a specific shared term") {
                labelled += 1
                #expect(row.components.complementarity > 0.05)
                #expect(!row.reasons.contains("no offer↔need link found"))
            }
        }
        // 46 of 480 rows when written.
        #expect(labelled >= 20)
    }
}
