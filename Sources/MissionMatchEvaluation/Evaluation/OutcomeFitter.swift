import MissionMatch

/// Fits the score's weights on the labelled meetings of past missions
/// (``OutcomeLabels``), or refuses when the labels cannot show that the
/// fitted weights beat the missions' current ones.
///
/// The fit is ``WeightFitter``'s, configured for outcomes (``defaultFitter``):
///
/// * **Only labelled meetings are compared** (`unjudgedSamples` 0, and the
///   sets compare ``JudgedSet/Candidates/judgedPartners`` only): a pair that
///   never met is not a bad pair.
/// * **λ, μ and calibration stay each mission's current values**; only the six
///   weights are fitted. Searching the grid as the truth mode does would make
///   the held-out gain the best of 12–96 tries, an optimistic figure the
///   confidence rule below could not trust; and one grid point keeps fitting
///   100,000 meetings within a second or two.
/// * **Cross-validation is by participant** (5 folds), not by meeting, and a
///   held-out participant's meetings are left out of training altogether
///   (`isolatesHeldOutParticipants`), including their appearance in their
///   partners' lists. The score ranks partners *for a participant*, and what
///   is measured — NDCG@10 of a participant's labelled meetings — is a
///   ranking within one participant's list. A participant has about eight
///   meetings: with meeting folds a fold would hold one or two of them (the
///   NDCG of a single meeting is 1 whatever the weights; two tell little),
///   and training would still see the participant's other meetings.
///   Participant folds test what the weights are for: ordering the partners
///   of someone the fit has not seen, at the next mission.
///
/// **The confidence rule.** The fit is refused when there are fewer than
/// ``minimumLabelledMeetings`` labelled meetings over all missions, and
/// otherwise unless the held-out gain's lower confidence bound is above 0:
/// the mean over held-out participants of (NDCG@10 with the weights fitted
/// without their fold − NDCG@10 with their mission's current weights), minus
/// ``z`` = 2.33 times its standard error (``WeightFitter/HeldOutGain``, which
/// counts the covariance of two participants who met). 2.33 is the one-sided
/// 99 % normal quantile, chosen over the 97.5 % one (1.96) by measurement:
/// cross-validated differences are more variable than their standard error
/// says, and on 200 seeded sets of labels that are pure noise over the
/// bundled Toronto 2019 agenda (388 meetings), 1.96 let 10 through (5 %)
/// where it meant 2.5 %, and 2.33 let 5 through (2.5 %)
/// (`MISSIONMATCH_CALIBRATION=1 swift test --filter noiseLabelsPassAtTheIntendedRate`).
///
/// ```swift
/// let set = try JudgedSet(name: m.id, mission: m, participants: p, labels: labels, reference: reference)
/// let fit = try OutcomeFitter().fit([set])
/// if let weights = fit.weights { … } else { print(fit.refusal!.message) }
/// ```
public struct OutcomeFitter: Sendable {
    /// Fewer labelled meetings than this, over all missions, are refused
    /// before fitting: 100 (about 20 per fold for six weights).
    public static let minimumLabelledMeetings = 100
    /// The normal quantile of the confidence rule: 2.33 (see the type's documentation).
    public static let z = 2.33

    /// The fitter: ``defaultFitter`` unless a test or a benchmark changes it.
    public var fitter: WeightFitter

    /// ``WeightFitter`` configured for outcomes: no unjudged samples, λ, μ
    /// and calibration kept at the baseline's, held-out participants isolated,
    /// 5 folds, seed 2019.
    public static var defaultFitter: WeightFitter {
        WeightFitter(unjudgedSamples: 0, folds: 5, seed: 2019, keepsBaselineShares: true, isolatesHeldOutParticipants: true)
    }

    /// Creates a fitter.
    ///
    /// - Parameter fitter: The weight fitter (default ``defaultFitter``).
    public init(fitter: WeightFitter = OutcomeFitter.defaultFitter) {
        self.fitter = fitter
    }

    /// Fits the weights on the sets' labelled meetings, or refuses.
    ///
    /// - Parameters:
    ///   - sets: One set per mission, built from its labels
    ///     (``JudgedSet/init(name:mission:participants:labels:reference:encoderOptions:semantic:)``);
    ///     a set without labels counts no labelled meeting.
    ///   - baselines: The weights to beat, one per set (default: each mission's current weights).
    /// - Returns: The fit, with its refusal if any.
    /// - Throws: `LinearAlgebraError` if a Newton system is singular (the ridge prevents it).
    /// - Precondition: `baselines`, when given, has one element per set.
    /// - Complexity: That of ``WeightFitter/fit(_:baselines:)`` at one grid point.
    public func fit(_ sets: [JudgedSet], baselines: [ScoringWeights]? = nil) throws -> OutcomeFit {
        let labelled = sets.reduce(0) { $0 + ($1.outcomeLabels?.count ?? 0) }
        guard labelled >= Self.minimumLabelledMeetings else {
            return OutcomeFit(labelledMeetings: labelled, result: nil, refusal: .tooFewMeetings(labelled))
        }
        let result = try fitter.fit(sets, baselines: baselines ?? sets.map(\.mission.weights))
        let gain = result.gain
        return OutcomeFit(labelledMeetings: labelled, result: result,
                          refusal: gain.lowerBound(z: Self.z) > 0 ? nil : .notConfident(gain))
    }
}

/// What ``OutcomeFitter`` concluded: the fitted weights and their held-out
/// quality, or why they should not be used.
public struct OutcomeFit: Sendable {
    /// Why a fit is refused.
    public enum Refusal: Sendable, Hashable {
        /// Fewer labelled meetings than ``OutcomeFitter/minimumLabelledMeetings`` (the count); nothing was fitted.
        case tooFewMeetings(Int)
        /// The held-out gain's lower confidence bound is not above 0.
        case notConfident(WeightFitter.HeldOutGain)

        /// One line for the organiser.
        public var message: String {
            switch self {
            case .tooFewMeetings(let count):
                return "\(count) labelled meeting\(count == 1 ? "" : "s") (held and graded) across the missions; "
                    + "fitting the weights needs at least \(OutcomeFitter.minimumLabelledMeetings) to beat the current ones "
                    + "with confidence"
            case .notConfident(let gain):
                return "the fitted weights do not beat the current ones with confidence: over \(gain.participants) held-out "
                    + "participants, held-out NDCG@10 gains \(Self.signed(gain.mean)) (standard error "
                    + "\(Self.number(gain.standardError)); lower bound \(Self.signed(gain.lowerBound(z: OutcomeFitter.z))) "
                    + "at \(OutcomeFitter.z) standard errors, not above 0)"
            }
        }

        /// Three decimals, `-` for negatives, `inf` for an infinite value.
        static func number(_ x: Double) -> String {
            guard x.isFinite else { return x > 0 ? "inf" : "-inf" }
            let units = Int((abs(x) * 1000).rounded(.toNearestOrAwayFromZero))
            let fraction = String(units % 1000)
            return (x < 0 && units > 0 ? "-" : "") + "\(units / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }

        /// ``number(_:)`` with a `+` before a positive value.
        static func signed(_ x: Double) -> String {
            let text = number(x)
            return text.hasPrefix("-") ? text : "+" + text
        }
    }

    /// The labelled meetings over all missions.
    public var labelledMeetings: Int
    /// The fit (`nil` when refused for too few meetings).
    public var result: WeightFitter.Result?
    /// Why the fitted weights should not be used; `nil` when they beat the current ones with confidence.
    public var refusal: Refusal?

    /// The fitted weights, when not refused.
    public var weights: ScoringWeights? { refusal == nil ? result?.weights : nil }

    /// The held-out gain over the current weights (`nil` when nothing was fitted).
    public var gain: WeightFitter.HeldOutGain? { result?.gain }
}
