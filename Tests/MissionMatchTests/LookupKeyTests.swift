import Foundation
import MatchCore
@testable import MissionMatch
import Testing

/// `LookupKey`'s byte path for ASCII text against the scalar path it shortcuts.
@Suite("Lookup keys")
struct LookupKeyTests {
    /// The keys as computed before the ASCII path: fold, then keep alphanumeric scalars.
    static func reference(_ text: String, spaces: Bool) -> String {
        let folded = text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.lowercased() : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var result = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if spaces, pendingSpace, !result.isEmpty { result.unicodeScalars.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    @Test("Exact values")
    func examples() {
        #expect(LookupKey.words("PLA-film ") == "pla film")
        #expect(LookupKey.words("  Nanoprogress s.r.o.") == "nanoprogress s r o")
        #expect(LookupKey.squashed("U.S.A.") == "usa")
        #expect(LookupKey.squashed("Türkiye") == "turkiye")
        #expect(LookupKey.words("Ölmez\r\nGmbH") == "olmez gmbh")
    }

    @Test("Random ASCII and non-ASCII text: the same keys as the scalar path")
    func randomized() {
        var generator = SeededRandomNumberGenerator(seed: 31)
        let ascii = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        let other = Array("éÜçŽ中²€ßªº½İı")
        for round in 0..<3_000 {
            let alphabet = round % 3 == 0 ? ascii + other : ascii
            let text = String((0..<Int(generator.next() % 24)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            #expect(LookupKey.words(text) == Self.reference(text, spaces: true), "\(text.debugDescription)")
            #expect(LookupKey.squashed(text) == Self.reference(text, spaces: false), "\(text.debugDescription)")
            #expect(LookupKey.words(Substring(text)) == Self.reference(text, spaces: true))
        }
    }
}
