/// An organisation registered for a mission: one row of the participants file.
///
/// Every field of the participants format is here, normalised by the reader:
/// countries are ISO 3166-1 alpha-2 codes, sectors are taxonomy codes (or free
/// labels when unknown), lists hold each item once in the order written, and
/// columns the format does not define are kept in ``extraFields``.
///
/// ```swift
/// var p = Participant(id: "cz-nano-01", name: "Nanoprogress Films s.r.o.", country: "CZ")
/// p.side = "consortium"
/// p.offers = "Nanofibre barrier coatings for food packaging"
/// p.offerTags = ["barrier coating", "nanofibres"]
/// ```
///
/// Its `Encodable` form is the participants format's JSON (FileFormats §1:
/// the same field names as the CSV columns, `offer_tags`, `max_meetings`, …),
/// which the IO library's `ParticipantReader.readJSON` reads back into equal
/// participants (a round-trip test checks it); ``source`` is where the row
/// was read and is not encoded.
public struct Participant: Sendable, Equatable, Codable, Identifiable {
    /// The stable, unique identifier (at most 128 characters).
    public var id: String
    /// The organisation's name as it should appear on agendas.
    public var name: String
    /// The ISO 3166-1 alpha-2 code of the organisation's country, e.g. `CZ`.
    public var country: String
    /// The mission side the participant is on (bipartite missions), e.g. `consortium`.
    public var side: Side?
    /// The kind of organisation.
    public var type: ParticipantType?
    /// The cluster organisation the participant belongs to, as written.
    public var cluster: String?
    /// Sector codes from the taxonomy; unknown sectors are kept as free labels.
    public var sectors: [String]
    /// Free text: products, competences, technologies, services offered.
    public var offers: String
    /// Free text: what the organisation is looking for.
    public var needs: String
    /// Keywords for what is offered: thesaurus concepts (id, label or synonym) or free keywords.
    public var offerTags: [String]
    /// Keywords for what is needed: thesaurus concepts (id, label or synonym) or free keywords.
    public var needTags: [String]
    /// Countries (alpha-2) or groups (`EU`, `EEA`, `ANY`) the organisation wants partners from.
    public var targetCountries: [String]
    /// The kinds of cooperation sought.
    public var cooperation: [CooperationType]
    /// ISO 639-1 language codes, lowercase, e.g. `en`.
    public var languages: [String]
    /// Overrides the mission's `max_meetings` for this participant.
    public var maxMeetings: Int?
    /// Overrides the mission's `min_meetings` for this participant.
    public var minMeetings: Int?
    /// How many meetings the participant can hold at the same time (at least 1).
    public var representatives: Int
    /// Local-time ranges when the participant can meet; empty means every session.
    public var availability: [TimeRange]
    /// Contact e-mail, carried through to agendas and calendars.
    public var email: String?
    /// Contact person, carried through to agendas.
    public var contact: String?
    /// Web site, carried through to agendas.
    public var website: String?
    /// Ids of the missions of a delegation programme the SME wants to go on (`wants_missions`).
    public var wantsMissions: [String]
    /// Ids of the missions of a delegation programme the SME will not go on (`refuses_missions`).
    public var refusesMissions: [String]
    /// Columns the format does not define, in file order, as written.
    public var extraFields: [ExtraField]
    /// Where the participant was read from, for messages; not encoded.
    public var source: SourceLocation?

    /// Creates a participant with the required fields; everything else starts empty.
    ///
    /// - Parameters:
    ///   - id: A unique identifier.
    ///   - name: The organisation's name.
    ///   - country: An ISO 3166-1 alpha-2 code.
    public init(id: String, name: String, country: String) {
        self.id = id
        self.name = name
        self.country = country
        self.side = nil
        self.type = nil
        self.cluster = nil
        self.sectors = []
        self.offers = ""
        self.needs = ""
        self.offerTags = []
        self.needTags = []
        self.targetCountries = []
        self.cooperation = []
        self.languages = []
        self.maxMeetings = nil
        self.minMeetings = nil
        self.representatives = 1
        self.availability = []
        self.email = nil
        self.contact = nil
        self.website = nil
        self.wantsMissions = []
        self.refusesMissions = []
        self.extraFields = []
        self.source = nil
    }

    /// Whether the participant describes anything to match on: offers, needs or tags.
    public var hasContent: Bool {
        !offers.isEmpty || !needs.isEmpty || !offerTags.isEmpty || !needTags.isEmpty
    }

    /// The participant's own meeting limit, or the mission's when it sets none.
    ///
    /// - Parameter mission: The mission the participant attends.
    /// - Returns: The maximum number of meetings, or `nil` when neither sets one.
    public func maximumMeetings(in mission: Mission) -> Int? {
        maxMeetings ?? mission.maxMeetings
    }

    /// The participant's own meeting target, or the mission's.
    ///
    /// - Parameter mission: The mission the participant attends.
    /// - Returns: The minimum number of meetings sought (0 when neither sets one).
    public func minimumMeetings(in mission: Mission) -> Int {
        minMeetings ?? mission.minMeetings
    }
}
