import Foundation

extension Mission {
    /// The key names of the mission format.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name
        case hostCountry = "host_country"
        case city
        case timeZone = "timezone"
        case participantsPath = "participants"
        case requestsPath = "requests"
        case pairing, sides, sessions
        case meetingMinutes = "meeting_minutes"
        case breakMinutes = "break_minutes"
        case tables
        case maxMeetings = "max_meetings"
        case minMeetings = "min_meetings"
        case rules, weights
        case topK = "top_k"
        case targets
        case encoderPath = "encoder"
    }

    /// Decodes a mission from the format's key names, with the documented defaults.
    ///
    /// This is the plain `Codable` form. To read an organiser's mission file with
    /// every value checked and line-accurate messages, use `MissionMatchIO`'s reader.
    ///
    /// - Throws: `DecodingError` when a required key is missing, a value has the
    ///   wrong type, or the time zone is unknown to this system.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let zoneName = try c.decode(String.self, forKey: .timeZone)
        guard let zone = TimeZone(identifier: zoneName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .timeZone, in: c, debugDescription: "'\(zoneName)' is not a known IANA time zone")
        }
        self.init(
            id: try c.decode(String.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            hostCountry: try c.decodeIfPresent(String.self, forKey: .hostCountry),
            city: try c.decodeIfPresent(String.self, forKey: .city),
            timeZone: zone,
            participantsPath: try c.decodeIfPresent(String.self, forKey: .participantsPath),
            requestsPath: try c.decodeIfPresent(String.self, forKey: .requestsPath),
            pairing: try c.decode(Pairing.self, forKey: .pairing),
            sides: try c.decodeIfPresent([Side].self, forKey: .sides) ?? [],
            sessions: try c.decode([Session].self, forKey: .sessions),
            meetingMinutes: try c.decode(Int.self, forKey: .meetingMinutes),
            breakMinutes: try c.decodeIfPresent(Int.self, forKey: .breakMinutes) ?? 0,
            tables: try c.decode(Int.self, forKey: .tables),
            maxMeetings: try c.decodeIfPresent(Int.self, forKey: .maxMeetings),
            minMeetings: try c.decodeIfPresent(Int.self, forKey: .minMeetings) ?? 0,
            rules: try c.decodeIfPresent(MatchingRules.self, forKey: .rules) ?? MatchingRules(),
            weights: try c.decodeIfPresent(ScoringWeights.self, forKey: .weights) ?? .defaults,
            topK: try c.decodeIfPresent(Int.self, forKey: .topK) ?? 10,
            targets: try c.decodeIfPresent(MissionTargets.self, forKey: .targets) ?? MissionTargets())
        self.encoderPath = try c.decodeIfPresent(String.self, forKey: .encoderPath)
    }

    /// Encodes the mission with the format's key names; the time zone as its IANA name.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(hostCountry, forKey: .hostCountry)
        try c.encodeIfPresent(city, forKey: .city)
        try c.encode(timeZone.identifier, forKey: .timeZone)
        try c.encodeIfPresent(participantsPath, forKey: .participantsPath)
        try c.encodeIfPresent(requestsPath, forKey: .requestsPath)
        try c.encode(pairing, forKey: .pairing)
        if !sides.isEmpty { try c.encode(sides, forKey: .sides) }
        try c.encode(sessions, forKey: .sessions)
        try c.encode(meetingMinutes, forKey: .meetingMinutes)
        try c.encode(breakMinutes, forKey: .breakMinutes)
        try c.encode(tables, forKey: .tables)
        try c.encodeIfPresent(maxMeetings, forKey: .maxMeetings)
        try c.encode(minMeetings, forKey: .minMeetings)
        try c.encode(rules, forKey: .rules)
        try c.encode(weights, forKey: .weights)
        try c.encode(topK, forKey: .topK)
        if !targets.isEmpty { try c.encode(targets, forKey: .targets) }
        try c.encodeIfPresent(encoderPath, forKey: .encoderPath)
    }
}

extension Mission {
    /// The key names of the mission format, for readers that check them.
    package enum CodingKeysList {
        /// Every key a mission document may hold, in documentation order.
        package static let all: [String] = CodingKeys.allCases.map(\.rawValue)
    }
}
