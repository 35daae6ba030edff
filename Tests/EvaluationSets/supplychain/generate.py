#!/usr/bin/env python3
"""Synthetic value-chain B2B programme generator (standard library only).

Relevance = trading roles around product families (see README.md).
Usage: python3 generate.py --seed 7 --smes 200 --counterparts 600 --out DIR
"""
import argparse
import csv
import os
import random

# ---------------------------------------------------------------------------
# World vocabulary: product families
# (key, kind, domain, sectors, names, niches, inputs, process)
# kind: final | inter (material/component/ingredient) | equip (machines)
# ---------------------------------------------------------------------------
FAMILIES = [
    ("dairy", "final", "food", ["food"],
     ["dairy products", "cheeses and dairy specialties", "milk-based products", "dairy goods"],
     [["aged cheese", "hard cheeses"], ["fresh cheese", "mozzarella"], ["yoghurt", "fermented milk drinks"],
      ["butter", "cream"], ["goat cheese", "sheep milk cheese"]],
     ["flavours", "cultures", "flexpack"], ["foodmach", "fillpack"]),
    ("bakery", "final", "food", ["food"],
     ["bakery products", "baked goods", "biscuits and pastries", "bakery specialties"],
     [["biscuits", "butter cookies"], ["par-baked bread", "frozen baguettes"], ["croissants", "viennoiserie"],
      ["gluten-free bakery", "gluten-free bread"], ["crackers", "breadsticks"]],
     ["proteins", "cultures", "paperpack", "flexpack"], ["foodmach", "fillpack"]),
    ("meat", "final", "food", ["food"],
     ["cured meats", "charcuterie", "meat specialties", "deli meats"],
     [["dry-cured ham", "prosciutto"], ["salami", "dry sausages"], ["cooked ham", "roast meats"],
      ["pate", "terrines"], ["smoked bacon", "pancetta"]],
     ["flavours", "flexpack"], ["foodmach", "fillpack"]),
    ("seafood", "final", "food", ["food"],
     ["seafood", "fish products", "canned fish", "seafood specialties"],
     [["canned tuna", "tuna in olive oil"], ["sardines", "anchovies"], ["smoked salmon", "smoked trout"],
      ["frozen shellfish", "mussels"], ["fish roe", "caviar alternatives"]],
     ["glassmetal", "flexpack"], ["foodmach", "fillpack"]),
    ("oliveoil", "final", "food", ["food", "agrifood"],
     ["olive oil", "extra virgin olive oil", "oils and vinegars", "Mediterranean condiments"],
     [["single-estate EVOO", "PDO olive oil"], ["flavoured oils", "infused olive oil"], ["balsamic vinegar", "wine vinegar"],
      ["table olives", "tapenade"], ["pesto", "pasta sauces"]],
     ["glassmetal", "labels"], ["fillpack"]),
    ("confect", "final", "food", ["food"],
     ["confectionery", "chocolate products", "sweets", "chocolates and candies"],
     [["pralines", "filled chocolates"], ["chocolate bars", "bean-to-bar chocolate"], ["hard candy", "lollipops"],
      ["gummies", "jelly sweets"], ["nougat", "marzipan"]],
     ["flavours", "paperpack", "flexpack"], ["foodmach", "fillpack"]),
    ("plantbased", "final", "food", ["food", "health-nutrition"],
     ["plant-based foods", "meat alternatives", "vegan products", "plant-based alternatives"],
     [["plant-based burgers", "vegan mince"], ["oat desserts", "plant-based yoghurt"], ["tofu", "tempeh"],
      ["vegan cheese", "cashew spreads"], ["pea protein snacks", "legume crisps"]],
     ["proteins", "flavours", "cultures", "flexpack"], ["foodmach", "fillpack"]),
    ("snacks", "final", "food", ["food"],
     ["snacks", "savoury snacks", "healthy snacks", "snack foods"],
     [["potato chips", "kettle crisps"], ["roasted nuts", "nut mixes"], ["granola bars", "cereal bars"],
      ["dried fruit", "fruit chips"], ["popcorn", "puffed snacks"]],
     ["proteins", "flavours", "flexpack"], ["foodmach", "fillpack"]),
    ("wine", "final", "bev", ["beverages"],
     ["wine", "wines", "fine wines", "estate wines"],
     [["red wine", "aged reds"], ["white wine", "aromatic whites"], ["sparkling wine", "prosecco"],
      ["rose wine", "rosato"], ["organic wine", "natural wine"]],
     ["glassmetal", "labels"], ["bevmach", "fillpack"]),
    ("spirits", "final", "bev", ["beverages"],
     ["spirits", "distilled spirits", "liqueurs and spirits", "craft spirits"],
     [["gin", "botanical gin"], ["grappa", "brandy"], ["whisky", "single malt"],
      ["herbal liqueur", "limoncello"], ["bitters", "aperitivo"]],
     ["glassmetal", "labels"], ["bevmach", "fillpack"]),
    ("beer", "final", "bev", ["beverages"],
     ["craft beer", "beer", "brewed beverages", "beers and ciders"],
     [["IPA", "pale ale"], ["lager", "pilsner"], ["non-alcoholic beer", "alcohol-free beer"],
      ["sour beer", "lambic"], ["cider", "perry"]],
     ["glassmetal", "cultures", "labels"], ["bevmach", "fillpack"]),
    ("softdrinks", "final", "bev", ["beverages", "health-nutrition"],
     ["juices and soft drinks", "non-alcoholic beverages", "functional drinks", "soft drinks"],
     [["NFC juice", "cold-pressed juice"], ["kombucha", "fermented tea"], ["energy drinks", "isotonic drinks"],
      ["oat drink", "plant-based milk"], ["sparkling water", "flavoured water"]],
     ["flavours", "glassmetal", "rigidpack"], ["bevmach", "fillpack"]),
    ("supplements", "final", "health", ["health-nutrition", "pharma-cosmetics"],
     ["food supplements", "nutraceuticals", "dietary supplements", "nutritional supplements"],
     [["probiotics", "gut-health capsules"], ["vitamins", "multivitamin tablets"], ["collagen", "beauty-from-within powders"],
      ["herbal extracts", "botanical supplements"], ["sports nutrition", "protein powders"]],
     ["cultures", "proteins", "rigidpack", "labels"], ["fillpack"]),
    ("cosmetics", "final", "health", ["pharma-cosmetics"],
     ["cosmetics", "personal care products", "skincare", "beauty products"],
     [["natural skincare", "face serums"], ["hair care", "shampoos"], ["fragrances", "eau de parfum"],
      ["sun care", "SPF creams"], ["men's grooming", "beard care"]],
     ["rigidpack", "labels", "chemicals"], ["fillpack"]),
    ("meddevices", "final", "health", ["pharma-cosmetics"],
     ["medical devices", "medtech products", "medical equipment", "healthcare devices"],
     [["wound care", "advanced dressings"], ["diagnostic kits", "rapid tests"], ["orthopaedic implants", "bone screws"],
      ["surgical instruments", "single-use instruments"], ["home care devices", "patient monitors"]],
     ["elcomp", "polymers", "coatings", "embedded"], ["plasmasys", "elassembly"]),
    # ------------------------------------------------------------ packaging
    ("flexpack", "inter", "packaging", ["packaging", "plastics"],
     ["flexible packaging", "films and pouches", "flexible laminates", "pouches and films"],
     [["stand-up pouches", "doypacks"], ["high-barrier films", "EVOH laminates"], ["lidding films", "peelable lids"],
      ["compostable films", "paper-based laminates"], ["vacuum bags", "shrink bags"]],
     ["polymers", "bioplastics", "recycled", "adhesives"], ["convmach", "plasmasys", "plasticmach"]),
    ("rigidpack", "inter", "packaging", ["packaging", "plastics"],
     ["rigid plastic packaging", "plastic containers", "bottles and closures", "rigid containers"],
     [["PET bottles", "preforms"], ["closures", "dispensing caps"], ["thermoformed trays", "clamshells"],
      ["cosmetic jars", "airless bottles"], ["pails", "tubs"]],
     ["polymers", "recycled", "bioplastics"], ["plasticmach"]),
    ("paperpack", "inter", "packaging", ["packaging", "paper"],
     ["paper-based packaging", "folding cartons", "cardboard packaging", "fibre packaging"],
     [["folding cartons", "printed cartons"], ["corrugated boxes", "shipping cases"], ["paper cups", "paper trays"],
      ["moulded pulp", "pulp trays"], ["rigid gift boxes", "luxury boxes"]],
     ["coatings", "adhesives"], ["convmach"]),
    ("glassmetal", "inter", "packaging", ["packaging", "materials"],
     ["glass and metal packaging", "bottles and cans", "glass containers", "metal packaging"],
     [["wine bottles", "glass bottles"], ["glass jars", "preserve jars"], ["aluminium cans", "beverage cans"],
      ["tinplate cans", "food cans"], ["crown caps", "screw caps"]],
     ["coatings"], ["fillpack"]),
    ("labels", "inter", "packaging", ["printing", "packaging"],
     ["labels", "self-adhesive labels", "labelling solutions", "printed labels"],
     [["wine labels", "embossed labels"], ["shrink sleeves", "sleeve labels"], ["booklet labels", "peel-and-read labels"],
      ["RFID labels", "smart labels"], ["in-mould labels", "IML"]],
     ["adhesives", "elcomp"], ["convmach"]),
    # ------------------------------------------------------------ food ingredients
    ("flavours", "inter", "food", ["food-processing"],
     ["food ingredients", "flavours and colours", "natural ingredients", "taste solutions"],
     [["natural flavours", "aromas"], ["natural colours", "plant-based colourants"], ["spice blends", "seasonings"],
      ["fruit preparations", "fruit purees"], ["sweeteners", "sugar replacers"]],
     [], ["foodmach"]),
    ("cultures", "inter", "food", ["food-processing", "health-nutrition"],
     ["starter cultures and enzymes", "food cultures", "ferments", "microbial ingredients"],
     [["dairy cultures", "starter cultures"], ["probiotic strains", "live cultures"], ["baking enzymes", "enzyme blends"],
      ["brewing yeast", "wine yeast"], ["bioprotective cultures", "protective cultures"]],
     [], []),
    ("proteins", "inter", "food", ["food-processing", "agrifood"],
     ["plant proteins", "flours and grains", "protein ingredients", "grain-based ingredients"],
     [["pea protein", "pea isolate"], ["oat flour", "oat bran"], ["ancient grains", "spelt and einkorn"],
      ["chickpea flour", "lentil flour"], ["insect protein", "cricket flour"]],
     [], ["foodmach"]),
    # ------------------------------------------------------------ materials
    ("polymers", "inter", "materials", ["plastics", "chemicals"],
     ["plastic compounds", "polymer compounds", "masterbatches", "engineering plastics"],
     [["colour masterbatch", "colour concentrates"], ["flame-retardant compounds", "FR grades"],
      ["glass-fibre polyamide", "reinforced PA"], ["TPE", "thermoplastic elastomers"], ["PP compounds", "talc-filled PP"]],
     ["nano", "adhesives"], ["plasticmach"]),
    ("bioplastics", "inter", "materials", ["biopolymers", "plastics"],
     ["bioplastics", "bio-based polymers", "compostable materials", "biopolymers"],
     [["PLA compounds", "PLA blends"], ["PHA", "PHA resins"], ["starch blends", "thermoplastic starch"],
      ["bio-PE", "sugarcane PE"], ["natural-fibre composites", "wood-plastic composites"]],
     [], ["plasticmach"]),
    ("recycled", "inter", "materials", ["waste-recycling", "plastics", "circular-economy"],
     ["recycled plastics", "post-consumer recyclates", "recycled polymers", "secondary raw materials"],
     [["rPET flakes", "food-grade rPET"], ["rHDPE pellets", "recycled HDPE"], ["rPP", "recycled polypropylene"],
      ["recycled LDPE", "film-grade recyclate"], ["mixed polyolefins", "PO regranulate"]],
     [], ["plasticmach"]),
    ("coatings", "inter", "materials", ["materials", "chemicals", "nanotech"],
     ["coatings", "functional coatings", "surface treatments", "coating systems"],
     [["anti-corrosion coatings", "protective coatings"], ["barrier coatings", "water-based barrier coatings"],
      ["anti-fog coatings", "anti-fog lacquers"], ["antimicrobial coatings", "hygienic coatings"],
      ["hydrophobic coatings", "easy-clean coatings"]],
     ["nano", "adhesives"], ["plasmasys"]),
    ("nano", "inter", "materials", ["nanotech", "materials"],
     ["nanomaterials", "nano-additives", "nanoparticles", "nanostructured materials"],
     [["graphene", "graphene nanoplatelets"], ["carbon nanotubes", "CNT dispersions"], ["nanosilver", "silver nanoparticles"],
      ["nanocellulose", "cellulose nanofibres"], ["silica nanoparticles", "nano-silica"]],
     [], []),
    ("adhesives", "inter", "materials", ["chemicals", "materials"],
     ["specialty chemicals", "adhesives and chemicals", "industrial adhesives", "chemical specialties"],
     [["laminating adhesives", "solvent-free adhesives"], ["hot melts", "hot-melt adhesives"], ["pigments", "dispersions"],
      ["surfactants", "emulsifiers"], ["bio-based solvents", "green solvents"]],
     [], []),
    ("chemicals", "inter", "materials", ["chemicals", "pharma-cosmetics"],
     ["cosmetic ingredients", "cosmetic actives", "personal-care ingredients", "cosmetic raw materials"],
     [["botanical actives", "plant extracts"], ["emollients", "natural oils"], ["preservatives", "preservative-free systems"],
      ["UV filters", "mineral filters"], ["fragrance compounds", "essential oils"]],
     [], []),
    # ------------------------------------------------------------ electronics / software
    ("elcomp", "inter", "electronics", ["electronics"],
     ["electronic components", "electronic modules", "PCB assemblies", "electronics"],
     [["printed circuit boards", "PCBAs"], ["MEMS sensors", "sensor modules"], ["power modules", "power electronics"],
      ["RFID tags", "NFC inlays"], ["antennas", "RF modules"]],
     ["nano"], ["elassembly", "plasmasys"]),
    ("embedded", "inter", "software", ["software", "electronics"],
     ["embedded software", "firmware", "embedded systems software", "device software"],
     [["firmware development", "bare-metal firmware"], ["embedded AI", "edge inference"], ["connectivity stacks", "BLE stacks"],
      ["device management", "OTA updates"], ["functional safety software", "safety-critical code"]],
     [], []),
    ("iot", "final", "electronics", ["iot", "electronics"],
     ["IoT devices", "connected devices", "smart sensors", "IoT hardware"],
     [["asset trackers", "GPS trackers"], ["environmental sensors", "air sensors"], ["smart meters", "sub-meters"],
      ["wearable sensors", "smart wearables"], ["cold-chain loggers", "temperature loggers"]],
     ["elcomp", "embedded", "rigidpack"], ["elassembly"]),
    ("saas", "final", "software", ["software", "cybersecurity"],
     ["software platforms", "SaaS solutions", "business software", "cloud software"],
     [["traceability software", "supply-chain traceability"], ["fleet management software", "telematics platforms"],
      ["ERP for SMEs", "production planning software"], ["data analytics", "BI dashboards"],
      ["cybersecurity tools", "threat detection"]],
     [], []),
    # ------------------------------------------------------------ mobility / cleantech
    ("autoparts", "final", "mobility", ["automotive", "mobility"],
     ["automotive components", "vehicle parts", "car components", "automotive parts"],
     [["lightweight parts", "composite panels"], ["interior trim", "seating components"], ["brake components", "brake pads"],
      ["wiring harnesses", "cable assemblies"], ["ADAS sensors", "camera modules"]],
     ["polymers", "coatings", "elcomp"], ["plasticmach", "plasmasys"]),
    ("evcharge", "final", "mobility", ["e-mobility", "energy"],
     ["EV charging solutions", "charging stations", "e-mobility products", "EV chargers"],
     [["wallboxes", "home chargers"], ["DC fast chargers", "high-power chargers"], ["charging software", "charge point management"],
      ["e-bikes", "cargo bikes"], ["e-scooters", "light electric vehicles"]],
     ["elcomp", "embedded", "batteries"], ["elassembly"]),
    ("batteries", "inter", "energy", ["e-mobility", "energy"],
     ["batteries", "energy storage", "battery systems", "battery packs"],
     [["lithium-ion packs", "Li-ion modules"], ["battery management systems", "BMS"], ["stationary storage", "home storage"],
      ["second-life batteries", "repurposed batteries"], ["fuel cells", "hydrogen fuel cells"]],
     ["elcomp", "nano"], ["elassembly"]),
    ("solar", "final", "energy", ["energy", "cleantech"],
     ["solar energy systems", "photovoltaics", "renewable energy equipment", "solar solutions"],
     [["PV modules", "solar panels"], ["inverters", "hybrid inverters"], ["solar thermal", "solar collectors"],
      ["mounting systems", "solar carports"], ["agrivoltaics", "agri-PV"]],
     ["elcomp", "batteries", "coatings"], ["elassembly"]),
    ("watertech", "final", "cleantech", ["water", "cleantech"],
     ["water treatment", "water technologies", "filtration systems", "water solutions"],
     [["membranes", "ultrafiltration"], ["UV disinfection", "UV-C reactors"], ["wastewater units", "compact WWTP"],
      ["leak detection", "smart water metering"], ["water reuse", "greywater recycling"]],
     ["polymers", "elcomp", "nano"], []),
    ("envmon", "final", "cleantech", ["cleantech", "iot"],
     ["environmental monitoring", "air quality solutions", "emission control", "environmental instruments"],
     [["emission analysers", "stack monitoring"], ["air purifiers", "indoor air quality"], ["odour control", "odour abatement"],
      ["monitoring stations", "air quality stations"], ["dust filters", "particulate filters"]],
     ["elcomp", "embedded", "nano"], ["elassembly"]),
    ("recyctech", "final", "cleantech", ["waste-recycling", "circular-economy"],
     ["recycling technologies", "waste sorting systems", "recycling solutions", "resource recovery systems"],
     [["optical sorting", "NIR sorters"], ["shredders", "size reduction"], ["composting systems", "in-vessel composting"],
      ["e-waste recovery", "WEEE processing"], ["textile recycling", "fibre recovery"]],
     ["elcomp", "embedded"], []),
    # ------------------------------------------------------------ equipment
    ("foodmach", "equip", "equipment", ["machinery", "food-processing"],
     ["food processing machinery", "food processing equipment", "food machinery", "process equipment for food"],
     [["pasteurisers", "dairy processing lines"], ["industrial ovens", "bakery lines"], ["slicers", "portioning machines"],
      ["extruders", "cooking extruders"], ["freeze dryers", "dryers"]],
     [], []),
    ("fillpack", "equip", "equipment", ["machinery", "packaging"],
     ["packaging machines", "filling and packaging lines", "packaging machinery", "end-of-line equipment"],
     [["filling machines", "fillers"], ["cappers", "capping machines"], ["labelling machines", "labellers"],
      ["flow wrappers", "tray sealers"], ["palletisers", "case packers"]],
     [], []),
    ("bevmach", "equip", "equipment", ["machinery", "beverages"],
     ["beverage processing equipment", "winemaking and brewing equipment", "beverage machinery", "cellar equipment"],
     [["fermentation tanks", "stainless tanks"], ["brewhouses", "brewing systems"], ["distillation stills", "copper stills"],
      ["wine filtration", "crossflow filters"], ["barrels", "oak casks"]],
     [], []),
    ("plasticmach", "equip", "equipment", ["machinery", "plastics"],
     ["plastics processing machinery", "plastics machines", "moulding equipment", "polymer processing machinery"],
     [["injection moulding machines", "moulds"], ["extrusion lines", "extruders for film"], ["blow moulding", "stretch blow moulders"],
      ["thermoformers", "thermoforming lines"], ["granulators", "recycling extruders"]],
     [], []),
    ("convmach", "equip", "equipment", ["machinery", "printing"],
     ["converting machines", "printing and converting equipment", "converting lines", "printing presses"],
     [["flexo presses", "flexographic presses"], ["digital label presses", "inkjet presses"], ["laminators", "coating-laminating lines"],
      ["slitter rewinders", "slitters"], ["pouch makers", "bag-making machines"]],
     [], []),
    ("elassembly", "equip", "equipment", ["machinery", "electronics"],
     ["electronics manufacturing equipment", "SMT equipment", "electronics assembly systems", "PCB production equipment"],
     [["pick-and-place machines", "SMT placers"], ["reflow ovens", "soldering systems"], ["AOI systems", "optical inspection"],
      ["test systems", "in-circuit testers"], ["conformal coating lines", "dispensing systems"]],
     [], []),
    ("plasmasys", "equip", "equipment", ["plasma", "machinery", "materials"],
     ["plasma systems", "surface treatment equipment", "plasma treatment systems", "plasma equipment"],
     [["atmospheric plasma", "plasma jets"], ["low-pressure plasma", "vacuum plasma chambers"], ["corona treaters", "corona systems"],
      ["plasma sterilisation", "plasma decontamination"], ["PVD coating", "thin-film deposition"]],
     [], []),
]

SEGMENTS = {
    "consumer": {"retail": ["supermarket chains", "grocery retail", "mass retail"],
                 "foodservice": ["foodservice", "HoReCa", "restaurants and caterers"],
                 "specialty": ["specialty and gourmet stores", "fine-food shops", "independent delis"],
                 "online": ["e-commerce", "online marketplaces", "direct-to-consumer webshops"]},
    "industrial": {"foodbev": ["food and beverage brands", "F&B manufacturers"],
                   "personal": ["cosmetics and personal care brands", "beauty brands"],
                   "industry": ["industrial customers", "manufacturing companies"],
                   "health": ["pharma and healthcare", "hospitals and healthcare providers"]},
    "tech": {"industry": ["industrial plants", "manufacturers"],
             "utilities": ["utilities and municipalities", "public utilities"],
             "buildings": ["commercial buildings", "facility managers"],
             "logistics": ["logistics and fleet operators", "transport companies"],
             "health": ["hospitals and clinics", "healthcare providers"]},
}
DOMAIN_SEG = {"food": "consumer", "bev": "consumer", "health": "consumer", "packaging": "industrial",
              "materials": "industrial", "equipment": "industrial", "electronics": "tech", "software": "tech",
              "mobility": "tech", "energy": "tech", "cleantech": "tech"}
# which segment of an intermediate supplier's buyers a consumer/tech domain corresponds to
DOMAIN_ENDUSE = {"food": "foodbev", "bev": "foodbev", "health": "health", "packaging": "foodbev",
                 "materials": "industry", "equipment": "industry", "electronics": "industry", "software": "industry",
                 "mobility": "industry", "energy": "industry", "cleantech": "industry"}

CERTS = {  # (held typically in Europe, needed for the US)
    "food": (["IFS Food", "BRCGS", "EU organic", "ISO 22000", "halal"],
             ["FDA facility registration", "SQF", "USDA Organic", "kosher", "Non-GMO Project verification"]),
    "bev": (["IFS Food", "BRCGS", "EU organic", "ISO 22000"],
            ["TTB label approval", "FDA facility registration", "USDA Organic", "kosher"]),
    "health": (["GMP", "ISO 22716", "EU organic", "ISO 13485", "CE marking"],
               ["FDA registration", "NSF certification", "cGMP 21 CFR 111", "FDA 510(k) clearance"]),
    "packaging": (["ISO 9001", "BRCGS Packaging", "FSC", "EN 13432"],
                  ["FDA food-contact compliance", "BPI compostability", "ASTM D6400", "SQF packaging"]),
    "materials": (["ISO 9001", "ISO 14001", "REACH registration"],
                  ["UL 94 rating", "FDA food-contact compliance", "TSCA compliance", "ASTM certification"]),
    "electronics": (["CE marking", "ISO 9001", "RoHS"],
                    ["FCC certification", "UL listing", "ETL listing", "IPC-A-610"]),
    "software": (["ISO 27001", "GDPR compliance"], ["SOC 2 Type II", "HIPAA compliance", "FedRAMP"]),
    "mobility": (["CE marking", "IATF 16949", "ISO 9001"],
                 ["UL 2594", "Energy Star", "FMVSS compliance", "IATF 16949"]),
    "energy": (["CE marking", "ISO 14001", "ISO 9001"], ["UL listing", "CSA certification", "IEEE 1547 compliance"]),
    "cleantech": (["CE marking", "ISO 14001", "ISO 9001"], ["UL listing", "NSF/ANSI 61", "CSA certification", "EPA compliance"]),
    "equipment": (["CE marking", "ISO 9001"], ["UL/CSA electrical certification", "NRTL field labelling",
                                                "3-A sanitary standards", "ASME compliance"]),
}

TOPICS = {
    "food": ["shelf-life extension", "sugar and salt reduction", "clean-label reformulation", "fermentation",
             "sensory and consumer science", "food safety"],
    "bev": ["fermentation control", "dealcoholisation", "aroma analysis", "shelf-life stability", "sustainable viticulture"],
    "health": ["clinical substantiation", "bioavailability", "microbiome research", "formulation stability", "natural actives"],
    "packaging": ["recyclability", "barrier performance", "compostability", "lightweighting", "active and intelligent packaging"],
    "materials": ["nanocoatings", "bio-based polymers", "plasma surface functionalisation", "composites", "polymer recycling"],
    "electronics": ["low-power design", "printed electronics", "edge AI", "miniaturisation", "wireless connectivity"],
    "software": ["machine learning", "cybersecurity", "interoperability", "data spaces", "digital twins"],
    "mobility": ["battery management", "lightweight structures", "smart charging", "driver assistance", "fleet electrification"],
    "energy": ["energy efficiency", "hydrogen", "storage integration", "grid integration", "life cycle assessment"],
    "cleantech": ["life cycle assessment", "membrane technology", "sensor networks", "circular design", "emission reduction"],
    "equipment": ["automation and robotics", "hygienic design", "predictive maintenance", "energy-efficient processing",
                  "machine vision"],
}

SERVICES = {
    "coldchain": (["cold-chain logistics", "temperature-controlled warehousing and transport", "refrigerated logistics"],
                  {"food", "bev", "health"}),
    "forwarding": (["freight forwarding and customs brokerage", "customs clearance and import logistics",
                    "international freight and customs"], None),
    "regulatory": (["US regulatory compliance", "FDA and federal compliance support", "regulatory affairs for the US market"],
                   {"food", "bev", "health", "electronics", "mobility", "energy", "cleantech", "packaging", "materials"}),
    "marketentry": (["US market entry consulting", "sales development in North America", "go-to-market support for the US"], None),
    "marketing": (["trade marketing and branding for the US", "digital marketing and US brand building",
                   "marketing and PR for consumer brands"], {"food", "bev", "health"}),
    "legal": (["IP protection and commercial contracts", "legal advice on US distribution agreements",
               "IP and licensing advisory"], None),
}
STAGES = {"seed": ["seed", "pre-seed and seed"], "seriesa": ["Series A", "early growth"],
          "growth": ["growth capital", "expansion capital", "later-stage growth"]}

EU = [("IT", 14), ("FR", 12), ("ES", 11), ("DE", 10), ("PT", 6), ("BE", 5), ("NL", 5), ("AT", 4), ("PL", 5),
      ("CZ", 3), ("SI", 3), ("HR", 2), ("GR", 4), ("DK", 3), ("SE", 3), ("FI", 2), ("IE", 3), ("HU", 2),
      ("RO", 2), ("SK", 1), ("LT", 1), ("EE", 1), ("BG", 1)]
LEGAL = {"IT": ["S.r.l.", "S.p.A."], "FR": ["SAS", "SARL"], "ES": ["S.L.", "S.A."], "DE": ["GmbH", "GmbH & Co. KG"],
         "PT": ["Lda.", "S.A."], "BE": ["NV", "BV"], "NL": ["B.V."], "AT": ["GmbH"], "PL": ["Sp. z o.o."],
         "CZ": ["s.r.o."], "SI": ["d.o.o."], "HR": ["d.o.o."], "GR": ["S.A.", "IKE"], "DK": ["ApS", "A/S"],
         "SE": ["AB"], "FI": ["Oy"], "IE": ["Ltd"], "HU": ["Kft."], "RO": ["S.R.L."], "SK": ["s.r.o."],
         "LT": ["UAB"], "EE": ["OU"], "BG": ["EOOD"], "US": ["Inc.", "LLC", "Corp.", "Co."],
         "CA": ["Ltd.", "Inc."], "MX": ["S.A. de C.V."]}
CITY = {"US": ["Philadelphia, PA", "New York, NY", "Newark, NJ", "Boston, MA", "Chicago, IL", "Miami, FL", "Houston, TX",
               "Los Angeles, CA", "Seattle, WA", "Atlanta, GA", "Baltimore, MD", "Pittsburgh, PA", "Denver, CO",
               "Minneapolis, MN", "San Francisco, CA", "Charlotte, NC"],
        "CA": ["Toronto", "Montreal", "Vancouver"], "MX": ["Mexico City", "Monterrey", "Guadalajara"]}
REGION = {"US": ["the East Coast", "the Northeast", "the Mid-Atlantic", "the Midwest", "the Southeast", "the West Coast",
                 "the whole US", "nationwide"], "CA": ["Canada", "Ontario and Quebec"], "MX": ["Mexico", "Latin America"]}
CLUSTERS = {"food": ["AgriFood Atlantic ESCP", "TasteBridge Alliance", "EuroGourmet Cluster Partnership"],
            "bev": ["TasteBridge Alliance", "EuroGourmet Cluster Partnership"],
            "health": ["NutriMed Transatlantic", "BeautyHealth ESCP"],
            "packaging": ["PackLink Europe", "AgriFood Atlantic ESCP"],
            "materials": ["NanoSurf Consortium", "PolyMat Go-International"],
            "equipment": ["MachTech Export Partnership", "PackLink Europe"],
            "electronics": ["SmartElec ESCP", "IoT Bridge Europe"], "software": ["IoT Bridge Europe", "DigiScale Alliance"],
            "mobility": ["E-Move Transatlantic", "SmartElec ESCP"], "energy": ["CleanWave Partnership", "E-Move Transatlantic"],
            "cleantech": ["CleanWave Partnership", "CircularTech ESCP"]}

SYL1 = ["val", "nor", "ter", "lum", "cor", "vit", "ar", "bel", "cas", "del", "ev", "fer", "gal", "ind", "kal", "lir",
        "mar", "nov", "or", "pol", "ros", "sel", "tal", "ul", "ver", "zen", "bra", "cre", "dru", "fla", "gre", "pra",
        "sol", "tri", "alt", "mon", "sil", "aqu", "nat", "ox"]
SYL2 = ["a", "e", "i", "o", "u", "ea", "io", "ia"]
SYL3 = ["na", "ra", "lia", "tex", "vo", "rix", "nova", "lis", "mare", "dor", "tica", "via", "gen", "ta", "ro", "sa",
        "lux", "ma", "tech", "rea", "x", "on", "is", "um"]


def brand(rng):
    w = rng.choice(SYL1) + rng.choice(SYL2) + rng.choice(SYL3)
    if rng.random() < 0.25:
        w = rng.choice(SYL1) + rng.choice(SYL3)
    return w.capitalize()


class Fam:
    def __init__(self, t):
        (self.key, self.kind, self.domain, self.sectors, self.names, self.niches, self.inputs, self.process) = t
        self.segkind = "consumer" if self.domain in ("food", "bev", "health") and self.kind == "final" else \
            ("tech" if self.kind == "final" else "industrial")
        if self.kind == "final" and self.key == "meddevices":
            self.segkind = "tech"
        self.segs = sorted(SEGMENTS[self.segkind])
        self.certs_eu, self.certs_us = CERTS[self.domain]


FAM = {t[0]: Fam(t) for t in FAMILIES}

# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------


def typo(rng, text, n):
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    for _ in range(n):
        if not idx:
            break
        i = rng.choice(idx)
        w = words[i]
        k = rng.randrange(1, len(w) - 2)
        op = rng.randrange(3)
        if op == 0:
            w = w[:k] + w[k + 1] + w[k] + w[k + 2:]
        elif op == 1:
            w = w[:k] + w[k + 1:]
        else:
            w = w[:k] + w[k] + w[k:]
        words[i] = w
    return " ".join(words)


def art(w):
    return ("an " if w[0] in "aeiou" else "a ") + w


def join_list(items):
    items = list(items)
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def L(fk):
    """Readable label of a family for reasons."""
    return FAM[fk].names[0]


def enduse(fk):
    """End-use market (industrial segment) that a buying family belongs to."""
    if fk == "cosmetics":
        return "personal"
    if fk in ("supplements", "meddevices"):
        return "health"
    return DOMAIN_ENDUSE[FAM[fk].domain]


def fname(rng, fam):
    return rng.choice(fam.names)


def niche_words(rng, fam, group, ngroups, k=2):
    idx = [i for i in range(len(fam.niches)) if i % ngroups == group]
    rng.shuffle(idx)
    out = []
    for i in idx[:k]:
        out.append(rng.choice(fam.niches[i]))
    return out


def seg_phrase(rng, fam, segs):
    return join_list([rng.choice(SEGMENTS[fam.segkind][s]) for s in segs])


TIER_SME = {
    "small": ["We produce in small batches", "Production is artisanal and volumes are limited",
              "We are a small producer with limited but steady volumes", "Our output is small-scale and premium"],
    "medium": ["Mid-size production capacity with room to grow", "We can supply regular pallet volumes",
               "Our plant runs two shifts with medium volumes", "Capacity is sufficient for several pallets a week"],
    "large": ["Industrial-scale capacity, we can ship several containers per month",
              "Large production capacity and automated lines", "We can serve high-volume programmes",
              "Our capacity allows full container loads every week"],
}
TIER_C = {
    ("small", "medium"): ["We like working with small and mid-size producers; mixed pallets are welcome",
                          "Mixed pallets and LCL shipments are fine for us", "We start with small trial orders"],
    ("medium", "large"): ["We buy from full pallets up to container loads", "Typical orders are full pallets or more",
                          "Suppliers should handle steady pallet-to-container volumes"],
    ("large",): ["We only work with suppliers able to deliver full container loads",
                 "High volumes only: FCL and year-round supply", "Suppliers must support large national programmes"],
    ("small", "medium", "large"): ["Order sizes are flexible", "We handle anything from mixed pallets to containers",
                                   "Volumes depend on the product, we are flexible"],
}

TIER_C_SVC = {
    ("small", "medium"): ["We mostly work with small and mid-size companies", "Our clients are start-ups and SMEs"],
    ("medium", "large"): ["Our clients are mid-size and large manufacturers", "We serve established mid-to-large firms"],
    ("large",): ["We focus on large accounts", "Only large-volume clients"],
    ("small", "medium", "large"): ["Clients range from start-ups to large groups", "We serve companies of any size"],
}

HISTORY = ["Founded in {y} as a family business.", "Family-owned since {y}, now in the third generation.",
           "The company was established in {y}.", "We started in {y} in a small workshop.",
           "Spin-off created in {y} from a university lab.", "Since {y} we have grown steadily.",
           "Established {y}.", "Our story began in {y}."]
EXPORT = ["Exports account for {p}% of turnover.", "About {p}% of our sales are abroad.",
          "We already export {p}% of production to {n} countries.", "Export share: {p}%.",
          "We sell in {n} countries.", "{p} percent of revenue comes from exports."]
STAFF = ["We employ {e} people.", "Team of {e}.", "{e} employees.", "Our team counts {e} people."]
FAIRS = ["We exhibit regularly at international trade fairs.", "Winner of several quality awards.",
         "We attended Summer Fancy Food and Expo West in the past.", "Our products are listed in premium stores in Europe.",
         "Sustainability is at the heart of our work.", "Quality and traceability are our priorities."]
C_FILLER = ["Family-owned business.", "Part of a national group.", "We have {e} employees.",
            "Operating since {y}.", "Our warehouse covers {w},000 sq ft.", "Customer service is our focus.",
            "We work with {n} brands today.", "Headquartered in {city}."]


# ---------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------

class World:
    def __init__(self, seed, n_smes, n_cps):
        self.rng = random.Random(seed)
        self.seed = seed
        self.n_smes = n_smes
        self.n_cps = n_cps
        self.pick_families()

    # choose a chain-closed subset of families, and the niche granularity
    def pick_families(self):
        rng = self.rng
        target = max(14, min(len(FAMILIES), round(self.n_cps / 45)))
        finals = sorted(k for k, f in FAM.items() if f.kind == "final")
        rng.shuffle(finals)
        used = []
        for k in finals:
            if len(used) >= target:
                break
            for x in [k] + rng.sample(FAM[k].inputs, min(2, len(FAM[k].inputs))) + FAM[k].process[:1]:
                if x not in used:
                    used.append(x)
        if len(used) < target:
            rest = sorted(k for k in FAM if k not in used)
            rng.shuffle(rest)
            used += rest[:target - len(used)]
        self.used = sorted(used)
        per_family = self.n_cps / len(self.used)
        self.ngroups = max(1, min(5, round(per_family / 80)))
        # larger programmes: more specialised channel partners (fewer "any origin" buyers)
        spec = max(0.0, min(1.0, (per_family - 40) / 360))
        self.p_any = 0.35 - 0.15 * spec
        self.users_of = {k: [] for k in self.used}  # family -> families that consume it (input or process)
        for g in self.used:
            for x in FAM[g].inputs + FAM[g].process:
                if x in self.users_of:
                    self.users_of[x].append(g)
        self.segs_of = {}
        for k in self.used:
            f = FAM[k]
            if f.kind == "final":
                self.segs_of[k] = f.segs
            else:
                self.segs_of[k] = sorted({enduse(u) for u in self.users_of[k]}) or ["industry"]
        self.by_kind = {kd: [k for k in self.used if FAM[k].kind == kd] for kd in ("final", "inter", "equip")}

    def inputs(self, k):
        return [x for x in FAM[k].inputs if x in self.users_of]

    def process(self, k):
        return [x for x in FAM[k].process if x in self.users_of]

    def fam_group(self, rng):
        return rng.randrange(self.ngroups)

    # -------------------------------------------------------------- SMEs
    def make_sme(self, i):
        rng = self.rng
        kinds = [("final", 0.55), ("inter", 0.30), ("equip", 0.15)]
        kinds = [(k, w) for k, w in kinds if self.by_kind[k]]
        kd = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        fk = rng.choice(self.by_kind[kd])
        f = FAM[fk]
        country = rng.choices([c for c, _ in EU], [w for _, w in EU])[0]
        a = {"id": "S%04d" % (i + 1), "side": "consortium", "type": "sme", "role": "producer", "family": fk,
             "group": self.fam_group(rng), "country": country,
             "cluster": rng.choice(CLUSTERS[f.domain]),
             "segs": sorted(rng.sample(self.segs_of[fk], min(len(self.segs_of[fk]), rng.choice([1, 2, 2])))),
             "tier": rng.choice(["small", "small", "medium", "medium", "large"]),
             "brand": brand(rng)}
        self.set_serves(rng, a)
        a["targets"] = rng.choices(["US", "US|CA", "US|CA|MX", "ANY", "US|MX", "CA"], [45, 25, 10, 12, 5, 3])[0]
        held = rng.sample(f.certs_eu, rng.randint(1, min(3, len(f.certs_eu))))
        for c in f.certs_us:
            if rng.random() < 0.3:
                held.append(c)
        a["certs"] = held
        needs = []
        proc = self.process(fk)
        if proc and kd != "equip" and rng.random() < 0.2:
            e = rng.choice(proc)
            needs.append(("equipment", e, self.fam_group(rng)))
        ins = self.inputs(fk)
        if ins and rng.random() < 0.12:
            needs.append(("inputs", rng.choice(ins), self.fam_group(rng)))
        missing = [c for c in f.certs_us if c not in held]
        if missing and rng.random() < 0.25:
            needs.append(("cert", rng.choice(missing)))
        if rng.random() < 0.2:
            needs.append(("rd", rng.choice(TOPICS[f.domain])))
        svc = [s for s in sorted(SERVICES) if SERVICES[s][1] is None or f.domain in SERVICES[s][1]]
        if rng.random() < 0.2:
            needs.append(("service", rng.choice(svc)))
        if rng.random() < 0.1:
            needs.append(("investment", rng.choice(sorted(STAGES))))
        a["needs_l"] = needs
        return a

    def set_serves(self, rng, a):
        """Suppliers and machine makers name the 1-2 client industries (families) they serve."""
        users = self.users_of.get(a["family"], [])
        a["serves"] = []
        if FAM[a["family"]].kind != "final" and users:
            a["serves"] = sorted(rng.sample(users, min(len(users), rng.choice([1, 1, 2]))))
            a["segs"] = sorted({enduse(u) for u in a["serves"]})

    # -------------------------------------------------------------- counterparts
    ROLE_W = {
        "consumer": [("producer", 22), ("importer", 18), ("distributor", 18), ("retailer", 11), ("agent", 5), ("lab", 3),
                     ("research", 6), ("service", 7), ("investor", 3), ("assoc", 4)],
        "tech": [("producer", 24), ("importer", 7), ("distributor", 19), ("integrator", 18), ("agent", 5), ("lab", 3),
                 ("research", 8), ("service", 5), ("investor", 4), ("assoc", 4)],
        "inter": [("producer", 30), ("importer", 9), ("distributor", 25), ("agent", 4), ("lab", 4), ("research", 10),
                  ("service", 4), ("investor", 3), ("assoc", 4)],
        "equip": [("producer", 24), ("distributor", 28), ("integrator", 12), ("agent", 8), ("research", 8),
                  ("service", 5), ("investor", 4), ("lab", 2), ("assoc", 4)],
    }
    CHANNEL = ("importer", "distributor", "retailer", "integrator", "agent")

    def origins(self, rng):
        if rng.random() < self.p_any:
            return "ANY"
        return "|".join(sorted(set(rng.choices([c for c, _ in EU], [w for _, w in EU], k=rng.randint(2, 6)))))

    def make_cp(self, i):
        rng = self.rng
        fk = rng.choice(self.used)
        f = FAM[fk]
        rw = self.ROLE_W["inter" if f.kind == "inter" else "equip" if f.kind == "equip" else
                         ("consumer" if f.segkind == "consumer" else "tech")]
        role = rng.choices([r for r, _ in rw], [w for _, w in rw])[0]
        country = rng.choices(["US", "CA", "MX"], [84, 10, 6])[0]
        a = {"id": "C%05d" % (i + 1), "side": "counterpart", "role": role, "family": fk, "group": self.fam_group(rng),
             "country": country, "cluster": "", "brand": brand(rng), "seeks": set(), "req": [], "families": [fk]}
        a["tiers"] = rng.choice(list(TIER_C))
        sg = self.segs_of[fk]
        a["segs"] = sorted(rng.sample(sg, min(len(sg), rng.choice([1, 1, 2, 2, 3]))))
        a["origins"] = self.origins(rng)
        if role in ("producer", "distributor", "importer", "agent", "integrator"):
            self.set_serves(rng, a)
        same_dom = [k for k in self.used if FAM[k].domain == f.domain and k != fk]
        if role in ("lab", "research", "service", "investor", "agent", "assoc"):
            extra = rng.sample(same_dom, min(len(same_dom), rng.choice([0, 0, 0, 1])))
            a["families"] = [fk] + extra
        if role in self.CHANNEL:
            if rng.random() < 0.5 and role != "agent":
                a["req"] = [rng.choice(f.certs_us)]
            if rng.random() < 0.15 and role != "agent":
                a["seeks"].add(("suppliers", fk, a["group"]))
            if role == "retailer":
                a["segs"] = sorted(set(rng.sample([s for s in f.segs if s in ("retail", "online", "specialty")]
                                                  or f.segs, 1)))
        elif role == "producer":
            ins = self.inputs(fk)
            a["buys"] = []
            if ins and rng.random() < 0.6:
                x = rng.choice(ins)
                a["buys"].append((x, self.fam_group(rng)))
                if rng.random() < 0.15:
                    a["seeks"].add(("suppliers", x, a["buys"][-1][1]))
                if rng.random() < 0.3:
                    a["req"] = [rng.choice(FAM[x].certs_us)]
            proc = self.process(fk)
            if proc and rng.random() < 0.15:
                a["seeks"].add(("equipment", rng.choice(proc), self.fam_group(rng)))
            if rng.random() < 0.5:
                a["seeks"].add(("distributors",))
            a["certs"] = rng.sample(f.certs_us, rng.randint(1, min(2, len(f.certs_us))))
        elif role == "lab":
            pool = sorted(set(c for k in a["families"] for c in FAM[k].certs_us))
            a["offers_certs"] = rng.sample(pool, min(len(pool), rng.randint(1, 2)))
        elif role == "research":
            a["topics"] = rng.sample(TOPICS[f.domain], 2)
            if rng.random() < 0.4:
                a["seeks"].add(("partners", fk))
        elif role == "service":
            svc = [s for s in sorted(SERVICES) if SERVICES[s][1] is None or f.domain in SERVICES[s][1]]
            a["services"] = rng.sample(svc, min(len(svc), rng.choice([1, 1, 2])))
        elif role == "investor":
            a["stages"] = rng.sample(sorted(STAGES), rng.choice([1, 1, 2]))
        a["type"] = self.cp_type(a)
        return a

    def cp_type(self, a):
        r = a["role"]
        rng = self.rng
        if r in ("importer", "distributor", "integrator"):
            return rng.choices(["sme", "large"], [75, 25])[0]
        if r == "retailer":
            return rng.choices(["large", "sme"], [70, 30])[0]
        if r == "producer":
            return rng.choices(["sme", "large"], [65, 35])[0]
        if r == "agent":
            return "intermediary"
        if r == "lab":
            return rng.choices(["research", "sme"], [50, 50])[0]
        if r == "research":
            return "research"
        if r == "service":
            return rng.choices(["intermediary", "sme"], [60, 40])[0]
        if r == "investor":
            return "investor"
        return rng.choice(["cluster", "public"])

    # -------------------------------------------------------------- relevance
    def build(self):
        self.smes = [self.make_sme(i) for i in range(self.n_smes)]
        self.cps = [self.make_cp(i) for i in range(self.n_cps)]
        idx = {}

        def add(key, a):
            idx.setdefault(key, []).append(a)
        for c in self.cps:
            r = c["role"]
            if r in ("importer", "distributor", "retailer", "integrator"):
                add(("channel", c["family"]), c)
            elif r == "producer":
                add(("producer", c["family"]), c)
                for x, g in c["buys"]:
                    add(("buyer", x), c)
                for s in sorted(c["seeks"]):
                    if s[0] == "equipment":
                        add(("buyer", s[1]), c)
            else:
                for k in c["families"]:
                    add((r, k), c)
            for s in FAM[c["family"]].sectors:
                add(("sector", s), c)
        self.idx = idx
        self.truth = []
        for s in self.smes:
            gold = self.gold_for(s)
            bad = self.bad_for(s, gold)
            self.truth.extend(gold)
            self.truth.extend(bad)

    @staticmethod
    def origin_ok(s, c):
        return c["origins"] == "ANY" or s["country"] in c["origins"].split("|")

    def grade(self, s, c):
        """1 + market fit + constraint fit (see README)."""
        market = (s["targets"] == "ANY" or c["country"] in s["targets"].split("|")) and \
            s["country"] in c["origins"].split("|")
        constraint = s["tier"] in c["tiers"] and all(x in s["certs"] for x in c["req"])
        return 1 + int(market) + int(constraint), market, constraint

    def gold_for(self, s):
        fk, g = s["family"], s["group"]
        f = FAM[fk]
        rows = {}

        def put(c, kind, reason):
            if c["id"] in rows:
                return
            gr, m, k = self.grade(s, c)
            why = reason + ("; sources from SME's country" if m else "") + ("; volume/certification fit" if k else "")
            rows[c["id"]] = [s["id"], c["id"], gr, kind, why]
        # 1. channel partners for the SME's own family (same niche group, overlapping segment, open to origin)
        def market_overlap(c):
            if f.kind == "final":
                return set(c["segs"]) & set(s["segs"])
            return set(c["serves"]) & set(s["serves"])  # B2B channel: same client industries
        for c in self.idx.get(("channel", fk), []):
            if c["group"] == g and market_overlap(c) and self.origin_ok(s, c):
                two = ("suppliers", fk, g) in c["seeks"]
                put(c, "two-way" if two else "buyer-supplier",
                    ("%s of %s actively seeking suppliers" if two else "%s of %s") % (c["role"], L(fk)))
        for c in self.idx.get(("agent", fk), []):
            if c["family"] == fk and c["group"] == g and market_overlap(c) and self.origin_ok(s, c):
                put(c, "channel", "sales agent for %s" % L(fk))
        # 2. buyers that transform / use the SME's output
        for c in self.idx.get(("buyer", fk), []):
            if not self.origin_ok(s, c) or c["family"] not in s["serves"]:
                continue
            if f.kind == "equip":
                if ("equipment", fk, g) in c["seeks"]:
                    put(c, "two-way", "%s producer planning to buy %s" % (L(c["family"]), L(fk)))
            elif any(x == fk and gg == g for x, gg in c.get("buys", [])):
                two = ("suppliers", fk, g) in c["seeks"]
                put(c, "two-way" if two else "buyer-supplier", "%s producer/converter that buys %s" % (L(c["family"]), L(fk)))
        # 3. the SME's own needs
        for n in s["needs_l"]:
            if n[0] == "equipment":
                for c in self.idx.get(("producer", n[1]), []):
                    if c["group"] == n[2] and fk in c["serves"] and s["tier"] in c["tiers"] and \
                            self.origin_ok(s, c):
                        put(c, "technology", "machine maker for the SME's %s need" % L(n[1]))
            elif n[0] == "inputs":
                for c in self.idx.get(("producer", n[1]), []):
                    if c["group"] == n[2] and fk in c["serves"] and s["tier"] in c["tiers"] and \
                            self.origin_ok(s, c):
                        put(c, "supplier", "supplies %s the SME wants to source" % L(n[1]))
            elif n[0] == "cert":
                for c in self.idx.get(("lab", fk), []):
                    if n[1] in c["offers_certs"] and s["tier"] in c["tiers"] and c["group"] == g:
                        put(c, "service", "lab for %s" % n[1])
            elif n[0] == "rd":
                for c in self.idx.get(("research", fk), []):
                    if n[1] in c["topics"] and c["group"] == g:
                        two = ("partners", fk) in c["seeks"]
                        put(c, "two-way" if two else "technology", "research on %s" % n[1])
            elif n[0] == "service":
                for c in self.idx.get(("service", fk), []):
                    if n[1] in c["services"] and s["tier"] in c["tiers"] and c["group"] == g:
                        put(c, "service", "%s provider" % SERVICES[n[1]][0][0])
            elif n[0] == "investment":
                for c in self.idx.get(("investor", fk), []):
                    if n[1] in c["stages"] and s["tier"] in c["tiers"] and c["group"] == g:
                        put(c, "investment", "%s investor in %s" % (STAGES[n[1]][0], L(fk)))
        return sorted(rows.values(), key=lambda r: r[1])

    def bad_for(self, s, gold):
        rng = self.rng
        fk = s["family"]
        f = FAM[fk]
        gold_ids = {r[1] for r in gold}
        comp, wrong, sstn = [], [], []
        for c in self.idx.get(("producer", fk), []):
            if c["id"] in gold_ids:
                continue
            if ("distributors",) in c["seeks"] and c["group"] == s["group"]:
                comp.append((c, "same product (%s), same producer role, both seeking distributors" % L(fk)))
            else:
                sstn.append((c, "another %s producer, no trade between them" % L(fk)))
        # wrong role: actors of the SME's chain whose role does not trade with the SME
        if f.kind in ("inter", "equip"):
            for u in self.users_of.get(fk, []):
                for c in self.idx.get(("channel", u), []):
                    if c["id"] not in gold_ids:
                        wrong.append((c, "%s of finished %s, does not buy %s" % (c["role"], L(u), L(fk))))
        else:
            needed = {n[1] for n in s["needs_l"] if n[0] in ("equipment", "inputs")}
            for x in self.inputs(fk) + self.process(fk):
                if x in needed:
                    continue
                for c in self.idx.get(("producer", x), []) + self.idx.get(("channel", x), []):
                    if c["id"] not in gold_ids:
                        wrong.append((c, "sells %s; the SME seeks buyers, not %s" % (L(x), L(x))))
        related = {fk} | set(self.inputs(fk)) | set(self.process(fk)) | set(self.users_of.get(fk, []))
        cand = []
        for sec in f.sectors:
            cand.extend(self.idx.get(("sector", sec), []))
        rng2 = random.Random("%s-%s" % (self.seed, s["id"]))
        cand = sorted({c["id"]: c for c in cand}.values(), key=lambda c: c["id"])
        for c in rng2.sample(cand, min(60, len(cand))):
            if c["id"] in gold_ids or (set(c["families"]) | {c["family"]}) & related:
                continue
            sstn.append((c, "shares a sector but deals in %s, an unrelated chain" % L(c["family"])))
        out, seen = [], set()
        for lst, kind, k in ((comp, "competitor", 2), (wrong, "wrong-role", 2), (sstn, "same-sector-no-trade", 5)):
            lst = sorted(lst, key=lambda t: t[0]["id"])
            if len(lst) > k:
                lst = rng2.sample(lst, k)
            for c, why in lst:
                if len(out) >= 5 or c["id"] in seen:
                    break
                seen.add(c["id"])
                out.append([s["id"], c["id"], 0, kind, why])
        return out

    # -------------------------------------------------------------- texts
    def fillers(self, rng, k):
        out = []
        pool = HISTORY[:] if rng.random() < 0.7 else []
        if pool:
            out.append(rng.choice(HISTORY).format(y=rng.randint(1921, 2021)))
        extra = rng.sample([EXPORT, STAFF, FAIRS], k=min(3, k))
        for bank in extra:
            out.append(rng.choice(bank).format(p=rng.randint(5, 85), n=rng.randint(2, 40), e=rng.randint(4, 240)))
        return out

    def sme_text(self, s):
        rng = self.rng
        fk, g = s["family"], s["group"]
        f = FAM[fk]
        niche = niche_words(rng, f, g, self.ngroups, k=rng.choice([1, 2, 2, 3]))
        fam = fname(rng, f)
        cn = CNAME[s["country"]]
        B = s["brand"]
        prods = ["%s %s" % (B, rng.choice(PRODSUFFIX)) for _ in range(rng.choice([0, 1, 2]))]
        off = []
        if f.kind == "final":
            off.append(rng.choice([
                "{n} is {adj} producer of {fam} from {cn}.",
                "We are {adj} {cadj} company making {fam}.",
                "Manufacturer of {fam} ({ni}) under the {B} brand.",
                "{cadj} producer of {ni}.",
                "We make {ni} in {cn}, sold as {B}.",
                "{B} is our own brand of {fam}: {ni}.",
            ]).format(n=s["name"], adj=art(rng.choice(ADJ)), fam=fam, cn=cn, cadj=CADJ[s["country"]], ni=join_list(niche), B=B))
            if niche[0] not in off[0] and rng.random() < 0.8:
                off.append(rng.choice(["Our range includes {ni}.", "Main products: {ni}.", "We focus on {ni}.",
                                       "Core products are {ni}."]).format(ni=join_list(niche)))
        elif f.kind == "inter":
            verb = "convert" if f.domain == "packaging" else "supply"
            off.append(rng.choice([
                "We {verb} {fam} for {seg}.",
                "{cadj} supplier of {fam} ({ni}).",
                "{n} manufactures {ni} for {seg}.",
                "Producer of {fam}; specialities: {ni}.",
                "We develop and produce {ni} used by {seg}.",
            ]).format(verb=verb, fam=fam, seg=seg_phrase(rng, f, s["segs"]), cadj=CADJ[s["country"]],
                      ni=join_list(niche), n=s["name"]))
            if niche[0] not in off[0]:
                off.append(rng.choice(["Our range includes {ni}.", "Key products: {ni}.", "Specialities: {ni}."]).format(
                    ni=join_list(niche)))
            if f.domain == "packaging" and self.inputs(fk) and rng.random() < 0.6:
                x = FAM[rng.choice(self.inputs(fk))]
                off.append(rng.choice(["We process %s into %s.", "Our %s-based production covers %s.",
                                       "Raw materials: %s; output: %s."]) % (rng.choice(x.names), join_list(niche)))
        else:
            users = [FAM[u] for u in s["serves"]]
            off.append(rng.choice([
                "We design and build {fam}: {ni}.",
                "{cadj} machine builder specialised in {ni}.",
                "{n} makes {fam} ({ni}) for small and large plants.",
                "Engineering company producing {ni} and complete {fam}.",
            ]).format(fam=fam, ni=join_list(niche), cadj=CADJ[s["country"]], n=s["name"]))
            if users:
                off.append(rng.choice(["Our machines are used by %s producers.", "Customers are %s manufacturers.",
                                       "We build for the %s industry."]) % join_list(
                    sorted({rng.choice(u.names) for u in users})))
        if prods:
            off.append(rng.choice(["Product lines: {p}.", "Brands: {p}.", "Best sellers are {p}."]).format(
                p=join_list(prods)))
        if f.kind == "final" and rng.random() < 0.7:
            off.append(rng.choice(["We sell mainly to {s}.", "Our customers are {s}.", "Present in {s} in Europe."]).format(
                s=seg_phrase(rng, f, s["segs"])))
        off.append(rng.choice(["Certified {c}.", "We hold {c}.", "Certifications: {c}.", "Our plant is {c} certified."]).format(
            c=join_list(s["certs"])))
        off.append(rng.choice(TIER_SME[s["tier"]]) + ".")
        off += self.fillers(rng, rng.choice([0, 1, 1, 2, 3]))
        # needs
        tgt = {"US": "the US", "US|CA": "the US and Canada", "US|CA|MX": "North America", "ANY": "new export markets",
               "US|MX": "the US and Mexico", "CA": "Canada"}[s["targets"]]
        nd = []
        if f.kind == "final":
            nd.append(rng.choice([
                "Looking for importers and distributors of our {B} {ni} in {t}.",
                "We want to enter {t} and seek distribution partners for our {fam}.",
                "Seeking an importer for our {ni} in {t}, ideally serving {seg}.",
                "Looking for importers of our {fam}.",
                "We need distributors and retail partners in {t} for {B} products.",
                "Find buyers for our {ni} ({seg}) in {t}.",
            ]).format(B=B, ni=rng.choice(niche), t=tgt, fam=fname(rng, f), seg=seg_phrase(rng, f, s["segs"])))
        elif f.kind == "inter":
            users = [FAM[u] for u in s["serves"]]
            un = join_list(sorted({rng.choice(u.names) for u in users})) if users else "industrial"
            nd.append(rng.choice([
                "Looking for {un} manufacturers in {t} who use {ni}, and for distributors.",
                "Seeking customers among {un} producers and converters in {t}.",
                "We want to find buyers for our {ni} and a distributor in {t}.",
                "Looking for distributors of our {fam} in {t} and direct industrial customers.",
            ]).format(un=un, t=tgt, ni=rng.choice(niche), fam=fname(rng, f)))
        else:
            users = [FAM[u] for u in s["serves"]]
            un = join_list(sorted({rng.choice(u.names) for u in users})) if users else "industrial"
            nd.append(rng.choice([
                "Seeking dealers, agents and end users among {un} producers in {t}.",
                "Looking for distributors of our {fam} and for companies planning new {ni}.",
                "We want to sell our {ni} to {un} manufacturers in {t}.",
            ]).format(un=un, t=tgt, fam=fname(rng, f), ni=rng.choice(niche)))
        for n in s["needs_l"]:
            if n[0] == "equipment":
                e = FAM[n[1]]
                nd.append(rng.choice([
                    "We plan to invest in new {ni} and look for machine suppliers.",
                    "Interested in {fam}, especially {ni}, to expand capacity.",
                    "Need to upgrade our line with {ni}.",
                ]).format(ni=join_list(niche_words(rng, e, n[2], self.ngroups, 1)), fam=fname(rng, e)))
            elif n[0] == "inputs":
                x = FAM[n[1]]
                nd.append(rng.choice([
                    "We also want to source {ni} locally.",
                    "Looking for suppliers of {fam} ({ni}).",
                    "Sourcing of {ni} for our US production.",
                    "Need a reliable supplier of {ni}.",
                ]).format(ni=join_list(niche_words(rng, x, n[2], self.ngroups, 1)), fam=fname(rng, x)))
            elif n[0] == "cert":
                nd.append(rng.choice(["We need {c} before shipping to the US.", "Support for {c} testing is required.",
                                      "Looking for a lab to obtain {c}.", "{c} is still missing for our products."]
                                     ).format(c=n[1]))
            elif n[0] == "rd":
                nd.append(rng.choice(["Open to R&D cooperation on {t}.", "Interested in joint research on {t}.",
                                      "We look for a research partner in {t}.", "Want to develop new products with {t}."]
                                     ).format(t=n[1]))
            elif n[0] == "service":
                nd.append(rng.choice(["We need help with {x}.", "Looking for a partner for {x}.",
                                      "Support with {x} would be welcome."]).format(x=rng.choice(SERVICES[n[1]][0])))
            elif n[0] == "investment":
                nd.append(rng.choice(["Open to {x} investment to scale up.", "Raising {x} to grow in the US.",
                                      "We seek investors ({x})."]).format(x=rng.choice(STAGES[n[1]])))
        if rng.random() < 0.3:
            nd.append(rng.choice(["Exclusive agreements are possible.", "Private label is an option.",
                                  "We can adapt packaging and labels to the US market.",
                                  "Samples available on request."]))
        return " ".join(off), " ".join(nd)

    def cp_text(self, c):
        rng = self.rng
        fk, g, r = c["family"], c["group"], c["role"]
        f = FAM[fk]
        niche = niche_words(rng, f, g, self.ngroups, k=rng.choice([1, 2, 3]))
        fam = fname(rng, f)
        reg = rng.choice(REGION[c["country"]])
        seg = seg_phrase(rng, f, c["segs"])
        off, nd = [], []
        famlist = join_list(sorted({rng.choice(FAM[k].names) for k in c["families"]}))
        if r == "importer":
            off.append(rng.choice([
                "Importer of European {fam} ({ni}) serving {seg} in {reg}.",
                "We import {ni} and other {fam} and take care of customs, compliance paperwork, warehousing and delivery to {seg}.",
                "Specialty importer: {fam} from Europe for {seg} across {reg}.",
                "Import and distribution company; portfolio of {fam} including {ni}.",
            ]).format(fam=fam, ni=join_list(niche), seg=seg, reg=reg))
            off.append(rng.choice(["We handle logistics, customs clearance and market access.",
                                   "Bonded warehouse and our own sales team.", "We offer consolidation of European shipments.",
                                   "Nationwide reach through wholesalers."]))
        elif r == "distributor":
            off.append(rng.choice([
                "Distributor of {fam} covering {reg}; we sell to {seg}.",
                "Wholesale distribution of {ni} with our own fleet in {reg}.",
                "{n} distributes {fam} to {seg}.",
                "Regional distributor ({reg}) for {ni} and related {fam}.",
                "Master distributor of {fam} in {reg}.",
            ]).format(fam=fam, ni=join_list(niche), seg=seg, reg=reg, n=c["name"]))
            off.append(rng.choice(["Our warehouse offers {x} pallet positions.", "Sales reps visit our accounts weekly.",
                                   "Deliveries within 48 hours.", "We provide marketing support to the brands we carry."]
                                  ).format(x=rng.randint(2, 40) * 100))
        elif r == "retailer":
            off.append(rng.choice([
                "Chain of {k} stores selling {fam}, with a growing online shop.",
                "Online retailer of {ni} and other {fam}.",
                "Gourmet retail chain in {reg}; our {fam} aisle features imported brands.",
                "Retailer with {k} outlets; categories include {ni}.",
            ]).format(k=rng.randint(3, 400), fam=fam, ni=join_list(niche), reg=reg))
        elif r == "integrator":
            off.append(rng.choice([
                "System integrator deploying {fam} for {seg} in {reg}.",
                "We design, install and maintain solutions based on {ni} for {seg}.",
                "Integrator and value-added reseller of {fam}.",
                "Turnkey projects with {ni} for {seg}.",
            ]).format(fam=fam, ni=join_list(niche), seg=seg, reg=reg))
        elif r == "agent":
            off.append(rng.choice([
                "Manufacturers' representative agency for {fam}, selling on commission to {seg} in {reg}.",
                "Sales agents for European {fam} brands in {reg}.",
                "Independent rep group covering {seg}; lines include {ni}.",
            ]).format(fam=fam, ni=join_list(niche), seg=seg, reg=reg))
        elif r == "producer":
            lab = {"final": "manufacturer", "inter": "supplier", "equip": "machine builder"}[f.kind]
            if f.kind == "inter" and f.domain == "packaging":
                lab = "converter"
            off.append(rng.choice([
                "{cty} {lab} of {fam} ({ni}).",
                "We produce {ni} in {city}.",
                "{n} is a {lab} of {fam} for {seg}.",
                "Manufacturing of {ni}; {fam} for {seg}.",
            ]).format(cty=CADJ[c["country"]], lab=lab, fam=fam, ni=join_list(niche), city=rng.choice(CITY[c["country"]]),
                      n=c["name"], seg=seg))
            for x, gg in c["buys"]:
                xf = FAM[x]
                off.append(rng.choice(["We process {x} in our plant.", "Our main raw material is {x}.",
                                       "Production uses {x} ({f}).", "We buy {x} in volume."]).format(
                    x=join_list(niche_words(rng, xf, gg, self.ngroups, 1)), f=rng.choice(xf.names)))
            if c.get("certs"):
                off.append("Certified: %s." % join_list(c["certs"]))
            for sk in sorted(c["seeks"]):
                if sk[0] == "distributors":
                    nd.append(rng.choice(["Looking for distributors to expand beyond {reg}.",
                                          "We seek distribution partners, also in Europe.",
                                          "Interested in new sales channels for our {fam}."]).format(reg=reg, fam=fam))
                elif sk[0] == "suppliers":
                    xf = FAM[sk[1]]
                    nd.append(rng.choice(["We are looking for new suppliers of {x}.", "Want to qualify a second source of {x}.",
                                          "Seeking European suppliers of {f}, in particular {x}."]).format(
                        x=join_list(niche_words(rng, xf, sk[2], self.ngroups, 1)), f=rng.choice(xf.names)))
                elif sk[0] == "equipment":
                    ef = FAM[sk[1]]
                    nd.append(rng.choice(["We plan to buy new {x}.", "Investment in {f} planned ({x}).",
                                          "Looking for suppliers of {x} for a new line."]).format(
                        x=join_list(niche_words(rng, ef, sk[2], self.ngroups, 1)), f=rng.choice(ef.names)))
        elif r == "lab":
            off.append(rng.choice([
                "Accredited testing laboratory for {fl}; we test and certify for {c}, with a focus on {ni}.",
                "ISO 17025 lab offering {c} testing for {fl} such as {ni}.",
                "Testing, inspection and certification services ({c}) for {fl} companies; specialised in {ni}.",
            ]).format(fl=famlist, c=join_list(c["offers_certs"]), ni=join_list(niche)))
            nd.append(rng.choice(["New clients entering the US market.", "Looking for European manufacturers as clients.",
                                  "Partnerships with European labs."]))
        elif r == "research":
            off.append(rng.choice([
                "University research centre working on {t} for the {fl} sector, in particular {ni}.",
                "Applied research institute: {t}; pilot plant available for {ni}.",
                "Our lab studies {t} with applications in {fl} ({ni}).",
            ]).format(t=join_list(c["topics"]), fl=famlist, ni=join_list(niche)))
            if c["seeks"]:
                nd.append(rng.choice(["Looking for industrial partners in {fl} for joint projects.",
                                      "We seek companies producing {fl} for pilot studies.",
                                      "Industrial partners wanted for funded projects on {t}."]).format(
                    fl=famlist, t=rng.choice(c["topics"])))
            else:
                nd.append(rng.choice(["Open to licensing our patents.", "Interested in EU-US research programmes.",
                                      "Looking for visiting researchers."]))
        elif r == "service":
            off.append(rng.choice([
                "We provide {s} for {fl} companies, mostly producers of {ni}.",
                "{s}: our team supports exporters of {ni} entering {reg}.",
                "Consultancy and services: {s} (clients in {fl}, e.g. {ni}).",
            ]).format(s=join_list([rng.choice(SERVICES[x][0]) for x in c["services"]]), fl=famlist, reg=reg,
                      ni=join_list(niche)))
            nd.append(rng.choice(["New European clients.", "Looking for companies entering the US.",
                                  "Partnerships with European service providers."]))
        elif r == "investor":
            off.append(rng.choice([
                "Venture fund investing {st} tickets in {fl} companies, especially {ni}.",
                "Family office with a focus on {fl} ({ni}); {st}.",
                "Corporate venture arm: {st} investments in {ni} and other {fl}.",
            ]).format(st=join_list([rng.choice(STAGES[x]) for x in c["stages"]]), fl=famlist, ni=join_list(niche)))
            nd.append(rng.choice(["Deal flow in {fl}.", "European start-ups and SMEs expanding to the US.",
                                  "Co-investment partners."]).format(fl=famlist))
        else:
            off.append(rng.choice([
                "Trade association representing {fl} companies in {reg}.",
                "Economic development agency supporting foreign companies in {reg}.",
                "Industry cluster for {fl} in {reg}.",
            ]).format(fl=famlist, reg=reg))
            nd.append(rng.choice(["Contacts with European clusters.", "Attracting foreign investment.",
                                  "Cooperation agreements with European associations."]))
        if c.get("serves"):
            un = join_list(sorted({rng.choice(FAM[u].names) for u in c["serves"]}))
            off.append(rng.choice(["Our customers are {u} producers.", "We serve the {u} industry.",
                                   "Main client industries: {u}.", "We work for {u} manufacturers."]).format(u=un))
        # channel constraints & reciprocal interest
        if r in ("importer", "distributor", "retailer", "integrator", "agent"):
            if ("suppliers", fk, g) in c["seeks"]:
                nd.append(rng.choice([
                    "Actively looking for new European producers of {ni} to add to our portfolio.",
                    "We want to add {fam} brands from Europe, especially {ni}.",
                    "Seeking new suppliers of {ni}.",
                ]).format(ni=join_list(niche_words(rng, f, g, self.ngroups, 1)), fam=fname(rng, f)))
            if r != "agent":
                nd.append(rng.choice(TIER_C[c["tiers"]]) + ".")
            if c["req"]:
                nd.append(rng.choice(["Suppliers must have {x}.", "{x} is mandatory.", "We require {x}."]).format(
                    x=c["req"][0]))
            self.origin_text(rng, c, nd, ["We mainly source from {o}.", "Current suppliers are in {o}.",
                                          "Preferred origins: {o}."], "Open to suppliers from any European country.")
        elif r == "producer":
            if c["req"]:
                nd.append("Suppliers must have %s." % c["req"][0])
            if rng.random() < 0.5:
                nd.append(rng.choice(TIER_C[c["tiers"]]) + ".")
            self.origin_text(rng, c, nd, ["We work with European partners from {o}.", "Our partners are mainly in {o}.",
                                          "We trade with companies from {o}."], "We work with partners worldwide.")
        else:
            if rng.random() < 0.7:
                nd.append(rng.choice(TIER_C_SVC[c["tiers"]]) + ".")
            self.origin_text(rng, c, nd, ["We already work with clients from {o}.", "Many of our clients come from {o}.",
                                          "Experience with companies from {o}."], "Clients from all over Europe.")
        if not nd:
            nd.append(rng.choice(["We work on commission ({k}%) with exclusive territories.",
                                  "Interested in meeting European companies.", "Open to new partnerships.",
                                  "Terms: net 60, FOB or DDP."]).format(k=rng.randint(5, 15)))
        if rng.random() < 0.6:
            off.append(rng.choice(C_FILLER).format(e=rng.randint(3, 900), y=rng.randint(1950, 2022),
                                                   w=rng.randint(5, 300), n=rng.randint(5, 200),
                                                   city=rng.choice(CITY[c["country"]])))
        return " ".join(off), " ".join(nd)

    @staticmethod
    def origin_text(rng, c, nd, explicit, generic):
        if c["origins"] != "ANY":
            if rng.random() < 0.85:
                nd.append(rng.choice(explicit).format(o=join_list([CNAME[x] for x in c["origins"].split("|")])))
        elif rng.random() < 0.5:
            nd.append(generic)

    # -------------------------------------------------------------- names, fields
    def name_for(self, a, used):
        rng = self.rng
        f = FAM[a["family"]]
        while True:
            base = a["brand"] if rng.random() < 0.6 else brand(rng)
            role = a.get("role") if a["side"] == "counterpart" else "sme"
            dom = NAMEWORD_DOM[f.domain] if role in ("sme", "producer", "importer", "distributor", "retailer") else []
            word = rng.choice(NAMEWORD.get(role, NAMEWORD["sme"]) + dom)
            n = "%s %s %s" % (base, word, rng.choice(LEGAL[a["country"]]))
            if n not in used:
                used.add(n)
                return n

    def sectors(self, a):
        secs = list(FAM[a["family"]].sectors[:2])
        extra = {"importer": "retail", "distributor": "retail", "retailer": "retail", "agent": "retail",
                 "integrator": None, "lab": "research", "research": "research", "service": "business-services",
                 "investor": "business-services"}.get(a["role"] if a["side"] == "counterpart" else "", None)
        if a.get("role") == "service" and "coldchain" in a.get("services", []) + []:
            extra = "logistics"
        if extra and extra not in secs:
            secs.append(extra)
        return "|".join(secs[:3])

    def cooperation(self, a):
        if a["side"] == "consortium":
            co = ["commercial", "distribution"]
            for n in a["needs_l"]:
                co.append({"equipment": "supplier", "inputs": "supplier", "cert": "outsourcing", "rd": "research",
                           "service": "outsourcing", "investment": "investment"}[n[0]])
            if FAM[a["family"]].kind != "final":
                co.append("supplier")
        else:
            co = {"importer": ["distribution", "commercial"], "distributor": ["distribution", "commercial"],
                  "retailer": ["commercial"], "integrator": ["commercial", "technical"], "agent": ["distribution"],
                  "producer": ["commercial", "supplier"], "lab": ["technical", "outsourcing"],
                  "research": ["research", "technical", "licensing"], "service": ["outsourcing", "commercial"],
                  "investor": ["investment", "joint_venture"], "assoc": ["commercial"]}[a["role"]][:]
        order = ["commercial", "distribution", "supplier", "technical", "research", "licensing", "joint_venture",
                 "investment", "outsourcing"]
        return "|".join(x for x in order if x in set(co))

    def write(self, out):
        os.makedirs(out, exist_ok=True)
        used = set()
        rows = []
        for a in self.smes + self.cps:
            a["name"] = self.name_for(a, used)
            if a["side"] == "consortium":
                offers, needs = self.sme_text(a)
                tgt = a["targets"]
            else:
                offers, needs = self.cp_text(a)
                tgt = a.get("origins", "ANY")
            if self.rng.random() < 0.25:
                if self.rng.random() < 0.5:
                    offers = typo(self.rng, offers, self.rng.choice([1, 1, 2]))
                else:
                    needs = typo(self.rng, needs, 1)
            rows.append([a["id"], a["name"], a["country"], a["side"], a["type"], a["cluster"], self.sectors(a),
                         offers, needs, tgt, self.cooperation(a)])
        with open(os.path.join(out, "participants.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            w.writerow(["id", "name", "country", "side", "type", "cluster", "sectors", "offers", "needs",
                        "target_countries", "cooperation"])
            w.writerows(rows)
        with open(os.path.join(out, "truth.csv"), "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
            w.writerow(["participant_id", "partner_id", "relevance", "kind", "reason"])
            w.writerows(self.truth)
        with open(os.path.join(out, "mission.yaml"), "w", encoding="utf-8") as fh:
            fh.write(MISSION.format(seed=self.seed))


CNAME = {"IT": "Italy", "FR": "France", "ES": "Spain", "DE": "Germany", "PT": "Portugal", "BE": "Belgium",
         "NL": "the Netherlands", "AT": "Austria", "PL": "Poland", "CZ": "Czechia", "SI": "Slovenia", "HR": "Croatia",
         "GR": "Greece", "DK": "Denmark", "SE": "Sweden", "FI": "Finland", "IE": "Ireland", "HU": "Hungary",
         "RO": "Romania", "SK": "Slovakia", "LT": "Lithuania", "EE": "Estonia", "BG": "Bulgaria", "US": "the US",
         "CA": "Canada", "MX": "Mexico"}
CADJ = {"IT": "Italian", "FR": "French", "ES": "Spanish", "DE": "German", "PT": "Portuguese", "BE": "Belgian",
        "NL": "Dutch", "AT": "Austrian", "PL": "Polish", "CZ": "Czech", "SI": "Slovenian", "HR": "Croatian",
        "GR": "Greek", "DK": "Danish", "SE": "Swedish", "FI": "Finnish", "IE": "Irish", "HU": "Hungarian",
        "RO": "Romanian", "SK": "Slovak", "LT": "Lithuanian", "EE": "Estonian", "BG": "Bulgarian", "US": "US",
        "CA": "Canadian", "MX": "Mexican"}
ADJ = ["family-run", "young", "innovative", "long-established", "independent", "fast-growing", "small", "specialised"]
PRODSUFFIX = ["Classic", "Riserva", "Pro", "Bio", "One", "Select", "Prime", "Pure", "Max", "Gold", "Line", "Nova",
              "Origin", "Flex", "Eco", "Plus", "Lab", "X2"]
NAMEWORD = {"sme": ["Group", "Industries", "Manufacturing", "Works", "& Figli", "Production", "Brands"],
            "importer": ["Imports", "Trading", "Import Co", "Global Trade"], "distributor": ["Distribution", "Supply",
                                                                                           "Wholesale", "Distributors"],
            "retailer": ["Markets", "Stores", "Shop", "Retail"], "integrator": ["Systems", "Solutions", "Integration"],
            "agent": ["Sales Agency", "Reps", "Brokers"], "producer": ["Manufacturing", "Industries", "Works", "Mfg"],
            "lab": ["Labs", "Testing", "Analytical"], "research": ["Institute", "Research Center", "Innovation Lab"],
            "service": ["Consulting", "Logistics", "Advisory", "Services"], "investor": ["Capital", "Ventures", "Partners"],
            "assoc": ["Association", "Council", "Alliance", "Development Agency"]}
NAMEWORD_DOM = {"food": ["Foods", "Gourmet"], "bev": ["Beverages", "Cellars"], "health": ["Health", "Care"],
                "packaging": ["Pack", "Packaging"], "materials": ["Materials", "Polymers"],
                "electronics": ["Electronics", "Devices"], "software": ["Software", "Digital"],
                "mobility": ["Mobility", "Motion"], "energy": ["Energy", "Power"], "cleantech": ["Enviro", "CleanTech"],
                "equipment": ["Machinery", "Engineering"]}

MISSION = """id: supplychain-{seed}
name: Synthetic value-chain programme (seed {seed})
host_country: US
city: Philadelphia
timezone: America/New_York
participants: participants.csv
pairing: bipartite
sides: [consortium, counterpart]
sessions:
  - {{date: 2026-05-12, start: "09:00", end: "17:30"}}
meeting_minutes: 20
break_minutes: 5
tables: 40
max_meetings: 10
min_meetings: 0
rules:
  exclude_same_cluster: false
  exclude_same_country: false
  require_common_language: false
top_k: 10
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--smes", type=int, default=200)
    ap.add_argument("--counterparts", type=int, default=600)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    w = World(args.seed, args.smes, args.counterparts)
    w.build()
    w.write(args.out)


if __name__ == "__main__":
    main()
