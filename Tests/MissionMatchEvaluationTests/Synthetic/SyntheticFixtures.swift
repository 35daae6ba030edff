import Foundation
import MissionMatch
import MissionMatchEvaluation
@testable import MissionMatchIO
import Testing

/// The bundled reference data and a few generated programmes shared by the synthetic-programme tests.
enum SyntheticFixtures {
    static let dataFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data")
    static let hasData = FileManager.default.fileExists(atPath: dataFolder.appendingPathComponent("reference/thesaurus.csv").path)

    /// The bundled reference data (565 concepts, 35 sectors, 20 clusters).
    static let reference: ReferenceData = {
        do {
            return try ReferenceDataLoader.load(from: dataFolder).value
        } catch {
            Issue.record("bundled reference data does not load: \(error)")
            return ReferenceData(countries: CountryTable([]), sectors: SectorTaxonomy(sectors: []))
        }
    }()

    static func generate(_ options: SyntheticProgrammeOptions) throws -> SyntheticProgramme {
        try SyntheticProgrammeGenerator.generate(options, referenceData: reference)
    }

    /// 120 consortium × 600 counterparts, seed 7, default noise.
    static let medium: SyntheticProgramme? = try? generate(SyntheticProgrammeOptions(consortium: 120, counterparts: 600, seed: 7))

    /// The four files `generate` writes, by name.
    static func files(of programme: SyntheticProgramme) -> [String: String] {
        [
            "participants.csv": ParticipantCSVWriter().csv(for: programme.participants),
            "mission.yaml": MissionFileWriter().yaml(for: programme.mission),
            "requests.csv": RequestCSVWriter().csv(for: programme.requests),
            "truth.csv": GroundTruthCSVWriter().csv(for: programme.truth),
        ]
    }

    /// The truth by the documented definition, computed pair by pair from the latent profiles:
    /// 3 reciprocal and mutually targeted, 2 reciprocal, 1 one-directional, 0 otherwise.
    static func definedTruth(_ programme: SyntheticProgramme) -> GroundTruth {
        let n = programme.consortiumCount, people = programme.participants
        let offers = programme.latent.map { Set($0.offers) }
        let targeted = people.map { reference.countries.expand($0.targetCountries) }
        var judgements: [GroundTruth.Judgement] = []
        for i in 0..<n {
            for j in n..<people.count {
                let forward = !offers[i].isDisjoint(with: programme.latent[j].needs)
                let backward = !offers[j].isDisjoint(with: programme.latent[i].needs)
                let mutual = targeted[j].contains(people[i].country) && targeted[i].contains(people[j].country)
                let grade = forward && backward ? (mutual ? 3 : 2) : (forward || backward ? 1 : 0)
                judgements.append(.init(participant: people[i].id, partner: people[j].id, relevance: grade))
            }
        }
        return GroundTruth(judgements)
    }
}
