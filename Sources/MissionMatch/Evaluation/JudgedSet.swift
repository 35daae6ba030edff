import MatchCore

/// A mission whose pairs someone judged: the input of ``WeightFitter``.
///
/// Encoding runs once, when the set is prepared; the fitter then reads every
/// judged participant's candidates as feature vectors of the score
/// (``features(latentShare:)``), one per value of λ it tries.
public struct JudgedSet: Sendable {
    /// A name for reports (e.g. the mission id).
    public let name: String
    /// The mission.
    public let mission: Mission
    /// Its participants.
    public let participants: [Participant]
    /// The judgements.
    public let truth: GroundTruth
    let encoding: ParticipantEncoding
    let reference: ReferenceData
    /// The judged participants (indices) and their candidates.
    let owners: [(owner: Int, candidates: [Int])]
    let sides: (rows: [Int], columns: [Int])

    /// Encodes the set's participants.
    ///
    /// - Parameters:
    ///   - name: A name for reports.
    ///   - mission: The mission (pairing and sides say who can meet whom).
    ///   - participants: Its participants.
    ///   - truth: The judged pairs.
    ///   - reference: Reference data.
    ///   - encoderOptions: Encoder settings.
    /// - Throws: `LinearAlgebraError` when LAPACK fails.
    public init(
        name: String, mission: Mission, participants: [Participant], truth: GroundTruth, reference: ReferenceData,
        encoderOptions: EncoderOptions = EncoderOptions()
    ) throws {
        self.name = name
        self.mission = mission
        self.participants = participants
        self.truth = truth
        self.reference = reference
        self.encoding = try ParticipantEncoder(thesaurus: reference.thesaurus, options: encoderOptions).encode(participants)
        let sides = MatchingEngine.sides(of: mission, participants)
        self.sides = sides
        let index = Dictionary(participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rowSet = Set(sides.rows)
        let bipartite = mission.pairing == .bipartite && mission.sides.count == 2
        self.owners = truth.participants.compactMap { id in
            guard let owner = index[id] else { return nil }
            let candidates = bipartite ? (rowSet.contains(owner) ? sides.columns : sides.rows)
                : participants.indices.filter { $0 != owner }
            return (owner, candidates)
        }
    }

    /// The names of the fitted features, in order.
    public static let featureNames = ["complementarity", "similarity", "competition", "sector", "country", "cooperation"]

    /// Every judged participant's candidates as score features at one λ.
    ///
    /// Feature *k* of a pair is its component times the mission's calibration
    /// factor, with the competition negated, so that the score is
    /// Σ w_k · feature_k with every w_k ≥ 0.
    ///
    /// - Parameter latentShare: λ.
    /// - Returns: Per judged participant, one row of ``featureNames``-many values per candidate.
    func features(latentShare: Double, calibrated: Bool = true) -> [[[Double]]] {
        var weights = ScoringWeights.defaults
        weights.latentShare = latentShare
        weights.reciprocity = .arithmetic
        let model = ScoringModel(
            participants: participants, encoding: encoding, weights: weights, reference: reference, pairs: sides,
            calibrated: calibrated)
        let k = model.calibration
        let owners = self.owners
        return ParallelChunks.map(count: owners.count, minimumChunk: 4) { range in
            range.map { position in
                let (owner, candidates) = owners[position]
                return candidates.map { partner in
                    let c = model.components(owner, partner)
                    return [c.complementarity, k.similarity * c.similarity, -k.competition * c.competition,
                            k.sector * c.sector, k.country * c.country, k.cooperation * c.cooperation]
                }
            }
        }
    }

    /// The grade of each judged participant's candidates (−1 for a pair judged bad).
    func grades() -> [[Int]] {
        owners.map { owner, candidates in
            let id = participants[owner].id
            let bad = Set(truth.badPartners[id] ?? [])
            return candidates.map { partner in
                let partnerID = participants[partner].id
                return bad.contains(partnerID) ? -1 : truth.relevance(participant: id, partner: partnerID)
            }
        }
    }
}

extension JudgedSet {
    /// Every judged participant's candidates with their raw cosines and
    /// components, as CSV (`set,participant,partner,grade,…`): for studying
    /// the score outside Swift (`missionmatch fit-weights --dump`).
    public func pairTable() -> String {
        var weights = ScoringWeights.defaults
        weights.reciprocity = .arithmetic
        let model = ScoringModel(participants: participants, encoding: encoding, weights: weights, reference: reference,
                                 pairs: sides, calibrated: false)
        let grades = self.grades()
        var lines: [String] = []
        for (position, entry) in owners.enumerated() {
            for (slot, partner) in entry.candidates.enumerated() {
                let x = model.cosines(entry.owner, partner)
                let c = model.components(entry.owner, partner)
                let needsMatch = dot(encoding.lexicalNeeds.row(entry.owner), encoding.lexicalNeeds.row(partner))
                let latentOffers = dot(encoding.offers.row(entry.owner), encoding.offers.row(partner))
                let latentNeeds = dot(encoding.needs.row(entry.owner), encoding.needs.row(partner))
                let values: [Float] = [x.latentOfferToNeed, x.latentNeedFromOffer, x.lexicalOfferToNeed, x.lexicalNeedFromOffer,
                                       x.lexicalOffers, needsMatch, latentOffers, latentNeeds, x.profiles]
                let facts: [Double] = [c.sector, c.country, c.cooperation,
                                       model.facts.targets[entry.owner][model.facts.country[partner]] ? 1 : 0,
                                       model.facts.targets[partner][model.facts.country[entry.owner]] ? 1 : 0]
                lines.append(([name, participants[entry.owner].id, participants[partner].id, String(grades[position][slot])]
                              + values.map { String($0) } + facts.map { String($0) }).joined(separator: ","))
            }
        }
        return "set,participant,partner,grade,lsa_on,lsa_no,lex_on,lex_no,lex_oo,lex_nn,lsa_oo,lsa_nn,profile,"
            + "sector,country,cooperation,a_targets_b,b_targets_a\n" + lines.joined(separator: "\n") + "\n"
    }

    private func dot(_ x: ArraySlice<Float>, _ y: ArraySlice<Float>) -> Float {
        var sum: Float = 0
        for (u, v) in zip(x, y) { sum += u * v }
        return sum
    }
}
