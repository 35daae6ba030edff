#!/usr/bin/env python3
"""The standard Python pipeline `missionmatch rank` is compared with (issue 12's speed target).

TF-IDF (scikit-learn, sublinear tf) of every participant's offers and needs as
separate documents, LSA by TruncatedSVD (randomized, r = 256), rows
L2-normalised, then the reciprocal cosine (cos(O_a, N_b) + cos(N_a, O_b)) / 2
between the two sides in blocks of 512 rows, and the top 10 partners of every
participant of both sides by argpartition. Prints the wall time of each step
and the total, so that `compare_rank.sh` can report the ratio measured in one run.

    python3 Scripts/bench/python_pipeline.py /tmp/gen/participants.csv
"""
import csv
import sys
import time

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer


def main(path, rank=256, k=10, block=512):
    started = time.perf_counter()
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    sides = sorted({row["side"] for row in rows})
    a = [i for i, row in enumerate(rows) if row["side"] == sides[0]]
    b = [i for i, row in enumerate(rows) if row["side"] == sides[-1]]
    offers = [row["offers"] + " " + row.get("offer_tags", "").replace("|", " ") for row in rows]
    needs = [row["needs"] + " " + row.get("need_tags", "").replace("|", " ") for row in rows]
    read = time.perf_counter()
    tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2).fit_transform(offers + needs)
    lsa = TruncatedSVD(n_components=rank, algorithm="randomized", n_iter=2, random_state=2019).fit_transform(tfidf)
    lsa /= np.maximum(np.linalg.norm(lsa, axis=1, keepdims=True), 1e-12)
    lsa = lsa.astype(np.float32)
    n = len(rows)
    offer, need = lsa[:n], lsa[n:]
    encoded = time.perf_counter()
    oa, na, ob, nb = offer[a], need[a], offer[b], need[b]
    best_a = np.empty((len(a), k), dtype=np.int64)
    col_scores = np.full((len(b), k), -np.inf, dtype=np.float32)
    col_index = np.zeros((len(b), k), dtype=np.int64)
    for start in range(0, len(a), block):
        scores = (oa[start:start + block] @ nb.T + na[start:start + block] @ ob.T) * 0.5
        best_a[start:start + block] = np.argpartition(-scores, k, axis=1)[:, :k]
        top = np.argpartition(-scores, min(k, scores.shape[0] - 1), axis=0)[:k].T
        merged_scores = np.concatenate([col_scores, np.take_along_axis(scores.T, top, axis=1)], axis=1)
        merged_index = np.concatenate([col_index, top + start], axis=1)
        keep = np.argpartition(-merged_scores, k, axis=1)[:, :k]
        col_scores = np.take_along_axis(merged_scores, keep, axis=1)
        col_index = np.take_along_axis(merged_index, keep, axis=1)
    ranked = time.perf_counter()
    print(f"read {read - started:.2f} s, encode {encoded - read:.2f} s, rank {ranked - encoded:.2f} s, "
          f"total {ranked - started:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1])
