/// A country of ISO 3166-1 with the names organisers use for it.
public struct Country: Sendable, Hashable, Codable, Identifiable {
    /// The alpha-2 code, e.g. `CZ`.
    public var alpha2: String
    /// The alpha-3 code, e.g. `CZE`.
    public var alpha3: String
    /// The English short name, e.g. `Czechia`.
    public var name: String
    /// Other English names and variants, e.g. `Czech Republic`.
    public var aliases: [String]
    /// The groups the country belongs to, e.g. `EU`, `EEA` (`ANY` is implicit).
    public var groups: [String]

    /// The alpha-2 code.
    public var id: String { alpha2 }

    /// The name for running text: the official name when it is short and
    /// plain, else the first alias that is a plain name (`United Kingdom`,
    /// `South Korea`, `Netherlands`, `United States`).
    public var shortName: String {
        func isPlain(_ text: String) -> Bool {
            !text.contains("(") && !text.contains(",") && !text.contains(".") && text.count <= 20
                && !text.allSatisfy { $0.isUppercase || !$0.isLetter }
        }
        if isPlain(name) { return name }
        return aliases.first(where: isPlain) ?? name
    }

    /// Creates a country.
    ///
    /// - Parameters:
    ///   - alpha2: The alpha-2 code (uppercase).
    ///   - alpha3: The alpha-3 code (uppercase).
    ///   - name: The English short name.
    ///   - aliases: Other names.
    ///   - groups: Group codes such as `EU`.
    public init(alpha2: String, alpha3: String, name: String, aliases: [String] = [], groups: [String] = []) {
        self.alpha2 = alpha2
        self.alpha3 = alpha3
        self.name = name
        self.aliases = aliases
        self.groups = groups
    }
}
