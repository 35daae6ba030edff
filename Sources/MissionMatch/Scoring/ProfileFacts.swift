import MatchCore

/// The non-text facts of participants the score uses, in index form: sectors,
/// countries, target countries and cooperation types, over the dimensions
/// actually present in one mission.
package struct ProfileFacts: Sendable {
    /// The sectors present (taxonomy codes and free labels), sorted.
    package let sectorCodes: [String]
    /// The sector affinity between every two present sectors, row-major.
    package let sectorAffinity: [Float]
    /// The countries participants are from, sorted.
    package let countryCodes: [String]
    /// Per participant: indices of its sectors.
    package let sectors: [[Int]]
    /// Per participant: index of its country.
    package let country: [Int]
    /// Per participant: whether each present country is among its targets (empty targets mean any).
    package let targets: [[Bool]]
    /// Per participant: whether it states explicit targets.
    package let hasExplicitTargets: [Bool]
    /// Per participant: its cooperation types as a bit set over `CooperationType.allCases`.
    package let cooperation: [UInt16]

    init(participants: [Participant], reference: ReferenceData) {
        var sectorSet: Set<String> = [], countrySet: Set<String> = []
        // By index: `for participant in participants` (or a key path) copies every field of each one.
        for index in participants.indices {
            sectorSet.formUnion(participants[index].sectors)
            countrySet.insert(participants[index].country)
        }
        let sectorCodes = sectorSet.sorted()
        let sectorIndex = Dictionary(uniqueKeysWithValues: sectorCodes.enumerated().map { ($1, $0) })
        var affinity = [Float](repeating: 0, count: sectorCodes.count * sectorCodes.count)
        for (i, a) in sectorCodes.enumerated() {
            for (j, b) in sectorCodes.enumerated() {
                affinity[i * sectorCodes.count + j] = Float(reference.sectors.affinity(between: a, and: b))
            }
        }
        let countryCodes = countrySet.sorted()
        let countryIndex = Dictionary(uniqueKeysWithValues: countryCodes.enumerated().map { ($1, $0) })
        let cooperationIndex = Dictionary(uniqueKeysWithValues: CooperationType.allCases.enumerated().map { ($1, $0) })
        self.sectorCodes = sectorCodes
        self.sectorAffinity = affinity
        self.countryCodes = countryCodes
        self.sectors = participants.indices.map { participants[$0].sectors.compactMap { sectorIndex[$0] } }
        self.country = participants.indices.map { countryIndex[participants[$0].country] ?? 0 }
        var targetCache: [[String]: [Bool]] = [:]
        self.targets = participants.indices.map { index in
            let targets = participants[index].targetCountries
            if let known = targetCache[targets] { return known }
            let expanded = targets.isEmpty ? nil : reference.countries.expand(targets)
            let row = countryCodes.map { expanded?.contains($0) ?? true }
            targetCache[targets] = row
            return row
        }
        self.hasExplicitTargets = participants.indices.map {
            !participants[$0].targetCountries.isEmpty && !participants[$0].targetCountries.contains(CountryTable.anyGroup)
        }
        self.cooperation = participants.indices.map { index in
            participants[index].cooperation.reduce(UInt16(0)) { $0 | (1 << UInt16(cooperationIndex[$1] ?? 0)) }
        }
    }

    /// Mean affinity over all pairs of the two participants' sectors (0 when either has none).
    func sectorScore(_ a: Int, _ b: Int) -> Float {
        let sa = sectors[a], sb = sectors[b]
        guard !sa.isEmpty, !sb.isEmpty else { return 0 }
        var sum: Float = 0
        for i in sa { for j in sb { sum += sectorAffinity[i * sectorCodes.count + j] } }
        return sum / Float(sa.count * sb.count)
    }

    /// ½·[b's country among a's targets] + ½·[a's country among b's targets].
    func countryScore(_ a: Int, _ b: Int) -> Float {
        (targets[a][country[b]] ? 0.5 : 0) + (targets[b][country[a]] ? 0.5 : 0)
    }

    /// Cosine of the two cooperation sets (0 when either is empty).
    func cooperationScore(_ a: Int, _ b: Int) -> Float {
        let common = (cooperation[a] & cooperation[b]).nonzeroBitCount
        guard common > 0 else { return 0 }
        return Float(common) / (Float(cooperation[a].nonzeroBitCount) * Float(cooperation[b].nonzeroBitCount)).squareRoot()
    }
}
