import Foundation
import MissionMatch

/// What the sampled cells of one source column look like: their kind, the
/// list separator they use, how many are distinct, and how well they fit
/// each kind of value MissionMatch expects.
///
/// Complexity: O(cells · reference lookups), each lookup O(1) but sector
/// neighbours (only for unknown sector names, at most ``maxDistinct``).
struct ColumnProfile {
    /// The kinds a column's values can have, as printed by `missionmatch columns`.
    enum Kind: String {
        case empty, number, date, email, website, country, countries, sectors, text, longText = "long text"
    }

    /// The most distinct values kept for value maps and sector suggestions.
    static let maxDistinct = 200
    /// The separators tried, most likely first.
    static let separators = [";", "|", "\n", ",", "/"]

    let values: [String]
    let distinct: [String]
    let hasDuplicates: Bool
    let separator: String?
    let kind: Kind

    init(values raw: [String], reference: ReferenceData) {
        values = raw.map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
        var seen = Set<String>(), distinct: [String] = [], duplicates = false
        for value in values {
            if seen.insert(ValueKey.of(value)).inserted {
                if distinct.count < Self.maxDistinct { distinct.append(value) }
            } else {
                duplicates = true
            }
        }
        self.distinct = distinct
        hasDuplicates = duplicates
        separator = Self.separator(of: values)
        kind = Self.kind(values, separator: separator, reference: reference)
    }

    /// The separator in at least a fifth of the cells, by the order of ``separators``; `nil` when none is.
    static func separator(of values: [String]) -> String? {
        guard !values.isEmpty else { return nil }
        for candidate in separators {
            let count = values.reduce(0) { $0 + ($1.contains(candidate) ? 1 : 0) }
            if count * 5 >= values.count, count > 0 { return candidate }
        }
        return nil
    }

    /// The items of the cells, split on `separator` (and `|`).
    func items(separator: String?) -> [String] {
        values.flatMap { value -> [String] in
            let pieces = separator.map { value.components(separatedBy: $0) } ?? [value]
            return pieces.flatMap { $0.split(separator: "|").map { $0.trimmingBlanks() } }.filter { !$0.isEmpty }
        }
    }

    /// The share of `items` for which `test` holds (0 without items).
    static func share(_ items: [String], _ test: (String) -> Bool) -> Double {
        items.isEmpty ? 0 : Double(items.reduce(0) { $0 + (test($1) ? 1 : 0) }) / Double(items.count)
    }

    private static func kind(_ values: [String], separator: String?, reference: ReferenceData) -> Kind {
        guard !values.isEmpty else { return .empty }
        if share(values, ValueTests.isNumber) >= 0.9 { return .number }
        if share(values, ValueTests.isDate) >= 0.9 { return .date }
        if share(values, ValueTests.isEmail) >= 0.9 { return .email }
        if share(values, ValueTests.isWebsite) >= 0.9 { return .website }
        if share(values, { reference.countries.country(matching: $0) != nil }) >= 0.9 { return .country }
        let items = values.flatMap { value in
            (separator.map { value.components(separatedBy: $0) } ?? [value]).map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
        }
        if separator != nil, share(items, { reference.countries.country(matching: $0) != nil || reference.countries.group(matching: $0) != nil }) >= 0.9 {
            return .countries
        }
        if share(items, { reference.sectors.sector(matching: $0) != nil }) >= 0.6 { return .sectors }
        let length = values.reduce(0) { $0 + $1.count } / values.count
        return length >= 60 ? .longText : .text
    }
}

/// Tests of single values against the kinds MissionMatch expects.
enum ValueTests {
    static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && Double(text.replacingOccurrences(of: ",", with: ".")) != nil
    }

    static func isInteger(_ text: String) -> Bool {
        if Int(text) != nil { return true }
        if let value = Double(text), value == value.rounded(), abs(value) < 1e9 { return true }
        return false
    }

    /// `2025-03-14`, `2025-03-14T09:30`, `14/03/2025`, `14.03.2025`.
    static func isDate(_ text: String) -> Bool {
        let digits = text.unicodeScalars.filter { CharacterSet.decimalDigits.contains($0) }.count
        guard text.count >= 8, text.count <= 19, digits >= 6 else { return false }
        let shapes = [#"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$"#, #"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$"#]
        return shapes.contains { text.range(of: $0, options: .regularExpression) != nil }
    }

    static func isEmail(_ text: String) -> Bool {
        guard !text.contains(" "), let at = text.firstIndex(of: "@"), at != text.startIndex else { return false }
        let domain = text[text.index(after: at)...]
        return domain.contains(".") && !domain.contains("@") && !domain.hasSuffix(".")
    }

    static func isWebsite(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") { return !lower.contains(" ") }
        return !lower.contains(" ") && !lower.contains("@") && lower.range(of: #"^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/.*)?$"#,
                                                                            options: .regularExpression) != nil
    }

    /// A local-time range `YYYY-MM-DD HH:MM-HH:MM`.
    static func isTimeRange(_ text: String) -> Bool {
        text.range(of: #"^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2} ?- ?\d{1,2}:\d{2}$"#, options: .regularExpression) != nil
    }

    /// Text rather than a number, a date, an e-mail or a web address.
    static func isWords(_ text: String) -> Bool {
        !isNumber(text) && !isDate(text) && !isEmail(text) && !(isWebsite(text) && text.contains("."))
            && text.unicodeScalars.contains { $0.properties.isAlphabetic }
    }
}
