/// What came of one meeting of an agenda, or of an agreement made outside
/// one: one row of an outcomes file (FileFormats §6b).
///
/// ```swift
/// let outcome = MeetingOutcome(mission: "toronto-2019", meetingID: "m-8f3a…",
///                              participantA: "tor-eu-004", participantB: "tor-ca-017",
///                              attendance: .held, ratingA: 5, ratingB: 4, followUp: .cooperationAgreement)
/// outcome.isAgreement    // true
/// outcome.ratedUseful    // true: both rated it 4 or 5
/// ```
public struct MeetingOutcome: Sendable, Hashable {
    /// Whether the meeting took place (`held` in the file).
    public enum Attendance: String, Sendable, Hashable, CaseIterable {
        /// Both came: `yes`.
        case held = "yes"
        /// The first participant did not come: `no-show-a`.
        case noShowA = "no-show-a"
        /// The second participant did not come: `no-show-b`.
        case noShowB = "no-show-b"
        /// Called off before the slot: `cancelled`.
        case cancelled

        /// Whether one of the two did not come.
        public var isNoShow: Bool { self == .noShowA || self == .noShowB }
    }

    /// What followed the meeting (`follow_up` in the file), from the least to
    /// the most binding.
    public enum FollowUp: String, Sendable, Hashable, CaseIterable, Comparable {
        /// Nothing.
        case none
        /// The two stayed in contact.
        case contact
        /// A cooperation agreement (joint project, R&D, distribution partnership…).
        case cooperationAgreement = "cooperation_agreement"
        /// A business agreement (a sale, a supply or licence contract).
        case businessAgreement = "business_agreement"
        /// A memorandum of understanding, typically between clusters and strategic partners.
        case mou

        /// The words an organiser reads: `none`, `contact`, `cooperation
        /// agreement`, `business agreement`, `MoU`.
        public var label: String {
            switch self {
            case .none: "none"
            case .contact: "contact"
            case .cooperationAgreement: "cooperation agreement"
            case .businessAgreement: "business agreement"
            case .mou: "MoU"
            }
        }

        /// Whether it is an agreement: cooperation, business or MoU.
        public var isAgreement: Bool { self == .cooperationAgreement || self == .businessAgreement || self == .mou }

        /// Orders by how binding the follow-up is.
        public static func < (lhs: FollowUp, rhs: FollowUp) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// The lowest rating.
    public static let lowestRating = 1
    /// The highest rating.
    public static let highestRating = 5
    /// Ratings from this one up count as useful.
    public static let usefulRating = 4

    /// The mission's id.
    public var mission: String
    /// The agenda meeting's id (``MeetingID``), or `nil` for an agreement
    /// made outside the agenda.
    public var meetingID: String?
    /// The first participant: the agenda's `participant_a` for a meeting.
    public var participantA: String
    /// The second participant.
    public var participantB: String
    /// Whether it took place; `nil` when not reported yet, and for a row
    /// outside the agenda.
    public var attendance: Attendance?
    /// How useful the first participant found it, 1–5.
    public var ratingA: Int?
    /// How useful the second participant found it, 1–5.
    public var ratingB: Int?
    /// What followed; `nil` when not reported.
    public var followUp: FollowUp?
    /// When an agreement was signed.
    public var signedOn: LocalDate?
    /// Free text for people; not interpreted.
    public var notes: String
    /// Where the row was read from.
    public var source: SourceLocation?

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - mission: The mission id.
    ///   - meetingID: The agenda meeting, or `nil` outside the agenda.
    ///   - participantA: The first participant.
    ///   - participantB: The second participant.
    ///   - attendance: Whether it took place.
    ///   - ratingA: The first participant's rating, 1–5.
    ///   - ratingB: The second participant's rating, 1–5.
    ///   - followUp: What followed.
    ///   - signedOn: When an agreement was signed.
    ///   - notes: Free text.
    public init(mission: String, meetingID: String? = nil, participantA: String, participantB: String,
                attendance: Attendance? = nil, ratingA: Int? = nil, ratingB: Int? = nil,
                followUp: FollowUp? = nil, signedOn: LocalDate? = nil, notes: String = "") {
        self.mission = mission
        self.meetingID = meetingID
        self.participantA = participantA
        self.participantB = participantB
        self.attendance = attendance
        self.ratingA = ratingA
        self.ratingB = ratingB
        self.followUp = followUp
        self.signedOn = signedOn
        self.notes = notes
    }

    /// Whether the row records an agreement (cooperation, business or MoU).
    public var isAgreement: Bool { followUp?.isAgreement == true }

    /// Whether the meeting took place with both participants.
    public var wasHeld: Bool { attendance == .held }

    /// Whether both participants rated it useful (``usefulRating`` or more).
    public var ratedUseful: Bool {
        guard let ratingA, let ratingB else { return false }
        return ratingA >= Self.usefulRating && ratingB >= Self.usefulRating
    }

    /// Whether anything followed: contact or an agreement.
    public var hasFollowUp: Bool { followUp.map { $0 != .none } ?? false }

    /// Whether it involves a participant.
    public func involves(_ id: String) -> Bool { participantA == id || participantB == id }
}
