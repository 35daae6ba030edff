import Foundation
import MissionMatch

/// The delegation's files (FileFormats §10): `delegations.csv`,
/// `delegations.md`, `first-meetings/<mission-id>.csv`, and with
/// participants files `participants/<mission-id>.csv` and
/// `missions/<mission-id>.yaml` for `run`.
public struct DelegationWriter: Sendable {
    /// A writer.
    public init() {}

    /// `delegations.csv`: one row per delegate, missions in the programme's order, rank order within.
    ///
    /// - Parameter delegation: The delegation.
    /// - Returns: The CSV text.
    public func csv(for delegation: Delegation) -> String {
        var csv = SpreadsheetSafeCSV(header: ["mission_id", "participant_id", "name", "cluster", "country", "value", "rank", "cost", "reasons"])
        let byID = Dictionary(delegation.candidates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for mission in delegation.missions {
            for delegate in mission.delegates {
                let sme = byID[delegate.participant]
                csv.append([mission.mission.id, delegate.participant, sme?.name ?? "", sme?.cluster ?? "", sme?.country ?? "",
                            FixedPoint.format(delegate.value, digits: 4), String(delegate.rank),
                            String(mission.settings.cost(country: sme?.country ?? "")), delegate.reasons])
            }
        }
        return csv.text
    }

    /// `first-meetings/<mission-id>.csv`: each delegate's counterparts to meet first, best first.
    ///
    /// - Parameter mission: One mission's delegation.
    /// - Returns: The CSV text.
    public func firstMeetingsCSV(for mission: Delegation.MissionDelegation) -> String {
        var csv = SpreadsheetSafeCSV(header: ["mission_id", "participant_id", "delegate_rank", "rank", "counterpart_id", "counterpart_name", "score", "reasons"])
        let names = Dictionary(mission.counterparts.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        for delegate in mission.delegates {
            for meeting in delegate.firstMeetings {
                csv.append([mission.mission.id, delegate.participant, String(delegate.rank), String(meeting.rank), meeting.partner,
                            names[meeting.partner] ?? "", FixedPoint.format(meeting.score, digits: 4), meeting.reasons])
            }
        }
        return csv.text
    }

    /// `delegations.md`: what the organiser reads first.
    ///
    /// - Parameters:
    ///   - delegation: The delegation.
    ///   - programme: The programme's name.
    /// - Returns: The Markdown text.
    public func markdown(for delegation: Delegation, programme: String) -> String {
        let solution = delegation.solution
        let names = Dictionary(delegation.candidates.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var text = "# Delegations: \(MarkdownText.escaped(programme))\n\n"
        let sent = delegation.missions.reduce(0) { $0 + $1.delegates.count }
        text += "- SMEs: \(delegation.candidates.count); sent: \(sent); left home: \(delegation.leftHome.count)\n"
        text += "- Method: \(solution.method.rawValue)" + (solution.isOptimal ? ", optimal" : "") + "\n"
        text += "- Total value: \(FixedPoint.format(solution.value, digits: 4)); upper bound: \(FixedPoint.format(solution.bound, digits: 4)); gap: \(FixedPoint.format(solution.gap * 100, digits: 2)) %\n"
        if solution.minimumPlacesAsked > 0 {
            text += "- Quota minimums: \(solution.minimumPlacesFilled) of \(solution.minimumPlacesAsked) places filled\n"
        }
        if !delegation.findings.isEmpty {
            text += "\n## Quotas and budgets that cannot all be met\n\n"
            for finding in delegation.findings { text += "- \(MarkdownText.escaped(finding))\n" }
        }
        for mission in delegation.missions {
            text += "\n## \(MarkdownText.escaped(mission.mission.name)) (`\(mission.mission.id)`)\n\n"
            text += "- Seats filled: \(mission.delegates.count) of \(mission.settings.seats)\n"
            if let budget = mission.settings.budget { text += "- Cost: \(mission.cost) of a budget of \(budget)\n" }
            for quota in mission.quotas {
                let wanted = [quota.quota.minimum > 0 ? "at least \(quota.quota.minimum)" : nil,
                              quota.quota.maximum.map { "at most \($0)" }].compactMap { $0 }.joined(separator: ", ")
                let met = quota.sent >= quota.quota.minimum && quota.sent <= (quota.quota.maximum ?? Int.max)
                text += "- \(MarkdownText.escaped(quota.group)): \(quota.sent) sent (\(wanted.isEmpty ? "no limit" : wanted)) — \(met ? "met" : "not met")\n"
            }
            text += "\n| rank | SME | value | reasons |\n|---:|---|---:|---|\n"
            for delegate in mission.delegates {
                text += "| \(delegate.rank) | \(MarkdownText.escaped(names[delegate.participant] ?? delegate.participant)) | \(FixedPoint.format(delegate.value, digits: 2)) | \(MarkdownText.escaped(delegate.reasons)) |\n"
            }
        }
        if !delegation.leftHome.isEmpty {
            text += "\n## Left home\n\n| SME | best mission | value there | why |\n|---|---|---:|---|\n"
            for sme in delegation.leftHome {
                text += "| \(MarkdownText.escaped(names[sme.participant] ?? sme.participant)) | \(sme.bestMission ?? "—") | \(FixedPoint.format(sme.value, digits: 2)) | \(MarkdownText.escaped(sme.reason)) |\n"
            }
        }
        return text
    }

    /// The participants file of one mission's delegation: its delegates on the mission's first
    /// side and its counterparts, in the participants format (FileFormats §1).
    ///
    /// - Parameters:
    ///   - mission: One mission's delegation.
    ///   - candidates: The programme's SMEs.
    /// - Returns: The CSV text.
    public func participantsCSV(for mission: Delegation.MissionDelegation, candidates: [Participant]) -> String {
        let byID = Dictionary(candidates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let delegates: [Participant] = mission.delegates.compactMap { delegate in
            guard var sme = byID[delegate.participant] else { return nil }
            sme.side = mission.mission.sides.first
            sme.availability = []
            sme.wantsMissions = []   // about the programme, not this mission
            sme.refusesMissions = []
            return sme
        }
        return ParticipantCSVWriter().csv(for: delegates + mission.counterparts)
    }

    /// The mission file for `run`: the mission with `participants: ../participants/<id>.csv` and
    /// no requests or outcomes (those name the mission's earlier participants).
    ///
    /// - Parameter mission: One mission's delegation.
    /// - Returns: The YAML text.
    public func missionYAML(for mission: Delegation.MissionDelegation) -> String {
        var copy = mission.mission
        copy.participantsPath = "../participants/\(OutputFileName.sanitized(copy.id)).csv"
        copy.requestsPath = nil
        copy.outcomesPath = nil
        return MissionFileWriter().yaml(for: copy, comment: "The delegation chosen for this mission: the SMEs sent and the mission's counterparts.")
    }
}
