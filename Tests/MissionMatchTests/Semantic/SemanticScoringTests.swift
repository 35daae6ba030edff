import Foundation
import MatchCore
import Testing
@testable import MissionMatch

/// The semantic block: what is embedded, how it enters the score, when it is a link.
struct SemanticScoringTests {
    typealias F = MatchingFixtures

    /// Random unit vectors for every participant's non-empty sides (a stand-in for a model).
    static func randomVectors(_ participants: [Participant], dimensions: Int, seed: UInt64) -> SemanticVectors {
        var generator = SeededRandomNumberGenerator(seed: seed)
        return SemanticVectors(participants: participants, source: "random") { texts in
            Matrix(rows: texts.count, columns: dimensions,
                   elements: (0..<(texts.count * dimensions)).map { _ in Float.random(in: -1...1, using: &generator) })
        }
    }

    @Test func textsAppendTagsAndKeepEmptySidesEmpty() {
        var a = F.participant("a", offers: "Compostable trays for ready meals", needs: "")
        a.offerTags = ["PLA", "thermoforming"]
        var b = F.participant("b", offers: "Cold chain logistics.", needs: "  ")
        b.offerTags = ["reefer containers"]
        var c = F.participant("c", offers: "", needs: "")
        c.needTags = ["distributor"]
        let (offers, needs) = SemanticVectors.texts(of: [a, b, c])
        #expect(offers == ["Compostable trays for ready meals. PLA, thermoforming",
                           "Cold chain logistics. reefer containers", ""])
        #expect(needs == ["", "", "distributor"])
    }

    @Test func emptySidesGetZeroRowsAndAreNeverEmbedded() {
        let participants = [F.participant("a", offers: "tinned fish", needs: ""),
                            F.participant("b", offers: "", needs: "canned seafood importer")]
        var calls: [[String]] = []
        let vectors = SemanticVectors(participants: participants, source: "test") { texts in
            calls.append(texts)
            return Matrix(rows: texts.count, columns: 2, elements: texts.flatMap { _ in [3, 4] as [Float] })
        }
        #expect(calls == [["tinned fish"], ["canned seafood importer"]])
        #expect(Array(vectors.offers.row(0)) == [0.6, 0.8])  // normalised
        #expect(Array(vectors.offers.row(1)) == [0, 0])
        #expect(Array(vectors.needs.row(0)) == [0, 0])
        #expect(Array(vectors.needs.row(1)) == [0.6, 0.8])
    }

    /// `complementarity(_:_:)` (what the list tiers ask of every candidate) is
    /// `components(_:_:).complementarity` to the bit, with and without vectors, for every pair;
    /// the exact-evidence cosines from the model's sparse rows are the dense rows' ones.
    @Test(arguments: [UInt64(21), 22])
    func complementarityAloneIsTheComponentsOne(seed: UInt64) throws {
        let participants = KernelAgreementTests.randomMarket(seed: seed, consortium: 10, counterparts: 14)
        let engine = MatchingEngine(reference: F.reference)
        for semantic in [nil, Self.randomVectors(participants, dimensions: 16, seed: seed)] {
            let ranking = try engine.rank(mission: F.mission(pairing: .open, topK: 5), participants: participants, semantic: semantic)
            let model = ranking.model
            var compared = 0
            let offerRows = model.encoding.lexicalOffers, needRows = model.encoding.lexicalNeeds  // dense, built once
            for a in participants.indices {
                for b in participants.indices where a != b {
                    let whole = model.components(a, b).complementarity
                    #expect(model.complementarity(a, b).bitPattern == whole.bitPattern, "\(a), \(b)")
                    // The sparse exact-evidence rows give the dense rows' cosines, to the bit.
                    #expect(model.competition(a, b).bitPattern == offerRows.dotRow(a, with: offerRows, row: b).bitPattern)
                    #expect(model.cosines(a, b).lexicalOfferToNeed.bitPattern == offerRows.dotRow(a, with: needRows, row: b).bitPattern)
                    compared += whole > 0 ? 1 : 0
                }
            }
            #expect(compared > participants.count)  // the pairs are not all zero
        }
    }

    /// The fused kernel's lists against the score computed pair by pair, with the semantic block.
    @Test(arguments: [(Pairing.bipartite, UInt64(11)), (.bipartite, 12), (.open, 13)])
    func kernelAgreesWithPairScoresWithVectors(pairing: Pairing, seed: UInt64) throws {
        let participants = KernelAgreementTests.randomMarket(seed: seed, consortium: 12, counterparts: 15)
        let vectors = Self.randomVectors(participants, dimensions: 24, seed: seed)
        let mission = F.mission(pairing: pairing, topK: 40)
        let engine = MatchingEngine(reference: F.reference,
                                    rankingOptions: RankingOptions(candidatesPerParticipant: 40, congestion: 0, diversity: 0, workers: 2))
        let ranking = try engine.rank(mission: mission, participants: participants, semantic: vectors)
        let model = ranking.model
        #expect(model.semanticShare == Float(ScoringWeights.defaults.semanticShare))
        for (owner, list) in ranking.candidates.enumerated() {
            for candidate in list {
                #expect(abs(candidate.score - model.rawScore(owner, candidate.partner)) < 1e-4)
            }
            // The semantic cosine enters complementarity with its share μ.
            for candidate in list.prefix(3) {
                let b = candidate.partner
                let x = model.cosines(owner, b)
                let mu = model.semanticShare, lambda = model.latentShare
                let c1 = max(0, mu * x.semanticOfferToNeed + (1 - mu) * (lambda * x.latentOfferToNeed + (1 - lambda) * x.lexicalOfferToNeed))
                #expect(abs(Float(model.components(owner, b).offerToNeed) - c1) < 1e-6)
                #expect(abs(x.semanticOfferToNeed - vectors.offers.dotRow(owner, with: vectors.needs, row: b)) < 1e-6)
            }
        }
    }

    @Test func shareZeroRanksExactlyAsWithoutVectors() throws {
        let participants = KernelAgreementTests.randomMarket(seed: 7, consortium: 10, counterparts: 12)
        var mission = F.mission(topK: 5)
        mission.weights.semanticShare = 0
        let engine = MatchingEngine(reference: F.reference)
        let lexical = try engine.rank(mission: mission, participants: participants)
        let withZeroShare = try engine.rank(
            mission: mission, participants: participants, semantic: Self.randomVectors(participants, dimensions: 8, seed: 1))
        #expect(lexical.recommendations.map { $0.map(\.partner) } == withZeroShare.recommendations.map { $0.map(\.partner) })
        #expect(lexical.recommendations.map { $0.map(\.score) } == withZeroShare.recommendations.map { $0.map(\.score) })
    }

    @Test func linkThresholdIsTheMissionsPercentileWithAFloor() {
        // 1-D vectors: the direction cosines are products of ±1 and the values below.
        let offers = Matrix(rows: 4, columns: 1, elements: [1, 1, 1, 1])
        let needs = Matrix(rows: 4, columns: 1, elements: [1, 1, -1, -1])
        let vectors = SemanticVectors(offers: offers, needs: needs, source: "test")
        // Rows {0, 1} × columns {2, 3}: offers·needs = −1 each, needs·offers = +1 or −1.
        let link = SemanticLink.measured(vectors, rows: [0, 1], columns: [2, 3])
        #expect(link.threshold == 1)  // 8 cosines, 2 of them 1: the 95th percentile is 1
        let low = SemanticLink.measured(SemanticVectors(offers: offers, needs: Matrix(rows: 4, columns: 1, elements: [-1, -1, -1, -1]),
                                                        source: "test"), rows: [0, 1], columns: [2, 3])
        #expect(low.threshold == SemanticLink.floor)
    }

    /// A pair that shares no word but whose vectors agree is linked "by meaning", and the reason quotes the clauses.
    @Test func meaningLinkIsExplainedWithTheClosestClauses() throws {
        let participants = [
            F.participant("pt-cannery", side: "consortium", country: "PT", sectors: ["food"],
                          offers: "Tinned sardines and mackerel in olive oil. Family cannery since 1920.",
                          needs: "Importers in North America"),
            F.participant("us-buyer", side: "counterpart", country: "US", sectors: ["food"],
                          offers: "Warehousing in New Jersey", needs: "Canned seafood for delicatessen shops"),
            F.participant("us-bakery", side: "counterpart", country: "US", sectors: ["food"],
                          offers: "Sourdough bread", needs: "Stone mills"),
        ]
        // Dimension 0 means "preserved fish"; the others are unrelated directions, so the
        // cannery's offers meet the buyer's needs (cosine 1) and nothing else meets (cosine 0).
        let offers = Matrix(rowArrays: [[1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], columns: 4)
        let needs = Matrix(rowArrays: [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1]], columns: 4)
        let clauses = SemanticVectors.Clauses(
            texts: ["Tinned sardines and mackerel in olive oil", "Family cannery since 1920"],
            vectors: Matrix(rowArrays: [[0.9, 0.1, 0, 0], [0.2, 0.9, 0, 0]], columns: 4))
        let needClauses = SemanticVectors.Clauses(
            texts: ["Canned seafood for delicatessen shops"], vectors: Matrix(rowArrays: [[1, 0, 0, 0]], columns: 4))
        let empty = SemanticVectors.Clauses(texts: [], vectors: Matrix(rows: 0, columns: 4))
        let vectors = SemanticVectors(offers: offers, needs: needs, source: "test",
                                      offerClauses: [clauses, empty, empty], needClauses: [empty, needClauses, empty])
        let engine = MatchingEngine(reference: F.reference)
        let ranking = try engine.rank(mission: F.mission(topK: 2), participants: participants, semantic: vectors)
        let first = try #require(ranking.recommendations[0].first)
        #expect(first.partner == "us-buyer")
        #expect(first.reasons.hasPrefix(
            "offers \"Tinned sardines and mackerel in olive oil\" ↔ needs \"Canned seafood for delicatessen shops\" (similar meaning)"))
        // Without vectors the same pair has no link the reasons can name.
        let lexical = try engine.rank(mission: F.mission(topK: 2), participants: participants)
        let buyer = try #require(lexical.recommendations[0].first { $0.partner == "us-buyer" })
        #expect(buyer.reasons.hasPrefix("no offer↔need link found"))
    }

    /// Tags quoted in a clause read as their concepts' labels when written as the ids.
    @Test func clausesQuoteTagsByTheirConceptsLabels() {
        let thesaurus = Thesaurus([
            Concept(id: "mechanical-recycling", label: "Mechanical recycling", sector: "waste", synonyms: []),
            Concept(id: "rd-partner", label: "R&D partner", sector: "research", synonyms: []),
        ])
        #expect(Explainer.withLabels("mechanical-recycling, Chemical recycling, rd-partner", thesaurus)
                == "Mechanical recycling, Chemical recycling, R&D partner")
        #expect(Explainer.withLabels("Mechanical-recycling lines, eu-projects.", thesaurus) == "Mechanical-recycling lines, eu-projects.")
        #expect(Explainer.withLabels("Tinned sardines, olive oil", thesaurus) == "Tinned sardines, olive oil")
    }

    /// A link by meaning alone fills a list only where exact evidence is scarce: with half a list
    /// of partners that share words with the SME in its pool, the list is drawn from them, even when
    /// a partner linked only by meaning scores higher; with fewer, that partner competes on its score.
    @Test func meaningOnlyLinksCountWhereExactEvidenceIsScarce() throws {
        let participants = [
            F.participant("pt-cannery", side: "consortium", country: "PT", sectors: ["food"],
                          offers: "Tinned sardines and mackerel in olive oil", needs: "Importers in North America"),
            F.participant("us-deli", side: "counterpart", country: "US", sectors: ["food"],
                          offers: "Delicatessen retail", needs: "Tinned sardines for our shops"),
            F.participant("us-grocer", side: "counterpart", country: "US", sectors: ["food"],
                          offers: "Grocery wholesale", needs: "Mackerel in olive oil, private label"),
            F.participant("us-buyer", side: "counterpart", country: "US", sectors: ["food"],
                          offers: "Warehousing in New Jersey", needs: "Canned seafood for delicatessen shops"),
        ]
        // Dimension 0 means "preserved fish": only the cannery's offers and the buyer's needs have it
        // (cosine 1); every other side has a direction of its own (cosine 0).
        let offers = Matrix(rowArrays: [[1, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 1, 0]], columns: 6)
        let needs = Matrix(rowArrays: [[0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1], [0, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 0]], columns: 6)
        let vectors = SemanticVectors(offers: offers, needs: needs, source: "test")
        let engine = MatchingEngine(reference: F.reference)
        var options = engine.rankingOptions
        options.congestion = 0
        options.diversity = 0
        let plain = MatchingEngine(reference: F.reference, rankingOptions: options)

        // The encoder's share high enough for the buyer to outscore a partner that shares words.
        func mission(topK: Int) -> Mission {
            var mission = F.mission(topK: topK)
            mission.weights.semanticShare = 0.8
            return mission
        }

        // k = 5: two partners share words with the cannery, fewer than half the list, so the buyer linked by
        // meaning competes.
        let three = try plain.rank(mission: mission(topK: 5), participants: participants, semantic: vectors)
        let wide = three.recommendations[0]
        #expect(wide.map(\.partner).sorted() == ["us-buyer", "us-deli", "us-grocer"])
        let buyer = try #require(wide.first { $0.partner == "us-buyer" })
        #expect(buyer.reasons.contains("(similar meaning)"))
        #expect(wide.map(\.score) == wide.map(\.score).sorted(by: >))  // the list follows its scores

        // k = 2: two partners with exact evidence fill the list; the buyer, linked by meaning alone, joins
        // them only because its offer↔need fit is more than 1.5 × the weaker one's (LinkTiers), and takes its place.
        let two = try plain.rank(mission: mission(topK: 2), participants: participants, semantic: vectors)
        #expect(two.recommendations[0].map(\.partner).sorted() == ["us-buyer", "us-grocer"])

        // The same with the deli's and the grocer's needs close in meaning to the cannery's offers too
        // (cosines 0.8 and 0.7): the buyer still scores above the grocer, but its fit is no longer far
        // above, so the two partners that share words with the cannery fill the list.
        let closer = Matrix(rowArrays: [[0, 1, 0, 0, 0, 0], [0.8, 0, 0, 0, 0, 0.6], [0.7, 0, 0, 0, 0, 0.71414], [1, 0, 0, 0, 0, 0]], columns: 6)
        let near = SemanticVectors(offers: offers, needs: closer, source: "test")
        let narrow = try plain.rank(mission: mission(topK: 2), participants: participants, semantic: near).recommendations[0]
        #expect(narrow.map(\.partner).sorted() == ["us-deli", "us-grocer"])
        let all = try plain.rank(mission: mission(topK: 5), participants: participants, semantic: near).recommendations[0]
        let buyerNear = try #require(all.first { $0.partner == "us-buyer" })
        #expect(buyerNear.score > (try #require(narrow.map(\.score).min())))
    }

    @Test func quotedClausesAreCutAtTwelveWords() {
        #expect(Explainer.quoted("one two three") == "one two three")
        #expect(Explainer.quoted("a b c d e f g h i j k l m n") == "a b c d e f g h i j k l…")
        #expect(Explainer.quoted("  Dosen\r\nfisch \u{1F} x\t") == "Dosen fisch \u{1F} x")
        #expect(Explainer.quoted("Thon\u{00A0}en boîte, « bio »") == "Thon en boîte, « bio »")
        // The comma or semicolon that ended a clause cut from a long sentence is not quoted.
        #expect(Explainer.quoted("catheter hubs and connectors, pad printing,") == "catheter hubs and connectors, pad printing")
        #expect(Explainer.quoted("sell bulk oil in IBC containers; ") == "sell bulk oil in IBC containers")
        #expect(Explainer.quoted("a b c d e f g h i j k, l m") == "a b c d e f g h i j k, l…")
    }

    /// The fast paths (a clause kept as it is; the ASCII split) give exactly
    /// what the Character path does, on random texts of words, every ASCII
    /// blank and control character, CR LF pairs, and single-spaced clauses.
    @Test func quotedFastPathSplitsAsCharactersDo() {
        var generator = SeededRandomNumberGenerator(seed: 19)
        let pieces = ["fish", "oil", "B2B", "-", "\r\n", "\r", "\n", " ", "  ", "\t", "\u{0B}", "\u{0C}", "\u{1C}", "\u{7F}", "\u{00}", "x.y",
                      "é", "\u{00A0}"]
        let words = ["we", "supply", "GPS", "trackers,", "data.", "x\u{1}y"]
        var keptAsIs = 0
        for round in 0..<4_000 {
            // Half the texts are random pieces, half single-spaced words (most of them kept as they are).
            let text = round.isMultiple(of: 2)
                ? (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
                : (0..<Int.random(in: 0...15, using: &generator)).map { _ in words.randomElement(using: &generator) ?? "" }
                    .joined(separator: " ")
            let split = text.split(whereSeparator: \.isWhitespace)
            let words = split.count <= 12 ? split.joined(separator: " ") : split.prefix(12).joined(separator: " ") + "…"
            let reference = words.hasSuffix(",") || words.hasSuffix(";") ? String(words.dropLast()) : words
            #expect(Explainer.quoted(text) == reference, "\(text.debugDescription)")
            if Explainer.isQuotedAsIs(text) {
                keptAsIs += 1
                #expect(words == text)
            }
        }
        #expect(keptAsIs > 1_000)
    }

    /// Texts that need no trimming are kept as they are; the others are trimmed as Foundation trims.
    @Test func textsAreTrimmedAsFoundationTrims() {
        for free in ["Tinned fish", " Tinned fish\n", "\u{00A0}Thon\u{2003}", "fish\u{0085}", "", " ", "é", "fish."] {
            var participant = F.participant("a", offers: free, needs: "")
            participant.offerTags = []
            #expect(SemanticVectors.texts(of: [participant]).offers == [free.trimmingCharacters(in: .whitespacesAndNewlines)])
        }
    }
}
