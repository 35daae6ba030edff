/// What a mission produced against what it promised: the funnel from
/// recommendation to agreement, each target with what was achieved,
/// breakdowns by cluster, country, sector and side, no-shows by slot and by
/// table, and which recommendations became agreements.
///
/// Built from values (the mission, its participants, the agenda that was
/// handed out, the recommendations and the outcomes read with
/// `OutcomesReader`); `ProgrammeOutcomeReport` adds missions up.
///
/// ```swift
/// let report = OutcomeReport(mission: mission, participants: participants, agenda: agenda,
///                            recommendations: recommended, outcomes: outcomes)
/// report.figures.funnel.held               // meetings that took place
/// report.figures.targets.first { $0.kind == .cooperationAgreements }?.achieved
/// ```
public struct OutcomeReport: Sendable, Equatable {
    /// The mission's id.
    public var mission: String
    /// The mission's name.
    public var name: String
    /// Outcome rows read (0 when no outcomes file was given).
    public var outcomeRows: Int
    /// The funnel, the targets, the agreements by kind and the breakdowns.
    public var figures: OutcomeFigures
    /// No-shows by slot, in time order: reported meetings (held or no-show) and no-shows.
    public var noShowsBySlot: [NoShows]
    /// No-shows by table number.
    public var noShowsByTable: [NoShows]
    /// Every agreement with where it came from: its meeting, and the pair's
    /// rank and score when it was recommended.
    public var agreements: [AgreementOrigin]

    /// The stages from recommendation to agreement.
    public struct Funnel: Sendable, Equatable {
        /// Distinct pairs recommended (`nil` when no recommendations were given).
        public var recommended: Int?
        /// Meetings on the agenda (scheduled).
        public var onAgenda: Int
        /// Of those, meetings whose pair was recommended (`nil` when no
        /// recommendations were given). The planner may also use pairs
        /// below each participant's recommended list.
        public var onAgendaRecommended: Int?
        /// Agenda meetings whose attendance is reported.
        public var reported: Int
        /// Meetings held with both participants.
        public var held: Int
        /// Held meetings both participants rated useful (4 or 5).
        public var ratedUseful: Int
        /// Held meetings followed by contact or an agreement.
        public var followedUp: Int
        /// Held meetings followed by an agreement.
        public var agreements: Int

        /// Creates a funnel.
        public init(recommended: Int?, onAgenda: Int, onAgendaRecommended: Int? = nil, reported: Int, held: Int,
                    ratedUseful: Int, followedUp: Int, agreements: Int) {
            self.recommended = recommended
            self.onAgenda = onAgenda
            self.onAgendaRecommended = onAgendaRecommended
            self.reported = reported
            self.held = held
            self.ratedUseful = ratedUseful
            self.followedUp = followedUp
            self.agreements = agreements
        }

        /// One stage: its count, and the stage it is a part of (each meeting
        /// counted in a stage is counted in its base).
        public struct Stage: Sendable, Equatable {
            /// What is counted, e.g. `held`.
            public var label: String
            /// How many.
            public var count: Int
            /// The label of the stage this one is a part of (`nil` for the first two).
            public var base: String?
            /// That stage's count.
            public var baseCount: Int?

            /// `count / baseCount` (`nil` without a base or when it is 0).
            public var share: Double? {
                guard let baseCount, baseCount > 0 else { return nil }
                return Double(count) / Double(baseCount)
            }
        }

        /// The stages, widest first; the recommended stage only when known.
        /// Held is a part of on the agenda; rated useful and followed up are
        /// parts of held; agreement is a part of followed up.
        public var stages: [Stage] {
            let recommendedStage = recommended.map { [Stage(label: "recommended", count: $0, base: nil, baseCount: nil)] } ?? []
            return recommendedStage + [
                Stage(label: "on the agenda", count: onAgenda, base: nil, baseCount: nil),
                Stage(label: "held", count: held, base: "on the agenda", baseCount: onAgenda),
                Stage(label: "rated useful by both", count: ratedUseful, base: "held", baseCount: held),
                Stage(label: "followed up", count: followedUp, base: "held", baseCount: held),
                Stage(label: "agreement", count: agreements, base: "followed up", baseCount: followedUp),
            ]
        }
    }

    /// A kind of target a mission file's `targets:` block can set.
    public enum TargetKind: String, Sendable, Hashable, CaseIterable {
        /// B2B meetings held.
        case meetings
        /// Cooperation agreements.
        case cooperationAgreements = "cooperation_agreements"
        /// Business agreements.
        case businessAgreements = "business_agreements"
        /// Memoranda of understanding.
        case mous
        /// Events held (a mission with at least one meeting held counts as one).
        case events

        /// The words an organiser reads.
        public var label: String {
            switch self {
            case .meetings: "B2B meetings held"
            case .cooperationAgreements: "cooperation agreements"
            case .businessAgreements: "business agreements"
            case .mous: "MoUs"
            case .events: "events"
            }
        }
    }

    /// A target and what was achieved.
    public struct TargetProgress: Sendable, Equatable {
        /// The target.
        public var kind: TargetKind
        /// What the mission promised.
        public var promised: Int
        /// What it achieved.
        public var achieved: Int

        /// Creates a target's progress.
        public init(kind: TargetKind, promised: Int, achieved: Int) {
            self.kind = kind
            self.promised = promised
            self.achieved = achieved
        }

        /// `achieved / promised` (`nil` for a target of 0).
        public var share: Double? { promised > 0 ? Double(achieved) / Double(promised) : nil }
    }

    /// A count of agreements of one kind.
    public struct KindCount: Sendable, Equatable {
        /// The kind.
        public var kind: MeetingOutcome.FollowUp
        /// How many.
        public var count: Int
    }

    /// Meetings and agreements of one group of participants.
    public struct Tally: Sendable, Equatable {
        /// The group: a cluster, a country code, a sector or a side.
        public var label: String
        /// Participants in the group.
        public var participants: Int
        /// Held meetings with a participant of the group (a meeting between
        /// two of the group counts once).
        public var meetingsHeld: Int
        /// Agreements with a participant of the group (counted once per agreement).
        public var agreements: Int

        /// Creates a tally.
        public init(label: String, participants: Int, meetingsHeld: Int, agreements: Int) {
            self.label = label
            self.participants = participants
            self.meetingsHeld = meetingsHeld
            self.agreements = agreements
        }
    }

    /// No-shows among reported meetings of one slot or table.
    public struct NoShows: Sendable, Equatable {
        /// The slot (`2019-06-04 09:00`) or table (`table 3`).
        public var label: String
        /// Meetings reported as held or as a no-show (cancelled ones left out).
        public var reported: Int
        /// Of those, no-shows.
        public var noShows: Int

        /// Creates a count.
        public init(label: String, reported: Int, noShows: Int) {
            self.label = label
            self.reported = reported
            self.noShows = noShows
        }

        /// `noShows / reported` (`nil` when nothing is reported).
        public var rate: Double? { reported > 0 ? Double(noShows) / Double(reported) : nil }
    }

    /// An agreement and where it came from.
    public struct AgreementOrigin: Sendable, Equatable {
        /// The first participant's id.
        public var participantA: String
        /// The second participant's id.
        public var participantB: String
        /// The first participant's name (its id when unknown).
        public var nameA: String
        /// The second participant's name.
        public var nameB: String
        /// The kind of agreement.
        public var kind: MeetingOutcome.FollowUp
        /// When it was signed, if known.
        public var signedOn: LocalDate?
        /// The agenda meeting it came from (`nil` outside the agenda).
        public var meetingID: String?
        /// B's rank in A's recommendations (`nil` when not recommended to A).
        public var rankForA: Int?
        /// A's rank in B's recommendations.
        public var rankForB: Int?
        /// The pair's score when recommended (or on the agenda), in [0, 1].
        public var score: Double?
    }
}
