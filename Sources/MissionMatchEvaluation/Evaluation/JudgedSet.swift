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
    /// Which partners of a judged participant are compared.
    public let candidates: Candidates
    /// The outcome labels the set was built from (``init(name:mission:participants:labels:reference:encoderOptions:semantic:)``), if any.
    public let outcomeLabels: OutcomeLabels?
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
    ///   - candidates: Which partners are compared (default every partner the mission pairs a judged participant with).
    /// - Throws: `LinearAlgebraError` when LAPACK fails.
    public init(
        name: String, mission: Mission, participants: [Participant], truth: GroundTruth, reference: ReferenceData,
        encoderOptions: EncoderOptions = EncoderOptions(), semantic: SemanticVectors? = nil,
        candidates: Candidates = .everyPartner
    ) throws {
        self.name = name
        self.mission = mission
        self.participants = participants
        self.truth = truth
        self.candidates = candidates
        self.outcomeLabels = nil
        self.reference = reference
        self.encoding = try MatchingEngine(reference: reference, encoderOptions: encoderOptions)
            .encodedParticipants(participants, semantic: semantic)
        self.sides = MatchingEngine.pairedSides(of: mission, participants)
        self.owners = Self.owners(truth: truth, mission: mission, participants: participants, candidates: candidates)
    }

    /// Encodes a mission whose held meetings were labelled from their
    /// outcomes: only labelled meetings are compared (``Candidates/judgedPartners``).
    ///
    /// Components are recomputed from the participants, so only the labels
    /// (the outcomes and the agenda handed out) are needed beside the mission.
    ///
    /// - Parameters:
    ///   - name: A name for reports.
    ///   - mission: The mission.
    ///   - participants: Its participants.
    ///   - labels: Its labelled meetings.
    ///   - reference: Reference data.
    ///   - encoderOptions: Encoder settings.
    ///   - semantic: Sentence-encoder vectors of the participants.
    /// - Throws: `LinearAlgebraError` when LAPACK fails.
    public init(
        name: String, mission: Mission, participants: [Participant], labels: OutcomeLabels, reference: ReferenceData,
        encoderOptions: EncoderOptions = EncoderOptions(), semantic: SemanticVectors? = nil
    ) throws {
        let truth = labels.truth
        self.name = name
        self.mission = mission
        self.participants = participants
        self.truth = truth
        self.candidates = .judgedPartners
        self.outcomeLabels = labels
        self.reference = reference
        self.encoding = try MatchingEngine(reference: reference, encoderOptions: encoderOptions)
            .encodedParticipants(participants, semantic: semantic)
        self.sides = MatchingEngine.pairedSides(of: mission, participants)
        self.owners = Self.owners(truth: truth, mission: mission, participants: participants, candidates: .judgedPartners)
    }

    private init(_ set: JudgedSet, truth: GroundTruth, candidates: Candidates, labels: OutcomeLabels?) {
        self.name = set.name
        self.mission = set.mission
        self.participants = set.participants
        self.truth = truth
        self.candidates = candidates
        self.outcomeLabels = labels
        self.reference = set.reference
        self.encoding = set.encoding
        self.sides = set.sides
        self.owners = Self.owners(truth: truth, mission: set.mission, participants: set.participants, candidates: candidates)
    }

    /// The same mission and encoding with other outcome labels (no encoding
    /// again): for labels computed from this set's own components, such as
    /// planted outcomes in a test or a benchmark.
    ///
    /// - Parameter labels: The new labels.
    /// - Returns: A set comparing only the labelled meetings.
    public func relabelled(_ labels: OutcomeLabels) -> JudgedSet {
        JudgedSet(self, truth: labels.truth, candidates: .judgedPartners, labels: labels)
    }

    /// Which partners of a judged participant are compared.
    public enum Candidates: Sendable, Hashable {
        /// Every partner the mission pairs it with (the other side, or
        /// everyone in an open mission): unjudged partners are candidates too.
        case everyPartner
        /// Only the partners the truth grades or judges bad (labelled
        /// meetings): a pair nobody judged is not compared.
        case judgedPartners
    }

    /// The judged participants with their candidates.
    ///
    /// - Complexity: O(|truth participants| · |participants|) for every
    ///   partner; O(|participants| + judged pairs · log) for judged partners only.
    private static func owners(
        truth: GroundTruth, mission: Mission, participants: [Participant], candidates: Candidates
    ) -> [(owner: Int, candidates: [Int])] {
        guard candidates == .judgedPartners else {
            return MatchingEngine.judgedCandidates(truth: truth, mission: mission, participants: participants)
        }
        // The same pool as `judgedCandidates` (the other side, or everyone else), restricted to the judged partners.
        let index = Dictionary(participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let (rows, columns) = MatchingEngine.pairedSides(of: mission, participants)
        var side = [UInt8](repeating: 0, count: participants.count)    // 1 row, 2 column
        for row in rows { side[row] = 1 }
        for column in columns where side[column] == 0 { side[column] = 2 }
        let bipartite = mission.pairing == .bipartite && mission.sides.count == 2
        return truth.participants.compactMap { id in
            guard let owner = index[id] else { return nil }
            let wanted: UInt8 = side[owner] == 1 ? 2 : 1
            let judged = Set((truth.relevant(for: id).map(\.partner) + (truth.badPartners[id] ?? [])).compactMap { index[$0] })
            let pool = judged.filter { partner in partner != owner && (!bipartite || side[partner] == wanted) }
            return (owner, pool.sorted())
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
    /// - Parameters:
    ///   - latentShare: λ.
    ///   - semanticShare: μ (no effect on a set without semantic vectors).
    ///   - calibrated: Whether components are calibrated.
    /// - Returns: Per judged participant, one row of ``featureNames``-many values per candidate.
    func features(latentShare: Double, semanticShare: Double = 0, calibrated: Bool = true) -> [[[Double]]] {
        let model = featureModel(latentShare: latentShare, semanticShare: semanticShare, calibrated: calibrated)
        let owners = self.owners
        return ParallelChunks.map(count: owners.count, minimumChunk: 4) { range in
            range.map { position in
                let (owner, candidates) = owners[position]
                return candidates.map { partner in Self.featureRow(model, owner, partner) }
            }
        }
    }

    /// The scoring model whose components ``features(latentShare:semanticShare:calibrated:)`` reads.
    func featureModel(latentShare: Double, semanticShare: Double, calibrated: Bool) -> ScoringModel {
        var weights = ScoringWeights.defaults
        weights.latentShare = latentShare
        weights.semanticShare = semanticShare
        weights.reciprocity = .arithmetic
        return ScoringModel(
            participants: participants, encoding: encoding, weights: weights, reference: reference, pairs: sides,
            calibrated: calibrated)
    }

    /// One pair's features (``featureNames`` order): its components times the calibration, the competition negated.
    static func featureRow(_ model: ScoringModel, _ owner: Int, _ partner: Int) -> [Double] {
        let k = model.calibration
        let c = model.components(owner, partner)
        return [c.complementarity, k.similarity * c.similarity, -k.competition * c.competition,
                k.sector * c.sector, k.country * c.country, k.cooperation * c.cooperation]
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
