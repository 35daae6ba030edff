import MissionMatch

/// Checks the rows of an outcomes file one by one (FileFormats §6b) and
/// builds each valid row's ``MeetingOutcome``, in the agenda's order of the
/// pair (a row listing the pair the other way round has its `_a` and `_b`
/// values swapped).
struct OutcomeRowChecker {
    private typealias Column = OutcomesReader.Column
    private let mission: Mission
    private let table: CSVTable
    private let directory: ParticipantDirectory
    private let meetings: [String: ScheduledMeeting]
    private let meetingOfPair: [String: ScheduledMeeting]
    private let cancelledIDs: Set<String>
    private let firstDay: LocalDate?
    /// The first line of each meeting (by id) or outside pair (by pair key).
    private var firstLine: [String: Int] = [:]

    init(reader: OutcomesReader, table: CSVTable) {
        mission = reader.mission
        self.table = table
        directory = ParticipantDirectory(participants: reader.participants, pairing: reader.mission.pairing)
        let scheduled = reader.agenda.meetings.filter { $0.status == .scheduled }
        meetings = Dictionary(scheduled.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        meetingOfPair = Dictionary(scheduled.map { (ParticipantDirectory.pairKey($0.participantA, $0.participantB), $0) },
                                   uniquingKeysWith: { first, _ in first })
        cancelledIDs = Set(reader.agenda.cancelled.map(\.id) + reader.agenda.meetings.filter { $0.status == .cancelled }.map(\.id))
        firstDay = reader.mission.sessions.map(\.date).min()
    }

    /// The row's outcome, or `nil` after reporting its errors.
    mutating func check(_ row: CSVTable.Row) -> MeetingOutcome? {
        let errorsBefore = table.diagnostics.errorCount
        checkMission(row)
        let pair = checkedPair(row)
        var attendance = enumValue(row, .held, MeetingOutcome.Attendance.self,
                                   hint: "use yes, no-show-a, no-show-b or cancelled, or leave it empty")
        var ratingA = rating(row, .ratingA)
        var ratingB = rating(row, .ratingB)
        let followUp = enumValue(row, .followUp, MeetingOutcome.FollowUp.self,
                                 hint: "use none, contact, cooperation_agreement, business_agreement or mou, or leave it empty")
        let signedOn = checkedDate(row, followUp: followUp)
        checkConsistency(row, outsideAgenda: pair != nil && pair?.meeting == nil, attendance: attendance,
                         ratings: [ratingA, ratingB], followUp: followUp)
        guard let pair, table.diagnostics.errorCount == errorsBefore else { return nil }
        if pair.swapped {
            swap(&ratingA, &ratingB)
            attendance = attendance.map { $0 == .noShowA ? .noShowB : $0 == .noShowB ? .noShowA : $0 }
        }
        var outcome = MeetingOutcome(
            mission: mission.id, meetingID: pair.meeting?.id, participantA: pair.a, participantB: pair.b,
            attendance: pair.meeting == nil ? nil : attendance, ratingA: pair.meeting == nil ? nil : ratingA,
            ratingB: pair.meeting == nil ? nil : ratingB, followUp: followUp, signedOn: signedOn,
            notes: row.value(Column.notes.rawValue))
        outcome.source = SourceLocation(file: table.fileName, line: row.line)
        return outcome
    }

    private func checkMission(_ row: CSVTable.Row) {
        let id = row.value(Column.mission.rawValue)
        if id.isEmpty {
            table.error(line: row.line, field: "mission_id", "the mission id is missing", hint: "write \(mission.id)")
        } else if id != mission.id {
            table.error(line: row.line, field: "mission_id", "'\(id)' is not this mission's id (\(mission.id))",
                        hint: "keep only the rows of \(mission.id) in its outcomes file", kind: .unknownReference)
        }
    }

    /// The row's two participants in the agenda's order and its meeting, if
    /// any; `swapped` when the row lists them the other way round.
    private mutating func checkedPair(_ row: CSVTable.Row) -> (a: String, b: String, meeting: ScheduledMeeting?, swapped: Bool)? {
        let meetingID = row.value(Column.meeting.rawValue)
        let a = row.value(Column.participantA.rawValue), b = row.value(Column.participantB.rawValue)
        if !meetingID.isEmpty {
            guard let meeting = meetings[meetingID] else {
                table.error(line: row.line, field: "meeting_id",
                            cancelledIDs.contains(meetingID) ? "meeting '\(meetingID)' was cancelled by a re-plan and is not on the agenda"
                                                              : "'\(meetingID)' is not a meeting of the agenda",
                            hint: "copy the meeting_id from agenda.csv, or leave it empty and give the two participant ids",
                            kind: .unknownReference)
                return nil
            }
            let swapped = a == meeting.participantB && b == meeting.participantA
            if !(a.isEmpty && b.isEmpty), !(a == meeting.participantA && b == meeting.participantB), !swapped {
                table.error(line: row.line, field: a.isEmpty || a == meeting.participantA || a == meeting.participantB ? "participant_b" : "participant_a",
                            "'\(a)' and '\(b)' are not the two participants of meeting \(meetingID) "
                                + "(\(meeting.participantA) and \(meeting.participantB))",
                            hint: "correct the ids or the meeting_id, or leave both ids empty")
                return nil
            }
            return unique(meeting.id, line: row.line, what: "meeting \(meeting.id)")
                ? (meeting.participantA, meeting.participantB, meeting, swapped) : nil
        }
        let first = directory.checkedID(a, column: "participant_a", line: row.line, in: table)
        let second = directory.checkedID(b, column: "participant_b", line: row.line, in: table)
        guard let first, let second else { return nil }
        guard first != second else {
            table.error(line: row.line, field: "participant_b", "'\(second)' is the same participant as participant_a",
                        hint: "an outcome joins two different participants")
            return nil
        }
        let key = ParticipantDirectory.pairKey(first, second)
        if let meeting = meetingOfPair[key] {
            let swapped = first == meeting.participantB
            return unique(meeting.id, line: row.line, what: "meeting \(meeting.id)")
                ? (meeting.participantA, meeting.participantB, meeting, swapped) : nil
        }
        return unique("pair:" + key, line: row.line, what: "the pair '\(first)', '\(second)'") ? (first, second, nil, false) : nil
    }

    /// Whether a meeting or pair is reported for the first time; reports the duplicate otherwise.
    private mutating func unique(_ key: String, line: Int, what: String) -> Bool {
        if let first = firstLine[key] {
            table.error(line: line, field: "meeting_id", "\(what) is already reported on \(table.place(first))",
                        hint: "keep one row per meeting: follow_up holds its most binding outcome", kind: .duplicate)
            return false
        }
        firstLine[key] = line
        return true
    }

    private func enumValue<Value: RawRepresentable<String>>(_ row: CSVTable.Row, _ column: Column, _: Value.Type,
                                                             hint: String) -> Value? {
        let text = row.value(column.rawValue)
        guard !text.isEmpty else { return nil }
        guard let value = Value(rawValue: text.lowercased()) else {
            table.error(line: row.line, field: OutcomesReader.columnNames[column.rawValue], "'\(text)' is not a value of this column",
                        hint: hint)
            return nil
        }
        return value
    }

    private func rating(_ row: CSVTable.Row, _ column: Column) -> Int? {
        let text = row.value(column.rawValue)
        guard !text.isEmpty else { return nil }
        guard let value = Int(text), (MeetingOutcome.lowestRating...MeetingOutcome.highestRating).contains(value) else {
            table.error(line: row.line, field: OutcomesReader.columnNames[column.rawValue],
                        "'\(text)' is not a rating from \(MeetingOutcome.lowestRating) to \(MeetingOutcome.highestRating)",
                        hint: "write a whole number from 1 (useless) to 5 (very useful), or leave it empty")
            return nil
        }
        return value
    }

    private func checkedDate(_ row: CSVTable.Row, followUp: MeetingOutcome.FollowUp?) -> LocalDate? {
        let text = row.value(Column.signedOn.rawValue)
        guard !text.isEmpty else { return nil }
        guard let date = LocalDate(parsing: text) else {
            table.error(line: row.line, field: "signed_on", "'\(text)' is not a date", hint: "write it as YYYY-MM-DD, e.g. 2019-09-12")
            return nil
        }
        if let firstDay, date < firstDay {
            table.error(line: row.line, field: "signed_on", "\(date) is before the mission's first day, \(firstDay)",
                        hint: "check the date: an agreement of this mission is signed at it or after it")
        } else if let firstDay, let late = LocalDate(year: firstDay.year + 3, month: firstDay.month, day: min(firstDay.day, 28)),
                  date > late {
            table.warning(line: row.line, field: "signed_on", "\(date) is more than three years after the mission",
                          hint: "check the year", kind: .invalidValue)
        }
        if followUp?.isAgreement != true {
            table.warning(line: row.line, field: "signed_on", "a signing date without an agreement in follow_up",
                          hint: "set follow_up to cooperation_agreement, business_agreement or mou, or clear signed_on",
                          kind: .invalidValue)
        }
        return date
    }

    private func checkConsistency(_ row: CSVTable.Row, outsideAgenda: Bool, attendance: MeetingOutcome.Attendance?,
                                  ratings: [Int?], followUp: MeetingOutcome.FollowUp?) {
        if outsideAgenda {
            if followUp?.isAgreement != true {
                table.error(line: row.line, field: "follow_up", "the two had no meeting on the agenda and the row records no agreement",
                            hint: "give the meeting_id of their meeting, or record the agreement they made outside the agenda "
                                + "(cooperation_agreement, business_agreement or mou)")
            }
            if attendance != nil || ratings.contains(where: { $0 != nil }) {
                table.warning(line: row.line, field: attendance != nil ? "held" : "rating_a",
                              "the two had no meeting on the agenda: held and ratings are ignored",
                              hint: "leave them empty, or give the meeting_id", kind: .invalidValue)
            }
        }
        if let attendance, attendance != .held {
            let what = attendance == .cancelled ? "cancelled" : "a no-show"
            if ratings.contains(where: { $0 != nil }) {
                table.warning(line: row.line, field: "rating_a", "a rating for a meeting reported as \(what)",
                              hint: "check held, or clear the ratings", kind: .invalidValue)
            }
            if let followUp, followUp != .none {
                table.warning(line: row.line, field: "follow_up", "a follow-up of a meeting reported as \(what)",
                              hint: "check held; an agreement reached another way can stay", kind: .invalidValue)
            }
        }
    }
}
