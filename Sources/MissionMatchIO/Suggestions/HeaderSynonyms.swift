import MissionMatch

/// The headers other tools and organisers give MissionMatch's participant
/// fields, in English, French, German, Spanish and Italian, with how surely
/// each names the field (1 = it can only be this field).
///
/// Headers and synonyms are compared as words (``LookupKey/words(_:)``: case
/// and accents folded, punctuation as spaces). A synonym of one word must be
/// the whole header (or one typo away); a synonym of several words may also
/// be part of a longer header (`Type and size of organisation` holds
/// `organisation type`'s words).
enum HeaderSynonyms {
    /// A synonym and its weight.
    struct Entry {
        var words: [String]
        var weight: Double
    }

    /// The synonyms of each field, by field name.
    static let byField: [String: [Entry]] = {
        var table: [String: [Entry]] = [:]
        for (field, groups) in raw {
            table[field] = groups.flatMap { weight, texts in
                texts.map { Entry(words: LookupKey.words($0).split(separator: " ").map(String.init), weight: weight) }
            }
        }
        return table
    }()

    // swiftlint:disable line_length
    private static let raw: [String: [(Double, [String])]] = [
        "id": [(1, ["id", "participant id", "organisation id", "organization id", "company id", "member id", "member number", "registration id",
                    "profile reference", "profile id", "record id", "identifier", "identifiant", "n adherent", "numero adherent", "numero d adherent",
                    "code adherent", "mitgliedsnummer", "kennung", "kundennummer", "identificador", "numero de socio", "identificativo", "codice socio",
                    "siret", "siren", "vat number", "numero tva", "ust id"]),
               (0.8, ["reference", "ref", "code", "codigo", "codice", "nummer", "numero", "no"])],
        "name": [(1, ["organization name", "organisation name", "organization", "organisation", "company", "company name", "legal name",
                      "business name", "participant name", "raison sociale", "nom de l entreprise", "entreprise", "societe", "nom de la societe",
                      "nom de la structure", "firma", "firmenname", "unternehmen", "unternehmensname", "name des unternehmens", "organisationsname",
                      "empresa", "nombre de la empresa", "razon social", "entidad", "nombre de la entidad", "ragione sociale", "azienda",
                      "nome azienda", "denominazione", "organizzazione", "nome dell azienda"]),
                 (0.8, ["name", "nom", "nombre", "nome", "structure", "participant"])],
        "country": [(1, ["country", "country of origin", "country code", "organisation country", "organization country", "company country",
                         "client country", "pays", "pays d origine", "land", "herkunftsland", "pais", "pais de origen", "paese", "nazione",
                         "paese di origine"]),
                    (0.8, ["nation", "staat", "stato"])],
        "side": [(1, ["side", "delegation side", "seite", "lado", "lato"]), (0.8, ["delegation"])],
        "type": [(1, ["organization type", "organisation type", "type of organization", "type of organisation", "company type",
                      "type of company", "entity type", "participant type", "institution type", "type and size of organisation",
                      "type and size of organization", "type and size of client", "type de structure", "type d organisation",
                      "type d entreprise", "type d organisme", "organisationstyp", "unternehmenstyp", "art der organisation", "unternehmensart",
                      "organisationsart", "tipo de organizacion", "tipo de entidad", "tipo de empresa", "tipo di organizzazione", "tipo di ente",
                      "tipologia", "tipo di azienda"]),
                 (0.8, ["type", "typ", "tipo", "categorie", "category", "kategorie", "categoria"])],
        "cluster": [(1, ["cluster", "cluster name", "member of cluster", "cluster membership", "pole de competitivite", "clusterzugehorigkeit",
                         "agrupacion", "cluster de pertenencia", "distretto"]),
                    (0.8, ["network", "pole", "netzwerk", "polo"])],
        "sectors": [(1, ["sectors", "sector", "areas of activities", "areas of activity", "area of activity", "activity areas", "industry",
                         "industries", "industry sector", "industry sectors", "business sector", "sector of activity", "field of activity",
                         "fields of activity", "secteur", "secteurs", "secteur d activite", "secteurs d activite", "domaine d activite",
                         "domaines d activite", "filiere", "filieres", "branche", "branchen", "wirtschaftszweig", "tatigkeitsbereich",
                         "tatigkeitsbereiche", "sektor", "sektoren", "sector de actividad", "sectores", "area de actividad", "areas de actividad",
                         "settore", "settori", "settore di attivita", "comparto", "ambito di attivita"]),
                     (0.8, ["domain", "domains", "domaine", "nace keywords", "nace"])],
        "offers": [(1, ["offers", "offer", "marketplace offer", "marketplace offers", "what we offer", "we offer", "products and services",
                        "technology offer", "business offer", "offre", "offres", "savoir faire", "offre savoir faire", "produits et services",
                        "angebot", "angebote", "wir bieten", "produkte und dienstleistungen", "oferta", "ofertas", "ofrecemos",
                        "productos y servicios", "offerta", "offerte", "offriamo", "prodotti e servizi"]),
                   (0.8, ["products", "services", "competences", "expertise", "capabilities", "kompetenzen", "competencias", "competenze"]),
                   (0.7, ["organization description", "organisation description", "company description", "profile description",
                          "description de l entreprise", "presentation de l entreprise", "unternehmensbeschreibung", "firmenbeschreibung",
                          "descripcion de la empresa", "descrizione azienda", "descrizione dell azienda"]),
                   (0.65, ["description", "descriptif", "presentation", "beschreibung", "descripcion", "descrizione", "profile summary",
                           "summary", "abstract", "resume", "zusammenfassung", "resumen", "sintesi", "title", "profile title", "titre",
                           "titel", "titulo", "titolo"])],
        "needs": [(1, ["needs", "need", "marketplace request", "marketplace requests", "looking for", "we are looking for", "what we look for",
                       "partner sought", "partners sought", "technology request", "business request", "demande", "demandes", "besoins",
                       "besoin", "nous recherchons", "bedarf", "gesuch", "gesuche", "wir suchen", "gesucht", "necesidades", "demanda",
                       "buscamos", "esigenze", "fabbisogni", "richieste", "cerchiamo"]),
                  (0.8, ["requests", "request", "wanted", "requirements", "demands", "recherche"])],
        "offer_tags": [(1, ["offer tags", "offer keywords", "keywords offer", "offered keywords", "mots cles offre", "schlagworter angebot",
                            "palabras clave oferta", "parole chiave offerta"]),
                       (0.7, ["technology keywords", "tags", "keywords", "mots cles", "schlagworter", "stichworter", "palabras clave",
                              "parole chiave"])],
        "need_tags": [(1, ["need tags", "need keywords", "keywords request", "keywords need", "request keywords", "mots cles demande",
                           "mots cles besoin", "schlagworter gesuch", "palabras clave demanda", "parole chiave richiesta"])],
        "target_countries": [(1, ["target countries", "target markets", "target market", "countries of interest", "markets of interest",
                                  "countries sought", "partner countries", "preferred countries", "marches cibles", "pays cibles",
                                  "marches vises", "zielmarkte", "zielmarkt", "ziellander", "mercados objetivo", "paises objetivo",
                                  "mercati target", "mercati di interesse", "paesi target"]),
                             (0.8, ["markets", "marches", "markte", "mercados", "mercati"])],
        "cooperation": [(1, ["cooperation", "cooperation sought", "cooperation type", "type of cooperation", "types of cooperation",
                             "type of partnership", "type of partnership sought", "type of partnership considered", "partnership type",
                             "partnership sought", "partnership considered", "collaboration type", "type de cooperation",
                             "type de partenariat", "partenariat recherche", "kooperationsart", "art der kooperation", "kooperation",
                             "kooperationsform", "tipo de cooperacion", "cooperacion", "tipo de colaboracion", "tipo di cooperazione",
                             "cooperazione", "tipo di partnership"])],
        "languages": [(1, ["languages", "language", "spoken languages", "languages spoken", "working languages", "langues", "langue",
                           "langues parlees", "sprachen", "sprache", "idiomas", "idioma", "lingue", "lingua"])],
        "max_meetings": [(1, ["max meetings", "maximum meetings", "max number of meetings", "maximum number of meetings", "meetings max",
                              "nombre max de rendez vous", "max rendez vous", "max rdv", "max termine", "maximale termine",
                              "max reuniones", "maximo de reuniones", "max incontri", "numero massimo di incontri"])],
        "min_meetings": [(1, ["min meetings", "minimum meetings", "min number of meetings", "minimum number of meetings", "meetings min",
                              "nombre min de rendez vous", "min rendez vous", "min rdv", "min termine", "minimale termine",
                              "min reuniones", "minimo de reuniones", "min incontri", "numero minimo di incontri"])],
        "representatives": [(1, ["representatives", "attendees", "number of attendees", "number of representatives", "delegates",
                                 "number of delegates", "nombre de participants", "anzahl teilnehmer", "numero de asistentes",
                                 "numero di partecipanti"])],
        "available": [(1, ["available", "availability", "availabilities", "time slots", "disponibilite", "disponibilites",
                           "verfugbarkeit", "disponibilidad", "disponibilita"])],
        "email": [(1, ["email", "e mail", "mail", "contact email", "contact e mail", "email address", "e mail address", "courriel",
                       "adresse mail", "adresse e mail", "adresse electronique", "mel", "correo", "correo electronico",
                       "posta elettronica", "indirizzo email", "indirizzo e mail"])],
        "contact": [(1, ["contact", "contact person", "contact name", "person", "interlocuteur", "personne contact", "personne de contact",
                         "nom du contact", "ansprechpartner", "ansprechperson", "kontakt", "kontaktperson", "persona de contacto",
                         "contacto", "referente", "persona di contatto", "contatto"]),
                    (0.8, ["representative"])],
        "website": [(1, ["website", "web site", "web", "url", "homepage", "site", "site web", "site internet", "webseite", "internetseite",
                         "internet", "sitio web", "pagina web", "web page", "sito", "sito web", "sito internet"])],
    ]
    // swiftlint:enable line_length

    /// How surely a header names a field: the best synonym's weight times how
    /// well it matches (1 whole header, 0.85–1 words of a longer header, 0.85 one typo away), 0 when none does.
    ///
    /// - Complexity: O(synonyms · header length).
    static func score(header words: [String], field: String) -> (score: Double, synonym: String?) {
        guard !words.isEmpty, let entries = byField[field] else { return (0, nil) }
        let joined = words.joined(separator: " ")
        var best: (Double, String?) = (0, nil)
        for entry in entries {
            let synonym = entry.words.joined(separator: " ")
            var quality = 0.0
            if entry.words == words {
                quality = 1
            } else if entry.words.count > 1, Set(entry.words).isSubset(of: words) {
                quality = 0.85 + 0.15 * Double(entry.words.count) / Double(words.count)
            } else if synonym.count >= 5, abs(synonym.count - joined.count) <= 2,
                      Suggestion.editDistance(Array(synonym.unicodeScalars), Array(joined.unicodeScalars)) <= (synonym.count >= 9 ? 2 : 1) {
                quality = 0.85
            }
            if quality * entry.weight > best.0 { best = (quality * entry.weight, synonym) }
        }
        return best
    }
}
