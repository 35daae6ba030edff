import Foundation
import MissionMatch
@testable import MissionMatchIO
import PropertyBased
import Testing

/// Random outcomes of the fixture agenda — any attendance, ratings,
/// follow-up, date and free-text notes (commas, quotes, line breaks,
/// non-ASCII) — written by `OutcomesCSVWriter` read back equal; and random
/// bytes never make the reader trap.
struct OutcomesPropertyTests {
    typealias F = ExportFixture
    static let scheduled = F.agenda.meetings.filter { $0.status == .scheduled }
    static let note = Gen<Character?>.element(of: Array("aZ09 ,;\"\n|'éÜ中€👍")).map { $0 ?? "a" }
        .string(of: 0...20).map { text -> String in
            // Notes starting with a formula character come back with the spreadsheet guard: keep them out.
            let trimmed = String(text.trimmingBlanks())
            return ["=", "+", "-", "@"].contains(where: trimmed.hasPrefix) ? "x" + trimmed : trimmed
        }

    static let outcomes = Generator<[MeetingOutcome], Shrink.None<[MeetingOutcome]>> { rng in
        var outcomes: [MeetingOutcome] = []
        for meeting in scheduled where Gen<Bool>.bool.run(using: &rng) {
            let attendance = Gen<MeetingOutcome.Attendance?>.element(of: MeetingOutcome.Attendance.allCases).run(using: &rng)
            let followUp = Gen<MeetingOutcome.FollowUp?>.element(of: MeetingOutcome.FollowUp.allCases).run(using: &rng)
            let day = Gen<Int>.int(in: 1...28).run(using: &rng)
            let hasDate = followUp?.isAgreement == true && Gen<Bool>.bool.run(using: &rng)
            outcomes.append(MeetingOutcome(
                mission: F.missionID, meetingID: meeting.id, participantA: meeting.participantA, participantB: meeting.participantB,
                attendance: attendance, ratingA: Gen<Int>.int(in: 1...5).optional.run(using: &rng),
                ratingB: Gen<Int>.int(in: 1...5).optional.run(using: &rng), followUp: followUp,
                signedOn: hasDate ? LocalDate(year: 2020, month: 2, day: day) : nil, notes: note.run(using: &rng)))
        }
        if Gen<Bool>.bool.run(using: &rng) {
            outcomes.append(MeetingOutcome(mission: F.missionID, participantA: "eu-03", participantB: "ca-03",
                                           followUp: .mou, notes: note.run(using: &rng)))
        }
        return outcomes
    }

    @Test func writtenOutcomesReadBackEqual() async {
        await propertyCheck(count: 200, input: Self.outcomes) { outcomes in
            let csv = OutcomesCSVWriter().csv(for: F.agenda, participants: F.participants, outcomes: outcomes)
            do throws(ImportError) {
                let read = try OutcomesReader(mission: F.mission, participants: F.participants, agenda: F.agenda)
                    .readCSV(Data(csv.utf8), displayName: "outcomes.csv").value
                let reported = read.filter { row in outcomes.contains { $0.meetingID == row.meetingID && $0.participantA == row.participantA } }
                    .map { row -> MeetingOutcome in
                        var row = row
                        row.source = nil
                        return row
                    }
                #expect(reported == outcomes)
            } catch {
                Issue.record("written outcomes do not read back: \(error.diagnostics.errorLines)")
            }
        }
    }

    /// Bytes of random CSV-ish text: an ``ImportError`` or a value, never a trap.
    @Test func randomBytesNeverTrap() async {
        let pieces = Gen<String?>.element(of: [
            "mission_id", "meeting_id", "participant_a", "participant_b", "held", "rating_a", "follow_up", "signed_on", ",", "\n",
            "\"", "toronto-2019", F.agenda.meetings[0].id, "eu-01", "ca-01", "yes", "no-show-a", "9", "-1", "99999999999999999999",
            "mou", "2019-02-30", "2019-11-01", "\u{0}", "\r", "é",
        ]).map { $0 ?? "" }
        let text = Generator<String, Shrink.None<String>> { rng in pieces.array(of: 0...60).run(using: &rng).joined() }
        await propertyCheck(count: 300, input: text) { text in
            _ = try? OutcomesReader(mission: F.mission, participants: F.participants, agenda: F.agenda)
                .readCSV(Data(text.utf8), displayName: "o.csv")
        }
    }
}
