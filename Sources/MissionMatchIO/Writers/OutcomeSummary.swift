import MissionMatch

/// What a programme and a mission report alike, so that `outcomes.html`
/// draws both with the same code: the funnel, the targets, the agreements by
/// kind and the four breakdowns.
struct OutcomeSummary {
    var funnel: OutcomeReport.Funnel
    var agreementsOutsideAgenda: Int
    var agreementsByKind: [OutcomeReport.KindCount]
    var targets: [OutcomeReport.TargetProgress]
    var byCluster: [OutcomeReport.Tally]
    var byCountry: [OutcomeReport.Tally]
    var bySector: [OutcomeReport.Tally]
    var bySide: [OutcomeReport.Tally]

    /// Every agreement, inside or outside the agenda.
    var agreements: Int { agreementsByKind.map(\.count).reduce(0, +) }

    /// A mission's.
    init(_ report: OutcomeReport) {
        funnel = report.funnel
        agreementsOutsideAgenda = report.agreementsOutsideAgenda
        agreementsByKind = report.agreementsByKind
        targets = report.targets
        byCluster = report.byCluster
        byCountry = report.byCountry
        bySector = report.bySector
        bySide = report.bySide
    }

    /// A programme's.
    init(_ report: ProgrammeOutcomeReport) {
        funnel = report.funnel
        agreementsOutsideAgenda = report.agreementsOutsideAgenda
        agreementsByKind = report.agreementsByKind
        targets = report.targets
        byCluster = report.byCluster
        byCountry = report.byCountry
        bySector = report.bySector
        bySide = report.bySide
    }

    /// The words for a kind of follow-up.
    static func label(_ kind: MeetingOutcome.FollowUp) -> String {
        switch kind {
        case .none: "none"
        case .contact: "contact"
        case .cooperationAgreement: "cooperation agreement"
        case .businessAgreement: "business agreement"
        case .mou: "MoU"
        }
    }

    /// Whether a mission has nothing reported: no attendance and no agreement.
    static func hasNothingReported(_ report: OutcomeReport) -> Bool {
        report.funnel.reported == 0 && report.agreements.isEmpty
    }
}
