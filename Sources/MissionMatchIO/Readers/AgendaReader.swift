import Foundation
import MissionMatch

/// Reads an `agenda.json` (<doc:FileFormats> §4) back into the `Agenda` that
/// ``AgendaJSONWriter`` wrote: slots, meetings, cancellations, participants
/// and statistics. Writer and reader are the format's one definition in code:
/// `read(write(agenda)) == agenda` for every agenda whose scores have at most
/// four decimals (the writer's precision), which a test checks.
///
/// Only `mission` and each meeting's `id`, `date`, `start`, `table`,
/// `participant_a` and `participant_b` are required, so a hand-edited agenda
/// still re-plans: without `slots` the slots are the meetings' own times,
/// without `participants` or `stats` those parts are empty or summed from the
/// meetings. Keys the format does not define (`findings`, future fields) are
/// ignored. With a ``mission``, slot instants use its time zone and slots that
/// are still the mission's keep their session; without one, times are read as UTC.
///
/// Every problem is reported with the file, the line and the field
/// (`agenda.json:14: record 2, field 'table': 'x' is not a table number (…)`);
/// JSON syntax errors give the line and character.
///
/// ```swift
/// let earlier = try AgendaReader(mission: mission).read(contentsOf: URL(fileURLWithPath: "out/agenda.json")).value
/// let plan = try AgendaPlanner().plan(mission: mission, participants: p, requests: r, candidates: c,
///                                 keeping: earlier.keptMeetings)
/// ```
public struct AgendaReader: Sendable {
    /// The mission the agenda was planned for: its time zone and sessions.
    public var mission: Mission?
    /// Size limits.
    public var limits: ImportLimits

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - mission: The agenda's mission, for time zone and sessions (UTC and session 0 without one).
    ///   - limits: Size limits.
    public init(mission: Mission? = nil, limits: ImportLimits = .default) {
        self.mission = mission
        self.limits = limits
    }

    /// Reads an agenda file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages (default: the path relative to the current folder).
    /// - Returns: The agenda.
    /// - Throws: ``ImportError`` with every problem found (kind `missing-file` when it does not exist).
    /// - Complexity: O(*n*) in the file's size.
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<Agenda> {
        let name = displayName ?? InputFile.displayName(for: url)
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        guard let data = InputFile.readData(url, name: name, limits: limits, into: &diagnostics) else {
            throw ImportError(diagnostics: diagnostics)
        }
        return try readJSON(data, displayName: name)
    }

    /// Reads an agenda held in memory.
    ///
    /// - Parameters:
    ///   - data: The JSON bytes.
    ///   - displayName: The name used in messages, e.g. `agenda.json`.
    /// - Returns: The agenda.
    /// - Throws: ``ImportError`` with every problem found.
    /// - Complexity: O(*n*) in the size of `data`.
    public func readJSON(_ data: Data, displayName: String) throws(ImportError) -> Imported<Agenda> {
        let root: StructuredNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw ImportError(Diagnostic(kind: .syntax, file: displayName, line: error.line, character: error.character,
                                         message: error.message, hint: AgendaDocument.hint))
        }
        guard case .mapping(let top) = root.value else {
            throw ImportError(Diagnostic(file: displayName, line: root.line, message: "the document is \(root.kindName), not an agenda",
                                         hint: AgendaDocument.hint))
        }
        var document = AgendaDocument(file: displayName, mission: mission, errorLimit: limits.maxErrors)
        let agenda = document.agenda(top, line: root.line)
        guard let agenda, !document.diagnostics.hasErrors else { throw ImportError(diagnostics: document.diagnostics) }
        return Imported(value: agenda, diagnostics: document.diagnostics)
    }
}

/// The parts of an `agenda.json` document, each checked and turned into its value.
private struct AgendaDocument {
    typealias Fields = [(key: String, keyLine: Int?, value: StructuredNode)]

    static let hint = "give an agenda.json in the format MissionMatch writes"

    let file: String
    let mission: Mission?
    var diagnostics: Diagnostics

    init(file: String, mission: Mission?, errorLimit: Int) {
        self.file = file
        self.mission = mission
        self.diagnostics = Diagnostics(errorLimit: errorLimit)
    }

    mutating func agenda(_ top: Fields, line: Int?) -> Agenda? {
        let missionID = top.first { $0.key == "mission" }?.value.scalarText ?? ""
        if missionID.isEmpty { problem(line, nil, "mission", "the mission id is missing", "add \"mission\": \"<mission id>\"", kind: .missingKey) }
        let generator = top.first { $0.key == "generator" }?.value.scalarText ?? ""
        guard let meetingItems = sequence(top, "meetings", line: line, required: true) else { return nil }
        var slots: [Slot]?
        if let items = sequence(top, "slots", line: line, required: false) { slots = readSlots(items) }
        let meetings = readMeetings(meetingItems, slots: &slots)
        var cancelled: [CancelledMeeting] = []
        if let items = sequence(top, "cancelled", line: line, required: false) { cancelled = readCancelled(items) }
        var participants: [AgendaParticipant] = []
        if let items = sequence(top, "participants", line: line, required: false) { participants = readParticipants(items) }
        var stats: AgendaStats?
        if let node = top.first(where: { $0.key == "stats" })?.value { stats = readStats(node) }
        let summed = summedStats(meetings: meetings.filter { $0.status == .scheduled })
        return Agenda(mission: missionID, generator: generator, slots: slots ?? [], meetings: meetings,
                      cancelled: cancelled, participants: participants, stats: stats ?? summed)
    }

    // MARK: - Parts

    private mutating func readSlots(_ items: [StructuredNode]) -> [Slot] {
        let missionSlots = Dictionary(mission?.slots.map { (SlotKey(date: $0.date, start: $0.start), $0.session) } ?? [],
                                      uniquingKeysWith: { first, _ in first })
        var slots: [Slot] = []
        for (position, item) in items.enumerated() {
            guard let fields = mapping(item, record: position + 1, "slot", example: "{\"index\": 0, \"date\": …}") else { continue }
            var record = Record(fields: fields, line: item.line, number: position + 1)
            let index = integer(&record, "index", minimum: 0)
            let date = localDate(&record, "date"), start = localTime(&record, "start"), end = localTime(&record, "end")
            guard let index, let date, let start, let end else { continue }
            if index != slots.count {
                problem(record.line("index"), position + 1, "index", "slot \(index) is listed as slot \(slots.count)",
                        "list the slots in order, numbered from 0")
                continue
            }
            let session = missionSlots[SlotKey(date: date, start: start)] ?? 0
            slots.append(Slot(index: index, session: session, date: date, start: start, end: end,
                              startDate: instant(date, start), endDate: instant(date, end)))
        }
        return slots
    }

    private mutating func readMeetings(_ items: [StructuredNode], slots: inout [Slot]?) -> [ScheduledMeeting] {
        var placed: [(record: Int, line: Int?, key: SlotKey, end: LocalTime?, meeting: ScheduledMeeting)] = []
        var firstLineOfID: [String: Int] = [:]
        var placeTaken: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            let recordNumber = position + 1
            guard let fields = mapping(item, record: recordNumber, nil, example: "{\"id\": …, …}") else { continue }
            var record = Record(fields: fields, line: item.line, number: recordNumber)
            let errorsBefore = diagnostics.errorCount
            let id = text(&record, "id"), a = text(&record, "participant_a"), b = text(&record, "participant_b")
            let date = localDate(&record, "date"), start = localTime(&record, "start")
            let end = text(&record, "end", required: false).flatMap { LocalTime(parsing: $0) }
            let table = integer(&record, "table", minimum: 1, what: "a table number", hint: "tables are numbered from 1")
            let score = number(&record, "score", range: 0...1) ?? 0
            let statusText = text(&record, "status", required: false) ?? "scheduled"
            let status = ScheduledMeeting.Status(rawValue: statusText)
            if status == nil {
                problem(record.line("status"), recordNumber, "status", "'\(statusText)' is not a status", "write scheduled or cancelled")
            }
            let locked = boolean(&record, "locked") ?? false
            let reasons = text(&record, "reasons", required: false) ?? ""
            guard diagnostics.errorCount == errorsBefore, let id, let a, let b, let date, let start, let table, let status
            else { continue }
            let idLine = record.line("id") ?? 0
            if let first = firstLineOfID[id] {
                problem(record.line("id"), recordNumber, "id", "meeting '\(id)' appears twice, first on line \(first)", "keep one of them",
                        kind: .duplicate)
                continue
            }
            firstLineOfID[id] = idLine
            if status == .scheduled {
                let place = "\(date) \(start) table \(table)"
                if let first = placeTaken[place] {
                    problem(record.line("id"), recordNumber, "table", "\(place) is also used by the meeting on line \(first)",
                            "give each meeting of a slot its own table", kind: .duplicate)
                    continue
                }
                placeTaken[place] = idLine
            }
            let meeting = ScheduledMeeting(id: id, slot: -1, table: table, participantA: a, participantB: b, score: score,
                                           reasons: reasons, status: status, locked: locked)
            placed.append((recordNumber, record.line("date"), SlotKey(date: date, start: start), end, meeting))
        }
        if slots == nil { slots = derivedSlots(placed.map { ($0.key, $0.end) }) }
        let slotIndex = Dictionary((slots ?? []).map { (SlotKey(date: $0.date, start: $0.start), $0.index) },
                                   uniquingKeysWith: { first, _ in first })
        return placed.compactMap { entry in
            guard let index = slotIndex[entry.key] else {
                problem(entry.line, entry.record, "start", "\(entry.key.date) \(entry.key.start) is not one of the agenda's slots",
                        "use the date and start of a slot listed under \"slots\"")
                return nil
            }
            var meeting = entry.meeting
            meeting.slot = index
            return meeting
        }
    }

    /// The slots of an agenda without a `slots` list: the meetings' distinct times, in time order.
    private func derivedSlots(_ times: [(key: SlotKey, end: LocalTime?)]) -> [Slot] {
        var ends: [SlotKey: LocalTime] = [:]
        for (key, end) in times where ends[key] == nil { ends[key] = end ?? key.start }
        let missionSlots = Dictionary(mission?.slots.map { (SlotKey(date: $0.date, start: $0.start), $0.session) } ?? [],
                                      uniquingKeysWith: { first, _ in first })
        return ends.keys.sorted().enumerated().map { index, key in
            let end = ends[key] ?? key.start
            return Slot(index: index, session: missionSlots[key] ?? 0, date: key.date, start: key.start, end: end,
                        startDate: instant(key.date, key.start), endDate: instant(key.date, end))
        }
    }

    private mutating func readCancelled(_ items: [StructuredNode]) -> [CancelledMeeting] {
        items.enumerated().compactMap { position, item in
            guard let fields = mapping(item, record: position + 1, "cancelled", example: "{\"id\": …, \"reason\": …}") else { return nil }
            var record = Record(fields: fields, line: item.line, number: position + 1)
            let id = text(&record, "id"), a = text(&record, "participant_a"), b = text(&record, "participant_b")
            let reason = text(&record, "reason", required: false) ?? ""
            guard let id, let a, let b else { return nil }
            return CancelledMeeting(id: id, participantA: a, participantB: b, reason: reason)
        }
    }

    private mutating func readParticipants(_ items: [StructuredNode]) -> [AgendaParticipant] {
        items.enumerated().compactMap { position, item in
            guard let fields = mapping(item, record: position + 1, "participants", example: "{\"id\": …, \"meetings\": […]}")
            else { return nil }
            var record = Record(fields: fields, line: item.line, number: position + 1)
            let id = text(&record, "id"), name = text(&record, "name", required: false) ?? ""
            let meetings = strings(&record, "meetings") ?? []
            let minimum = integer(&record, "min_meetings", minimum: 0, required: false) ?? 0
            let unmet = text(&record, "unmet_reason", required: false)
            guard let id else { return nil }
            return AgendaParticipant(id: id, name: name, meetings: meetings, minMeetings: minimum, unmetReason: unmet)
        }
    }

    private mutating func readStats(_ node: StructuredNode) -> AgendaStats? {
        guard let fields = mapping(node, record: nil, "stats", example: "{\"meetings\": …, …}") else { return nil }
        var record = Record(fields: fields, line: node.line, number: nil)
        let spreadFields = record.take("meetings_per_participant")
        var spread = AgendaStats.Spread(min: 0, median: 0, max: 0)
        if let spreadFields, let inner = mapping(spreadFields, record: nil, "meetings_per_participant", example: "{\"min\": …}") {
            var part = Record(fields: inner, line: spreadFields.line, number: nil)
            spread = .init(min: integer(&part, "min", minimum: 0) ?? 0, median: integer(&part, "median", minimum: 0) ?? 0,
                           max: integer(&part, "max", minimum: 0) ?? 0)
        }
        var pairs: [[String]] = []
        if let node = record.take("unmet_must_requests"), case .sequence(let items) = node.value {
            for item in items {
                guard case .sequence(let ids) = item.value else {
                    problem(item.line, nil, "unmet_must_requests", "an entry is \(item.kindName), not a pair of ids", "write [\"a\", \"b\"]")
                    continue
                }
                pairs.append(ids.compactMap(\.scalarText))
            }
        }
        var priorities: AgendaStats.Priorities?
        if let node = record.take("priorities"), let inner = mapping(node, record: nil, "priorities", example: "{\"must_requests\": …}") {
            var part = Record(fields: inner, line: node.line, number: nil)
            priorities = .init(
                mustRequests: integer(&part, "must_requests", minimum: 0) ?? 0,
                mustRequestsMet: integer(&part, "must_requests_met", minimum: 0) ?? 0,
                mustRequestsBound: integer(&part, "must_requests_bound", minimum: 0) ?? 0,
                minMeetingsServed: integer(&part, "min_meetings_served", minimum: 0) ?? 0,
                minMeetingsServedBound: integer(&part, "min_meetings_served_bound", minimum: 0) ?? 0,
                scoreBound: number(&part, "score_bound", range: 0...Double.greatestFiniteMagnitude) ?? 0,
                scoreGap: number(&part, "score_gap", range: 0...1) ?? 0)
        }
        return AgendaStats(
            meetings: integer(&record, "meetings", minimum: 0) ?? 0,
            totalScore: number(&record, "total_score", range: 0...Double.greatestFiniteMagnitude) ?? 0,
            upperBound: number(&record, "upper_bound", range: 0...Double.greatestFiniteMagnitude) ?? 0,
            gap: number(&record, "gap", range: 0...1) ?? 0,
            participantsWithMeetings: integer(&record, "participants_with_meetings", minimum: 0) ?? 0,
            participants: integer(&record, "participants", minimum: 0) ?? 0,
            meetingsPerParticipant: spread, unmetMinMeetings: strings(&record, "unmet_min_meetings") ?? [],
            unmetMustRequests: pairs, priorities: priorities)
    }

    /// Statistics of an agenda without a `stats` part: its meetings and their total score.
    private func summedStats(meetings: [ScheduledMeeting]) -> AgendaStats {
        AgendaStats(meetings: meetings.count, totalScore: meetings.reduce(0) { $0 + $1.score }, upperBound: 0, gap: 0,
                    participantsWithMeetings: 0, participants: 0, meetingsPerParticipant: .init(min: 0, median: 0, max: 0),
                    unmetMinMeetings: [], unmetMustRequests: [])
    }

    // MARK: - Values

    /// The fields of one object, each looked up once.
    struct Record {
        var fields: Fields
        var line: Int?
        var number: Int?

        /// A key's value.
        func take(_ key: String) -> StructuredNode? {
            guard let index = fields.firstIndex(where: { $0.key == key }) else { return nil }
            return fields[index].value
        }

        /// The line of a key, else the object's.
        func line(_ key: String) -> Int? { fields.first { $0.key == key }?.keyLine ?? line }
    }

    private mutating func text(_ record: inout Record, _ key: String, required: Bool = true) -> String? {
        guard let node = record.take(key) else {
            if required { problem(record.line, record.number, key, "required key is missing", "add \"\(key)\"", kind: .missingKey) }
            return nil
        }
        if case .null = node.value { return nil }
        guard let value = node.scalarText else {
            problem(record.line(key), record.number, key, "the value is \(node.kindName), not a single value", "write a single value")
            return nil
        }
        return value
    }

    private mutating func integer(_ record: inout Record, _ key: String, minimum: Int, required: Bool = true,
                                  what: String? = nil, hint: String = "write a whole number") -> Int? {
        guard let value = text(&record, key, required: required) else { return nil }
        guard let number = Int(value), number >= minimum else {
            problem(record.line(key), record.number, key, "'\(value)' is not \(what ?? "a whole number from \(minimum)")", hint)
            return nil
        }
        return number
    }

    private mutating func number(_ record: inout Record, _ key: String, range: ClosedRange<Double>) -> Double? {
        guard let value = text(&record, key, required: false) else { return nil }
        guard let number = Double(value), number.isFinite, range.contains(number) else {
            let bounds = range.upperBound == .greatestFiniteMagnitude ? "from 0" : "from 0 to \(FixedPoint.format(range.upperBound, digits: 0))"
            problem(record.line(key), record.number, key, "'\(value)' is not a number \(bounds)", "write a number \(bounds)")
            return nil
        }
        return number
    }

    private mutating func boolean(_ record: inout Record, _ key: String) -> Bool? {
        guard let value = text(&record, key, required: false) else { return nil }
        guard let flag = Bool(value) else {
            problem(record.line(key), record.number, key, "'\(value)' is not true or false", "write true or false")
            return nil
        }
        return flag
    }

    private mutating func localDate(_ record: inout Record, _ key: String) -> LocalDate? {
        parsed(&record, key, what: "a date", hint: "write YYYY-MM-DD") { LocalDate(parsing: $0) }
    }

    private mutating func localTime(_ record: inout Record, _ key: String) -> LocalTime? {
        parsed(&record, key, what: "a time", hint: "write HH:MM") { LocalTime(parsing: $0) }
    }

    /// A required value read by `parse`, or `nil` after reporting what it is not.
    private mutating func parsed<Value>(_ record: inout Record, _ key: String, what: String, hint: String,
                                        _ parse: (String) -> Value?) -> Value? {
        guard let text = text(&record, key) else { return nil }
        guard let value = parse(text) else {
            problem(record.line(key), record.number, key, "'\(text)' is not \(what)", hint)
            return nil
        }
        return value
    }

    private mutating func strings(_ record: inout Record, _ key: String) -> [String]? {
        guard let node = record.take(key) else { return nil }
        guard case .sequence(let items) = node.value else {
            problem(record.line(key), record.number, key, "the value is \(node.kindName), not a list", "write [\"…\", …]")
            return nil
        }
        return items.compactMap(\.scalarText)
    }

    private mutating func sequence(_ top: Fields, _ key: String, line: Int?, required: Bool) -> [StructuredNode]? {
        guard let entry = top.first(where: { $0.key == key }) else {
            if required { problem(line, nil, key, "the list of \(key) is missing", "add \"\(key)\": [ … ]", kind: .missingKey) }
            return nil
        }
        guard case .sequence(let items) = entry.value.value else {
            problem(entry.keyLine ?? line, nil, key, "the value is \(entry.value.kindName), not a list", "write \"\(key)\": [ … ]")
            return nil
        }
        return items
    }

    private mutating func mapping(_ node: StructuredNode, record: Int?, _ field: String?, example: String) -> Fields? {
        guard case .mapping(let fields) = node.value else {
            problem(node.line, record, field, "the entry is \(node.kindName), not a mapping of keys", "write \(example)")
            return nil
        }
        return fields
    }

    private func instant(_ date: LocalDate, _ time: LocalTime) -> Date {
        if let mission { return mission.instant(date, time) }
        return Date(timeIntervalSince1970: Double(Mission.daysSinceEpoch(date) * 86_400 + time.minutesSinceMidnight * 60))
    }

    private mutating func problem(_ line: Int?, _ record: Int?, _ field: String?, _ message: String, _ hint: String,
                                  kind: Diagnostic.Kind = .invalidValue) {
        diagnostics.append(Diagnostic(kind: kind, file: file, line: line, record: record, field: field, fieldKind: .key,
                                      message: message, hint: hint))
    }
}

/// A slot's place in time: its day and start.
private struct SlotKey: Hashable, Comparable {
    var date: LocalDate
    var start: LocalTime

    static func < (lhs: SlotKey, rhs: SlotKey) -> Bool { (lhs.date, lhs.start) < (rhs.date, rhs.start) }
}
