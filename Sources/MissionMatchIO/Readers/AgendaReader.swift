import Foundation
import MissionMatch

/// An earlier `agenda.json`, as `schedule --keep` needs it: the mission id and the meetings.
public struct AgendaFile: Sendable {
    /// The mission the agenda was planned for.
    public var mission: String
    /// Its scheduled meetings, in file order.
    public var meetings: [KeptMeeting]

    /// Creates the value.
    ///
    /// - Parameters:
    ///   - mission: The mission id.
    ///   - meetings: The meetings.
    public init(mission: String, meetings: [KeptMeeting]) {
        self.mission = mission
        self.meetings = meetings
    }
}

/// Reads an `agenda.json` written by `missionmatch schedule` ([FileFormats §4](<doc:FileFormats>))
/// for re-planning: `mission` and each meeting's `id`, `date`, `start`,
/// `table`, `participant_a`, `participant_b`, `score`, `reasons`, `status`.
/// Other keys (slots, participants, stats, findings, future fields) are ignored.
///
/// Every problem is reported with the file, the line and the field
/// (`agenda.json:14: record 2, field 'table': 'x' is not a whole number (…)`);
/// JSON syntax errors give the line and character.
///
/// ```swift
/// let earlier = try AgendaReader().read(contentsOf: URL(fileURLWithPath: "out/agenda.json")).value
/// let plan = AgendaPlanner().plan(mission: m, participants: p, requests: r, candidates: c, keeping: earlier.meetings)
/// ```
public struct AgendaReader: Sendable {
    /// Size limits.
    public var limits: ImportLimits

    /// Creates a reader.
    ///
    /// - Parameter limits: Size limits.
    public init(limits: ImportLimits = .default) {
        self.limits = limits
    }

    /// Reads an agenda file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: The name used in messages (default: the path relative to the current folder).
    /// - Returns: The mission id and meetings.
    /// - Throws: ``ImportError`` with every problem found (kind `missing-file` when it does not exist).
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<AgendaFile> {
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
    /// - Returns: The mission id and meetings.
    /// - Throws: ``ImportError`` with every problem found.
    public func readJSON(_ data: Data, displayName: String) throws(ImportError) -> Imported<AgendaFile> {
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        let root: StructuredNode
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw ImportError(Diagnostic(kind: .syntax, file: displayName, line: error.line, character: error.character,
                                         message: error.message, hint: "give the agenda.json that missionmatch schedule wrote"))
        }
        func problem(_ line: Int?, record: Int? = nil, _ field: String?, _ message: String, _ hint: String,
                     kind: Diagnostic.Kind = .invalidValue) {
            diagnostics.append(Diagnostic(kind: kind, file: displayName, line: line, record: record, field: field,
                                          fieldKind: .key, message: message, hint: hint))
        }
        guard case .mapping(let top) = root.value else {
            throw ImportError(Diagnostic(file: displayName, line: root.line, message: "the document is \(root.kindName), not an agenda",
                                         hint: "give the agenda.json that missionmatch schedule wrote"))
        }
        let mission = top.first { $0.key == "mission" }?.value.scalarText ?? ""
        if mission.isEmpty { problem(root.line, "mission", "the mission id is missing", "add \"mission\": \"<mission id>\"", kind: .missingKey) }
        var meetings: [KeptMeeting] = []
        guard let meetingsEntry = top.first(where: { $0.key == "meetings" }), case .sequence(let items) = meetingsEntry.value.value else {
            problem(root.line, "meetings", "the list of meetings is missing", "add \"meetings\": [ … ]", kind: .missingKey)
            throw ImportError(diagnostics: diagnostics)
        }
        var firstLineOfID: [String: Int] = [:]
        var placeTaken: [String: Int] = [:]
        for (position, item) in items.enumerated() {
            let record = position + 1
            guard case .mapping(let fields) = item.value else {
                problem(item.line, record: record, nil, "the meeting is \(item.kindName), not a mapping of keys", "write {\"id\": …, …}")
                continue
            }
            func text(_ key: String, required: Bool = true) -> (String, Int?)? {
                guard let entry = fields.first(where: { $0.key == key }) else {
                    if required { problem(item.line, record: record, key, "required key is missing", "add \"\(key)\"", kind: .missingKey) }
                    return nil
                }
                guard let value = entry.value.scalarText else {
                    if case .null = entry.value.value, !required { return nil }
                    problem(entry.keyLine, record: record, key, "the value is \(entry.value.kindName), not a single value", "write a single value")
                    return nil
                }
                return (value, entry.keyLine ?? item.line)
            }
            let errorsBefore = diagnostics.errorCount
            let id = text("id"), a = text("participant_a"), b = text("participant_b")
            let status = text("status", required: false)?.0 ?? "scheduled"
            var date: LocalDate?, start: LocalTime?, table: Int?, score = 0.0
            if let (value, line) = text("date") {
                date = LocalDate(parsing: value)
                if date == nil { problem(line, record: record, "date", "'\(value)' is not a date", "write YYYY-MM-DD") }
            }
            if let (value, line) = text("start") {
                start = LocalTime(parsing: value)
                if start == nil { problem(line, record: record, "start", "'\(value)' is not a time", "write HH:MM") }
            }
            if let (value, line) = text("table") {
                table = Int(value)
                if table.map({ $0 < 1 }) ?? true {
                    problem(line, record: record, "table", "'\(value)' is not a table number", "tables are numbered from 1")
                    table = nil
                }
            }
            if let (value, line) = text("score", required: false) {
                if let number = Double(value), number.isFinite, (0...1).contains(number) {
                    score = number
                } else {
                    problem(line, record: record, "score", "'\(value)' is not a score from 0 to 1", "write a number from 0 to 1")
                }
            }
            if !["scheduled", "cancelled"].contains(status) {
                problem(item.line, record: record, "status", "'\(status)' is not a status", "write scheduled or cancelled")
            }
            let reasons = text("reasons", required: false)?.0 ?? ""
            guard diagnostics.errorCount == errorsBefore, let id, let a, let b, let date, let start, let table else { continue }
            if let first = firstLineOfID[id.0] {
                problem(id.1, record: record, "id", "meeting '\(id.0)' appears twice, first on line \(first)", "keep one of them", kind: .duplicate)
                continue
            }
            firstLineOfID[id.0] = id.1 ?? 0
            guard status == "scheduled" else { continue }
            let place = "\(date) \(start) table \(table)"
            if let first = placeTaken[place] {
                problem(id.1, record: record, "table", "\(place) is also used by the meeting on line \(first)",
                        "give each meeting of a slot its own table", kind: .duplicate)
                continue
            }
            placeTaken[place] = id.1 ?? 0
            let slot = text("slot", required: false).flatMap { Int($0.0) } ?? -1
            let meeting = ScheduledMeeting(id: id.0, slot: slot, table: table, participantA: a.0, participantB: b.0,
                                           score: score, reasons: reasons)
            meetings.append(KeptMeeting(meeting: meeting, date: date, start: start,
                                        source: SourceLocation(file: displayName, line: id.1 ?? item.line ?? 0)))
        }
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: AgendaFile(mission: mission, meetings: meetings), diagnostics: diagnostics)
    }
}
