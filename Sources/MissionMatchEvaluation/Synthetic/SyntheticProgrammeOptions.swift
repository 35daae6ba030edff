import MissionMatch

/// What to generate: the sizes of the two sides, the seed and how noisy the
/// texts are.
///
/// ```swift
/// var options = SyntheticProgrammeOptions(consortium: 200, counterparts: 1_000, seed: 1)
/// options.typoRate = 0.05
/// let programme = try SyntheticProgrammeGenerator.generate(options, referenceData: reference)
/// ```
public struct SyntheticProgrammeOptions: Sendable, Hashable {
    /// Consortium participants (European cluster members), at least 1.
    public var consortium: Int
    /// Counterparts (organisations of third countries), at least 1.
    public var counterparts: Int
    /// The seed: the same options give the same programme, byte for byte.
    public var seed: UInt64
    /// Probability that a word of six or more letters in an `offers`/`needs`
    /// text gets one typo (a swap, deletion, doubling or substitution), 0…1 (default 0.02).
    public var typoRate: Double
    /// Probability of each filler sentence (company facts, sector mentions, a
    /// past project naming an unrelated concept), 0…1 (default 0.35).
    public var noiseRate: Double
    /// Probability that a participant's `offer_tags`/`need_tags` are filled
    /// (each tag an id, label or synonym); otherwise the text alone carries
    /// the signal, 0…1 (default 0.5).
    public var tagRate: Double
    /// Share of the counterparts planted for a consortium participant
    /// (complementary partners, one-directional decoys, competitors); the
    /// rest are drawn from the programme's value chains, 0…1 (default 0.8).
    public var plantedShare: Double

    /// Creates options; the noise settings take their defaults.
    ///
    /// - Parameters:
    ///   - consortium: Consortium participants, ≥ 1.
    ///   - counterparts: Counterparts, ≥ 1.
    ///   - seed: The seed.
    ///   - typoRate: Typos per word of six or more letters (default 0.02).
    ///   - noiseRate: Probability of each filler sentence (default 0.35).
    ///   - tagRate: Probability that tags are filled (default 0.5).
    ///   - plantedShare: Share of planted counterparts (default 0.8).
    public init(consortium: Int, counterparts: Int, seed: UInt64, typoRate: Double = 0.02,
                noiseRate: Double = 0.35, tagRate: Double = 0.5, plantedShare: Double = 0.8) {
        self.consortium = consortium
        self.counterparts = counterparts
        self.seed = seed
        self.typoRate = typoRate
        self.noiseRate = noiseRate
        self.tagRate = tagRate
        self.plantedShare = plantedShare
    }

    /// Why the options cannot be used, or `nil` when they can.
    public var problem: String? {
        if consortium < 1 { return "the consortium needs at least 1 participant" }
        if counterparts < 1 { return "there must be at least 1 counterpart" }
        if consortium > 1_000_000 || counterparts > 1_000_000 { return "at most 1,000,000 participants per side" }
        for (name, rate) in [("typo rate", typoRate), ("noise rate", noiseRate), ("tag rate", tagRate),
                             ("planted share", plantedShare)] where !(0...1).contains(rate) {
            return "the \(name) must be between 0 and 1"
        }
        return nil
    }
}
