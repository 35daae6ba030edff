import MissionMatch

/// Turns latent profiles into participants: ids, names, countries, targets,
/// cooperation, languages, sectors, texts and tags.
struct SyntheticParticipantWriter {
    let world: SyntheticWorld
    let options: SyntheticProgrammeOptions
    let reference: ReferenceData
    let consortiumCount: Int
    let counterpartCount: Int
    let text: SyntheticTextWriter

    init(world: SyntheticWorld, options: SyntheticProgrammeOptions, reference: ReferenceData,
         consortiumCount: Int, counterpartCount: Int) {
        self.world = world
        self.options = options
        self.reference = reference
        self.consortiumCount = consortiumCount
        self.counterpartCount = counterpartCount
        self.text = SyntheticTextWriter(world: world, options: options)
    }

    /// The id of the i-th consortium participant: `eu-0001`, … (at least four digits).
    static func consortiumID(_ index: Int, count: Int) -> String { "eu-" + padded(index + 1, width: max(4, digits(count))) }

    /// The id of the j-th counterpart: `cp-00001`, … (at least five digits).
    static func counterpartID(_ index: Int, count: Int) -> String { "cp-" + padded(index + 1, width: max(5, digits(count))) }

    func consortium(index: Int, profile: LatentProfile, home: SyntheticWorld.Home) -> Participant {
        var random = SyntheticRandom(seed: options.seed, stream: UInt64(2 * index) | 1 << 61)
        var typos = SyntheticRandom(seed: options.seed, stream: UInt64(2 * index + 1))
        let country = random.chance(0.15) ? random.element(of: world.europeanCountries) : home.country
        var p = Participant(id: Self.consortiumID(index, count: consortiumCount),
                            name: name(country: country, random: &random), country: country)
        p.side = "consortium"
        p.type = SyntheticPhrases.consortiumTypes[random.weightedIndex(SyntheticPhrases.consortiumTypes.map(\.weight))].type
        p.cluster = home.cluster
        let r = random.unit()
        if r < 0.2 {
            p.targetCountries = []
        } else if r < 0.35 {
            p.targetCountries = ["ANY"]
        } else {
            p.targetCountries = distinctCounterpartCountries(1 + random.index(3), random: &random)
        }
        fill(&p, profile: profile, cluster: home.cluster, market: market(of: p.targetCountries, random: &random),
             random: &random, typos: &typos)
        return p
    }

    func counterpart(index: Int, profile: LatentProfile, mutualWith partner: Participant?) -> Participant {
        let streamIndex = consortiumCount + index
        var random = SyntheticRandom(seed: options.seed, stream: UInt64(2 * streamIndex) | 1 << 61)
        var typos = SyntheticRandom(seed: options.seed, stream: UInt64(2 * streamIndex + 1))
        var country = world.counterpartCountries[random.weightedIndex(world.counterpartWeights)]
        let r = random.unit()
        var targets: [String]
        if r < 0.2 {
            targets = []
        } else if r < 0.5 {
            targets = ["EU"]
        } else if r < 0.6 {
            targets = ["ANY"]
        } else {
            targets = random.sample(1 + random.index(3), from: world.europeanCountries)
        }
        if let partner {
            let explicit = partner.targetCountries.filter { $0 != "ANY" && $0 != "EU" && $0 != "EEA" }
            if !explicit.isEmpty, !explicit.contains(country) { country = random.element(of: explicit) }
            let covered = reference.countries.expand(targets)
            if !covered.contains(partner.country) {
                targets = random.chance(0.5) ? ["EU"] : (targets + [partner.country])
            }
        }
        var p = Participant(id: Self.counterpartID(index, count: counterpartCount),
                            name: name(country: country, random: &random), country: country)
        p.side = "counterpart"
        p.type = SyntheticPhrases.counterpartTypes[random.weightedIndex(SyntheticPhrases.counterpartTypes.map(\.weight))].type
        p.targetCountries = targets
        fill(&p, profile: profile, cluster: nil, market: market(of: targets, random: &random), random: &random, typos: &typos)
        return p
    }

    /// Sectors, texts, tags, cooperation, languages and limits.
    private func fill(_ p: inout Participant, profile: LatentProfile, cluster: String?, market: String,
                      random: inout SyntheticRandom, typos: inout SyntheticRandom) {
        var sectors = [profile.sector]
        if random.chance(0.3), let neighbours = world.neighbours[profile.sector], !neighbours.isEmpty {
            sectors.append(random.element(of: neighbours).sector)
        }
        p.sectors = sectors.map { code in
            random.chance(0.3) ? (world.sectorNames[code] ?? code) : code
        }
        let offers = text.offers(profile, cluster: cluster, random: &random)
        let needs = text.needs(profile, market: market, random: &random)
        p.offers = SyntheticTextWriter.addingTypos(to: offers, rate: options.typoRate, random: &typos)
        p.needs = SyntheticTextWriter.addingTypos(to: needs, rate: options.typoRate, random: &typos)
        if random.chance(options.tagRate) {
            p.offerTags = text.tags(profile.offers, random: &random)
            p.needTags = text.tags(profile.needs, random: &random)
        }
        var cooperation: [CooperationType] = []
        let kinds = SyntheticPhrases.cooperation
        for _ in 0..<(1 + random.index(3)) {
            let kind = kinds[random.weightedIndex(kinds.map(\.weight))].type
            if !cooperation.contains(kind) { cooperation.append(kind) }
        }
        p.cooperation = CooperationType.allCases.filter(cooperation.contains)
        var languages = ["en"]
        for language in SyntheticPhrases.languages[p.country] ?? [] where random.chance(0.7) {
            languages.append(language)
        }
        p.languages = languages
        if random.chance(0.05) { p.maxMeetings = 4 + random.index(3) }
    }

    private func distinctCounterpartCountries(_ count: Int, random: inout SyntheticRandom) -> [String] {
        var chosen: [String] = []
        for _ in 0..<(count * 4) where chosen.count < count {
            let country = world.counterpartCountries[random.weightedIndex(world.counterpartWeights)]
            if !chosen.contains(country) { chosen.append(country) }
        }
        return chosen
    }

    /// Where a participant wants to go, in words, from its target countries.
    private func market(of targets: [String], random: inout SyntheticRandom) -> String {
        guard let target = targets.isEmpty ? nil : random.element(of: targets) else { return "new markets" }
        switch target {
        case "ANY": return "international markets"
        case "EU", "EEA": return "Europe"
        default: return world.countryNames[target] ?? target
        }
    }

    private func name(country: String, random: inout SyntheticRandom) -> String {
        let brand = random.element(of: SyntheticPhrases.brandHeads) + random.element(of: SyntheticPhrases.brandTails)
        let noun = random.element(of: SyntheticPhrases.businessNouns)
        return "\(brand) \(noun) \(SyntheticPhrases.legalForms[country] ?? "Ltd.")"
    }

    private static func digits(_ n: Int) -> Int { String(n).count }

    private static func padded(_ n: Int, width: Int) -> String {
        let text = String(n)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
