import Foundation
@testable import missionmatch
import Testing

/// `missionmatch fit-weights --from-outcomes`: parsing, and the real binary
/// on the bundled Toronto outcomes and the agenda handed out.
struct FitWeightsCommandTests {
    typealias V = ValidateCommandTests
    static let data = RankCommandTests.data
    static let toronto = RankCommandTests.toronto
    static let handedOut = data.appendingPathComponent("outcomes/handed-out").path

    @Test func theTwoModesAreExclusive() throws {
        let outcomes = try FitWeights.parse(["a.yaml", "b.yaml", "--from-outcomes"])
        #expect(outcomes.fromOutcomes && outcomes.runFolder == nil && outcomes.truth.isEmpty)
        let run = try FitWeights.parse(["a.yaml", "--from-outcomes", "--run", "RUN"])
        #expect(run.runFolder == "RUN")
        let truth = try FitWeights.parse(["a.yaml", "--truth", "t.csv"])
        #expect(!truth.fromOutcomes && truth.truth == ["t.csv"])
        #expect(throws: (any Error).self) { try FitWeights.parse(["a.yaml", "--from-outcomes", "--truth", "t.csv"]) }
        #expect(throws: (any Error).self) { try FitWeights.parse(["a.yaml", "--truth", "t.csv", "--run", "RUN"]) }
        #expect(throws: (any Error).self) { try FitWeights.parse(["a.yaml"]) }
        #expect(throws: (any Error).self) { try FitWeights.parse(["a.yaml", "b.yaml", "--truth", "t.csv"]) }
    }

    /// The grade of one row of an outcomes file, written out again from
    /// FileFormats §6b and `docs/MatchQuality.md` (not from the library).
    static func grade(_ row: [String]) -> Int? {
        let (meeting, held, followUp) = (row[1], row[9], row[12])
        guard !meeting.isEmpty, held == "yes" else { return nil }
        if ["cooperation_agreement", "business_agreement", "mou"].contains(followUp) { return 3 }
        let ratings = [row[10], row[11]].compactMap { Int($0) }
        if followUp == "contact" || (ratings.count == 2 && ratings.allSatisfy { $0 >= 4 }) { return 2 }
        guard let lowest = ratings.min() else { return nil }
        return lowest <= 2 ? 0 : 1
    }

    @Test func theBundledOutcomesAreFittedOrRefusedWithTheDocumentedShape() throws {
        let arguments = ["fit-weights", Self.toronto, "--from-outcomes", "--run", Self.handedOut, "--data", Self.data.path]
        let run = try V.run(arguments)
        // An independent count of the labelled meetings.
        let csv = try String(contentsOf: Self.data.appendingPathComponent("outcomes/toronto-2019.csv"), encoding: .utf8)
        let grades = OutcomesCommandTests.records(csv).dropFirst().compactMap(Self.grade)
        let counts = (0...3).map { grade in grades.count { $0 == grade } }
        #expect(grades.count > 300)
        #expect(run.errors.contains("note: toronto-2019: \(grades.count) labelled meetings of 388 on the agenda "
                                    + "(agreement \(counts[3]), useful \(counts[2]), held \(counts[1]), judged bad \(counts[0]))"),
                "\(run.errors)")
        switch run.status {
        case 0:
            let lines = run.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            #expect(lines.prefix(11).map { $0.split(separator: ":").first.map(String.init) ?? "" }
                    == ["weights", "  complementarity", "  latent_share", "  semantic_share", "  similarity", "  competition",
                        "  sector", "  country", "  cooperation", "  reciprocity", "  calibrated"])
            #expect(lines.contains("labelled meetings: \(grades.count) (agreement \(counts[3]), useful \(counts[2]), "
                                   + "held \(counts[1]), judged bad \(counts[0]))"))
            #expect(lines.contains { $0.hasPrefix("toronto-2019 ") })
            #expect(lines.contains { $0.hasPrefix("gain over the current weights: +") && $0.contains("lower bound +") && $0.contains("at 2.33 standard errors") })
        case 65:
            #expect(run.output == "", "nothing printed as weights")
            #expect(run.errors.contains("missionmatch: fit-weights --from-outcomes refused: "))
            #expect(run.errors.contains("no weights printed; the mission files are unchanged"))
            #expect(run.errors.contains("held-out NDCG@10      fitted  current\ntoronto-2019  "))
        default:
            Issue.record("exit \(run.status): \(run.errors)")
        }
        print("fit-weights --from-outcomes on the bundled Toronto outcomes: exit \(run.status)\n\(run.output)\(run.errors)")
        // The same inputs, the same conclusion, byte for byte.
        let again = try V.run(arguments)
        #expect(again.status == run.status && again.output == run.output && again.errors == run.errors)
    }

    @Test func aMissingAgendaIsMissingInput() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("missionmatch-fit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let run = try V.run(["fit-weights", Self.toronto, "--from-outcomes", "--run", empty.path, "--data", Self.data.path])
        #expect(run.status == 66)
        #expect(run.output == "")
        #expect(run.errors.contains("the agenda handed out for toronto-2019 is not there"))
        let usage = try V.run(["fit-weights", Self.toronto, "--from-outcomes", "--truth", "t.csv"])
        #expect(usage.status == 64)
    }
}
