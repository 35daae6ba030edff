import MissionMatch

/// Turns participant records into ``Participant`` values, checking every rule
/// of the participants format and recording each problem with its position.
///
/// One validator reads one file: it remembers ids already seen (duplicates are
/// errors naming the first occurrence) and unknown terms already warned about
/// (each is reported once).
struct ParticipantValidator {
    let fileName: String
    let reference: ReferenceData
    let mission: Mission?
    var diagnostics: Diagnostics

    private var firstOccurrence: [String: Int] = [:]
    private var warnedSectors: Set<String> = []
    private var warnedLanguages: Set<String> = []
    private var countryCache: [String: String?] = [:]
    private var targetCache: [String: String?] = [:]
    private var sectorCache: [String: String?] = [:]
    private var cooperationCache: [String: CooperationType?] = [:]
    private var rangeCache: [String: TimeRange?] = [:]
    private let sideByKey: [String: Side]
    /// How messages name another row: `line` in a CSV file, `row` in a workbook's sheet.
    var rowNoun = "line"

    init(fileName: String, reference: ReferenceData, mission: Mission?, errorLimit: Int) {
        self.fileName = fileName
        self.reference = reference
        self.mission = mission
        self.diagnostics = Diagnostics(errorLimit: errorLimit)
        var sides: [String: Side] = [:]
        for side in mission?.sides ?? [] { sides[side.rawValue.lowercased()] = side }
        self.sideByKey = sides
    }

    /// Validates a record.
    ///
    /// - Returns: The participant, or `nil` when the record has errors.
    mutating func participant(from record: some ParticipantRecord) -> Participant? {
        let errorsBefore = diagnostics.errorCount
        let id = checkedID(record)
        let name = record.text(.name)
        if name.isEmpty {
            error(record, .name, "the name is missing", hint: "write the organisation's name as it should appear on agendas")
        }
        let country = checkedCountry(record)
        var participant = Participant(id: id ?? "", name: name, country: country ?? "")
        participant.side = checkedSide(record)
        participant.type = checkedType(record)
        participant.cluster = optional(record.text(.cluster))
        participant.sectors = checkedSectors(record)
        participant.offers = record.text(.offers)
        participant.needs = record.text(.needs)
        participant.offerTags = unique(record.items(.offerTags))
        participant.needTags = unique(record.items(.needTags))
        participant.targetCountries = checkedTargets(record)
        participant.cooperation = checkedCooperation(record)
        participant.languages = checkedLanguages(record)
        participant.maxMeetings = checkedCount(record, .maxMeetings, minimum: 0, maximum: FormatLimits.maxMeetings)
        participant.minMeetings = checkedCount(record, .minMeetings, minimum: 0, maximum: FormatLimits.maxMeetings)
        participant.representatives = checkedCount(record, .representatives, minimum: 1,
                                                   maximum: FormatLimits.maxRepresentatives) ?? 1
        checkMinimumWithinMaximum(participant, record)
        participant.availability = checkedAvailability(record)
        participant.email = optional(record.text(.email))
        participant.contact = optional(record.text(.contact))
        participant.website = optional(record.text(.website))
        participant.wantsMissions = checkedMissionIDs(record, .wantsMissions)
        participant.refusesMissions = checkedMissionIDs(record, .refusesMissions)
        if let both = participant.wantsMissions.first(where: participant.refusesMissions.contains) {
            error(record, .refusesMissions, "'\(both)' is both wanted and refused",
                  hint: "keep the mission in wants_missions or in refuses_missions, not both")
        }
        participant.extraFields = record.extraFields
        if !participant.hasContent {
            error(record, .offers, "offers, needs, offer_tags and need_tags are all empty",
                  hint: "describe what the organisation offers or needs in at least one of them")
        }
        if let line = record.startLine { participant.source = SourceLocation(file: fileName, line: line) }
        return diagnostics.errorCount == errorsBefore ? participant : nil
    }

    // MARK: - Fields

    private mutating func checkedID(_ record: some ParticipantRecord) -> String? {
        let id = record.text(.id)
        guard !id.isEmpty else {
            error(record, .id, "the id is missing", hint: "give each participant a unique id, e.g. cz-nano-01")
            return nil
        }
        let length = id.count
        if length > FormatLimits.maxIDLength {
            error(record, .id, "the id is \(length) characters long", hint: "use at most \(FormatLimits.maxIDLength) characters")
            return nil
        }
        if PrintableText.containsControls(id) {
            error(record, .id, "'\(PrintableText.terminal(id))' holds a control character",
                  hint: "use letters, digits and punctuation only; ids name files and appear in agendas")
            return nil
        }
        let here = record.recordIndex ?? record.line(.id) ?? 0
        if let first = firstOccurrence[id] {
            let place = record.recordIndex == nil ? "\(rowNoun) \(first)" : "record \(first)"
            error(record, .id, "'\(id)' is already the id of \(place)", hint: "give each participant a unique id")
            return nil
        }
        firstOccurrence[id] = here
        return id
    }

    private mutating func checkedCountry(_ record: some ParticipantRecord) -> String? {
        let text = record.text(.country)
        guard !text.isEmpty else {
            error(record, .country, "the country is missing", hint: "use an ISO code such as CZ")
            return nil
        }
        if let cached = countryCache[text] {
            if cached == nil { error(record, .country, "'\(text)' is not a known country", hint: countryHint(text)) }
            return cached
        }
        let code = reference.countries.country(matching: text)?.alpha2
        countryCache[text] = .some(code)
        if code == nil { error(record, .country, "'\(text)' is not a known country", hint: countryHint(text)) }
        return code
    }

    private func countryHint(_ text: String) -> String {
        let key = String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init))
        if let codes = FormerCountries.successors[key], codes != ["EU"] {
            return "use an ISO code such as " + codes.joined(separator: " or ")
        }
        var names: [String: String] = [:]
        for country in reference.countries.countries {
            for name in [country.name] + country.aliases { names[name] = country.alpha2 }
        }
        if let guess = Suggestion.closest(to: text, in: names.keys.sorted(), maxDistance: 2), let code = names[guess] {
            return "did you mean \(guess)? use an ISO code such as \(code)"
        }
        return "use an ISO code such as DE or CZ, or an English name such as Germany"
    }

    private mutating func checkedSide(_ record: some ParticipantRecord) -> Side? {
        let text = record.text(.side)
        guard let mission, mission.pairing == .bipartite else { return text.isEmpty ? nil : Side(rawValue: text) }
        var choices: String { mission.sides.map(\.rawValue).joined(separator: " or ") }
        guard !text.isEmpty else {
            error(record, .side, "the side is missing", hint: "use \(choices)")
            return nil
        }
        guard let side = sideByKey[text] ?? sideByKey[text.lowercased()] else {
            error(record, .side, "'\(text)' is not a side of mission \(mission.id)", hint: "use \(choices)")
            return nil
        }
        return side
    }

    private mutating func checkedType(_ record: some ParticipantRecord) -> ParticipantType? {
        let text = record.text(.type)
        guard !text.isEmpty else { return nil }
        guard let type = ParticipantType(rawValue: text) ?? ParticipantType(parsing: text) else {
            error(record, .type, "'\(text)' is not a participant type",
                  hint: "use one of " + ParticipantType.allCases.map(\.rawValue).joined(separator: ", "))
            return nil
        }
        return type
    }

    private mutating func checkedSectors(_ record: some ParticipantRecord) -> [String] {
        var codes: [String] = []
        for item in record.items(.sectors) {
            let code: String
            if let cached = sectorCache[item] {
                code = cached ?? item
            } else {
                let known = reference.sectors.sector(matching: item)?.code
                sectorCache[item] = .some(known)
                code = known ?? item
            }
            if sectorCache[item] == .some(nil), warnedSectors.insert(item.lowercased()).inserted {
                let example = reference.sectors.sectors.first.map { " such as \($0.code)" } ?? ""
                warning(record, .sectors, "'\(item)' is not in the sector taxonomy and is kept as a free label",
                        hint: "use a sector code\(example) if one fits; a free label matches only the same label")
            }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    private mutating func checkedTargets(_ record: some ParticipantRecord) -> [String] {
        var targets: [String] = []
        for item in record.items(.targetCountries) {
            let resolved: String?
            if let cached = targetCache[item] {
                resolved = cached
            } else {
                resolved = reference.countries.group(matching: item) ?? reference.countries.country(matching: item)?.alpha2
                targetCache[item] = .some(resolved)
            }
            guard let resolved else {
                error(record, .targetCountries, "'\(item)' is not a known country or group",
                      hint: "use ISO codes such as DE, or the groups " + reference.countries.groups.joined(separator: ", "))
                continue
            }
            if !targets.contains(resolved) { targets.append(resolved) }
        }
        return targets
    }

    /// A delegation preference list: mission ids, each at most 128 characters without control
    /// characters (whether each is a mission of the programme is checked when the programme is loaded).
    private mutating func checkedMissionIDs(_ record: some ParticipantRecord, _ field: ParticipantField) -> [String] {
        var ids: [String] = []
        for item in unique(record.items(field)) {
            if item.count > FormatLimits.maxIDLength || PrintableText.containsControls(item) {
                error(record, field, "'\(PrintableText.terminal(String(item.prefix(40))))' is not a mission id",
                      hint: "list mission ids (the id: of each mission file, at most \(FormatLimits.maxIDLength) characters) separated by |")
            } else {
                ids.append(item)
            }
        }
        return ids
    }

    private mutating func checkedCooperation(_ record: some ParticipantRecord) -> [CooperationType] {
        var kinds: [CooperationType] = []
        for item in record.items(.cooperation) {
            let parsed = cooperationCache[item] ?? {
                let kind = CooperationType(parsing: item)
                cooperationCache[item] = .some(kind)
                return kind
            }()
            guard let kind = parsed else {
                error(record, .cooperation, "'\(item)' is not a cooperation type",
                      hint: "use one of " + CooperationType.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            if !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }

    private mutating func checkedLanguages(_ record: some ParticipantRecord) -> [String] {
        var codes: [String] = []
        for item in record.items(.languages) {
            let code = item.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) ? item : item.lowercased()
            if !LanguageCodes.all.contains(code), warnedLanguages.insert(code).inserted {
                warning(record, .languages, "'\(item)' is not an ISO 639-1 language code and is kept as written",
                        hint: "use two-letter codes such as en, fr, zh")
            }
            if !codes.contains(code) { codes.append(code) }
        }
        return codes
    }

    /// A participant's own minimum may not exceed its maximum (its own or the mission's).
    /// (A participant's own maximum below the mission's default minimum is allowed:
    /// the participant then simply asks for fewer meetings.)
    private mutating func checkMinimumWithinMaximum(_ participant: Participant, _ record: some ParticipantRecord) {
        guard let low = participant.minMeetings, let high = participant.maxMeetings ?? mission?.maxMeetings, low > high
        else { return }
        let highText = participant.maxMeetings != nil ? "max_meetings \(high)" : "the mission's max_meetings \(high)"
        error(record, .minMeetings, "\(low) is more than \(highText)", hint: "lower min_meetings or raise max_meetings")
    }

    private mutating func checkedCount(_ record: some ParticipantRecord, _ field: ParticipantField, minimum: Int,
                                       maximum: Int) -> Int? {
        let text = record.text(field)
        guard !text.isEmpty else { return nil }
        guard let value = Int(text) else {
            let hint = field == .representatives
                ? "write a whole number such as 1: the meetings this participant can hold at once"
                : "write a whole number such as 8, or leave it empty for the mission's default"
            error(record, field, "'\(text)' is not a whole number", hint: hint)
            return nil
        }
        guard value >= minimum else {
            let hint = minimum == 1
                ? "write 1 or more: the meetings this participant can hold at once"
                : "write 0 or more"
            error(record, field, "\(value) is less than \(minimum)", hint: hint)
            return nil
        }
        guard value <= maximum else {
            error(record, field, "\(value) is more than \(maximum)", hint: "write at most \(maximum)")
            return nil
        }
        return value
    }

    private mutating func checkedAvailability(_ record: some ParticipantRecord) -> [TimeRange] {
        var ranges: [TimeRange] = []
        for item in record.items(.available) {
            let parsed = rangeCache[item] ?? {
                let range = TimeRange(parsing: item)
                rangeCache[item] = .some(range)
                return range
            }()
            guard let range = parsed else {
                error(record, .available, "'\(item)' is not a time range",
                      hint: "write YYYY-MM-DD HH:MM-HH:MM, e.g. 2019-06-17 09:00-12:30")
                continue
            }
            if range.isReversed {
                error(record, .available, "'\(item)' does not end after it starts",
                      hint: "write the earlier time first, e.g. \(range.date) \(range.end)-\(range.start)")
                continue
            }
            if let mission, !mission.sessions.isEmpty, mission.sessions(overlapping: range).isEmpty {
                error(record, .available, "'\(item)' is outside every session of the mission",
                      hint: "the sessions are " + Self.sessionList(mission.sessions))
                continue
            }
            if !ranges.contains(range) { ranges.append(range) }
        }
        return ranges
    }

    static func sessionList(_ sessions: [Session]) -> String {
        let shown = sessions.prefix(4).map(\.description).joined(separator: ", ")
        return sessions.count > 4 ? shown + " and \(sessions.count - 4) more" : shown
    }

    // MARK: - Helpers

    private func optional(_ text: String) -> String? { text.isEmpty ? nil : text }

    private func unique(_ items: [String]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(items.count)
        for item in items where !result.contains(item) { result.append(item) }
        return result
    }

    private mutating func error(_ record: some ParticipantRecord, _ field: ParticipantField, _ message: String, hint: String?) {
        diagnostics.append(Diagnostic(
            kind: field == .id && message.contains("already") ? .duplicate : .invalidValue,
            file: fileName, line: record.line(field), record: record.recordIndex, field: field.name,
            message: message, hint: hint))
    }

    private mutating func warning(_ record: some ParticipantRecord, _ field: ParticipantField, _ message: String, hint: String?) {
        diagnostics.append(Diagnostic(
            .warning, kind: .unknownTerm, file: fileName, line: record.line(field), record: record.recordIndex,
            field: field.name, message: message, hint: hint))
    }
}
