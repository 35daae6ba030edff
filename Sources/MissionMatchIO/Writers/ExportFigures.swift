import MissionMatch

/// The figures the summary and the HTML agenda show, computed once, already in words and digits.
struct ExportFigures: Sendable {
    /// A participant below its minimum.
    struct Shortfall: Sendable, Equatable {
        var id: String
        var name: String
        var meetings: Int
        var minimum: Int
        var reason: String
    }

    /// A cancelled meeting.
    struct Cancellation: Sendable, Equatable {
        var first: String
        var second: String
        var reason: String
    }

    /// A target and what the agenda plans against it.
    struct Target: Sendable, Equatable {
        var label: String
        var promised: Int
        /// What the agenda plans, or `nil` when an agenda cannot tell (agreements).
        var planned: Int?
        /// What the outcomes record, or `nil` without outcomes.
        var achieved: Int?
    }

    /// Participants per side (bipartite) in the mission's side order, then
    /// any without a listed side; one entry `participants` for an open mission.
    var participantsPerSide: [(label: String, count: Int)]
    var participants: Int
    var meetings: Int
    var slots: Int
    var slotsUsed: Int
    var tables: Int
    var tablesUsed: Int
    var participantsWithMeetings: Int
    var spread: AgendaStats.Spread
    var totalScore: Double
    var upperBound: Double
    var gap: Double
    /// Each priority level with its bound, when the planner reported them.
    var priorities: AgendaStats.Priorities?
    var shortfalls: [Shortfall]
    var unmetMustRequests: [(from: String, to: String)]
    var cancellations: [Cancellation]
    var targets: [Target]

    /// Computes the figures.
    ///
    /// - Parameters:
    ///   - context: The export's lookups.
    ///   - outcomes: What came of the meetings (read against this agenda), for the targets' achieved column.
    /// - Complexity: O(*p* + *m* + *o*).
    init(_ context: ExportContext, outcomes: [MeetingOutcome]? = nil) {
        let agenda = context.agenda
        let stats = agenda.stats
        let scheduled = agenda.scheduledMeetings
        participants = stats.participants
        meetings = stats.meetings
        slots = agenda.slots.count
        slotsUsed = Set(scheduled.map(\.slot)).count
        tables = max(context.mission.tables, scheduled.map(\.table).max() ?? 0)
        tablesUsed = Set(scheduled.map(\.table)).count
        participantsWithMeetings = stats.participantsWithMeetings
        spread = stats.meetingsPerParticipant
        totalScore = stats.totalScore
        upperBound = stats.upperBound
        gap = stats.gap
        priorities = stats.priorities

        var perSide: [(label: String, count: Int)] = []
        if context.mission.pairing == .bipartite && !context.mission.sides.isEmpty {
            let sides = context.agendaParticipants.map { context.participantsByID[$0.id]?.side }
            for side in context.mission.sides {
                perSide.append(("\(side)", sides.filter { $0 == side }.count))
            }
            let unlisted = sides.filter { side in side.map { !context.mission.sides.contains($0) } ?? true }.count
            if unlisted > 0 { perSide.append(("no side", unlisted)) }
        }
        participantsPerSide = perSide

        shortfalls = stats.unmetMinMeetings.map { id in
            let line = context.agendaParticipantsByID[id]
            return Shortfall(
                id: id, name: context.name(of: id), meetings: context.meetings(of: id).count,
                minimum: line?.minMeetings ?? 0, reason: line?.unmetReason ?? "")
        }
        unmetMustRequests = stats.unmetMustRequests.compactMap { pair in
            guard pair.count >= 2 else { return nil }
            return (context.name(of: pair[0]) + " (\(pair[0]))", context.name(of: pair[1]) + " (\(pair[1]))")
        }
        var seen = Set<String>()
        var cancellations: [Cancellation] = []
        for cancelled in agenda.cancelled where seen.insert(cancelled.id).inserted {
            cancellations.append(Cancellation(
                first: context.nameWithCountry(of: cancelled.participantA),
                second: context.nameWithCountry(of: cancelled.participantB), reason: cancelled.reason))
        }
        for meeting in agenda.meetings where meeting.status == .cancelled && seen.insert(meeting.id).inserted {
            cancellations.append(Cancellation(
                first: context.nameWithCountry(of: meeting.participantA),
                second: context.nameWithCountry(of: meeting.participantB), reason: ""))
        }
        self.cancellations = cancellations

        // The targets count meetings held and agreements: no participant data needed.
        let achieved = outcomes.map { outcomes in
            OutcomeReport(mission: context.mission, participants: [], agenda: agenda,
                          recommendations: nil, outcomes: outcomes).figures.targets
        }
        let promised = context.mission.targets
        var targets: [Target] = []
        for kind in OutcomeReport.TargetKind.allCases {
            guard let value = promised[kind] else { continue }
            targets.append(Target(label: Self.targetLabels[kind] ?? kind.label, promised: value,
                                  planned: kind == .meetings ? stats.meetings : nil,
                                  achieved: achieved?.first { $0.kind == kind }?.achieved))
        }
        self.targets = targets
    }

    /// The summary's words for each target.
    static let targetLabels: [OutcomeReport.TargetKind: String] = [
        .meetings: "B2B meetings", .cooperationAgreements: "Cooperation agreements",
        .businessAgreements: "Business agreements", .mous: "MoUs", .events: "Events",
    ]

    /// `part of whole (pp.p %)`, e.g. `10 of 12 (83.3 %)`.
    static func share(_ part: Int, of whole: Int) -> String {
        "\(part) of \(whole) (\(percent(whole == 0 ? 0 : Double(part) / Double(whole))))"
    }

    /// A fraction as a percentage with one decimal, e.g. `5.8 %`.
    static func percent(_ fraction: Double) -> String { FixedPoint.format(fraction * 100, digits: 1) + " %" }

    /// A score with three decimals.
    static func score(_ value: Double) -> String { FixedPoint.format(value, digits: 3) }
}
