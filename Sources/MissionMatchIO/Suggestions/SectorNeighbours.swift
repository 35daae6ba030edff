import MissionMatch

/// The taxonomy entries closest to a sector name the taxonomy does not know:
/// each word of the name is paired with the most similar word of a sector's
/// code, name and aliases (Dice coefficient of their character trigrams), and
/// the sector scores the mean over the name's words — so `Plasturgie` finds
/// `plastics`, `Papier et carton` finds `paper`, `Agri-food industry` finds
/// `agrifood`. Words under three letters and a few link words are left out.
enum SectorNeighbours {
    /// The most neighbours listed per name.
    static let count = 3
    /// The lowest score listed.
    static let threshold = 0.3
    private static let linkWords: Set<String> = ["and", "the", "for", "aux", "des", "les", "une", "und", "der", "die", "das", "von",
                                                  "del", "los", "las", "con", "per", "gli", "della", "delle"]

    /// Up to ``count`` sector codes, closest first (ties by taxonomy order); none below ``threshold``.
    ///
    /// - Complexity: O(sectors · words of their texts · words of the name).
    static func nearest(to name: String, in taxonomy: SectorTaxonomy) -> [String] {
        let words = self.words(name)
        guard !words.isEmpty else { return [] }
        var scored: [(code: String, score: Double, order: Int)] = []
        for (order, sector) in taxonomy.sectors.enumerated() {
            let candidates = ([sector.code, sector.name] + sector.aliases).flatMap(self.words)
            guard !candidates.isEmpty else { continue }
            let best = words.reduce(0.0) { sum, word in sum + (candidates.map { dice(word, $0) }.max() ?? 0) } / Double(words.count)
            if best >= threshold { scored.append((sector.code, best, order)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        return scored.prefix(count).map(\.code)
    }

    private static func words(_ text: String) -> [Set<String>] {
        LookupKey.words(text).split(separator: " ").filter { $0.count >= 3 && !linkWords.contains(String($0)) }.map { word in
            let padded = Array(" " + word + " ")
            return Set((0...(padded.count - 3)).map { String(padded[$0..<$0 + 3]) })
        }
    }

    private static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return 2 * Double(a.intersection(b).count) / Double(a.count + b.count)
    }
}
