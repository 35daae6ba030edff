import MatchCore
import Testing
@testable import SentenceEncoder

@Suite struct ClauseSplitterTests {
    @Test func sentencesAndLinesAreClauses() {
        #expect(ClauseSplitter.clauses(of: "Tinned sardines in olive oil. Family cannery since 1920.")
                == ["Tinned sardines in olive oil.", "Family cannery since 1920."])
        #expect(ClauseSplitter.clauses(of: "PLA trays\nCold chain!  Why not?")
                == ["PLA trays", "Cold chain!", "Why not?"])
        #expect(ClauseSplitter.clauses(of: "  \n ") == [])
        #expect(ClauseSplitter.clauses(of: "") == [])
    }

    @Test func numbersAddressesAndAbbreviationsInsideWordsAreNotCut() {
        #expect(ClauseSplitter.clauses(of: "Films of 3.5 mm, see www.example.com or e-mail.")
                == ["Films of 3.5 mm, see www.example.com or e-mail."])
    }

    @Test func longSentencesAreCutAtCommasAndSemicolons() {
        let text = "We mill Picual olive oil for restaurants, sell bulk oil in IBC containers; and bottle our own brand for shops"
        #expect(ClauseSplitter.clauses(of: text) == [
            "We mill Picual olive oil for restaurants,", "sell bulk oil in IBC containers;",
            "and bottle our own brand for shops",
        ])
        let short = "Olive oil, vinegar; olives"
        #expect(ClauseSplitter.clauses(of: short) == [short])
    }

    /// A comma inside brackets is no cut, and a piece of one or two words joins its neighbour:
    /// quoted alone ("electronics).", "LSR,") it would say nothing.
    @Test func bracketsAndShortPiecesStayWithTheirClause() {
        let text = "Low-temperature plasma sterilisation units, and validated sterilisation as a service, "
            + "for heat-sensitive single-use devices (polymers, electronics)."
        #expect(ClauseSplitter.clauses(of: text) == [
            "Low-temperature plasma sterilisation units,", "and validated sterilisation as a service,",
            "for heat-sensitive single-use devices (polymers, electronics).",
        ])
        let list = "Micro-moulding of parts down to 0.01 g, catheter hubs and connectors, pad printing, ultrasonic welding."
        #expect(ClauseSplitter.clauses(of: list) == [
            "Micro-moulding of parts down to 0.01 g,", "catheter hubs and connectors, pad printing, ultrasonic welding.",
        ])
        let first = "LSR, 2K moulding of inhaler housings and luer parts, validation included for every new tool"
        #expect(ClauseSplitter.clauses(of: first) == [
            "LSR, 2K moulding of inhaler housings and luer parts,", "validation included for every new tool",
        ])
        // An unbalanced closing bracket does not keep the rest of the sentence whole.
        let unbalanced = "Trays :) for meat and poultry packers in France, lidding films for ready meals, and cups for dairy"
        #expect(ClauseSplitter.clauses(of: unbalanced).count == 3)
    }

    /// On random sentences of words, brackets, commas and semicolons: nothing is lost, a
    /// sentence of at most 12 words stays whole, every piece of a longer one has at least three
    /// words (or is the whole sentence), and no piece ends inside a bracket its sentence opened.
    @Test func randomSentencesAreCutOnlyWhereTheRulesSay() {
        var generator = SeededRandomNumberGenerator(seed: 2026)
        let tokens = ["moulding", "PP", "trays,", "films;", "(PET,", "PE)", "[grades,", "A]", "{x,", "y}", "for", "the", "food",
                      "contact,", "and", ",", ";", ")", "(", "Tier-1", "0.5", "mm,", "e-mail", "ISO 13485,"]
        for _ in 0..<3_000 {
            let sentence = (0..<Int.random(in: 1...30, using: &generator)).map { _ in tokens.randomElement(using: &generator) ?? "" }
                .joined(separator: " ")
            let clauses = ClauseSplitter.clauses(of: sentence)
            let words = { (text: String) in text.split(whereSeparator: { $0.isWhitespace }).count }
            #expect(clauses.joined(separator: " ").split(whereSeparator: { $0.isWhitespace })
                    == sentence.split(whereSeparator: { $0.isWhitespace }), "\(sentence)")
            if words(sentence) <= ClauseSplitter.longSentenceWords { #expect(clauses.count <= 1, "\(sentence)") }
            if clauses.count > 1 {
                #expect(clauses.allSatisfy { words($0) >= ClauseSplitter.shortestPieceWords }, "\(sentence)")
            }
            var depth = 0
            for clause in clauses.dropLast() {
                for scalar in clause.unicodeScalars {
                    if "([{".unicodeScalars.contains(scalar) { depth += 1 }
                    if ")]}".unicodeScalars.contains(scalar) { depth = max(0, depth - 1) }
                }
                #expect(depth == 0, "cut inside brackets: \(clauses)")
            }
        }
    }

    /// Joined with blanks, the clauses hold every non-blank character of the text, in order.
    @Test(arguments: ["A. B, c; d! e? f\ng", "x" + String(repeating: " word,", count: 40), "Ünïcödé façade. 東京 製造。 ok",
                      "(a, b, c, d, e, f, g, h, i, j, k, l, m", "one two three, " + String(repeating: "(x, y) z, ", count: 9)])
    func nothingIsLost(text: String) {
        let joined = ClauseSplitter.clauses(of: text).joined(separator: " ")
        #expect(joined.unicodeScalars.filter { !$0.properties.isWhitespace }.map(String.init).joined()
                == text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(String.init).joined())
    }
}
