import MissionMatch

/// The reference data as the generator draws from it: concepts by sector,
/// value chains, text and tag forms of each concept, consortium homes
/// (clusters with their country and sectors), countries of both sides.
struct SyntheticWorld: Sendable {
    /// Where a consortium participant comes from.
    struct Home: Sendable {
        var cluster: String?
        var country: String
        var sectors: [String]
    }

    /// A sector close to another along a value chain.
    struct Neighbour: Sendable {
        var sector: String
        var affinity: Double
    }

    /// The lowest sector affinity that puts two sectors in one value chain.
    static let valueChainAffinity = 0.55

    let concepts: [Concept]
    let conceptsBySector: [String: [Int]]
    /// Sectors with at least one concept, in taxonomy (then thesaurus) order.
    let sectors: [String]
    let neighbours: [String: [Neighbour]]
    /// Concepts any participant may need: partner roles, channels, services, research.
    let partneringConcepts: [Int]
    /// Running-text forms per concept (label twice, then readable synonyms).
    let textForms: [[String]]
    /// Tag forms per concept: id, label, synonyms.
    let tagForms: [[String]]
    let homes: [Home]
    let counterpartCountries: [String]
    let counterpartWeights: [Double]
    let europeanCountries: [String]
    let countryNames: [String: String]
    let sectorNames: [String: String]

    init(_ reference: ReferenceData) throws(SyntheticProgrammeError) {
        let thesaurus = reference.thesaurus
        concepts = thesaurus.concepts
        guard !concepts.isEmpty else {
            throw SyntheticProgrammeError("the thesaurus is empty: give reference data with concepts (Data/reference/thesaurus.csv)")
        }
        var bySector: [String: [Int]] = [:]
        var sectorOrder: [String] = reference.sectors.sectors.map(\.code)
        for (index, concept) in concepts.enumerated() {
            if bySector[concept.sector] == nil, !sectorOrder.contains(concept.sector) { sectorOrder.append(concept.sector) }
            bySector[concept.sector, default: []].append(index)
        }
        conceptsBySector = bySector
        sectors = sectorOrder.filter { bySector[$0] != nil }

        var chains: [String: [Neighbour]] = [:]
        for sector in sectors {
            let scored = sectors.filter { $0 != sector }
                .map { Neighbour(sector: $0, affinity: reference.sectors.affinity(between: sector, and: $0)) }
                .filter { $0.affinity > 0 }
            let close = scored.filter { $0.affinity >= Self.valueChainAffinity }
            // A sector with no close neighbour keeps its three best ones.
            chains[sector] = close.isEmpty
                ? Array(scored.sorted { $0.affinity != $1.affinity ? $0.affinity > $1.affinity : $0.sector < $1.sector }.prefix(3))
                : close
        }
        neighbours = chains
        partneringConcepts = ["retail", "business-services", "research"].flatMap { bySector[$0] ?? [] }

        textForms = concepts.map { concept in
            let label = Self.runningText(concept.label)
            return [label, label] + concept.synonyms.filter(Self.readsWellInText).map(Self.runningText)
        }
        tagForms = concepts.map { [$0.id, $0.label] + $0.synonyms }

        let eu = Set(reference.countries.members(of: "EU").map(\.alpha2))
        var homes: [Home] = []
        for cluster in reference.programme.clusters {
            let known = cluster.sectors.filter { bySector[$0] != nil }
            guard !known.isEmpty else { continue }
            homes.append(Home(cluster: cluster.name, country: cluster.country.uppercased(), sectors: known))
        }
        let europeanCountries = Self.europeanCandidates.filter { eu.contains($0) || eu.isEmpty && reference.countries.country(code: $0) != nil }
        if homes.isEmpty {
            // No programme: consortium members of every sector, from European countries.
            let country = europeanCountries.first ?? reference.countries.countries.first?.alpha2 ?? "BE"
            homes = sectors.map { Home(cluster: nil, country: country, sectors: [$0]) }
        }
        self.homes = homes
        let homeCountries = homes.map(\.country)
        self.europeanCountries = europeanCountries.isEmpty ? Array(Set(homeCountries)).sorted() : europeanCountries

        let third = Self.counterpartCandidates.filter { reference.countries.country(code: $0.code) != nil && !eu.contains($0.code) }
        let fallback = reference.countries.countries.map(\.alpha2).filter { !eu.contains($0) }.prefix(5)
        counterpartCountries = third.isEmpty ? (fallback.isEmpty ? ["US"] : Array(fallback)) : third.map(\.code)
        counterpartWeights = third.isEmpty ? Array(repeating: 1, count: counterpartCountries.count) : third.map(\.weight)

        var names: [String: String] = [:]
        for country in reference.countries.countries { names[country.alpha2] = country.name }
        for (code, name) in Self.shortCountryNames { names[code] = name }
        countryNames = names
        var sectorNames: [String: String] = [:]
        for sector in reference.sectors.sectors { sectorNames[sector.code] = sector.name }
        self.sectorNames = sectorNames
    }

    /// The sector's value chain: itself and its neighbours.
    func chain(of sector: String) -> [String] {
        [sector] + (neighbours[sector] ?? []).map(\.sector)
    }

    /// A concept's form in running text: the label with a lowercase first
    /// letter unless its first word is an acronym or a name (`PLA film`, `MAP`).
    static func runningText(_ label: String) -> String {
        guard let first = label.split(separator: " ").first, let head = first.first else { return label }
        let rest = first.dropFirst()
        if rest.contains(where: \.isUppercase) || rest.contains(where: \.isNumber) { return label }
        return head.lowercased() + label.dropFirst()
    }

    /// Synonyms that read well in a sentence: no bare acronyms, at least four characters.
    static func readsWellInText(_ synonym: String) -> Bool {
        guard synonym.count >= 4 else { return false }
        let bare = synonym.allSatisfy { $0.isUppercase || $0.isNumber || "&/.-".contains($0) }
            || (synonym.hasSuffix("s") && synonym.dropLast().allSatisfy { $0.isUppercase || $0.isNumber || "&/.-".contains($0) })
        return !bare
    }

    static let europeanCandidates = ["DE", "FR", "ES", "IT", "NL", "BE", "AT", "SE", "DK", "PL", "CZ", "PT", "FI", "IE", "SK", "SI"]

    static let counterpartCandidates: [(code: String, weight: Double)] = [
        ("US", 20), ("CN", 18), ("CA", 15), ("JP", 8), ("KR", 7), ("IN", 7), ("BR", 5), ("MX", 5), ("SG", 4),
        ("AU", 4), ("ZA", 2), ("TR", 2), ("CL", 1), ("IL", 1), ("AE", 1),
    ]

    static let shortCountryNames: [String: String] = [
        "US": "the United States", "KR": "South Korea", "GB": "the United Kingdom", "AE": "the United Arab Emirates",
        "NL": "the Netherlands", "TR": "Turkey", "CZ": "the Czech Republic",
    ]
}
