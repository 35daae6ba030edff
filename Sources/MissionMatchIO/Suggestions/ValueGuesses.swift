import MissionMatch

/// Proposes the MissionMatch value of other tools' labels for the enumeration
/// fields — organisation types, cooperation types and languages — from
/// keywords in English, French, German, Spanish and Italian.
///
/// A label that already is a MissionMatch value needs no entry; a label no
/// keyword recognises gets none (it is listed for the organiser to map).
enum ValueGuesses {
    /// The fields whose source labels get a value map.
    static let fields: Set<String> = ["type", "cooperation", "languages"]

    /// The MissionMatch value a label stands for in `field`, or `nil`.
    ///
    /// - Returns: `.same` when the label already is a value, `.mapped(value)`, or `nil` when nothing matches.
    static func guess(_ label: String, field: String) -> Guess? {
        switch field {
        case "type":
            if ParticipantType(parsing: label) != nil { return .same }
            return firstRule(typeRules, label).map(Guess.mapped)
        case "cooperation":
            if CooperationType(parsing: label) != nil { return .same }
            return firstRule(cooperationRules, label).map(Guess.mapped)
        case "languages":
            let key = LookupKey.words(label)
            if key.count == 2, key.allSatisfy(\.isLetter) { return .same }
            return languages[key].map(Guess.mapped)
        default:
            return nil
        }
    }

    /// What a label becomes.
    enum Guess: Equatable {
        case same
        case mapped(String)
    }

    private static func firstRule(_ rules: [(String, [String])], _ label: String) -> String? {
        let words = LookupKey.words(label).split(separator: " ").map(String.init)
        let phrase = " " + words.joined(separator: " ") + " "
        for (value, keys) in rules {
            for key in keys {
                if key.contains(" ") {
                    if phrase.contains(" " + key + " ") { return value }
                } else if key.hasSuffix("*") {
                    if words.contains(where: { $0.hasPrefix(key.dropLast()) }) { return value }
                } else if words.contains(key) {
                    return value
                }
            }
        }
        return nil
    }

    // Order matters: "SME 11-49" is an SME before anything else, "R&D institution / University" research before public.
    private static let typeRules: [(String, [String])] = [
        ("sme", ["sme", "smes", "pme", "pmi", "tpe", "kmu", "pyme", "pymes", "small", "medium", "micro*", "startup*", "start up", "spin off",
                 "mittelstand*", "kleinunternehmen", "petite", "moyenne", "pequena", "mediana", "piccola"]),
        ("research", ["universit*", "hochschule*", "r d", "research", "recherche", "forschung*", "investigacion", "ricerca", "laborato*",
                      "labor", "institut*", "istitut*", "academ*", "accadem*", "rto", "technology centre", "centre technique", "centro tecnologico"]),
        ("cluster", ["cluster*", "pole", "poles", "network", "networks", "reseau", "netzwerk", "rete", "red"]),
        ("investor", ["investor*", "investisseur*", "investitor*", "inversor*", "venture", "fund", "funds", "fonds", "business angel*"]),
        ("public", ["public", "publique", "publica", "pubblica", "offentlich*", "authority", "authorities", "government*", "ministr*",
                    "municipal*", "collectivite*", "administration", "behorde*", "verwaltung", "gobierno", "ayuntamiento", "comune"]),
        ("intermediary", ["chamber*", "chambre*", "kammer", "camara", "camera", "consult*", "conseil", "beratung*", "consultor*",
                          "consulenza", "intermediar*", "support", "agency", "agence", "agentur", "agencia", "agenzia", "association*",
                          "verband", "asociacion", "associazione", "een"]),
        ("large", ["large", "big", "corporation", "corporate", "multinational*", "grand", "grande", "grandes", "grands", "gross*",
                   "grossunternehmen", "konzern", "industry", "industrie", "industria", "eti"]),
    ]

    private static let cooperationRules: [(String, [String])] = [
        ("joint_venture", ["joint venture", "joint", "coentreprise", "gemeinschaftsunternehmen", "empresa conjunta", "jv"]),
        ("licensing", ["licen*", "lizenz*", "licenc*"]),
        ("research", ["research", "recherche", "forschung*", "investigacion", "ricerca", "r d"]),
        ("outsourcing", ["outsourc*", "subcontract*", "sous traitance", "soustraitance", "auslagerung", "subcontrat*", "subfornitura",
                         "zulieferung"]),
        ("supplier", ["supplier*", "supply", "manufactur*", "fournisseur*", "lieferant*", "proveedor*", "fornitor*", "production",
                      "fabrication", "fertigung", "produccion", "produzione"]),
        ("distribution", ["distribut*", "vertrieb*", "distribucion", "distribuzione", "reseller*", "revendeur*", "import*", "export*"]),
        ("investment", ["invest*", "financ*", "capital", "equity", "finanz*", "financiacion", "finanziamento"]),
        ("commercial", ["commercial*", "trade", "trading", "business", "commerce", "handel*", "comercial*", "commerciale", "sales", "vente*"]),
        ("technical", ["technical", "technique*", "technisch*", "tecnica", "tecnico", "technology", "technologie*", "tecnologia"]),
    ]

    private static let languages: [String: String] = {
        let names: [String: [String]] = [
            "en": ["english", "anglais", "englisch", "ingles", "inglese"],
            "fr": ["french", "francais", "franzosisch", "frances", "francese"],
            "de": ["german", "allemand", "deutsch", "aleman", "tedesco"],
            "es": ["spanish", "espagnol", "spanisch", "espanol", "spagnolo", "castellano"],
            "it": ["italian", "italien", "italienisch", "italiano"],
            "nl": ["dutch", "neerlandais", "niederlandisch", "neerlandes", "olandese", "nederlands"],
            "pt": ["portuguese", "portugais", "portugiesisch", "portugues", "portoghese"],
            "zh": ["chinese", "chinois", "chinesisch", "chino", "cinese", "mandarin"],
            "ja": ["japanese", "japonais", "japanisch", "japones", "giapponese"],
            "ru": ["russian", "russe", "russisch", "ruso", "russo"],
            "pl": ["polish", "polonais", "polnisch", "polaco", "polacco", "polski"],
            "cs": ["czech", "tcheque", "tschechisch", "checo", "ceco", "cestina"],
            "ar": ["arabic", "arabe", "arabisch", "arabo"],
            "sv": ["swedish", "suedois", "schwedisch", "sueco", "svedese"],
            "el": ["greek", "grec", "griechisch", "griego", "greco"],
            "ro": ["romanian", "roumain", "rumanisch", "rumano", "rumeno"],
            "hu": ["hungarian", "hongrois", "ungarisch", "hungaro", "ungherese"],
            "ko": ["korean", "coreen", "koreanisch", "coreano"],
            "fi": ["finnish", "finnois", "finnisch", "finlandes", "finlandese", "suomi"],
        ]
        var table: [String: String] = [:]
        for (code, list) in names { for name in list { table[name] = code } }
        return table
    }()
}
