import Foundation
import MatchCore

/// Turns a scored pair into the `reasons` sentence of `recommendations.csv`:
///
///     offers compostable PLA films ↔ needs biodegradable food packaging;
///     needs a distributor ↔ offers retail distribution; biopolymers–packaging value chain; in target market Canada
///
/// Each direction names what carries it, best evidence first: a concept both
/// texts mention (the rarest, by idf), else the closest pair of concepts in
/// the LSA space (cosine ≥ 0.5), else the rarest shared word (if it is in at
/// most about 5 % of the texts). Words are quoted
/// as each participant wrote them. Then the value chain of their sectors, the
/// markets they target, and a `wish` request; when none of these applies, the
/// cooperation types both seek or how alike their profiles are. Contact fields are never read;
/// e-mail and web addresses in texts never become terms (see ``Tokenizer``).
public struct Explainer: Sendable {
    struct Keyword: Sendable {
        var feature: Int
        var weight: Float
        var surface: String
    }

    struct DocumentKeys: Sendable {
        /// Concepts, rarest first.
        var concepts: [Keyword]
        /// Specific terms (see ``specificTermWeight``), sorted by feature.
        var terms: [Keyword]
    }

    /// The LSA cosine two different concepts need to be named as related (0.5).
    static let relatedConceptCosine: Float = 0.5
    /// The weight (idf) a shared word needs to be named: one found in at most
    /// about 5 % of the documents, and at least three letters long.
    private let specificTermWeight: Float

    private let model: ScoringModel
    private let reference: ReferenceData
    private let participants: [Participant]
    private let offers: [DocumentKeys]
    private let needs: [DocumentKeys]
    private let wishes: Set<UInt64>
    /// Display names of the mission's countries and sectors, by their index in the model's facts.
    private let countryNames: [String]
    /// The features' LSA vectors cut to the leading 64 components and renormalised:
    /// enough to tell related concepts, four times cheaper than all of them.
    private let conceptVectors: Matrix
    private let sectorNames: [String]

    /// Prepares the keywords of every participant.
    ///
    /// - Parameters:
    ///   - participants: All participants of the mission.
    ///   - model: The scoring model (its encoding holds the analyses).
    ///   - reference: Sector and country names.
    ///   - wishes: `wish` pairs of participant indices (either order).
    public init(participants: [Participant], model: ScoringModel, reference: ReferenceData, wishes: Set<UInt64> = []) {
        self.model = model
        self.reference = reference
        self.participants = participants
        self.wishes = wishes
        self.conceptVectors = Self.leading(64, of: model.encoding.featureVectors)
        self.countryNames = model.facts.countryCodes.map { reference.countries.country(code: $0)?.shortName ?? $0 }
        self.sectorNames = model.facts.sectorCodes.map { Self.sectorName($0, reference) }
        let documents = Float(2 * max(1, participants.count))
        self.specificTermWeight = Float(log(Double((1 + documents) / (1 + 0.05 * documents)))) + 1
        let weighting = model.encoding.weighting
        let specific = self.specificTermWeight
        let keys = ParallelChunks.map(count: participants.count, minimumChunk: 512) { range in
            range.map { index in
                let analysis = model.encoding.analyses[index]
                return (Self.keys(analysis.offers, weighting, specificTermWeight: specific),
                        Self.keys(analysis.needs, weighting, specificTermWeight: specific))
            }
        }
        self.offers = keys.map(\.0)
        self.needs = keys.map(\.1)
    }

    private static func keys(_ text: AnalyzedText, _ weighting: TermWeighting, specificTermWeight: Float) -> DocumentKeys {
        var concepts: [Keyword] = []
        var seen = Set<Int>()
        for mention in text.concepts where seen.insert(mention.concept).inserted {
            guard let feature = weighting.feature(concept: mention.concept) else { continue }
            concepts.append(Keyword(feature: feature, weight: weighting.weights[feature], surface: mention.surface))
        }
        concepts.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.feature < $1.feature }
        var terms: [Keyword] = []
        var seenTerms = Set<Int>()
        for (term, surface) in zip(text.terms, text.termSurfaces) where term.count >= 3 && !term.hasPrefix(ProfileAnalysis.sectorTermPrefix) {
            guard let feature = weighting.feature(term: term), weighting.weights[feature] >= specificTermWeight,
                seenTerms.insert(feature).inserted
            else { continue }
            terms.append(Keyword(feature: feature, weight: weighting.weights[feature], surface: surface))
        }
        terms.sort { $0.feature < $1.feature }
        return DocumentKeys(concepts: concepts, terms: terms)
    }

    /// The reasons sentence for the pair, from `a`'s point of view.
    ///
    /// - Parameters:
    ///   - a: The participant whose list it is (index).
    ///   - b: The partner (index).
    /// - Returns: Clauses separated by `; `, e.g. `offers X ↔ needs Y; …`.
    /// - Complexity: O(c² · r) for c concepts per text.
    public func reasons(_ a: Int, _ b: Int) -> String {
        var clauses: [String] = []
        if let link = link(offers[a], needs[b]) { clauses.append("offers \(link.0) ↔ needs \(link.1)") }
        if let link = link(needs[a], offers[b]) { clauses.append("needs \(link.0) ↔ offers \(link.1)") }
        if let chain = valueChain(a, b) { clauses.append(chain) }
        if let market = markets(a, b) { clauses.append(market) }
        if wishes.contains(PairMask.key(a, b)) { clauses.append("meeting requested") }
        if clauses.isEmpty { clauses.append(fallback(a, b)) }
        return clauses.joined(separator: "; ")
    }

    private func link(_ from: DocumentKeys, _ to: DocumentKeys) -> (String, String)? {
        var best: (String, String, Float)?
        for concept in from.concepts {
            if let match = to.concepts.first(where: { $0.feature == concept.feature }) {
                best = (concept.surface, match.surface, concept.weight)
                break  // rarest first
            }
        }
        if let best { return (best.0, best.1) }
        var related: (String, String, Float)?
        let vectors = conceptVectors
        let width = vectors.columns
        vectors.withUnsafeBufferPointer { elements in
            for x in from.concepts.prefix(4) {
                for y in to.concepts.prefix(4) {
                    var cosine: Float = 0
                    let u = x.feature * width, v = y.feature * width
                    for d in 0..<width { cosine += elements[u + d] * elements[v + d] }
                    if cosine >= Self.relatedConceptCosine, cosine > (related?.2 ?? -1) { related = (x.surface, y.surface, cosine) }
                }
            }
        }
        if let related { return (related.0, related.1) }
        var shared: Explainer.Keyword?
        var sharedOther: Explainer.Keyword?
        var i = 0, j = 0
        while i < from.terms.count, j < to.terms.count {
            let x = from.terms[i], y = to.terms[j]
            if x.feature < y.feature { i += 1; continue }
            if y.feature < x.feature { j += 1; continue }
            if shared.map({ x.weight > $0.weight }) ?? true {
                shared = x
                sharedOther = y
            }
            i += 1
            j += 1
        }
        if let shared, let sharedOther { return (shared.surface, sharedOther.surface) }
        return nil
    }

    private static func leading(_ count: Int, of vectors: Matrix) -> Matrix {
        guard vectors.columns > count else { return vectors }
        var cut = Matrix(rows: vectors.rows, columns: count)
        for row in 0..<vectors.rows { cut.setRow(row, to: vectors.row(row).prefix(count)) }
        cut.normalizeRows()
        return cut
    }

    /// When nothing specific links the two: the cooperation they both seek, or how alike they are.
    private func fallback(_ a: Int, _ b: Int) -> String {
        let common = participants[a].cooperation.filter(participants[b].cooperation.contains)
        if !common.isEmpty {
            return "both seek " + common.map { $0.rawValue.replacingOccurrences(of: "_", with: " ") }.joined(separator: ", ")
                + " cooperation"
        }
        let similarity = model.components(a, b).similarity
        return "related activities (profile similarity \(Int((similarity * 100).rounded()))%)"
    }

    private func valueChain(_ a: Int, _ b: Int) -> String? {
        let facts = model.facts
        var best: (Int, Int, Float)?
        for x in facts.sectors[a] {
            for y in facts.sectors[b] {
                let affinity = facts.sectorAffinity[x * facts.sectorCodes.count + y]
                if affinity > 0, affinity > (best?.2 ?? 0) { best = (x, y, affinity) }
            }
        }
        guard let (x, y, _) = best else { return nil }
        let first = sectorNames[x], second = sectorNames[y]
        return x == y ? "both in \(first)" : "\(first)–\(second) value chain"
    }

    private static func sectorName(_ code: String, _ reference: ReferenceData) -> String {
        let name = reference.sectors.sector(code: code)?.name ?? code
        return name.split(separator: " ", omittingEmptySubsequences: false).map { word in
            word.count > 1 && word.allSatisfy(\.isUppercase) ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }

    private func markets(_ a: Int, _ b: Int) -> String? {
        let facts = model.facts
        let aTargetsB = facts.hasExplicitTargets[a] && facts.targets[a][facts.country[b]]
        let bTargetsA = facts.hasExplicitTargets[b] && facts.targets[b][facts.country[a]]
        let countryA = countryNames[facts.country[a]], countryB = countryNames[facts.country[b]]
        switch (aTargetsB, bTargetsA) {
        case (true, true): return "each in the other's target market (\(countryB) ↔ \(countryA))"
        case (true, false): return "in target market \(countryB)"
        case (false, true): return "targets \(countryA)"
        case (false, false): return nil
        }
    }

}
