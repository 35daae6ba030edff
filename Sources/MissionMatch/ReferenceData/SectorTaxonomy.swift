/// The programme's sectors and how close they are to each other.
///
/// Lookups accept a code, a name or an alias, ignoring case, accents and
/// punctuation. Affinity is symmetric, 1 between a sector and itself, and 0 for
/// pairs the table does not list.
///
/// ```swift
/// taxonomy.sector(matching: "Food & drink")?.code      // "food"
/// taxonomy.affinity(between: "packaging", and: "food")  // 0.9
/// taxonomy.affinity(between: "food", and: "packaging")  // 0.9
/// ```
public struct SectorTaxonomy: Sendable, Equatable {
    /// The sectors in the order given.
    public let sectors: [Sector]
    /// The affinities as given (one per unordered pair).
    public let affinities: [SectorAffinity]
    /// The affinity matrix in ``sectors`` order, row-major, `sectors.count²` values.
    public let affinityMatrix: [Double]
    private let indexByCode: [String: Int]
    private let indexByKey: [String: Int]
    private let reasons: [String: String]

    /// Builds the lookup tables and the affinity matrix.
    ///
    /// Affinities naming an unknown sector are ignored; a later row for the same
    /// pair replaces an earlier one.
    ///
    /// - Parameters:
    ///   - sectors: The sectors.
    ///   - affinities: Affinities between pairs of sector codes.
    /// - Complexity: O(*n*² + *a*) for *n* sectors and *a* affinities.
    public init(sectors: [Sector], affinities: [SectorAffinity] = []) {
        self.sectors = sectors
        self.affinities = affinities
        var byCode: [String: Int] = [:]
        var byKey: [String: Int] = [:]
        for (index, sector) in sectors.enumerated() {
            byCode[sector.code] = byCode[sector.code] ?? index
            for text in [sector.code, sector.name] + sector.aliases {
                let key = LookupKey.squashed(text)
                if !key.isEmpty, byKey[key] == nil { byKey[key] = index }
            }
        }
        let n = sectors.count
        var matrix = Array(repeating: 0.0, count: n * n)
        for i in 0..<n { matrix[i * n + i] = 1 }
        var reasons: [String: String] = [:]
        for entry in affinities {
            guard let i = byCode[entry.sectorA], let j = byCode[entry.sectorB], i != j else { continue }
            matrix[i * n + j] = entry.affinity
            matrix[j * n + i] = entry.affinity
            reasons[Self.pairKey(entry.sectorA, entry.sectorB)] = entry.why
        }
        self.indexByCode = byCode
        self.indexByKey = byKey
        self.affinityMatrix = matrix
        self.reasons = reasons
    }

    /// The sector with this code.
    ///
    /// - Parameter code: A sector code, exactly.
    /// - Returns: The sector, or `nil`.
    public func sector(code: String) -> Sector? {
        indexByCode[code].map { sectors[$0] }
    }

    /// The position of a sector code in ``sectors``.
    ///
    /// - Parameter code: A sector code.
    /// - Returns: The index, or `nil` for an unknown code.
    public func index(of code: String) -> Int? { indexByCode[code] }

    /// The sector a text names, by code, name or alias.
    ///
    /// - Parameter text: What the organiser wrote.
    /// - Returns: The sector, or `nil` when nothing matches.
    public func sector(matching text: some StringProtocol) -> Sector? {
        indexByKey[LookupKey.squashed(text)].map { sectors[$0] }
    }

    /// The affinity of two sectors: 1 for the same code (or the same free label),
    /// the table's value for a listed pair, 0 otherwise.
    ///
    /// - Parameters:
    ///   - a: A sector code or free label.
    ///   - b: Another sector code or free label.
    /// - Returns: A value in [0, 1].
    /// - Complexity: O(1).
    public func affinity(between a: String, and b: String) -> Double {
        if a == b { return 1 }
        guard let i = indexByCode[a], let j = indexByCode[b] else { return 0 }
        return affinityMatrix[i * sectors.count + j]
    }

    /// Why two sectors have affinity, as the table explains it.
    ///
    /// - Parameters:
    ///   - a: A sector code.
    ///   - b: Another sector code.
    /// - Returns: The table's reason, or `nil` when the pair is not listed.
    public func reason(between a: String, and b: String) -> String? {
        reasons[Self.pairKey(a, b)]
    }

    /// Two taxonomies are equal when they hold the same sectors and affinities.
    public static func == (lhs: SectorTaxonomy, rhs: SectorTaxonomy) -> Bool {
        lhs.sectors == rhs.sectors && lhs.affinities == rhs.affinities
    }

    private static func pairKey(_ a: String, _ b: String) -> String {
        a < b ? a + "\u{1F}" + b : b + "\u{1F}" + a
    }
}
