/// The text pipeline's view of one participant: what it offers and what it needs.
///
/// Offers come from the `offers` text and the `offer_tags`; needs from the
/// `needs` text and the `need_tags`. Contact fields are never read.
public struct ProfileAnalysis: Sendable, Equatable {
    /// Terms and concepts of what the participant offers.
    public var offers: AnalyzedText
    /// Terms and concepts of what the participant needs.
    public var needs: AnalyzedText

    /// Creates an analysis.
    ///
    /// - Parameters:
    ///   - offers: The offer side.
    ///   - needs: The need side.
    public init(offers: AnalyzedText, needs: AnalyzedText) {
        self.offers = offers
        self.needs = needs
    }

    /// The prefix of the pseudo-terms that stand for the sector of a concept
    /// found in a text (`§packaging`); no real word starts with it.
    public static let sectorTermPrefix = "§"

    /// Adds, for every concept mentioned, its sector as a pseudo-term, so that
    /// an offer and a need in the same field share a feature even when their
    /// concepts differ ("compostable capsules" ↔ "biodegradable trays").
    static func withSectors(_ text: AnalyzedText, _ thesaurus: Thesaurus) -> AnalyzedText {
        var result = text
        for mention in text.concepts {
            let sector = thesaurus.concepts[mention.concept].sector
            if !result.terms.isEmpty { result.phraseStarts.append(result.terms.count) }  // a phrase of its own
            result.terms.append(sectorTermPrefix + sector)
            result.termSurfaces.append(sector)
        }
        return result
    }

    /// Analyses participants on all cores.
    ///
    /// - Parameters:
    ///   - participants: The participants.
    ///   - analyzer: The text pipeline.
    /// - Returns: One analysis per participant, in order.
    /// - Complexity: O(total text length), split over the cores.
    public static func analyze(_ participants: [Participant], with analyzer: TextAnalyzer) -> [ProfileAnalysis] {
        ParallelChunks.map(count: participants.count, minimumChunk: 64) { range in
            var cache = TextAnalyzer.Cache()
            return range.map { index in
                let participant = participants[index]
                var offers = analyzer.analyze(participant.offers, cache: &cache)
                offers.append(analyzer.analyze(tags: participant.offerTags, cache: &cache))
                var needs = analyzer.analyze(participant.needs, cache: &cache)
                needs.append(analyzer.analyze(tags: participant.needTags, cache: &cache))
                return ProfileAnalysis(offers: withSectors(offers, analyzer.thesaurus), needs: withSectors(needs, analyzer.thesaurus))
            }
        }
    }
}
