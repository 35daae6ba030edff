import MissionMatch

/// What the requests and pair-scores readers need to know about participants:
/// which ids exist and on which side each is.
struct ParticipantDirectory {
    private var sides: [String: Side?] = [:]
    let pairing: Pairing?

    init(participants: [Participant], pairing: Pairing?) {
        sides.reserveCapacity(participants.count)
        // By index, reading two fields: a `for participant in` loop copied every whole participant
        // (a programme's 23,100 took a twentieth of a second of the one core that reads the inputs).
        for index in participants.indices { sides[participants[index].id] = participants[index].side }
        self.pairing = pairing
    }

    func contains(_ id: String) -> Bool { sides[id] != nil }

    /// The shared side when two participants of a bipartite mission are on the same side.
    func sharedSide(_ a: String, _ b: String) -> Side? {
        guard pairing == .bipartite, let sideA = sides[a] ?? nil, let sideB = sides[b] ?? nil, sideA == sideB else { return nil }
        return sideA
    }

    /// An order-free key for a pair of ids.
    static func pairKey(_ a: String, _ b: String) -> String {
        a < b ? a + "\u{1F}" + b : b + "\u{1F}" + a
    }
}

extension ParticipantDirectory {
    /// Checks that a cell names an existing participant.
    func checkedID(_ id: String, column: String, line: Int, in table: CSVTable) -> String? {
        guard !id.isEmpty else {
            table.error(line: line, field: column, "the id is missing", hint: "write a participant id from the participants file")
            return nil
        }
        guard contains(id) else {
            table.error(line: line, field: column, "'\(id)' is not the id of any participant",
                        hint: "use an id from the participants file", kind: .unknownReference)
            return nil
        }
        return id
    }

    /// Checks that two ids form a valid pair, listed once; `seen` remembers the first line of each pair.
    func checkPair(_ a: String, _ b: String, column: String, line: Int, verb: String, in table: CSVTable,
                   seen: inout [String: Int]) {
        if a == b {
            table.error(line: line, field: column, "'\(b)' is the same participant as the first one",
                        hint: "a pair joins two different participants")
        } else if let side = sharedSide(a, b) {
            table.error(line: line, field: column, "'\(a)' and '\(b)' are both on side \(side)",
                        hint: "a bipartite mission only pairs participants of different sides")
        } else if let first = seen[Self.pairKey(a, b)] {
            table.error(line: line, field: column, "the pair '\(a)', '\(b)' was already \(verb) on \(table.place(first))",
                        hint: "keep one line per pair", kind: .duplicate)
        } else {
            seen[Self.pairKey(a, b)] = line
        }
    }
}
