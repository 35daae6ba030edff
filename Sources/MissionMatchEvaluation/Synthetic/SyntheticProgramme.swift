import MissionMatch

/// A generated programme: a bipartite mission, its participants and requests,
/// the latent profile each participant was written from, and the ground truth
/// derived from those profiles.
///
/// ```swift
/// let programme = try SyntheticProgrammeGenerator.generate(
///     SyntheticProgrammeOptions(consortium: 200, counterparts: 1_000, seed: 1), referenceData: reference)
/// programme.participants[0].id                          // "eu-0001"
/// programme.truth.relevant(for: "eu-0001").first        // (partner: "cp-00208", relevance: 3)
/// ```
public struct SyntheticProgramme: Sendable {
    /// The mission: bipartite, sides `consortium` and `counterpart`, files
    /// `participants.csv` and `requests.csv` next to the mission file.
    public var mission: Mission
    /// The consortium participants first (`eu-…`), then the counterparts (`cp-…`).
    public var participants: [Participant]
    /// A few consistent requests: `must` a planted partner, `wish` a
    /// one-directional decoy, `block` a competitor.
    public var requests: [MeetingRequest]
    /// The graded relevance of every (consortium, counterpart) pair (see `GroundTruth`
    /// and ``SyntheticProgrammeGenerator`` for the definition).
    public var truth: GroundTruth
    /// What each participant was written from, aligned with ``participants``.
    public var latent: [LatentProfile]
    /// How many of ``participants`` (the first ones) are on the consortium side.
    public var consortiumCount: Int

    /// Creates a programme.
    ///
    /// - Parameters:
    ///   - mission: The mission.
    ///   - participants: Consortium first, then counterparts.
    ///   - requests: The requests.
    ///   - truth: The ground truth.
    ///   - latent: One latent profile per participant.
    ///   - consortiumCount: The number of consortium participants.
    public init(mission: Mission, participants: [Participant], requests: [MeetingRequest], truth: GroundTruth,
                latent: [LatentProfile], consortiumCount: Int) {
        self.mission = mission
        self.participants = participants
        self.requests = requests
        self.truth = truth
        self.latent = latent
        self.consortiumCount = consortiumCount
    }
}

/// The hidden variables a synthetic participant's texts are written from.
public struct LatentProfile: Sendable, Hashable {
    /// Why a participant was made.
    public enum Role: Sendable, Hashable {
        /// A consortium participant.
        case consortium
        /// A counterpart drawn from the programme's value chains, planted for nobody.
        case background
        /// Offers one of the consortium participant's needs and needs one of its offers.
        case complementary(consortium: Int)
        /// Offers one of its needs but needs none of its offers.
        case oneDirectional(consortium: Int)
        /// Offers what it offers and needs what it needs: similar, not complementary.
        case competitor(consortium: Int)

        /// The index of the consortium participant a counterpart was planted for.
        public var plantedFor: Int? {
            switch self {
            case .consortium, .background: nil
            case .complementary(let i), .oneDirectional(let i), .competitor(let i): i
            }
        }
    }

    /// Indices into the thesaurus' `concepts` of what the participant offers (1–4, sorted).
    public var offers: [Int]
    /// Indices into the thesaurus' `concepts` of what it needs (1–4, sorted, disjoint from ``offers``).
    public var needs: [Int]
    /// The sector its offers come from; its value chain is this sector and
    /// those with an affinity of at least 0.55 to it.
    public var sector: String
    /// Why it was made.
    public var role: Role

    /// Creates a latent profile.
    ///
    /// - Parameters:
    ///   - offers: Offered concept indices.
    ///   - needs: Needed concept indices.
    ///   - sector: The primary sector code.
    ///   - role: Why it was made.
    public init(offers: [Int], needs: [Int], sector: String, role: Role) {
        self.offers = offers
        self.needs = needs
        self.sector = sector
        self.role = role
    }
}

/// Why a programme cannot be generated from the given reference data or options.
public struct SyntheticProgrammeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is missing or wrong, and what to do.
    public var message: String

    /// Creates the error.
    ///
    /// - Parameter message: What is wrong.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
