import MissionMatch

/// Writes `agenda.json` ([FileFormats §4](<doc:FileFormats>)) with keys in the documented order,
/// one slot, meeting, cancellation or participant per line, scores rounded
/// to 4 decimals (trailing zeros dropped): the same agenda always gives the same bytes.
///
/// ```swift
/// let text = AgendaJSONWriter().json(for: plan.agenda, findings: plan.findings)
/// ```
///
/// Besides the documented fields it writes `findings` (what limits the
/// agenda, in words) when given; readers ignore keys they do not know.
public struct AgendaJSONWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The JSON text of an agenda.
    ///
    /// - Parameters:
    ///   - agenda: The agenda.
    ///   - findings: Explanations to add as `findings` (omitted when empty).
    /// - Returns: The document, ending in a line feed.
    /// - Complexity: O(*n*) in the size of the output.
    public func json(for agenda: Agenda, findings: [AgendaFinding]) -> String {
        json(for: agenda, findings: findings.map(\.description))
    }

    /// The JSON text of an agenda, with findings given as sentences.
    ///
    /// - Parameters:
    ///   - agenda: The agenda.
    ///   - findings: Sentences to add as `findings` (omitted when empty).
    /// - Returns: The document, ending in a line feed.
    /// - Complexity: O(*n*) in the size of the output.
    public func json(for agenda: Agenda, findings: [String] = []) -> String {
        var out = "{\n"
        out += "  \"mission\": \(string(agenda.mission)),\n"
        out += "  \"generator\": \(string(agenda.generator)),\n"
        out += "  \"slots\": " + list(agenda.slots.map { slot in
            object([("index", String(slot.index)), ("date", string(slot.dateText)), ("start", string(slot.startText)),
                    ("end", string(slot.endText))])
        }) + ",\n"
        out += "  \"meetings\": " + list(agenda.meetings.map { meeting in
            let slot = agenda.slots.indices.contains(meeting.slot) ? agenda.slots[meeting.slot] : nil
            return object([
                ("id", string(meeting.id)), ("slot", String(meeting.slot)), ("date", string(slot?.dateText ?? "")),
                ("start", string(slot?.startText ?? "")), ("end", string(slot?.endText ?? "")), ("table", String(meeting.table)),
                ("participant_a", string(meeting.participantA)), ("participant_b", string(meeting.participantB)),
                ("score", number(meeting.score)), ("reasons", string(meeting.reasons)), ("status", string(meeting.status.rawValue)),
                ("locked", meeting.locked ? "true" : "false"),
            ])
        }) + ",\n"
        out += "  \"cancelled\": " + list(agenda.cancelled.map { item in
            object([("id", string(item.id)), ("participant_a", string(item.participantA)),
                    ("participant_b", string(item.participantB)), ("reason", string(item.reason))])
        }) + ",\n"
        out += "  \"participants\": " + list(agenda.participants.map { line in
            object([("id", string(line.id)), ("name", string(line.name)), ("meetings", "[" + line.meetings.map(string).joined(separator: ", ") + "]"),
                    ("min_meetings", String(line.minMeetings)), ("unmet_reason", line.unmetReason.map(string) ?? "null")])
        }) + ",\n"
        let stats = agenda.stats
        let spread = stats.meetingsPerParticipant
        out += "  \"stats\": {\n"
        let fields: [(String, String)] = [
            ("meetings", String(stats.meetings)), ("total_score", number(stats.totalScore)),
            ("upper_bound", number(stats.upperBound)), ("gap", number(stats.gap)),
            ("participants_with_meetings", String(stats.participantsWithMeetings)), ("participants", String(stats.participants)),
            ("meetings_per_participant", object([("min", String(spread.min)), ("median", String(spread.median)), ("max", String(spread.max))])),
            ("unmet_min_meetings", "[" + stats.unmetMinMeetings.map(string).joined(separator: ", ") + "]"),
            ("unmet_must_requests", "[" + stats.unmetMustRequests.map { "[" + $0.map(string).joined(separator: ", ") + "]" }
                .joined(separator: ", ") + "]"),
        ] + priorityFields(stats.priorities)
        out += fields.map { "    \(string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n  }"
        if !findings.isEmpty {
            out += ",\n  \"findings\": " + list(findings.map(string))
        }
        return out + "\n}\n"
    }

    /// `stats.priorities`: each priority level planned and its bound (an added field; absent when unknown).
    private func priorityFields(_ levels: AgendaStats.Priorities?) -> [(String, String)] {
        guard let levels else { return [] }
        return [("priorities", object([
            ("must_requests", String(levels.mustRequests)), ("must_requests_met", String(levels.mustRequestsMet)),
            ("must_requests_bound", String(levels.mustRequestsBound)),
            ("min_meetings_served", String(levels.minMeetingsServed)), ("min_meetings_served_bound", String(levels.minMeetingsServedBound)),
            ("score_bound", number(levels.scoreBound)), ("score_gap", number(levels.scoreGap)),
        ]))]
    }

    private func list(_ items: [String]) -> String {
        items.isEmpty ? "[]" : "[\n" + items.map { "    " + $0 }.joined(separator: ",\n") + "\n  ]"
    }

    private func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A number with at most 4 decimals, trailing zeros dropped (``JSONText/number(_:)``).
    func number(_ value: Double) -> String { JSONText.number(value) }

    /// A JSON string literal (``JSONText/string(_:)``).
    func string(_ text: String) -> String { JSONText.string(text) }
}
