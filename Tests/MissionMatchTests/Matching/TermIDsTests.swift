import Foundation
import MatchCore
@testable import MissionMatch
import Testing

/// The encoding numbers every stem once (``TermIDs``) and its later passes
/// index by number: each numbered path is checked against the string-keyed
/// one it replaced, on corpora large enough to be split over the cores.
struct TermIDsTests {
    typealias F = MatchingFixtures

    private static func document(_ terms: [String], concepts: [Int] = []) -> AnalyzedText {
        AnalyzedText(terms: terms, termSurfaces: terms,
                     concepts: concepts.map { ConceptMention(concept: $0, surface: "c\($0)", tokens: 0..<0) })
    }

    /// 20,000 texts of made-up stems, some written in two canonically
    /// equivalent ways (a precomposed é and e + combining acute), and a few
    /// sector pseudo-terms.
    private static func corpus(seed: UInt64, count: Int = 20_000) -> [AnalyzedText] {
        var random = SeededRandomNumberGenerator(seed: seed)
        let spellings = ["caf\u{E9}", "cafe\u{301}", "r\u{E9}sin", "re\u{301}sin", "\u{212B}ngstr\u{F6}m", "\u{C5}ngstr\u{F6}m"]
        return (0..<count).map { _ in
            let terms = (0..<Int.random(in: 0...9, using: &random)).map { _ -> String in
                switch Int.random(in: 0..<20, using: &random) {
                case 0: spellings.randomElement(using: &random)!
                case 1: ProfileAnalysis.sectorTermPrefix + "s\(Int.random(in: 0..<5, using: &random))"
                default: "w\(Int.random(in: 0..<4_000, using: &random))"
                }
            }
            return document(terms, concepts: (0..<Int.random(in: 0...2, using: &random)).map { _ in
                Int.random(in: 0..<300, using: &random)
            })
        }
    }

    @Test func numbersEachStemOnceInFirstOccurrenceOrder() {
        let texts = Self.corpus(seed: 11)
        var naive: [String: Int32] = [:]
        var vocabulary: [String] = []
        let expected = texts.map { text in
            text.terms.map { stem -> Int32 in
                if let id = naive[stem] { return id }
                naive[stem] = Int32(vocabulary.count)
                vocabulary.append(stem)
                return Int32(vocabulary.count - 1)
            }
        }
        let numbered = TermIDs(texts)
        #expect(numbered.count == texts.count)
        #expect(numbered.vocabulary == vocabulary)
        #expect((0..<texts.count).allSatisfy { Array(numbered.terms(of: $0)) == expected[$0] })
        // Canonically equivalent spellings share an id, as they share a dictionary key.
        #expect(numbered.vocabulary.filter { $0 == "caf\u{E9}" }.count <= 1)
        #expect(naive["cafe\u{301}"] == naive["caf\u{E9}"] && naive["caf\u{E9}"] != nil)

        let prefix = numbered.prefix(7_000), suffix = numbered.suffix(from: 7_000)
        #expect(prefix.count == 7_000 && suffix.count == texts.count - 7_000)
        #expect((0..<7_000).allSatisfy { Array(prefix.terms(of: $0)) == expected[$0] })
        #expect((0..<suffix.count).allSatisfy { Array(suffix.terms(of: $0)) == expected[7_000 + $0] })
        let plain = numbered.filtered(keeping: vocabulary.map { !$0.hasPrefix(ProfileAnalysis.sectorTermPrefix) })
        #expect((0..<texts.count).allSatisfy { text in
            Array(plain.terms(of: text)) == expected[text].filter { !vocabulary[Int($0)].hasPrefix(ProfileAnalysis.sectorTermPrefix) }
        })
    }

    /// Fitted and applied by number, a weighting gives the features, weights
    /// and vectors the string-keyed lookups give, on all terms and on the
    /// texts without their sector pseudo-terms (the exact-evidence fit).
    @Test func numberedWeightingsAndBlockEqualTheStringKeyedOnes() {
        let texts = Self.corpus(seed: 12)
        let numbered = TermIDs(texts)
        let weighting = TermWeighting(fittingOn: texts, terms: numbered)
        for (index, text) in texts.enumerated() {
            let byName = weighting.vector(of: text), byNumber = weighting.vector(of: text, termIDs: numbered.terms(of: index))
            #expect(byName.map(\.column) == byNumber.map(\.column) && byName.map(\.value) == byNumber.map(\.value))
        }
        #expect(weighting.matrix(of: texts) == weighting.matrix(of: texts, termIDs: numbered))

        let plainTexts = texts.map(LexicalBlock.plain)
        let plain = numbered.filtered(keeping: numbered.vocabulary.map { !$0.hasPrefix(ProfileAnalysis.sectorTermPrefix) })
        let byName = TermWeighting(fittingOn: plainTexts, conceptBoost: 1, minimumDocumentFrequency: 1)
        let byNumber = TermWeighting(fittingOn: texts, terms: plain, conceptBoost: 1, minimumDocumentFrequency: 1)
        #expect(byName.featureTerms == byNumber.featureTerms && byName.featureConcepts == byNumber.featureConcepts)
        #expect(byName.weights == byNumber.weights)

        let half = texts.count / 2
        let blockByName = LexicalBlock(offers: Array(plainTexts[..<half]), needs: Array(plainTexts[half...]),
                                       weighting: byName, limit: 600)
        let blockByNumber = LexicalBlock(corpus: texts, terms: plain, offers: half, weighting: byNumber, limit: 600)
        #expect(blockByName.features == blockByNumber.features && blockByName.features.count == 600)
        let dense = blockByName.vectors(of: Array(plainTexts[half...]), weighting: byName)
        let sparse = blockByNumber.sparseVectors(of: texts, terms: plain, range: half..<texts.count, weighting: byNumber)
        #expect(sparse == CSRMatrix(dense) && Matrix(sparse) == dense)
    }

    /// The encoder's keys of the reasons and its exact-link keys, computed by
    /// number beside the SVD, equal those computed from the strings.
    @Test(arguments: [UInt64(5), 6])
    func encoderKeysEqualTheStringKeyedKeys(seed: UInt64) throws {
        var random = SeededRandomNumberGenerator(seed: seed)
        let participants = ExactLinkKeysTests.marketWithMadeUpWords(seed: seed, random: &random)
        let encoding = try ParticipantEncoder(thesaurus: F.reference.thesaurus).encode(participants, explaining: true)
        let numbered = try #require(encoding.explanationKeys)
        let byName = ExplanationKeys(encoding: encoding)
        #expect(numbered.offers == byName.offers && numbered.needs == byName.needs)
        #expect(numbered.links == byName.links)
        #expect(numbered.offers.contains { !$0.specific.isEmpty })
    }

    /// Participants encoded with a model fitted on a larger corpus: their
    /// exact-evidence rows are the string-keyed block's rows of their texts,
    /// stored sparse with the same non-zero values.
    @Test func participantsEncodedOnAnotherCorpusGetTheStringKeyedRows() throws {
        let corpus = KernelAgreementTests.randomMarket(seed: 8, consortium: 600, counterparts: 900)
        let participants = Array(corpus[100..<400]) + KernelAgreementTests.randomMarket(seed: 9, consortium: 50, counterparts: 50)
        let encoder = ParticipantEncoder(thesaurus: F.reference.thesaurus)
        let encoding = try encoder.encode(participants, fittingOn: corpus)

        let analyzed = ProfileAnalysis.analyze(corpus, with: encoder.analyzer)
        let own = ProfileAnalysis.analyze(participants, with: encoder.analyzer)
        let plainCorpus = (analyzed.map(\.offers) + analyzed.map(\.needs)).map(LexicalBlock.plain)
        let weighting = TermWeighting(fittingOn: plainCorpus, conceptBoost: encoder.options.lexicalConceptBoost,
                                      minimumDocumentFrequency: 1)
        let block = LexicalBlock(offers: Array(plainCorpus[..<corpus.count]), needs: Array(plainCorpus[corpus.count...]),
                                 weighting: weighting, limit: encoder.options.lexicalDimensions)
        #expect(encoding.lexical.features == block.features)
        let offers = block.vectors(of: own.map { LexicalBlock.plain($0.offers) }, weighting: weighting)
        let needs = block.vectors(of: own.map { LexicalBlock.plain($0.needs) }, weighting: weighting)
        #expect(encoding.lexicalOffers == offers && encoding.lexicalNeeds == needs)
        #expect(encoding.lexicalOfferRows == CSRMatrix(offers) && encoding.lexicalNeedRows == CSRMatrix(needs))
        let lsa = TermWeighting(fittingOn: analyzed.map(\.offers) + analyzed.map(\.needs), conceptBoost: encoder.options.conceptBoost)
        #expect(encoding.weighting.featureTerms == lsa.featureTerms && encoding.weighting.weights == lsa.weights)

        // No participants at all, on the same corpus: an empty encoding with the corpus' model.
        let none = try encoder.encode([], fittingOn: corpus)
        #expect(none.lexicalOffers.rows == 0 && none.offers.rows == 0)
        #expect(none.lexical.features == block.features)
    }
}
