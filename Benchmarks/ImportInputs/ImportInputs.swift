// What the participant-import benchmarks (ImportParticipants, WorkbookImport)
// share: the problem size and a small fixed reference table.

import Foundation
import MissionMatch

/// The problem size, from `MISSIONMATCH_BENCH_SCALE` (`ci` or full).
public enum Scale {
    /// 10,000 participants at CI scale, 100,000 otherwise.
    public static var participants: Int {
        ProcessInfo.processInfo.environment["MISSIONMATCH_BENCH_SCALE"] == "ci" ? 10_000 : 100_000
    }
}

/// A small, fixed reference table, so the benchmarks do not depend on `Data/`.
public func referenceData() -> ReferenceData {
    let countries = [("CZ", "CZE", "Czechia", ["Czech Republic"]), ("DE", "DEU", "Germany", []), ("FR", "FRA", "France", []),
                     ("NL", "NLD", "Netherlands", []), ("PL", "POL", "Poland", ["Polska"]), ("ES", "ESP", "Spain", ["España"]),
                     ("CN", "CHN", "China", ["PRC"]), ("CA", "CAN", "Canada", []), ("US", "USA", "United States", ["USA"])]
    let sectors = ["packaging", "food", "nanotech", "plastics", "microelectronics", "software", "logistics", "retail"]
    return ReferenceData(
        countries: CountryTable(countries.map {
            Country(alpha2: $0.0, alpha3: $0.1, name: $0.2, aliases: $0.3, groups: ["CN", "CA", "US"].contains($0.0) ? [] : ["EU", "EEA"])
        }),
        sectors: SectorTaxonomy(sectors: sectors.map { Sector(code: $0, name: $0.capitalized) }))
}
