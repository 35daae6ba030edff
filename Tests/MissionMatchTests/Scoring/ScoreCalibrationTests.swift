import Foundation
import Testing
@testable import MissionMatch

/// Per-mission calibration of the linear components.
struct ScoreCalibrationTests {
    static func components(_ complementarity: Double, sector: Double) -> ScoreComponents {
        ScoreComponents(offerToNeed: 0, needFromOffer: 0, complementarity: complementarity, similarity: 0.5,
                        sector: sector, country: 1, cooperation: 0)
    }

    @Test func factorsAreTheRatioOfSpreadsCappedAtOne() {
        // Four pairs (exhaustive sample): complementarity 0, 0.1, 0, 0.1 (sd 0.05); sector 0, 1, 1, 0 (sd 0.5).
        let table: [[Double]] = [[0, 0], [0.1, 1], [0, 1], [0.1, 0]]
        let calibration = ScoreCalibration.measured(rows: [0, 1], columns: [2, 3]) { a, b in
            let row = table[a * 2 + (b - 2)]
            return Self.components(row[0], sector: row[1])
        }
        #expect(abs(calibration.sector - 0.1) < 1e-12)
        #expect(calibration.similarity == 1)    // no spread: left alone
        #expect(calibration.country == 1)
    }

    @Test func aComponentIsNeverEnlarged() {
        let calibration = ScoreCalibration.measured(rows: [0, 1], columns: [2, 3]) { a, b in
            Self.components(Double(a + b) / 10, sector: a == 0 ? 0 : 0.01)
        }
        #expect(calibration.sector == 1)
    }

    @Test func withoutTextLinksEveryFactorIsOne() {
        let calibration = ScoreCalibration.measured(rows: [0, 1, 2], columns: [3, 4]) { a, _ in
            Self.components(0, sector: Double(a % 2))
        }
        #expect(calibration == .identity)
    }

    @Test func scoresStayInTheUnitIntervalAndFollowTheFormula() throws {
        let participants = KernelAgreementTests.randomMarket(seed: 9, consortium: 8, counterparts: 9)
        let encoding = try ParticipantEncoder(thesaurus: MatchingFixtures.reference.thesaurus).encode(participants)
        let weights = ScoringWeights.defaults
        let model = ScoringModel(participants: participants, encoding: encoding, weights: weights,
                                 reference: MatchingFixtures.reference, pairs: (Array(0..<8), Array(8..<17)))
        let k = model.calibration
        let total = weights.total
        for a in 0..<8 {
            for b in 8..<17 {
                let c = model.components(a, b)
                var profile: Float = 0
                for (u, v) in zip(encoding.profiles.row(a), encoding.profiles.row(b)) { profile += u * v }
                let expected = (weights.complementarity * c.complementarity + weights.similarity * k.similarity * Double(profile)
                    - weights.competition * k.competition * c.competition + weights.sector * k.sector * c.sector
                    + weights.country * k.country * c.country + weights.cooperation * k.cooperation * c.cooperation) / total
                #expect(abs(Double(model.rawScore(a, b)) - expected) < 1e-5)
                #expect(abs(c.complementarity - (c.offerToNeed + c.needFromOffer) / 2) < 1e-6)   // arithmetic by default
            }
        }
    }
}
