#!/usr/bin/env python3
"""Writes Sources/SentenceEncoder/Tokenizer/BertUnicodeTables.swift: the
character classes, canonical decompositions, canonical combining classes and
lowercase mappings that HuggingFace `tokenizers` (the reference for
WordPieceTokenizer) applies in BertNormalizer and BertPreTokenizer.

The tables are not taken from a Unicode database but measured on the
installed `tokenizers` library, code point by code point, because that library
mixes Unicode versions: its control/format/private-use, punctuation and
nonspacing-mark tests come from the `unicode_categories` 0.1.1 crate (Unicode
9.0), its NFD from `unicode-normalization-alignments`, its whitespace and
lowercasing from the Rust standard library. Swift's own Unicode properties
(a newer Unicode) differ for more than a hundred code points.

    python3 Tests/SentenceEncoderTests/Fixtures/make_unicode_tables.py

Needs `tokenizers` (0.23.3 was used); takes about a minute.
"""

import os
import sys

import tokenizers
from tokenizers.normalizers import NFD, BertNormalizer
from tokenizers.pre_tokenizers import BertPreTokenizer

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "..", "Sources", "SentenceEncoder", "Tokenizer",
                                    "BertUnicodeTables.swift"))

# Flag bits, as in BertUnicodeData.swift.
REMOVED = 0x01          # clean_text drops it (U+0000, U+FFFD, Cc/Cf/Co but \t \n \r)
CLEAN_SPACE = 0x02      # clean_text maps it to U+0020
SPLIT_SPACE = 0x04      # BertPreTokenizer splits on it (Rust char::is_whitespace)
PUNCTUATION = 0x08      # BertPreTokenizer isolates it (ASCII punctuation or P*)
NONSPACING = 0x10       # strip_accents drops it after NFD (Mn)
DECOMPOSES = 0x20       # NFD changes it
LOWERCASES = 0x40       # lowercasing changes it
COMBINING = 0x80        # nonzero canonical combining class (reordered by NFD)
CHINESE = 0x100         # handle_chinese_chars puts spaces around it

CLEAN = BertNormalizer(clean_text=True, handle_chinese_chars=False, strip_accents=False, lowercase=False)
CHINESE_ONLY = BertNormalizer(clean_text=False, handle_chinese_chars=True, strip_accents=False, lowercase=False)
STRIP = BertNormalizer(clean_text=False, handle_chinese_chars=False, strip_accents=True, lowercase=False)
LOWER = BertNormalizer(clean_text=False, handle_chinese_chars=False, strip_accents=False, lowercase=True)
DECOMPOSE = NFD()
PRE = BertPreTokenizer()

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def hangul(c):
    s = c - HANGUL_FIRST
    lead, vowel, trail = 0x1100 + s // 588, 0x1161 + (s % 588) // 28, 0x11A7 + s % 28
    return [lead, vowel] + ([trail] if trail != 0x11A7 else [])


def code_points():
    return (c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def main():
    flags = {}
    decompositions = {}
    lowercase = {}
    stable = []  # code points NFD leaves alone: candidates for a nonzero combining class
    for c in code_points():
        s = chr(c)
        f = 0
        cleaned = CLEAN.normalize_str(s)
        if cleaned == "":
            f |= REMOVED
        elif cleaned == " ":
            f |= CLEAN_SPACE
        elif cleaned != s:
            sys.exit(f"clean_text maps U+{c:04X} to {cleaned!r}: not modelled")
        pieces = [p for p, _ in PRE.pre_tokenize_str("a" + s + "b")]
        if pieces == ["a", "b"]:
            f |= SPLIT_SPACE
        elif pieces == ["a", s, "b"]:
            f |= PUNCTUATION
        elif pieces != ["a" + s + "b"]:
            sys.exit(f"BertPreTokenizer splits a+U+{c:04X}+b as {pieces!r}: not modelled")
        if STRIP.normalize_str(s) == "":
            f |= NONSPACING
        d = DECOMPOSE.normalize_str(s)
        if d != s:
            f |= DECOMPOSES
            if HANGUL_FIRST <= c <= HANGUL_LAST:
                if [ord(x) for x in d] != hangul(c):
                    sys.exit(f"NFD of Hangul U+{c:04X} is not the algorithmic one")
            else:
                decompositions[c] = [ord(x) for x in d]
        else:
            stable.append(c)
        low = LOWER.normalize_str(s)
        if low != s:
            f |= LOWERCASES
            lowercase[c] = [ord(x) for x in low]
        chinese = CHINESE_ONLY.normalize_str(s)
        if chinese == " " + s + " ":
            f |= CHINESE
        elif chinese != s:
            sys.exit(f"handle_chinese_chars maps U+{c:04X} to {chinese!r}: not modelled")
        if f:
            flags[c] = f

    # Canonical combining classes, measured by NFD's reordering: a mark placed
    # after U+0345 (class 240, the largest) moves before it iff its class is in
    # 1...239; its class is then the largest class of a known mark it does not
    # move before.
    import unicodedata
    ypogegrammeni = "\u0345"
    nonzero = [c for c in stable
               if DECOMPOSE.normalize_str(ypogegrammeni + chr(c)) == chr(c) + ypogegrammeni]
    # One mark per class, among those the reference reorders (a mark newer
    # than its tables has class 0 there); classes never change once assigned.
    representatives = {}
    for c in nonzero:
        v = unicodedata.combining(chr(c))
        if v and v not in representatives and c != 0x0345:
            representatives[v] = c
    classes = {0x0345: 240}
    for c in nonzero:
        if c == 0x0345:
            continue
        best = 0
        for v, m in sorted(representatives.items()):
            if DECOMPOSE.normalize_str(chr(m) + chr(c)) == chr(m) + chr(c):
                best = max(best, v)
        if best == 0:
            sys.exit(f"U+{c:04X} reorders but its combining class is below every known class")
        classes[c] = best
    for v, m in representatives.items():
        if classes.get(m) != v:
            sys.exit(f"the representative U+{m:04X} of class {v} measured as {classes.get(m)}")
    for c in classes:
        flags[c] = flags.get(c, 0) | COMBINING

    # Flag runs: consecutive code points with the same nonzero flags.
    runs = []
    for c in sorted(flags):
        f = flags[c]
        if runs and runs[-1][1] == c - 1 and runs[-1][2] == f:
            runs[-1][1] = c
        else:
            runs.append([c, c, f])
    class_runs = []
    for c in sorted(classes):
        v = classes[c]
        if class_runs and class_runs[-1][1] == c - 1 and class_runs[-1][2] == v:
            class_runs[-1][1] = c
        else:
            class_runs.append([c, c, v])

    def literal(entries):
        lines, line = [], ""
        for e in entries:
            if len(line) + len(e) + 1 > 110:
                lines.append(line)
                line = ""
            line += e + ";"
        if line:
            lines.append(line)
        return '"""\n' + "\n".join("        " + l for l in lines) + '\n        """'

    def hexes(values):
        return " ".join(f"{v:X}" for v in values)

    flag_entries = [f"{a:X}" + (f"-{b:X}" if b != a else "") + f":{f:X}" for a, b, f in runs]
    class_entries = [f"{a:X}" + (f"-{b:X}" if b != a else "") + f":{v:X}" for a, b, v in class_runs]
    decomposition_entries = [f"{c:X}:{hexes(v)}" for c, v in sorted(decompositions.items())]
    lowercase_entries = [f"{c:X}:{hexes(v)}" for c, v in sorted(lowercase.items())]

    with open(OUT, "w", encoding="utf-8") as out:
        out.write(f"""// Generated by Tests/SentenceEncoderTests/Fixtures/make_unicode_tables.py
// from tokenizers {tokenizers.__version__}; do not edit by hand.
//
// Measured code point by code point on HuggingFace `tokenizers`, the reference
// for WordPieceTokenizer (see BertUnicodeData.swift for the format and why
// Swift's own Unicode properties are not used).

extension BertUnicodeData {{
    /// The `tokenizers` version the tables were measured on.
    static let referenceVersion = "{tokenizers.__version__}"

    /// `first[-last]:flags;` in hex, ascending, for every code point with a
    /// nonzero flag (bits in `BertUnicodeData.Flag`).
    static let flagRunsText = {literal(flag_entries)}

    /// `first[-last]:class;` in hex: the nonzero canonical combining classes
    /// NFD uses to reorder marks.
    static let combiningClassRunsText = {literal(class_entries)}

    /// `code point:decomposition;` in hex: the full canonical decomposition
    /// (NFD) of every code point it changes, Hangul syllables excepted
    /// (decomposed algorithmically).
    static let decompositionsText = {literal(decomposition_entries)}

    /// `code point:lowercase;` in hex: the full lowercase mapping, character
    /// by character (no context), of every code point it changes.
    static let lowercaseText = {literal(lowercase_entries)}
}}
""")
    print(f"{OUT}: {len(runs)} flag runs, {len(class_runs)} class runs, "
          f"{len(decompositions)} decompositions, {len(lowercase)} lowercase mappings")


if __name__ == "__main__":
    main()
