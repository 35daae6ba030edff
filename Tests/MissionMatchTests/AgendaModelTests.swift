import Foundation
import Testing
@testable import MissionMatch

struct AgendaModelTests {
    @Test func meetingIDsAreStableAndUnordered() {
        let id = MeetingID.make(mission: "toronto-2019", "tor-eu-001", "tor-ca-017")
        #expect(id == MeetingID.make(mission: "toronto-2019", "tor-ca-017", "tor-eu-001"))
        #expect(id.count == 18 && id.hasPrefix("m-"))
        #expect(id != MeetingID.make(mission: "shanghai-2019", "tor-eu-001", "tor-ca-017"))
        // The separator keeps ("ab", "c") and ("a", "bc") apart.
        #expect(MeetingID.make(mission: "x", "ab", "c") != MeetingID.make(mission: "x", "a", "bc"))
        // FNV-1a 64 of "x\0a\0b", computed independently.
        #expect(MeetingID.make(mission: "x", "b", "a") == "m-" + fnv1a("x\u{0}a\u{0}b"))
    }

    private func fnv1a(_ text: String) -> String {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in Array(text.utf8) { hash = (hash ^ UInt64(byte)) &* 1_099_511_628_211 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    @Test func spreadOfMeetingCounts() {
        #expect(AgendaStats.Spread(of: [3, 0, 6, 6]) == .init(min: 0, median: 3, max: 6))
        #expect(AgendaStats.Spread(of: [5]) == .init(min: 5, median: 5, max: 5))
        #expect(AgendaStats.Spread(of: []) == .init(min: 0, median: 0, max: 0))
    }

    @Test func participantEncodesNullReason() throws {
        let data = try JSONEncoder().encode(AgendaParticipant(id: "eu01", name: "A", meetings: [], minMeetings: 2))
        #expect(String(decoding: data, as: UTF8.self).contains("\"unmet_reason\":null"))
    }
}
