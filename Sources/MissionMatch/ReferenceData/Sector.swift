/// A sector of the programme's taxonomy, e.g. `packaging` or `food`.
public struct Sector: Sendable, Hashable, Codable, Identifiable {
    /// The code, lowercase `[a-z0-9-]+`, e.g. `plastics`.
    public var code: String
    /// The display name, e.g. `Plastics, polymers and biopolymers`.
    public var name: String
    /// Other names organisers use, e.g. `polymers`, `bioplastics`.
    public var aliases: [String]
    /// What the sector covers.
    public var description: String

    /// The code.
    public var id: String { code }

    /// Creates a sector.
    ///
    /// - Parameters:
    ///   - code: The lowercase code.
    ///   - name: The display name.
    ///   - aliases: Other names.
    ///   - description: What it covers.
    public init(code: String, name: String, aliases: [String] = [], description: String = "") {
        self.code = code
        self.name = name
        self.aliases = aliases
        self.description = description
    }
}

/// How close two sectors are along a value chain (one row of the affinity table).
public struct SectorAffinity: Sendable, Hashable, Codable {
    /// One sector's code.
    public var sectorA: String
    /// The other sector's code.
    public var sectorB: String
    /// The affinity, in [0, 1].
    public var affinity: Double
    /// Why the two sectors work together, for explanations.
    public var why: String

    /// Creates an affinity.
    ///
    /// - Parameters:
    ///   - sectorA: One code.
    ///   - sectorB: The other code.
    ///   - affinity: A value in [0, 1].
    ///   - why: A short reason.
    public init(sectorA: String, sectorB: String, affinity: Double, why: String = "") {
        self.sectorA = sectorA
        self.sectorB = sectorB
        self.affinity = affinity
        self.why = why
    }
}
