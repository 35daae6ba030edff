#!/usr/bin/env python3
"""Builds Data/programme/delegation-candidates-2019.csv: the consortium SMEs of
the four bundled missions (one row per organisation, by name), as candidates
for `missionmatch delegate Data/programme/delegations-2019.yaml`.

Run from the repository root: python3 Scripts/data/build_delegation_candidates.py
"""
import csv

FILES = ["escp4i-matchmaking-2019", "toronto-2019", "shanghai-2019", "washington-philadelphia-2019"]
DROP = {"side", "max_meetings", "min_meetings", "representatives", "available"}

rows, seen, header = [], set(), None
for name in FILES:
    with open(f"Data/participants/{name}.csv", newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if header is None:
                header = [c for c in row.keys() if c not in DROP]
            if row.get("side") != "consortium" or row["name"] in seen:
                continue
            seen.add(row["name"])
            out = {c: row.get(c, "") for c in header}
            out["id"] = f"sme-{len(rows) + 1:03d}"
            rows.append(out)

with open("Data/programme/delegation-candidates-2019.csv", "w", newline="", encoding="utf-8") as f:
    writer = csv.DictWriter(f, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
print(len(rows), "SMEs")
