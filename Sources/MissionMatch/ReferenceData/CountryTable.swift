/// The countries organisers may name, looked up the way they write them.
///
/// Lookups accept the alpha-2 code, the alpha-3 code, the English name or any
/// alias, ignoring case, accents, blanks and punctuation:
///
/// ```swift
/// table.country(matching: "czech republic")?.alpha2   // "CZ"
/// table.country(matching: "U.S.A.")?.alpha2           // "US"
/// table.country(matching: "Türkiye")?.alpha2          // "TR"
/// table.members(of: "EU").count                       // 27
/// ```
public struct CountryTable: Sendable, Equatable {
    /// The group that holds every country; it is implicit in the data.
    public static let anyGroup = "ANY"

    /// The countries in the order given.
    public let countries: [Country]
    /// The group codes known: those the countries name, plus ``anyGroup``.
    public let groups: [String]
    private let indexByKey: [String: Int]
    private let indexByAlpha2: [String: Int]

    /// Builds the lookup tables.
    ///
    /// When two countries share a name or alias, the first one keeps it.
    ///
    /// - Parameter countries: The countries.
    /// - Complexity: O(*n*) for *n* names and aliases.
    public init(_ countries: [Country]) {
        self.countries = countries
        var byKey: [String: Int] = [:]
        var byAlpha2: [String: Int] = [:]
        var groups: [String] = []
        for (index, country) in countries.enumerated() {
            byAlpha2[country.alpha2.uppercased()] = byAlpha2[country.alpha2.uppercased()] ?? index
            for text in [country.alpha2, country.alpha3, country.name] + country.aliases {
                let key = LookupKey.squashed(text)
                if !key.isEmpty, byKey[key] == nil { byKey[key] = index }
            }
            for group in country.groups where !groups.contains(group) { groups.append(group) }
        }
        groups.append(Self.anyGroup)
        self.groups = groups
        self.indexByKey = byKey
        self.indexByAlpha2 = byAlpha2
    }

    /// The country with this alpha-2 code.
    ///
    /// - Parameter alpha2: An alpha-2 code, any case.
    /// - Returns: The country, or `nil`.
    public func country(code alpha2: String) -> Country? {
        indexByAlpha2[alpha2.uppercased()].map { countries[$0] }
    }

    /// The country a text names, by code, name or alias.
    ///
    /// - Parameter text: What the organiser wrote, e.g. `Czech Republic`, `CZE`, `cz`.
    /// - Returns: The country, or `nil` when nothing matches.
    /// - Complexity: O(*m*) for a text of *m* characters.
    public func country(matching text: some StringProtocol) -> Country? {
        indexByKey[LookupKey.squashed(text)].map { countries[$0] }
    }

    /// The group code a text names (`EU`, `eea`, `Any`), if it names one.
    ///
    /// - Parameter text: What the organiser wrote.
    /// - Returns: The group code as the data spells it, or `nil`.
    public func group(matching text: some StringProtocol) -> String? {
        let key = LookupKey.squashed(text)
        return groups.first { LookupKey.squashed($0) == key }
    }

    /// The countries of a group; ``anyGroup`` holds them all.
    ///
    /// - Parameter group: A group code such as `EU`.
    /// - Returns: The member countries in table order; empty for an unknown group.
    public func members(of group: String) -> [Country] {
        if group == Self.anyGroup { return countries }
        return countries.filter { $0.groups.contains(group) }
    }

    /// The alpha-2 codes a list of countries and groups stands for.
    ///
    /// - Parameter targets: Alpha-2 codes and group codes, e.g. `["EU", "CA"]`.
    /// - Returns: Every alpha-2 code named directly or through a group.
    public func expand(_ targets: [String]) -> Set<String> {
        var codes: Set<String> = []
        for target in targets {
            if groups.contains(target) {
                codes.formUnion(members(of: target).map(\.alpha2))
            } else {
                codes.insert(target)
            }
        }
        return codes
    }

    /// Two tables are equal when they hold the same countries.
    public static func == (lhs: CountryTable, rhs: CountryTable) -> Bool {
        lhs.countries == rhs.countries
    }
}
