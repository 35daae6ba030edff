import Foundation
import MatchCore
import MissionMatch
@testable import MissionMatchIO
import PropertyBased
import Testing

/// The fast paths of reading and checking the files of a sharded ranking
/// against the plain computations they replace: the exact-evidence check
/// without expanding the stored rows, the bulk reading of candidate lists
/// with the byte of a bad candidate named, and the canonical participants CSV
/// behind the participants digest rendered in parallel chunks.
@Suite("Sharded ranking files: fast reading")
struct ShardFileReadingTests {
    @Test("The exact-evidence check equals comparing with the expanded sparse matrix, on random matrices")
    func sparseCheck() {
        var generator = MatchCore.SeededRandomNumberGenerator(seed: 17)
        var equalSeen = 0, differentSeen = 0
        for _ in 0..<400 {
            let rows = Int(generator.next() % 6), columns = 1 + Int(generator.next() % 7)
            let values: [Float] = [0, 0, 0, -0.0, 0.25, -1.5, 3]
            var dense = Matrix(rows: rows, columns: columns,
                               elements: (0..<(rows * columns)).map { _ in values[Int(generator.next() % UInt64(values.count))] })
            let sparse = CSRMatrix(dense)
            if rows > 0, generator.next() % 2 == 0 {
                // Change one element: to zero, to a stored value's neighbour, or to a new non-zero.
                let position = Int(generator.next() % UInt64(rows * columns))
                dense.withUnsafeMutableBufferPointer { elements in
                    elements[position] = [Float(0), 0.5, elements[position] + 1][Int(generator.next() % 3)]
                }
            }
            var narrow = sparse
            if generator.next() % 10 == 0 { narrow = CSRMatrix(Matrix(rows: rows, columns: columns + 1)) }
            let expected = dense == Matrix(narrow)
            #expect(EncodingFile.equal(dense, narrow) == expected)
            if expected { equalSeen += 1 } else { differentSeen += 1 }
        }
        #expect(equalSeen > 50 && differentSeen > 50)
    }

    @Test("A part whose candidate names no participant is refused at that candidate's byte")
    func badCandidateByte() throws {
        let shard = try ShardSpec(index: 1, count: 1)
        let good = [Candidate(partner: 3, score: 0.5, offerToNeed: 0.4, needFromOffer: -0.1),
                    Candidate(partner: 2, score: 0.25, offerToNeed: 0.3, needFromOffer: 0.2)]
        for (list, position, found) in [(0, 1, 12), (2, 0, 40)] {
            var rowLists = [good, good, good]
            rowLists[list][position].partner = found
            let part = RankingPart(shard: shard, top: 1, candidates: 2, participants: 6, rows: 3, columns: 3, block: 0..<3,
                                   rowLists: rowLists, columnLists: [[], [], []])
            let data = RankingPartFile(part: part, run: 9, missionID: "m", options: RankingOptions(),
                                       sources: .init(mission: nil, encoding: nil, data: nil)).data()
            let headerLength = Int(data[12]) | Int(data[13]) << 8 | Int(data[14]) << 16 | Int(data[15]) << 24
            // Each list: a count word, then 16 bytes per candidate; the offset is the one after the bad candidate.
            let byte = 16 + headerLength + list * (4 + 16 * good.count) + 4 + 16 * (position + 1)
            #expect { try RankingPartFile.read(data, name: "part-1") } throws: { error in
                "\(error)".contains("part-1") && "\(error)".contains("byte \(byte): a candidate names participant \(found + 1) of 6")
            }
        }
    }

    @Test("A part whose candidate carries a direction cosine that is not a number is refused at that candidate")
    func nonFiniteDirection() throws {
        let shard = try ShardSpec(index: 1, count: 1)
        for bad in [Float.nan, .infinity, -.infinity] {
            let rowLists = [[Candidate(partner: 3, score: 0.5, offerToNeed: 0.4, needFromOffer: bad)], [], []]
            let part = RankingPart(shard: shard, top: 1, candidates: 2, participants: 6, rows: 3, columns: 3, block: 0..<3,
                                   rowLists: rowLists, columnLists: [[], [], []])
            let data = RankingPartFile(part: part, run: 9, missionID: "m", options: RankingOptions(),
                                       sources: .init(mission: nil, encoding: nil, data: nil)).data()
            #expect { try RankingPartFile.read(data, name: "part-1") } throws: { error in
                "\(error)".contains("part-1") && "\(error)".contains("a number that is not finite")
            }
        }
    }

    @Test("The participants CSV rendered in chunks has the bytes of the one-pass rendering, on random participants")
    func participantsCSV() {
        var generator = Xoshiro(seed: (23, 5, 7, 11))
        let rawCharacters = Array(" \t\u{0B}\u{0C}\u{1F}\u{7F}aZ9,;\"\n\r|é中\u{301}\u{A0}\u{2003}")
        func raw() -> String {
            String((0..<Int(generator.next() % 6)).map { _ in rawCharacters[Int(generator.next() % UInt64(rawCharacters.count))] })
        }
        for round in 0..<12 {
            // Above 512 rows the writer renders chunks in parallel.
            let count = round < 6 ? 1 + Int(generator.next() % 40) : 600 + Int(generator.next() % 900)
            let participants = (0..<count).map { index in
                var participant = RoundTripPropertyTests.participant(index, &generator)
                switch generator.next() % 4 {
                case 0: participant.name = raw()
                case 1: participant.offers = raw() + "x" + raw()
                case 2: participant.extraFields.append(ExtraField(name: "Raw \(index % 3)", value: raw()))
                default: break
                }
                return participant
            }
            for (delimiter, lineEnd) in [(Character(","), "\n"), (";", "\r\n"), ("\t", "\n")] {
                let writer = ParticipantCSVWriter(delimiter: delimiter, lineEnd: lineEnd)
                #expect(writer.csv(for: participants) == Self.reference(participants, delimiter: delimiter, lineEnd: lineEnd))
            }
        }
    }

    /// The writer as it was before its rows were rendered in chunks (one pass,
    /// the scalar and Character checks for every cell): the bytes to keep.
    static func reference(_ participants: [Participant], delimiter: Character, lineEnd: String) -> String {
        func quoted(_ value: String) -> String {
            let delimiterScalars = delimiter.unicodeScalars
            let needsQuotes = value.unicodeScalars.contains { $0 == "\"" || $0 == "\n" || $0 == "\r" || delimiterScalars.contains($0) }
                || value.first?.isWhitespace == true || value.last?.isWhitespace == true
            return needsQuotes ? PlainCSV.quotedField(value) : value
        }
        var extraNames: [String] = []
        for participant in participants {
            for field in participant.extraFields where !extraNames.contains(field.name) { extraNames.append(field.name) }
        }
        let preferences = participants.contains { !$0.wantsMissions.isEmpty || !$0.refusesMissions.isEmpty }
        let fields = ParticipantField.allCases.filter { preferences || ($0 != .wantsMissions && $0 != .refusesMissions) }
        // The cells themselves come from the writer; this reference checks the quoting and the assembly.
        let single = ParticipantCSVWriter(delimiter: delimiter, lineEnd: lineEnd)
        var text = (fields.map(\.name) + extraNames).map(quoted).joined(separator: String(delimiter)) + lineEnd
        for participant in participants {
            text += single.cells(of: participant, fields: fields, extraNames: extraNames).map(quoted).joined(separator: String(delimiter)) + lineEnd
        }
        return text
    }
}
