import MatchCore
import MissionMatch

extension OutcomeLabels {
    /// The share of meetings given each grade by ``planted(meetings:in:weights:noise:seed:)``,
    /// from the lowest planted score up: judged bad 20 %, held 35 %, useful 30 %, agreement 15 %.
    public static let plantedShares: [(grade: Grade, share: Double)] = [
        (.judgedBad, 0.20), (.held, 0.35), (.useful, 0.30), (.agreement, 0.15),
    ]

    /// Synthetic outcome labels whose right weights are known: for testing
    /// and benchmarking the fit on outcomes.
    ///
    /// Each meeting's planted score is w*·x over the pair's real features in
    /// `set` (the components of its participants, calibrated as `weights`
    /// says, at its λ and μ, arithmetic reciprocity: what ``WeightFitter``
    /// fits), plus `noise` times the scores' standard deviation times a
    /// seeded standard normal draw. Meetings are graded by the quantile of
    /// that noisy score (``plantedShares``). A pair naming a participant the
    /// set does not hold is left out.
    ///
    /// ```swift
    /// let unlabelled = try JudgedSet(name: "toronto-2019", mission: m, participants: p,
    ///                                labels: OutcomeLabels([]), reference: reference)
    /// let labels = OutcomeLabels.planted(meetings: pairs, in: unlabelled, weights: planted, noise: 0.1, seed: 7)
    /// let set = unlabelled.relabelled(labels)
    /// ```
    ///
    /// - Parameters:
    ///   - meetings: The pairs that met (participant ids), each once.
    ///   - set: The mission whose components grade them.
    ///   - weights: The planted weights (their six weights, λ, μ and calibration).
    ///   - noise: The noise, in standard deviations of the planted scores (0 for none).
    ///   - seed: The seed of the noise.
    /// - Returns: One label per meeting, in the order given; meeting ids from `MeetingID`.
    /// - Complexity: O(*m* log *m*) plus the components of *m* meetings.
    public static func planted(
        meetings: [(participantA: String, participantB: String)], in set: JudgedSet, weights: ScoringWeights,
        noise: Double, seed: UInt64
    ) -> OutcomeLabels {
        let index = Dictionary(set.participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let pairs: [(a: Int, b: Int, meeting: Int)] = meetings.enumerated().compactMap { position, meeting in
            guard let a = index[meeting.participantA], let b = index[meeting.participantB], a != b else { return nil }
            return (a, b, position)
        }
        let model = set.featureModel(latentShare: weights.latentShare, semanticShare: weights.semanticShare,
                                     calibrated: weights.calibrated)
        let w = WeightFitter.vector(of: weights)
        let scores: [Double] = ParallelChunks.map(count: pairs.count, minimumChunk: 256) { range in
            range.map { position in
                zip(JudgedSet.featureRow(model, pairs[position].a, pairs[position].b), w).reduce(0) { $0 + $1.0 * $1.1 }
            }
        }
        let mean = scores.reduce(0, +) / Double(max(1, scores.count))
        let deviation = (scores.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(1, scores.count))).squareRoot()
        var generator = SeededRandomNumberGenerator(seed: seed)
        let noisy = scores.map { $0 + noise * deviation * generator.nextStandardNormal() }
        let order = noisy.indices.sorted { noisy[$0] != noisy[$1] ? noisy[$0] < noisy[$1] : $0 < $1 }
        var grades = [Grade](repeating: .judgedBad, count: pairs.count)
        var bound = 0.0, next = 0
        for (grade, share) in plantedShares {
            bound += share
            let end = grade == plantedShares.last?.grade ? order.count : min(order.count, Int((bound * Double(order.count)).rounded()))
            while next < end {
                grades[order[next]] = grade
                next += 1
            }
        }
        return OutcomeLabels(pairs.indices.map { position in
            let meeting = meetings[pairs[position].meeting]
            return Meeting(meetingID: MeetingID.make(mission: set.mission.id, meeting.participantA, meeting.participantB),
                           participantA: meeting.participantA, participantB: meeting.participantB, grade: grades[position])
        })
    }
}
