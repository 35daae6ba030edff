import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The mission format's one definition in code: `MissionFileWriter` writes
/// what `MissionReader` reads back into an equal mission.
struct MissionRoundTripTests {
    @Test(arguments: BundledDataTests.missionFiles)
    func bundledMissionsReadBackEqual(_ url: URL) throws {
        let reference = try ReferenceDataLoader.bundled()
        let reader = MissionReader(referenceData: reference)
        let mission = try reader.read(contentsOf: url).value.mission
        let yaml = MissionFileWriter().yaml(for: mission)
        let again = try reader.read(Data(yaml.utf8), format: .yaml, displayName: "written.yaml",
                                    baseURL: url.deletingLastPathComponent()).value.mission
        #expect(again == mission)
        // Every key the writer writes is one the reader knows.
        let written = yaml.split(separator: "\n").compactMap { line -> String? in
            guard !line.hasPrefix(" "), !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
            return String(line[..<colon])
        }
        #expect(Set(written).isSubset(of: Set(MissionDecoder.keys)))
    }
}
