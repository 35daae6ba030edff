import Foundation
import MissionMatch

/// Loads the reference data from a folder laid out like the bundled `Data/`:
///
/// | file | columns |
/// |---|---|
/// | `reference/countries.csv` | `alpha2,alpha3,name,aliases,groups` |
/// | `reference/sectors.csv` | `code,name,aliases,description` |
/// | `reference/sector-affinity.csv` | `sector_a,sector_b,affinity,why` |
/// | `reference/thesaurus.csv` | `id,label,sector,synonyms` |
/// | `programme/partnerships.csv` | `id,name,focus,clusters` |
/// | `programme/clusters.csv` | `id,name,partnership,country,city,sectors,website` |
///
/// Lists are `|`-separated. Every file is checked (codes, duplicates, affinities
/// in [0, 1] between known sectors, clusters pointing at known partnerships,
/// countries and sectors) and all problems are reported together.
///
/// ```swift
/// let data = try ReferenceDataLoader.load(from: DataDirectory.locate()).value
/// data.countries.country(matching: "Czechia")?.alpha2   // "CZ"
/// ```
public enum ReferenceDataLoader {
    /// Loads and checks the reference data of a folder.
    ///
    /// - Parameters:
    ///   - directory: The folder holding `reference/` and `programme/`.
    ///   - limits: Size limits.
    /// - Returns: The reference data, with warnings.
    /// - Throws: ``ImportError`` with every problem of every file.
    public static func load(from directory: URL, limits: ImportLimits = .default) throws(ImportError) -> Imported<ReferenceData> {
        try load(ReferenceTableReader(source: .folder(directory), limits: limits))
    }

    /// The reference data the library carries: the tables of the project's
    /// `Data/` folder when it was built (regenerated from it by
    /// `Scripts/bundle-reference-data.swift`; a test checks they agree). Needs
    /// no folder on disk; ``load(from:limits:)`` reads a folder of your own instead.
    ///
    /// ```swift
    /// let reference = try ReferenceDataLoader.bundled()
    /// reference.countries.country(matching: "Czechia")?.alpha2   // "CZ"
    /// ```
    ///
    /// - Returns: The reference data.
    /// - Throws: ``ImportError`` only if the bundled tables were edited into an invalid state (a test prevents it).
    /// - Complexity: O(size of the tables), about 10 ms.
    public static func bundled() throws(ImportError) -> ReferenceData {
        try load(ReferenceTableReader(source: .bundled(BundledReferenceData.files), limits: .default)).value
    }

    private static func load(_ tables: ReferenceTableReader) throws(ImportError) -> Imported<ReferenceData> {
        var reader = tables
        let countries = CountryTable(readCountries(&reader))
        let sectors = readSectors(&reader)
        let affinities = readAffinities(&reader, sectors: sectors)
        let taxonomy = SectorTaxonomy(sectors: sectors, affinities: affinities)
        let thesaurus = Thesaurus(readConcepts(&reader, taxonomy: taxonomy))
        let programme = readProgramme(&reader, countries: countries, taxonomy: taxonomy)
        guard !reader.diagnostics.hasErrors else { throw ImportError(diagnostics: reader.diagnostics) }
        return Imported(value: ReferenceData(countries: countries, sectors: taxonomy, thesaurus: thesaurus, programme: programme),
                        diagnostics: reader.diagnostics)
    }

    private static func readCountries(_ reader: inout ReferenceTableReader) -> [Country] {
        var countries: [Country] = []
        reader.read("reference/countries.csv", columns: ["alpha2", "alpha3", "name", "aliases", "groups"], required: 3) { row, table in
            let alpha2 = row.value(0), alpha3 = row.value(1)
            guard isCode(alpha2, length: 2) else {
                return table.error(line: row.line, field: "alpha2", "'\(alpha2)' is not a two-letter code", hint: "write the ISO 3166-1 alpha-2 code in capitals, e.g. CZ")
            }
            guard isCode(alpha3, length: 3) else {
                return table.error(line: row.line, field: "alpha3", "'\(alpha3)' is not a three-letter code", hint: "write the ISO 3166-1 alpha-3 code in capitals, e.g. CZE")
            }
            countries.append(Country(alpha2: alpha2, alpha3: alpha3, name: row.value(2),
                                     aliases: ReferenceTableReader.list(row.value(3)),
                                     groups: ReferenceTableReader.list(row.value(4)).map { $0.uppercased() }))
        }
        return countries
    }

    private static func isCode(_ text: String, length: Int) -> Bool {
        text.utf8.count == length && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }

    private static func readSectors(_ reader: inout ReferenceTableReader) -> [Sector] {
        var sectors: [Sector] = []
        reader.read("reference/sectors.csv", columns: ["code", "name", "aliases", "description"], required: 2) { row, table in
            let code = row.value(0)
            guard !code.isEmpty, code.utf8.allSatisfy({ ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
                || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") })
            else {
                return table.error(line: row.line, field: "code", "'\(code)' is not a valid sector code", hint: "use lowercase letters, digits and '-'")
            }
            sectors.append(Sector(code: code, name: row.value(1), aliases: ReferenceTableReader.list(row.value(2)),
                                  description: row.value(3)))
        }
        return sectors
    }

    private static func readAffinities(_ reader: inout ReferenceTableReader, sectors: [Sector]) -> [SectorAffinity] {
        let codes = Set(sectors.map(\.code))
        var affinities: [SectorAffinity] = []
        var seen: [String: Int] = [:]
        reader.read("reference/sector-affinity.csv", columns: ["sector_a", "sector_b", "affinity", "why"], required: 3,
                    uniqueFirstColumn: false) { row, table in
            let a = row.value(0), b = row.value(1), text = row.value(2)
            for (code, column) in [(a, "sector_a"), (b, "sector_b")] where !codes.contains(code) {
                table.error(line: row.line, field: column, "'\(code)' is not a sector code of sectors.csv", hint: "use a code from sectors.csv")
            }
            guard codes.contains(a), codes.contains(b) else { return }
            guard a != b else {
                return table.error(line: row.line, field: "sector_b", "a sector's affinity with itself is always 1", hint: "remove this row")
            }
            guard let value = Double(text), (0...1).contains(value) else {
                return table.error(line: row.line, field: "affinity", "'\(text)' is not a number from 0 to 1", hint: "write e.g. 0.8")
            }
            let key = a < b ? a + "|" + b : b + "|" + a
            if let first = seen[key] {
                return table.error(line: row.line, field: "sector_b", "the pair \(a), \(b) is already on line \(first)",
                                   hint: "keep one row per pair; affinity is symmetric", kind: .duplicate)
            }
            seen[key] = row.line
            affinities.append(SectorAffinity(sectorA: a, sectorB: b, affinity: value, why: row.value(3)))
        }
        return affinities
    }

    private static func readConcepts(_ reader: inout ReferenceTableReader, taxonomy: SectorTaxonomy) -> [Concept] {
        var concepts: [Concept] = []
        reader.read("reference/thesaurus.csv", columns: ["id", "label", "sector", "synonyms"], required: 3) { row, table in
            let sector = row.value(2)
            guard taxonomy.sector(code: sector) != nil else {
                return table.error(line: row.line, field: "sector", "'\(sector)' is not a sector code of sectors.csv", hint: "use a code from sectors.csv")
            }
            concepts.append(Concept(id: row.value(0), label: row.value(1), sector: sector,
                                    synonyms: ReferenceTableReader.list(row.value(3))))
        }
        return concepts
    }

    private static func readProgramme(_ reader: inout ReferenceTableReader, countries: CountryTable,
                                      taxonomy: SectorTaxonomy) -> Programme {
        var partnerships: [Partnership] = []
        reader.read("programme/partnerships.csv", columns: ["id", "name", "focus", "clusters"], required: 2) { row, _ in
            partnerships.append(Partnership(id: row.value(0), name: row.value(1), focus: row.value(2),
                                            clusters: ReferenceTableReader.list(row.value(3))))
        }
        let partnershipIDs = Set(partnerships.map(\.id))
        var clusters: [Cluster] = []
        let columns = ["id", "name", "partnership", "country", "city", "sectors", "website"]
        reader.read("programme/clusters.csv", columns: columns, required: 4) { row, table in
            let partnership = row.value(2), countryText = row.value(3)
            guard partnershipIDs.contains(partnership) else {
                return table.error(line: row.line, field: "partnership", "'\(partnership)' is not a partnership of partnerships.csv", hint: "use an id from partnerships.csv")
            }
            guard let country = countries.country(matching: countryText) else {
                return table.error(line: row.line, field: "country", "'\(countryText)' is not a known country", hint: "use an ISO code such as CZ")
            }
            var sectors: [String] = []
            for item in ReferenceTableReader.list(row.value(5)) {
                guard let sector = taxonomy.sector(matching: item) else {
                    table.error(line: row.line, field: "sectors", "'\(item)' is not a sector of sectors.csv", hint: "use a code from sectors.csv")
                    continue
                }
                sectors.append(sector.code)
            }
            clusters.append(Cluster(id: row.value(0), name: row.value(1), partnership: partnership, country: country.alpha2,
                                    city: row.value(4), sectors: sectors, website: row.value(6)))
        }
        let clusterIDs = Set(clusters.map(\.id))
        for partnership in partnerships {
            for cluster in partnership.clusters where !clusterIDs.contains(cluster) {
                reader.diagnostics.append(Diagnostic(
                    kind: .unknownReference, file: reader.displayName(of: "programme/partnerships.csv"),
                    field: "clusters", message: "partnership \(partnership.id) lists '\(cluster)', which is not a cluster of clusters.csv",
                    hint: "use ids from clusters.csv"))
            }
        }
        return Programme(partnerships: partnerships, clusters: clusters)
    }
}
