import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// Loading Data/-shaped folders, and finding them.
struct ReferenceDataLoaderTests {
    @Test func fixtureDataLoads() throws {
        let data = Fixtures.reference
        #expect(data.countries.countries.count == 19)
        #expect(data.countries.country(matching: "türkiye")?.alpha2 == "TR")
        #expect(data.countries.country(matching: "Turkey")?.alpha2 == "TR")
        #expect(data.sectors.affinity(between: "food", and: "packaging") == 0.9)
        #expect(data.thesaurus.concept(matching: "Polylactic acid foil")?.id == "pla-film")
        #expect(data.programme.cluster(named: "nanoprogress z.s.")?.country == "CZ")
        #expect(data.programme.partnership(id: "adpack2")?.clusters.count == 3)
    }

    @Test func brokenReferenceFilesReportEveryProblem() throws {
        let folder = try TemporaryFolder()
        _ = try folder.file("reference/countries.csv", "alpha2,alpha3,name,aliases,groups\nCZ,CZE,Czechia,,EU\ncz,CZE,Czechia,,\nSK,SVK,Slovakia,,EU\nSK,SVK,Slovakia,,\n")
        _ = try folder.file("reference/sectors.csv", "code,name,aliases,description\nfood,Food,,\nFood Tech,Food tech,,\n")
        _ = try folder.file("reference/sector-affinity.csv", "sector_a,sector_b,affinity,why\nfood,space,0.5,\nfood,food,1,\n")
        _ = try folder.file("reference/thesaurus.csv", "id,label,sector,synonyms\nx,X,space,\n")
        _ = try folder.file("programme/partnerships.csv", "id,name,focus,clusters\nnf4,NF4,Food,valorial|ghost\n")
        _ = try folder.file("programme/clusters.csv", "id,name,partnership,country,city,sectors,website\nvalorial,VALORIAL,nf5,FR,Rennes,food,\n")
        do {
            _ = try ReferenceDataLoader.load(from: folder.url)
            Issue.record("expected errors")
        } catch {
            let lines = error.diagnostics.errors.map { "\(($0.file as NSString).lastPathComponent):\($0.line ?? 0): \($0.message)" }
            #expect(lines == [
                "countries.csv:3: 'cz' is not a two-letter code",
                "countries.csv:5: 'SK' already appears on line 4",
                "sectors.csv:3: 'Food Tech' is not a valid sector code",
                "sector-affinity.csv:2: 'space' is not a sector code of sectors.csv",
                "sector-affinity.csv:3: a sector's affinity with itself is always 1",
                "thesaurus.csv:2: 'space' is not a sector code of sectors.csv",
                "clusters.csv:2: 'nf5' is not a partnership of partnerships.csv",
                "partnerships.csv:0: partnership nf4 lists 'valorial', which is not a cluster of clusters.csv",
                "partnerships.csv:0: partnership nf4 lists 'ghost', which is not a cluster of clusters.csv",
            ])
        }
    }

    @Test func dataFolderIsFoundExplicitlyByEnvironmentOrUpward() throws {
        #expect(try DataDirectory.locate(Fixtures.dataFolder) == Fixtures.dataFolder.standardizedFileURL)
        #expect(try DataDirectory.locate(environment: [DataDirectory.environmentVariable: Fixtures.dataFolder.path])
            == Fixtures.dataFolder.standardizedFileURL)
        let nested = Fixtures.folder.appendingPathComponent("missions")
        let tree = try TemporaryFolder()
        try FileManager.default.createDirectory(at: tree.url.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.dataFolder, to: tree.url.appendingPathComponent("Data"))
        #expect(try DataDirectory.locate(environment: [:], currentDirectory: tree.url.appendingPathComponent("a/b"), executable: nil).path
            == tree.url.appendingPathComponent("Data").standardizedFileURL.path)
        #expect(throws: ImportError.self) { try DataDirectory.locate(nested) }
        #expect(throws: ImportError.self) { try DataDirectory.locate(environment: [DataDirectory.environmentVariable: "/nonexistent"]) }
    }
}
