#!/usr/bin/env python3
"""Check the bundled data in Data/ against the layout documented in Data/README.md
and the public formats (the file-format specification,
Sources/MissionMatchIO/MissionMatchIO.docc/FileFormats.md). Standard library only; uses PyYAML
for the mission files when it is installed (falls back to a strict line parser).

    python3 Scripts/data/validate_data.py          # exit 1 on any error, print a summary
"""

import csv
import datetime
import os
import re
import sys
import unicodedata
from collections import Counter

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA = os.path.join(ROOT, "Data")
ERRORS = []
NOTES = []

TYPES = {"sme", "large", "research", "intermediary", "cluster", "public", "investor"}
COOPERATION = {"commercial", "distribution", "supplier", "technical", "research", "licensing", "joint_venture",
               "investment", "outsourcing"}
GROUPS = {"EU", "EEA", "ANY"}
PARTICIPANT_COLUMNS = ["id", "name", "country", "side", "type", "cluster", "sectors", "offers", "needs", "offer_tags",
                       "need_tags", "target_countries", "cooperation", "languages", "max_meetings", "min_meetings",
                       "representatives", "available", "email", "contact", "website"]
MISSION_KEYS = ["id", "name", "host_country", "city", "timezone", "participants", "requests", "pairing", "sides",
                "sessions", "meeting_minutes", "break_minutes", "tables", "max_meetings", "min_meetings", "rules",
                "weights", "top_k", "targets", "outcomes"]
RULE_KEYS = {"exclude_same_cluster", "exclude_same_country", "require_common_language"}
WEIGHT_KEYS = {"complementarity", "similarity", "sector", "country", "cooperation"}
TARGET_KEYS = {"meetings", "cooperation_agreements", "business_agreements", "mous", "events"}
ISO639_1 = set("aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz "
               "ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik "
               "io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml "
               "mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd "
               "se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi "
               "vo wa wo xh yi yo za zh zu".split())


def err(where, msg):
    ERRORS.append(f"{where}: {msg}")


def folded(s):
    """Case- and diacritic-folded text (what MissionMatch's LookupKey does)."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def squashed(s):
    """Letters and digits only: the key for countries, sectors and clusters."""
    return "".join(ch for ch in folded(s) if ch.isalnum())


def words(s):
    """Runs of non-alphanumerics become one space: the key for thesaurus terms."""
    return " ".join(re.findall(r"[^\W_]+", folded(s)))


def norm(s):
    return words(s)


def check_file_bytes(path):
    rel = os.path.relpath(path, ROOT)
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(rel, "starts with a byte-order mark")
    if b"\r" in raw:
        err(rel, "contains CR characters (use LF line ends)")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(rel, f"not valid UTF-8 ({e})")
    if raw and not raw.endswith(b"\n"):
        err(rel, "does not end with a newline")


def read_csv(path, header):
    check_file_bytes(path)
    rel = os.path.relpath(path, ROOT)
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f, strict=True)
        rows = list(reader)
    if not rows or rows[0] != header:
        err(rel, f"header is {rows[0] if rows else None}, expected {header}")
        return []
    out = []
    for n, r in enumerate(rows[1:], 2):
        if len(r) != len(header):
            err(f"{rel}:{n}", f"{len(r)} fields, expected {len(header)}")
            continue
        d = dict(zip(header, r))
        d["_line"] = n
        out.append(d)
    return out


def items(cell):
    return [x.strip() for x in cell.split("|") if x.strip()]


# --- reference -------------------------------------------------------------------------------------


def check_countries():
    rows = read_csv(os.path.join(DATA, "reference", "countries.csv"), ["alpha2", "alpha3", "name", "aliases", "groups"])
    where = "Data/reference/countries.csv"
    if len(rows) != 249:
        err(where, f"{len(rows)} rows, expected 249")
    keys = {}
    for r in rows:
        if not re.fullmatch(r"[A-Z]{2}", r["alpha2"]) or not re.fullmatch(r"[A-Z]{3}", r["alpha3"]):
            err(f"{where}:{r['_line']}", "bad code")
        for g in items(r["groups"]):
            if g not in ("EU", "EEA"):
                err(f"{where}:{r['_line']}", f"unknown group {g}")
        for term in [r["alpha2"], r["alpha3"], r["name"]] + items(r["aliases"]):
            k = squashed(term)
            if k in keys and keys[k] != r["alpha2"]:
                err(f"{where}:{r['_line']}", f"'{term}' also names {keys[k]}")
            keys[k] = r["alpha2"]
    for g in GROUPS:
        if squashed(g) in keys:
            err(where, f"group code {g} also names a country")
    eu = [r["alpha2"] for r in rows if "EU" in items(r["groups"])]
    eea = [r["alpha2"] for r in rows if "EEA" in items(r["groups"])]
    if len(eu) != 27:
        err(where, f"{len(eu)} EU members, expected 27")
    if len(eea) != 30 or not set(eu) <= set(eea):
        err(where, f"{len(eea)} EEA members, expected 30 including the EU")
    for k in ("GB", "CH", "TR", "NO"):
        if k in eu:
            err(where, f"{k} must not be in the EU group")
    NOTES.append(f"countries.csv: {len(rows)} rows, {len(eu)} EU, {len(eea)} EEA, {len(keys)} distinct keys")
    return keys


def check_sectors():
    rows = read_csv(os.path.join(DATA, "reference", "sectors.csv"), ["code", "name", "aliases", "description"])
    where = "Data/reference/sectors.csv"
    keys = {}
    for r in rows:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["code"]):
            err(f"{where}:{r['_line']}", f"bad code {r['code']}")
        if not r["description"]:
            err(f"{where}:{r['_line']}", "empty description")
        for term in [r["code"], r["name"]] + items(r["aliases"]):
            k = squashed(term)
            if k in keys and keys[k] != r["code"]:
                err(f"{where}:{r['_line']}", f"'{term}' also names sector {keys[k]}")
            keys[k] = r["code"]
    codes = [r["code"] for r in rows]
    if len(set(codes)) != len(codes):
        err(where, "duplicate codes")
    if not 25 <= len(rows) <= 35:
        err(where, f"{len(rows)} sectors, expected 25-35")
    NOTES.append(f"sectors.csv: {len(rows)} sectors")
    return set(codes), keys


def check_affinity(codes):
    rows = read_csv(os.path.join(DATA, "reference", "sector-affinity.csv"), ["sector_a", "sector_b", "affinity", "why"])
    where = "Data/reference/sector-affinity.csv"
    seen = set()
    for r in rows:
        a, b = r["sector_a"], r["sector_b"]
        loc = f"{where}:{r['_line']}"
        if a not in codes or b not in codes:
            err(loc, f"unknown sector {a} or {b}")
        if not a < b:
            err(loc, f"pair not in order ({a} must sort before {b})")
        if (a, b) in seen:
            err(loc, "duplicate pair")
        seen.add((a, b))
        try:
            v = float(r["affinity"])
            if not 0 < v <= 1:
                err(loc, f"affinity {v} outside (0, 1]")
        except ValueError:
            err(loc, f"affinity '{r['affinity']}' is not a number")
        if not r["why"]:
            err(loc, "empty why")
    NOTES.append(f"sector-affinity.csv: {len(rows)} pairs")


def check_thesaurus(codes):
    rows = read_csv(os.path.join(DATA, "reference", "thesaurus.csv"), ["id", "label", "sector", "synonyms"])
    where = "Data/reference/thesaurus.csv"
    owner = {}
    for r in rows:
        loc = f"{where}:{r['_line']}"
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["id"]):
            err(loc, f"bad id {r['id']}")
        if r["sector"] not in codes:
            err(loc, f"unknown sector {r['sector']}")
        syns = items(r["synonyms"])
        if not 2 <= len(syns) <= 6:
            err(loc, f"{len(syns)} synonyms, expected 2-6")
        for term in [r["id"], r["label"]] + syns:
            k = norm(term)
            if k in owner and owner[k] != r["id"]:
                err(loc, f"'{term}' also belongs to {owner[k]}")
            owner[k] = r["id"]
    if len(rows) < 400:
        err(where, f"{len(rows)} concepts, expected at least 400")
    NOTES.append(f"thesaurus.csv: {len(rows)} concepts, {len(owner)} distinct terms, "
                 f"{len(Counter(r['sector'] for r in rows))} sectors used")
    return {r["id"]: r for r in rows}, owner


def check_programme(codes, country_keys):
    parts = read_csv(os.path.join(DATA, "programme", "partnerships.csv"), ["id", "name", "focus", "clusters"])
    clusters = read_csv(os.path.join(DATA, "programme", "clusters.csv"),
                        ["id", "name", "partnership", "country", "city", "sectors", "website"])
    where = "Data/programme/clusters.csv"
    pids = {p["id"] for p in parts}
    cids = {c["id"]: c for c in clusters}
    if len(clusters) != 20:
        err(where, f"{len(clusters)} clusters, expected 20")
    for c in clusters:
        loc = f"{where}:{c['_line']}"
        if c["partnership"] not in pids:
            err(loc, f"unknown partnership {c['partnership']}")
        if squashed(c["country"]) not in country_keys:
            err(loc, f"unknown country {c['country']}")
        for s in items(c["sectors"]):
            if s not in codes:
                err(loc, f"unknown sector {s}")
        if c["website"] and not c["website"].startswith("https://"):
            err(loc, "website must be an https URL or empty")
    for p in parts:
        listed = items(p["clusters"])
        actual = sorted(c["id"] for c in clusters if c["partnership"] == p["id"])
        if sorted(listed) != actual:
            err(f"Data/programme/partnerships.csv:{p['_line']}", f"clusters {listed} do not match clusters.csv {actual}")
    NOTES.append(f"programme: {len(parts)} partnerships, {len(clusters)} clusters")
    return {c["name"]: c for c in clusters}


# --- missions --------------------------------------------------------------------------------------


def load_yaml(path):
    try:
        import yaml  # PyYAML, optional
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f), True
    except ImportError:
        return None, False


def to_min(hhmm):
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def check_mission(path, country_keys):
    rel = os.path.relpath(path, ROOT)
    check_file_bytes(path)
    doc, parsed = load_yaml(path)
    if not parsed:
        NOTES.append("PyYAML not installed: mission files only byte-checked")
        return None
    if not isinstance(doc, dict):
        err(rel, "not a mapping")
        return None
    for k in doc:
        if k not in MISSION_KEYS:
            err(rel, f"unknown key '{k}'")
    keys = [k for k in MISSION_KEYS if k in doc]
    if list(doc) != keys:
        err(rel, f"keys not in the documented order: {list(doc)}")
    mid = doc.get("id")
    if mid != os.path.basename(path)[:-5] or not re.fullmatch(r"[a-z0-9-]+", str(mid)):
        err(rel, f"id '{mid}' must match the file name and [a-z0-9-]+")
    if squashed(str(doc.get("host_country", ""))) not in country_keys:
        err(rel, "unknown host_country")
    if doc.get("pairing") not in ("bipartite", "open"):
        err(rel, "pairing must be bipartite or open")
    if doc.get("pairing") == "bipartite" and doc.get("sides") != ["consortium", "counterpart"]:
        err(rel, "bipartite missions here use sides [consortium, counterpart]")
    if doc.get("pairing") == "open" and "sides" in doc:
        err(rel, "open pairing must not have sides")
    for sub, allowed in (("rules", RULE_KEYS), ("weights", WEIGHT_KEYS), ("targets", TARGET_KEYS)):
        for k in doc.get(sub, {}) or {}:
            if k not in allowed:
                err(rel, f"unknown key {sub}.{k}")
    w = doc.get("weights", {})
    if abs(sum(w.values()) - 1.0) > 1e-9:
        err(rel, f"weights sum to {sum(w.values())}")
    sessions = []
    for s in doc.get("sessions", []):
        if set(s) != {"date", "start", "end"}:
            err(rel, f"session keys {sorted(s)}")
            continue
        d = s["date"] if isinstance(s["date"], datetime.date) else datetime.date.fromisoformat(str(s["date"]))
        if not re.fullmatch(r"\d\d:\d\d", s["start"]) or not re.fullmatch(r"\d\d:\d\d", s["end"]) or to_min(s["end"]) <= to_min(s["start"]):
            err(rel, f"bad session times {s}")
        sessions.append((d.isoformat(), to_min(s["start"]), to_min(s["end"])))
    m, b = doc.get("meeting_minutes"), doc.get("break_minutes")
    if not (15 <= m <= 30 and 5 <= b <= 10):
        err(rel, "meeting/break minutes outside the programme's usual ranges")
    slots = sum(max(0, (e - s - m) // (m + b) + 1) for _, s, e in sessions)
    base = os.path.dirname(path)
    ppath = os.path.normpath(os.path.join(base, doc["participants"]))
    rpath = os.path.normpath(os.path.join(base, doc["requests"])) if doc.get("requests") else None
    opath = os.path.normpath(os.path.join(base, doc["outcomes"])) if doc.get("outcomes") else None
    for p in (ppath, rpath, opath):
        if p and not os.path.exists(p):
            err(rel, f"missing file {os.path.relpath(p, ROOT)}")
    return {"doc": doc, "sessions": sessions, "slots": slots, "participants": ppath, "requests": rpath, "rel": rel}


def resolves_country(value, country_keys):
    return squashed(value) in country_keys


def check_participants(ms, country_keys, sector_keys, thesaurus, terms, clusters_by_name):
    doc = ms["doc"]
    path = ms["participants"]
    rel = os.path.relpath(path, ROOT)
    rows = read_csv(path, PARTICIPANT_COLUMNS)
    ids = Counter(r["id"] for r in rows)
    for k, n in ids.items():
        if n > 1:
            err(rel, f"duplicate id {k}")
    sides = doc.get("sides") or []
    tags_total = tags_known = 0
    stats = Counter()
    for r in rows:
        loc = f"{rel}:{r['_line']}"
        if not r["id"] or len(r["id"]) > 128 or not r["name"]:
            err(loc, "id and name are required")
        if not resolves_country(r["country"], country_keys):
            err(loc, f"country '{r['country']}' does not resolve")
        if sides:
            if r["side"] not in sides:
                err(loc, f"side '{r['side']}' not one of {sides}")
        elif r["side"]:
            err(loc, "open pairing: side must be empty")
        if r["type"] and r["type"] not in TYPES:
            err(loc, f"type '{r['type']}'")
        if r["side"] == "consortium" or (not sides and r["cluster"]):
            if r["cluster"] not in clusters_by_name or squashed(r["cluster"]) not in {squashed(n) for n in clusters_by_name}:
                err(loc, f"cluster '{r['cluster']}' is not a cluster name from clusters.csv")
        for s in items(r["sectors"]):
            if squashed(s) not in sector_keys:
                err(loc, f"sector '{s}' does not resolve")
        if not (r["offers"] or r["needs"] or r["offer_tags"] or r["need_tags"]):
            err(loc, "offers, needs, offer_tags and need_tags are all empty")
        for t in items(r["offer_tags"]) + items(r["need_tags"]):
            tags_total += 1
            tags_known += norm(t) in terms
        for t in items(r["target_countries"]):
            if t not in GROUPS and not resolves_country(t, country_keys):
                err(loc, f"target country '{t}' does not resolve")
        for c in items(r["cooperation"]):
            if c not in COOPERATION:
                err(loc, f"cooperation '{c}'")
        for lang in items(r["languages"]):
            if lang not in ISO639_1:
                err(loc, f"language '{lang}' is not ISO 639-1")
        for col, low in (("max_meetings", 0), ("min_meetings", 0), ("representatives", 1)):
            if r[col] and (not r[col].isdigit() or int(r[col]) < low):
                err(loc, f"{col} '{r[col]}' is not an integer >= {low}")
        if r["min_meetings"] and int(r["min_meetings"]) > int(r["max_meetings"] or doc["max_meetings"]):
            err(loc, "min_meetings above max_meetings")
        for rng in items(r["available"]):
            mt = re.fullmatch(r"(\d{4}-\d\d-\d\d) (\d\d:\d\d)-(\d\d:\d\d)", rng)
            if not mt:
                err(loc, f"available '{rng}' is not YYYY-MM-DD HH:MM-HH:MM")
                continue
            d, s, e = mt.group(1), to_min(mt.group(2)), to_min(mt.group(3))
            if e <= s or not any(d == sd and ss <= s and e <= se for sd, ss, se in ms["sessions"]):
                err(loc, f"available '{rng}' is not inside a session")
            stats["available"] += 1
        if r["email"] and not re.fullmatch(r"[a-z0-9.\-]+@[a-z0-9\-]+\.example", r["email"]):
            err(loc, f"email '{r['email']}' must be on an .example domain")
        if r["website"] and not re.fullmatch(r"https://www\.[a-z0-9\-]+\.example", r["website"]):
            err(loc, f"website '{r['website']}' must be on an .example domain")
        if any(ch in r["name"] for ch in ',"'):
            stats["quoted names"] += 1
        if any("\n" in r[c] for c in PARTICIPANT_COLUMNS):
            stats["multi-line cells"] += 1
        if any(ord(ch) > 127 for ch in r["name"]):
            stats["non-ASCII names"] += 1
        if not r["offers"] and not r["needs"]:
            stats["tags only"] += 1
        if not r["offer_tags"] and not r["need_tags"]:
            stats["text only"] += 1
        stats[r["side"] or "open"] += 1
        for col in ("max_meetings", "min_meetings", "representatives"):
            stats[col] += bool(r[col])
    ratio = tags_known / tags_total if tags_total else 1
    if ratio < 0.8:
        err(rel, f"only {ratio:.0%} of tags resolve to thesaurus terms")
    # capacity: how many meetings the agenda could hold
    max_default = doc["max_meetings"]
    cap_tables = doc["tables"] * ms["slots"]
    if sides:
        per_side = []
        for side in sides:
            total = 0
            for r in rows:
                if r["side"] != side:
                    continue
                reps = int(r["representatives"] or 1)
                total += min(int(r["max_meetings"] or max_default), ms["slots"] * reps)
            per_side.append(total)
        need_min = sum(int(r["min_meetings"] or doc["min_meetings"]) for r in rows if r["side"] == sides[0])
        bound = min(per_side + [cap_tables])
        if need_min > bound:
            err(rel, f"minimum meetings {need_min} exceed the capacity {bound}")
        NOTES.append(f"{rel}: {len(rows)} rows ({', '.join(f'{k} {v}' for k, v in sorted(stats.items()))}); "
                     f"tags resolving {ratio:.0%}; slots {ms['slots']}, tables x slots {cap_tables}, "
                     f"side capacities {per_side}, consortium minimum {need_min}")
    else:
        total = sum(min(int(r["max_meetings"] or max_default), ms["slots"] * int(r["representatives"] or 1)) for r in rows)
        NOTES.append(f"{rel}: {len(rows)} rows ({', '.join(f'{k} {v}' for k, v in sorted(stats.items()))}); "
                     f"tags resolving {ratio:.0%}; slots {ms['slots']}, tables x slots {cap_tables}, "
                     f"participant capacity {total // 2} meetings")
    return {r["id"]: r for r in rows}


def check_requests(ms, participants):
    path = ms["requests"]
    if not path:
        return
    rel = os.path.relpath(path, ROOT)
    rows = read_csv(path, ["from", "to", "priority", "note"])
    seen = {}
    sides = ms["doc"].get("sides")
    for r in rows:
        loc = f"{rel}:{r['_line']}"
        a, b = r["from"], r["to"]
        if a not in participants or b not in participants:
            err(loc, f"unknown participant {a} or {b}")
            continue
        if a == b:
            err(loc, "request to self")
        if r["priority"] not in ("must", "wish", "block"):
            err(loc, f"priority '{r['priority']}'")
        key = tuple(sorted((a, b)))
        if key in seen:
            err(loc, f"pair already requested on line {seen[key]}")
        seen[key] = r["_line"]
        pa, pb = participants[a], participants[b]
        if r["priority"] != "block":
            if sides and pa["side"] == pb["side"]:
                err(loc, "must/wish between two participants of the same side")
            if pa["cluster"] and pa["cluster"] == pb["cluster"]:
                err(loc, "must/wish between members of the same cluster (excluded by the rules)")
    c = Counter(r["priority"] for r in rows)
    if not 10 <= len(rows) <= 25:
        err(rel, f"{len(rows)} requests, expected 10-25")
    NOTES.append(f"{rel}: {len(rows)} requests ({', '.join(f'{k} {v}' for k, v in sorted(c.items()))})")


def main():
    country_keys = check_countries()
    codes, sector_keys = check_sectors()
    check_affinity(codes)
    thesaurus, terms = check_thesaurus(codes)
    clusters_by_name = check_programme(codes, country_keys)
    mdir = os.path.join(DATA, "missions")
    for fn in sorted(os.listdir(mdir)):
        if not fn.endswith(".yaml"):
            err(f"Data/missions/{fn}", "unexpected file")
            continue
        ms = check_mission(os.path.join(mdir, fn), country_keys)
        if not ms:
            continue
        NOTES.append(f"{ms['rel']}: {ms['doc']['pairing']}, {len(ms['sessions'])} sessions, {ms['slots']} slots, "
                     f"{ms['doc']['tables']} tables")
        participants = check_participants(ms, country_keys, sector_keys, thesaurus, terms, clusters_by_name)
        check_requests(ms, participants)
    for n in NOTES:
        print(n)
    if ERRORS:
        print(f"\n{len(ERRORS)} error(s):")
        for e in ERRORS[:200]:
            print("  " + e)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
