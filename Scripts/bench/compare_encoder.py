#!/usr/bin/env python3
"""Python side of Scripts/bench/compare_encoder.sh.

Generates the benchmark's texts deterministically (realistic SME offers and
needs, ~40-60 WordPiece tokens each), writes their token ids for the Swift
side, and times sentence-transformers on the same texts:

    python3 compare_encoder.py MODEL_DIR --count 2000 --write-ids ids.json
    python3 compare_encoder.py MODEL_DIR --count 2000 --measure --rounds 3

`--write-ids` writes {"texts": [...], "ids": [[101, ..., 102], ...]}: the ids
sentence-transformers itself feeds the model (its tokenizer, truncation at
the model's max_seq_length, padding removed). `--measure` times
`SentenceTransformer(MODEL_DIR, device='cpu').encode(texts, batch_size=32)`
(torch with its default thread count) after one warm-up pass, and prints one
line per round and a summary line

    python: docs/s best B median M tokens/doc T threads N

that compare_encoder.sh parses. Needs sentence-transformers and torch;
HF_HUB_OFFLINE=1 is set here so that nothing is downloaded.
"""

import argparse
import json
import os
import random
import statistics
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SECTORS = [
    ("precision machining", "CNC-milled aluminium and stainless steel parts"),
    ("food processing", "organic fruit purées and cold-pressed juices"),
    ("software development", "cloud-based inventory management software"),
    ("renewable energy", "rooftop solar installations and battery storage"),
    ("medical devices", "single-use surgical instruments and sterile kits"),
    ("logistics", "temperature-controlled warehousing and last-mile delivery"),
    ("textiles", "technical fabrics for outdoor and protective clothing"),
    ("packaging", "compostable food packaging and paper-based trays"),
    ("industrial automation", "robotic welding cells and PLC programming"),
    ("cosmetics", "natural skincare products made with alpine herbs"),
    ("furniture", "custom oak furniture for hotels and offices"),
    ("agritech", "soil sensors and irrigation scheduling apps"),
    ("cybersecurity", "penetration testing and ISO 27001 consulting"),
    ("water treatment", "membrane filtration units for municipal plants"),
    ("construction", "prefabricated timber-frame housing modules"),
    ("electronics", "printed circuit board assembly in small series"),
    ("tourism", "guided cycling tours and boutique accommodation"),
    ("biotechnology", "enzyme formulations for the brewing industry"),
    ("plastics", "injection-moulded components from recycled polymers"),
    ("marketing services", "multilingual content and trade-fair campaigns"),
]
SIZES = ["family-owned", "fast-growing", "25-person", "small", "mid-sized",
         "export-oriented", "ISO 9001 certified", "employee-owned", "150-employee"]
PLACES = ["Lyon, France", "Graz, Austria", "Porto, Portugal", "Brno, Czech Republic",
          "Toronto, Canada", "Gothenburg, Sweden", "Bilbao, Spain", "Turin, Italy",
          "Ghent, Belgium", "Ljubljana, Slovenia", "Utrecht, the Netherlands",
          "Aarhus, Denmark", "Philadelphia, USA", "Suzhou, China", "Rostock, Germany"]
CUSTOMERS = ["automotive suppliers", "hospitals and clinics", "retail chains",
             "municipalities", "aerospace manufacturers", "hotels and restaurants",
             "pharmaceutical companies", "construction firms", "e-commerce brands",
             "research institutes", "farm cooperatives", "utilities"]
NEEDS = ["a distribution partner in {m}", "an importer with contacts in {m}",
         "a contract manufacturer for larger volumes", "co-development partners for {p}",
         "investors for our expansion into {m}", "a logistics provider covering {m}",
         "research partners for a Horizon Europe project on {p}",
         "suppliers of certified raw materials", "system integrators in {m}",
         "agents who know public tenders in {m}"]
MARKETS = ["North America", "Scandinavia", "the DACH region", "Southern Europe",
           "the Benelux", "Central and Eastern Europe", "the Chinese market", "Quebec"]
TOPICS = ["circular economy", "energy efficiency", "digital twins", "food safety",
          "predictive maintenance", "low-carbon materials", "traceability"]
TEMPLATES = [
    "{name} is a {size} {sector} company based in {place}. We offer {offer} to {customers}. "
    "We are looking for {need} and would like to meet partners during the mission.",
    "Founded in {year}, {name} ({place}) specialises in {sector}: {offer}. Our customers are "
    "mainly {customers}. We need {need}.",
    "We are a {size} firm from {place} working in {sector}. Offer: {offer}, with {pct}% of sales "
    "exported. Need: {need}, ideally with experience serving {customers}.",
]
BRANDS = ["Alpina", "Nordwind", "Vectra", "Luma", "Orbis", "Terra", "Kobalt", "Silva",
          "Helix", "Aurea", "Brio", "Castor", "Delta", "Fjord", "Granit", "Iris"]
FORMS = ["GmbH", "SAS", "S.L.", "Ltd.", "Inc.", "s.r.o.", "AB", "B.V.", "S.r.l.", "d.o.o."]


def make_texts(count, seed=20261203):
    """`count` business-profile texts, the same on every run and Python 3 version."""
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        sector, offer = SECTORS[rng.randrange(len(SECTORS))]
        need = NEEDS[rng.randrange(len(NEEDS))].format(
            m=MARKETS[rng.randrange(len(MARKETS))], p=TOPICS[rng.randrange(len(TOPICS))])
        template = TEMPLATES[rng.randrange(len(TEMPLATES))]
        texts.append(template.format(
            name=f"{BRANDS[rng.randrange(len(BRANDS))]} {FORMS[rng.randrange(len(FORMS))]}",
            size=SIZES[rng.randrange(len(SIZES))], sector=sector, place=PLACES[rng.randrange(len(PLACES))],
            offer=offer, customers=CUSTOMERS[rng.randrange(len(CUSTOMERS))], need=need,
            year=1950 + rng.randrange(72), pct=5 + rng.randrange(90)))
    return texts


def token_ids(model, texts):
    """The ids sentence-transformers feeds the model, without padding."""
    features = model.tokenize(texts)
    ids, mask = features["input_ids"].tolist(), features["attention_mask"].tolist()
    return [[t for t, m in zip(row, keep) if m] for row, keep in zip(ids, mask)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--write-ids")
    parser.add_argument("--measure", action="store_true")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    import torch
    from sentence_transformers import SentenceTransformer

    texts = make_texts(args.count)
    model = SentenceTransformer(args.model, device="cpu")
    ids = token_ids(model, texts)
    tokens_per_doc = sum(map(len, ids)) / len(ids)
    if args.write_ids:
        with open(args.write_ids, "w") as f:
            json.dump({"texts": texts, "ids": ids}, f)
    if args.measure:
        model.encode(texts[:200], batch_size=32)  # warm-up
        rates = []
        for round_ in range(args.rounds):
            start = time.perf_counter()
            model.encode(texts, batch_size=32)
            elapsed = time.perf_counter() - start
            rates.append(len(texts) / elapsed)
            print(f"python round {round_ + 1}: {elapsed:.3f} s, {rates[-1]:.1f} docs/s", file=sys.stderr)
        print(f"python: docs/s best {max(rates):.1f} median {statistics.median(rates):.1f} "
              f"tokens/doc {tokens_per_doc:.1f} threads {torch.get_num_threads()}")


if __name__ == "__main__":
    main()
