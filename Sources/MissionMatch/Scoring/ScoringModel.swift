import MatchCore

/// The documented score of a pair, and the matrices that let the fused
/// kernel compute it for all pairs at once.
///
/// For participants *a* and *b*, with weights *w* normalised to sum to 1 and
/// the mission's calibration factors κ (``ScoreCalibration``):
///
///     score = w_compl · M(c₁, c₂) + κ_sim·w_sim · sim − κ_comp·w_comp · competition
///             + κ_sector·w_sector · sector + κ_country·w_country · country + κ_coop·w_coop · coop
///
/// * c₁ = max(0, μ·cosSEM(offers_a, needs_b) + (1 − μ)·(λ·cosLSA(offers_a, needs_b) + (1 − λ)·cosTFIDF(offers_a, needs_b))),
///   c₂ the same for needs_a and offers_b: λ = ``ScoringWeights/latentShare`` mixes the
///   LSA space (related words) with the exact TF-IDF cosine of shared terms and
///   concepts (``LexicalBlock``); μ = ``ScoringWeights/semanticShare`` mixes in
///   a sentence encoder's space (``SemanticVectors``) when the mission has one,
///   and is 0 otherwise; M is the ``Reciprocity`` mean (arithmetic by
///   default, so that a one-way buyer–supplier fit is not zeroed);
/// * sim = cos(profile_a, profile_b) (the leading LSA components of offers + needs);
/// * competition = cosTFIDF(offers_a, offers_b): both sell the same thing;
/// * sector = mean taxonomy affinity over all pairs of their sectors (1 for the same sector);
/// * country = ½ if b's country is among a's `target_countries` (`EU`, `EEA`,
///   `ANY` expanded; no targets means any) + ½ the other way round;
/// * coop = cosine of their cooperation-type sets.
///
/// Every component is in [0, 1]; reported scores are clamped to [0, 1].
///
/// The kernel computes `w_compl · M(c₁, c₂)` from the offer/need blocks
/// `[√μ·SEM | √((1−μ)λ)·LSA | √((1−μ)(1−λ))·TFIDF]` and everything else as one dot product
/// `features_a · features_b` of the blocks built here (a part whose weight is
/// 0 is left out):
///
///     rows (a):    [κw_sim·profile | κw_sector·(s_aᵀ·S) | ½κw_country·t_a | ½κw_country·e_a | κw_coop·ĉ_a | −κw_comp·o_a]
///     columns (b): [profile        | s_b                | e_b              | t_b              | ĉ_b         | o_b]
///
/// with s the sector indicator divided by its count, S the affinity matrix,
/// t the target-country indicator, e the one-hot country, ĉ the normalised
/// cooperation indicator and o the offers' TF-IDF row.
public struct ScoringModel: Sendable {
    /// The mission's weights, as given.
    public let weights: ScoringWeights
    /// The encoded participants.
    public let encoding: ParticipantEncoding
    /// The mission's calibration factors.
    public private(set) var calibration: ScoreCalibration
    /// With sentence-encoder vectors, the bar of a link by meaning in this mission (``SemanticLink``).
    public let semanticLink: SemanticLink?
    package let facts: ProfileFacts
    private(set) var w: Weights
    /// λ, the share of the lexical complementarity from the LSA space.
    let latentShare: Float
    /// μ, the share of complementarity from the sentence encoder's space (0 without one).
    let semanticShare: Float
    /// The sentence encoder's offer and need vectors, when there are some: held apart from
    /// ``encoding`` so that the per-pair cosines do not copy (retain) the whole ``SemanticVectors``.
    private let semanticOffers: Matrix?, semanticNeeds: Matrix?
    /// The exact-evidence rows (``ParticipantEncoding/lexicalOffers`` and
    /// ``ParticipantEncoding/lexicalNeeds``) as sparse rows: a few terms in hundreds
    /// of columns, so a pair's cosine multiplies only the terms both texts hold
    /// (the same bits as the dense dot product).
    private let lexicalOfferRows: CSRMatrix, lexicalNeedRows: CSRMatrix

    /// The normalised weights times their calibration factors.
    struct Weights: Sendable {
        var complementarity: Float
        var similarity: Float
        var competition: Float
        var sector: Float
        var country: Float
        var cooperation: Float
    }

    /// Builds the model for one mission's participants.
    ///
    /// - Parameters:
    ///   - participants: All participants, in the order of `encoding`.
    ///   - encoding: Their vectors.
    ///   - weights: The mission's weights.
    ///   - reference: Sectors (affinities) and countries (groups).
    ///   - pairs: The two sides of the candidate pairs, for the calibration;
    ///     `nil` means everyone with everyone.
    ///   - calibrated: `false` keeps every κ at 1 whatever ``ScoringWeights/calibrated`` says (for comparisons).
    /// - Complexity: O(n · (sectors + countries + s)) for s exact-evidence columns, plus the calibration's sample.
    public init(
        participants: [Participant], encoding: ParticipantEncoding, weights: ScoringWeights, reference: ReferenceData,
        pairs: (rows: [Int], columns: [Int])? = nil, calibrated: Bool = true
    ) {
        precondition(participants.count == encoding.offers.rows, "one encoded row per participant")
        self.weights = weights
        self.encoding = encoding
        // The facts and the sparse copies of the exact-evidence rows are independent: built at once.
        (self.facts, (self.lexicalOfferRows, self.lexicalNeedRows)) = ParallelChunks.both({
            ProfileFacts(participants: participants, reference: reference)
        }, {
            (encoding.lexicalOfferRows, encoding.lexicalNeedRows)
        })
        self.latentShare = Float(min(1, max(0, weights.latentShare)))
        self.semanticShare = encoding.semantic == nil ? 0 : Float(min(1, max(0, weights.semanticShare)))
        self.semanticOffers = encoding.semantic?.offers
        self.semanticNeeds = encoding.semantic?.needs
        let total = weights.total > 0 ? weights.total : 1
        func normalised(_ x: Double) -> Float { Float(x / total) }
        self.calibration = .identity
        let everyone = Array(participants.indices)
        self.semanticLink = encoding.semantic.map {
            SemanticLink.measured($0, rows: pairs?.rows ?? everyone, columns: pairs?.columns ?? everyone)
        }
        self.w = Weights(
            complementarity: normalised(weights.complementarity), similarity: normalised(weights.similarity),
            competition: normalised(weights.competition), sector: normalised(weights.sector),
            country: normalised(weights.country), cooperation: normalised(weights.cooperation))
        guard calibrated, weights.calibrated else { return }
        let uncalibrated = self
        let measured = ScoreCalibration.measured(
            rows: pairs?.rows ?? everyone, columns: pairs?.columns ?? everyone, components: uncalibrated.components)
        self.calibration = measured
        self.w.similarity *= Float(measured.similarity)
        self.w.competition *= Float(measured.competition)
        self.w.sector *= Float(measured.sector)
        self.w.country *= Float(measured.country)
        self.w.cooperation *= Float(measured.cooperation)
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
    /// The sentence-encoder and LSA parts are dense blocks; the exact-evidence
    /// part (a few non-zeros in hundreds of columns) and the competition
    /// term built from it are `SparseScoringBlocks` (MatchCore), so the kernel
    /// multiplies only the terms two texts share.
    ///
    /// - Parameters:
    ///   - indices: Participant indices, in the order the kernel should see them.
    ///   - asRows: `true` for the A side (rows), `false` for the B side (columns).
    /// - Returns: Their offer, need and linear-feature blocks.
    /// - Complexity: O(*n* · (s + r + d + f)).
    public func scoringSide(_ indices: [Int], asRows: Bool) -> ScoringSide {
        let lexicalScale = ((1 - semanticShare) * (1 - latentShare)).squareRoot()
        let competitionScale: Float = asRows ? -w.competition : 1
        return ScoringSide(
            offer: textBlock(semantic: encoding.semantic?.offers, latent: encoding.offers, indices),
            need: textBlock(semantic: encoding.semantic?.needs, latent: encoding.needs, indices),
            features: linearBlock(indices, asRows: asRows),
            sparse: SparseScoringBlocks(
                offer: Self.sparseRows(lexicalOfferRows, indices, scale: lexicalScale),
                need: Self.sparseRows(lexicalNeedRows, indices, scale: lexicalScale),
                features: Self.sparseRows(lexicalOfferRows, indices, scale: competitionScale)))
    }

    /// `[√μ·semantic | √((1−μ)λ)·latent]` for the given rows; a part with factor 0 is left out
    /// (one zero column when both are).
    private func textBlock(semantic: Matrix?, latent: Matrix, _ indices: [Int]) -> Matrix {
        let parts: [(matrix: Matrix, scale: Float)] = [
            (semantic ?? Matrix(rows: 0, columns: 0), semanticShare.squareRoot()),
            (latent, ((1 - semanticShare) * latentShare).squareRoot()),
        ].filter { $0.scale > 0 && $0.matrix.columns > 0 && $0.matrix.rows > 0 }
        let width = max(1, parts.reduce(0) { $0 + $1.matrix.columns })
        guard !parts.isEmpty else { return Matrix(rows: indices.count, columns: width) }
        // The parts fill every element of a row: no zero fill first.
        let block = Self.rows(count: indices.count, width: width, zeroFilled: false) { row, out in
            var base = 0
            for part in parts {
                part.matrix.withUnsafeBufferPointer { elements in
                    guard let first = elements.baseAddress else { return }  // parts are never empty
                    let columns = part.matrix.columns
                    let source = first + indices[row] * columns
                    for offset in 0..<columns { out[base + offset] = part.scale * source[offset] }
                }
                base += part.matrix.columns
            }
        }
        return Matrix(rows: indices.count, columns: width, elements: block)
    }

    /// A `count × width` row-major block, zero-filled (unless `fill` writes
    /// every element of its row: `zeroFilled` false), each row then filled by
    /// `fill(row, start of the row)`, in fixed chunks of rows on all cores:
    /// the element values do not depend on the chunks. The blocks of a
    /// programme's side are tens of megabytes of fresh memory, whose first
    /// touch alone kept one core busy.
    ///
    /// - Complexity: O(count · width) plus what `fill` costs.
    private static func rows(
        count: Int, width: Int, zeroFilled: Bool = true, _ fill: @Sendable (Int, UnsafeMutablePointer<Float>) -> Void
    ) -> [Float] {
        [Float](unsafeUninitializedCapacity: count * width) { buffer, initialized in
            if let base = buffer.baseAddress {
                nonisolated(unsafe) let start = base
                ParallelChunks.forEach(count: count, minimumChunk: 512) { range in
                    for row in range {
                        let out = start + row * width
                        if zeroFilled { out.initialize(repeating: 0, count: width) }
                        fill(row, out)
                    }
                }
            }
            initialized = count * width
        }
    }

    /// The given rows of `rows` (the stored, non-zero elements), times `scale` (no entries when `scale` is 0).
    ///
    /// - Complexity: O(`indices.count` + their stored entries).
    private static func sparseRows(_ rows: CSRMatrix, _ indices: [Int], scale: Float) -> CSRMatrix {
        var offsets = [0], columns: [Int32] = [], values: [Float] = []
        offsets.reserveCapacity(indices.count + 1)
        for participant in indices {
            if scale != 0 {
                for (column, value) in rows.row(participant) {
                    columns.append(Int32(column))
                    values.append(scale * value)
                }
            }
            offsets.append(values.count)
        }
        return CSRMatrix(rows: indices.count, columns: rows.columns, rowOffsets: offsets, columnIndices: columns, values: values)
    }

    private func linearBlock(_ indices: [Int], asRows: Bool) -> Matrix {
        let profileWidth = w.similarity != 0 ? encoding.profiles.columns : 0
        let sectorWidth = facts.sectorCodes.count
        let countryWidth = facts.countryCodes.count
        let cooperationWidth = CooperationType.allCases.count
        let sectorBase = profileWidth
        let countryBase = sectorBase + sectorWidth
        let cooperationBase = countryBase + 2 * countryWidth
        let width = cooperationBase + cooperationWidth
        let (w, facts, profiles) = (w, facts, encoding.profiles)
        let features = Self.rows(count: indices.count, width: width) { row, features in
            let participant = indices[row]
            if profileWidth > 0 {
                let profile = profiles.row(participant)
                for (offset, value) in profile.enumerated() { features[offset] = asRows ? w.similarity * value : value }
            }
            let sectors = facts.sectors[participant]
            if !sectors.isEmpty {
                let share = 1 / Float(sectors.count)
                for sector in sectors {
                    if asRows {
                        for other in 0..<sectorWidth {
                            features[sectorBase + other] += w.sector * share * facts.sectorAffinity[sector * sectorWidth + other]
                        }
                    } else {
                        features[sectorBase + sector] += share
                    }
                }
            }
            let targetsBase = countryBase + (asRows ? 0 : countryWidth)
            let homeBase = countryBase + (asRows ? countryWidth : 0)
            let countryScale: Float = asRows ? 0.5 * w.country : 1
            for (country, targeted) in facts.targets[participant].enumerated() where targeted {
                features[targetsBase + country] = countryScale
            }
            features[homeBase + facts.country[participant]] = countryScale
            let types = facts.cooperation[participant]
            if types != 0 {
                let value = (asRows ? w.cooperation : 1) / Float(types.nonzeroBitCount).squareRoot()
                for bit in 0..<cooperationWidth where types & (1 << UInt16(bit)) != 0 {
                    features[cooperationBase + bit] = value
                }
            }
        }
        return Matrix(rows: indices.count, columns: width, elements: features)
    }

    /// The LSA and exact TF-IDF cosines of the pair's two directions and of its offers.
    package struct Cosines: Sendable {
        package var latentOfferToNeed: Float
        package var latentNeedFromOffer: Float
        package var lexicalOfferToNeed: Float
        package var lexicalNeedFromOffer: Float
        package var lexicalOffers: Float
        package var profiles: Float
        /// The sentence encoder's cosines (0 without one).
        package var semanticOfferToNeed: Float
        package var semanticNeedFromOffer: Float
    }

    /// The pair's cosines; `directionsOnly` leaves the offers' and the
    /// profiles' cosines at 0 (what complementarity does not read).
    package func cosines(_ a: Int, _ b: Int, directionsOnly: Bool = false) -> Cosines {
        let e = encoding
        return Cosines(
            latentOfferToNeed: e.offers.dotRow(a, with: e.needs, row: b),
            latentNeedFromOffer: e.needs.dotRow(a, with: e.offers, row: b),
            lexicalOfferToNeed: lexicalOfferRows.dotRow(a, with: lexicalNeedRows, row: b),
            lexicalNeedFromOffer: lexicalNeedRows.dotRow(a, with: lexicalOfferRows, row: b),
            lexicalOffers: directionsOnly ? 0 : competition(a, b),
            profiles: directionsOnly ? 0 : e.profiles.dotRow(a, with: e.profiles, row: b),
            semanticOfferToNeed: semanticCosine(a, b, offering: true) ?? 0,
            semanticNeedFromOffer: semanticCosine(a, b, offering: false) ?? 0)
    }

    /// The sentence encoder's cosine of a's offers (`offering`) or needs with b's needs or offers; `nil` without vectors.
    ///
    /// - Complexity: O(d).
    private func semanticCosine(_ a: Int, _ b: Int, offering: Bool) -> Float? {
        guard let semanticOffers, let semanticNeeds else { return nil }
        return offering ? semanticOffers.dotRow(a, with: semanticNeeds, row: b) : semanticNeeds.dotRow(a, with: semanticOffers, row: b)
    }

    /// Whether a's offers (`offering`) or needs meet b's needs or offers by
    /// meaning: the sentence encoder's cosine of that direction reaches the
    /// mission's ``semanticLink`` bar. Always `false` without vectors or
    /// when ``ScoringWeights/semanticShare`` is 0 (the encoder is then switched off).
    ///
    /// - Complexity: O(d).
    public func linkedByMeaning(_ a: Int, _ b: Int, offering: Bool) -> Bool {
        guard semanticShare > 0, let link = semanticLink, let cosine = semanticCosine(a, b, offering: offering) else { return false }
        return cosine >= link.threshold
    }

    /// The exact TF-IDF cosine of the two offers (the competition component, unclamped).
    ///
    /// - Complexity: O(d).
    public func competition(_ a: Int, _ b: Int) -> Float {
        lexicalOfferRows.dotRow(a, with: lexicalOfferRows, row: b)
    }

    /// The components of the pair (a, b), from a's point of view, before calibration.
    ///
    /// - Parameters:
    ///   - a: A participant index.
    ///   - b: Another participant index.
    /// - Returns: Every component, each in [0, 1].
    /// - Complexity: O(r + d + p + sectors²).
    public func components(_ a: Int, _ b: Int) -> ScoreComponents {
        let x = cosines(a, b)
        let (c1, c2) = directions(x)
        return components(a, b, c1: c1, c2: c2, profiles: x.profiles, offers: x.lexicalOffers)
    }

    /// The components of a candidate of a's list: ``components(_:_:)`` with
    /// the direction cosines the scoring kernel computed (the candidate's),
    /// so that only the profile and offer cosines and the facts are computed.
    /// The same values up to the last bits of c₁ and c₂ (the kernel sums in
    /// another order).
    ///
    /// - Parameters:
    ///   - a: The list's owner.
    ///   - candidate: A candidate of a's list.
    /// - Returns: Every component, each in [0, 1].
    /// - Complexity: O(p + stored offer terms + sectors²), no direction cosine.
    public func components(_ a: Int, of candidate: Candidate) -> ScoreComponents {
        let b = candidate.partner
        return components(
            a, b, c1: max(0, candidate.offerToNeed), c2: max(0, candidate.needFromOffer),
            profiles: encoding.profiles.dotRow(a, with: encoding.profiles, row: b), offers: competition(a, b))
    }

    private func components(_ a: Int, _ b: Int, c1: Float, c2: Float, profiles: Float, offers: Float) -> ScoreComponents {
        ScoreComponents(
            offerToNeed: Double(c1), needFromOffer: Double(c2), complementarity: Double(kernelMean(c1, c2)),
            similarity: Double(min(1, max(0, profiles))), competition: Double(min(1, max(0, offers))),
            sector: Double(facts.sectorScore(a, b)), country: Double(facts.countryScore(a, b)),
            cooperation: Double(facts.cooperationScore(a, b)))
    }

    /// c₁ and c₂ of the pair (a, b), from a's point of view, each clamped at 0:
    /// what a ``Candidate`` made outside the kernel carries.
    ///
    /// - Complexity: O(r + d).
    package func directions(_ a: Int, _ b: Int) -> (offerToNeed: Float, needFromOffer: Float) {
        directions(cosines(a, b, directionsOnly: true))
    }

    /// A candidate's complementarity: M(c₁⁺, c₂⁺) of the direction cosines it carries.
    ///
    /// - Complexity: O(1).
    package func complementarity(of candidate: Candidate) -> Double {
        Double(kernelMean(max(0, candidate.offerToNeed), max(0, candidate.needFromOffer)))
    }

    /// The pair's complementarity alone: ``components(_:_:)``'s, the same
    /// bits, without computing the other components.
    ///
    /// - Parameters:
    ///   - a: A participant index.
    ///   - b: Another participant index.
    /// - Returns: M(c₁, c₂), in [0, 1].
    /// - Complexity: O(r + d).
    public func complementarity(_ a: Int, _ b: Int) -> Double {
        let (c1, c2) = directions(cosines(a, b, directionsOnly: true))
        return Double(kernelMean(c1, c2))
    }

    /// c₁ and c₂ of the type's documentation from a pair's cosines.
    private func directions(_ x: Cosines) -> (Float, Float) {
        let mu = semanticShare, lambda = latentShare
        let c1 = max(0, mu * x.semanticOfferToNeed
                        + (1 - mu) * (lambda * x.latentOfferToNeed + (1 - lambda) * x.lexicalOfferToNeed))
        let c2 = max(0, mu * x.semanticNeedFromOffer
                        + (1 - mu) * (lambda * x.latentNeedFromOffer + (1 - lambda) * x.lexicalNeedFromOffer))
        return (c1, c2)
    }

    /// The pair's score as the kernel computes it (unclamped).
    ///
    /// - Parameters:
    ///   - a: A participant index.
    ///   - b: Another participant index.
    /// - Returns: The weighted sum of the calibrated components, the profile cosine unclamped.
    public func rawScore(_ a: Int, _ b: Int) -> Float {
        let parts = components(a, b)
        let similarity = encoding.profiles.dotRow(a, with: encoding.profiles, row: b)
        return w.complementarity * Float(parts.complementarity) + w.similarity * similarity
            - w.competition * Float(parts.competition)
            + w.sector * Float(parts.sector) + w.country * Float(parts.country) + w.cooperation * Float(parts.cooperation)
    }

}
