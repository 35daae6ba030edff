import MatchCore
import Testing
@testable import MissionMatch

/// The exact-evidence test on integers (`ExactLinkIndex`) against its
/// definition on the keys themselves, for every pair.
struct ExactLinkIndexTests {
    typealias F = MatchingFixtures
    typealias Document = ExplanationKeys.Document

    /// The definition: a concept in common, or two specific words of the first text among the terms of the second.
    static func links(_ from: Document, _ to: Document) -> Bool {
        from.concepts.contains { concept in to.concepts.contains { $0.feature == concept.feature } }
            || from.specific.filter { to.terms.contains($0.stem) }.count >= 2
    }

    static func expectAgreement(_ keys: ExplanationKeys, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        let index = ExactLinkIndex(keys)
        var linked = 0
        for a in keys.offers.indices {
            for b in keys.offers.indices {
                let expected = links(keys.offers[a], keys.needs[b]) || links(keys.needs[a], keys.offers[b])
                #expect(index.linked(a, b) == expected, "pair \(a), \(b)", sourceLocation: sourceLocation)
                if expected { linked += 1 }
            }
        }
        return linked
    }

    @Test func realProfilesGiveTheKeysAnswers() throws {
        let texts = [
            ("Compostable PLA films and trays for fresh food", "Distributors of food packaging in Canada"),
            ("Food packaging distribution across Ontario and Quebec", "Compostable films, biodegradable trays"),
            ("Tinned sardines and mackerel in olive oil", "Importers of canned seafood"),
            ("Canned seafood import and delicatessen retail", "Sardines in olive oil, private label"),
            ("Cold-chain logistics, refrigerated warehousing", "Shippers of frozen and chilled food"),
            ("Injection moulding of PET preforms", "Recycled PET flakes, food-grade"),
            ("Recycling of PET bottles into food-grade flakes", "Buyers of recycled PET"),
            ("Café crème capsules, compostable", "Compostable capsule materials"),
            ("", "Anything"),
        ]
        let participants = texts.enumerated().map { index, text in
            F.participant("p\(index)", side: index.isMultiple(of: 2) ? "consortium" : "counterpart",
                          sectors: ["food"], offers: text.0, needs: text.1)
        }
        let encoding = try MatchingEngine(reference: F.reference).encodedParticipants(participants, semantic: nil)
        let linked = Self.expectAgreement(ExplanationKeys(encoding: encoding))
        #expect(linked > 0 && linked < participants.count * participants.count)
    }

    @Test func randomKeysGiveTheKeysAnswers() {
        var generator = SeededRandomNumberGenerator(seed: 23)
        // Few stems and features, so that texts share some; "café" written two ways is one stem (as `==` says).
        let stems = ["film", "tray", "pla", "food", "fish", "oil", "café", "cafe\u{301}", "pet", "flake", "chain", "cold"]
        func document() -> Document {
            let terms = Set((0..<Int.random(in: 0...6, using: &generator)).map { _ in stems.randomElement(using: &generator) ?? "" })
            var seen = Set<String>()
            let specific = terms.shuffled(using: &generator).filter { _ in Bool.random(using: &generator) }
                .filter { seen.insert($0).inserted }
                .enumerated().map { ExplanationKeys.Word(position: $0, stem: $1, surface: $1, weight: 1) }
            let features = Set((0..<Int.random(in: 0...3, using: &generator)).map { _ in Int.random(in: 0..<12, using: &generator) })
            let concepts = features.shuffled(using: &generator).map { ExplanationKeys.Concept(feature: $0, weight: 1, surface: "c\($0)") }
            return Document(concepts: concepts, terms: terms, specific: specific)
        }
        for _ in 0..<20 {
            let count = Int.random(in: 1...30, using: &generator)
            let keys = ExplanationKeys(offers: (0..<count).map { _ in document() }, needs: (0..<count).map { _ in document() })
            _ = Self.expectAgreement(keys)
        }
    }
}
