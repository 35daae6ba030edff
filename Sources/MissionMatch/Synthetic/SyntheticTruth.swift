/// Grades every (consortium, counterpart) pair of a synthetic programme from
/// the latent profiles (the definition is in ``SyntheticProgrammeGenerator``).
enum SyntheticTruth {
    /// The relevance of a pair: 3 reciprocal and mutually targeted, 2 reciprocal,
    /// 1 one-directional, 0 otherwise.
    static func relevance(forward: Bool, backward: Bool, mutual: Bool) -> Int {
        switch (forward, backward) {
        case (true, true): mutual ? 3 : 2
        case (true, false), (false, true): 1
        case (false, false): 0
        }
    }

    /// The truth, built with inverted indexes from concepts to counterparts.
    ///
    /// - Complexity: O(*n* + *m* + *t*) for *t* relevant pairs (plus sorting each participant's list).
    static func grade(participants: [Participant], latent: [LatentProfile], consortiumCount n: Int,
                      countries: CountryTable) -> GroundTruth {
        let m = participants.count - n
        var offeredBy: [Int: [Int32]] = [:]
        var neededBy: [Int: [Int32]] = [:]
        for j in 0..<m {
            for concept in latent[n + j].offers { offeredBy[concept, default: []].append(Int32(j)) }
            for concept in latent[n + j].needs { neededBy[concept, default: []].append(Int32(j)) }
        }
        var expanded: [[String]: Set<String>] = [:]
        func targets(_ p: Participant) -> Set<String> {
            if let known = expanded[p.targetCountries] { return known }
            let set = countries.expand(p.targetCountries)
            expanded[p.targetCountries] = set
            return set
        }
        // Bit 1: forward (a offers what b needs); bit 2: backward (b offers what a needs).
        var flags = [UInt8](repeating: 0, count: m)
        var touched: [Int32] = []
        var judgements: [GroundTruth.Judgement] = []
        for i in 0..<n {
            for concept in latent[i].offers {
                for j in neededBy[concept] ?? [] {
                    if flags[Int(j)] == 0 { touched.append(j) }
                    flags[Int(j)] |= 1
                }
            }
            for concept in latent[i].needs {
                for j in offeredBy[concept] ?? [] {
                    if flags[Int(j)] == 0 { touched.append(j) }
                    flags[Int(j)] |= 2
                }
            }
            touched.sort()
            let a = participants[i]
            let aTargets = targets(a)
            for j in touched {
                let b = participants[n + Int(j)]
                let f = flags[Int(j)]
                let mutual = f == 3 && aTargets.contains(b.country) && targets(b).contains(a.country)
                let grade = relevance(forward: f & 1 != 0, backward: f & 2 != 0, mutual: mutual)
                judgements.append(GroundTruth.Judgement(participant: a.id, partner: b.id, relevance: grade))
                flags[Int(j)] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        return GroundTruth(judgements)
    }
}
