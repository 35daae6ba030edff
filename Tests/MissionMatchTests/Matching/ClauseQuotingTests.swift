import MatchCore
import Testing
@testable import MissionMatch

/// How a reason quotes a clause found by meaning (`Explainer.quoted`).
struct ClauseQuotingTests {
    /// The rule as first written: the clause's words (split at blanks) joined by single spaces, at most 12, then `…`.
    static func reference(_ clause: String) -> String {
        let words = clause.split(whereSeparator: \.isWhitespace)
        return words.count <= 12 ? words.joined(separator: " ") : words.prefix(12).joined(separator: " ") + "…"
    }

    @Test func knownClauses() {
        #expect(Explainer.quoted("We supply floating car data.") == "We supply floating car data.")
        #expect(Explainer.quoted("  two\tblank\n kinds  ") == "two blank kinds")
        #expect(Explainer.quoted("one two three four five six seven eight nine ten eleven twelve")
                == "one two three four five six seven eight nine ten eleven twelve")
        #expect(Explainer.quoted("one two three four five six seven eight nine ten eleven twelve thirteen")
                == "one two three four five six seven eight nine ten eleven twelve…")
        #expect(Explainer.quoted("") == "")
        #expect(Explainer.quoted("Café\u{00A0}crème") == "Café crème")
    }

    @Test func theFastPathAgreesWithTheRuleOnRandomClauses() {
        var generator = SeededRandomNumberGenerator(seed: 41)
        let pieces = ["a", "bc", "Tinned", "fish", " ", " ", "  ", "\t", "\n", "\r\n", ".", ",", "é", "\u{00A0}", "\u{2003}",
                      "\u{1}", "x\u{301}", "数据"]
        var fast = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 0..<40, using: &generator)
            let clause = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            if Explainer.isQuotedAsIs(clause) { fast += 1 }
            #expect(Explainer.quoted(clause) == Self.reference(clause), "\(clause.debugDescription)")
        }
        // Random clauses of single-spaced words: most take the fast path, and it agrees.
        for _ in 0..<5_000 {
            let words = (0..<Int.random(in: 1..<16, using: &generator)).map { _ in
                ["we", "supply", "GPS", "trackers,", "data."][Int.random(in: 0..<5, using: &generator)]
            }
            let clause = words.joined(separator: " ")
            #expect(Explainer.isQuotedAsIs(clause) == (words.count <= 12))
            #expect(Explainer.quoted(clause) == Self.reference(clause))
            if words.count <= 12 { fast += 1 }
        }
        #expect(fast > 3_000)
    }
}
