/// A strategic partnership of clusters within the programme, e.g. AdPack².
public struct Partnership: Sendable, Hashable, Codable, Identifiable {
    /// The identifier, e.g. `adpack2`.
    public var id: String
    /// The display name, e.g. `AdPack²`.
    public var name: String
    /// What the partnership works on.
    public var focus: String
    /// The ids of its member clusters.
    public var clusters: [String]

    /// Creates a partnership.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - name: The display name.
    ///   - focus: Its field.
    ///   - clusters: Member cluster ids.
    public init(id: String, name: String, focus: String = "", clusters: [String] = []) {
        self.id = id
        self.name = name
        self.focus = focus
        self.clusters = clusters
    }
}

/// A cluster organisation of the programme, e.g. Nanoprogress z.s.
public struct Cluster: Sendable, Hashable, Codable, Identifiable {
    /// The identifier.
    public var id: String
    /// The name, as participants write it in their `cluster` column.
    public var name: String
    /// The id of the partnership it belongs to.
    public var partnership: String
    /// The alpha-2 code of its country.
    public var country: String
    /// Its home city.
    public var city: String
    /// Sector codes it covers.
    public var sectors: [String]
    /// Its web site.
    public var website: String

    /// Creates a cluster.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - name: The name.
    ///   - partnership: The partnership id.
    ///   - country: The alpha-2 code.
    ///   - city: The city.
    ///   - sectors: Sector codes.
    ///   - website: The web site.
    public init(id: String, name: String, partnership: String, country: String, city: String = "",
                sectors: [String] = [], website: String = "") {
        self.id = id
        self.name = name
        self.partnership = partnership
        self.country = country
        self.city = city
        self.sectors = sectors
        self.website = website
    }
}

/// The programme: its partnerships and their clusters.
///
/// ```swift
/// programme.cluster(named: "nanoprogress z.s.")?.country   // "CZ"
/// ```
public struct Programme: Sendable, Equatable, Codable {
    /// The partnerships.
    public var partnerships: [Partnership]
    /// The clusters.
    public var clusters: [Cluster]

    /// Creates a programme.
    ///
    /// - Parameters:
    ///   - partnerships: The partnerships.
    ///   - clusters: The clusters.
    public init(partnerships: [Partnership] = [], clusters: [Cluster] = []) {
        self.partnerships = partnerships
        self.clusters = clusters
    }

    /// The partnership with this id.
    ///
    /// - Parameter id: A partnership id.
    /// - Returns: The partnership, or `nil`.
    public func partnership(id: String) -> Partnership? {
        partnerships.first { $0.id == id }
    }

    /// The cluster with this id.
    ///
    /// - Parameter id: A cluster id.
    /// - Returns: The cluster, or `nil`.
    public func cluster(id: String) -> Cluster? {
        clusters.first { $0.id == id }
    }

    /// The cluster a participant's `cluster` cell names, by id or name,
    /// ignoring case, accents and punctuation.
    ///
    /// - Parameter text: The cell's text.
    /// - Returns: The cluster, or `nil`.
    /// - Complexity: O(*c*) for *c* clusters.
    public func cluster(named text: some StringProtocol) -> Cluster? {
        let key = LookupKey.squashed(text)
        return clusters.first { LookupKey.squashed($0.name) == key || LookupKey.squashed($0.id) == key }
    }
}
