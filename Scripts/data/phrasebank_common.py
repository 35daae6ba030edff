"""Curated phrase banks shared by the sample generator: people, places, legal
forms, sentence templates and note texts.

Everything here is fictional. Names are combined at random from these lists;
any resemblance to a real organisation or person is coincidental.
"""

# --- legal forms and name patterns per country --------------------------------
# Placeholders: {a} brand word, {b} business noun, {p} place word, {s} surname,
# {bl} business noun in the local language (falls back to {b}).
NAME_PATTERNS = {
    "CZ": ["{a} s.r.o.", "{a} {b} s.r.o.", "{p} {b} s.r.o.", "{a} {p} a.s."],
    "SK": ["{a} s.r.o.", "{p} {b} s.r.o.", "{a} {p} s.r.o."],
    "DE": ["{a} GmbH", "{a} {b} GmbH", "{s} {bl} GmbH", "{p} {bl} GmbH", "{s} & {s2} {bl} GmbH & Co. KG"],
    "AT": ["{a} GmbH", "{p} {bl} GmbH", "{s} {bl} GmbH"],
    "CH": ["{a} AG", "{p} {b} SA", "{a} {p} AG"],
    "FR": ["{a} SAS", "{a} {b} SAS", "{bl} {p} SARL", "{bl} {s} SAS"],
    "BE": ["{a} SA", "{a} {b} SRL", "{p} {bl} SA", "{a} NV"],
    "LU": ["{a} S.à r.l.", "{a} {p} S.à r.l.", "{p} {b} S.à r.l."],
    "ES": ["{a} S.L.", "{bl} {p} S.L.", "{a} Ibérica S.A.", "{bl} {s} S.L."],
    "PT": ["{a}, Lda.", "{bl} {p}, Lda.", "{a} Portugal, S.A."],
    "NL": ["{a} B.V.", "{p} {b} B.V.", "{a} {b} B.V."],
    "SE": ["{a} AB", "{p} {b} AB", "{a} {b} AB"],
    "DK": ["{a} ApS", "{p} {b} A/S", "{a} {b} ApS"],
    "IT": ["{a} S.r.l.", "{p} {bl} S.r.l.", "{a} {b} S.p.A."],
    "SI": ["{a} d.o.o.", "{p} {b} d.o.o.", "{a} {p} d.o.o."],
    "CA": ["{a} {b} Inc.", "{p} {b} Ltd.", "{a} {b} Corp.", "{p} {b} Inc."],
    "CA-fr": ["{bl} {p} inc.", "{a} {b} Ltée"],
    "CN": ["{p} {a} {b} Co., Ltd.", "Shanghai {a} {b} Co., Ltd.", "{a} {b} ({p}) Co., Ltd.", "{p} {a} {b} Group Co., Ltd."],
    "US": ["{a} {b} LLC", "{a} {b}, Inc.", "{p} {b} Corp.", "{p} {b} LLC", "{a} {b} Co."],
}

# Place-like words that sound local before a business noun.
PLACES = {
    "CZ": ["Vltava", "Morava", "Bohemia", "Jizera", "Krkonoše", "Labe", "Polabí", "Vysočina", "Šumava", "Orlice"],
    "SK": ["Tatra", "Považie", "Danubia"],
    "DE": ["Ostsee", "Hanse", "Rügen", "Usedom", "Bodden", "Neckar", "Schwaben", "Alb", "Peene", "Ryck"],
    "AT": ["Mur", "Schöckl", "Koralm", "Steirer", "Grazer", "Raab"],
    "CH": ["Léman", "Jura", "Aare"],
    "FR": ["Armor", "Iroise", "Azur", "Bourgogne", "Dauphiné", "Vercors", "Seine", "Normandie", "Loire", "Estérel", "Chartreuse", "Morvan"],
    "BE": ["Meuse", "Sambre", "Ardenne", "Condroz", "Hesbaye", "Famenne", "Ourthe"],
    "LU": ["Moselle", "Alzette", "Éislek"],
    "ES": ["Vallès", "Montseny", "Llobregat", "Penedès", "Rías", "Miño", "Ulla", "Arousa", "Ortegal", "Garraf"],
    "PT": ["Beira", "Gardunha", "Estrela", "Tejo", "Zêzere", "Raia", "Malcata"],
    "NL": ["Gelder", "Veluwe", "Rijn", "Vallei", "Betuwe", "Eem", "Binnenveld"],
    "SE": ["Öresund", "Skåne", "Söderslätt", "Kullaberg", "Österlen", "Hallands"],
    "DK": ["Øresund", "Amager", "Fyn", "Limfjord", "Nordhavn", "Kattegat"],
    "IT": ["Mole", "Dora", "Superga", "Langhe", "Sangone", "Stura", "Monviso"],
    "SI": ["Drava", "Pohorje", "Savinja"],
    "CA": ["Maple", "Lakeshore", "Laurentian", "Niagara", "Huron", "Great Lakes", "Northshore", "Trillium", "Muskoka", "Ottawa Valley", "Georgian Bay", "Credit River", "Humber", "Kawartha"],
    "CA-fr": ["Laurentides", "Outaouais", "Beauce", "Estrie", "Mauricie"],
    "CN": ["Huangpu", "Pujiang", "Yangtze", "Donghai", "Jiangnan", "Taihu", "Qiantang", "Zhangjiang", "Lingang", "Songjiang", "Minhang", "Jiading", "Kunshan", "Suzhou", "Ningbo", "Hangzhou", "Wuxi", "Jiaxing"],
    "US": ["Schuylkill", "Delaware Valley", "Potomac", "Chesapeake", "Fairmount", "Keystone", "Capitol", "Brandywine", "Franklin", "Penn", "Anacostia", "Wissahickon", "Rittenhouse", "Susquehanna"],
}

PEOPLE = {
    "CZ": (["Jan", "Petr", "Tomáš", "Jiří", "Lucie", "Kateřina", "Martin", "Eva", "Pavel", "Tereza", "Ondřej", "Barbora"],
           ["Novák", "Svoboda", "Dvořák", "Černá", "Procházka", "Kučera", "Veselý", "Horáková", "Němec", "Marek", "Pokorná", "Růžička"]),
    "SK": (["Marek", "Zuzana", "Peter", "Jana"], ["Kováč", "Horváthová", "Baláž", "Tóth"]),
    "DE": (["Anna", "Jonas", "Katrin", "Stefan", "Julia", "Matthias", "Sabine", "Lukas", "Birgit", "Felix", "Ulrike", "Tobias"],
           ["Müller", "Schröder", "Köhler", "Becker", "Hoffmann", "Wagner", "Krüger", "Lehmann", "Schäfer", "Vogel", "Brandt", "Jäger"]),
    "AT": (["Florian", "Theresa", "Markus", "Verena", "Lukas", "Elisabeth"], ["Gruber", "Huber", "Pichler", "Steiner", "Moser", "Hofer"]),
    "CH": (["Nicolas", "Sandra", "Reto", "Céline"], ["Meier", "Favre", "Keller", "Rochat"]),
    "FR": (["Camille", "Julien", "Élodie", "Nicolas", "Amélie", "Thomas", "Claire", "Mathieu", "Sophie", "Antoine", "Hélène", "Yann"],
           ["Martin", "Le Goff", "Lefèvre", "Morel", "Girard", "Le Bihan", "Fournier", "Rousseau", "Garnier", "Chevalier", "Perrin", "Bérard"]),
    "BE": (["Sarah", "Maxime", "Lien", "Thibault", "Charlotte", "Pieter", "Nathalie", "Quentin"],
           ["Dubois", "Lambert", "Peeters", "Janssens", "Renard", "Collard", "Maes", "Dumont"]),
    "LU": (["Laurent", "Anne"], ["Schmit", "Weber"]),
    "ES": (["Marta", "Jordi", "Laura", "Xavier", "Núria", "Pablo", "Iria", "Antón", "Lucía", "Sergio", "Uxía", "Carmen"],
           ["García", "Puig", "Fernández", "Vidal", "Castro", "Otero", "Ferrer", "Rodríguez", "Pereira", "Soler", "Vázquez", "Romero"]),
    "PT": (["João", "Ana", "Rui", "Inês", "Miguel", "Catarina", "Pedro", "Sofia"],
           ["Silva", "Santos", "Ferreira", "Costa", "Martins", "Gonçalves", "Marques", "Lopes"]),
    "NL": (["Daan", "Sanne", "Bram", "Eva", "Joost", "Lotte", "Ruben", "Femke"],
           ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "van den Berg", "Mulder"]),
    "SE": (["Erik", "Anna", "Johan", "Karin", "Oskar", "Maja", "Lars", "Ebba"],
           ["Andersson", "Johansson", "Lindqvist", "Nilsson", "Bergström", "Sjöberg", "Holm", "Åberg"]),
    "DK": (["Mads", "Sofie", "Rasmus", "Mette", "Anders", "Ida"], ["Nielsen", "Jørgensen", "Hansen", "Sørensen", "Kristensen", "Møller"]),
    "IT": (["Luca", "Giulia", "Marco", "Francesca", "Alessandro", "Chiara", "Davide", "Elena"],
           ["Rossi", "Bianchi", "Ferrero", "Colombo", "Ricci", "Gallo", "Bertolino", "Marino"]),
    "SI": (["Luka", "Nina"], ["Novak", "Kranjc"]),
    "CA": (["Emily", "Ryan", "Priya", "Jason", "Olivia", "Daniel", "Sarah", "Kevin", "Hannah", "Michael", "Aisha", "Mark", "Jennifer", "Arjun"],
           ["Campbell", "MacDonald", "Singh", "Wong", "Thompson", "Patel", "Fraser", "Chen", "Anderson", "Clarke", "Nguyen", "Kowalski", "Murray", "Lee"]),
    "CA-fr": (["Geneviève", "Mathieu", "Isabelle", "François", "Marie-Ève", "Étienne"], ["Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier"]),
    "CN": (["Wei", "Lei", "Min", "Jing", "Tao", "Yan", "Hui", "Qiang", "Xiaoling", "Jun", "Fang", "Hao"],
           ["Wang", "Zhang", "Li", "Chen", "Liu", "Zhou", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin"]),
    "US": (["Jessica", "Michael", "Ashley", "David", "Lauren", "Chris", "Megan", "James", "Rachel", "Brian", "Maria", "Tyler", "Danielle", "Andre"],
           ["Johnson", "Williams", "Brown", "Miller", "Davis", "Garcia", "Rodriguez", "Wilson", "Moore", "Taylor", "Jackson", "Harris", "Robinson", "Walker"]),
}

LANGUAGES = {
    "CZ": ["cs"], "SK": ["sk", "cs"], "DE": ["de"], "AT": ["de"], "CH": ["de", "fr"], "FR": ["fr"],
    "BE": ["fr", "nl"], "LU": ["fr", "de"], "ES": ["es"], "PT": ["pt"], "NL": ["nl"], "SE": ["sv"],
    "DK": ["da"], "IT": ["it"], "SI": ["sl"], "CA": ["en"], "CA-fr": ["fr"], "CN": ["zh"], "US": ["en"],
}

# Regional extras for ES clusters (co-official languages).
REGIONAL_LANGUAGES = {"clusaga": "gl", "packaging-cluster": "ca"}

# How a country is written in the `country` column (mostly ISO alpha-2; some variety).
COUNTRY_SPELLINGS = {
    "CZ": ["Czech Republic", "Czechia", "CZE"], "SK": ["Slovakia"], "DE": ["Germany", "DEU", "Deutschland"],
    "AT": ["Austria", "AUT"], "CH": ["Switzerland"], "FR": ["France", "FRA"], "BE": ["Belgium", "BEL"],
    "LU": ["Luxembourg"], "ES": ["Spain", "España", "ESP"], "PT": ["Portugal", "PRT"], "NL": ["Netherlands", "NLD", "Holland"],
    "SE": ["Sweden", "SWE"], "DK": ["Denmark", "DNK"], "IT": ["Italy", "ITA"], "SI": ["Slovenia"],
    "CA": ["Canada", "CAN"], "CN": ["China", "CHN", "PRC"], "US": ["USA", "United States", "U.S."],
}

# Verb forms used by the sentence templates.
VERBS = {
    "develop": ("develops", "developing"), "produce": ("produces", "producing"), "supply": ("supplies", "supplying"),
    "manufacture": ("manufactures", "manufacturing"), "offer": ("offers", "offering"), "design": ("designs", "designing"),
    "provide": ("provides", "providing"), "build": ("builds", "building"), "operate": ("operates", "operating"),
    "deliver": ("delivers", "delivering"), "process": ("processes", "processing"), "grow": ("grows", "growing"),
    "make": ("makes", "making"), "export": ("exports", "exporting"), "distribute": ("distributes", "distributing"),
    "integrate": ("integrates", "integrating"), "install": ("installs", "installing"), "engineer": ("engineers", "engineering"),
    "run": ("runs", "running"), "commercialise": ("commercialises", "commercialising"), "convert": ("converts", "converting"),
    "formulate": ("formulates", "formulating"), "test": ("tests", "testing"), "create": ("creates", "creating"),
    "print": ("prints", "printing"), "brew": ("brews", "brewing"), "decorate": ("decorates", "decorating"), "import": ("imports", "importing"), "sell": ("sells", "selling"),
}

# --- generic sentence templates -------------------------------------------------
# {A} {B} {C}: offer concept phrases; {ctx}: application context (with leading space or empty);
# {desc}: organisation description; {v}/{v3}/{ving}: verb forms; {years}: integer.
OFFER_OPENERS = [
    "We {v} {A} and {B}{ctx}.",
    "{Desc} {ving} {A}{ctx}.",
    "Our core business is {A}{ctx}; we also offer {B}.",
    "Main products: {A}, {B} and {C}.",
    "Specialised in {A} and {B}{ctx}.",
    "{Desc} with {years} years of experience in {A}.",
    "We are a {desc} offering {A}, {B} and {C}.",
    "We {v} {A}{ctx}, from first samples to industrial volumes.",
    "Know-how in {A}, {B} and {C}.",
    "Our team {v3} {A} and {B}{ctx}.",
    "{Desc}. We {v} {A}{ctx} and {B}.",
    "Since {since} we {v} {A}{ctx}.",
    "Our portfolio covers {A}, {B} and {C}{ctx}.",
    "We {v} {A}; {B} is our second business line.",
]

OFFER_FOLLOWUPS = [
    "We can also supply {C}.",
    "Capabilities include {C} and {D}.",
    "Also available: {C}.",
    "We also provide {C}.",
    "Services: {C}, {D}.",
    "Our offer is completed by {C}.",
]

GENERIC_EXTRAS = {
    "goods": ["Samples available on request.", "We export to {n} countries.", "Family-owned company, second generation.",
              "We have references in retail and food service.", "Small batches and custom formats are possible.",
              "Production site in {city} with free capacity for new projects.", "BRCGS and IFS certified plant."],
    "tech": ["Samples available on request.", "We export to {n} countries.", "ISO 9001 certified.",
             "Production site in {city} with free capacity for new projects.", "Small batches and custom formats are possible.",
             "We already work with customers in {n} EU countries.", "Technical support in English.",
             "Our products are patented in the EU.", "Short lead times and flexible minimum order quantities.",
             "Family-owned company, second generation.", "Pilot quantities can be shipped within two weeks."],
    "service": ["We already work with clients in {n} EU countries.", "Our team works in English, French and German.",
                "Projects can start within a month.", "Founded in {since}."],
}

# Needs. {R}, {R2}: partner roles; {T}, {T2}: technologies or products needed;
# {market}: target market; {purpose}: why; {prod}: own product phrase.
NEED_TEMPLATES_ROLE = [
    "Looking for {R} in {market}.",
    "We are looking for {R} and {R2} to {purpose}.",
    "Seeking {R} for our {prod}.",
    "Our goal in {city} is to find {R}.",
    "We want to enter {market} and need {R}.",
    "Main objective: {R} in {market}; also open to {R2}.",
]
# Templates that only make sense when every {R} is an organisation one can meet.
NEED_TEMPLATES_AGENT = [
    "Interested in meeting {R} and {R2}.",
    "We would like to meet {R} active in {market}.",
    "Searching for {R} who can help us {purpose}.",
    "Need {R} for {market}, ideally with experience in {prodshort}.",
    "Keen to meet {R} in {market}.",
]
NEED_TEMPLATES_TECH = [
    "We also need {T}.",
    "Technical need: {T}.",
    "Interested in suppliers of {T}.",
    "Looking for a partner offering {T} to improve our {prodshort}.",
    "We need {T} and {T2} for a new product line.",
    "Searching for {T}.",
    "Open to cooperation on {T}.",
]

PURPOSES = {
    "goods": ["launch our products in {market}", "reach retail chains in {market}", "build a sales network in {market}",
              "grow exports", "adapt our products to local regulations"],
    "tech": ["start a pilot project", "scale up production", "build a sales network in {market}",
             "test our solution with real customers", "co-develop a new product", "adapt our products to local regulations",
             "set up local assembly", "grow exports"],
    "service": ["start a pilot project", "build a client base in {market}", "co-develop new services", "grow internationally"],
}

MARKETS = {
    "CA": ["Canada", "Ontario", "Ontario and Quebec", "the Canadian market", "North America", "Eastern Canada", "the Greater Toronto Area"],
    "CN": ["China", "East China", "the Yangtze River Delta", "Shanghai and Jiangsu", "the Chinese market", "Shanghai and Zhejiang"],
    "US": ["the US", "the East Coast of the US", "the Mid-Atlantic region", "North America", "the US market", "the Washington DC area", "Pennsylvania and New Jersey"],
    "EU": ["new European markets", "other EU countries", "the DACH region", "the Nordic countries", "France and Benelux", "Southern Europe", "Central Europe"],
}

FREE_KEYWORDS = ["sustainability", "export", "innovation", "food safety", "quality", "premium", "startup", "digitalisation",
                 "energy transition", "zero waste", "smart city", "cost reduction", "automation", "health", "traceability"]

TYPO_SKIP = {"PLA", "PET", "NFC", "RFID", "IoT", "LCA", "HPP", "MAP"}

REQUEST_NOTES = {
    "must": [
        "Follow-up of the pre-mission webinar",
        "Pre-arranged by the cluster manager",
        "NDA signed, pilot under discussion",
        "Requested by the counterpart",
        "Met at SIAL Paris, samples sent",
        "Ambassador recommendation",
        "Second meeting, price negotiation",
        "Existing quote, needs local partner decision",
        "Joint project proposal, deadline in July",
        "Recommended by the trade office",
    ],
    "wish": [
        "Good fit on {concept}",
        "Suggested by the partnership ambassador",
        "Interested in their {concept}",
        "Possible distribution deal",
        "Would like to compare offers",
        "Met briefly at the networking dinner",
        "Potential pilot customer",
        "Interest in {concept}, no contact yet",
        "Asked for by both sides",
        "Curious about their \"{concept}\" offer",
    ],
    "block": [
        "Already partners, meeting not needed",
        "Direct competitor",
        "Existing exclusive agreement with a competitor",
        "Same group of companies",
    ],
}

# Text for partner-role concepts in need sentences. Each phrase keeps the concept's
# label or one of its synonyms so that the matcher can recognise it.
# ROLE_PHRASES: organisations one can meet ("interested in meeting ...");
# ROLE_NEEDS: other ways to say what is needed ("we need ...").
ROLE_PHRASES = {
    "distribution-partner": ["a distribution partner", "an exclusive distributor", "a local distributor", "distributors", "sales partners", "a reseller"],
    "importer": ["an importer", "import partners", "a master importer", "an importing company", "importers"],
    "sales-agent": ["a commercial agent", "a sales representative", "a manufacturer's representative", "a sales agent"],
    "investor": ["investors", "an investor", "venture capital funds"],
    "strategic-investor": ["a strategic investor", "a corporate investor", "corporate venture capital investors"],
    "business-angels": ["business angels", "angel investors"],
    "licensing-partner": ["a licensing partner", "a licensee", "licensing partners", "technology licensing partners"],
    "rd-partner": ["an R&D partner", "research partners", "a technology partner", "a joint development partner", "co-development partners"],
    "pilot-customer": ["a pilot customer", "pilot customers", "a launching customer", "early adopters", "test customers"],
    "joint-venture": ["a joint venture partner", "a JV partner"],
    "brand-owner": ["brand owners", "food brands", "FMCG brands", "consumer goods companies", "CPG companies"],
    "co-packing": ["a co-packer", "a co-packing partner"],
    "contract-manufacturing": ["a contract manufacturer", "OEM manufacturing partners"],
    "retail-distribution": ["retail chains", "supermarkets", "grocery chains"],
    "food-service-channel": ["foodservice distributors", "HoReCa customers", "catering companies", "restaurants and hotels"],
    "wholesale": ["wholesalers", "food wholesalers", "a wholesale partner"],
    "online-sales-channel": ["online marketplaces", "cross-border e-commerce platforms", "an online retail partner"],
    "specialty-retail": ["specialty stores", "organic stores", "health food stores", "delicatessen shops"],
    "local-representation": ["a country representative"],
    "public-procurement": ["public buyers", "municipal buyers"],
    "private-label": ["private label customers", "retailers with own-brand products"],
    "api-integration": ["a systems integrator", "system integration partners"],
    "franchising": ["a master franchise partner", "franchisees"],
    "cold-chain-logistics": ["a cold chain logistics provider", "refrigerated transport partners"],
    "warehousing": ["a 3PL partner"],
    "customs-clearance": ["a customs broker"],
    "regulatory-affairs": ["a regulatory affairs consultant"],
    "eu-research-projects": ["partners for Horizon 2020 projects", "consortium partners for EU-funded projects"],
    "automotive-components": ["tier-1 suppliers", "automotive tier-2 suppliers"],
    "technology-transfer": ["technology transfer offices", "tech transfer partners"],
    "supplier-sourcing": ["new suppliers"],
}
ROLE_NEEDS = {
    "investor": ["venture capital", "equity investment", "growth capital"],
    "strategic-investor": ["corporate venture capital"],
    "business-angels": ["seed funding"],
    "pilot-customer": ["a pilot site", "a pilot project"],
    "joint-venture": ["an equity partnership"],
    "co-packing": ["contract packing capacity"],
    "contract-manufacturing": ["third-party manufacturing", "toll manufacturing capacity"],
    "retail-distribution": ["a retail listing"],
    "online-sales-channel": ["direct-to-consumer channels"],
    "market-entry-services": ["market entry support", "soft landing services", "go-to-market support"],
    "local-representation": ["a local representative office", "local presence"],
    "public-procurement": ["public tenders"],
    "warehousing": ["contract logistics"],
    "customs-clearance": ["help with customs clearance"],
    "living-lab": ["a test bed", "field trials"],
    "regulatory-affairs": ["regulatory support"],
    "fda-compliance": ["help with FDA registration", "FDA compliance support"],
    "cfia-compliance": ["support for CFIA compliance", "help with the Safe Food for Canadians licence"],
    "china-food-registration": ["help with GACC registration", "support for China food import registration"],
    "china-ccc": ["CCC certification support", "help with China Compulsory Certificate"],
    "ul-certification": ["UL certification support", "help with a UL listing"],
    "csa-certification": ["CSA certification support", "help with CSA approval"],
    "public-funding": ["co-funding opportunities", "innovation grants"],
}

# Regulatory need per host country and kind of product.
HOST_REGULATORY = {
    "CA": {"food": "cfia-compliance", "elec": "csa-certification"},
    "US": {"food": "fda-compliance", "elec": "ul-certification"},
    "CN": {"food": "china-food-registration", "elec": "china-ccc"},
}

# Roles a European participant can play for others at the open (home) matchmaking day,
# keyed by the archetype's first sector; with the sentence that says so.
PLAYS = {
    "food": ["pilot-customer", "brand-owner"], "beverages": ["pilot-customer", "brand-owner"],
    "food-processing": ["pilot-customer"], "health-nutrition": ["brand-owner"], "agrifood": ["pilot-customer"],
    "research": ["rd-partner"], "energy": ["pilot-customer"], "smart-cities": ["pilot-customer"],
    "machinery": ["distribution-partner"], "electronics": ["distribution-partner"], "iot": ["distribution-partner"],
    "software": ["distribution-partner"], "waste-recycling": ["pilot-customer"], "water": ["pilot-customer"],
}
PLAY_SENTENCES = {
    "pilot-customer": ["We are open to acting as a pilot customer for new packaging, processing or digital solutions.",
                       "Our site can serve as a pilot site for innovative suppliers from other clusters.",
                       "Happy to be a launching customer for promising European technologies."],
    "brand-owner": ["As a brand owner we are keen to test new packaging formats with suppliers.",
                    "We look for innovations for our own consumer brands."],
    "distribution-partner": ["We also act as sales partner for complementary products from other European SMEs.",
                             "Open to reselling complementary solutions in our home market."],
    "rd-partner": ["We are an experienced research partner for collaborative projects.",
                   "Open to joint development with SMEs from other sectors."],
}

# Synonyms that are fine as tags or search terms but read badly as the object of
# "we offer ..." / "we need ..." in generated sentences.
TEXT_EXCLUDE = {
    "packaging experts", "connected city", "agent network", "packaging advisory", "design for recycling",
    "glassware for packaging", "pack design", "cartons", "cans", "dispensers", "blisters", "masterbatch",
    "sachets", "traceability solutions", "smart city projects", "integrated city services", "investment",
    "licensing", "franchise", "agent", "purchasing", "procurement", "sourcing", "retrofit", "grants",
    "meat", "dairy", "bakery", "beer", "coffee", "tea", "seeds", "nuts", "cherries", "honey",
    "protected designation of origin", "e-number-free", "additive-free", "gluten free", "organic certified",
    "pgi products", "pdo products", "upscaling", "retrofit of production lines", "tier-1 supplier", "tier-2 supplier",
    "environmental data", "outdoor air quality", "craft breweries", "winery products", "storage and handling", "indoor air quality", "e-fleet", "electric fleets", "ev fleets",
}

# Places that sound local, per cluster (overrides PLACES for the cluster's own country).
CLUSTER_PLACES = {
    "balticnet-plasmatec": ["Ostsee", "Hanse", "Rügen", "Usedom", "Bodden", "Peene", "Ryck", "Vorpommern"],
    "bwcon": ["Neckar", "Schwaben", "Alb", "Rems", "Filder", "Enz"],
    "valorial": ["Armor", "Iroise", "Breizh", "Émeraude", "Goëlo", "Rance"],
    "vitagora": ["Bourgogne", "Morvan", "Côte d'Or", "Auxois", "Chalonnais"],
    "secured-communicating-solutions": ["Azur", "Estérel", "Riviera", "Sainte-Victoire", "Lérins"],
    "tenerrdis": ["Dauphiné", "Vercors", "Chartreuse", "Belledonne", "Isère"],
    "moveo": ["Seine", "Normandie", "Caux", "Vexin", "Cotentin"],
    "clusaga": ["Rías", "Miño", "Ulla", "Arousa", "Ortegal", "Morrazo", "Salnés"],
    "packaging-cluster": ["Vallès", "Montseny", "Llobregat", "Penedès", "Garraf", "Osona", "Maresme"],
}
