/// A programme's missions added up: the funnel, the targets and the
/// breakdowns over every mission with a report, and each mission's report.
///
/// ```swift
/// let programme = ProgrammeOutcomeReport(missions: reports)
/// programme.targets.first { $0.kind == .cooperationAgreements }   // promised 38, achieved 11
/// ```
public struct ProgrammeOutcomeReport: Sendable, Equatable {
    /// Each mission's report, in the order given.
    public var missions: [OutcomeReport]
    /// The stages summed over the missions (`recommended` only when every mission knows it).
    public var funnel: OutcomeReport.Funnel
    /// Agreements outside the agendas, summed.
    public var agreementsOutsideAgenda: Int
    /// Agreements by kind, summed.
    public var agreementsByKind: [OutcomeReport.KindCount]
    /// Each kind of target some mission sets: the promises summed over the
    /// missions that set it, and what those missions achieved.
    public var targets: [OutcomeReport.TargetProgress]
    /// By cluster, summed (participants count once per mission they take part in).
    public var byCluster: [OutcomeReport.Tally]
    /// By country, summed.
    public var byCountry: [OutcomeReport.Tally]
    /// By sector, summed.
    public var bySector: [OutcomeReport.Tally]
    /// By side, summed.
    public var bySide: [OutcomeReport.Tally]

    /// Adds missions up.
    ///
    /// - Parameter missions: The missions' reports.
    /// - Complexity: O(*n* log *n*) in the total number of rows of the reports.
    public init(missions: [OutcomeReport]) {
        self.missions = missions
        let funnels = missions.map(\.funnel)
        let recommended = funnels.map(\.recommended)
        self.funnel = OutcomeReport.Funnel(
            recommended: recommended.contains(nil) || recommended.isEmpty ? nil : recommended.compactMap { $0 }.reduce(0, +),
            onAgenda: funnels.map(\.onAgenda).reduce(0, +),
            onAgendaRecommended: funnels.contains { $0.onAgendaRecommended == nil } || funnels.isEmpty ? nil
                : funnels.compactMap(\.onAgendaRecommended).reduce(0, +),
            reported: funnels.map(\.reported).reduce(0, +),
            held: funnels.map(\.held).reduce(0, +), ratedUseful: funnels.map(\.ratedUseful).reduce(0, +),
            followedUp: funnels.map(\.followedUp).reduce(0, +), agreements: funnels.map(\.agreements).reduce(0, +))
        self.agreementsOutsideAgenda = missions.map(\.agreementsOutsideAgenda).reduce(0, +)
        self.agreementsByKind = MeetingOutcome.FollowUp.allCases.filter(\.isAgreement).map { kind in
            OutcomeReport.KindCount(kind: kind, count: missions.flatMap(\.agreementsByKind).filter { $0.kind == kind }
                .map(\.count).reduce(0, +))
        }
        self.targets = OutcomeReport.TargetKind.allCases.compactMap { kind in
            let set = missions.flatMap(\.targets).filter { $0.kind == kind }
            guard !set.isEmpty else { return nil }
            return OutcomeReport.TargetProgress(kind: kind, promised: set.map(\.promised).reduce(0, +),
                                                achieved: set.map(\.achieved).reduce(0, +))
        }
        self.byCluster = Self.summed(missions.map(\.byCluster))
        self.byCountry = Self.summed(missions.map(\.byCountry))
        self.bySector = Self.summed(missions.map(\.bySector))
        self.bySide = Self.summed(missions.map(\.bySide))
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
