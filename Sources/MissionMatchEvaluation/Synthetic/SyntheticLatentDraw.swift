import MissionMatch

/// Draws latent profiles: offers from a sector, needs from its value chain,
/// and the planted counterparts of a consortium participant.
struct SyntheticLatentDraw {
    let world: SyntheticWorld

    /// How many concepts a participant offers or needs: 1–4, two most often.
    func conceptCount(_ random: inout SyntheticRandom) -> Int {
        1 + random.weightedIndex([0.3, 0.4, 0.2, 0.1])
    }

    /// `count` offered concepts of `sector` (one may come from a neighbour), none of `excluded`.
    func offers(sector: String, count: Int, excluding excluded: Set<Int>, random: inout SyntheticRandom) -> [Int] {
        let pool = (world.conceptsBySector[sector] ?? []).filter { !excluded.contains($0) }
        var chosen = random.sample(count, from: pool)
        if chosen.count >= 2 && random.chance(0.25),
           let neighbour = neighbourConcept(of: sector, excluding: excluded.union(chosen), random: &random) {
            chosen[chosen.count - 1] = neighbour
        }
        return chosen
    }

    /// `count` needed concepts: mostly from neighbouring sectors of the value
    /// chain (by affinity), some from the own sector or the partnering pool
    /// (distributors, investors, R&D partners), none of `excluded`.
    func needs(sector: String, count: Int, excluding excluded: Set<Int>, random: inout SyntheticRandom) -> [Int] {
        var chosen: [Int] = []
        var attempts = 0
        while chosen.count < count && attempts < count * 12 {
            attempts += 1
            let r = random.unit()
            let concept: Int?
            if r < 0.15 {
                concept = (world.conceptsBySector[sector]).map { random.element(of: $0) }
            } else if r < 0.35, !world.partneringConcepts.isEmpty {
                concept = random.element(of: world.partneringConcepts)
            } else {
                concept = neighbourConcept(of: sector, excluding: excluded, random: &random)
            }
            if let concept, !excluded.contains(concept), !chosen.contains(concept) { chosen.append(concept) }
        }
        if chosen.isEmpty, let any = (0..<world.concepts.count).first(where: { !excluded.contains($0) }) {
            chosen.append(any)
        }
        return chosen
    }

    /// A concept of a neighbouring sector, the sector drawn by affinity.
    private func neighbourConcept(of sector: String, excluding excluded: Set<Int>, random: inout SyntheticRandom) -> Int? {
        guard let neighbours = world.neighbours[sector], !neighbours.isEmpty else { return nil }
        let neighbour = neighbours[random.weightedIndex(neighbours.map(\.affinity))]
        guard let pool = world.conceptsBySector[neighbour.sector] else { return nil }
        for _ in 0..<6 {
            let concept = random.element(of: pool)
            if !excluded.contains(concept) { return concept }
        }
        return nil
    }

    /// A consortium participant's profile: offers of one of its home's sectors, needs from that value chain.
    func consortium(home: SyntheticWorld.Home, random: inout SyntheticRandom) -> LatentProfile {
        let sector = random.element(of: home.sectors)
        let offers = self.offers(sector: sector, count: conceptCount(&random), excluding: [], random: &random)
        let needs = self.needs(sector: sector, count: conceptCount(&random), excluding: Set(offers), random: &random)
        return LatentProfile(offers: offers.sorted(), needs: needs.sorted(), sector: sector, role: .consortium)
    }

    /// A counterpart's profile for its role.
    ///
    /// - complementary: offers one of the consortium participant's needs (and
    ///   more of that concept's sector) and needs one of its offers;
    /// - one-directional: offers one of its needs, needs none of its offers;
    /// - competitor: offers exactly its offers, needs some of its needs and
    ///   others, never one of its offers;
    /// - background: a profile of the value chain of a random consortium participant.
    func counterpart(role: LatentProfile.Role, consortium: [LatentProfile], random: inout SyntheticRandom) -> LatentProfile {
        switch role {
        case .complementary(let i):
            let target = consortium[i]
            let offered = random.element(of: target.needs)
            let needed = random.element(of: target.offers)
            let sector = world.concepts[offered].sector
            let offers = [offered] + self.offers(sector: sector, count: conceptCount(&random) - 1,
                                                 excluding: [offered, needed], random: &random)
            let needs = [needed] + self.needs(sector: sector, count: conceptCount(&random) - 1,
                                              excluding: Set(offers).union([needed]), random: &random)
            return LatentProfile(offers: offers.sorted(), needs: needs.sorted(), sector: sector, role: role)
        case .oneDirectional(let i):
            let target = consortium[i]
            let offered = random.element(of: target.needs)
            let sector = world.concepts[offered].sector
            let offers = [offered] + self.offers(sector: sector, count: conceptCount(&random) - 1,
                                                 excluding: [offered], random: &random)
            let needs = self.needs(sector: sector, count: conceptCount(&random),
                                   excluding: Set(offers).union(target.offers), random: &random)
            return LatentProfile(offers: offers.sorted(), needs: needs.sorted(), sector: sector, role: role)
        case .competitor(let i):
            let target = consortium[i]
            var needs = random.sample(1 + random.index(target.needs.count), from: target.needs)
            if random.chance(0.5) {
                needs += self.needs(sector: target.sector, count: 1,
                                    excluding: Set(target.offers).union(needs), random: &random)
            }
            return LatentProfile(offers: target.offers, needs: needs.sorted(), sector: target.sector, role: role)
        case .background, .consortium:
            let anchor = consortium[random.index(consortium.count)]
            let sector = random.element(of: world.chain(of: anchor.sector))
            let offers = self.offers(sector: sector, count: conceptCount(&random), excluding: [], random: &random)
            let needs = self.needs(sector: sector, count: conceptCount(&random), excluding: Set(offers), random: &random)
            return LatentProfile(offers: offers.sorted(), needs: needs.sorted(), sector: sector, role: .background)
        }
    }
}
