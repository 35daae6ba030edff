import Foundation
import MissionMatch

/// What the platform's registration form collected: a small EU–Canada
/// matchmaking day, as records of the platform's own.
enum Registrations {
    struct Form {
        var id, name, country, side, sectors, offers, needs: String
    }

    static let forms: [Form] = [
        Form(id: "eu-pack-01", name: "Barrier Films s.r.o.", country: "Czechia", side: "consortium", sectors: "packaging",
             offers: "High-barrier recyclable mono-material films for food packaging.",
             needs: "A Canadian distributor of flexible packaging for the retail food market."),
        Form(id: "eu-food-02", name: "Conservas do Atlântico Lda", country: "Portugal", side: "consortium", sectors: "food",
             offers: "Tinned sardines and tuna in olive oil, MSC certified.",
             needs: "Importers of canned seafood and delicatessen buyers in Ontario."),
        Form(id: "eu-soft-03", name: "Nordic Route Analytics AB", country: "Sweden", side: "consortium", sectors: "software|mobility",
             offers: "Route optimisation software for urban delivery fleets.",
             needs: "Logistics companies in Canada to pilot last-mile optimisation."),
        Form(id: "eu-clean-04", name: "Biogaz Ouest SAS", country: "France", side: "consortium", sectors: "energy",
             offers: "Anaerobic digestion plants turning food waste into biogas.",
             needs: "Municipal waste operators and food processors with organic waste streams."),
        Form(id: "ca-dist-01", name: "Great Lakes Packaging Supply Inc.", country: "Canada", side: "counterpart", sectors: "packaging",
             offers: "Distribution of flexible packaging to grocery chains across Ontario and Quebec.",
             needs: "European suppliers of recyclable films and sustainable packaging."),
        Form(id: "ca-food-02", name: "Maple Harbour Seafood Imports", country: "Canada", side: "counterpart", sectors: "food",
             offers: "Import and distribution of premium seafood to delicatessens.",
             needs: "Canned fish producers from Southern Europe."),
        Form(id: "ca-log-03", name: "Toronto Urban Couriers", country: "Canada", side: "counterpart", sectors: "mobility",
             offers: "Same-day parcel delivery with a fleet of 300 vans in the Greater Toronto Area.",
             needs: "Software to optimise delivery routes and cut fuel costs."),
        Form(id: "ca-waste-04", name: "Ontario Organics Recovery", country: "Canada", side: "counterpart", sectors: "energy",
             offers: "Collection of organic waste from restaurants and food processors.",
             needs: "Biogas technology partners to turn food waste into energy."),
    ]

    /// The forms as MissionMatch participants (not yet checked).
    static var participants: [Participant] {
        forms.map { form in
            var participant = Participant(id: form.id, name: form.name, country: form.country)
            participant.side = Side(rawValue: form.side)
            participant.sectors = form.sectors.split(separator: "|").map(String.init)
            participant.offers = form.offers
            participant.needs = form.needs
            return participant
        }
    }
}
