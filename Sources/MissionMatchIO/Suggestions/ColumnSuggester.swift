import MissionMatch

/// Proposes how an export's columns map to MissionMatch's participant fields
/// (FileFormats.md §1b, "Column suggestions"): headers are compared with
/// synonyms in English, French, German, Spanish and Italian (typos
/// tolerated), and sampled values are checked against what each field
/// expects — countries against the reference data, sector names against the
/// taxonomy, e-mails, web addresses, integers, time ranges, lists and their
/// separators. Enumeration labels get a proposed value map and unknown
/// sector names their nearest taxonomy entries.
///
/// Nothing here is used during a run: the proposal is printed and written
/// for an organiser to review, and a file without a mapping is read as before.
///
/// ```swift
/// let sample = try ColumnSampleReader().read(contentsOf: URL(fileURLWithPath: "export.xlsx"))
/// let suggestion = ColumnSuggester(referenceData: reference).suggest(sample)
/// print(suggestion.yaml)
/// ```
///
/// Complexity: O(columns · fields · synonyms) for the headers plus
/// O(cells) reference lookups for the values; each field takes its best
/// column greedily, highest score first.
public struct ColumnSuggester: Sendable {
    /// Countries, sectors and the thesaurus the values are checked against.
    public var referenceData: ReferenceData

    /// The fields that may take several columns (joined with a line break).
    static let multiColumnFields: Set<String> = ["offers", "needs"]
    /// The lowest score proposed at all.
    static let minimumScore = 0.3
    /// The score of a column recognised by its values alone.
    static let valueOnlyScore = 0.6

    /// Creates a suggester.
    ///
    /// - Parameter referenceData: The reference data the values are checked against.
    public init(referenceData: ReferenceData) {
        self.referenceData = referenceData
    }

    /// Proposes a mapping for a sample.
    ///
    /// - Parameter sample: The export's header and first rows.
    /// - Returns: The proposals, the columns left out and the required fields not found.
    public func suggest(_ sample: ColumnSample) -> ColumnSuggestion {
        let fields = ParticipantField.allCases
        let profiles = sample.header.indices.map { ColumnProfile(values: sample.column($0), reference: referenceData) }
        var candidates: [(field: Int, column: Int, score: Double, reason: String)] = []
        for (column, header) in sample.header.enumerated() {
            let words = LookupKey.words(header).split(separator: " ").map(String.init)
            for (order, field) in fields.enumerated() {
                if let (score, reason) = self.score(field, header: words, profile: profiles[column]), score >= Self.minimumScore {
                    candidates.append((order, column, score, reason))
                }
            }
        }
        candidates.sort { ($1.score, $0.field, $0.column) < ($0.score, $1.field, $1.column) }

        var chosen: [Int: (columns: [Int], score: Double, reason: String)] = [:]
        var used = Set<Int>()
        for candidate in candidates where !used.contains(candidate.column) {
            let name = fields[candidate.field].name
            if var taken = chosen[candidate.field] {
                guard Self.multiColumnFields.contains(name), candidate.score >= 0.5 else { continue }
                taken.columns.append(candidate.column)
                taken.score = min(taken.score, candidate.score)
                taken.reason += "; '\(sample.header[candidate.column])': " + candidate.reason
                chosen[candidate.field] = taken
            } else {
                chosen[candidate.field] = ([candidate.column], candidate.score, candidate.reason)
            }
            used.insert(candidate.column)
        }

        // No id column: the organisation names can serve as ids.
        if chosen[ParticipantField.id.rawValue] == nil, let name = chosen[ParticipantField.name.rawValue], name.columns.count == 1 {
            chosen[ParticipantField.id.rawValue] = (name.columns, 0.5, "no id column: the organisation names serve as ids")
        }

        var result: [ColumnSuggestion.Field] = []
        for (order, field) in fields.enumerated() {
            guard let taken = chosen[order] else { continue }
            let columns = taken.columns.sorted()
            var proposal = ColumnSuggestion.Field(field: field.name, columns: columns.map { sample.header[$0] }, separator: nil,
                                                  values: [], unmatchedLabels: [], unknownSectors: [],
                                                  score: (taken.score * 100).rounded() / 100, reason: taken.reason)
            if field.isList, let column = columns.first { proposal.separator = profiles[column].separator }
            let items = columns.flatMap { profiles[$0].items(separator: field.isList ? proposal.separator : nil) }
            if ValueGuesses.fields.contains(field.name) { labels(items, into: &proposal) }
            if field == .sectors { proposal.unknownSectors = unknownSectors(items) }
            result.append(proposal)
        }
        let idColumn = chosen[ParticipantField.id.rawValue]?.columns.first
        let idIsName = idColumn != nil && idColumn == chosen[ParticipantField.name.rawValue]?.columns.first
        let groupBy = idColumn.flatMap { profiles[$0].hasDuplicates ? (idIsName ? "name" : "id") : nil }
        return ColumnSuggestion(
            fileName: sample.fileName, sheet: sample.sheet, sampledRows: sample.rows.count, groupBy: groupBy, fields: result,
            unmapped: sample.header.indices.filter { !used.contains($0) && !sample.header[$0].isEmpty }
                .map { ColumnSuggestion.Unmapped(column: sample.header[$0], kind: profiles[$0].kind.rawValue) },
            missingRequired: ["id", "name", "country"].filter { name in !result.contains { $0.field == name } })
    }

    /// The score of a column for a field and why: the header's match scaled
    /// by the share of values that fit (0.6 + 0.4 · share), or
    /// ``valueOnlyScore`` when only the values say so.
    private func score(_ field: ParticipantField, header: [String], profile: ColumnProfile) -> (Double, String)? {
        let (headerScore, synonym) = HeaderSynonyms.score(header: header, field: field.name)
        let fit = self.fit(field, profile)
        if headerScore > 0, let synonym {
            let reason = "header '\(synonym)'" + (fit.map { ", \(Int(($0 * 100).rounded()))% of values fit" } ?? ", no values sampled")
            return (headerScore * (fit.map { 0.6 + 0.4 * $0 } ?? 1), reason)
        }
        let kinds: [ParticipantField: ColumnProfile.Kind] = [.country: .country, .email: .email, .website: .website,
                                                              .targetCountries: .countries, .sectors: .sectors]
        if let kind = kinds[field], profile.kind == kind, profile.values.count >= 3 {
            return (Self.valueOnlyScore, "values are \(kind == .countries ? "lists of countries" : kind.rawValue + (kind == .sectors ? " names" : "s"))")
        }
        return nil
    }

    /// The share of sampled values (list items for list fields) that fit the field; `nil` without values.
    private func fit(_ field: ParticipantField, _ profile: ColumnProfile) -> Double? {
        guard !profile.values.isEmpty else { return nil }
        let values = profile.values
        let items = profile.items(separator: field.isList ? profile.separator : nil)
        let countries = referenceData.countries
        switch field {
        case .country: return ColumnProfile.share(values) { countries.country(matching: $0) != nil }
        case .targetCountries: return ColumnProfile.share(items) { countries.country(matching: $0) != nil || countries.group(matching: $0) != nil }
        case .type, .cooperation, .languages:
            return ColumnProfile.share(items) { ValueGuesses.guess($0, field: field.name) != nil }
        case .email: return ColumnProfile.share(values, ValueTests.isEmail)
        case .website: return ColumnProfile.share(values, ValueTests.isWebsite)
        case .maxMeetings, .minMeetings, .representatives: return ColumnProfile.share(values, ValueTests.isInteger)
        case .available: return ColumnProfile.share(items, ValueTests.isTimeRange)
        case .id: return ColumnProfile.share(values) { $0.count <= 128 }
        case .wantsMissions, .refusesMissions: return ColumnProfile.share(items) { $0.count <= 128 && !$0.contains(" ") }
        case .sectors, .offerTags, .needTags: return ColumnProfile.share(items, ValueTests.isWords)
        case .name, .side, .cluster, .offers, .needs, .contact: return ColumnProfile.share(values, ValueTests.isWords)
        }
    }

    /// The value map of an enumeration field's labels, in order of first appearance.
    private func labels(_ items: [String], into proposal: inout ColumnSuggestion.Field) {
        var seen = Set<String>()
        for item in items where seen.insert(ValueKey.of(item)).inserted && seen.count <= ColumnProfile.maxDistinct {
            switch ValueGuesses.guess(item, field: proposal.field) {
            case .same?: continue
            case .mapped(let value)?: proposal.values.append((item, value))
            case nil: proposal.unmatchedLabels.append(item)
            }
        }
    }

    /// The distinct sector names the taxonomy does not know, with their nearest entries.
    private func unknownSectors(_ items: [String]) -> [ColumnSuggestion.UnknownSector] {
        var seen = Set<String>(), unknown: [ColumnSuggestion.UnknownSector] = []
        for item in items where seen.insert(ValueKey.of(item)).inserted && seen.count <= ColumnProfile.maxDistinct {
            if referenceData.sectors.sector(matching: item) == nil {
                unknown.append(.init(name: item, nearest: SectorNeighbours.nearest(to: item, in: referenceData.sectors)))
            }
        }
        return unknown
    }
}
