/// What a mission's report and a programme's report both hold: the funnel,
/// the targets with what was achieved, the agreements by kind and the four
/// breakdowns. ``OutcomeReport/figures`` holds a mission's,
/// ``ProgrammeOutcomeReport/figures`` the sums over its missions.
///
/// ```swift
/// let figures = report.figures
/// figures.funnel.held                                            // meetings that took place
/// figures.targets.first { $0.kind == .cooperationAgreements }?.achieved
/// for (dimension, tallies) in figures.breakdowns { print(dimension, tallies.first?.label ?? "–") }
/// ```
public struct OutcomeFigures: Sendable, Equatable {
    /// From recommendation to agreement.
    public var funnel: OutcomeReport.Funnel
    /// Agreements signed between participants who had no meeting on the agenda.
    public var agreementsOutsideAgenda: Int
    /// Agreements by kind (cooperation, business, MoU), inside and outside the agenda.
    public var agreementsByKind: [OutcomeReport.KindCount]
    /// The targets with what was achieved, in ``OutcomeReport/TargetKind`` order.
    public var targets: [OutcomeReport.TargetProgress]
    /// Meetings and agreements by the participants' cluster, the most
    /// agreements first, ``OutcomeReport/noCluster`` last.
    public var byCluster: [OutcomeReport.Tally]
    /// By the participants' country.
    public var byCountry: [OutcomeReport.Tally]
    /// By the participants' sectors (a participant counts in each of its sectors).
    public var bySector: [OutcomeReport.Tally]
    /// By side (`open` for an open mission).
    public var bySide: [OutcomeReport.Tally]

    /// Creates figures.
    public init(funnel: OutcomeReport.Funnel, agreementsOutsideAgenda: Int, agreementsByKind: [OutcomeReport.KindCount],
                targets: [OutcomeReport.TargetProgress], byCluster: [OutcomeReport.Tally], byCountry: [OutcomeReport.Tally],
                bySector: [OutcomeReport.Tally], bySide: [OutcomeReport.Tally]) {
        self.funnel = funnel
        self.agreementsOutsideAgenda = agreementsOutsideAgenda
        self.agreementsByKind = agreementsByKind
        self.targets = targets
        self.byCluster = byCluster
        self.byCountry = byCountry
        self.bySector = bySector
        self.bySide = bySide
    }

    /// Every agreement, inside or outside the agenda.
    public var agreements: Int { agreementsByKind.map(\.count).reduce(0, +) }

    /// The four breakdowns with their dimension's name (`cluster`, `country`,
    /// `sector`, `side`), in that order.
    public var breakdowns: [(dimension: String, tallies: [OutcomeReport.Tally])] {
        [("cluster", byCluster), ("country", byCountry), ("sector", bySector), ("side", bySide)]
    }
}
