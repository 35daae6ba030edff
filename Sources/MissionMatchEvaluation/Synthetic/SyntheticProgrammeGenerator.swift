import MissionMatch

/// Generates a synthetic programme with planted ground truth, at any scale.
///
/// **Latent structure.** Every participant has 1–4 *offered* and 1–4
/// *needed* thesaurus concepts (disjoint): offers from one sector, needs
/// mostly from the sectors of its value chain (taxonomy affinity ≥ 0.55),
/// some from its own sector or from partner roles and services (`retail`,
/// `business-services`, `research`). Consortium participants come from the
/// programme's clusters (their country and sectors); counterparts from third
/// countries (US, CN, CA, JP, KR, IN, BR, MX, SG, AU, …).
///
/// **Planted counterparts.** A share (``SyntheticProgrammeOptions/plantedShare``)
/// of the counterparts is built for one consortium participant each, in turn
/// *complementary* (offers one of its needs and needs one of its offers),
/// *competitor* (offers exactly its offers — a very similar text — and needs
/// some of its needs, none of its offers), *one-directional* (offers one of its
/// needs, needs none of its offers), complementary, competitor, …; 60 % of the
/// complementary ones are placed so that each side targets the other's country.
/// The others are drawn from the value chain of a random consortium participant.
/// Counterparts are shuffled before they get their ids.
///
/// **Ground truth.** For every consortium participant *a* and counterpart *b*
/// (all pairs, not only planted ones), with *forward* = offers(a) ∩ needs(b) ≠ ∅,
/// *backward* = offers(b) ∩ needs(a) ≠ ∅ and *mutual* = a's country is in b's
/// target countries and b's is in a's (groups such as `EU`, `ANY` expanded;
/// an empty list targets nobody):
///
/// | relevance | when |
/// |---|---|
/// | 3 | forward and backward and mutual |
/// | 2 | forward and backward |
/// | 1 | forward or backward, not both |
/// | 0 | neither (so every competitor of *a* is 0 for *a*) |
///
/// Every consortium participant has a relevance-2-or-3 partner when there are
/// at least as many planted counterparts as consortium participants.
///
/// **Texts.** `offers` and `needs` paraphrase the concepts (label or a
/// synonym, chosen at random, multi-word forms included) in sentence templates
/// like the bundled samples', with filler sentences (company facts, sector
/// mentions, a past project naming an unrelated concept) and typos; tags are
/// filled for about half of the participants, by id, label or synonym.
///
/// ```swift
/// let programme = try SyntheticProgrammeGenerator.generate(
///     SyntheticProgrammeOptions(consortium: 3_100, counterparts: 20_000, seed: 1), referenceData: reference)
/// ```
public enum SyntheticProgrammeGenerator {
    /// The order in which planted roles are given to a consortium participant's counterparts.
    static let plantingOrder: [PlantedKind] = [
        .complementary, .competitor, .oneDirectional, .complementary, .competitor, .complementary,
        .oneDirectional, .competitor,
    ]

    enum PlantedKind { case complementary, competitor, oneDirectional }

    /// The share of complementary counterparts placed so that both sides target each other.
    static let mutualTargetingShare = 0.6

    /// Generates a programme.
    ///
    /// - Parameters:
    ///   - options: Sizes, seed and noise.
    ///   - referenceData: Countries, sectors, thesaurus and programme (the bundled `Data/`).
    /// - Returns: The mission, participants, requests, latent profiles and ground truth.
    /// - Throws: ``SyntheticProgrammeError`` when the options are out of range
    ///   or the reference data has no thesaurus concepts.
    /// - Complexity: O(*n* + *t*) for *n* participants and *t* relevant pairs.
    public static func generate(_ options: SyntheticProgrammeOptions,
                                referenceData: ReferenceData) throws(SyntheticProgrammeError) -> SyntheticProgramme {
        if let problem = options.problem { throw SyntheticProgrammeError(problem) }
        let world = try SyntheticWorld(referenceData)
        let draw = SyntheticLatentDraw(world: world)
        let n = options.consortium, m = options.counterparts

        // Consortium profiles.
        var consortiumHomes: [SyntheticWorld.Home] = []
        var latent: [LatentProfile] = []
        latent.reserveCapacity(n + m)
        for i in 0..<n {
            var random = SyntheticRandom(seed: options.seed, stream: UInt64(2 * i))
            let home = random.element(of: world.homes)
            consortiumHomes.append(home)
            latent.append(draw.consortium(home: home, random: &random))
        }
        let consortium = Array(latent)

        // Counterpart roles, shuffled so that ids do not reveal the planting.
        var plan = SyntheticRandom(seed: options.seed, stream: UInt64.max)
        let planted = min(m, Int((Double(m) * options.plantedShare).rounded()))
        var roles: [LatentProfile.Role] = (0..<m).map { j in
            guard j < planted else { return .background }
            let i = j % n
            switch plantingOrder[(j / n) % plantingOrder.count] {
            case .complementary: return .complementary(consortium: i)
            case .competitor: return .competitor(consortium: i)
            case .oneDirectional: return .oneDirectional(consortium: i)
            }
        }
        plan.shuffle(&roles)
        for (j, role) in roles.enumerated() {
            var random = SyntheticRandom(seed: options.seed, stream: UInt64(2 * (n + j)))
            latent.append(draw.counterpart(role: role, consortium: consortium, random: &random))
        }

        // Participants.
        let people = SyntheticParticipantWriter(world: world, options: options, reference: referenceData,
                                                consortiumCount: n, counterpartCount: m)
        var participants: [Participant] = []
        participants.reserveCapacity(n + m)
        for i in 0..<n {
            participants.append(people.consortium(index: i, profile: latent[i], home: consortiumHomes[i]))
        }
        for j in 0..<m {
            let profile = latent[n + j]
            var target: Participant?
            if case .complementary(let i) = profile.role {
                var placing = SyntheticRandom(seed: options.seed, stream: UInt64(2 * (n + j)) | 1 << 62)
                if placing.chance(mutualTargetingShare) { target = participants[i] }
            }
            participants.append(people.counterpart(index: j, profile: profile, mutualWith: target))
        }

        let truth = SyntheticTruth.grade(participants: participants, latent: latent, consortiumCount: n,
                                         countries: referenceData.countries)
        let mission = SyntheticMissionPlan.mission(options: options, world: world)
        let requests = SyntheticMissionPlan.requests(participants: participants, latent: latent, consortiumCount: n,
                                                     random: &plan)
        return SyntheticProgramme(mission: mission, participants: participants, requests: requests, truth: truth,
                                  latent: latent, consortiumCount: n)
    }
}
