import Foundation
import MissionMatch
import MissionMatchEvaluation
@testable import MissionMatchIO
import Testing

/// The generator: determinism, valid files, the planted structure and the truth's definition.
struct SyntheticProgrammeTests {
    @Test func sameSeedSameBytesOtherSeedOtherBytes() throws {
        let options = SyntheticProgrammeOptions(consortium: 30, counterparts: 150, seed: 42)
        let first = SyntheticFixtures.files(of: try SyntheticFixtures.generate(options))
        let second = SyntheticFixtures.files(of: try SyntheticFixtures.generate(options))
        #expect(first == second)
        var other = options
        other.seed = 43
        let third = SyntheticFixtures.files(of: try SyntheticFixtures.generate(other))
        for name in ["participants.csv", "truth.csv", "requests.csv", "mission.yaml"] {
            #expect(first[name] != third[name], "\(name)")
        }
    }

    @Test func generatedFilesLoadWithoutErrors() throws {
        let programme = try #require(SyntheticFixtures.medium)
        let folder = try TemporaryFolder()
        var missionURL = folder.url
        for (name, text) in SyntheticFixtures.files(of: programme) {
            let url = try folder.file(name, text)
            if name == "mission.yaml" { missionURL = url }
        }
        let loaded = try MissionLoader(referenceData: SyntheticFixtures.reference).load(contentsOf: missionURL)
        #expect(loaded.diagnostics.warningLines == [])
        #expect(loaded.value.mission == programme.mission)
        #expect(loaded.value.participants.count == 720)
        #expect(loaded.value.requests.map { [$0.from, $0.to, $0.priority.rawValue] }
            == programme.requests.map { [$0.from, $0.to, $0.priority.rawValue] })
        // The participants read back are the ones generated (sectors written by name come back as codes).
        for (read, made) in zip(loaded.value.participants, programme.participants) {
            #expect(read.id == made.id && read.offers == made.offers && read.needs == made.needs
                && read.offerTags == made.offerTags && read.targetCountries == made.targetCountries
                && read.country == made.country && read.side == made.side && read.cluster == made.cluster)
        }
        let truth = try GroundTruthReader().read(contentsOf: folder.url.appendingPathComponent("truth.csv")).value
        #expect(truth == programme.truth)
    }

    @Test func missionIsBipartiteAndScaled() throws {
        let programme = try #require(SyntheticFixtures.medium)
        let mission = programme.mission
        #expect(mission.id == "synthetic-7")
        #expect(mission.pairing == .bipartite)
        #expect(mission.sides == ["consortium", "counterpart"])
        #expect(mission.slots.count == 32)
        #expect(mission.tables == 30)                 // 120 × 8 meetings over 32 slots
        #expect(mission.participantsPath == "participants.csv")
        #expect(mission.requestsPath == "requests.csv")
        #expect(programme.participants.prefix(120).allSatisfy { $0.side == "consortium" && $0.id.hasPrefix("eu-") })
        #expect(programme.participants.dropFirst(120).allSatisfy { $0.side == "counterpart" && $0.id.hasPrefix("cp-") })
        #expect(programme.participants[0].id == "eu-0001")
        #expect(programme.participants[120].id == "cp-00001")
        let eu = Set(SyntheticFixtures.reference.countries.members(of: "EU").map(\.alpha2))
        #expect(programme.participants.prefix(120).allSatisfy { eu.contains($0.country) && $0.cluster != nil })
        #expect(programme.participants.dropFirst(120).allSatisfy { !eu.contains($0.country) && $0.cluster == nil })
    }

    @Test func truthMatchesTheDefinitionOnEveryPair() throws {
        let programme = try #require(SyntheticFixtures.medium)
        #expect(programme.truth == SyntheticFixtures.definedTruth(programme))
        let grades = programme.truth.judgements.map(\.relevance)
        #expect(Set(grades) == [1, 2, 3])
    }

    @Test func plantedStructureHolds() throws {
        let programme = try #require(SyntheticFixtures.medium)
        let n = programme.consortiumCount
        let ids = programme.participants.map(\.id)
        // Every consortium participant has a reciprocal partner.
        for i in 0..<n {
            #expect(programme.truth.relevant(for: ids[i]).contains { $0.relevance >= 2 }, "\(ids[i])")
        }
        var counts = [0, 0, 0, 0]
        for j in n..<programme.participants.count {
            let profile = programme.latent[j]
            #expect(Set(profile.offers).isDisjoint(with: profile.needs))
            guard let i = profile.role.plantedFor else { counts[3] += 1; continue }
            let grade = programme.truth.relevance(participant: ids[i], partner: ids[j])
            switch profile.role {
            case .complementary:
                counts[0] += 1
                #expect(grade >= 2)
            case .oneDirectional:
                counts[1] += 1
                #expect(grade == 1)
            case .competitor:
                counts[2] += 1
                #expect(grade == 0)
                #expect(profile.offers == programme.latent[i].offers)
            default: break
            }
        }
        // 480 planted (0.8 × 600) in the order complementary, competitor, one-directional, complementary.
        #expect(counts == [240, 120, 120, 120])
        for i in 0..<n { #expect(Set(programme.latent[i].offers).isDisjoint(with: programme.latent[i].needs)) }
    }

    @Test func requestsAreConsistent() throws {
        let programme = try #require(SyntheticFixtures.medium)
        let index = Dictionary(uniqueKeysWithValues: programme.participants.enumerated().map { ($1.id, $0) })
        #expect(programme.requests.count == 6)                  // 120 / 50 = 2 per priority
        var pairs: Set<[String]> = []
        for request in programme.requests {
            let from = try #require(index[request.from]), to = try #require(index[request.to])
            #expect(programme.participants[from].side == "consortium")
            #expect(programme.participants[to].side == "counterpart")
            #expect(pairs.insert([request.from, request.to]).inserted)
            let grade = programme.truth.relevance(participant: request.from, partner: request.to)
            switch request.priority {
            case .must: #expect(grade >= 2)
            case .wish: #expect(grade == 1)
            case .block: #expect(grade == 0)
            }
        }
    }

    @Test func typoRateIsRoughlyHonoured() throws {
        var options = SyntheticProgrammeOptions(consortium: 60, counterparts: 300, seed: 3, typoRate: 0)
        let clean = try SyntheticFixtures.generate(options)
        options.typoRate = 0.2
        let noisy = try SyntheticFixtures.generate(options)
        var eligible = 0, changed = 0
        for (c, t) in zip(clean.participants, noisy.participants) {
            #expect(c.offerTags == t.offerTags && c.needTags == t.needTags && c.name == t.name)
            for (cleanText, typedText) in [(c.offers, t.offers), (c.needs, t.needs)] {
                let cleanWords = Self.words(cleanText), typedWords = Self.words(typedText)
                try #require(cleanWords.count == typedWords.count)
                for (w, v) in zip(cleanWords, typedWords) {
                    if w.count >= 6 {
                        eligible += 1
                        if w != v { changed += 1 }
                    } else {
                        #expect(w == v)
                    }
                }
            }
        }
        let rate = Double(changed) / Double(eligible)
        #expect(eligible > 2_000)
        #expect(abs(rate - 0.2) < 0.03, "typo rate \(rate) over \(eligible) words")
    }

    @Test func textsCarryTheConceptsAndTagsAreSometimesEmpty() throws {
        let programme = try #require(SyntheticFixtures.medium)
        let thesaurus = SyntheticFixtures.reference.thesaurus
        var withTags = 0
        for (p, profile) in zip(programme.participants, programme.latent) {
            if !p.offerTags.isEmpty { withTags += 1 }
            // Every tag is the id, label or a synonym of a latent concept.
            for (tags, concepts) in [(p.offerTags, profile.offers), (p.needTags, profile.needs)] {
                for tag in tags {
                    #expect(concepts.contains { c in
                        let concept = thesaurus.concepts[c]
                        return ([concept.id, concept.label] + concept.synonyms).contains(tag)
                    }, "\(p.id): \(tag)")
                }
            }
            #expect(!p.offers.isEmpty && !p.needs.isEmpty)
        }
        #expect((250...470).contains(withTags), "\(withTags) of 720 with tags")
    }

    @Test func optionsOutOfRangeAreRejected() {
        #expect(SyntheticProgrammeOptions(consortium: 0, counterparts: 5, seed: 1).problem != nil)
        #expect(SyntheticProgrammeOptions(consortium: 5, counterparts: 5, seed: 1, typoRate: 1.5).problem != nil)
        #expect(SyntheticProgrammeOptions(consortium: 5, counterparts: 5, seed: 1).problem == nil)
        let empty = ReferenceData(countries: CountryTable([]), sectors: SectorTaxonomy(sectors: []))
        #expect(throws: SyntheticProgrammeError.self) {
            try SyntheticProgrammeGenerator.generate(SyntheticProgrammeOptions(consortium: 5, counterparts: 5, seed: 1),
                                                     referenceData: empty)
        }
    }

    /// Runs of ASCII letters.
    static func words(_ text: String) -> [Substring] {
        text.split { !($0.isASCII && $0.isLetter) }
    }
}
