extension Participant {
    /// The field names of the participants format.
    enum CodingKeys: String, CodingKey {
        case id, name, country, side, type, cluster, sectors, offers, needs
        case offerTags = "offer_tags"
        case needTags = "need_tags"
        case targetCountries = "target_countries"
        case cooperation, languages
        case maxMeetings = "max_meetings"
        case minMeetings = "min_meetings"
        case representatives
        case availability = "available"
        case email, contact, website
        case wantsMissions = "wants_missions"
        case refusesMissions = "refuses_missions"
        case extraFields = "extra"
    }

    /// Decodes a participant from the format's field names; absent lists are
    /// empty and `representatives` defaults to 1.
    ///
    /// This is the plain `Codable` form. To read an organiser's file with
    /// validation and line-accurate messages, use `MissionMatchIO`'s readers.
    ///
    /// - Throws: `DecodingError` when a required field is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            country: try c.decode(String.self, forKey: .country))
        side = try c.decodeIfPresent(Side.self, forKey: .side)
        type = try c.decodeIfPresent(ParticipantType.self, forKey: .type)
        cluster = try c.decodeIfPresent(String.self, forKey: .cluster)
        sectors = try c.decodeIfPresent([String].self, forKey: .sectors) ?? []
        offers = try c.decodeIfPresent(String.self, forKey: .offers) ?? ""
        needs = try c.decodeIfPresent(String.self, forKey: .needs) ?? ""
        offerTags = try c.decodeIfPresent([String].self, forKey: .offerTags) ?? []
        needTags = try c.decodeIfPresent([String].self, forKey: .needTags) ?? []
        targetCountries = try c.decodeIfPresent([String].self, forKey: .targetCountries) ?? []
        cooperation = try c.decodeIfPresent([CooperationType].self, forKey: .cooperation) ?? []
        languages = try c.decodeIfPresent([String].self, forKey: .languages) ?? []
        maxMeetings = try c.decodeIfPresent(Int.self, forKey: .maxMeetings)
        minMeetings = try c.decodeIfPresent(Int.self, forKey: .minMeetings)
        representatives = try c.decodeIfPresent(Int.self, forKey: .representatives) ?? 1
        availability = try c.decodeIfPresent([TimeRange].self, forKey: .availability) ?? []
        email = try c.decodeIfPresent(String.self, forKey: .email)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
        website = try c.decodeIfPresent(String.self, forKey: .website)
        wantsMissions = try c.decodeIfPresent([String].self, forKey: .wantsMissions) ?? []
        refusesMissions = try c.decodeIfPresent([String].self, forKey: .refusesMissions) ?? []
        extraFields = try c.decodeIfPresent([ExtraField].self, forKey: .extraFields) ?? []
    }

    /// Encodes the participant with the format's field names; ``source`` is left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(country, forKey: .country)
        try c.encodeIfPresent(side, forKey: .side)
        try c.encodeIfPresent(type, forKey: .type)
        try c.encodeIfPresent(cluster, forKey: .cluster)
        try c.encode(sectors, forKey: .sectors)
        try c.encode(offers, forKey: .offers)
        try c.encode(needs, forKey: .needs)
        try c.encode(offerTags, forKey: .offerTags)
        try c.encode(needTags, forKey: .needTags)
        try c.encode(targetCountries, forKey: .targetCountries)
        try c.encode(cooperation, forKey: .cooperation)
        try c.encode(languages, forKey: .languages)
        try c.encodeIfPresent(maxMeetings, forKey: .maxMeetings)
        try c.encodeIfPresent(minMeetings, forKey: .minMeetings)
        try c.encode(representatives, forKey: .representatives)
        try c.encode(availability, forKey: .availability)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(contact, forKey: .contact)
        try c.encodeIfPresent(website, forKey: .website)
        // Delegation preferences only when set, so that files without them keep their bytes.
        if !wantsMissions.isEmpty { try c.encode(wantsMissions, forKey: .wantsMissions) }
        if !refusesMissions.isEmpty { try c.encode(refusesMissions, forKey: .refusesMissions) }
        if !extraFields.isEmpty { try c.encode(extraFields, forKey: .extraFields) }
    }
}
