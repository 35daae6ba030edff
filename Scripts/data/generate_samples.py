#!/usr/bin/env python3
"""Generate MissionMatch's sample missions, participants and meeting requests.

    python3 Scripts/data/generate_samples.py            # (re)write Data/missions, participants, requests
    python3 Scripts/data/generate_samples.py --check    # fail if the files on disk differ from a fresh run

Python 3 standard library only. Every random choice comes from random.Random
seeded with the mission id, and nothing iterates over an unordered set, so a
re-run produces byte-identical files (whatever PYTHONHASHSEED is).

Inputs: Data/reference/thesaurus.csv, Data/reference/sectors.csv,
Data/programme/clusters.csv and the curated phrase banks next to this script.
All organisations, people, e-mail addresses and requests produced here are
fictional.
"""

import csv
import io
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import phrasebank_common as PB  # noqa: E402
from phrasebank_consortium import CONSORTIUM, ALT_COUNTRIES  # noqa: E402
from phrasebank_counterparts import COUNTERPARTS, HOST_SETTINGS  # noqa: E402

ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(ROOT, "Data")

PARTICIPANT_COLUMNS = [
    "id", "name", "country", "side", "type", "cluster", "sectors", "offers", "needs", "offer_tags", "need_tags",
    "target_countries", "cooperation", "languages", "max_meetings", "min_meetings", "representatives", "available",
    "email", "contact", "website",
]
COOPERATION_ORDER = ["commercial", "distribution", "supplier", "technical", "research", "licensing", "joint_venture",
                     "investment", "outsourcing"]

# --- missions (single source of truth for the YAML files and for `available`) ----------------------

# The engine's fitted defaults (ScoringWeights.defaults, docs/MatchQuality.md), written out so that a mission copied
# from a sample shows every key; BundledDataTests fails when they differ from the engine's.
DEFAULT_WEIGHTS = [("complementarity", "0.36"), ("latent_share", "0.20"), ("semantic_share", "0.30"),
                   ("similarity", "0.22"), ("competition", "0.13"), ("sector", "0.12"), ("country", "0.10"),
                   ("cooperation", "0.07"), ("reciprocity", "arithmetic"), ("calibrated", "true")]

MISSIONS = [
    {
        "id": "toronto-2019",
        "name": "ESCP-4i business mission to Toronto and EU–Canada matchmaking",
        "host_country": "CA", "city": "Toronto", "timezone": "America/Toronto",
        "pairing": "bipartite", "prefix": ("tor-eu", "tor-ca"),
        "sessions": [("2019-06-04", "09:00", "12:30"), ("2019-06-04", "14:00", "17:30"), ("2019-06-05", "09:00", "12:00")],
        "meeting_minutes": 20, "break_minutes": 5, "tables": 18, "max_meetings": 8, "min_meetings": 2,
        "exclude_same_country": False, "require_common_language": False,
        "targets": (320, 40, 12, 2, 1),
        # The bundled outcomes example (fictional): Scripts/generate-outcomes.swift, see Data/README.md.
        "outcomes": "../outcomes/toronto-2019.csv",
        "partnership_weights": {"adpack2": 1.0, "nf4": 1.0, "ec2i": 1.0, "mobigoin": 1.0},
        "consortium": 120, "counterparts": 40,
    },
    {
        "id": "shanghai-2019",
        "name": "ESCP-4i business mission to Shanghai (AdPack², NF4, EC2i, MobiGoIn)",
        "host_country": "CN", "city": "Shanghai", "timezone": "Asia/Shanghai",
        "pairing": "bipartite", "prefix": ("sha-eu", "sha-cn"),
        "sessions": [("2019-06-17", "09:00", "12:30"), ("2019-06-18", "14:00", "17:30"), ("2019-06-19", "09:30", "12:00")],
        "meeting_minutes": 25, "break_minutes": 5, "tables": 20, "max_meetings": 8, "min_meetings": 2,
        "exclude_same_country": False, "require_common_language": False,
        "targets": (300, 36, 10),
        "partnership_weights": {"adpack2": 8.0, "nf4": 8.0, "ec2i": 4.0, "mobigoin": 3.0},
        "consortium": 120, "counterparts": 42,
    },
    {
        "id": "washington-philadelphia-2019",
        "name": "ESCP-4i business mission to Washington DC and Philadelphia",
        "host_country": "US", "city": "Washington DC and Philadelphia", "timezone": "America/New_York",
        "pairing": "bipartite", "prefix": ("wph-eu", "wph-us"),
        "sessions": [("2019-10-01", "09:00", "12:30"), ("2019-10-01", "14:00", "17:00"), ("2019-10-03", "09:00", "12:30")],
        "meeting_minutes": 20, "break_minutes": 5, "tables": 16, "max_meetings": 8, "min_meetings": 2,
        "exclude_same_country": False, "require_common_language": False,
        "targets": (300, 38, 10),
        "partnership_weights": {"adpack2": 5.0, "nf4": 4.6, "ec2i": 7.0, "mobigoin": 8.0},
        "consortium": 120, "counterparts": 40,
    },
    {
        "id": "escp4i-matchmaking-2019",
        "name": "ESCP-4i cross-partnership matchmaking day, Brussels",
        "host_country": "BE", "city": "Brussels", "timezone": "Europe/Brussels",
        "pairing": "open", "prefix": ("hub", None),
        "sessions": [("2019-03-26", "09:30", "12:30"), ("2019-03-26", "14:00", "16:30")],
        "meeting_minutes": 20, "break_minutes": 5, "tables": 16, "max_meetings": 6, "min_meetings": 2,
        "exclude_same_country": False, "require_common_language": False,
        "targets": (180, 15, 4),
        "partnership_weights": {"adpack2": 1.0, "nf4": 1.0, "ec2i": 1.0, "mobigoin": 1.0},
        "consortium": 70, "counterparts": 0,
    },
]

# Where members of each cluster are based (used in texts only).
CLUSTER_CITIES = {
    "nanoprogress": ["Pardubice", "Liberec", "Brno", "Hradec Králové", "Prague"],
    "plastiwin": ["Liège", "Charleroi", "Namur", "Mons", "Seneffe"],
    "balticnet-plasmatec": ["Greifswald", "Rostock", "Stralsund", "Berlin"],
    "secured-communicating-solutions": ["Sophia Antipolis", "Rousset", "Marseille", "Nice"],
    "packaging-cluster": ["Sabadell", "Barcelona", "Vic", "Terrassa", "Granollers"],
    "inovcluster": ["Castelo Branco", "Fundão", "Covilhã", "Idanha-a-Nova"],
    "foodvalleynl": ["Wageningen", "Ede", "Nijmegen", "Utrecht"],
    "valorial": ["Rennes", "Quimper", "Lorient", "Saint-Brieuc", "Vannes"],
    "wagralim": ["Gosselies", "Gembloux", "Louvain-la-Neuve", "Namur"],
    "clusaga": ["Santiago de Compostela", "Vigo", "A Coruña", "Lugo", "Ourense"],
    "vitagora": ["Dijon", "Beaune", "Besançon", "Auxerre"],
    "tenerrdis": ["Grenoble", "Chambéry", "Annecy", "Valence"],
    "green-tech-cluster-styria": ["Graz", "Leoben", "Gleisdorf", "Weiz"],
    "sustainable-business-hub": ["Malmö", "Lund", "Helsingborg"],
    "tweed": ["Liège", "Namur", "Louvain-la-Neuve", "Arlon"],
    "clean": ["Copenhagen", "Aarhus", "Odense", "Sønderborg"],
    "bwcon": ["Stuttgart", "Karlsruhe", "Ulm", "Reutlingen"],
    "moveo": ["Rouen", "Versailles", "Caen", "Le Havre"],
    "torino-wireless": ["Turin", "Ivrea", "Novara"],
    "media-evolution": ["Malmö", "Lund", "Helsingborg"],
}
ALT_CITIES = {"SK": ["Bratislava", "Žilina"], "SI": ["Maribor", "Ljubljana"], "CH": ["Geneva", "Zurich"],
              "DK": ["Copenhagen"], "LU": ["Esch-sur-Alzette"], "BE": ["Ghent", "Leuven"]}

HOST_NAMES = {"CA": ["Canada", "CAN"], "CN": ["China", "CHN"], "US": ["USA", "United States"]}
HOST_NEIGHBOURS = {"CA": ["CA|US", "Canada|USA"], "CN": ["CN|HK|SG", "China|Hong Kong"], "US": ["US|CA", "US|CA|MX"]}
EU_TARGETS = ["DE", "FR", "ES", "IT", "NL", "BE", "AT", "SE", "DK", "PL", "CZ", "PT", "FI", "IE"]

# --- reference data --------------------------------------------------------------------------------


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_reference():
    thes = {}
    for r in read_csv(os.path.join(DATA, "reference", "thesaurus.csv")):
        syns = [s for s in r["synonyms"].split("|") if s]
        thes[r["id"]] = {"label": r["label"], "sector": r["sector"], "synonyms": syns,
                         "text_label": text_label(r["label"]),
                         "text_syns": [s for s in syns if good_for_text(s) and s.lower() not in PB.TEXT_EXCLUDE]}
    sectors = {}
    for r in read_csv(os.path.join(DATA, "reference", "sectors.csv")):
        sectors[r["code"]] = {"name": r["name"], "aliases": [a for a in r["aliases"].split("|") if a]}
    clusters = {}
    for r in read_csv(os.path.join(DATA, "programme", "clusters.csv")):
        clusters[r["id"]] = r
    return thes, sectors, clusters


def text_label(label):
    first = label.split()[0]
    if first.isupper() or any(ch.isupper() for ch in first[1:]):
        return label
    return label[0].lower() + label[1:]


def good_for_text(s):
    if len(s) < 4:
        return False
    if re.fullmatch(r"[A-Z0-9&/.\-]+s?", s):  # bare acronyms read badly in running text
        return False
    return True


# --- small text helpers ----------------------------------------------------------------------------


def article(phrase):
    w = phrase.split()[0]
    if re.match(r"^[A-Z0-9]{2,}", w):
        return "an" if w[0] in "AEFHILMNORSX8" else "a"
    lw = w.lower()
    if lw.startswith(("uni", "use", "eu", "one", "ubiq")):
        return "a"
    return "an" if lw[0] in "aeiou" else "a"


def cap(s):
    return s[:1].upper() + s[1:] if s else s


def ascii_fold(s):
    s = (s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae").replace("Æ", "Ae")
         .replace("œ", "oe").replace("ł", "l").replace("đ", "d"))
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def slug(s):
    s = ascii_fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


def fmt_n(n):
    return f"{n:,}"


def join_list(items):
    return "|".join(items)


class Ctx:
    """Random source and reference data for one mission."""

    def __init__(self, mission, thes, sectors, clusters):
        self.m = mission
        self.rng = random.Random(mission["id"])
        self.thes = thes
        self.sectors = sectors
        self.clusters = clusters
        self.used_names = set()
        self.used_emails = set()

    # concept phrases
    def cphrase(self, cid):
        c = self.thes[cid]
        return self.rng.choice([c["text_label"], c["text_label"]] + c["text_syns"])

    def role_phrase(self, cid, agent=False):
        """Phrase for a partner role; agent=True only returns organisations one can meet."""
        options = list(PB.ROLE_PHRASES.get(cid, []))
        if not agent:
            options += PB.ROLE_NEEDS.get(cid, [])
        if options:
            return self.rng.choice(options)
        return self.cphrase(cid)

    def svc_phrase(self, cid):
        if cid in OFFER_SERVICES:
            return self.rng.choice(OFFER_SERVICES[cid])
        return self.cphrase(cid)

    def noun_phrase(self, cid):
        if cid in OFFER_NOUNS:
            return self.rng.choice(OFFER_NOUNS[cid])
        return self.cphrase(cid)

    def tag(self, cid):
        r = self.rng.random()
        c = self.thes[cid]
        if r < 0.45:
            return cid
        if r < 0.82:
            return c["label"]
        return self.rng.choice(c["synonyms"])

    def sector_text(self, code):
        r = self.rng.random()
        s = self.sectors[code]
        if r < 0.5 or (r >= 0.8 and not s["aliases"]):
            return code
        if r < 0.8:
            return s["name"]
        return self.rng.choice(s["aliases"])


# Offer-side phrasing of partner-role concepts ("we offer X" / "we can act as X").
OFFER_SERVICES = {
    "investor": ["equity investment", "venture capital", "growth capital", "VC funding"],
    "strategic-investor": ["corporate venture capital", "strategic partner investment"],
    "business-angels": ["angel investment", "seed funding", "seed investment"],
    "market-entry-services": ["market entry support", "soft landing services", "go-to-market support", "landing services"],
    "local-representation": ["local representation", "a representative office", "local presence"],
    "public-procurement": ["public tenders", "procurement of innovation", "government contracts"],
    "living-lab": ["a living lab", "a test bed", "field trials"],
    "retail-distribution": ["retail listings", "listings in grocery chains", "mass retail distribution"],
    "private-label": ["private label contracts", "store brands", "own-brand products"],
    "co-packing": ["co-packing", "contract packing", "contract packaging"],
    "contract-manufacturing": ["contract manufacturing", "toll manufacturing", "OEM manufacturing", "third-party manufacturing"],
    "cfia-compliance": ["CFIA compliance", "Safe Food for Canadians licences"],
    "fda-compliance": ["FDA registration", "FSMA compliance"],
    "china-food-registration": ["GACC registration", "CIQ registration", "China food labelling"],
    "online-sales-channel": ["cross-border e-commerce", "online marketplaces", "e-commerce sales"],
    "food-service-channel": ["HoReCa", "foodservice", "catering", "restaurants and hotels"],
    "specialty-retail": ["specialty stores", "delicatessen shops", "organic stores", "health food stores"],
    "public-funding": ["grants", "innovation grants", "public co-funding"],
    "joint-venture": ["joint ventures", "an equity partnership"],
    "rd-partner": ["research collaboration", "joint development", "co-development"],
    "student-projects": ["student projects", "PhD projects", "internships"],
}
OFFER_NOUNS = {
    "distribution-partner": ["distributor", "exclusive distributor", "local distributor", "sales partner", "distribution partner"],
    "importer": ["importer", "import partner", "master importer", "import agent"],
    "pilot-customer": ["pilot customer", "launching customer", "first customer", "test customer", "early adopter"],
    "brand-owner": ["brand owner"],
    "sales-agent": ["commercial agent", "sales representative", "sales agent"],
    "joint-venture": ["joint venture partner", "JV partner"],
    "co-packing": ["co-packer"],
    "contract-manufacturing": ["contract manufacturer"],
    "rd-partner": ["research partner", "R&D partner", "technology partner"],
    "automotive-components": ["tier-1 supplier", "tier-2 supplier"],
    "strategic-investor": ["strategic investor", "corporate investor"],
    "licensing-partner": ["licensee", "licensing partner"],
}


def fill(template, values):
    """str.format with only the keys present in the template (others are errors)."""
    return template.format(**values)


def slots_needed(template):
    letters = re.findall(r"\{n?([A-D])\}", template)
    return max(("ABCD".index(x) + 1 for x in letters), default=0)


def bound_concepts(template):
    return re.findall(r"\{@([a-z0-9-]+)\}", template)


def need_slots(template, key):
    found = re.findall(r"\{" + key + r"(\d?)\}", template)
    return max((int(x) if x else 1 for x in found), default=0)


# --- consortium participants -----------------------------------------------------------------------


def allocate(total, weights):
    """Largest-remainder allocation of `total` over (key, weight) pairs, deterministic."""
    s = sum(w for _, w in weights)
    raw = [(k, total * w / s) for k, w in weights]
    base = {k: int(v) for k, v in raw}
    rest = total - sum(base.values())
    order = sorted(raw, key=lambda kv: (-(kv[1] - int(kv[1])), kv[0]))
    for k, _ in order[:rest]:
        base[k] += 1
    return base


def cluster_counts(ctx):
    m = ctx.m
    weights = []
    for cid in sorted(ctx.clusters):
        weights.append((cid, m["partnership_weights"][ctx.clusters[cid]["partnership"]]))
    return allocate(m["consortium"], weights)


def person(ctx, country_key):
    firsts, lasts = PB.PEOPLE[country_key]
    return ctx.rng.choice(firsts), ctx.rng.choice(lasts)


FALLBACK_LEGAL = {"CZ": " s.r.o.", "SK": " s.r.o.", "DE": " GmbH", "AT": " GmbH", "CH": " AG", "FR": " SAS", "BE": " SA",
                  "LU": " S.à r.l.", "ES": " S.L.", "PT": ", Lda.", "NL": " B.V.", "SE": " AB", "DK": " ApS", "IT": " S.r.l.",
                  "SI": " d.o.o.", "CA": " Inc.", "CA-fr": " inc.", "CN": " Co., Ltd.", "US": " LLC"}


def make_name(ctx, arch, country, country_key, city, cluster_id=None):
    rng = ctx.rng
    places = PB.PLACES[country_key]
    if cluster_id in PB.CLUSTER_PLACES and country == ctx.clusters[cluster_id]["country"]:
        places = PB.CLUSTER_PLACES[cluster_id]
    for attempt in range(200):
        if arch.get("names") and (arch.get("names_only") or arch.get("type") in ("research", "public", "intermediary")
                                  or rng.random() < 0.6 or attempt > 50):
            pattern = rng.choice(arch["names"])
        else:
            patterns = PB.NAME_PATTERNS[country_key]
            bl = arch.get("bl", {}).get(country)
            if country_key in ("FR", "ES", "PT", "IT", "BE", "CA-fr") and not bl:
                patterns = [p for p in patterns if "{bl}" not in p] or patterns
            pattern = rng.choice(patterns)
            if attempt > 120:   # small name spaces (alternative countries): widen with a place or surname
                pattern = rng.choice(["{a} {p}", "{a} {s}", "{p} {a}"]) + FALLBACK_LEGAL[country_key]
        bl_list = arch.get("bl", {}).get(country) or arch["b"]
        s1, s2 = rng.choice(PB.PEOPLE[country_key][1]), rng.choice(PB.PEOPLE[country_key][1])
        if s1 == s2:
            continue
        name = pattern.format(a=rng.choice(arch["a"]), b=rng.choice(arch["b"]), bl=rng.choice(bl_list),
                              p=rng.choice(places), s=s1, s2=s2, city=city)
        name = re.sub(r"\s+", " ", name).strip()
        # avoid "Foods Foods" style doubles
        words = [w for w in re.sub(r"[^\w\s]", " ", name.lower()).split() if len(w) > 2]
        if any(words[i].rstrip("s")[:5] == words[i + 1].rstrip("s")[:5] for i in range(len(words) - 1)):
            continue
        core = name_core(name)
        if core not in ctx.used_names:
            ctx.used_names.add(core)
            return name
    raise RuntimeError("could not find a unique name for " + arch["key"])


LEGAL_FORMS = re.compile(r"\b(s\.r\.o\.|a\.s\.|GmbH & Co\. KG|GmbH|AG|SAS|SARL|SA|SRL|NV|S\.à r\.l\.|S\.L\.|S\.A\.|Lda\.|B\.V\.|"
                         r"AB|ApS|A/S|S\.r\.l\.|S\.p\.A\.|d\.o\.o\.|Inc\.|Ltd\.|Ltée|inc\.|Corp\.|Group Co\., Ltd\.|Co\., Ltd\.|LLC|Co\.)")


def name_core(name):
    core = LEGAL_FORMS.sub("", name)
    return re.sub(r"[(),\"]", " ", core)


def contact_fields(ctx, name, country_key, website_prob=0.65):
    rng = ctx.rng
    first, last = person(ctx, country_key)
    core = name_core(name)
    words = [w for w in slug(core).split("-") if w and w not in ("de", "du", "des", "la", "le", "l", "of", "the", "and", "y", "da", "do", "e")]
    words = words or ["company"]
    candidates = ["-".join(words[:n]) for n in range(min(3, len(words)), len(words) + 1)]
    candidates += [f"{candidates[-1]}-{country_key.lower()}", f"{candidates[-1]}-{slug(first)}"]
    domain = next((d for d in candidates if d not in ctx.used_emails), None)
    k = 2
    while domain is None:
        if f"{candidates[0]}{k}" not in ctx.used_emails:
            domain = f"{candidates[0]}{k}"
        k += 1
    ctx.used_emails.add(domain)
    if country_key == "CN":
        contact = f"{last} {first}"
    else:
        contact = f"{first} {last}"
    r = rng.random()
    if r < 0.72:
        local = slug(first).replace("-", "") + "." + slug(last).replace("-", "")
    elif r < 0.84:
        local = slug(first).replace("-", "")[:1] + slug(last).replace("-", "")
    else:
        local = rng.choice(["info", "export", "sales", "contact", "bd", "partnerships"])
    email = f"{local}@{domain}.example"
    website = f"https://www.{domain}.example" if rng.random() < website_prob else ""
    return email, contact, website


def introduce_typo(rng, text):
    words = list(re.finditer(r"[A-Za-z]{7,}", text))
    words = [w for w in words if w.group(0) not in PB.TYPO_SKIP]
    if not words:
        return text
    w = rng.choice(words)
    s = w.group(0)
    i = rng.randrange(1, len(s) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
    elif kind == 1:
        t = s[:i] + s[i + 1:]
    else:
        t = s[:i] + s[i] + s[i:]
    return text[:w.start()] + t + text[w.end():]


def languages_for(ctx, country, cluster_id=None):
    rng = ctx.rng
    native = list(PB.LANGUAGES.get(country, []))
    if cluster_id in PB.REGIONAL_LANGUAGES and rng.random() < 0.3:
        native = native + [PB.REGIONAL_LANGUAGES[cluster_id]]
    r = rng.random()
    if r < 0.7:
        langs = ["en"] + native
    elif r < 0.8:
        langs = native + ["en"]
    elif r < 0.9:
        langs = ["en"]
    else:
        extra = rng.choice(["de", "fr", "es", "it"])
        langs = ["en"] + native + ([extra] if extra not in native else [])
    out = []
    for lang in langs:
        if lang not in out:
            out.append(lang)
    return out


def cooperation_for(ctx, coop):
    k = min(len(coop), ctx.rng.choice([1, 2, 2, 3]))
    chosen = ctx.rng.sample(coop, k)
    return [c for c in COOPERATION_ORDER if c in chosen]


def consortium_targets(ctx):
    rng = ctx.rng
    host = ctx.m["host_country"]
    if ctx.m["pairing"] == "open":
        return open_targets(ctx)
    r = rng.random()
    if r < 0.35:
        return host
    if r < 0.50:
        return rng.choice(HOST_NAMES[host])
    if r < 0.65:
        return rng.choice(HOST_NEIGHBOURS[host])
    if r < 0.75:
        return "ANY"
    if r < 0.85:
        return f"{host}|EU"
    return ""


def open_targets(ctx):
    rng = ctx.rng
    r = rng.random()
    if r < 0.3:
        return "EU"
    if r < 0.35:
        return "EEA"
    if r < 0.45:
        return "ANY"
    if r < 0.75:
        return join_list(rng.sample(EU_TARGETS, rng.choice([2, 3, 4])))
    return ""


def counterpart_targets(ctx):
    rng = ctx.rng
    r = rng.random()
    if r < 0.35:
        return "EU"
    if r < 0.45:
        return "ANY"
    if r < 0.50:
        return "EEA"
    if r < 0.80:
        picks = rng.sample(EU_TARGETS, rng.choice([2, 3, 4]))
        if rng.random() < 0.3:
            spell = {"DE": "Germany", "FR": "France", "ES": "Spain", "IT": "Italy", "NL": "Netherlands", "BE": "Belgium"}
            picks = [spell.get(p, p) for p in picks]
        return join_list(picks)
    return ""


def availability(ctx, prob):
    """A restriction that lies inside the mission's sessions, or '' (available for every session)."""
    rng = ctx.rng
    if rng.random() >= prob:
        return ""
    m = ctx.m
    sessions = m["sessions"]
    step = m["meeting_minutes"] + m["break_minutes"]
    k = rng.choice([1, 1, 2]) if len(sessions) > 2 else 1
    chosen = sorted(rng.sample(range(len(sessions)), k))
    ranges = []
    for i in chosen:
        d, s, e = sessions[i]
        smin, emin = to_min(s), to_min(e)
        if rng.random() < 0.5:
            ranges.append(f"{d} {s}-{e}")
        else:
            # a sub-range aligned on slot boundaries, at least three slots long
            nslots = (emin - smin - m["meeting_minutes"]) // step + 1
            a = rng.randrange(0, max(1, nslots - 3))
            b = rng.randrange(a + 3, nslots + 1) if nslots >= a + 3 else nslots
            start = smin + a * step
            end = min(emin, smin + (b - 1) * step + m["meeting_minutes"])
            ranges.append(f"{d} {fmt_min(start)}-{fmt_min(end)}")
    return join_list(ranges)


def to_min(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def fmt_min(x):
    return f"{x // 60:02d}:{x % 60:02d}"


MATERIAL_SECTORS = ("nanotech", "materials", "plastics", "biopolymers", "chemicals", "electronics", "packaging", "paper",
                    "printing", "plasma")


MAKING_VERBS = ("produce", "manufacture", "build", "make", "grow", "brew", "print", "decorate", "convert", "process",
                "export", "distribute", "supply", "install", "formulate", "create", "engineer")
SERVICE_SECTORS = ("business-services", "research", "circular-economy", "logistics", "cleantech", "waste-recycling",
                   "smart-cities", "media")
SERVICE_CONCEPTS = ("energy-efficiency", "energy-consulting", "building-energy", "plasma-medicine", "smart-grids",
                    "precision-agriculture", "fleet-electrification", "food-product-development")


def build_offer_text(ctx, arch, concepts, city):
    rng = ctx.rng
    phr = [ctx.cphrase(c) for c in concepts]
    v = rng.choice(arch["verbs"])
    a_sector = ctx.thes[concepts[0]]["sector"]
    if v in MAKING_VERBS and (a_sector in SERVICE_SECTORS or concepts[0] in SERVICE_CONCEPTS):
        v = rng.choice(["offer", "provide"])
    v3, ving = PB.VERBS[v]
    templates = [t for t in PB.OFFER_OPENERS if slots_needed(t) <= len(phr)
                 and ("first samples" not in t or (v in ("produce", "manufacture", "supply", "formulate", "make")
                                                    and arch["sectors"][0] in MATERIAL_SECTORS))
                 and not (t.startswith("Main products") and kind_of(arch) == "service")]
    t = rng.choice(templates)
    used = slots_needed(t)
    ctx_phrase = rng.choice(arch["ctx"]) if arch.get("ctx") and rng.random() < 0.7 else ""
    desc = rng.choice(arch["desc"])
    vals = {"A": phr[0], "B": phr[1] if len(phr) > 1 else "", "C": phr[2] if len(phr) > 2 else "",
            "D": phr[3] if len(phr) > 3 else "", "ctx": ctx_phrase, "desc": desc, "Desc": cap(desc),
            "v": v, "v3": v3, "ving": ving, "years": rng.choice([6, 8, 12, 15, 20, 25, 30, 45]),
            "since": rng.randrange(1979, 2017)}
    if any(w in desc for w in ("start-up", "spin-off", "scale-up")):
        vals["years"], vals["since"] = rng.choice([3, 4, 5, 6]), rng.randrange(2011, 2018)
    if t.startswith("We are a {desc}"):
        t = t.replace("We are a {desc}", "We are " + article(desc) + " {desc}")
    sentences = [cap(fill(t, vals))]
    rest = phr[used:]
    if rest:
        fu = [f for f in PB.OFFER_FOLLOWUPS if ("{D}" in f) == (len(rest) > 1)]
        f = rng.choice(fu)
        sentences.append(cap(f.format(C=rest[0], D=rest[1] if len(rest) > 1 else "")))
    extras = []
    if arch.get("extras") and rng.random() < 0.55:
        extras.append(rng.choice(arch["extras"]))
    if rng.random() < 0.25 and len(sentences) + len(extras) < 3:
        extras.append(rng.choice(PB.GENERIC_EXTRAS[kind_of(arch)]).format(n=rng.choice([6, 9, 14, 18, 25, 32]), city=city,
                                                                          since=rng.randrange(1985, 2016)))
    sentences += extras
    return " ".join(sentences[:4])


def is_service(arch):
    return arch.get("type") in ("research", "public") or arch["sectors"][0] in ("research", "business-services")


GOODS_SECTORS = ("food", "beverages", "agrifood", "food-processing", "health-nutrition", "pharma-cosmetics")


def kind_of(arch):
    """goods (food and consumer products), tech (equipment, materials, software) or service."""
    if is_service(arch) or arch["sectors"][0] in ("media", "circular-economy"):
        return "service"
    if arch["sectors"][0] in GOODS_SECTORS and arch["key"] not in ("food-equipment", "foodtech-startup", "agritech",
                                                                   "vertical-farm", "personalised-nutrition"):
        return "goods"
    return "tech"


def build_need_text(ctx, arch, roles, tech, reg):
    rng = ctx.rng
    m = ctx.m
    host = m["host_country"] if m["pairing"] == "bipartite" else "EU"
    market = rng.choice(PB.MARKETS[host])
    sentences = []
    if roles:
        agent_ok = all(r in PB.ROLE_PHRASES for r in roles)
        pool = PB.NEED_TEMPLATES_ROLE + (PB.NEED_TEMPLATES_AGENT if agent_ok else [])
        templates = [t for t in pool if ("{R2}" in t) == (len(roles) > 1)
                     and not ("{prodshort}" in t and is_service(arch))]
        t = rng.choice(templates)
        agent = t in PB.NEED_TEMPLATES_AGENT
        rphr = [ctx.role_phrase(r, agent) for r in roles]
        if len(rphr) > 1 and (" and " in rphr[0] or " and " in rphr[1]):
            t = t.replace(" and {R2}", " as well as {R2}")
        prod = rng.choice(arch["prod"])
        vals = {"R": rphr[0], "R2": rphr[1] if len(rphr) > 1 else "", "market": market,
                "purpose": rng.choice(PB.PURPOSES[kind_of(arch)]).format(market=market), "prod": prod, "prodshort": prod,
                "city": m["city"].split(" and ")[0]}
        sentences.append(cap(fill(t, vals)))
    if tech:
        tphr = [ctx.cphrase(c) for c in tech]
        templates = [t for t in PB.NEED_TEMPLATES_TECH if ("{T2}" in t) == (len(tphr) > 1)
                     and not ("{prodshort}" in t and is_service(arch))]
        t = rng.choice(templates)
        prod = rng.choice(arch["prod"])
        s = fill(t, {"T": tphr[0], "T2": tphr[1] if len(tphr) > 1 else "", "prodshort": prod})
        if not sentences:
            s = s.replace("We also need", "We need")
        sentences.append(cap(s))
    if reg:
        r = ctx.role_phrase(reg)
        sentences.append(cap(rng.choice(["{r} would be welcome.", "We also need {r}.", "Also looking for {r}."]).format(r=r)))
    return " ".join(sentences)


def make_consortium(ctx, arch, cluster_id, pid):
    rng = ctx.rng
    m = ctx.m
    cl = ctx.clusters[cluster_id]
    country = cl["country"]
    if cluster_id in ALT_COUNTRIES and rng.random() < 0.12:
        country = rng.choice(ALT_COUNTRIES[cluster_id])
    city = rng.choice(ALT_CITIES.get(country, CLUSTER_CITIES[cluster_id]) if country != cl["country"] else CLUSTER_CITIES[cluster_id])
    name = make_name(ctx, arch, country, country, city, cluster_id)
    offers = rng.sample(arch["offers"], min(len(arch["offers"]), rng.choice([2, 3, 3, 4])))
    roles = rng.sample(arch["roles"], min(len(arch["roles"]), rng.choice([1, 1, 2]))) if arch["roles"] else []
    tech = rng.sample(arch["tech"], min(len(arch["tech"]), rng.choice([0, 1, 1, 2]))) if arch["tech"] else []
    reg = None
    host = m["host_country"]
    if m["pairing"] == "bipartite" and arch.get("reg") and rng.random() < 0.35:
        reg = PB.HOST_REGULATORY[host][arch["reg"]]
    sectors = [arch["sectors"][0]] + rng.sample(arch["sectors"][1:], rng.randrange(0, len(arch["sectors"])))
    mode = rng.random()
    offers_text = build_offer_text(ctx, arch, offers, city)
    if m["pairing"] == "open":
        plays = [c for c in PB.PLAYS.get(arch["sectors"][0], []) if c not in offers]
        if plays and rng.random() < 0.6:
            play = rng.choice(plays)
            offers.append(play)
            offers_text += " " + rng.choice(PB.PLAY_SENTENCES[play])
    needs_text = build_need_text(ctx, arch, roles, tech, reg)
    need_concepts = roles + tech + ([reg] if reg else [])
    offer_tags = [ctx.tag(c) for c in offers[: rng.choice([2, 3, 4])]]
    need_tags = [ctx.tag(c) for c in need_concepts[:3]]
    if rng.random() < 0.15:
        offer_tags.append(rng.choice(PB.FREE_KEYWORDS))
    if mode < 0.04:          # tags only
        offers_text, needs_text = "", ""
    elif mode < 0.12:        # text only
        offer_tags, need_tags = [], []
    elif mode < 0.15:        # offers only (needs left to the tags)
        needs_text = ""
    if rng.random() < 0.05:
        if offers_text and (rng.random() < 0.6 or not needs_text):
            offers_text = introduce_typo(rng, offers_text)
        elif needs_text:
            needs_text = introduce_typo(rng, needs_text)
    if rng.random() < 0.02 and offers_text.count(". ") >= 1:
        # as pasted from a brochure: a line break inside the cell (exercises RFC 4180 quoting)
        offers_text = offers_text.replace(". ", ".\n", 1)
    spelled = country
    if rng.random() < 0.15:
        spelled = rng.choice(PB.COUNTRY_SPELLINGS.get(country, [country]))
    maxm = minm = reps = ""
    r = rng.random()
    if r < 0.05:
        maxm = str(rng.choice([4, 5, 6, 10]))
    elif r < 0.08:
        reps, maxm = "2", str(rng.choice([10, 12]))
    if rng.random() < 0.04:
        minm = str(rng.choice([1, 3]))
        if maxm and int(minm) > int(maxm):
            minm = maxm
    email, contact, website = contact_fields(ctx, name, country)
    return {
        "id": pid, "name": name, "country": spelled,
        "side": "consortium" if m["pairing"] == "bipartite" else "",
        "type": arch.get("type", "sme"), "cluster": cl["name"],
        "sectors": join_list(dict.fromkeys(ctx.sector_text(s) for s in sectors)),
        "offers": offers_text, "needs": needs_text,
        "offer_tags": join_list(dict.fromkeys(offer_tags)), "need_tags": join_list(dict.fromkeys(need_tags)),
        "target_countries": consortium_targets(ctx),
        "cooperation": join_list(cooperation_for(ctx, arch["coop"])),
        "languages": join_list(languages_for(ctx, country, cluster_id)),
        "max_meetings": maxm, "min_meetings": minm, "representatives": reps,
        "available": availability(ctx, 0.06),
        "email": email, "contact": contact, "website": website,
        "_offers": offers, "_needs": need_concepts, "_cluster": cluster_id, "_country": country, "_arch": arch["key"],
    }


# --- counterparts ----------------------------------------------------------------------------------


def make_counterpart(ctx, arch, pid):
    rng = ctx.rng
    m = ctx.m
    host = m["host_country"]
    hs = HOST_SETTINGS[host]
    city = rng.choice(arch["cities"])
    country_key = "CA-fr" if host == "CA" and city in hs.get("fr_cities", ()) else host
    name = make_name(ctx, arch, host, country_key, city)
    offers = list(arch["offers"])
    desc = rng.choice(arch["desc"])
    n = rng.choice(arch.get("n", [12, 20, 35, 40, 60, 85, 120, 150]))
    vals = {"desc": desc, "Desc": cap(desc), "region": rng.choice(hs["regions"]), "n": fmt_n(n), "city": city,
            "n2": rng.choice(arch.get("n2", [3]))}
    for i, letter in enumerate("ABCD"):
        if i < len(offers):
            vals[letter] = ctx.svc_phrase(offers[i])
            vals["n" + letter] = ctx.noun_phrase(offers[i])
    templates = [t for t in arch["offer_templates"] if slots_needed(t) <= len(offers)]
    k = 1 if rng.random() < 0.45 else 2
    chosen = rng.sample(templates, min(k, len(templates)))
    offers_text = " ".join(cap(fill(t, vals)) for t in chosen)
    needs = rng.sample(arch["needs"], min(len(arch["needs"]), rng.choice([2, 3, 3, 4])))
    nt = [t for t in arch["need_templates"]
          if need_slots(t, "T") <= len([c for c in needs if c not in bound_concepts(t)])]
    t1 = rng.choice(nt)
    bound = bound_concepts(t1)
    needs = [c for c in needs if c not in bound]
    tphr = [ctx.cphrase(c) for c in needs]
    text1 = t1
    for cid in bound:
        text1 = text1.replace("{@" + cid + "}", ctx.cphrase(cid))
    nvals = {"T": tphr[0] if tphr else "", "T2": tphr[1] if len(tphr) > 1 else "", "T3": tphr[2] if len(tphr) > 2 else ""}
    sentences = [cap(fill(text1, nvals))]
    needs = bound + needs
    tphr = [""] * len(bound) + tphr
    used = len(bound) + need_slots(t1, "T")
    if used < len(tphr):
        rest = tphr[used:]
        sentences.append(cap(rng.choice(["We are also interested in {x}.", "{X} would also be of interest.", "Also: {x}."])
                             .format(x=" and ".join(rest[:2]), X=cap(" and ".join(rest[:2])))))
    need_concepts = list(needs)
    if arch.get("roles") and rng.random() < 0.5:
        role = rng.choice(arch["roles"])
        sentences.append(cap(f"Open to {ctx.role_phrase(role)}."))
        need_concepts.append(role)
    needs_text = " ".join(sentences)
    offer_tags = [ctx.tag(c) for c in offers[: rng.choice([2, 3])]]
    need_tags = [ctx.tag(c) for c in needs[:4]]
    mode = rng.random()
    if mode < 0.03:
        offers_text, needs_text = "", ""
    elif mode < 0.10:
        offer_tags, need_tags = [], []
    if rng.random() < 0.05:
        if rng.random() < 0.5:
            offers_text = introduce_typo(rng, offers_text)
        else:
            needs_text = introduce_typo(rng, needs_text)
    spelled = host if rng.random() < 0.75 else rng.choice(PB.COUNTRY_SPELLINGS[host])
    maxm = minm = reps = ""
    r = rng.random()
    if r < 0.35:
        reps, maxm = "2", str(rng.choice([12, 14, 16]))
    elif r < 0.45:
        maxm = str(rng.choice([6, 10]))
    if rng.random() < 0.05:
        minm = "4"
    langs = list(rng.choice(hs["lang"]))
    if country_key == "CA-fr":
        langs = ["fr", "en"]
    email, contact, website = contact_fields(ctx, name, country_key, 0.75)
    return {
        "id": pid, "name": name, "country": spelled, "side": "counterpart", "type": arch["type"], "cluster": "",
        "sectors": join_list(dict.fromkeys(ctx.sector_text(s) for s in arch["sectors"])),
        "offers": offers_text, "needs": needs_text,
        "offer_tags": join_list(dict.fromkeys(offer_tags)), "need_tags": join_list(dict.fromkeys(need_tags)),
        "target_countries": counterpart_targets(ctx),
        "cooperation": join_list(cooperation_for(ctx, arch["coop"])),
        "languages": join_list(langs),
        "max_meetings": maxm, "min_meetings": minm, "representatives": reps,
        "available": availability(ctx, 0.08),
        "email": email, "contact": contact, "website": website,
        "_offers": offers, "_needs": need_concepts, "_cluster": None, "_country": host,
    }


# --- requests --------------------------------------------------------------------------------------


def fit(a, b):
    shared = [c for c in a["_offers"] if c in b["_needs"]] + [c for c in b["_offers"] if c in a["_needs"]]
    return len(shared), shared


def make_requests(ctx, participants):
    rng = ctx.rng
    m = ctx.m
    if m["pairing"] == "bipartite":
        left = [p for p in participants if p["side"] == "consortium"]
        right = [p for p in participants if p["side"] == "counterpart"]
        pairs = [(a, b) for a in left for b in right]
        n_must, n_wish, n_block = 6, 10, 2
    else:
        pairs = [(a, b) for i, a in enumerate(participants) for b in participants[i + 1:] if a["_cluster"] != b["_cluster"]]
        n_must, n_wish, n_block = 4, 7, 2
    scored = []
    for a, b in pairs:
        f, shared = fit(a, b)
        if f:
            scored.append((f, rng.random(), a, b, shared))
    scored.sort(key=lambda x: (-x[0], x[1]))
    busy = {}
    rows = []

    def ok(a, b, limit):
        if a.get("max_meetings") == "0" or b.get("max_meetings") == "0":
            return False
        return busy.get(a["id"], 0) < limit and busy.get(b["id"], 0) < limit

    def add(a, b, prio, shared):
        if rng.random() < 0.5:
            a, b = b, a
        note = ""
        if rng.random() < 0.85:
            topics = [c for c in shared if c not in PB.ROLE_PHRASES and c not in PB.ROLE_NEEDS
                      and c not in OFFER_SERVICES and c not in OFFER_NOUNS]
            notes = [n for n in PB.REQUEST_NOTES[prio] if (topics or "{concept}" not in n)
                     and (m["pairing"] == "bipartite" or "counterpart" not in n)]
            note = rng.choice(notes)
            if "{concept}" in note:
                note = note.format(concept=ctx.thes[rng.choice(topics)]["text_label"])
        rows.append({"from": a["id"], "to": b["id"], "priority": prio, "note": note})
        busy[a["id"]] = busy.get(a["id"], 0) + 1
        busy[b["id"]] = busy.get(b["id"], 0) + 1

    pool = scored[:60]
    for f, _, a, b, shared in pool:
        if len([r for r in rows if r["priority"] == "must"]) >= n_must:
            break
        if ok(a, b, 1):
            add(a, b, "must", shared)
    pool = scored[20:220]
    rng.shuffle(pool)
    taken = {(r["from"], r["to"]) for r in rows} | {(r["to"], r["from"]) for r in rows}
    for f, _, a, b, shared in pool:
        if len([r for r in rows if r["priority"] == "wish"]) >= n_wish:
            break
        if (a["id"], b["id"]) not in taken and ok(a, b, 2):
            add(a, b, "wish", shared)
            taken |= {(a["id"], b["id"]), (b["id"], a["id"])}
    # blocks: pairs that look like a match (same sector) but must not meet
    cands = [(a, b) for a, b in pairs if (a["id"], b["id"]) not in taken and set(a["_offers"]) & set(b["_offers"] + b["_needs"])]
    rng.shuffle(cands)
    for a, b in cands[:n_block]:
        rows.append({"from": a["id"], "to": b["id"], "priority": "block", "note": rng.choice(PB.REQUEST_NOTES["block"])})
    return rows


# --- writers ---------------------------------------------------------------------------------------


def csv_text(header, rows):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow([r[h] for h in header])
    return out.getvalue()


def yaml_text(m):
    sides = "sides: [consortium, counterpart]\n" if m["pairing"] == "bipartite" else ""
    sessions = "".join(f'  - {{date: {d}, start: "{s}", end: "{e}"}}\n' for d, s, e in m["sessions"])
    weights = "".join(f"  {k}: {v}\n" for k, v in DEFAULT_WEIGHTS)
    t = m["targets"]
    # Optional: mous and events after the three agreement targets, then the outcomes file.
    extra_targets = "".join(f"  {k}: {v}\n" for k, v in zip(("mous", "events"), t[3:]))
    outcomes = f"outcomes: {m['outcomes']}\n" if m.get("outcomes") else ""
    return (
        "# Sample mission shipped with MissionMatch. Participants and requests are fictional.\n"
        "# Generated by Scripts/data/generate_samples.py (edit the MISSIONS table there, then re-run).\n"
        f"id: {m['id']}\n"
        f"name: \"{m['name']}\"\n"
        f"host_country: {m['host_country']}\n"
        f"city: {m['city']}\n"
        f"timezone: {m['timezone']}\n"
        f"participants: ../participants/{m['id']}.csv\n"
        f"requests: ../requests/{m['id']}.csv\n"
        f"pairing: {m['pairing']}\n"
        f"{sides}"
        "sessions:\n"
        f"{sessions}"
        f"meeting_minutes: {m['meeting_minutes']}\n"
        f"break_minutes: {m['break_minutes']}\n"
        f"tables: {m['tables']}\n"
        f"max_meetings: {m['max_meetings']}\n"
        f"min_meetings: {m['min_meetings']}\n"
        "rules:\n"
        "  exclude_same_cluster: true\n"
        f"  exclude_same_country: {'true' if m['exclude_same_country'] else 'false'}\n"
        f"  require_common_language: {'true' if m['require_common_language'] else 'false'}\n"
        "weights:\n"
        f"{weights}"
        "top_k: 10\n"
        "targets:\n"
        f"  meetings: {t[0]}\n"
        f"  cooperation_agreements: {t[1]}\n"
        f"  business_agreements: {t[2]}\n"
        f"{extra_targets}"
        f"{outcomes}"
    )


def generate_mission(m, thes, sectors, clusters):
    ctx = Ctx(m, thes, sectors, clusters)
    rng = ctx.rng
    participants = []
    counts = cluster_counts(ctx)
    eu_prefix, host_prefix = m["prefix"]
    members = []
    for cid in sorted(counts):
        archs = list(CONSORTIUM[cid])
        rng.shuffle(archs)
        for i in range(counts[cid]):
            members.append((cid, archs[i % len(archs)]))
    rng.shuffle(members)
    for i, (cid, arch) in enumerate(members, 1):
        pid = f"{eu_prefix}-{i:03d}"
        participants.append(make_consortium(ctx, arch, cid, pid))
    if m["counterparts"]:
        archs = list(COUNTERPARTS[m["host_country"]])
        rng.shuffle(archs)
        picks = [archs[i % len(archs)] for i in range(m["counterparts"])]
        rng.shuffle(picks)
        for i, arch in enumerate(picks, 1):
            participants.append(make_counterpart(ctx, arch, f"{host_prefix}-{i:03d}"))
    requests = make_requests(ctx, participants)
    return participants, requests


def render_all():
    thes, sectors, clusters = load_reference()
    check_phrasebanks(thes, sectors, clusters)
    files = {}
    for m in MISSIONS:
        participants, requests = generate_mission(m, thes, sectors, clusters)
        files[os.path.join("missions", m["id"] + ".yaml")] = yaml_text(m)
        files[os.path.join("participants", m["id"] + ".csv")] = csv_text(PARTICIPANT_COLUMNS, participants)
        files[os.path.join("requests", m["id"] + ".csv")] = csv_text(["from", "to", "priority", "note"], requests)
    return files


def check_phrasebanks(thes, sectors, clusters):
    problems = []
    for cid, archs in CONSORTIUM.items():
        if cid not in clusters:
            problems.append(f"unknown cluster {cid}")
        for a in archs:
            for key in ("offers", "roles", "tech"):
                problems += [f"{cid}/{a['key']}: unknown concept {c}" for c in a[key] if c not in thes]
            problems += [f"{cid}/{a['key']}: unknown sector {s}" for s in a["sectors"] if s not in sectors]
            problems += [f"{cid}/{a['key']}: unknown verb {v}" for v in a["verbs"] if v not in PB.VERBS]
    for host, archs in COUNTERPARTS.items():
        for a in archs:
            for key in ("offers", "needs", "roles"):
                problems += [f"{host}/{a['key']}: unknown concept {c}" for c in a[key] if c not in thes]
            problems += [f"{host}/{a['key']}: unknown sector {s}" for s in a["sectors"] if s not in sectors]
            for t in a["need_templates"]:
                problems += [f"{host}/{a['key']}: unknown concept {c} in template" for c in bound_concepts(t) if c not in thes]
    for cid in list(PB.ROLE_PHRASES) + list(PB.ROLE_NEEDS) + list(OFFER_SERVICES) + list(OFFER_NOUNS):
        if cid not in thes:
            problems.append(f"phrase bank: unknown concept {cid}")
    if problems:
        raise SystemExit("phrase bank errors:\n  " + "\n  ".join(problems))


def main(argv):
    check = "--check" in argv
    files = render_all()
    differ = []
    for rel, text in sorted(files.items()):
        path = os.path.join(DATA, rel)
        if check:
            try:
                with open(path, encoding="utf-8", newline="") as f:
                    if f.read() != text:
                        differ.append(rel)
            except FileNotFoundError:
                differ.append(rel)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    if check:
        if differ:
            print("out of date: " + ", ".join(differ))
            return 1
        print(f"{len(files)} files up to date")
        return 0
    print(f"wrote {len(files)} files under {os.path.relpath(DATA, os.getcwd())}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
