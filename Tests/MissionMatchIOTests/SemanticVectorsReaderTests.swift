import Foundation
import MatchCore
import MissionMatch
import Testing
@testable import MissionMatchIO

/// The vectors file (`participant_id,side,v1…vD`): read, normalised, and every error at once.
struct SemanticVectorsReaderTests {
    static let participants: [Participant] = {
        var a = Participant(id: "pt-01", name: "Conserveira Atlântica", country: "PT")
        a.offers = "Tinned sardines in olive oil"
        a.needs = "Importers in Canada"
        var b = Participant(id: "ca-07", name: "Maple Fine Foods", country: "CA")
        b.offers = "Distribution to delis in Ontario"
        b.needs = "Canned seafood"
        var c = Participant(id: "ca-09", name: "Quiet Observer", country: "CA")
        c.offers = "Cold storage"
        return [a, b, c]
    }()

    func read(_ text: String) throws(ImportError) -> Imported<SemanticVectors> {
        try SemanticVectorsReader(participants: Self.participants).readCSV(Data(text.utf8), displayName: "vectors.csv")
    }

    @Test func readsNormalisesAndLeavesSidesWithoutTextAtZero() throws {
        let imported = try read("""
            participant_id,side,v1,v2
            pt-01,offers,3,4
            pt-01,needs,0,2
            ca-07,needs,-1,0
            ca-07,offers,0.6,0.8
            ca-09,offers,1e-3,0

            """)
        let v = imported.value
        #expect(v.dimensions == 2 && v.count == 3 && v.source == "vectors.csv")
        #expect(Array(v.offers.row(0)) == [0.6, 0.8])
        #expect(Array(v.needs.row(0)) == [0, 1])
        #expect(Array(v.needs.row(1)) == [-1, 0])
        #expect(Array(v.offers.row(2)) == [1, 0])
        #expect(Array(v.needs.row(2)) == [0, 0])  // ca-09 has no needs text and no row
        #expect(imported.diagnostics.warningLines.isEmpty)
    }

    @Test func reportsEveryErrorWithFileLineAndColumn() {
        do {
            _ = try read("""
                participant_id,side,v1,v2
                pt-01,offers,1,abc
                pt-01,offers,1,0
                pt-01,needs,0,0
                xx-99,needs,1,0
                ca-07,wants,1,0
                ca-07,needs,inf,0
                ca-09,offers,1,
                """)
            Issue.record("the file should be refused")
        } catch {
            let lines = error.diagnostics.errorLines
            #expect(lines.contains { $0.contains("vectors.csv:2") && $0.contains("v2") && $0.contains("'abc' is not a finite number") })
            #expect(lines.contains { $0.contains("vectors.csv:4") && $0.contains("all zeros") })
            #expect(lines.contains { $0.contains("vectors.csv:5") && $0.contains("'xx-99' is not the id of any participant") })
            #expect(lines.contains { $0.contains("vectors.csv:6") && $0.contains("'wants' is not a side") })
            #expect(lines.contains { $0.contains("vectors.csv:7") && $0.contains("'inf' is not a finite number") })
            #expect(lines.contains { $0.contains("vectors.csv:8") && $0.contains("the value is missing") })
            #expect(lines.contains { $0.contains("vectors.csv:1") && $0.contains("participant side(s) with text have no vector") && $0.contains("ca-07 (offers)") })
            #expect(!lines.contains { $0.contains("vectors.csv:3") }, "line 3 is the first offers row of pt-01 that parses")
        }
    }

    @Test func duplicateRowsAreRefused() {
        do {
            _ = try read("""
                participant_id,side,v1
                pt-01,offers,1
                pt-01,needs,1
                ca-07,offers,1
                ca-07,needs,1
                ca-09,offers,1
                ca-09,offers,2
                """)
            Issue.record("the duplicate should be refused")
        } catch {
            #expect(error.diagnostics.errorLines == [
                "vectors.csv:7: column 'participant_id': 'ca-09' already has a vector for its offers on line 6 (keep one row per participant and side)",
            ])
        }
    }

    @Test(arguments: [
        ("participant_id,side\n", "the header has no vector columns"),
        ("participant_id,side,v1,v3\n", "column 4 should be 'v2'"),
        ("participant_id,side,v2\n", "column 3 should be 'v1'"),
        ("participant_id,v1\n", "required column is missing"),
        ("participant_id,side,v1,weight\n", "unknown column"),
    ])
    func headersThatDoNotGiveTheDimensionAreRefused(header: String, message: String) {
        do {
            _ = try read(header + "pt-01,offers,1\n")
            Issue.record("the header should be refused")
        } catch {
            #expect(error.diagnostics.errorLines.contains { $0.contains(message) }, "\(error.diagnostics.errorLines)")
        }
    }

    @Test func dimensionsAboveTheLimitAreRefused() {
        let columns = (1...(SemanticVectorsReader.maximumDimensions + 1)).map { "v\($0)" }.joined(separator: ",")
        do {
            _ = try read("participant_id,side,\(columns)\n")
            Issue.record("the header should be refused")
        } catch {
            #expect(error.diagnostics.errorLines == [
                "vectors.csv:1: column 'v4097': 4097 dimensions are more than 4096 (reduce the vectors to at most 4096 dimensions)",
            ])
        }
    }
}
