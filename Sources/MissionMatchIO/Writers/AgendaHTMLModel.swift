import MissionMatch

/// The values `agenda.html` shows: plain strings, numbers and lists, already
/// formatted, so that ``AgendaHTMLRenderer`` only lays them out (and escapes
/// every string it prints).
struct AgendaHTMLModel: Sendable {
    struct Figure: Sendable { var label: String; var value: String }
    struct Shortfall: Sendable { var name: String; var id: String; var meetings: Int; var minimum: Int; var reason: String }
    struct Request: Sendable { var from: String; var to: String }
    struct Cancellation: Sendable { var first: String; var second: String; var reason: String }
    struct GridCell: Sendable { var filled: Bool; var first: String; var second: String }
    struct GridRow: Sendable { var dayHeading: String?; var time: String; var cells: [GridCell] }
    struct GridPart: Sendable { var caption: String; var tables: [Int]; var columns: Int; var rows: [GridRow] }
    struct Meeting: Sendable {
        var start: String; var end: String; var table: Int
        var partner: String; var partnerCountry: String; var partnerContact: String; var reasons: String
    }
    struct Day: Sendable { var heading: String; var meetings: [Meeting] }
    struct Page: Sendable {
        var anchor: String; var name: String; var id: String; var country: String; var contact: String
        var meetingCount: String; var hasMeetings: Bool; var days: [Day]; var unmetReason: String?
    }

    var missionName: String
    var place: String
    var timeZone: String
    var generator: String
    var figures: [Figure]
    var shortfalls: [Shortfall]
    var hasShortfalls: Bool
    var unmetRequests: [Request]
    var hasUnmetRequests: Bool
    var cancellations: [Cancellation]
    var hasCancellations: Bool
    var gridParts: [GridPart]
    var hasGrid: Bool
    var pages: [Page]

    /// How many tables one grid table shows side by side (more would not fit an A4 page).
    static let tablesPerGridPart = 8

    /// Builds the model.
    ///
    /// - Parameter context: The export's lookups.
    /// - Complexity: O(*p* + *s* · *t* + *m*) for *s* slots and *t* tables.
    init(_ context: ExportContext) {
        let mission = context.mission
        let figures = ExportFigures(context)
        missionName = mission.name
        place = [mission.city, context.dateRangeText].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
        timeZone = mission.timeZone.identifier
        generator = context.agenda.generator
        var list = [
            Figure(label: "Meetings planned", value: "\(figures.meetings)"),
            Figure(label: "Participants with a meeting",
                   value: ExportFigures.share(figures.participantsWithMeetings, of: figures.participants)),
            Figure(label: "Meetings per participant",
                   value: "min \(figures.spread.min) · median \(figures.spread.median) · max \(figures.spread.max)"),
            Figure(label: "Below their minimum", value: "\(figures.shortfalls.count)"),
            Figure(label: "Total score", value: ExportFigures.score(figures.totalScore)),
            Figure(label: "Upper bound", value: ExportFigures.score(figures.upperBound)),
            Figure(label: "Gap to the bound", value: ExportFigures.percent(figures.gap)),
            Figure(label: "Unmet must requests", value: "\(figures.unmetMustRequests.count)"),
            Figure(label: "Slots used", value: "\(figures.slotsUsed) of \(figures.slots)"),
            Figure(label: "Tables used", value: "\(figures.tablesUsed) of \(figures.tables)"),
        ]
        if !figures.cancellations.isEmpty {
            list.append(Figure(label: "Cancelled meetings", value: "\(figures.cancellations.count)"))
        }
        self.figures = list
        shortfalls = figures.shortfalls.map {
            Shortfall(name: $0.name, id: $0.id, meetings: $0.meetings, minimum: $0.minimum, reason: $0.reason)
        }
        hasShortfalls = !shortfalls.isEmpty
        unmetRequests = figures.unmetMustRequests.map { Request(from: $0.from, to: $0.to) }
        hasUnmetRequests = !unmetRequests.isEmpty
        cancellations = figures.cancellations.map { Cancellation(first: $0.first, second: $0.second, reason: $0.reason) }
        hasCancellations = !cancellations.isEmpty
        gridParts = Self.grid(context, tables: figures.tables)
        hasGrid = !gridParts.isEmpty
        pages = context.agendaParticipants.enumerated().map { index, line in Self.page(context, line, number: index + 1) }
    }

    /// The slot × table grid, cut into parts of ``tablesPerGridPart`` tables.
    private static func grid(_ context: ExportContext, tables: Int) -> [GridPart] {
        guard tables > 0, !context.agenda.slots.isEmpty else { return [] }
        var cellsBySlot: [Int: [Int: ScheduledMeeting]] = [:]
        for meeting in context.agenda.scheduledMeetings where cellsBySlot[meeting.slot]?[meeting.table] == nil {
            cellsBySlot[meeting.slot, default: [:]][meeting.table] = meeting
        }
        let multiDay = Set(context.agenda.slots.map(\.date)).count > 1
        return stride(from: 1, through: tables, by: tablesPerGridPart).map { first in
            let numbers = Array(first...min(tables, first + tablesPerGridPart - 1))
            var previousDate: LocalDate?
            let rows = context.agenda.slots.map { slot in
                let heading = (multiDay && slot.date != previousDate) ? ExportContext.longText(slot.date) : nil
                previousDate = slot.date
                let cells = numbers.map { table in
                    guard let meeting = cellsBySlot[slot.index]?[table] else { return GridCell(filled: false, first: "", second: "") }
                    return GridCell(filled: true, first: context.name(of: meeting.participantA), second: context.name(of: meeting.participantB))
                }
                return GridRow(dayHeading: heading, time: "\(slot.startText)–\(slot.endText)", cells: cells)
            }
            let caption = numbers.count == tables ? "" : "Tables \(numbers[0])–\(numbers[numbers.count - 1])"
            return GridPart(caption: caption, tables: numbers, columns: numbers.count + 1, rows: rows)
        }
    }

    /// One participant's page.
    private static func page(_ context: ExportContext, _ line: AgendaParticipant, number: Int) -> Page {
        let record = context.participantsByID[line.id]
        let meetings = context.meetings(of: line.id)
        var days: [Day] = []
        for meeting in meetings {
            guard let slot = context.slot(of: meeting) else { continue }
            let partner = meeting.partner(of: line.id) ?? meeting.participantB
            let partnerRecord = context.participantsByID[partner]
            let entry = Meeting(
                start: slot.startText, end: slot.endText, table: meeting.table,
                partner: context.name(of: partner), partnerCountry: context.country(of: partner),
                partnerContact: contact(partnerRecord), reasons: meeting.reasons)
            let heading = ExportContext.longText(slot.date)
            if days.last?.heading == heading {
                days[days.count - 1].meetings.append(entry)
            } else {
                days.append(Day(heading: heading, meetings: [entry]))
            }
        }
        let name = record?.name.isEmpty == false ? (record?.name ?? line.name) : (line.name.isEmpty ? line.id : line.name)
        return Page(
            anchor: "p\(number)", name: name, id: line.id, country: record?.country ?? "",
            contact: contact(record), meetingCount: ExportContext.meetingsText(meetings.count),
            hasMeetings: !days.isEmpty, days: days,
            unmetReason: line.unmetReason.flatMap { $0.isEmpty ? nil : $0 })
    }

    private static func contact(_ record: Participant?) -> String {
        guard let record else { return "" }
        return [record.contact, record.email, record.website].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
    }
}
