extension OutcomeReport {
    /// The groups each participant belongs to, for the breakdowns.
    struct Grouping {
        /// The groups of one participant, per breakdown.
        struct Groups {
            var clusters: [String]
            var countries: [String]
            var sectors: [String]
            var sides: [String]
        }

        /// The label of participants without a cluster.
        static let noCluster = "no cluster"
        /// The label of participants without a sector.
        static let noSector = "no sector"

        private var groups: [String: Groups] = [:]
        private var order: [String] = []

        init(participants: [Participant], openSide: Bool) {
            for participant in participants where groups[participant.id] == nil {
                order.append(participant.id)
                groups[participant.id] = Groups(
                    clusters: [participant.cluster.flatMap { $0.isEmpty ? nil : $0 } ?? Self.noCluster],
                    countries: [participant.country],
                    sectors: participant.sectors.isEmpty ? [Self.noSector] : Array(Set(participant.sectors)).sorted(),
                    sides: [openSide ? "open" : participant.side?.rawValue ?? "no side"])
            }
        }

        /// One tally per group of a breakdown, the most agreements first
        /// (then the most meetings, then the label).
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
            return tallies.values.sorted {
                ($0.agreements, $0.meetingsHeld, $1.label) > ($1.agreements, $1.meetingsHeld, $0.label)
            }
        }

        /// The groups of either participant of a row, each once.
        private func labels(of row: MeetingOutcome, _ breakdown: KeyPath<Groups, [String]>) -> Set<String> {
            Set((groups[row.participantA]?[keyPath: breakdown] ?? []) + (groups[row.participantB]?[keyPath: breakdown] ?? []))
        }
    }
}
