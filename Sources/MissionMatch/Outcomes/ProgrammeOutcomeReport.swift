/// A programme's missions added up: the funnel, the targets and the
/// breakdowns over every mission with a report, and each mission's report.
///
/// ```swift
/// let programme = ProgrammeOutcomeReport(missions: reports)
/// programme.figures.targets.first { $0.kind == .cooperationAgreements }   // promised 38, achieved 11
/// ```
public struct ProgrammeOutcomeReport: Sendable, Equatable {
    /// Each mission's report, in the order given.
    public var missions: [OutcomeReport]
    /// The missions' figures summed: the funnel (`recommended` only when
    /// every mission knows it), agreements, breakdowns (participants count
    /// once per mission they take part in), and each kind of target some
    /// mission sets — the promises summed over the missions that set it,
    /// with what those missions achieved.
    public var figures: OutcomeFigures

    /// Adds missions up.
    ///
    /// - Parameter missions: The missions' reports.
    /// - Complexity: O(*n* log *n*) in the total number of rows of the reports.
    public init(missions: [OutcomeReport]) {
        self.missions = missions
        let all = missions.map(\.figures)
        let funnels = all.map(\.funnel)
        let recommended = funnels.map(\.recommended)
        let funnel = OutcomeReport.Funnel(
            recommended: recommended.contains(nil) || recommended.isEmpty ? nil : recommended.compactMap { $0 }.reduce(0, +),
            onAgenda: funnels.map(\.onAgenda).reduce(0, +),
            onAgendaRecommended: funnels.contains { $0.onAgendaRecommended == nil } || funnels.isEmpty ? nil
                : funnels.compactMap(\.onAgendaRecommended).reduce(0, +),
            reported: funnels.map(\.reported).reduce(0, +),
            held: funnels.map(\.held).reduce(0, +), ratedUseful: funnels.map(\.ratedUseful).reduce(0, +),
            followedUp: funnels.map(\.followedUp).reduce(0, +), agreements: funnels.map(\.agreements).reduce(0, +))
        self.figures = OutcomeFigures(
            funnel: funnel, agreementsOutsideAgenda: all.map(\.agreementsOutsideAgenda).reduce(0, +),
            agreementsByKind: MeetingOutcome.FollowUp.allCases.filter(\.isAgreement).map { kind in
                OutcomeReport.KindCount(kind: kind, count: all.flatMap(\.agreementsByKind).filter { $0.kind == kind }
                    .map(\.count).reduce(0, +))
            },
            targets: OutcomeReport.TargetKind.allCases.compactMap { kind in
                let set = all.flatMap(\.targets).filter { $0.kind == kind }
                guard !set.isEmpty else { return nil }
                return OutcomeReport.TargetProgress(kind: kind, promised: set.map(\.promised).reduce(0, +),
                                                    achieved: set.map(\.achieved).reduce(0, +))
            },
            byCluster: Self.summed(all.map(\.byCluster)), byCountry: Self.summed(all.map(\.byCountry)),
            bySector: Self.summed(all.map(\.bySector)), bySide: Self.summed(all.map(\.bySide)))
    }

    /// Tallies with the same label added up, ordered as a mission's are.
    static func summed(_ lists: [[OutcomeReport.Tally]]) -> [OutcomeReport.Tally] {
        var sums: [String: OutcomeReport.Tally] = [:]
        for tally in lists.joined() {
            sums[tally.label, default: OutcomeReport.Tally(label: tally.label, participants: 0, meetingsHeld: 0, agreements: 0)]
                .add(tally)
        }
        return OutcomeReport.Tally.ordered(Array(sums.values))
    }
}

extension OutcomeReport.Tally {
    /// Adds another tally's counts.
    mutating func add(_ other: OutcomeReport.Tally) {
        participants += other.participants
        meetingsHeld += other.meetingsHeld
        agreements += other.agreements
    }
}
