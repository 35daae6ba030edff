import Foundation
import MissionMatch
import MissionMatchIO

/// The fixture mission, its participants and the reference data, read once
/// from `Tests/MissionMatchIOTests/Fixtures` (the readers of requests, pair
/// scores and participants check ids and sides against them).
final class FuzzContext: Sendable {
    static let shared = FuzzContext()

    let reference: ReferenceData
    let mission: Mission
    let participants: [Participant]
    /// The seed agenda of the fixture mission, for the outcomes reader.
    let agenda: Agenda

    private init() {
        let fixtures = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Tests/MissionMatchIOTests/Fixtures")
        do {
            reference = try ReferenceDataLoader.load(from: fixtures.appending(path: "data")).value
            let file = try MissionReader(referenceData: reference)
                .read(contentsOf: fixtures.appending(path: "missions/shanghai-mini.yaml")).value
            mission = file.mission
            participants = try ParticipantReader(referenceData: reference, mission: mission)
                .read(contentsOf: file.participantsURL).value
            let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appending(path: "Seeds/agenda.json")
            agenda = try AgendaReader(mission: mission).read(contentsOf: seeds).value
        } catch {
            FileHandle.standardError.write(Data("cannot read the fuzz fixtures: \(error)\n".utf8))
            exit(70)
        }
    }
}
