import MissionMatch

/// Sentence templates and word lists for synthetic texts, in the style of the
/// bundled sample missions (`Scripts/data/phrasebank_common.py`).
///
/// Placeholders: `{A}`…`{D}` offered concepts, `{T}`, `{T2}` needed concepts,
/// `{v}`/`{v3}`/`{ving}` verb forms, `{desc}`/`{Desc}` a description of the
/// organisation, `{years}`, `{since}`, `{n}` numbers, `{market}`, `{purpose}`.
enum SyntheticPhrases {
    /// Offer openers by the number of concepts they take (1, 2, 3).
    static let offerOpeners: [[String]] = [
        ["We {v} {A}.", "{Desc} {ving} {A}.", "Our core business is {A}.", "Specialised in {A}.",
         "{Desc} with {years} years of experience in {A}.", "Since {since} we {v} {A}.", "Know-how in {A}."],
        ["We {v} {A} and {B}.", "Our core business is {A}; we also offer {B}.", "Specialised in {A} and {B}.",
         "Our team {v3} {A} and {B}.", "We {v} {A}; {B} is our second business line.", "{Desc} {ving} {A} and {B}."],
        ["Main products: {A}, {B} and {C}.", "Know-how in {A}, {B} and {C}.", "Our portfolio covers {A}, {B} and {C}.",
         "We are {desc} offering {A}, {B} and {C}."],
    ]

    /// Follow-ups for the offered concepts an opener did not take (1 or 2 at a time).
    static let offerFollowUps: [[String]] = [
        ["We can also supply {A}.", "Also available: {A}.", "We also provide {A}.", "Our offer is completed by {A}."],
        ["Capabilities include {A} and {B}.", "Services: {A}, {B}.", "We can also supply {A} and {B}."],
    ]

    /// Need sentences by the number of concepts they take (1, 2).
    static let needOpeners: [[String]] = [
        ["Looking for {T} in {market}.", "Interested in suppliers of {T}.", "Searching for {T}.", "Technical need: {T}.",
         "We want to enter {market} and need {T}.", "Seeking partners offering {T} to {purpose}.",
         "We would like to meet providers of {T}.", "Our goal is to find {T}."],
        ["We need {T} and {T2} for a new product line.", "Main objective: {T} in {market}; also open to {T2}.",
         "We are looking for {T} and {T2} to {purpose}."],
    ]

    /// Follow-ups for further needs.
    static let needFollowUps = ["We also need {T}.", "Also looking for {T}.", "{T} would be welcome."]

    /// Company facts: filler that carries no concept.
    static let companyFacts = [
        "Samples available on request.", "ISO 9001 certified.", "We export to {n} countries.",
        "Family-owned company, second generation.", "Technical support in English.",
        "Short lead times and flexible minimum order quantities.", "Founded in {since}.",
        "We already work with customers in {n} countries.", "Small batches and custom formats are possible.",
        "Our team of {n} engineers is ready for new projects.",
    ]

    /// Sector mentions: filler naming a sector, not a concept.
    static let sectorMentions = ["Active in {sector}.", "Our customers are mainly in {sector}.", "We serve clients in {sector}."]

    /// Past projects: noise naming a concept the participant neither offers nor needs.
    static let pastProjects = ["We previously worked on {X} projects.", "Past projects include {X}.",
                               "A former business line was {X}."]

    /// Filler for needs texts.
    static let needFillers = ["Open to a first call before the mission.", "Budget available for a pilot.",
                              "Meetings in English preferred.", "Decision within three months."]

    static let descriptions = [
        "a family-owned company", "an innovative SME", "a young start-up", "a technology company",
        "an established manufacturer", "a specialised supplier", "a research-driven company", "a fast-growing scale-up",
    ]

    static let verbs: [(v: String, v3: String, ving: String)] = [
        ("develop", "develops", "developing"), ("produce", "produces", "producing"), ("supply", "supplies", "supplying"),
        ("manufacture", "manufactures", "manufacturing"), ("offer", "offers", "offering"),
        ("design", "designs", "designing"), ("provide", "provides", "providing"),
    ]

    static let purposes = [
        "start a pilot project", "scale up production", "grow exports", "co-develop a new product",
        "test our solution with real customers", "build a sales network",
    ]

    static let brandHeads = [
        "Nova", "Terra", "Flex", "Bio", "Agri", "Pack", "Tech", "Lumi", "Vita", "Aqua", "Eco", "Opti", "Poly", "Nano",
        "Sino", "Maple", "Astra", "Verde", "Cyto", "Helio", "Kine", "Orbi", "Quanta", "Silva", "Trans", "Uni", "Vero",
        "Zeni", "Alto", "Brio",
    ]
    static let brandTails = [
        "lab", "pak", "tek", "gen", "form", "line", "wave", "core", "nova", "vita", "sys", "mix", "ware", "dyn", "flow",
        "tex", "mar", "ris", "via", "sol",
    ]
    static let businessNouns = [
        "Solutions", "Systems", "Technologies", "Industries", "Group", "Labs", "Innovations", "International",
        "Trading", "Works",
    ]
    static let legalForms: [String: String] = [
        "CZ": "s.r.o.", "SK": "s.r.o.", "DE": "GmbH", "AT": "GmbH", "FR": "SAS", "BE": "SA", "ES": "S.L.",
        "PT": "Lda.", "NL": "B.V.", "SE": "AB", "DK": "ApS", "IT": "S.r.l.", "SI": "d.o.o.", "PL": "sp. z o.o.",
        "FI": "Oy", "IE": "Ltd.", "US": "LLC", "CA": "Inc.", "CN": "Co., Ltd.", "JP": "K.K.", "KR": "Co., Ltd.",
        "IN": "Pvt. Ltd.", "BR": "Ltda.", "MX": "S.A. de C.V.", "SG": "Pte. Ltd.", "AU": "Pty Ltd",
        "ZA": "(Pty) Ltd", "TR": "A.Ş.", "CL": "SpA", "IL": "Ltd.", "AE": "LLC",
    ]

    /// Spoken languages (ISO 639-1) by country, besides English.
    static let languages: [String: [String]] = [
        "CZ": ["cs"], "SK": ["sk"], "DE": ["de"], "AT": ["de"], "FR": ["fr"], "BE": ["fr", "nl"], "ES": ["es"],
        "PT": ["pt"], "NL": ["nl"], "SE": ["sv"], "DK": ["da"], "IT": ["it"], "SI": ["sl"], "PL": ["pl"],
        "FI": ["fi"], "CN": ["zh"], "CA": ["fr"], "JP": ["ja"], "KR": ["ko"], "IN": ["hi"], "BR": ["pt"],
        "MX": ["es"], "SG": ["zh"], "TR": ["tr"], "CL": ["es"], "IL": ["he"], "AE": ["ar"],
    ]

    /// Cooperation types with how often participants seek them.
    static let cooperation: [(type: CooperationType, weight: Double)] = [
        (.commercial, 0.5), (.distribution, 0.35), (.supplier, 0.2), (.technical, 0.3), (.research, 0.2),
        (.licensing, 0.1), (.jointVenture, 0.08), (.investment, 0.08), (.outsourcing, 0.05),
    ]

    static let consortiumTypes: [(type: ParticipantType, weight: Double)] = [
        (.sme, 0.8), (.research, 0.08), (.large, 0.05), (.intermediary, 0.05), (.public, 0.02),
    ]
    static let counterpartTypes: [(type: ParticipantType, weight: Double)] = [
        (.sme, 0.45), (.large, 0.25), (.intermediary, 0.2), (.research, 0.05), (.investor, 0.03), (.public, 0.02),
    ]

    /// Notes of generated requests, by priority.
    static let requestNotes: [MeetingRequest.Priority: [String]] = [
        .must: ["Pre-arranged by the cluster manager", "Met at a trade fair, samples sent", "Joint project proposal"],
        .wish: ["Recommended by a partner", "Interesting distributor"],
        .block: ["Direct competitor", "Already in a dispute"],
    ]
}
