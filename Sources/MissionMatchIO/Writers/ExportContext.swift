import MissionMatch

/// What every exporter looks up: participants by id, each one's meetings, the slots.
///
/// Built once per export; lookups never iterate a dictionary, so nothing of
/// its order reaches an output.
struct ExportContext: Sendable {
    /// The agenda exported.
    let agenda: Agenda
    /// The mission it belongs to.
    let mission: Mission
    /// The participants file's records, by id (the first wins for a repeated id).
    let participantsByID: [String: Participant]
    /// Each participant's scheduled meetings in time order.
    let meetingsByParticipant: [String: [ScheduledMeeting]]
    /// The agenda's participants, in the participants file's order.
    let agendaParticipants: [AgendaParticipant]
    /// The agenda's participant lines by id (the first wins for a repeated id).
    let agendaParticipantsByID: [String: AgendaParticipant]

    /// Builds the lookups.
    ///
    /// - Parameters:
    ///   - agenda: The agenda.
    ///   - mission: Its mission.
    ///   - participants: The mission's participants.
    /// - Complexity: O(*p* + *m* log *m*).
    init(agenda: Agenda, mission: Mission, participants: [Participant]) {
        self.agenda = agenda
        self.mission = mission
        self.participantsByID = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.meetingsByParticipant = agenda.scheduledMeetingsByParticipant()
        self.agendaParticipants = agenda.participants
        self.agendaParticipantsByID = Dictionary(
            agenda.participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The participant's display name: its record's, the agenda's, or its id.
    func name(of id: String) -> String {
        if let name = participantsByID[id]?.name, !name.isEmpty { return name }
        if let name = agendaParticipantsByID[id]?.name, !name.isEmpty { return name }
        return id
    }

    /// The participant's country code, or an empty string when unknown.
    func country(of id: String) -> String { participantsByID[id]?.country ?? "" }

    /// `Name (CC)`, or just the name when the country is unknown.
    func nameWithCountry(of id: String) -> String {
        let country = country(of: id)
        return country.isEmpty ? name(of: id) : "\(name(of: id)) (\(country))"
    }

    /// The participant's scheduled meetings in time order.
    func meetings(of id: String) -> [ScheduledMeeting] { meetingsByParticipant[id] ?? [] }

    /// The slot of a meeting, or `nil` when its index is out of range.
    func slot(of meeting: ScheduledMeeting) -> Slot? { agenda.slot(of: meeting) }

    /// The local dates the agenda's slots cover, e.g. `2019-06-17 – 2019-06-18`, or empty without slots.
    var dateRangeText: String {
        guard let first = agenda.slots.first?.dateText, let last = agenda.slots.last?.dateText else { return "" }
        return first == last ? first : "\(first) – \(last)"
    }
}

extension ExportContext {
    private static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    /// A day as people read it on paper, in English: `Friday 1 November 2019`.
    ///
    /// - Parameter date: A local date.
    /// - Returns: Weekday, day, month name and year (proleptic Gregorian calendar).
    static func longText(_ date: LocalDate) -> String {
        // Days since 1970-01-01 (Howard Hinnant's days_from_civil); 1970-01-01 was a Thursday.
        let year = date.month <= 2 ? date.year - 1 : date.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1
        let days = era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
        let weekday = ((days % 7) + 7 + 3) % 7
        let month = months.indices.contains(date.month - 1) ? months[date.month - 1] : "\(date.month)"
        return "\(weekdays[weekday]) \(date.day) \(month) \(date.year)"
    }

    /// `1 meeting`, `2 meetings`.
    static func meetingsText(_ count: Int) -> String { count == 1 ? "1 meeting" : "\(count) meetings" }
}
