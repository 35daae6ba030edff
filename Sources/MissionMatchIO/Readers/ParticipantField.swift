import MissionMatch
/// The documented columns of the participants format, in documentation order.
enum ParticipantField: Int, CaseIterable, Sendable {
    case id, name, country, side, type, cluster, sectors, offers, needs, offerTags, needTags
    case targetCountries, cooperation, languages, maxMeetings, minMeetings, representatives
    case available, email, contact, website
    /// Delegation preferences (FileFormats §10): lists of mission ids.
    case wantsMissions, refusesMissions

    /// The column name as documented.
    var name: String {
        switch self {
        case .offerTags: "offer_tags"
        case .needTags: "need_tags"
        case .targetCountries: "target_countries"
        case .maxMeetings: "max_meetings"
        case .minMeetings: "min_meetings"
        case .wantsMissions: "wants_missions"
        case .refusesMissions: "refuses_missions"
        default: String(describing: self)
        }
    }

    /// Whether the cell holds a list (items separated by `|`, or `;` when it is not the delimiter).
    var isList: Bool {
        switch self {
        case .sectors, .offerTags, .needTags, .targetCountries, .cooperation, .languages, .available,
             .wantsMissions, .refusesMissions: true
        default: false
        }
    }

    /// The schema of a participants CSV file; `side` is required for bipartite missions.
    static func schema(requiringSide: Bool) -> CSVSchema {
        CSVSchema(columns: allCases.map { field in
            switch field {
            case .id: CSVSchema.Column("id", required: true, hint: "add an 'id' column with a unique id per participant")
            case .name: CSVSchema.Column("name", required: true, hint: "add a 'name' column with each organisation's name")
            case .country: CSVSchema.Column("country", required: true, hint: "add a 'country' column with ISO codes such as CZ")
            case .side: CSVSchema.Column("side", required: requiringSide,
                                         hint: "add a 'side' column: the mission pairs participants of different sides")
            default: CSVSchema.Column(field.name)
            }
        }, keepsUnknownColumns: true)
    }

    /// The field a header or key names, matched as headers are.
    static func matching(_ name: some StringProtocol) -> ParticipantField? {
        let key = CSVSchema.matchKey(name)
        return allCases.first { CSVSchema.matchKey($0.name) == key }
    }
}

/// One participant record as read, before validation: a CSV row or a JSON object.
protocol ParticipantRecord {
    /// The trimmed text of a field; empty when absent.
    func text(_ field: ParticipantField) -> String
    /// The items of a list field: split, trimmed, empties dropped.
    func items(_ field: ParticipantField) -> [String]
    /// The 1-based line of a field, for messages.
    func line(_ field: ParticipantField) -> Int?
    /// The 1-based record index for messages (JSON), or `nil` (CSV).
    var recordIndex: Int? { get }
    /// The line where the record starts.
    var startLine: Int? { get }
    /// Fields outside the format, in order.
    var extraFields: [ExtraField] { get }
}

/// Splits list cells as the format says: on `|`, and on `;` unless `;` is the
/// file's delimiter; items trimmed, empty items dropped.
enum ListCell {
    static func split(_ text: String, allowingSemicolon: Bool) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            // Both separators are ASCII, so they never occur inside a multi-byte UTF-8 sequence.
            var items: [String] = []
            items.reserveCapacity(4)
            var start = 0
            for index in 0...bytes.count {
                guard index == bytes.count || bytes[index] == UInt8(ascii: "|")
                        || (allowingSemicolon && bytes[index] == UInt8(ascii: ";"))
                else { continue }
                var low = start, high = index
                while low < high, bytes[low] == UInt8(ascii: " ") || bytes[low] == UInt8(ascii: "\t") { low += 1 }
                while high > low, bytes[high - 1] == UInt8(ascii: " ") || bytes[high - 1] == UInt8(ascii: "\t") { high -= 1 }
                if low < high {
                    let item = String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
                    // Other white space (line breaks, no-break spaces) is rare: trim it the slow way.
                    let trimmed = bytes[low] < 0x21 || bytes[high - 1] < 0x21 || bytes[low] >= 0x80 || bytes[high - 1] >= 0x80
                        ? item.trimmingBlanks() : item
                    if !trimmed.isEmpty { items.append(trimmed) }
                }
                start = index + 1
            }
            return items
        }
    }
}

/// A participants CSV row seen as a ``ParticipantRecord``.
struct CSVParticipantRecord: ParticipantRecord {
    let row: CSVTable.Row
    let allowsSemicolonLists: Bool

    func text(_ field: ParticipantField) -> String { row.value(field.rawValue) }
    func items(_ field: ParticipantField) -> [String] {
        row.items(field.rawValue, allowingSemicolon: allowsSemicolonLists)
    }
    func line(_ field: ParticipantField) -> Int? { row.line(of: field.rawValue) }
    var recordIndex: Int? { nil }
    var startLine: Int? { row.line }
    var extraFields: [ExtraField] { row.extraFields }
}
