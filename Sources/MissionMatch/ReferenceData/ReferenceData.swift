/// The programme's reference data: countries, sectors, the thesaurus and the
/// programme's partnerships and clusters.
///
/// `MissionMatchIO` loads it from the bundled `Data/` folder or from an
/// embedder's own folder of the same layout.
public struct ReferenceData: Sendable, Equatable {
    /// Countries and country groups.
    public var countries: CountryTable
    /// Sectors and their affinities.
    public var sectors: SectorTaxonomy
    /// Competence concepts.
    public var thesaurus: Thesaurus
    /// Partnerships and clusters.
    public var programme: Programme

    /// Bundles reference data.
    ///
    /// - Parameters:
    ///   - countries: The country table.
    ///   - sectors: The sector taxonomy.
    ///   - thesaurus: The thesaurus (default empty).
    ///   - programme: The programme (default empty).
    public init(countries: CountryTable, sectors: SectorTaxonomy,
                thesaurus: Thesaurus = Thesaurus([]), programme: Programme = Programme()) {
        self.countries = countries
        self.sectors = sectors
        self.thesaurus = thesaurus
        self.programme = programme
    }
}
