import Foundation
import MatchCore
import MissionMatch
import MissionMatchEvaluation
@testable import MissionMatchIO
import Testing

/// The truth is learnable, but not by similarity alone: simple baselines
/// computed here (a throwaway tokenizer, TF-IDF, cosines) against the truth.
///
/// * `concatenated`: cosine of offers + needs + tags of A against the same of B —
///   what a plain similarity search finds; competitors look alike, so it must stay well below 0.9.
/// * `oneDirectional`: cosine of B's offers against A's needs.
/// * `reciprocal`: √(cos(offers A, needs B) · cos(offers B, needs A)) over words plus
///   thesaurus concepts found in the text (longest match of labels and synonyms) —
///   a reference for what a reciprocal model can reach.
///
/// Set `MISSIONMATCH_BASELINE_SIZE=200x1000` to measure another size (the numbers are printed).
struct SyntheticBaselineTests {
    struct Scores {
        var random, concatenated, oneDirectional, reciprocal: RankingMetrics
    }

    static let size: (Int, Int) = {
        let text = ProcessInfo.processInfo.environment["MISSIONMATCH_BASELINE_SIZE"] ?? ""
        let parts = text.split(separator: "x").compactMap { Int($0) }
        return parts.count == 2 ? (parts[0], parts[1]) : (120, 600)
    }()

    static let scores: Scores? = {
        let (n, m) = size
        guard SyntheticFixtures.hasData,
              let programme = (n, m) == (120, 600) ? SyntheticFixtures.medium
                : try? SyntheticFixtures.generate(SyntheticProgrammeOptions(consortium: n, counterparts: m, seed: 1))
        else { return nil }
        return evaluate(programme)
    }()

    @Test func oneDirectionalBeatsRandomAndSimilarityIsFarFromPerfect() throws {
        let s = try #require(Self.scores)
        print("baselines \(Self.size.0)×\(Self.size.1) (NDCG@10, recall@10, MRR@10):")
        for (name, m) in [("random", s.random), ("concatenated", s.concatenated), ("one-directional", s.oneDirectional),
                          ("reciprocal+concepts", s.reciprocal)] {
            print("  \(name): \(FixedPoint.format(m.ndcg, digits: 4)), \(FixedPoint.format(m.recall, digits: 4)), \(FixedPoint.format(m.mrr, digits: 4))")
        }
        #expect(s.random.participantsEvaluated == Self.size.0)
        #expect(s.oneDirectional.ndcg > s.random.ndcg + 0.2)
        #expect(s.concatenated.ndcg > s.random.ndcg + 0.1)
        #expect(s.concatenated.ndcg < 0.75)
        #expect(s.oneDirectional.ndcg < 0.75)
        // Learnable: a reciprocal model clearly beats both baselines.
        #expect(s.reciprocal.ndcg > max(s.concatenated.ndcg, s.oneDirectional.ndcg) + 0.1)
        #expect(s.reciprocal.recall > max(s.concatenated.recall, s.oneDirectional.recall) + 0.1)
    }

    // MARK: - Baselines

    static func evaluate(_ programme: SyntheticProgramme) -> Scores {
        let n = programme.consortiumCount
        let people = programme.participants
        let lookup = ConceptLookup(programme: programme, thesaurus: SyntheticFixtures.reference.thesaurus)
        var vocabulary = Vocabulary()
        let offers = people.map { vocabulary.terms(Tokens.words($0.offers + " " + $0.offerTags.joined(separator: " "))) }
        let needs = people.map { vocabulary.terms(Tokens.words($0.needs + " " + $0.needTags.joined(separator: " "))) }
        let offerConcepts = people.map { vocabulary.terms(lookup.concepts(in: $0.offers + " . " + $0.offerTags.joined(separator: " . "))) }
        let needConcepts = people.map { vocabulary.terms(lookup.concepts(in: $0.needs + " . " + $0.needTags.joined(separator: " . "))) }
        let weights = TFIDF(documents: offers.indices.map { offers[$0] + needs[$0] }, vocabularySize: vocabulary.count)
        let both = offers.indices.map { weights.vector(offers[$0] + needs[$0]) }
        let offerVectors = offers.map(weights.vector)
        let needVectors = needs.map(weights.vector)
        let offerPlus = offers.indices.map { weights.vector(offers[$0] + offerConcepts[$0]) }
        let needPlus = needs.indices.map { weights.vector(needs[$0] + needConcepts[$0]) }

        var random = SeededRandomNumberGenerator(seed: 99)
        var rankings: [[String: [String]]] = Array(repeating: [:], count: 4)
        let partners = Array(n..<people.count)
        for i in 0..<n {
            let id = people[i].id
            var shuffled = partners
            shuffled.shuffle(using: &random)
            rankings[0][id] = shuffled.prefix(10).map { people[$0].id }
            rankings[1][id] = top10(partners) { both[i].cosine(both[$0]) }.map { people[$0].id }
            rankings[2][id] = top10(partners) { offerVectors[$0].cosine(needVectors[i]) }.map { people[$0].id }
            rankings[3][id] = top10(partners) { j in
                (offerPlus[i].cosine(needPlus[j]) * offerPlus[j].cosine(needPlus[i])).squareRoot()
            }.map { people[$0].id }
        }
        let metrics = rankings.map { RankingMetrics(rankings: $0, truth: programme.truth, k: 10) }
        return Scores(random: metrics[0], concatenated: metrics[1], oneDirectional: metrics[2], reciprocal: metrics[3])
    }

    static func top10(_ candidates: [Int], score: (Int) -> Double) -> [Int] {
        candidates.map { ($0, score($0)) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(10).map(\.0)
    }
}

/// Lowercase words of two or more letters or digits, without English stop words.
enum Tokens {
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "our",
        "the", "to", "we", "with", "also", "us", "can", "would", "like", "looking", "need", "needs", "offer", "offers",
    ]

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
            .filter { $0.count >= 2 && !stopWords.contains($0) }
    }

    /// All words, stop words included, for phrase matching.
    static func allWords(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

/// Finds thesaurus concepts in text: longest match of labels and synonyms (up to six words).
struct ConceptLookup {
    let phrases: [String: Int]

    init(programme: SyntheticProgramme, thesaurus: Thesaurus) {
        var phrases: [String: Int] = [:]
        for (index, concept) in thesaurus.concepts.enumerated() {
            for form in [concept.id, concept.label] + concept.synonyms {
                let key = Tokens.allWords(form).joined(separator: " ")
                if !key.isEmpty, phrases[key] == nil { phrases[key] = index }
            }
        }
        self.phrases = phrases
    }

    /// One `#concept<i>` token per match.
    func concepts(in text: String) -> [String] {
        let words = Tokens.allWords(text)
        var found: [String] = []
        var i = 0
        while i < words.count {
            var matched = 0
            for length in stride(from: min(6, words.count - i), through: 1, by: -1) {
                if let concept = phrases[words[i..<(i + length)].joined(separator: " ")] {
                    found.append("#concept\(concept)")
                    matched = length
                    break
                }
            }
            i += max(matched, 1)
        }
        return found
    }
}

/// Term ids.
struct Vocabulary {
    private var ids: [String: Int] = [:]
    var count: Int { ids.count }

    mutating func terms(_ words: [String]) -> [Int] {
        words.map { word in
            if let id = ids[word] { return id }
            let id = ids.count
            ids[word] = id
            return id
        }
    }
}

/// TF-IDF with smoothed idf, L2-normalised sparse vectors.
struct TFIDF {
    let idf: [Double]

    init(documents: [[Int]], vocabularySize: Int) {
        var df = [Int](repeating: 0, count: vocabularySize)
        for document in documents { for term in Set(document) { df[term] += 1 } }
        let n = Double(documents.count)
        idf = df.map { log((1 + n) / (1 + Double($0))) + 1 }
    }

    func vector(_ terms: [Int]) -> SparseVector {
        var counts: [Int: Double] = [:]
        for term in terms { counts[term, default: 0] += 1 }
        var entries = counts.map { (term: $0.key, weight: $0.value * ($0.key < idf.count ? idf[$0.key] : 1)) }
        entries.sort { $0.term < $1.term }
        let norm = entries.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
        return SparseVector(terms: entries.map(\.term), weights: entries.map { norm > 0 ? $0.weight / norm : 0 })
    }
}

struct SparseVector {
    var terms: [Int]
    var weights: [Double]

    func cosine(_ other: SparseVector) -> Double {
        var i = 0, j = 0, sum = 0.0
        while i < terms.count && j < other.terms.count {
            if terms[i] == other.terms[j] {
                sum += weights[i] * other.weights[j]
                i += 1
                j += 1
            } else if terms[i] < other.terms[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
