import Foundation
import MissionMatch
import MissionMatchIO

/// The readers under test, one per input format, and the ranking of texts
/// the fuzzer writes. Each reads the fuzzer's bytes; an ``ImportError`` is
/// the expected answer to a bad file, anything else (a trap, an overflow, a
/// sanitizer report, a hang) is a finding.
enum FuzzTarget: String, CaseIterable {
    case participantsCSV = "participants-csv"
    case participantsJSON = "participants-json"
    case missionYAML = "mission-yaml"
    case missionJSON = "mission-json"
    case requests
    case pairScores = "pair-scores"
    case agendaJSON = "agenda-json"
    case vectors
    case recommendations
    case groundTruth = "ground-truth"
    case outcomes
    /// Not a reader: the text pipeline, the scoring and the reasons on texts the fuzzer writes.
    case ranking

    /// The target named by `MISSIONMATCH_FUZZ_TARGET` (default `participants-csv`).
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["MISSIONMATCH_FUZZ_TARGET"] ?? "participants-csv"
        guard let target = FuzzTarget(rawValue: name) else {
            FileHandle.standardError.write(Data("unknown MISSIONMATCH_FUZZ_TARGET '\(name)'; use one of \(allCases.map(\.rawValue))\n".utf8))
            exit(64)
        }
        return target
    }()

    /// Reads `data` with the target's reader, discarding the result.
    func read(_ data: Data) {
        let context = FuzzContext.shared
        switch self {
        case .participantsCSV:
            _ = try? ParticipantReader(referenceData: context.reference, mission: context.mission).readCSV(data, displayName: "p.csv")
        case .participantsJSON:
            _ = try? ParticipantReader(referenceData: context.reference, mission: context.mission).readJSON(data, displayName: "p.json")
        case .missionYAML:
            _ = try? MissionReader(referenceData: context.reference)
                .read(data, format: .yaml, displayName: "m.yaml", baseURL: URL(fileURLWithPath: "/fuzz"))
        case .missionJSON:
            _ = try? MissionReader(referenceData: context.reference)
                .read(data, format: .json, displayName: "m.json", baseURL: URL(fileURLWithPath: "/fuzz"))
        case .requests:
            _ = try? MeetingRequestReader(participants: context.participants, mission: context.mission).readCSV(data, displayName: "r.csv")
        case .pairScores:
            _ = try? PairScoreReader(participants: context.participants, mission: context.mission).readCSV(data, displayName: "s.csv")
        case .agendaJSON:
            _ = try? AgendaReader(mission: context.mission).readJSON(data, displayName: "agenda.json")
        case .vectors:
            _ = try? SemanticVectorsReader(participants: context.participants).readCSV(data, displayName: "v.csv")
        case .recommendations:
            _ = try? RecommendationsReader().readCSV(data, displayName: "recommendations.csv")
        case .groundTruth:
            _ = try? GroundTruthReader().readCSV(data, displayName: "truth.csv")
        case .outcomes:
            _ = try? OutcomesReader(mission: context.mission, participants: context.participants, agenda: context.agenda)
                .readCSV(data, displayName: "outcomes.csv")
        case .ranking:
            _ = try? MatchingEngine(reference: context.reference)
                .rank(mission: context.mission, participants: Self.participants(withTexts: data, context.participants))
        }
    }

    /// The fixture participants with their first offers, needs and tags replaced by the
    /// input's lines, taken in turn (a line's `|` parts the tags): the tokenizer, the phrase
    /// marks, the typo corrector, the explanation keys and the reasons see any text.
    static func participants(withTexts data: Data, _ participants: [Participant]) -> [Participant] {
        var result = participants
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.prefix(4 * result.count).enumerated() {
            let participant = index / 4
            switch index % 4 {
            case 0: result[participant].offers = String(line)
            case 1: result[participant].needs = String(line)
            case 2: result[participant].offerTags = line.split(separator: "|").map(String.init)
            default: result[participant].needTags = line.split(separator: "|").map(String.init)
            }
        }
        return result
    }
}

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzTarget.selected.read(Data(bytes: bytes, count: count))
    return 0
}
