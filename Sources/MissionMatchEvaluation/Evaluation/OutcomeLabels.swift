import MatchCore
import MissionMatch

/// Graded labels of a mission's **held** meetings, read from its outcomes
/// (`MeetingOutcome`): what ``WeightFitter`` learns from after a mission.
///
/// | grade | when (the first rule that applies) |
/// |---|---|
/// | 3 ``Grade/agreement`` | the meeting was held and led to an agreement (cooperation, business or MoU) |
/// | 2 ``Grade/useful`` | held, and both sides rated it useful (4 or 5), or the two stayed in contact |
/// | 0 ``Grade/judgedBad`` | held, a rating of 2 or less by either side, and nothing followed (`follow_up` none or not reported) |
/// | 1 ``Grade/held`` | held and rated 3 or more on average (by the sides that rated it) |
///
/// Everything else carries **no label**: no-shows, cancelled meetings,
/// meetings not reported yet, held meetings that nobody rated and that
/// nothing followed (nothing to grade them by), agreements made outside the
/// agenda (there was no meeting), rows of another mission and meeting ids the
/// agenda does not hold. A pair that never met is not a bad pair: it is
/// simply not compared.
///
/// In ``truth`` a meeting is graded in both participants' lists (the score
/// ranks partners for each of them); grade 0 becomes a pair *judged bad*
/// (`GroundTruth` relevance 0, `badPartners`), which ``WeightFitter`` ranks
/// below every graded meeting of the participant and weighs like an
/// organiser's explicit "not this one".
///
/// ```swift
/// let labels = OutcomeLabels(outcomes: loaded.outcomes, agenda: loaded.agenda)
/// labels.count                     // labelled meetings
/// labels.count(of: .agreement)     // of which agreements
/// let set = try JudgedSet(name: "toronto-2019", mission: m, participants: p, labels: labels, reference: reference)
/// ```
public struct OutcomeLabels: Sendable, Equatable {
    /// A meeting's grade.
    public enum Grade: Int, Sendable, Hashable, Comparable, CaseIterable {
        /// Held, a rating of 2 or less by either side, nothing followed: a pair judged bad.
        case judgedBad = 0
        /// Held and rated 3 or more on average.
        case held = 1
        /// Rated useful by both sides (4 or 5), or followed by contact.
        case useful = 2
        /// Followed by an agreement: cooperation, business or MoU.
        case agreement = 3

        /// Orders by grade.
        public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One labelled meeting.
    public struct Meeting: Sendable, Hashable {
        /// The agenda meeting's id.
        public var meetingID: String
        /// The first participant.
        public var participantA: String
        /// The second participant.
        public var participantB: String
        /// Its grade.
        public var grade: Grade

        /// Creates a labelled meeting.
        ///
        /// - Parameters:
        ///   - meetingID: The meeting's id.
        ///   - participantA: The first participant.
        ///   - participantB: The second participant.
        ///   - grade: Its grade.
        public init(meetingID: String, participantA: String, participantB: String, grade: Grade) {
            self.meetingID = meetingID
            self.participantA = participantA
            self.participantB = participantB
            self.grade = grade
        }
    }

    /// The labelled meetings, in the order given (the agenda's: by slot, then table).
    public let meetings: [Meeting]

    /// Labels meetings already graded (synthetic outcomes, tests).
    ///
    /// - Parameter meetings: The meetings; a pair should appear once.
    public init(_ meetings: [Meeting]) {
        self.meetings = meetings
    }

    /// Labels the held meetings of an agenda from their outcomes.
    ///
    /// - Parameters:
    ///   - outcomes: The mission's outcomes as `OutcomesReader` returns them
    ///     (rows of an agenda meeting carry its id).
    ///   - agenda: The agenda that was handed out: only its scheduled
    ///     meetings are labelled, and only outcomes of its mission are read.
    /// - Complexity: O(*m* + *o*) for *m* meetings and *o* outcome rows.
    public init(outcomes: [MeetingOutcome], agenda: Agenda) {
        var outcomeOf: [String: MeetingOutcome] = [:]
        for outcome in outcomes where outcome.mission == agenda.mission {
            guard let id = outcome.meetingID, outcomeOf[id] == nil else { continue }
            outcomeOf[id] = outcome
        }
        var seen = Set<String>()
        meetings = agenda.meetings.compactMap { meeting in
            guard meeting.status == .scheduled, seen.insert(meeting.id).inserted,
                  let outcome = outcomeOf[meeting.id], let grade = Self.grade(of: outcome) else { return nil }
            return Meeting(meetingID: meeting.id, participantA: meeting.participantA, participantB: meeting.participantB,
                           grade: grade)
        }
    }

    /// The grade of one outcome row, or `nil` when it carries no label (see the type's table).
    ///
    /// - Parameter outcome: An outcome row of an agenda meeting (a row
    ///   without a meeting id, an agreement outside the agenda, has none).
    /// - Returns: The grade, or `nil`.
    public static func grade(of outcome: MeetingOutcome) -> Grade? {
        guard outcome.meetingID != nil, outcome.wasHeld else { return nil }
        if outcome.isAgreement { return .agreement }
        if outcome.ratedUseful || outcome.followUp == .contact { return .useful }
        let ratings = [outcome.ratingA, outcome.ratingB].compactMap { $0 }
        guard !ratings.isEmpty else { return nil }
        // Every rating is now 3 or more (so is their mean), unless one is 2 or less.
        return ratings.contains { $0 <= 2 } ? .judgedBad : .held
    }

    /// The number of labelled meetings.
    public var count: Int { meetings.count }

    /// The number of labelled meetings of one grade.
    ///
    /// - Parameter grade: The grade.
    /// - Returns: How many meetings have it.
    public func count(of grade: Grade) -> Int { meetings.count { $0.grade == grade } }

    /// The labels as a judged truth: each meeting graded in both
    /// participants' lists, grade 0 as a pair judged bad (relevance 0).
    public var truth: GroundTruth {
        GroundTruth(meetings.flatMap { meeting in
            [GroundTruth.Judgement(participant: meeting.participantA, partner: meeting.participantB,
                                   relevance: meeting.grade.rawValue),
             GroundTruth.Judgement(participant: meeting.participantB, partner: meeting.participantA,
                                   relevance: meeting.grade.rawValue)]
        })
    }

    /// The counts by grade, the best first, for reports: `agreement 12, useful 90, held 140, judged bad 60`.
    public var summary: String {
        Grade.allCases.reversed().map { grade in
            let name = switch grade {
            case .agreement: "agreement"
            case .useful: "useful"
            case .held: "held"
            case .judgedBad: "judged bad"
            }
            return "\(name) \(count(of: grade))"
        }.joined(separator: ", ")
    }
}
