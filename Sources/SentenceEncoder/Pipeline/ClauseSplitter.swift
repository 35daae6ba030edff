/// Cuts a profile text into the clauses a reason can quote: sentences, and
/// long sentences at their commas and semicolons — never inside brackets
/// ("devices (polymers, electronics)" stays whole), and never leaving a piece
/// of fewer than ``shortestPieceWords`` words ("LSR," joins the clause before
/// it), since such a piece quoted alone says nothing.
///
/// Cuts fall only after punctuation followed by a blank (or at a line end),
/// so that a WordPiece tokenizer, which splits on blanks and punctuation
/// anyway, gives the same tokens for the clauses one after another as for
/// the whole text: the clauses' vectors can be pooled from the text's own
/// forward pass. "3.5 mm", "e-mail" and "www.example.com" are never cut.
///
/// ```swift
/// ClauseSplitter.clauses(of: "Tinned sardines in olive oil. Family cannery since 1920.")
/// // ["Tinned sardines in olive oil.", "Family cannery since 1920."]
/// ```
package enum ClauseSplitter {
    /// A sentence longer than this many words is cut again at `,` and `;` (12).
    package static let longSentenceWords = 12
    /// The version of these rules, kept with cached clauses (``EmbeddingCache``):
    /// raise it whenever a text would be cut differently, so that no cache
    /// hands out clauses a fresh run would not cut.
    package static let rulesVersion = 2
    /// A piece of a long sentence with fewer words than this joins its neighbour (3).
    package static let shortestPieceWords = 3

    /// The clauses of a text, in order, trimmed, none empty; their
    /// concatenation with single blanks holds every word of the text.
    ///
    /// - Complexity: O(text length).
    package static func clauses(of text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar == "\n" || scalar == "\r" {
                flush(&current, into: &sentences)
                continue
            }
            current.unicodeScalars.append(scalar)
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if ".!?".unicodeScalars.contains(scalar), next == nil || next?.properties.isWhitespace == true {
                flush(&current, into: &sentences)
            }
        }
        flush(&current, into: &sentences)
        return sentences.flatMap(splitLong)
    }

    private static func flush(_ current: inout String, into list: inout [String]) {
        let trimmed = current.trimmingBlanks()
        if !trimmed.isEmpty { list.append(trimmed) }
        current = ""
    }

    /// A sentence of more than ``longSentenceWords`` words cut after `,` / `;`
    /// followed by a blank, outside brackets; a piece shorter than
    /// ``shortestPieceWords`` joins the piece before it (the first, the one after it).
    private static func splitLong(_ sentence: String) -> [String] {
        guard wordCount(sentence) > longSentenceWords else { return [sentence] }
        var parts: [String] = []
        var current = ""
        var depth = 0  // open brackets: ( [ {
        let scalars = Array(sentence.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            current.unicodeScalars.append(scalar)
            if "([{".unicodeScalars.contains(scalar) { depth += 1 }
            if ")]}".unicodeScalars.contains(scalar) { depth = max(0, depth - 1) }
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if depth == 0, ",;".unicodeScalars.contains(scalar), next?.properties.isWhitespace == true {
                flush(&current, into: &parts)
            }
        }
        flush(&current, into: &parts)
        var pieces: [String] = []
        for part in parts {
            if let last = pieces.indices.last, wordCount(part) < shortestPieceWords {
                pieces[last] += " " + part
            } else {
                pieces.append(part)
            }
        }
        if pieces.count > 1, wordCount(pieces[0]) < shortestPieceWords {
            pieces[1] = pieces[0] + " " + pieces[1]
            pieces.removeFirst()
        }
        return pieces
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }
}

extension String {
    /// Without leading and trailing Unicode blanks.
    func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
