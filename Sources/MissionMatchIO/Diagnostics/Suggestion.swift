/// Finds the known word closest to a mistyped one, for "did you mean" hints.
enum Suggestion {
    /// The candidate with the smallest edit distance to `text`, if within `maxDistance`.
    ///
    /// - Complexity: O(*c* · *m* · *n*) for *c* candidates of length *n* and a text of length *m*.
    static func closest(to text: String, in candidates: some Sequence<String>, maxDistance: Int = 2) -> String? {
        let source = Array(text.lowercased().unicodeScalars)
        guard !source.isEmpty, source.count <= 64 else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let target = Array(candidate.lowercased().unicodeScalars)
            guard abs(target.count - source.count) <= maxDistance else { continue }
            let distance = editDistance(source, target)
            if distance <= maxDistance, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// Levenshtein distance with two rows.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
