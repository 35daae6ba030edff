/// Graded relevance of (participant, partner) pairs: what a perfect ranking
/// would put first. Stored sparsely: only pairs with relevance above 0.
///
/// The metrics that read it (`RankingMetrics`, `QualityMetrics`,
/// `WeightFitter`) are in the `MissionMatchEvaluation` product; the truth
/// itself stays here because `MissionMatchIO` reads and writes its file.
///
/// The synthetic generator (`SyntheticProgrammeGenerator`, also in
/// `MissionMatchEvaluation`) grades every (consortium, counterpart) pair from
/// the latent profiles:
///
/// | grade | meaning |
/// |---|---|
/// | 3 | reciprocal, and each targets the other's country |
/// | 2 | reciprocal: A offers a concept B needs **and** B offers a concept A needs |
/// | 1 | one-directional: exactly one of the two holds |
/// | 0 | neither (competitors, unrelated pairs); not stored |
///
/// ```swift
/// let truth = GroundTruth([
///     .init(participant: "eu-01", partner: "cp-07", relevance: 3),
///     .init(participant: "eu-01", partner: "cp-02", relevance: 1),
/// ])
/// truth.relevance(participant: "eu-01", partner: "cp-07")   // 3
/// truth.relevance(participant: "eu-01", partner: "cp-99")   // 0
/// truth.relevant(for: "eu-01").map(\.partner)              // ["cp-07", "cp-02"]
/// ```
public struct GroundTruth: Sendable, Equatable {
    /// One graded pair.
    public struct Judgement: Sendable, Hashable {
        /// The participant whose ranking is judged.
        public var participant: String
        /// A partner in its ranking.
        public var partner: String
        /// How relevant the partner is, ≥ 0 (higher is better).
        public var relevance: Int

        /// Creates a judgement.
        ///
        /// - Parameters:
        ///   - participant: The participant.
        ///   - partner: The partner.
        ///   - relevance: The grade, ≥ 0.
        public init(participant: String, partner: String, relevance: Int) {
            self.participant = participant
            self.partner = partner
            self.relevance = relevance
        }
    }

    /// A partner with its grade.
    public typealias GradedPartner = (partner: String, relevance: Int)

    /// The participants with at least one relevant partner, in order of first appearance.
    public let participants: [String]
    /// Per participant: partners explicitly judged irrelevant (rows of
    /// relevance 0): look-alikes such as competitors that a good ranking
    /// keeps below every relevant partner. Sorted by id.
    public let badPartners: [String: [String]]
    /// Per participant: partners by relevance (descending), then id (ascending).
    private let byRelevance: [String: [Entry]]
    /// Per participant: partners sorted by id, for lookups.
    private let byPartner: [String: [Entry]]

    private struct Entry: Sendable, Equatable {
        var partner: String
        var relevance: Int
    }

    /// Builds the truth from judgements.
    ///
    /// Judgements of relevance 0 are dropped; when a pair is judged twice the
    /// higher grade is kept.
    ///
    /// - Parameter judgements: The graded pairs, in any order.
    /// - Precondition: Every relevance is ≥ 0.
    /// - Complexity: O(*n* log *n*) for *n* judgements.
    public init(_ judgements: [Judgement]) {
        var order: [String] = []
        var lists: [String: [Entry]] = [:]
        var bad: [String: Set<String>] = [:]
        for judgement in judgements {
            precondition(judgement.relevance >= 0, "relevance must be ≥ 0")
            guard judgement.relevance > 0 else {
                bad[judgement.participant, default: []].insert(judgement.partner)
                continue
            }
            if lists[judgement.participant] == nil { order.append(judgement.participant) }
            lists[judgement.participant, default: []].append(Entry(partner: judgement.partner, relevance: judgement.relevance))
        }
        var byPartner: [String: [Entry]] = [:]
        var byRelevance: [String: [Entry]] = [:]
        for participant in order {
            var entries = lists[participant] ?? []
            entries.sort { $0.partner != $1.partner ? $0.partner < $1.partner : $0.relevance > $1.relevance }
            var unique: [Entry] = []
            unique.reserveCapacity(entries.count)
            for entry in entries where unique.last?.partner != entry.partner { unique.append(entry) }
            byPartner[participant] = unique
            byRelevance[participant] = unique.sorted {
                $0.relevance != $1.relevance ? $0.relevance > $1.relevance : $0.partner < $1.partner
            }
        }
        self.participants = order
        self.byPartner = byPartner
        self.byRelevance = byRelevance
        self.badPartners = bad.mapValues { $0.sorted() }
    }

    /// Builds the truth from lists already in order, without re-sorting ids
    /// (for generators that grade millions of pairs).
    ///
    /// - Parameters:
    ///   - participants: The participants, each once.
    ///   - lists: For each participant, its partners sorted by id (ascending,
    ///     as `String` compares), each once, with relevance > 0.
    /// - Precondition: One list per participant. The order is the caller's
    ///   promise; it is checked in debug builds only.
    /// - Complexity: O(*t*) for *t* pairs.
    package init(participants: [String], sortedLists lists: [[GradedPartner]]) {
        precondition(participants.count == lists.count, "one list per participant")
        var byPartner: [String: [Entry]] = [:]
        var byRelevance: [String: [Entry]] = [:]
        byPartner.reserveCapacity(participants.count)
        byRelevance.reserveCapacity(participants.count)
        var order: [String] = []
        for (participant, list) in zip(participants, lists) where !list.isEmpty {
            assert(zip(list, list.dropFirst()).allSatisfy { $0.partner < $1.partner }, "partners sorted by id")
            assert(list.allSatisfy { $0.relevance > 0 }, "relevance > 0")
            let entries = list.map { Entry(partner: $0.partner, relevance: $0.relevance) }
            byPartner[participant] = entries
            // Stable by grade: the best grade first, ids ascending within a grade.
            let grades = Set(entries.map(\.relevance)).sorted(by: >)
            byRelevance[participant] = grades.flatMap { grade in entries.filter { $0.relevance == grade } }
            order.append(participant)
        }
        self.participants = order
        self.byPartner = byPartner
        self.byRelevance = byRelevance
        self.badPartners = [:]
    }

    /// The grade of a pair: 0 when it is not listed.
    ///
    /// - Parameters:
    ///   - participant: The participant whose ranking is judged.
    ///   - partner: The partner.
    /// - Returns: The relevance, ≥ 0.
    /// - Complexity: O(log *r*) for *r* relevant partners of the participant.
    public func relevance(participant: String, partner: String) -> Int {
        guard let entries = byPartner[participant] else { return 0 }
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].partner < partner { low = mid + 1 } else { high = mid }
        }
        return low < entries.count && entries[low].partner == partner ? entries[low].relevance : 0
    }

    /// The relevant partners of a participant, the best first (ties by partner id).
    ///
    /// - Parameter participant: The participant.
    /// - Returns: Partners with relevance > 0; empty for an unknown participant.
    public func relevant(for participant: String) -> [GradedPartner] {
        (byRelevance[participant] ?? []).map { (partner: $0.partner, relevance: $0.relevance) }
    }

    /// Every judgement: participants in order, each one's partners the best first.
    public var judgements: [Judgement] {
        participants.flatMap { participant in
            (byRelevance[participant] ?? []).map {
                Judgement(participant: participant, partner: $0.partner, relevance: $0.relevance)
            }
        }
    }

    /// The number of stored (relevant) pairs.
    public var count: Int { byPartner.values.reduce(0) { $0 + $1.count } }

    /// Two truths are equal when they grade the same pairs alike (participant order included).
    public static func == (lhs: GroundTruth, rhs: GroundTruth) -> Bool {
        lhs.participants == rhs.participants && lhs.byPartner == rhs.byPartner
    }
}
