#!/usr/bin/env python3
"""Held-out test of candidate score terms on the evaluation sets, before any engine change.

Each candidate is a set of per-pair features built from what `missionmatch fit-weights --dump`
writes (the engine's own cosines and components for every pair of the truth's participants),
plus two that the engine does not compute today: role concepts named on both sides of a pair
(the thesaurus' partnering concepts, found by label and synonym) and the clause-level maximum
cosine of the sentence encoder (`missionmatch encode-text` on the clauses of each text).

For every candidate the weights are fitted as `fit-weights` fits them (pairwise logistic,
non-negative weights, L2 0.001, each set weighing the same, half of a set's loss on the pairs
judged bad) with 5-fold cross-validation by participant, and the held-out recall@5 / NDCG@10 /
bad>gold of each set is printed (no congestion or diversity re-ranking, full orderings).
A second table fits each set on its own: what a linear mix of the terms can reach at best there.

    python3 Scripts/quality/score_terms.py [--binary .build/release/missionmatch] [--work /tmp/score-terms]

Needs numpy and scipy (`python3 -m pip install numpy scipy`) and the sentence encoder
(`bash Scripts/fetch-encoder.sh`). Takes about 3 minutes (most of it the dumps and the clauses).
"""
import argparse, csv, json, os, re, subprocess, sys
import numpy as np
from scipy.optimize import minimize

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETS = {
    'toronto': 'Tests/EvaluationSets/hand-toronto',
    'advanced': 'Tests/EvaluationSets/hand-advanced',
    'supply': 'Tests/EvaluationSets/supplychain/seed7-200x600',
    'gen': None,  # `missionmatch generate --consortium 150 --counterparts 600 --seed 1`, as EvaluationSetsTests
}
ROLE_SECTORS = {'retail', 'business-services', 'research', 'logistics'}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def prepare(binary, work):
    """Dumps every set's pair features; returns {set: (mission folder, dump path)}."""
    os.makedirs(work, exist_ok=True)
    out = {}
    for name, folder in SETS.items():
        if folder is None:
            folder = os.path.join(work, 'gen')
            if not os.path.exists(os.path.join(folder, 'truth.csv')):
                run([binary, 'generate', '--consortium', '150', '--counterparts', '600', '--seed', '1', '--out', folder])
        else:
            folder = os.path.join(ROOT, folder)
        dump = os.path.join(work, name + '.csv')
        if not os.path.exists(dump):
            run([binary, 'fit-weights', os.path.join(folder, 'mission.yaml'),
                 '--truth', os.path.join(folder, 'truth.csv'), '--dump', dump])
        out[name] = (folder, dump)
    return out


def clauses(text):
    """The engine's clause rules (SentenceEncoder's ClauseSplitter, rules version 1)."""
    sentences, current = [], ''
    for i, ch in enumerate(text):
        if ch in '\n\r':
            if current.strip(): sentences.append(current.strip())
            current = ''
            continue
        current += ch
        nxt = text[i + 1] if i + 1 < len(text) else None
        if ch in '.!?' and (nxt is None or nxt.isspace()):
            if current.strip(): sentences.append(current.strip())
            current = ''
    if current.strip(): sentences.append(current.strip())
    parts = []
    for s in sentences:
        if len(s.split()) <= 12:
            parts.append(s)
            continue
        current = ''
        for i, ch in enumerate(s):
            current += ch
            nxt = s[i + 1] if i + 1 < len(s) else None
            if ch in ',;' and nxt is not None and nxt.isspace():
                if current.strip(): parts.append(current.strip())
                current = ''
        if current.strip(): parts.append(current.strip())
    return parts


def participants_file(folder):
    mission = open(os.path.join(folder, 'mission.yaml')).read()
    path = re.search(r'^participants:\s*(\S+)', mission, re.M).group(1).strip('"\'')
    return os.path.normpath(os.path.join(folder, path))


def side_text(row, side):
    tags = row.get(side + '_tags', '') or ''
    return row[side + 's'], tags.replace('|', ', ')


def load(binary, folder, dump, role_patterns):
    with open(dump) as f:
        reader = csv.reader(f)
        head = next(reader)
        rows = list(reader)
    names = head[4:]
    X = np.array([[float(v) for v in r[4:]] for r in rows])
    D = {c: X[:, i] for i, c in enumerate(names)}
    grades = np.array([int(r[3]) for r in rows])
    owners = {}
    for i, r in enumerate(rows): owners.setdefault(r[1], []).append(i)
    groups = [np.array(v) for v in owners.values()]
    people = {r['id']: r for r in csv.DictReader(open(participants_file(folder)))}
    # Role concepts named on both sides of a direction.
    def roles(text):
        t = text.lower().replace('-', ' ')
        return {cid for cid, p in role_patterns if p.search(t)}
    offered = {k: roles(' , '.join(side_text(v, 'offer'))) for k, v in people.items()}
    needed = {k: roles(' , '.join(side_text(v, 'need'))) for k, v in people.items()}
    D['role'] = np.array([1.0 if (needed[r[1]] & offered[r[2]]) or (offered[r[1]] & needed[r[2]]) else 0.0 for r in rows])
    # Clause-level maximum cosine of the sentence encoder, both directions.
    texts, index = [], {}
    for pid, row in people.items():
        for side in ('offer', 'need'):
            text, tags = side_text(row, side)
            parts = clauses(text) + ([tags] if tags else [])
            index[(pid, side)] = list(range(len(texts), len(texts) + len(parts)))
            texts += [p.replace('\n', ' ') for p in parts]
    lines = run([binary, 'encode-text'], input='\n'.join(texts) + '\n').stdout.splitlines()
    V = np.array([json.loads(l) for l in lines], dtype=np.float32)
    def best(a, sa, b, sb):
        ia, ib = index[(a, sa)], index[(b, sb)]
        return float((V[ia] @ V[ib].T).max()) if ia and ib else 0.0
    D['clause_on'] = np.array([best(r[1], 'offer', r[2], 'need') for r in rows])
    D['clause_no'] = np.array([best(r[1], 'need', r[2], 'offer') for r in rows])
    return D, grades, groups


def metrics(score, g, groups):
    recall, ndcg, bad, above = [], [], 0, 0
    for grp in groups:
        gg, s = g[grp], score[grp]
        rel = gg > 0
        if not rel.any(): continue
        order = np.lexsort((np.arange(len(s)), -s))
        pos = np.empty(len(s), int); pos[order] = np.arange(len(s))
        recall.append((pos[rel] < 5).sum() / min(5, rel.sum()))
        top = np.maximum(gg[order[:10]], 0)
        dcg = ((2.0 ** top - 1) / np.log2(np.arange(2, len(top) + 2))).sum()
        ideal = np.sort(gg[rel])[::-1][:10]
        ndcg.append(dcg / ((2.0 ** ideal - 1) / np.log2(np.arange(2, len(ideal) + 2))).sum())
        weakest = pos[rel].max()
        bad += (gg < 0).sum(); above += (pos[gg < 0] < weakest).sum()
    return np.mean(recall), np.mean(ndcg), (above / bad if bad else float('nan'))


def calibrated(F):
    """Each term scaled to complementarity's spread, as ScoreCalibration does (κ ≤ 1)."""
    sd = F['compl'].std()
    return {k: v if k == 'compl' or v.std() == 0 else v * min(1, sd / v.std()) for k, v in F.items()}


def fit(data, selected, keys, signs, ridge=1e-3, unjudged=30, seed=2019):
    rng = np.random.default_rng(seed)
    diffs, weights = [], []
    for name, (F, g, groups) in data.items():
        P, bad = [], []
        for gi in selected[name]:
            grp = groups[gi]; gg = g[grp]; pool = grp[gg == 0]
            for i in grp[gg > 0]:
                worse = list(grp[(gg != 0) & (gg < g[i])])
                if len(pool): worse += list(rng.choice(pool, min(unjudged, len(pool))))
                for j in worse: P.append((i, j)); bad.append(g[j] < 0)
        P, bad = np.array(P), np.array(bad)
        nb = bad.sum()
        W = np.where(bad, 0.5 / max(1, nb), (0.5 if nb else 1.0) / max(1, len(bad) - nb))
        X = np.stack([signs[k] * F[k] for k in keys], 1)
        diffs.append(X[P[:, 0]] - X[P[:, 1]]); weights.append(W / len(data))
    Dm, Wv = np.concatenate(diffs), np.concatenate(weights)
    def loss(w):
        z = Dm @ w
        return (Wv * np.logaddexp(0, -z)).sum() + ridge * (w @ w), -(Dm.T @ (Wv / (1 + np.exp(z)))) + 2 * ridge * w
    r = minimize(loss, np.ones(len(keys)) / len(keys), jac=True, bounds=[(0, None)] * len(keys), method='L-BFGS-B')
    w = r.x / max(1e-12, r.x.sum())
    return {k: signs[k] * w[i] for i, k in enumerate(keys)}


def cross_validated(sets, terms, penalties, folds=5):
    data = {n: (calibrated({k: f(D) for k, f in terms.items()}), g, groups) for n, (D, g, groups) in sets.items()}
    keys = list(terms)
    signs = {k: -1 if k in penalties else 1 for k in keys}
    rng = np.random.default_rng(7)
    fold_of = {n: rng.permutation(len(data[n][2])) % folds for n in data}
    held = {n: np.zeros(len(data[n][1])) for n in data}
    for k in range(folds):
        w = fit(data, {n: [i for i in range(len(data[n][2])) if fold_of[n][i] != k] for n in data}, keys, signs)
        for n, (F, g, groups) in data.items():
            s = sum(w[key] * F[key] for key in keys)
            for i, grp in enumerate(groups):
                if fold_of[n][i] == k: held[n][grp] = s[grp]
    whole = fit(data, {n: range(len(data[n][2])) for n in data}, keys, signs)
    return {n: metrics(held[n], data[n][1], data[n][2]) for n in data}, whole


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--binary', default=os.path.join(ROOT, '.build/release/missionmatch'))
    parser.add_argument('--work', default='/tmp/score-terms')
    args = parser.parse_args()
    role_patterns = []
    for r in csv.DictReader(open(os.path.join(ROOT, 'Data/reference/thesaurus.csv'))):
        if r['sector'] in ROLE_SECTORS:
            forms = [f.lower() for f in [r['label'], r['id'].replace('-', ' ')] + r['synonyms'].split('|') if len(f) >= 3]
            role_patterns.append((r['id'], re.compile(r'\b(?:' + '|'.join(re.escape(f) + 's?' for f in forms) + r')\b')))
    sets = {n: load(args.binary, folder, dump, role_patterns) for n, (folder, dump) in prepare(args.binary, args.work).items()}

    mu, lam = 0.3, 0.2   # the defaults: semantic_share, latent_share
    def c(D, d): return np.maximum(0, mu * D['sem_' + d] + (1 - mu) * (lam * D['lsa_' + d] + (1 - lam) * D['lex_' + d]))
    def offers_alike(D): return np.maximum(0, mu * D['sem_oo'] + (1 - mu) * (lam * D['lsa_oo'] + (1 - lam) * D['lex_oo']))
    base = {'compl': lambda D: (c(D, 'on') + c(D, 'no')) / 2, 'sim': lambda D: D['profile'],
            'competition': lambda D: D['lex_oo'], 'sector': lambda D: D['sector'], 'country': lambda D: D['country'],
            'coop': lambda D: D['cooperation']}
    def variant(**changes):
        v = dict(base)
        for k, f in changes.items():
            if f is None: v.pop(k, None)
            else: v[k] = f
        return v
    candidates = [
        ('the engine\'s terms (defaults\' form)', base),
        ('country split: b targets a / a targets b', variant(country=None, a_targets_b=lambda D: D['a_targets_b'],
                                                             b_targets_a=lambda D: D['b_targets_a'])),
        ('competition in the LSA space', variant(competition=lambda D: D['lsa_oo'])),
        ('competition = offers alike × needs alike', variant(competition=lambda D: np.maximum(0, D['lsa_oo']) * np.maximum(0, D['lsa_nn']))),
        ('+ competition: alike beyond complementarity', variant(excess=lambda D: np.maximum(0, offers_alike(D) - np.maximum(c(D, 'on'), c(D, 'no'))))),
        ('+ role concept both sides × offers alike', variant(role=lambda D: D['role'] * offers_alike(D))),
        ('+ lexical whole-profile cosine', variant(profile_tfidf=lambda D: (D['lex_oo'] + D['lex_nn'] + D['lex_on'] + D['lex_no']) / 4)),
        ('+ clause-level max cosine (encoder)', variant(clause=lambda D: (D['clause_on'] + D['clause_no']) / 2)),
    ]
    penalties = {'competition', 'excess'}
    print('held-out (5-fold by participant), one fit over all sets: recall@5 / NDCG@10 / bad>gold')
    print('%-46s' % 'terms' + ''.join('%-22s' % n for n in sets) + 'mean NDCG')
    for label, terms in candidates:
        res, w = cross_validated(sets, terms, penalties)
        print('%-46s' % label + ''.join('%.3f/%.3f/%-8s' % (r[0], r[1], 'n/a' if np.isnan(r[2]) else '%.2f' % r[2]) for r in res.values())
              + '%.3f' % np.mean([r[1] for r in res.values()]))
        print('    weights: ' + ', '.join('%s %.3f' % (k, v) for k, v in w.items()))
    print('\nheld-out NDCG@10 when each set is fitted on its own (what a linear mix can reach there)')
    for label, terms in (candidates[0], candidates[-1]):
        row = []
        for n in sets:
            res, _ = cross_validated({n: sets[n]}, terms, penalties)
            row.append('%s %.3f' % (n, res[n][1]))
        print('%-46s' % label + '  '.join(row))


if __name__ == '__main__':
    sys.exit(main())
