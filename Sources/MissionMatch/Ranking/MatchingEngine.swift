import MatchCore

/// Recommends partners: encodes participants, scores all reciprocal pairings
/// with the fused kernel, spreads and diversifies the lists, explains each.
///
/// ```swift
/// let engine = MatchingEngine(reference: reference)
/// let ranking = try engine.rank(mission: mission, participants: participants, requests: requests)
/// ranking.recommendations[0].first?.reasons   // "offers … ↔ needs …; …"
/// ```
///
/// Steps: ``ParticipantEncoder`` (text → TF-IDF → LSA); ``ScoringModel``
/// (the documented score, as kernel blocks); `PairExclusions` (blocks,
/// rules, same organisation) as the kernel's mask; `PairScoringKernel` keeps
/// each participant's best candidates on both sides without materialising
/// the score matrix; `wish` requests raise their pair's score; congestion
/// pricing (`CongestionPricing`) and maximal marginal relevance
/// (both through `ListDraw`) pick the final `k`, which are
/// listed in the order of their scores (partners with an offer↔need link
/// first); `Explainer` writes the reasons.
///
/// Bipartite missions pair the first side with the second; `open` missions
/// pair everyone with everyone else. Everything is deterministic for the
/// same inputs and seed.
public struct MatchingEngine: Sendable {
    /// Countries, sectors and the thesaurus.
    public let reference: ReferenceData
    /// How texts become vectors.
    public var encoderOptions: EncoderOptions
    /// How lists are built.
    public var rankingOptions: RankingOptions
    /// Whether the score's components are brought to complementarity's scale
    /// (``ScoreCalibration``, default `true`); `false` is for comparisons.
    public var calibratesComponents = true

    /// Creates an engine.
    ///
    /// - Parameters:
    ///   - reference: The reference data.
    ///   - encoderOptions: Encoder settings (default ``EncoderOptions/init(latentDimensions:profileDimensions:powerIterations:oversampling:seed:conceptBoost:lexicalDimensions:lexicalConceptBoost:)``).
    ///   - rankingOptions: Ranking settings.
    public init(reference: ReferenceData, encoderOptions: EncoderOptions = EncoderOptions(), rankingOptions: RankingOptions = RankingOptions()) {
        self.reference = reference
        self.encoderOptions = encoderOptions
        self.rankingOptions = rankingOptions
    }

    /// Ranks every participant's partners.
    ///
    /// - Parameters:
    ///   - mission: The mission (pairing, sides, rules, weights, top_k, limits).
    ///   - participants: Its participants.
    ///   - requests: Its requests (`block` excludes, `wish` raises, `must` is for the planner).
    ///   - k: List length; `nil` uses the mission's `top_k`.
    ///   - semantic: Sentence-encoder vectors of the participants (``SemanticVectors``, one row per
    ///     participant, in order), mixed into complementarity by ``ScoringWeights/semanticShare``;
    ///     `nil` ranks on the lexical blocks alone.
    ///   - history: The meetings of the programme's earlier missions: pairs whose organisations met
    ///     are marked (``Recommendation/priorMeetings``, and the reasons say so), or left out when the
    ///     mission's rule `exclude_met_before` is on.
    /// - Returns: Recommendations for every participant.
    /// - Throws: ``MissionInputError`` for input validation would have refused (duplicate ids, a
    ///   participant outside the mission's two sides, no representative, vectors of other participants);
    ///   `LinearAlgebraError` when LAPACK fails (it does not on finite input).
    /// - Complexity: dominated by the SVD, O(nnz · r · q), and the kernel, O(|A| · |B| · (2r + f)).
    public func rank(
        mission: Mission, participants: [Participant], requests: [MeetingRequest] = [], top k: Int? = nil,
        semantic: SemanticVectors? = nil, history: MeetingHistory = MeetingHistory()
    ) throws -> MissionRanking {
        try MissionInputError.check(mission: mission, participants: participants, semantic: semantic)
        let encoding = try encode(participants, semantic: semantic)
        return try rank(mission: mission, participants: participants, requests: requests, top: k, encoding: encoding, history: history)
    }

    /// Ranks every participant's partners with an encoding computed earlier
    /// (``ParticipantEncoder/encode(_:latent:)`` from a shared file, or
    /// ``ParticipantEncoder/encode(_:)``): the same result as
    /// ``rank(mission:participants:requests:top:semantic:history:)`` when the
    /// encoding is the one that method would fit.
    ///
    /// - Parameters:
    ///   - mission: The mission.
    ///   - participants: Its participants, in the encoding's order.
    ///   - requests: Its requests.
    ///   - k: List length; `nil` uses the mission's `top_k`.
    ///   - encoding: The participants' encoding (with its semantic vectors, if any).
    ///   - history: The meetings of earlier missions.
    /// - Returns: Recommendations for every participant.
    /// - Throws: ``MissionInputError`` as the other `rank`; ``LatentShapeError`` when the encoding has
    ///   another number of rows than there are participants.
    /// - Complexity: the kernel's, O(|A| · |B| · (2r + f)), plus O(n · k²) for the re-ranking.
    public func rank(
        mission: Mission, participants: [Participant], requests: [MeetingRequest] = [], top k: Int? = nil,
        encoding: ParticipantEncoding, history: MeetingHistory = MeetingHistory()
    ) throws -> MissionRanking {
        let setup = try RankingSetup(
            engine: self, mission: mission, participants: participants, requests: requests, top: k, encoding: encoding,
            history: history)
        var lists = [[Candidate]](repeating: [], count: participants.count)
        let scored = setup.kernelLists(columnBlock: 0..<setup.columns.count)
        for (row, list) in scored.rows.enumerated() { lists[setup.rows[row]] = list }
        for (column, list) in scored.columns.enumerated() { lists[setup.columns[column]] = list }
        return finish(setup, lists: lists)
    }

    /// The ranking from the kernel's candidate lists on: wishes, congestion
    /// pricing, diversity, reasons and statistics. Every path to a
    /// ``MissionRanking`` (whole, or merged from shards) ends here, so equal
    /// lists give equal rankings.
    func finish(_ setup: RankingSetup, lists kernelLists: [[Candidate]]) -> MissionRanking {
        let (mission, participants, requests, history) = (setup.mission, setup.participants, setup.requests, setup.history)
        let (k, keep, rows, columns, model, exclusions) = (setup.k, setup.keep, setup.rows, setup.columns, setup.model, setup.exclusions)
        let encoding = setup.encoding
        var lists = kernelLists
        let wishes = applyWishes(requests, to: &lists, participants: participants, model: model, exclusions: exclusions,
                                 sides: (Set(rows), Set(columns)), bipartite: mission.pairing == .bipartite, keep: keep)

        let named = Explainer(participants: participants, model: model, reference: reference, wishes: wishes)
        let finalLists = lists
        // Partners with an offer↔need link first; sector and market alone never outrank a real complement.
        // A link by meaning alone counts where exact evidence is scarce: fewer than half a list of partners
        // with exact evidence in the pool (LinkTiers.exactEvidenceIsScarce); a partner whose fit is far above
        // the weakest linked one shown joins them (LinkTiers; docs/MatchQuality.md).
        let tiers: [(links: [Bool], byFit: [Bool])] = ParallelChunks.map(count: participants.count, minimumChunk: 128) { range in
            range.map { owner in
                // Loops, not closures over `named` and `model`: a closure captures those structs by value,
                // and copying them (all their arrays retained) for each of 23,100 lists showed in the samples.
                let pool = finalLists[owner]
                var linked: [Bool] = [], fits: [Double] = []
                linked.reserveCapacity(pool.count)
                fits.reserveCapacity(pool.count)
                for candidate in pool {
                    linked.append(named.hasExactLink(owner, candidate.partner))
                    fits.append(model.complementarity(of: candidate))
                }
                if LinkTiers.exactEvidenceIsScarce(linked: linked.lazy.filter { $0 }.count, k: k) {
                    for position in pool.indices where !linked[position] {
                        linked[position] = named.hasMeaningLink(owner, pool[position].partner)
                    }
                }
                let byFit = LinkTiers.joiningByFit(pool: pool, linked: linked, k: k) { fits[$0] }
                return (zip(linked, byFit).map { $0 || $1 }, byFit)
            }
        }
        let links = tiers.map(\.links)
        var withFits = named
        withFits.closeFits = Set(tiers.enumerated().flatMap { owner, tier in
            tier.byFit.indices.filter { tier.byFit[$0] }.map { PairMask.key(owner, finalLists[owner][$0].partner) }
        })
        let explainer = withFits
        let capacity = participants.map { participant in
            participant.maximumMeetings(in: mission) ?? mission.slots.count * max(1, participant.representatives)
        }
        let draw = ListDraw(k: k, profiles: encoding.profiles, diversity: Float(rankingOptions.diversity))
        let cosines: [[Float]] = ParallelChunks.map(count: participants.count, minimumChunk: 128) { range in
            range.map { draw.cosines(of: finalLists[$0]) }
        }
        var prices = CongestionPricing.prices(lists: lists, linked: links, cosines: cosines, owners: rows, capacity: capacity,
                                              draw: draw, strength: rankingOptions.congestion)
        if mission.pairing == .bipartite {
            let back = CongestionPricing.prices(lists: lists, linked: links, cosines: cosines, owners: columns,
                                                capacity: capacity, draw: draw, strength: rankingOptions.congestion)
            for index in prices.indices { prices[index] += back[index] }
        }
        let organisations = history.isEmpty ? [] : participants.map(MeetingHistory.organisation)
        let finalPrices = prices, noPrices = [Float](repeating: 0, count: prices.count)
        let plainDraw = ListDraw(k: k, profiles: encoding.profiles, diversity: 0)
        let listed: [(recommendations: [Recommendation], partners: [Int])] =
            ParallelChunks.map(count: participants.count, minimumChunk: 128) { range in
            range.map { owner in
                // Congestion prices and diversity choose who is listed; the list is ordered by the score it
                // shows (linked partners first), and a partner listed in place of a higher score says why.
                let pool = finalLists[owner], linked = links[owner]
                let members = draw.members(of: pool, linked: linked, cosines: cosines[owner], price: finalPrices)
                func shown(_ tier: ArraySlice<Int>) -> [Candidate] { tier.map { pool[$0] }.sorted(by: Candidate.precedes) }
                let chosen = shown(members.positions[..<members.linked]) + shown(members.positions[members.linked...])
                let plain = plainDraw.members(of: pool, linked: linked, cosines: [], price: noPrices).positions.map { pool[$0] }
                let entries = Self.entries(chosen.map(\.partner), plain: plain.map(\.partner), prices: finalPrices)
                return (chosen.enumerated().map { position, candidate in
                    var reasons = explainer.reasons(owner, candidate.partner)
                    if let entry = entries[position] { reasons += "; " + entry }
                    let prior = organisations.isEmpty ? []
                        : history.priorMeetings(organisations[owner], organisations[candidate.partner])
                    if !prior.isEmpty { reasons += "; " + prior.map(\.description).joined(separator: "; ") }
                    return Recommendation(
                        participant: participants[owner].id, rank: position + 1, partner: participants[candidate.partner].id,
                        score: Double(min(1, max(0, candidate.score))),
                        components: model.components(owner, of: candidate),
                        reasons: reasons, priorMeetings: prior)
                }, chosen.map(\.partner))
            }
        }
        let recommendations = listed.map(\.recommendations)
        return MissionRanking(
            participants: participants, recommendations: recommendations, candidates: lists,
            statistics: Self.statistics(recommendations, partners: listed.map(\.partners), model: model,
                                        recommendable: mission.pairing == .bipartite ? rows.count + columns.count : participants.count),
            model: model, explainer: explainer)
    }

    /// The participants' lexical encoding, with the semantic vectors attached.
    ///
    /// - Precondition: `semantic` has one row per participant (a programming
    ///   error; a vectors file is matched to the participants by its reader).
    /// - Throws: `LinearAlgebraError` when LAPACK fails.
    func encode(_ participants: [Participant], semantic: SemanticVectors?) throws -> ParticipantEncoding {
        precondition(semantic.map { $0.count == participants.count } ?? true, "one semantic row per participant")
        var encoding = try ParticipantEncoder(thesaurus: reference.thesaurus, options: encoderOptions)
            .encode(participants, explaining: true)
        encoding.semantic = semantic
        return encoding
    }

    /// Why a partner is listed where a higher score is not: lists are ordered
    /// by the scores they show (partners with an offer↔need link first), and
    /// congestion pricing and diversity only choose who is listed. A partner
    /// that the plain list (the best `k` by score, linked first) would not
    /// hold says whether it took the place of a partner in demand in many
    /// lists (priced by congestion control) or one much like a partner above
    /// (diversity).
    ///
    /// - Parameters:
    ///   - partners: The list, in its final order.
    ///   - plain: The plain list's partners.
    ///   - prices: Every participant's congestion price.
    /// - Returns: Per position, the clause to add, or `nil` where the plain list holds the partner too.
    /// - Complexity: O(k²).
    static func entries(_ partners: [Int], plain: [Int], prices: [Float]) -> [String?] {
        let displaced = plain.filter { !partners.contains($0) }
        return partners.map { partner in
            guard !plain.contains(partner) else { return nil }
            // Prices are never negative: a displaced partner priced above this one was priced out.
            return displaced.contains(where: { prices[$0] > prices[partner] })
                ? "listed in place of a higher score: that partner is in demand in many lists"
                : "listed for variety: a higher score is much like a partner above"
        }
    }

    /// The kernel's rows and columns: the two sides, or everyone twice for `open` pairing.
    static func sides(of mission: Mission, _ participants: [Participant]) -> (rows: [Int], columns: [Int]) {
        guard mission.pairing == .bipartite, mission.sides.count == 2 else {
            let everyone = Array(participants.indices)
            return (everyone, everyone)
        }
        let rows = participants.indices.filter { participants[$0].side == mission.sides[0] }
        let columns = participants.indices.filter { participants[$0].side == mission.sides[1] }
        return (rows, columns)
    }

    /// Adds `wish` pairs to both participants' candidate lists with the bonus; returns the wished pairs.
    private func applyWishes(
        _ requests: [MeetingRequest], to lists: inout [[Candidate]], participants: [Participant], model: ScoringModel,
        exclusions: PairExclusions, sides: (Set<Int>, Set<Int>), bipartite: Bool, keep: Int
    ) -> Set<UInt64> {
        let index = Dictionary(participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var wishes: Set<UInt64> = []
        for request in requests where request.priority == .wish {
            guard let a = index[request.from], let b = index[request.to], !exclusions.excludes(a, b) else { continue }
            if bipartite, !((sides.0.contains(a) && sides.1.contains(b)) || (sides.1.contains(a) && sides.0.contains(b))) { continue }
            wishes.insert(PairMask.key(a, b))
            wishes.insert(PairMask.key(b, a))
            let score = min(1, max(0, model.rawScore(a, b)) + Float(rankingOptions.wishBonus))
            for (owner, partner) in [(a, b), (b, a)] {
                var list = lists[owner].filter { $0.partner != partner }
                let (c1, c2) = model.directions(owner, partner)
                list.append(Candidate(partner: partner, score: score, offerToNeed: c1, needFromOffer: c2))
                list.sort(by: Candidate.precedes)
                lists[owner] = Array(list.prefix(max(keep, 1)))
            }
        }
        return wishes
    }

    private static func statistics(
        _ recommendations: [[Recommendation]], partners listedPartners: [[Int]], model: ScoringModel, recommendable: Int
    ) -> RankingStatistics {
        let profiles = model.encoding.profiles
        // Per list, on all cores: its partners, their profile cosines pair by pair, its score sum.
        // The sums over lists are then taken in list order, so the bits do not depend on the split.
        let perList: [(partners: [Int], cosines: [Float], scores: Double)] =
            ParallelChunks.map(count: recommendations.count, minimumChunk: 512) { range in
                range.map { position in
                    let list = recommendations[position]
                    let partners = listedPartners[position]  // by index: the ids are unique (MissionInputError.check)
                    var cosines: [Float] = []
                    cosines.reserveCapacity(partners.count * max(0, partners.count - 1) / 2)
                    for (i, x) in partners.enumerated() {
                        for y in partners[(i + 1)...] { cosines.append(profiles.dotRow(x, with: profiles, row: y)) }
                    }
                    return (partners, cosines, list.indices.reduce(0) { $0 + list[$1].score })
                }
            }
        var exposure = [Int](repeating: 0, count: recommendations.count)  // one list per participant
        var similaritySum = 0.0
        var similarityPairs = 0
        var scoreSum = 0.0
        var count = 0
        for (list, summary) in zip(recommendations, perList) {
            for partner in summary.partners { exposure[partner] += 1 }
            for cosine in summary.cosines { similaritySum += Double(cosine) }
            similarityPairs += summary.cosines.count
            scoreSum += summary.scores
            count += list.count
        }
        var exposures = exposure.filter { $0 > 0 }
        exposures += Array(repeating: 0, count: max(0, recommendable - exposures.count))
        return RankingStatistics(
            lists: recommendations.filter { !$0.isEmpty }.count, recommendations: count,
            distinctPartners: exposure.filter { $0 > 0 }.count, maximumExposure: exposure.max() ?? 0,
            exposureGini: RankingStatistics.gini(exposures),
            meanIntraListSimilarity: similarityPairs > 0 ? similaritySum / Double(similarityPairs) : 0,
            meanScore: count > 0 ? scoreSum / Double(count) : 0)
    }
}
