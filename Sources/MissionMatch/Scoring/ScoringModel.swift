import MatchCore

/// The documented score of a pair, and the matrices that let the fused
/// kernel compute it for all pairs at once.
///
/// For participants *a* and *b*, with weights *w* normalised to sum to 1:
///
///     score = w_compl · M(c₁, c₂) + w_sim · sim + w_sector · sector + w_country · country + w_coop · coop
///
/// * c₁ = cos(offers_a, needs_b), c₂ = cos(needs_a, offers_b) in the LSA space,
///   negatives clamped to 0; M is the ``Reciprocity`` mean (harmonic by default);
/// * sim = cos(profile_a, profile_b) (the leading LSA components of offers + needs);
/// * sector = mean taxonomy affinity over all pairs of their sectors (1 for the same sector);
/// * country = ½ if b's country is among a's `target_countries` (`EU`, `EEA`,
///   `ANY` expanded; no targets means any) + ½ the other way round;
/// * coop = cosine of their cooperation-type sets.
///
/// Every component is in [0, 1], so the score is too (a negative profile
/// cosine, rare in LSA, can pull it slightly below; reported scores are
/// clamped to [0, 1]).
///
/// The kernel computes `w_compl · M(c₁, c₂)` from the `offer`/`need` blocks
/// and everything else as one dot product `features_a · features_b` of the
/// blocks built here:
///
///     rows (a):    [w_sim·profile | w_sector·(s_aᵀ·S) | ½·w_country·t_a | ½·w_country·e_a | w_coop·ĉ_a]
///     columns (b): [profile       | s_b               | e_b              | t_b              | ĉ_b]
///
/// with s the sector indicator divided by its count, S the affinity matrix,
/// t the target-country indicator, e the one-hot country and ĉ the normalised
/// cooperation indicator.
public struct ScoringModel: Sendable {
    /// The mission's weights, as given.
    public let weights: ScoringWeights
    /// The encoded participants.
    public let encoding: ParticipantEncoding
    let facts: ProfileFacts
    private let w: (complementarity: Float, similarity: Float, sector: Float, country: Float, cooperation: Float)

    /// Builds the model for one mission's participants.
    ///
    /// - Parameters:
    ///   - participants: All participants, in the order of `encoding`.
    ///   - encoding: Their vectors.
    ///   - weights: The mission's weights.
    ///   - reference: Sectors (affinities) and countries (groups).
    public init(participants: [Participant], encoding: ParticipantEncoding, weights: ScoringWeights, reference: ReferenceData) {
        precondition(participants.count == encoding.offers.rows, "one encoded row per participant")
        self.weights = weights
        self.encoding = encoding
        self.facts = ProfileFacts(participants: participants, reference: reference)
        let total = weights.total > 0 ? weights.total : 1
        self.w = (Float(weights.complementarity / total), Float(weights.similarity / total), Float(weights.sector / total),
                  Float(weights.country / total), Float(weights.cooperation / total))
    }

    /// The kernel's reciprocal mean for the mission's ``Reciprocity``.
    public var kernelMean: ReciprocalMean {
        switch weights.reciprocity {
        case .harmonic: .harmonic
        case .geometric: .geometric
        case .arithmetic: .arithmetic
        }
    }

    /// The normalised weight of complementarity: the kernel's reciprocity weight.
    public var complementarityWeight: Float { w.complementarity }

    /// The kernel input for some participants in the role of rows or of columns.
    ///
    /// - Parameters:
    ///   - indices: Participant indices, in the order the kernel should see them.
    ///   - asRows: `true` for the A side (rows), `false` for the B side (columns).
    /// - Returns: Their offer, need and linear-feature blocks.
    /// - Complexity: O(*n* · (r + f)).
    public func scoringSide(_ indices: [Int], asRows: Bool) -> ScoringSide {
        let profileWidth = encoding.profiles.columns
        let sectorWidth = facts.sectorCodes.count
        let countryWidth = facts.countryCodes.count
        let cooperationWidth = CooperationType.allCases.count
        let width = profileWidth + sectorWidth + 2 * countryWidth + cooperationWidth
        var features = [Float](repeating: 0, count: indices.count * width)
        for (row, participant) in indices.enumerated() {
            let base = row * width
            let profile = encoding.profiles.row(participant)
            for (offset, value) in profile.enumerated() { features[base + offset] = asRows ? w.similarity * value : value }
            let sectors = facts.sectors[participant]
            if !sectors.isEmpty {
                let share = 1 / Float(sectors.count)
                for sector in sectors {
                    if asRows {
                        for other in 0..<sectorWidth {
                            features[base + profileWidth + other] += w.sector * share * facts.sectorAffinity[sector * sectorWidth + other]
                        }
                    } else {
                        features[base + profileWidth + sector] += share
                    }
                }
            }
            let targetsBase = base + profileWidth + sectorWidth + (asRows ? 0 : countryWidth)
            let countryBase = base + profileWidth + sectorWidth + (asRows ? countryWidth : 0)
            let countryScale: Float = asRows ? 0.5 * w.country : 1
            for (country, targeted) in facts.targets[participant].enumerated() where targeted {
                features[targetsBase + country] = countryScale
            }
            features[countryBase + facts.country[participant]] = countryScale
            let types = facts.cooperation[participant]
            if types != 0 {
                let value = (asRows ? w.cooperation : 1) / Float(types.nonzeroBitCount).squareRoot()
                for bit in 0..<cooperationWidth where types & (1 << UInt16(bit)) != 0 {
                    features[base + profileWidth + sectorWidth + 2 * countryWidth + bit] = value
                }
            }
        }
        return ScoringSide(
            offer: encoding.offers.rows(indices), need: encoding.needs.rows(indices),
            features: Matrix(rows: indices.count, columns: width, elements: features))
    }

    /// The components of the pair (a, b), from a's point of view.
    ///
    /// - Parameters:
    ///   - a: A participant index.
    ///   - b: Another participant index.
    /// - Returns: Every component, each in [0, 1].
    /// - Complexity: O(r + p + sectors²).
    public func components(_ a: Int, _ b: Int) -> ScoreComponents {
        let c1 = max(0, dot(encoding.offers.row(a), encoding.needs.row(b)))
        let c2 = max(0, dot(encoding.needs.row(a), encoding.offers.row(b)))
        return ScoreComponents(
            offerToNeed: Double(c1), needFromOffer: Double(c2), complementarity: Double(kernelMean(c1, c2)),
            similarity: Double(min(1, max(0, dot(encoding.profiles.row(a), encoding.profiles.row(b))))),
            sector: Double(facts.sectorScore(a, b)), country: Double(facts.countryScore(a, b)),
            cooperation: Double(facts.cooperationScore(a, b)))
    }

    /// The pair's score as the kernel computes it (unclamped).
    ///
    /// - Parameters:
    ///   - a: A participant index.
    ///   - b: Another participant index.
    /// - Returns: The weighted sum of the components, the profile cosine unclamped.
    public func rawScore(_ a: Int, _ b: Int) -> Float {
        let parts = components(a, b)
        let similarity = dot(encoding.profiles.row(a), encoding.profiles.row(b))
        return w.complementarity * Float(parts.complementarity) + w.similarity * similarity
            + w.sector * Float(parts.sector) + w.country * Float(parts.country) + w.cooperation * Float(parts.cooperation)
    }

    private func dot(_ x: ArraySlice<Float>, _ y: ArraySlice<Float>) -> Float {
        var sum: Float = 0
        for (u, v) in zip(x, y) { sum += u * v }
        return sum
    }
}
