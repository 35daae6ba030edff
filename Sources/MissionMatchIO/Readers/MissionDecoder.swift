import Foundation
import MissionMatch

/// Checks a mission document key by key and builds the ``Mission``.
struct MissionDecoder {
    /// Every key a mission document may hold, in documentation order (FileFormats §3).
    static let keys = [
        "id", "name", "host_country", "city", "timezone", "participants", "requests", "pairing", "sides", "sessions",
        "meeting_minutes", "break_minutes", "tables", "max_meetings", "min_meetings", "rules", "weights", "top_k", "targets",
        "outcomes", "encoder", "columns",
    ]
    static let sessionKeys = ["date", "start", "end"]
    static let ruleKeys = ["exclude_same_cluster", "exclude_same_country", "require_common_language", "exclude_met_before"]
    static let weightKeys = [
        "complementarity", "latent_share", "semantic_share", "similarity", "competition", "sector", "country", "cooperation", "reciprocity",
        "calibrated",
    ]
    static let targetKeys = ["meetings", "cooperation_agreements", "business_agreements", "mous", "events"]

    var reader: StructuredReader
    let countries: CountryTable?

    init(fileName: String, countries: CountryTable?, errorLimit: Int) {
        self.reader = StructuredReader(fileName: fileName, errorLimit: errorLimit)
        self.countries = countries
    }

    /// Builds the mission, or returns `nil` after recording every problem.
    mutating func mission(from root: StructuredNode) -> (mission: Mission, participantsLine: Int?, requestsLine: Int?)? {
        guard let map = reader.mapping(root, path: "", allowedKeys: Self.keys,
                                       hint: "a mission file is a mapping of keys such as id, name, timezone, sessions")
        else { return nil }
        let before = reader.diagnostics.errorCount
        let id = checkedID(map)
        let name = reader.string(map, "name", required: true, example: "AdPack² business mission to Shanghai")?.text
        let hostCountry = checkedCountry(map)
        let city = reader.string(map, "city", example: "Shanghai")?.text
        let timeZone = checkedTimeZone(map)
        let participants = reader.string(map, "participants", required: true, example: "../participants/shanghai-2019.csv")
        let requests = reader.string(map, "requests", example: "../requests/shanghai-2019.csv")
        let pairing = checkedPairing(map)
        let sides = checkedSides(map, pairing: pairing)
        let sessions = checkedSessions(map)
        let meetingMinutes = reader.integer(map, "meeting_minutes", minimum: 1, maximum: 1440, required: true, example: "20")
        let breakMinutes = reader.integer(map, "break_minutes", minimum: 0, maximum: 1440, example: "5") ?? 0
        let tables = reader.integer(map, "tables", minimum: 1, maximum: FormatLimits.maxTables, required: true, example: "25")
        let maxMeetings = reader.integer(map, "max_meetings", minimum: 0, maximum: FormatLimits.maxMeetings, example: "8")
        let minMeetings = reader.integer(map, "min_meetings", minimum: 0, maximum: FormatLimits.maxMeetings, example: "2") ?? 0
        if let maxMeetings, minMeetings > maxMeetings {
            reader.error(line: reader.string(map, "min_meetings", example: "")?.line, key: "min_meetings",
                         "\(minMeetings) is more than max_meetings \(maxMeetings)", hint: "lower min_meetings or raise max_meetings")
        }
        let rules = checkedRules(map)
        let weights = checkedWeights(map)
        let topK = reader.integer(map, "top_k", minimum: 1, maximum: FormatLimits.maxTopK, example: "10") ?? 10
        let targets = checkedTargets(map)
        let outcomes = reader.string(map, "outcomes", example: "../outcomes/shanghai-2019.csv")
        let encoder = reader.string(map, "encoder", example: "~/.cache/missionmatch/encoders/all-MiniLM-L6-v2")

        guard reader.diagnostics.errorCount == before, let id, let name, let timeZone, let participants,
              let pairing, let sessions, let meetingMinutes, let tables
        else { return nil }
        var mission = Mission(
            id: id, name: name, hostCountry: hostCountry, city: city, timeZone: timeZone,
            participantsPath: participants.text, requestsPath: requests?.text, pairing: pairing, sides: sides,
            sessions: sessions, meetingMinutes: meetingMinutes, breakMinutes: breakMinutes, tables: tables,
            maxMeetings: maxMeetings, minMeetings: minMeetings, rules: rules, weights: weights, topK: topK, targets: targets)
        mission.encoderPath = encoder?.text
        mission.outcomesPath = outcomes?.text
        checkSlots(mission, map)
        guard reader.diagnostics.errorCount == before else { return nil }
        return (mission, participants.line, requests?.line)
    }

    // MARK: - Keys

    private mutating func checkedID(_ map: StructuredReader.Mapping) -> String? {
        guard let (id, line) = reader.string(map, "id", required: true, example: "shanghai-2019") else { return nil }
        let valid = id.utf8.allSatisfy { ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
            || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") }
        guard valid, id.count <= 128 else {
            reader.error(line: line, key: "id", "'\(id)' is not a valid mission id",
                         hint: "use lowercase letters, digits and '-', e.g. \(Self.suggestedID(id))")
            return nil
        }
        return id
    }

    static func suggestedID(_ text: String) -> String {
        let words = LookupKey.words(text).split(separator: " ")
        let id = words.joined(separator: "-")
        return id.isEmpty ? "shanghai-2019" : String(id.prefix(64))
    }

    private mutating func checkedCountry(_ map: StructuredReader.Mapping) -> String? {
        guard let (text, line) = reader.string(map, "host_country", example: "CN") else { return nil }
        guard let countries else { return text.uppercased() }
        guard let country = countries.country(matching: text) else {
            reader.error(line: line, key: "host_country", "'\(text)' is not a known country",
                         hint: "use an ISO code such as CN, CA or US")
            return nil
        }
        return country.alpha2
    }

    private mutating func checkedTimeZone(_ map: StructuredReader.Mapping) -> TimeZone? {
        guard let (text, line) = reader.string(map, "timezone", required: true, example: "Asia/Shanghai") else { return nil }
        if let zone = TimeZone(identifier: text) { return zone }
        let known = TimeZone.knownTimeZoneIdentifiers
        if known.isEmpty {
            reader.error(line: line, key: "timezone", "'\(text)' cannot be checked: this system has no time zone data",
                         hint: "install the system's time-zone database (the tzdata package on Debian and Ubuntu)")
        } else {
            let guess = Suggestion.closest(to: text, in: known, maxDistance: 3)
            reader.error(line: line, key: "timezone", "'\(text)' is not a known IANA time zone",
                         hint: guess.map { "did you mean \($0)?" } ?? "use a name such as Europe/Brussels or America/Toronto")
        }
        return nil
    }

    private mutating func checkedPairing(_ map: StructuredReader.Mapping) -> Pairing? {
        guard let (text, line) = reader.string(map, "pairing", required: true, example: "bipartite") else { return nil }
        guard let pairing = Pairing(rawValue: text.lowercased()) else {
            reader.error(line: line, key: "pairing", "'\(text)' is not a pairing", hint: "use bipartite or open")
            return nil
        }
        return pairing
    }

    private mutating func checkedSides(_ map: StructuredReader.Mapping, pairing: Pairing?) -> [Side] {
        let example = "[consortium, counterpart]"
        guard let pairing else { return [] }
        guard pairing == .bipartite else {
            if let entry = map.entry("sides") {
                reader.error(line: entry.keyLine, key: "sides", "sides are only used when pairing is bipartite",
                             hint: "remove sides, or set pairing: bipartite")
            }
            return []
        }
        guard let (items, line) = reader.list(map, "sides", required: true, example: example) else { return [] }
        var sides: [Side] = []
        for item in items {
            guard let text = item.scalarText?.trimmingBlanks(), !text.isEmpty else {
                reader.error(line: item.line ?? line, key: "sides", "a side is \(item.kindName)", hint: "write two labels, e.g. \(example)")
                return []
            }
            sides.append(Side(rawValue: text.lowercased()))
        }
        if sides.count != 2 {
            reader.error(line: line, key: "sides", "a bipartite mission has exactly two sides, not \(sides.count)",
                         hint: "list two labels, e.g. sides: \(example)")
        } else if sides[0] == sides[1] {
            reader.error(line: line, key: "sides", "both sides are '\(sides[0])'", hint: "give the two sides different labels")
        }
        return sides
    }

    private mutating func checkedSessions(_ map: StructuredReader.Mapping) -> [Session]? {
        let example = "{date: 2019-06-17, start: \"09:00\", end: \"12:30\"}"
        guard let (items, line) = reader.list(map, "sessions", required: true, example: "[\(example)]") else { return nil }
        guard !items.isEmpty else {
            reader.error(line: line, key: "sessions", "the list of sessions is empty", hint: "add at least one session, e.g. - \(example)")
            return nil
        }
        guard items.count <= FormatLimits.maxSessions else {
            reader.error(line: line, key: "sessions", "\(items.count) sessions are more than \(FormatLimits.maxSessions)",
                         hint: "a mission has at most \(FormatLimits.maxSessions) sessions; split it into several missions")
            return nil
        }
        var sessions: [Session] = []
        var ok = true
        for (offset, item) in items.enumerated() {
            let path = "sessions[\(offset + 1)]"
            guard let entry = reader.mapping(item, path: path, allowedKeys: Self.sessionKeys, hint: "write each session as \(example)")
            else { ok = false; continue }
            let date = reader.string(entry, "date", required: true, example: "2019-06-17")
            let start = reader.string(entry, "start", required: true, example: "\"09:00\"")
            let end = reader.string(entry, "end", required: true, example: "\"12:30\"")
            let day = date.flatMap { d in LocalDate(parsing: d.text) ?? invalid(d, entry.name("date"), "a date", "write YYYY-MM-DD, e.g. 2019-06-17") }
            let from = start.flatMap { s in LocalTime(parsing: s.text) ?? invalid(s, entry.name("start"), "a time", "write HH:MM, e.g. 09:00") }
            let to = end.flatMap { e in LocalTime(parsing: e.text) ?? invalid(e, entry.name("end"), "a time", "write HH:MM, e.g. 12:30") }
            guard let day, let from, let to else { ok = false; continue }
            guard to > from else {
                reader.error(line: end?.line, key: entry.name("end"), "\(to) is not after the start \(from)",
                             hint: "the end must be later than the start on the same day")
                ok = false
                continue
            }
            let session = Session(date: day, start: from, end: to)
            if let other = sessions.firstIndex(where: { $0.range.overlaps(session.range) }) {
                reader.error(line: item.line, key: path, "session \(offset + 1) (\(session)) overlaps session \(other + 1) (\(sessions[other]))",
                             hint: "merge them or change their times")
                ok = false
            }
            sessions.append(session)
        }
        guard ok else { return nil }
        return checkedSpan(sessions, line: line) ? sessions : nil
    }

    /// The sessions must lie within ``FormatLimits/maxSessionSpanDays`` of each other.
    private mutating func checkedSpan(_ sessions: [Session], line: Int?) -> Bool {
        guard let first = sessions.map(\.date).min(), let last = sessions.map(\.date).max() else { return true }
        let days = Mission.daysSinceEpoch(last) - Mission.daysSinceEpoch(first)
        guard days <= FormatLimits.maxSessionSpanDays else {
            reader.error(line: line, key: "sessions", "the sessions span \(days) days, from \(first) to \(last)",
                         hint: "keep every session within \(FormatLimits.maxSessionSpanDays) days of the first; check the years")
            return false
        }
        return true
    }

    /// The slots the sessions hold, counted without building them.
    static func slotCount(_ mission: Mission) -> Int {
        let step = mission.meetingMinutes + max(0, mission.breakMinutes)
        guard mission.meetingMinutes > 0, step > 0 else { return 0 }
        return mission.sessions.reduce(0) { total, session in
            let length = session.end.minutesSinceMidnight - session.start.minutesSinceMidnight
            return total + (length >= mission.meetingMinutes ? (length - mission.meetingMinutes) / step + 1 : 0)
        }
    }

    private mutating func invalid<T>(_ value: (text: String, line: Int?), _ key: String, _ what: String, _ hint: String) -> T? {
        reader.error(line: value.line, key: key, "'\(value.text)' is not \(what)", hint: hint)
        return nil
    }

    private mutating func checkedRules(_ map: StructuredReader.Mapping) -> MatchingRules {
        guard let rules = reader.nested(map, "rules", allowedKeys: Self.ruleKeys) else { return MatchingRules() }
        return MatchingRules(
            excludeSameCluster: reader.boolean(rules, "exclude_same_cluster") ?? false,
            excludeSameCountry: reader.boolean(rules, "exclude_same_country") ?? false,
            requireCommonLanguage: reader.boolean(rules, "require_common_language") ?? false,
            excludeMetBefore: reader.boolean(rules, "exclude_met_before") ?? false)
    }

    private mutating func checkedWeights(_ map: StructuredReader.Mapping) -> ScoringWeights {
        guard let weights = reader.nested(map, "weights", allowedKeys: Self.weightKeys) else { return .defaults }
        let d = ScoringWeights.defaults
        let result = ScoringWeights(
            complementarity: reader.nonNegativeNumber(weights, "complementarity", example: "0.36") ?? d.complementarity,
            latentShare: checkedShare(weights, "latent_share", zero: "exact terms only", one: "LSA only") ?? d.latentShare,
            semanticShare: checkedShare(weights, "semantic_share", zero: "lexical only", one: "sentence encoder only")
                ?? d.semanticShare,
            similarity: reader.nonNegativeNumber(weights, "similarity", example: "0.10") ?? d.similarity,
            competition: reader.nonNegativeNumber(weights, "competition", example: "0.13") ?? d.competition,
            sector: reader.nonNegativeNumber(weights, "sector", example: "0.15") ?? d.sector,
            country: reader.nonNegativeNumber(weights, "country", example: "0.15") ?? d.country,
            cooperation: reader.nonNegativeNumber(weights, "cooperation", example: "0.05") ?? d.cooperation,
            reciprocity: checkedReciprocity(weights) ?? d.reciprocity,
            calibrated: reader.boolean(weights, "calibrated") ?? d.calibrated)
        if result.total <= 0 {
            reader.error(line: weights.line, key: "weights", "all weights are 0", hint: "give at least one weight a positive value")
        }
        return result
    }

    private mutating func checkedShare(
        _ weights: StructuredReader.Mapping, _ key: String, zero: String, one: String
    ) -> Double? {
        guard let share = reader.nonNegativeNumber(weights, key, example: "0.4") else { return nil }
        guard share <= 1 else {
            reader.error(line: weights.line, key: "weights.\(key)", "\(share) is above 1",
                         hint: "give a share between 0 (\(zero)) and 1 (\(one))")
            return nil
        }
        return share
    }

    private mutating func checkedReciprocity(_ weights: StructuredReader.Mapping) -> Reciprocity? {
        guard let (text, line) = reader.string(weights, "reciprocity", example: "harmonic") else { return nil }
        guard let value = Reciprocity(rawValue: text.lowercased()) else {
            reader.error(line: line, key: "weights.reciprocity", "'\(text)' is not a reciprocity mean",
                         hint: "use harmonic, geometric or arithmetic")
            return nil
        }
        return value
    }

    private mutating func checkedTargets(_ map: StructuredReader.Mapping) -> MissionTargets {
        guard let targets = reader.nested(map, "targets", allowedKeys: Self.targetKeys) else { return MissionTargets() }
        return MissionTargets(
            meetings: reader.integer(targets, "meetings", minimum: 0, example: "200"),
            cooperationAgreements: reader.integer(targets, "cooperation_agreements", minimum: 0, example: "38"),
            businessAgreements: reader.integer(targets, "business_agreements", minimum: 0, example: "10"),
            mous: reader.integer(targets, "mous", minimum: 0, example: "2"),
            events: reader.integer(targets, "events", minimum: 0, example: "1"))
    }

    private mutating func checkSlots(_ mission: Mission, _ map: StructuredReader.Mapping) {
        let line = map.entry("sessions")?.keyLine
        let slotCount = Self.slotCount(mission)
        guard slotCount <= FormatLimits.maxSlots else {
            reader.error(line: line, key: "sessions", "the sessions hold \(slotCount) meeting slots, more than \(FormatLimits.maxSlots)",
                         hint: "use fewer or shorter sessions, or longer meetings")
            return
        }
        let tableSlots = slotCount.saturatingMultiplied(by: mission.tables)
        guard tableSlots <= FormatLimits.maxTableSlots else {
            reader.error(line: map.entry("tables")?.keyLine, key: "tables",
                         "\(mission.tables) tables × \(slotCount) slots make \(tableSlots) table slots, more than \(FormatLimits.maxTableSlots)",
                         hint: "lower tables to the meetings that can really run at once")
            return
        }
        let perSession = mission.slotsPerSession
        if perSession.allSatisfy({ $0 == 0 }) {
            reader.error(line: line, key: "sessions", "no meeting of \(mission.meetingMinutes) minutes fits in any session",
                         hint: "make the sessions longer or meeting_minutes shorter")
            return
        }
        for (index, count) in perSession.enumerated() where count == 0 {
            reader.warning(line: line, key: "sessions[\(index + 1)]",
                           "session \(index + 1) (\(mission.sessions[index])) is shorter than one meeting and holds no slot",
                           hint: "make it at least \(mission.meetingMinutes) minutes long, or remove it")
        }
    }
}
