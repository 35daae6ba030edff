import Foundation
import MissionMatch

/// Writes a mission as YAML in the shape of [FileFormats §3](<doc:FileFormats>), so that
/// ``MissionReader`` (and `missionmatch validate`) reads it back as the same mission.
///
/// Keys come in documentation order; optional keys are written only when
/// set (`host_country`, `city`, `requests`, `sides` for bipartite missions,
/// `max_meetings`, `targets` and each target); `rules` and `weights` are
/// always written in full. Text is written plain when YAML reads it back
/// unchanged, otherwise double-quoted with escapes.
///
/// ```swift
/// let yaml = MissionFileWriter().yaml(for: programme.mission)
/// try OutputFile().write(yaml, to: folder.appending(path: "mission.yaml"))
/// ```
public struct MissionFileWriter: Sendable {
    /// A writer.
    public init() {}

    /// The YAML document of a mission.
    ///
    /// - Parameters:
    ///   - mission: The mission; its `participants`/`requests` paths are written as they are.
    ///   - comment: Optional first line(s) of comment, e.g. how the file was made.
    /// - Returns: The document, `\n` line ends.
    public func yaml(for mission: Mission, comment: String? = nil) -> String {
        var lines: [String] = []
        if let comment {
            lines += comment.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }
        }
        lines.append("id: " + Self.scalar(mission.id))
        lines.append("name: " + Self.scalar(mission.name))
        if let host = mission.hostCountry { lines.append("host_country: " + Self.scalar(host)) }
        if let city = mission.city { lines.append("city: " + Self.scalar(city)) }
        lines.append("timezone: " + Self.scalar(mission.timeZone.identifier))
        if let participants = mission.participantsPath { lines.append("participants: " + Self.scalar(participants)) }
        if let requests = mission.requestsPath { lines.append("requests: " + Self.scalar(requests)) }
        if let outcomes = mission.outcomesPath { lines.append("outcomes: " + Self.scalar(outcomes)) }
        if let encoder = mission.encoderPath { lines.append("encoder: " + Self.scalar(encoder)) }
        lines.append("pairing: " + mission.pairing.rawValue)
        if mission.pairing == .bipartite || !mission.sides.isEmpty {
            lines.append("sides: [" + mission.sides.map { Self.scalar($0.rawValue) }.joined(separator: ", ") + "]")
        }
        lines.append("sessions:")
        for session in mission.sessions {
            lines.append("  - {date: \(session.date), start: \"\(session.start)\", end: \"\(session.end)\"}")
        }
        lines.append("meeting_minutes: \(mission.meetingMinutes)")
        lines.append("break_minutes: \(mission.breakMinutes)")
        lines.append("tables: \(mission.tables)")
        if let max = mission.maxMeetings { lines.append("max_meetings: \(max)") }
        lines.append("min_meetings: \(mission.minMeetings)")
        lines.append("rules:")
        lines.append("  exclude_same_cluster: \(mission.rules.excludeSameCluster)")
        lines.append("  exclude_same_country: \(mission.rules.excludeSameCountry)")
        lines.append("  require_common_language: \(mission.rules.requireCommonLanguage)")
        if mission.rules.excludeMetBefore { lines.append("  exclude_met_before: true") }
        let w = mission.weights
        lines.append("weights:")
        for (key, value) in [("complementarity", w.complementarity), ("latent_share", w.latentShare),
                             ("semantic_share", w.semanticShare),
                             ("similarity", w.similarity), ("competition", w.competition), ("sector", w.sector),
                             ("country", w.country), ("cooperation", w.cooperation)] {
            lines.append("  \(key): \(Self.number(value))")
        }
        lines.append("  reciprocity: \(w.reciprocity.rawValue)")
        lines.append("  calibrated: \(w.calibrated)")
        lines.append("top_k: \(mission.topK)")
        let t = mission.targets
        if !t.isEmpty {
            lines.append("targets:")
            if let v = t.meetings { lines.append("  meetings: \(v)") }
            if let v = t.cooperationAgreements { lines.append("  cooperation_agreements: \(v)") }
            if let v = t.businessAgreements { lines.append("  business_agreements: \(v)") }
            if let v = t.mous { lines.append("  mous: \(v)") }
            if let v = t.events { lines.append("  events: \(v)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A number as YAML reads it back exactly: the shortest round-trip form (`0.55`, `1.0`).
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }

    /// Text as a YAML scalar: plain when that is unambiguous, else double-quoted.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        let allowed = text.unicodeScalars.allSatisfy {
            ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./ ".unicodeScalars.contains($0)) && $0.isASCII
        }
        guard allowed, first != " ", last != " ", first != "-", first != "." else { return false }
        // Words YAML 1.1/1.2 read as booleans or null, and anything that looks like a number or a time.
        let reserved = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
        if reserved.contains(text.lowercased()) { return false }
        if text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_" }) { return false }
        return true
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
