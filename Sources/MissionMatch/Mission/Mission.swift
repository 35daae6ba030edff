import Foundation

/// A business mission or matchmaking event: who meets, when, where and by which rules.
///
/// ```swift
/// // The time zone, date and time initialisers return nil for an unknown or impossible value.
/// guard let zone = TimeZone(identifier: "Asia/Shanghai"),
///       let day = LocalDate(year: 2019, month: 6, day: 17),
///       let start = LocalTime(hour: 9, minute: 0), let end = LocalTime(hour: 12, minute: 30)
/// else { return }
/// let mission = Mission(
///     id: "shanghai-2019", name: "AdPack² business mission to Shanghai",
///     timeZone: zone,
///     participantsPath: "../participants/shanghai-2019.csv",
///     pairing: .bipartite, sides: ["consortium", "counterpart"],
///     sessions: [Session(date: day, start: start, end: end)],
///     meetingMinutes: 20, breakMinutes: 5, tables: 25)
/// mission.slots.count   // 8: 09:00, 09:25, … 11:55 (12:20 would end after 12:30)
/// ```
///
/// The type holds what the mission file says, already checked by a reader;
/// paths are kept as written (relative to the mission file).
public struct Mission: Sendable, Equatable, Identifiable {
    /// The mission's identifier, `[a-z0-9-]+`, used for output folder names.
    public var id: String
    /// The mission's name as shown on agendas.
    public var name: String
    /// The ISO 3166-1 alpha-2 code of the host country, e.g. `CN`.
    public var hostCountry: String?
    /// The host city.
    public var city: String?
    /// The time zone all local dates and times of the mission are in.
    public var timeZone: TimeZone
    /// The participants file, as written in the mission file; `nil` for a
    /// mission built in code whose participants are given as values.
    public var participantsPath: String?
    /// The meeting requests file, as written in the mission file.
    public var requestsPath: String?
    /// The outcomes file (what came of the meetings, FileFormats §6b), as
    /// written in the mission file's `outcomes:` key.
    public var outcomesPath: String?
    /// The sentence-encoder model folder, as written in the mission file
    /// (`encoder:`), or `none` for lexical ranking; `nil` leaves the choice
    /// to the command (its `--encoder`, `$MISSIONMATCH_ENCODER`, the cache).
    public var encoderPath: String?
    /// Who may meet whom.
    public var pairing: Pairing
    /// The two side labels of a bipartite mission; empty for an open one.
    public var sides: [Side]
    /// The blocks of meeting time, in the order written.
    public var sessions: [Session]
    /// The length of one meeting.
    public var meetingMinutes: Int
    /// The pause between two meetings.
    public var breakMinutes: Int
    /// How many meetings can run at the same time.
    public var tables: Int
    /// The default maximum of meetings per participant; `nil` means as many as slots allow.
    public var maxMeetings: Int?
    /// The default number of meetings the agenda tries to give each participant.
    public var minMeetings: Int
    /// Pairs ruled out whatever their score.
    public var rules: MatchingRules
    /// How much each score component counts.
    public var weights: ScoringWeights
    /// How many recommendations to list per participant.
    public var topK: Int
    /// Outcomes promised to funders, for the impact report.
    public var targets: MissionTargets

    /// Creates a mission; optional settings take their documented defaults.
    ///
    /// - Parameters:
    ///   - id: The mission id, `[a-z0-9-]+`.
    ///   - name: The display name.
    ///   - hostCountry: The host country's alpha-2 code.
    ///   - city: The host city.
    ///   - timeZone: The mission's time zone.
    ///   - participantsPath: The participants file, relative to the mission file (default none: participants given as values).
    ///   - requestsPath: The requests file, if any.
    ///   - pairing: `bipartite` or `open`.
    ///   - sides: The two sides of a bipartite mission.
    ///   - sessions: The meeting sessions.
    ///   - meetingMinutes: Minutes per meeting.
    ///   - breakMinutes: Minutes between meetings (default 0).
    ///   - tables: Meetings at once.
    ///   - maxMeetings: Default meeting maximum per participant (default none).
    ///   - minMeetings: Default meeting target per participant (default 0).
    ///   - rules: Exclusion rules (default all off).
    ///   - weights: Score weights (default ``ScoringWeights/defaults``).
    ///   - topK: Recommendations per participant (default 10).
    ///   - targets: Impact targets (default none).
    public init(
        id: String, name: String, hostCountry: String? = nil, city: String? = nil, timeZone: TimeZone,
        participantsPath: String? = nil, requestsPath: String? = nil, pairing: Pairing, sides: [Side] = [],
        sessions: [Session], meetingMinutes: Int, breakMinutes: Int = 0, tables: Int,
        maxMeetings: Int? = nil, minMeetings: Int = 0, rules: MatchingRules = MatchingRules(),
        weights: ScoringWeights = .defaults, topK: Int = 10, targets: MissionTargets = MissionTargets()
    ) {
        self.id = id
        self.name = name
        self.hostCountry = hostCountry
        self.city = city
        self.timeZone = timeZone
        self.participantsPath = participantsPath
        self.requestsPath = requestsPath
        self.pairing = pairing
        self.sides = sides
        self.sessions = sessions
        self.meetingMinutes = meetingMinutes
        self.breakMinutes = breakMinutes
        self.tables = tables
        self.maxMeetings = maxMeetings
        self.minMeetings = minMeetings
        self.rules = rules
        self.weights = weights
        self.topK = topK
        self.targets = targets
        self.encoderPath = nil
        self.outcomesPath = nil
    }

    /// The session ranges that cover `range` at least partly.
    ///
    /// - Parameter range: A local-time range, e.g. a participant's availability.
    /// - Returns: The sessions it overlaps; empty when it lies outside every session.
    public func sessions(overlapping range: TimeRange) -> [Session] {
        sessions.filter { $0.range.overlaps(range) }
    }
}
