/// What two organisations did together at an earlier mission of the
/// programme: met on its agenda (with the outcome when reported), or signed
/// an agreement outside it.
///
/// ```swift
/// for prior in history.priorMeetings(between: sme, and: partner) {
///     print(prior)   // "met at Toronto 2019, rated 5/4, cooperation agreement"
/// }
/// ```
public struct PriorMeeting: Sendable, Hashable, CustomStringConvertible {
    /// The earlier mission's id.
    public var mission: String
    /// Its name, as organisers know it.
    public var missionName: String
    /// Whether the meeting was on that mission's agenda (`false` for an
    /// agreement made outside it).
    public var onAgenda: Bool
    /// Whether its outcome was reported (`false`: on the agenda, outcome unknown).
    public var reported: Bool
    /// How useful the first organisation of the lookup found it (1–5).
    public var ratingByFirst: Int?
    /// How useful the second organisation found it.
    public var ratingBySecond: Int?
    /// What followed, if reported.
    public var followUp: MeetingOutcome.FollowUp?

    /// Creates a prior meeting.
    public init(mission: String, missionName: String, onAgenda: Bool, reported: Bool, ratingByFirst: Int? = nil,
                ratingBySecond: Int? = nil, followUp: MeetingOutcome.FollowUp? = nil) {
        self.mission = mission
        self.missionName = missionName
        self.onAgenda = onAgenda
        self.reported = reported
        self.ratingByFirst = ratingByFirst
        self.ratingBySecond = ratingBySecond
        self.followUp = followUp
    }

    /// The words of the reasons: `met at Toronto 2019, rated 5/4, cooperation
    /// agreement`; `on the agenda of Toronto 2019` when no outcome was
    /// reported; `business agreement after Toronto 2019` outside the agenda.
    public var description: String {
        guard onAgenda else {
            return "\(followUp?.label ?? "agreement") after \(missionName)"
        }
        guard reported else { return "on the agenda of \(missionName)" }
        var text = "met at \(missionName)"
        if ratingByFirst != nil || ratingBySecond != nil {
            text += ", rated \(ratingByFirst.map(String.init) ?? "–")/\(ratingBySecond.map(String.init) ?? "–")"
        }
        if let followUp, followUp != .none { text += ", " + followUp.label }
        return text
    }

    /// The same meeting seen from the other organisation.
    var swapped: PriorMeeting {
        var other = self
        other.ratingByFirst = ratingBySecond
        other.ratingBySecond = ratingByFirst
        return other
    }
}

/// The meetings of a programme's earlier missions, by pair of organisations,
/// so that a later mission can tell who already met (and how it went):
/// `recommendations.csv` marks those pairs, the reasons say so, and the
/// mission rule `exclude_met_before` leaves them out.
///
/// Organisations are recognised across missions by their name, folded
/// (case, accents and punctuation ignored — as the same organisation
/// registered twice is recognised within a mission), since each mission's
/// participants file has its own ids. A meeting counts as met when it was
/// held, or when it was on the agenda and no outcome says otherwise; a
/// no-show or a cancellation does not count; an agreement made outside the
/// agenda does.
///
/// ```swift
/// var history = MeetingHistory()
/// history.record(mission: toronto, participants: torontoParticipants, agenda: torontoAgenda, outcomes: torontoOutcomes)
/// let ranking = try engine.rank(mission: washington, participants: washingtonParticipants, history: history)
/// ```
public struct MeetingHistory: Sendable {
    /// Prior meetings by pair of organisation keys (`first < second`), in the order recorded.
    private var meetings: [OrganisationPair: [PriorMeeting]] = [:]

    private struct OrganisationPair: Hashable {
        var first: String
        var second: String
    }

    /// An empty history.
    public init() {}

    /// Whether no meeting is recorded.
    public var isEmpty: Bool { meetings.isEmpty }

    /// Pairs of organisations recorded.
    public var pairCount: Int { meetings.count }

    /// The organisation key of a participant: its name, folded.
    package static func organisation(_ participant: Participant) -> String { LookupKey.words(participant.name) }

    /// Records what an earlier mission's agenda and outcomes say.
    ///
    /// - Parameters:
    ///   - mission: The earlier mission.
    ///   - participants: Its participants (their names identify the organisations).
    ///   - agenda: Its agenda (the one handed out).
    ///   - outcomes: Its outcomes, read against that agenda; empty when none are recorded.
    /// - Complexity: O(*p* + *m* + *o*).
    public mutating func record(mission: Mission, participants: [Participant], agenda: Agenda, outcomes: [MeetingOutcome] = []) {
        let byID = Dictionary(participants.map { ($0.id, Self.organisation($0)) }, uniquingKeysWith: { first, _ in first })
        let outcomeOf = Dictionary(outcomes.compactMap { outcome in outcome.meetingID.map { ($0, outcome) } },
                                   uniquingKeysWith: { first, _ in first })
        for meeting in agenda.meetings where meeting.status == .scheduled {
            guard let a = byID[meeting.participantA], let b = byID[meeting.participantB], a != b else { continue }
            let outcome = outcomeOf[meeting.id]
            if let attendance = outcome?.attendance, attendance != .held { continue }
            add(PriorMeeting(mission: mission.id, missionName: mission.name, onAgenda: true,
                             reported: outcome?.attendance != nil, ratingByFirst: outcome?.ratingA,
                             ratingBySecond: outcome?.ratingB, followUp: outcome?.followUp), a, b)
        }
        for outcome in outcomes where outcome.meetingID == nil && outcome.isAgreement {
            guard let a = byID[outcome.participantA], let b = byID[outcome.participantB], a != b else { continue }
            add(PriorMeeting(mission: mission.id, missionName: mission.name, onAgenda: false, reported: true,
                             followUp: outcome.followUp), a, b)
        }
    }

    private mutating func add(_ meeting: PriorMeeting, _ a: String, _ b: String) {
        if a < b {
            meetings[OrganisationPair(first: a, second: b), default: []].append(meeting)
        } else {
            meetings[OrganisationPair(first: b, second: a), default: []].append(meeting.swapped)
        }
    }

    /// What two participants' organisations did together before, in the
    /// order recorded; ratings are given as `first`'s then `second`'s.
    ///
    /// - Complexity: O(1) expected, plus the names' lengths.
    public func priorMeetings(between first: Participant, and second: Participant) -> [PriorMeeting] {
        guard !meetings.isEmpty else { return [] }
        return priorMeetings(Self.organisation(first), Self.organisation(second))
    }

    /// The same, by organisation keys (``organisation(_:)``).
    package func priorMeetings(_ a: String, _ b: String) -> [PriorMeeting] {
        guard !meetings.isEmpty, a != b else { return [] }
        if a < b { return meetings[OrganisationPair(first: a, second: b)] ?? [] }
        return (meetings[OrganisationPair(first: b, second: a)] ?? []).map(\.swapped)
    }

    /// The pairs of organisation keys (``organisation(_:)``) that met before,
    /// for the exclusion of `exclude_met_before`.
    ///
    /// - Complexity: O(the pairs recorded).
    package var metOrganisations: [(String, String)] { meetings.keys.map { ($0.first, $0.second) } }
}
