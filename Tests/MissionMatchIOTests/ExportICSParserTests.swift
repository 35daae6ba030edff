import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// The calendars read back by an independent RFC 5545 parser: Python's
/// `icalendar` (installed by `Scripts/check_ics.py` with pip when missing).
/// Skipped, with the reason, when python3 is missing or icalendar cannot be installed.
@Suite(.enabled("needs python3 with icalendar (Scripts/check_ics.py --probe pip-installs it; its answer is on stderr)") {
    ICSChecker.shared.isAvailable
})
struct ExportICSParserTests {

    /// What the calendars must say, computed from the agenda and the slots, not from the .ics text.
    private func expectations(_ agenda: Agenda, previous: Agenda, zone: String) -> Data {
        let names = OutputFileName.assign(agenda.participants.map(\.id))
        var files: [String: [[String: String]]] = [:]
        func local(_ slot: Slot, _ time: LocalTime) -> String { "\(slot.dateText)T\(time.description)" }
        for participant in agenda.participants {
            var events: [[String: String]] = []
            for meeting in agenda.meetings where meeting.involves(participant.id) {
                let slot = agenda.slots[meeting.slot]
                events.append(["uid": meeting.id + "@missionmatch", "start": local(slot, slot.start),
                               "end": local(slot, slot.end), "status": "CONFIRMED"])
            }
            for cancelled in agenda.cancelled where [cancelled.participantA, cancelled.participantB].contains(participant.id) {
                let former = previous.meetings.first { $0.id == cancelled.id }
                let slot = previous.slots[former?.slot ?? 0]
                events.append(["uid": cancelled.id + "@missionmatch", "start": local(slot, slot.start),
                               "end": local(slot, slot.end), "status": "CANCELLED"])
            }
            if !events.isEmpty, let name = names[participant.id] { files[name + ".ics"] = events }
        }
        let object: [String: Any] = ["zone": zone, "files": files]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }

    /// The fixture in America/Toronto (its sessions straddle the fall-back change),
    /// and moved to zones with other rules: no DST, US rules, EU rules.
    @Test(arguments: ["America/Toronto", "Asia/Shanghai", "America/New_York", "Europe/Brussels"])
    func icalendarReadsEveryEventAtItsLocalTime(zone: String) throws {
        var mission = ExportFixture.mission, agenda = ExportFixture.agenda, previous = ExportFixture.previous
        mission.timeZone = try #require(TimeZone(identifier: zone))
        agenda.slots = mission.slots
        previous.slots = mission.slots
        let python = try #require(ICSChecker.shared.python)
        let first = try TemporaryFolder(), second = try TemporaryFolder()
        for folder in [first.url, second.url] {
            _ = try MissionExport.write(
                agenda: agenda, mission: mission, participants: ExportFixture.participants,
                previous: previous, to: folder)
        }
        let expect = try first.file("expect.json", String(decoding: expectations(agenda, previous: previous, zone: zone), as: UTF8.self))
        let result = try ExportProcess.run(python, [
            ICSChecker.script, "--expect", expect.path, "--compare", second.url.appendingPathComponent("calendars").path,
            first.url.appendingPathComponent("calendars").path,
        ])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("checked 6 calendars, 14 events"), "\(result.output)")
    }
}

/// Whether `Scripts/check_ics.py` can run here: python3 on PATH and icalendar
/// importable (the script pip-installs it when missing). Probed once.
struct ICSChecker: Sendable {
    var python: String?
    var isAvailable: Bool

    static let script = ExportProcess.repository.appendingPathComponent("Scripts/check_ics.py").path

    static let shared: ICSChecker = {
        guard let python = ExportProcess.which("python3") else {
            FileHandle.standardError.write(Data("ExportICSParserTests skipped: python3 is not on PATH\n".utf8))
            return ICSChecker(python: nil, isAvailable: false)
        }
        let probe = try? ExportProcess.run(python, [script, "--probe"])
        if probe?.status != 0 {
            FileHandle.standardError.write(Data("ExportICSParserTests skipped: \(probe?.output ?? "python3 did not start")\n".utf8))
        }
        return ICSChecker(python: python, isAvailable: probe?.status == 0)
    }()
}
