import MissionMatch

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
        let conceptCount = (latent.lazy.flatMap { $0.offers + $0.needs }.max() ?? -1) + 1
        var offeredBy = [[Int32]](repeating: [], count: conceptCount)
        var neededBy = [[Int32]](repeating: [], count: conceptCount)
        for j in 0..<m {
            for concept in latent[n + j].offers { offeredBy[concept].append(Int32(j)) }
            for concept in latent[n + j].needs { neededBy[concept].append(Int32(j)) }
        }
        var expanded: [[String]: Set<String>] = [:]
        let targets: [Set<String>] = participants.map { p in
            if let known = expanded[p.targetCountries] { return known }
            let set = countries.expand(p.targetCountries)
            expanded[p.targetCountries] = set
            return set
        }
        let ids = participants.map(\.id)
        let countryOf = participants.map(\.country)
        // Bit 1: forward (a offers what b needs); bit 2: backward (b offers what a needs).
        var flags = [UInt8](repeating: 0, count: m)
        var touched: [Int32] = []
        var lists: [[GroundTruth.GradedPartner]] = []
        lists.reserveCapacity(n)
        for i in 0..<n {
            for concept in latent[i].offers {
                for j in neededBy[concept] {
                    if flags[Int(j)] == 0 { touched.append(j) }
                    flags[Int(j)] |= 1
                }
            }
            for concept in latent[i].needs {
                for j in offeredBy[concept] {
                    if flags[Int(j)] == 0 { touched.append(j) }
                    flags[Int(j)] |= 2
                }
            }
            // Counterpart ids have one width, so index order is id order.
            touched.sort()
            var list: [GroundTruth.GradedPartner] = []
            list.reserveCapacity(touched.count)
            for j in touched {
                let b = n + Int(j)
                let f = flags[Int(j)]
                let mutual = f == 3 && targets[i].contains(countryOf[b]) && targets[b].contains(countryOf[i])
                list.append((partner: ids[b], relevance: relevance(forward: f & 1 != 0, backward: f & 2 != 0, mutual: mutual)))
                flags[Int(j)] = 0
            }
            lists.append(list)
            touched.removeAll(keepingCapacity: true)
        }
        return GroundTruth(participants: Array(ids.prefix(n)), sortedLists: lists)
    }
}
