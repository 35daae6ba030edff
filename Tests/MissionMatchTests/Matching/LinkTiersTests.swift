import Foundation
import Testing
@testable import MissionMatch

/// Which partners without a named link join the linked ones: those whose
/// offer↔need fit is at least 1.5 × the weakest fit among the linked
/// partners the list would show.
struct LinkTiersTests {
    /// Pool positions 0…5 with their scores, named links and fits.
    static let pool = [
        (10, 0.30), (11, 0.28), (12, 0.25), (13, 0.20), (14, 0.12), (15, 0.10),
    ].map { Candidate(partner: $0.0, score: $0.1, offerToNeed: 0, needFromOffer: 0) }
    static let linked = [true, false, true, false, true, false]
    static let fits: [Double] = [0.40, 0.33, 0.30, 0.29, 0.20, 0.0]

    /// Links by meaning count where fewer than half a list of partners have exact evidence.
    @Test func exactEvidenceIsScarceBelowHalfAList() {
        #expect(LinkTiers.exactEvidenceIsScarce(linked: 4, k: 10))
        #expect(!LinkTiers.exactEvidenceIsScarce(linked: 5, k: 10))
        #expect(LinkTiers.exactEvidenceIsScarce(linked: 1, k: 3) && !LinkTiers.exactEvidenceIsScarce(linked: 2, k: 3))
        #expect(LinkTiers.exactEvidenceIsScarce(linked: 0, k: 1) && !LinkTiers.exactEvidenceIsScarce(linked: 1, k: 1))
    }

    @Test func aFarBetterFitJoinsTheLinkedPartners() {
        // k = 3: the linked partners shown are 10, 12, 14; the weakest fit among them is 0.20, the bar 0.30.
        let joined = LinkTiers.joiningByFit(pool: Self.pool, linked: Self.linked, k: 3) { Self.fits[$0] }
        #expect(joined == [false, true, false, false, false, false])
    }

    @Test func theBarComesFromTheLinkedPartnersTheListWouldShow() {
        // k = 2: partners 10 and 12 are shown (fits 0.40, 0.30), the bar is 0.45: nobody joins.
        #expect(LinkTiers.joiningByFit(pool: Self.pool, linked: Self.linked, k: 2) { Self.fits[$0] } == Array(repeating: false, count: 6))
        // A weaker linked partner among the shown ones lowers the bar: fit 0.29 reaches 1.5 × 0.19.
        var fits = Self.fits
        fits[4] = 0.19
        #expect(LinkTiers.joiningByFit(pool: Self.pool, linked: Self.linked, k: 3) { fits[$0] } == [false, true, false, true, false, false])
    }

    @Test func noFitNeverJoinsAndNothingJoinsWithoutLinkedPartners() {
        // Partner 15 has no fit at all: even a zero bar does not let it in.
        var fits = Self.fits
        fits[4] = 0
        let joined = LinkTiers.joiningByFit(pool: Self.pool, linked: Self.linked, k: 3) { fits[$0] }
        #expect(joined == [false, true, false, true, false, false])
        // No linked partner: the list is one tier, ordered by score.
        let none = LinkTiers.joiningByFit(pool: Self.pool, linked: [], k: 3) { Self.fits[$0] }
        #expect(none == Array(repeating: false, count: 6))
        // Everyone linked: nobody to join.
        let all = LinkTiers.joiningByFit(pool: Self.pool, linked: Array(repeating: true, count: 6), k: 3) { Self.fits[$0] }
        #expect(all == Array(repeating: false, count: 6))
    }
}
