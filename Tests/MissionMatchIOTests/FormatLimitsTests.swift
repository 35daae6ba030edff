import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The documented maxima (the file-format specification, FileFormats §7): a value beyond one is an error at
/// its line, never an overflow, a huge allocation or a silent default.
struct FormatLimitsTests {
    private func missionErrors(replacing old: String, with new: String) -> [String] {
        let yaml = MissionReaderTests.valid.replacingOccurrences(of: old, with: new)
        do {
            _ = try MissionReader(referenceData: Fixtures.reference)
                .read(Data(yaml.utf8), format: .yaml, displayName: "mission.yaml", baseURL: URL(fileURLWithPath: "/missions"))
            return []
        } catch {
            return error.diagnostics.errorLines
        }
    }

    @Test(arguments: [
        ("tables: 25", "tables: 2147483647", "mission.yaml:15: key 'tables': 2147483647 is more than 5000 (write at most 5000)"),
        ("tables: 25", "tables: 9223372036854775807", "mission.yaml:15: key 'tables': 9223372036854775807 is more than 5000 (write at most 5000)"),
        ("top_k: 10", "top_k: 9223372036854775807", "mission.yaml:22: key 'top_k': 9223372036854775807 is more than 1000 (write at most 1000)"),
        ("max_meetings: 8", "max_meetings: 1000000000", "mission.yaml:16: key 'max_meetings': 1000000000 is more than 10000 (write at most 10000)"),
        ("min_meetings: 2", "min_meetings: 1000000000", "mission.yaml:17: key 'min_meetings': 1000000000 is more than 10000 (write at most 10000)"),
    ])
    func missionCountsHaveMaxima(_ old: String, _ new: String, _ expected: String) {
        #expect(missionErrors(replacing: old, with: new) == [expected])
    }

    @Test func hugeWeightsAreRejected() {
        let errors = missionErrors(replacing: "  sector: 0.2", with: "  complementarity: 1e308\n  similarity: 1e308")
        #expect(errors == [
            "mission.yaml:21: key 'weights.complementarity': 1e308 is more than 1000 (weights are relative: write numbers from 0 to 1000, e.g. 0.36)",
            "mission.yaml:22: key 'weights.similarity': 1e308 is more than 1000 (weights are relative: write numbers from 0 to 1000, e.g. 0.10)",
        ])
        #expect(missionErrors(replacing: "  sector: 0.2", with: "  sector: .inf").count == 1)
        #expect(missionErrors(replacing: "  sector: 0.2", with: "  sector: 1000").isEmpty)
    }

    @Test func sessionsYearsApartAreRejected() {
        let errors = missionErrors(replacing: "{date: 2019-06-18, start: 14:00, end: 17:30}",
                                   with: "{date: 9999-12-31, start: 14:00, end: 17:30}")
        #expect(errors == [
            "mission.yaml:10: key 'sessions': the sessions span 2914832 days, from 2019-06-17 to 9999-12-31 (keep every session within 366 days of the first; check the years)",
        ])
    }

    @Test func tooManyTableSlotsAreRejected() {
        // 2 sessions of 3 h 30 at 20 + 5 minutes: 8 + 8 = 16 slots; 5000 tables × 16 = 80,000 is fine,
        // 1-minute meetings give 420 slots × 5000 = 2,100,000 table slots.
        #expect(missionErrors(replacing: "tables: 25", with: "tables: 5000").isEmpty)
        let errors = missionErrors(replacing: "meeting_minutes: 20\nbreak_minutes: 5\ntables: 25",
                                   with: "meeting_minutes: 1\nbreak_minutes: 0\ntables: 5000")
        #expect(errors == [
            "mission.yaml:15: key 'tables': 5000 tables × 420 slots make 2100000 table slots, more than 250000 (lower tables to the meetings that can really run at once)",
        ])
    }

    @Test func participantCountsHaveMaxima() {
        let header = "id,name,country,side,offers,max_meetings,min_meetings,representatives"
        #expect(participantErrors("a,A,CZ,consortium,x,,9223372036854775807,9223372036854775807", header: header) == [
            "participants.csv:2: column 'min_meetings': 9223372036854775807 is more than 10000 (write at most 10000)",
            "participants.csv:2: column 'representatives': 9223372036854775807 is more than 100 (write at most 100)",
        ])
        #expect(participantErrors("a,A,CZ,consortium,x,10000,10000,100", header: header) == [])
    }

    @Test func aParticipantsMinimumAboveTheMissionsMaximumIsAnError() {
        // The fixture mission's max_meetings is 6.
        let header = "id,name,country,side,offers,min_meetings"
        #expect(participantErrors("a,A,CZ,consortium,x,7", header: header) == [
            "participants.csv:2: column 'min_meetings': 7 is more than the mission's max_meetings 6 (lower min_meetings or raise max_meetings)",
        ])
        #expect(participantErrors("a,A,CZ,consortium,x,6", header: header) == [])
    }

    @Test func summaryArithmeticSaturatesInsteadOfTrapping() {
        #expect(Int.max.saturatingMultiplied(by: 2) == Int.max)
        #expect(Int.max.saturatingAdded(1) == Int.max)
        #expect(3.saturatingMultiplied(by: 4) == 12)
    }
}
