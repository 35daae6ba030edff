import MatchCore
import MissionMatch

/// A mission whose pairs someone judged: the input of ``WeightFitter``.
///
/// Encoding runs once, when the set is prepared; the fitter then reads every
/// judged participant's candidates as feature vectors of the score
/// (`features(latentShare:semanticShare:calibrated:)`), one per value of λ it tries.
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
    ///   - semantic: Sentence-encoder vectors of the participants, when the fit should mix them in
    ///     (`ScoringWeights.semanticShare`).
    /// - Throws: `LinearAlgebraError` when LAPACK fails.
    public init(
        name: String, mission: Mission, participants: [Participant], truth: GroundTruth, reference: ReferenceData,
        encoderOptions: EncoderOptions = EncoderOptions(), semantic: SemanticVectors? = nil
    ) throws {
        self.name = name
        self.mission = mission
        self.participants = participants
        self.truth = truth
        self.reference = reference
        self.encoding = try MatchingEngine(reference: reference, encoderOptions: encoderOptions)
            .encodedParticipants(participants, semantic: semantic)
        self.sides = MatchingEngine.pairedSides(of: mission, participants)
        self.owners = MatchingEngine.judgedCandidates(truth: truth, mission: mission, participants: participants)
    }

    /// The names of the fitted features, in order.
    public static let featureNames = ["complementarity", "similarity", "competition", "sector", "country", "cooperation"]

    /// Every judged participant's candidates as score features at one λ.
    ///
    /// Feature *k* of a pair is its component times the mission's calibration
    /// factor, with the competition negated, so that the score is
    /// Σ w_k · feature_k with every w_k ≥ 0.
    ///
    /// - Parameters:
    ///   - latentShare: λ.
    ///   - semanticShare: μ (no effect on a set without semantic vectors).
    ///   - calibrated: Whether components are calibrated.
    /// - Returns: Per judged participant, one row of ``featureNames``-many values per candidate.
    func features(latentShare: Double, semanticShare: Double = 0, calibrated: Bool = true) -> [[[Double]]] {
        var weights = ScoringWeights.defaults
        weights.latentShare = latentShare
        weights.semanticShare = semanticShare
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

    /// Whether the set has sentence-encoder vectors.
    public var hasSemanticVectors: Bool { encoding.semantic != nil }

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
    /// Every judged participant's candidates of every set with their raw
    /// cosines and components, as one CSV (`set,participant,partner,grade,…`,
    /// one header): for studying the score outside Swift (`fit-weights --dump`).
    ///
    /// - Parameter sets: The judged sets, in order.
    /// - Returns: The CSV text, `\n` line ends.
    public static func pairTable(_ sets: [JudgedSet]) -> String {
        "set,participant,partner,grade,lsa_on,lsa_no,lex_on,lex_no,lex_oo,lex_nn,lsa_oo,lsa_nn,profile,"
            + "sector,country,cooperation,a_targets_b,b_targets_a,sem_on,sem_no,sem_oo\n" + sets.map { $0.pairRows() }.joined()
    }

    /// This set's rows of ``pairTable(_:)``.
    private func pairRows() -> String {
        var weights = ScoringWeights.defaults
        weights.reciprocity = .arithmetic
        let model = ScoringModel(participants: participants, encoding: encoding, weights: weights, reference: reference,
                                 pairs: sides, calibrated: false)
        let e = encoding
        let grades = self.grades()
        var text = ""
        for (position, entry) in owners.enumerated() {
            let a = entry.owner
            for (slot, b) in entry.candidates.enumerated() {
                let x = model.cosines(a, b)
                let c = model.components(a, b)
                let values: [Float] = [x.latentOfferToNeed, x.latentNeedFromOffer, x.lexicalOfferToNeed, x.lexicalNeedFromOffer,
                                       x.lexicalOffers, e.lexicalNeeds.dotRow(a, with: e.lexicalNeeds, row: b),
                                       e.offers.dotRow(a, with: e.offers, row: b), e.needs.dotRow(a, with: e.needs, row: b),
                                       x.profiles]
                let s = e.semantic
                let facts: [Double] = [c.sector, c.country, c.cooperation,
                                       model.facts.targets[a][model.facts.country[b]] ? 1 : 0,
                                       model.facts.targets[b][model.facts.country[a]] ? 1 : 0,
                                       Double(x.semanticOfferToNeed), Double(x.semanticNeedFromOffer),
                                       s.map { Double($0.offers.dotRow(a, with: $0.offers, row: b)) } ?? 0]
                text += ([name, participants[a].id, participants[b].id, String(grades[position][slot])]
                         + values.map { String($0) } + facts.map { String($0) }).joined(separator: ",") + "\n"
            }
        }
        return text
    }
}
