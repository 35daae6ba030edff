extension OutcomeReport {
    /// The group of participants without a cluster in ``OutcomeFigures/byCluster``.
    public static let noCluster = "no cluster"
    /// The group of participants without a sector in ``OutcomeFigures/bySector``.
    public static let noSector = "no sector"
    /// The group of participants without a side in ``OutcomeFigures/bySide``.
    public static let noSide = "no side"

    /// The groups each participant belongs to, for the breakdowns.
    struct Grouping {
        /// The groups of one participant, per breakdown.
        struct Groups {
            var clusters: [String]
            var countries: [String]
            var sectors: [String]
            var sides: [String]
        }

        static let noCluster = OutcomeReport.noCluster
        static let noSector = OutcomeReport.noSector
        static let noSide = OutcomeReport.noSide

        private var groups: [String: Groups] = [:]
        private var order: [String] = []

        init(participants: [Participant], openSide: Bool) {
            for participant in participants where groups[participant.id] == nil {
                order.append(participant.id)
                groups[participant.id] = Groups(
                    clusters: [participant.cluster.flatMap { $0.isEmpty ? nil : $0 } ?? Self.noCluster],
                    countries: [participant.country],
                    sectors: participant.sectors.isEmpty ? [Self.noSector] : Array(Set(participant.sectors)).sorted(),
                    sides: [openSide ? "open" : participant.side?.rawValue ?? Self.noSide])
            }
        }

        /// One tally per group of a breakdown, in ``Tally/ordered(_:)`` order.
        func tallies(_ breakdown: KeyPath<Groups, [String]>, held: [MeetingOutcome],
                     agreements: [MeetingOutcome]) -> [Tally] {
            var tallies: [String: Tally] = [:]
            for id in order {
                for label in groups[id]?[keyPath: breakdown] ?? [] {
                    tallies[label, default: Tally(label: label, participants: 0, meetingsHeld: 0, agreements: 0)].participants += 1
                }
            }
            for meeting in held {
                for label in labels(of: meeting, breakdown) { tallies[label]?.meetingsHeld += 1 }
            }
            for agreement in agreements {
                for label in labels(of: agreement, breakdown) { tallies[label]?.agreements += 1 }
            }
            return Tally.ordered(Array(tallies.values))
        }

        /// The groups of either participant of a row, each once.
        private func labels(of row: MeetingOutcome, _ breakdown: KeyPath<Groups, [String]>) -> Set<String> {
            Set((groups[row.participantA]?[keyPath: breakdown] ?? []) + (groups[row.participantB]?[keyPath: breakdown] ?? []))
        }
    }
}

extension OutcomeReport.Tally {
    /// Tallies the most agreements first, then the most meetings, then by
    /// label; the groups of participants without one (`no cluster`, `no
    /// sector`, `no side`) last.
    static func ordered(_ tallies: [OutcomeReport.Tally]) -> [OutcomeReport.Tally] {
        let none: Set<String> = [OutcomeReport.Grouping.noCluster, OutcomeReport.Grouping.noSector, OutcomeReport.Grouping.noSide]
        return tallies.sorted {
            let (first, second) = (none.contains($0.label), none.contains($1.label))
            if first != second { return second }
            return ($0.agreements, $0.meetingsHeld, $1.label) > ($1.agreements, $1.meetingsHeld, $0.label)
        }
    }
}
