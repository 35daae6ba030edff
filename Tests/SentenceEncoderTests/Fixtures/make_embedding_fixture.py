#!/usr/bin/env python3
"""Writes embedding-parity.json beside this script: sentence-transformers'
own token ids and normalised embeddings for a set of varied texts, the
reference the Swift SentenceTransformerModel is compared with
(Tests/SentenceEncoderTests/ParityTests.swift).

    HF_HUB_OFFLINE=1 python3 make_embedding_fixture.py [MODEL_DIR]

MODEL_DIR defaults to $MISSIONMATCH_ENCODER, else
~/.cache/missionmatch/encoders/all-MiniLM-L6-v2 (bash Scripts/fetch-encoder.sh).

For each text the file holds the ids exactly as sentence-transformers feeds
them to the transformer (its tokenizer, truncated at max_seq_length, padding
removed) and `model.encode(texts)` — float32, written as the shortest decimal
of each float32's exact double value, so that parsing it as a Double and
converting to Float gives back the same bits.
"""

import json
import os
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

LONG = ("Our family-owned company designs and manufactures precision components for the aerospace, "
        "medical and automotive industries, with five-axis machining centres, an in-house heat treatment "
        "line, coordinate measuring machines and a quality system certified to AS9100 and ISO 13485. ") * 8

TEXTS = [
    "",
    "   ",
    "logistics",
    "Hello",
    "CNC",
    "We manufacture CNC-machined aluminium parts for the automotive industry.",
    "Looking for a distribution partner in Canada for our organic skincare line.",
    "We offer cloud-based ERP software for small manufacturers and need resellers in Germany.",
    "Seeking investors for a seed round: €1.5M to scale our battery-recycling pilot plant.",
    "Founded in 1987, Alpina GmbH (Graz, Austria) specialises in timber-frame housing modules.",
    "Need: a contract manufacturer able to produce 50,000 units/month of injection-moulded parts.",
    "Offer: penetration testing, ISO 27001 consulting and 24/7 SOC services for SMEs.",
    "Nous recherchons un distributeur au Québec pour nos fromages affinés en Normandie.",
    "Wir suchen Vertriebspartner für unsere Präzisionswerkzeuge in Skandinavien und Österreich.",
    "Buscamos socios tecnológicos en Barcelona para un proyecto de economía circular.",
    "Procuramos importadores de vinho do Porto e azeite biológico na América do Norte.",
    "Café, crème brûlée, naïve façade, Ångström, Øresund, Łódź, Dvořák — accents everywhere.",
    "我们是一家位于上海的电子元器件制造商，正在寻找欧洲的分销合作伙伴。",
    "苏州精密机械有限公司",
    "東京のソフトウェア会社です。ヨーロッパのパートナーを探しています。",
    "Мы ищем партнёров для совместного производства в Словении.",
    "نبحث عن شركاء في مجال الطاقة المتجددة",
    "!!! ??? ... ;;; --- *** ### @@@ $$$ %%% ^^^ &&& ((( )))",
    "e-mail: sales@alpina-example.com, web: https://www.alpina-example.com/en/products?id=42",
    "Revenue 2023: 12.4 M EUR (+18 %), 85 employees, exports to 23 countries, 3 patents.",
    "0123456789 3.14159 2,718 1e-9 -42 +7 1/3 50% 24/7 H2O CO2",
    "ISO 9001:2015 / IATF 16949 / ISO 14001 certified; REACH and RoHS compliant.",
    "UPPERCASE TEXT SHOULD BE LOWERCASED BY THE TOKENIZER",
    "mIxEd CaSe TeXt WiTh StRaNgE CaPiTaLiSaTiOn",
    "Emoji test 🚀🌍💡 and symbols ™ © ® ° ± × ÷ → ≥ ≤",
    "tab\tseparated\tvalues and\nnew lines\r\nin one text",
    "supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopic",
    "We are a 25-person agritech start-up from Aarhus offering soil sensors and irrigation scheduling apps; "
    "we need farm cooperatives in Southern Europe for field trials.",
    "Medical devices: single-use surgical instruments and sterile kits for hospitals and clinics.",
    "Temperature-controlled warehousing and last-mile delivery across the Benelux.",
    "Research partners wanted for a Horizon Europe project on predictive maintenance and digital twins.",
    "Our brewery enzymes cut mashing time by 20%; looking for craft breweries in North America.",
    "Compostable food packaging made from bagasse and paper; seeking retail chains as customers.",
    "Robotic welding cells, PLC programming and commissioning for automotive Tier 1 suppliers.",
    "Guided cycling tours and boutique accommodation in the Loire valley for incentive groups.",
    "Membrane filtration units for municipal water treatment plants, 5 to 500 m³/h.",
    "Technical fabrics for outdoor and protective clothing, Oeko-Tex certified, MOQ 1,000 m.",
    "A",
    "the the the the the the the the the the the the the the the the the the the the",
    LONG,
    "word " * 300,
]


def main():
    import numpy as np
    import sentence_transformers
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    model_dir = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
        "MISSIONMATCH_ENCODER", os.path.expanduser("~/.cache/missionmatch/encoders/all-MiniLM-L6-v2"))
    model = SentenceTransformer(model_dir, device="cpu")
    features = model.tokenize(TEXTS)
    ids = [[int(t) for t, m in zip(row, mask) if m]
           for row, mask in zip(features["input_ids"].tolist(), features["attention_mask"].tolist())]
    embeddings = model.encode(TEXTS, batch_size=16, convert_to_numpy=True)
    assert embeddings.dtype == np.float32
    out = {
        "model": os.path.basename(os.path.normpath(model_dir)),
        "max_seq_length": model.max_seq_length,
        "versions": {"sentence_transformers": sentence_transformers.__version__,
                     "transformers": transformers.__version__, "torch": torch.__version__},
        "cases": [{"text": text, "ids": row, "embedding": [float(v) for v in embedding]}
                  for text, row, embedding in zip(TEXTS, ids, embeddings)],
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "embedding-parity.json")
    cases = out.pop("cases")
    with open(path, "w", encoding="utf-8") as f:  # one case a line
        head = json.dumps(out, ensure_ascii=False)
        f.write(head[:-1] + ', "cases": [\n')
        f.write(",\n".join(json.dumps(case, ensure_ascii=False, separators=(",", ":")) for case in cases))
        f.write("\n]}\n")
    print(f"{path}: {len(TEXTS)} texts, lengths {min(map(len, ids))}-{max(map(len, ids))} tokens")


if __name__ == "__main__":
    main()
