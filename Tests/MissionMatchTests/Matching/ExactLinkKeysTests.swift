import Foundation
import MatchCore
@testable import MissionMatch
import Testing

/// The ranking's integer exact-link test against the rule written on the
/// texts' string keys: a shared concept, or two specific words of one text
/// among the terms of the other.
struct ExactLinkKeysTests {
    typealias F = MatchingFixtures

    static func naiveLinked(_ from: ExplanationKeys.Document, _ to: ExplanationKeys.Document) -> Bool {
        let sharesConcept = from.concepts.contains { concept in to.concepts.contains { $0.feature == concept.feature } }
        return sharesConcept || from.specific.filter { to.terms.contains($0.stem) }.count >= 2
    }

    /// 1,200 participants of the random market, whose texts are thesaurus
    /// phrases, with rare made-up words (each in about 2 % of the texts) that
    /// add links by specific words alone.
    static func marketWithMadeUpWords(seed: UInt64, random: inout SeededRandomNumberGenerator) -> [Participant] {
        let syllables = ["ka", "vor", "lin", "tre", "mu", "zen", "pal", "dor", "qui", "sef", "brun", "ost"]
        let vocabulary = (0..<150).map { _ in (0..<3).map { _ in syllables.randomElement(using: &random)! }.joined() }
        var participants = KernelAgreementTests.randomMarket(seed: seed, consortium: 700, counterparts: 500)
        func words() -> String {
            (0..<Int.random(in: 0...6, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }.joined(separator: " ")
        }
        for index in participants.indices {
            participants[index].offers += " " + words()
            participants[index].needs += " " + words()
        }
        return participants
    }

    @Test(arguments: [UInt64(3), 4])
    func everyPairAgreesWithTheRule(seed: UInt64) throws {
        var random = SeededRandomNumberGenerator(seed: seed)
        let participants = Self.marketWithMadeUpWords(seed: seed, random: &random)
        let encoding = try ParticipantEncoder(thesaurus: F.reference.thesaurus).encode(participants)
        let keys = ExplanationKeys(encoding: encoding)
        let linkKeys = ExactLinkKeys(offers: keys.offers, needs: keys.needs)
        var linked = 0, byWords = 0, checked = 0, neighbours = 0
        for _ in 0..<60_000 {
            let a = Int.random(in: participants.indices, using: &random), b = Int.random(in: participants.indices, using: &random)
            for offering in [true, false] {
                let (from, to) = offering ? (keys.offers[a], keys.needs[b]) : (keys.needs[a], keys.offers[b])
                let expected = Self.naiveLinked(from, to)
                #expect(linkKeys.linked(a, b, offering: offering) == expected, "\(a) \(b) offering \(offering)")
                // The terms beside each specific word, as the reasons test them.
                let fromText = linkKeys.text(of: a, offering: offering), toText = linkKeys.text(of: b, offering: !offering)
                for (index, word) in from.specific.enumerated() {
                    for after in [false, true] {
                        let neighbour = after ? word.after : word.before
                        let naive = neighbour.map { to.terms.contains($0.stem) } ?? false
                        #expect(linkKeys.isTerm(neighbourAfter: after, ofSpecificWord: index, of: fromText, in: toText) == naive)
                        if naive { neighbours += 1 }
                    }
                }
                checked += 1
                if expected { linked += 1 }
                if expected, !from.concepts.contains(where: { c in to.concepts.contains { $0.feature == c.feature } }) { byWords += 1 }
            }
        }
        // Both kinds of link, and pairs without one, were among those checked.
        #expect(linked > 100 && checked - linked > 100)
        #expect(byWords > 10)
        #expect(neighbours > 100)
    }

    /// A text with no concept, no specific word or no term links nothing.
    @Test func emptyTextsLinkNothing() {
        let empty = ExplanationKeys.Document(concepts: [], terms: [], specific: [])
        let word = ExplanationKeys.Word(position: 0, stem: "pallet", surface: "pallets", weight: 3)
        let other = ExplanationKeys.Word(position: 1, stem: "wrap", surface: "wrap", weight: 3)
        let full = ExplanationKeys.Document(concepts: [], terms: ["pallet", "wrap"], specific: [word, other])
        let keys = ExactLinkKeys(offers: [full, empty], needs: [full, empty])
        #expect(keys.linked(0, 0, offering: true))
        #expect(!keys.linked(0, 1, offering: true))
        #expect(!keys.linked(1, 0, offering: true))
        #expect(!keys.linked(1, 1, offering: false))
    }
}
