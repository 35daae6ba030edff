import Foundation
import MatchCore
import Testing
@testable import MissionMatch

/// The exact-evidence block: its dot products are the TF-IDF cosines of the texts.
struct LexicalBlockTests {
    typealias F = MatchingFixtures

    /// The TF-IDF cosine computed from the sparse vectors, feature by feature.
    static func cosine(_ x: [(column: Int, value: Float)], _ y: [(column: Int, value: Float)]) -> Float {
        let other = Dictionary(uniqueKeysWithValues: y.map { ($0.column, $0.value) })
        return x.reduce(0) { $0 + $1.value * (other[$1.column] ?? 0) }
    }

    @Test(arguments: [UInt64(1), 2, 3]) func rowsGiveTheExactTFIDFCosines(seed: UInt64) throws {
        let participants = KernelAgreementTests.randomMarket(seed: seed, consortium: 9, counterparts: 11)
        let encoder = ParticipantEncoder(thesaurus: F.reference.thesaurus)
        let encoding = try encoder.encode(participants)
        let weighting = encoding.lexicalWeighting
        let offers = encoding.analyses.map { weighting.vector(of: LexicalBlock.plain($0.offers)) }
        let needs = encoding.analyses.map { weighting.vector(of: LexicalBlock.plain($0.needs)) }
        let offerRows = encoding.lexicalOffers, needRows = encoding.lexicalNeeds  // dense, built once
        for a in participants.indices {
            for b in participants.indices {
                var dot: Float = 0
                for (u, v) in zip(offerRows.row(a), needRows.row(b)) { dot += u * v }
                #expect(abs(dot - Self.cosine(offers[a], needs[b])) < 1e-5)
                guard a != b else { continue }   // a text's words found in no other offer are not kept
                var competition: Float = 0
                for (u, v) in zip(offerRows.row(a), offerRows.row(b)) { competition += u * v }
                #expect(abs(competition - Self.cosine(offers[a], offers[b])) < 1e-5)
            }
        }
    }

    /// A market large enough that every per-document step is split over the
    /// cores: the kept features are the documented rule's, counted naively,
    /// and sampled rows still give the exact cosines.
    @Test func aLargeMarketKeepsTheRulesFeaturesAndCosines() throws {
        let participants = KernelAgreementTests.randomMarket(seed: 11, consortium: 600, counterparts: 700)
        let encoding = try ParticipantEncoder(thesaurus: F.reference.thesaurus).encode(participants)
        let weighting = encoding.lexicalWeighting
        let offers = encoding.analyses.map { weighting.vector(of: LexicalBlock.plain($0.offers)) }
        let needs = encoding.analyses.map { weighting.vector(of: LexicalBlock.plain($0.needs)) }
        var offerCount = [Double](repeating: 0, count: weighting.featureCount)
        var needCount = [Double](repeating: 0, count: weighting.featureCount)
        for vector in offers { for entry in vector { offerCount[entry.column] += 1 } }
        for vector in needs { for entry in vector { needCount[entry.column] += 1 } }
        var linked: [(feature: Int, weight: Double)] = []
        for feature in 0..<weighting.featureCount {
            if let term = weighting.featureTerms[feature], term.hasPrefix(ProfileAnalysis.sectorTermPrefix) { continue }
            let o = offerCount[feature], n = needCount[feature], idf = Double(weighting.weights[feature])
            if o * n + o * (o - 1) / 2 > 0 { linked.append((feature, (o * n + o * (o - 1) / 2) * idf * idf)) }
        }
        linked.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.feature < $1.feature }
        let limit = EncoderOptions().lexicalDimensions
        #expect(encoding.lexical.features == linked.prefix(limit).map(\.feature).sorted())
        // With a limit below the linking features, the ones linking most pairs (a market's worth of documents).
        let documents = encoding.analyses.map { LexicalBlock.plain($0.offers) } + encoding.analyses.map { LexicalBlock.plain($0.needs) }
        let limited = LexicalBlock(offers: Array(documents[..<participants.count]), needs: Array(documents[participants.count...]),
                                   weighting: weighting, limit: linked.count / 2)
        #expect(linked.count >= 20)
        #expect(limited.features == linked.prefix(linked.count / 2).map(\.feature).sorted())
        var random = SeededRandomNumberGenerator(seed: 5)
        let offerRows = encoding.lexicalOffers, needRows = encoding.lexicalNeeds  // dense, built once
        for _ in 0..<2_000 {
            let a = Int.random(in: participants.indices, using: &random), b = Int.random(in: participants.indices, using: &random)
            var dot: Float = 0
            for (u, v) in zip(offerRows.row(a), needRows.row(b)) { dot += u * v }
            let kept = Set(encoding.lexical.features)
            let exact = Self.cosine(offers[a].filter { kept.contains($0.column) }, needs[b].filter { kept.contains($0.column) })
            #expect(abs(dot - exact) < 1e-5)
        }
    }

    @Test func keepsOnlyFeaturesThatLinkTwoTexts() throws {
        let participants = [
            F.participant("a", offers: "compostable trays", needs: "importer"),
            F.participant("b", side: "counterpart", offers: "importer logistics", needs: "compostable trays"),
            F.participant("c", side: "counterpart", offers: "glassware", needs: "bakery"),
        ]
        let encoding = try ParticipantEncoder(thesaurus: F.reference.thesaurus).encode(participants)
        let kept = Set(encoding.lexical.features.compactMap { encoding.lexicalWeighting.featureTerms[$0] })
        #expect(kept.contains("importer"))    // offered by b, needed by a
        #expect(!kept.contains("bakeri"))     // needed once, offered by nobody
        #expect(!kept.contains("glasswar"))   // offered once, needed by nobody
        #expect(!kept.contains { $0.hasPrefix(ProfileAnalysis.sectorTermPrefix) })
    }

    @Test func aLimitKeepsTheFeaturesLinkingMostPairs() throws {
        let participants = (0..<6).map { F.participant("p\($0)", offers: "bottling line" + ($0 < 3 ? " cider" : ""), needs: "bottling line") }
        let analyses = ProfileAnalysis.analyze(participants, with: TextAnalyzer(thesaurus: F.reference.thesaurus))
        let documents = analyses.map { LexicalBlock.plain($0.offers) } + analyses.map { LexicalBlock.plain($0.needs) }
        let weighting = TermWeighting(fittingOn: documents, conceptBoost: 1, minimumDocumentFrequency: 1)
        let block = LexicalBlock(offers: Array(documents[0..<6]), needs: Array(documents[6...]), weighting: weighting, limit: 2)
        #expect(block.features.count == 2)
        // "bottling line" links 6 × 6 offer–need pairs and 15 offer pairs; "cider" only 3 offer pairs.
        let cider = try #require(analyses[0].offers.terms.last)
        let ciderFeature = try #require(weighting.feature(term: cider))
        #expect(!block.features.contains(ciderFeature))
        #expect(block.column(of: ciderFeature) == nil)
    }
}
