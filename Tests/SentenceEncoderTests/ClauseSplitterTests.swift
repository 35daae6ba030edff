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

    /// Joined with blanks, the clauses hold every non-blank character of the text, in order.
    @Test(arguments: ["A. B, c; d! e? f\ng", "x" + String(repeating: " word,", count: 40), "Ünïcödé façade. 東京 製造。 ok"])
    func nothingIsLost(text: String) {
        let joined = ClauseSplitter.clauses(of: text).joined(separator: " ")
        #expect(joined.unicodeScalars.filter { !$0.properties.isWhitespace }.map(String.init).joined()
                == text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(String.init).joined())
    }
}
