import Testing
@testable import MissionMatch

/// A hostile "word" (one 1 MiB cell without a blank) must not make the typo
/// corrector quadratic: words beyond ``FormatLimits/maxCorrectedWordLength``
/// or longer than the vocabulary allows are kept as written without a lookup.
struct TypoCorrectorLimitTests {
    private static let long = String(repeating: "compostable", count: 6)  // 66 letters

    @Test func wordsBeyondTheDocumentedMaximumAreNotCorrected() {
        let corrector = TypoCorrector(vocabulary: [Self.long, "compostable"])
        #expect(corrector.maximumLength == FormatLimits.maxCorrectedWordLength)
        // One letter off a 66-letter vocabulary word: beyond the maximum, so kept as written.
        #expect(corrector.correction(for: String(Self.long.dropLast())) == nil)
        #expect(corrector.correction(for: "compostible") == "compostable")
    }

    @Test func theMaximumIsAParameter() {
        let corrector = TypoCorrector(vocabulary: [Self.long], maximumLength: 100)
        #expect(corrector.correction(for: String(Self.long.dropLast())) == Self.long)
    }

    @Test func wordsMuchLongerThanTheVocabularyAreSkipped() {
        let corrector = TypoCorrector(vocabulary: ["compostable"], maximumLength: 1 << 30)
        #expect(corrector.correction(for: "compostablexx") == nil)
        #expect(corrector.correction(for: "compostablex") == "compostable")
    }

    /// A hang guard, not a timing assertion: the old code took hours on this word.
    @Test(.timeLimit(.minutes(1)))
    func aOneMebibyteWordIsKeptAsWritten() {
        let corrector = TypoCorrector(vocabulary: ["compostable", "biodegradable"])
        let word = String(repeating: "x", count: 1 << 20)
        #expect(corrector.correction(for: word) == nil)
    }
}
