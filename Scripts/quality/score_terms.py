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
                                           [--experiment terms|channels|competition|roles|gates|nonlinear]

`--experiment terms` (the default) is the table of docs/MatchQuality.md's "Candidate score terms".
The others were run on 2026-12-06 and fit on the same four sets, then score three hand-judged sets
the fit never saw (hand-shanghai, hand-washington, hand-matchmaking) with the weights fitted on all four:
`channels` combines the encoder with the lexical cosines in other forms than a weighted sum,
`competition` tries competitor penalties from the encoder's offer–offer and need–need cosines,
`roles` what a side is (its offers) against what the other seeks (its needs), by a small role lexicon,
`gates` multiplies complementarity by market fit or sector, `nonlinear` fits gradient-boosted trees
(scikit-learn) on every per-pair feature instead of a linear mix.

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
# Scored with the weights fitted on SETS, never fitted on (experiments other than `terms`).
CONFIRM = {
    'shanghai': 'Tests/EvaluationSets/hand-shanghai',
    'washington': 'Tests/EvaluationSets/hand-washington',
    'matchmaking': 'Tests/EvaluationSets/hand-matchmaking',
}
ROLE_SECTORS = {'retail', 'business-services', 'research', 'logistics'}
ROLE_LEXICON = {
    'producer': r"manufactur\w*|producers?|produces?|producing|makers?|we make|factor(?:y|ies)|brand owners?|own brand|processors?"
                r"|suppliers?|foundr(?:y|ies)|winer(?:y|ies)|brewer(?:y|ies)|distiller(?:y|ies)|growers?|converters?|moulders?|molders?",
    'distributor': r"distribut\w*|wholesal\w*|resellers?|dealers?",
    'importer': r"import\w*",
    'retailer': r"retail\w*|supermarkets?|grocer\w*|stores?|shops?|webshops?|e-?commerce|chains?",
    'agent': r"agents?|representatives?|brokers?",
    'integrator': r"integrators?|installers?|system integration|epc",
    'research': r"universit\w*|research (?:cent(?:re|er)|institute|lab\w*|partners?|bod(?:y|ies)|organi[sz]ations?)|institutes?|academic",
    'testing': r"test(?:ing)? lab\w*|testing services|certification bod(?:y|ies)|accredited lab\w*|notified bod(?:y|ies)",
    'logistics': r"logistic\w*|forwarders?|3pl|cold chain|warehous\w*",
    'consultant': r"consult\w*|advis\w*|regulatory (?:services|support|consult\w*)|market entry",
    'investor': r"investors?|venture|funds?|capital",
    'contract': r"contract manufactur\w*|co-?pack\w*|private label|toll manufactur\w*|subcontract\w*",
    'buyer': r"buyers?|customers?|clients?|end users?|users?|hospitals?|utilit(?:y|ies)|municipalit(?:y|ies)|oems?",
}


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def prepare(binary, work, sets):
    """Dumps every set's pair features; returns {set: (mission folder, dump path)}."""
    os.makedirs(work, exist_ok=True)
    out = {}
    for name, folder in sets.items():
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
    """The engine's clause rules (SentenceEncoder's ClauseSplitter, rules version 2)."""
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
        pieces, current, depth = [], '', 0
        for i, ch in enumerate(s):
            current += ch
            if ch in '([{': depth += 1
            if ch in ')]}': depth = max(0, depth - 1)
            nxt = s[i + 1] if i + 1 < len(s) else None
            if depth == 0 and ch in ',;' and nxt is not None and nxt.isspace():
                if current.strip(): pieces.append(current.strip())
                current = ''
        if current.strip(): pieces.append(current.strip())
        merged = []
        for piece in pieces:  # a piece of fewer than 3 words joins the one before (the first, the one after)
            if merged and len(piece.split()) < 3: merged[-1] += ' ' + piece
            else: merged.append(piece)
        if len(merged) > 1 and len(merged[0].split()) < 3:
            merged[1] = merged[0] + ' ' + merged[1]
            merged.pop(0)
        parts += merged
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
    # What each side is (named in its offers) and seeks (named in its needs), by a small role lexicon
    # written from general business English (experiment `roles`).
    kinds = {k: re.compile(r'\b(?:' + v + r')\b') for k, v in ROLE_LEXICON.items()}
    def kinds_in(text): return {k for k, rx in kinds.items() if rx.search(text.lower())}
    is_ = {k: kinds_in(' , '.join(side_text(v, 'offer'))) for k, v in people.items()}
    seeks = {k: kinds_in(' , '.join(side_text(v, 'need'))) for k, v in people.items()}
    def mismatch(a, b): return 1.0 if seeks[b] and is_[a] and not (seeks[b] & is_[a]) else 0.0
    D['mis_on'] = np.array([mismatch(r[1], r[2]) for r in rows])  # b seeks roles a's offer does not name
    D['mis_no'] = np.array([mismatch(r[2], r[1]) for r in rows])
    D['kind_on'] = np.array([1.0 if seeks[r[2]] & is_[r[1]] else 0.0 for r in rows])
    D['kind_no'] = np.array([1.0 if seeks[r[1]] & is_[r[2]] else 0.0 for r in rows])
    D['role'] = np.array([1.0 if (needed[r[1]] & offered[r[2]]) or (offered[r[1]] & needed[r[2]]) else 0.0 for r in rows])
    # Clause-level maximum cosine of the sentence encoder, both directions.
    texts, index = [], {}
    for pid, row in people.items():
        for side in ('offer', 'need'):
            text, tags = side_text(row, side)
            parts = clauses(text) + ([tags] if tags else [])
            index[(pid, side)] = list(range(len(texts), len(texts) + len(parts)))
            texts += [p.replace('\n', ' ') for p in parts]
    whole = {}  # each side's whole text (with its tags), as one embedding
    for pid, row in people.items():
        for side in ('offer', 'need'):
            text, tags = side_text(row, side)
            whole[(pid, side)] = len(texts)
            texts.append((text + (' ' + tags if tags else '')).replace('\n', ' '))
    lines = run([binary, 'encode-text'], input='\n'.join(texts) + '\n').stdout.splitlines()
    V = np.array([json.loads(l) for l in lines], dtype=np.float32)
    D['sem_nn'] = np.array([float(V[whole[(r[1], 'need')]] @ V[whole[(r[2], 'need')]]) for r in rows])
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


def scored_with(w, terms, D, g, groups):
    """A set the fit never saw, scored with the fitted weights `w`."""
    F = calibrated({k: f(D) for k, f in terms.items()})
    return metrics(sum(w[k] * F[k] for k in terms), g, groups)


def print_row(label, res, names):
    print('%-46s' % label + ''.join('%.3f/%.3f/%-8s' % (res[n][0], res[n][1], 'n/a' if np.isnan(res[n][2]) else '%.2f' % res[n][2])
                                    for n in names) + '%.3f' % np.mean([res[n][1] for n in SETS]))


def nonlinear(sets, confirm, base):
    """Gradient-boosted trees on every per-pair feature (and the engine's calibrated terms), expected gain
    2^grade − 1 as the score; 5-fold by participant over the four sets, then one fit scores the others."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    feats = ['lsa_on', 'lsa_no', 'lex_on', 'lex_no', 'lex_oo', 'lex_nn', 'lsa_oo', 'lsa_nn', 'profile', 'sector', 'country',
             'cooperation', 'a_targets_b', 'b_targets_a', 'sem_on', 'sem_no', 'sem_oo', 'sem_nn', 'clause_on', 'clause_no']
    def X(D):
        F = calibrated({k: f(D) for k, f in base.items()})
        return np.stack([D[f] for f in feats] + [F[k] for k in base], 1)
    def train(selected):
        Xs, ys, ws = [], [], []
        for n, (D, g, groups) in sets.items():
            idx = np.concatenate([groups[i] for i in selected[n]])
            Xs.append(X(D)[idx]); ys.append(np.maximum(g[idx], 0)); ws.append(np.full(len(idx), 1e4 / len(idx)))
        model = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15, min_samples_leaf=40,
                                               l2_regularization=1.0, random_state=0)
        return model.fit(np.concatenate(Xs), np.concatenate(ys), sample_weight=np.concatenate(ws))
    def expected(model, D): return model.predict_proba(X(D)) @ (2.0 ** model.classes_ - 1)
    rng = np.random.default_rng(7)
    fold_of = {n: rng.permutation(len(sets[n][2])) % 5 for n in sets}
    held = {n: np.zeros(len(sets[n][1])) for n in sets}
    for k in range(5):
        model = train({n: [i for i in range(len(sets[n][2])) if fold_of[n][i] != k] for n in sets})
        for n, (D, g, groups) in sets.items():
            s = expected(model, D)
            for i, grp in enumerate(groups):
                if fold_of[n][i] == k: held[n][grp] = s[grp]
    res = {n: metrics(held[n], sets[n][1], sets[n][2]) for n in sets}
    model = train({n: range(len(sets[n][2])) for n in sets})
    res.update({n: metrics(expected(model, D), g, groups) for n, (D, g, groups) in confirm.items()})
    return res


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--binary', default=os.path.join(ROOT, '.build/release/missionmatch'))
    parser.add_argument('--work', default='/tmp/score-terms')
    parser.add_argument('--experiment', default='terms', choices=['terms', 'channels', 'competition', 'roles', 'gates', 'nonlinear'])
    args = parser.parse_args()
    role_patterns = []
    for r in csv.DictReader(open(os.path.join(ROOT, 'Data/reference/thesaurus.csv'))):
        if r['sector'] in ROLE_SECTORS:
            forms = [f.lower() for f in [r['label'], r['id'].replace('-', ' ')] + r['synonyms'].split('|') if len(f) >= 3]
            role_patterns.append((r['id'], re.compile(r'\b(?:' + '|'.join(re.escape(f) + 's?' for f in forms) + r')\b')))
    def loaded(which):
        return {n: load(args.binary, folder, dump, role_patterns) for n, (folder, dump) in prepare(args.binary, args.work, which).items()}
    sets = loaded(SETS)
    confirm = loaded(CONFIRM) if args.experiment != 'terms' else {}

    mu, lam = 0.3, 0.2   # the defaults: semantic_share, latent_share
    def lexical(D, d): return lam * D['lsa_' + d] + (1 - lam) * D['lex_' + d]
    def c(D, d): return np.maximum(0, mu * D['sem_' + d] + (1 - mu) * lexical(D, d))
    def offers_alike(D): return np.maximum(0, mu * D['sem_oo'] + (1 - mu) * (lam * D['lsa_oo'] + (1 - lam) * D['lex_oo']))
    def compl(D): return (c(D, 'on') + c(D, 'no')) / 2
    base = {'compl': compl, 'sim': lambda D: D['profile'],
            'competition': lambda D: D['lex_oo'], 'sector': lambda D: D['sector'], 'country': lambda D: D['country'],
            'coop': lambda D: D['cooperation']}
    def variant(**changes):
        v = dict(base)
        for k, f in changes.items():
            if f is None: v.pop(k, None)
            else: v[k] = f
        return v
    def hinge(x, q=95):
        """How far above the set's q-th percentile, on [0, 1]."""
        bar = np.percentile(x, q)
        return np.maximum(0, x - bar) / max(1e-9, 1 - bar)
    def combined(direction):
        """Complementarity with each direction's cosine given by `direction(D, d)`."""
        return variant(compl=lambda D: (direction(D, 'on') + direction(D, 'no')) / 2)
    def sem_above(q, m):
        def f(D, d):
            bar = np.percentile(np.concatenate([D['sem_on'], D['sem_no']]), q)
            return np.maximum(0, (1 - m) * lexical(D, d) + m * np.maximum(0, D['sem_' + d] - bar) / (1 - bar))
        return f
    def fill(m):
        return lambda D, d: np.maximum(0, lexical(D, d)) + m * np.maximum(0, np.maximum(0, D['sem_' + d]) - np.maximum(0, lexical(D, d)))
    def greater(m):
        return lambda D, d: np.maximum(0, np.maximum(lexical(D, d), m * D['sem_' + d]))
    pos = lambda x: np.maximum(0, x)
    experiments = {
        'terms': [
            ('the engine\'s terms (defaults\' form)', base),
            ('country split: b targets a / a targets b', variant(country=None, a_targets_b=lambda D: D['a_targets_b'],
                                                                 b_targets_a=lambda D: D['b_targets_a'])),
            ('competition in the LSA space', variant(competition=lambda D: D['lsa_oo'])),
            ('competition = offers alike × needs alike', variant(competition=lambda D: pos(D['lsa_oo']) * pos(D['lsa_nn']))),
            ('+ competition: alike beyond complementarity', variant(excess=lambda D: pos(offers_alike(D) - np.maximum(c(D, 'on'), c(D, 'no'))))),
            ('+ role concept both sides × offers alike', variant(role=lambda D: D['role'] * offers_alike(D))),
            ('+ lexical whole-profile cosine', variant(profile_tfidf=lambda D: (D['lex_oo'] + D['lex_nn'] + D['lex_on'] + D['lex_no']) / 4)),
            ('+ clause-level max cosine (encoder)', variant(clause=lambda D: (D['clause_on'] + D['clause_no']) / 2)),
        ],
        'channels': [
            ('the engine\'s terms (μ 0.3)', base),
            ('lexical only (μ 0)', combined(lambda D, d: pos(lexical(D, d)))),
            ('μ 0.2', combined(lambda D, d: pos(0.2 * D['sem_' + d] + 0.8 * lexical(D, d)))),
            ('encoder above its median only, 0.3', combined(sem_above(50, 0.3))),
            ('encoder above its 80th percentile, 0.3', combined(sem_above(80, 0.3))),
            ('max(lexical, 0.5 × encoder)', combined(greater(0.5))),
            ('max(lexical, 0.7 × encoder)', combined(greater(0.7))),
            ('lexical + 0.3 × (encoder − lexical)⁺', combined(fill(0.3))),
            ('lexical + 0.5 × (encoder − lexical)⁺', combined(fill(0.5))),
            ('+ role concept sought ↔ named (either way)', variant(role=lambda D: D['role'])),
        ],
        'competition': [
            ('the engine\'s terms', base),
            ('− encoder offers alike above p95', variant(excess=lambda D: hinge(D['sem_oo']))),
            ('− encoder needs alike above p95', variant(excess=lambda D: hinge(D['sem_nn']))),
            ('− encoder offers × needs alike', variant(excess=lambda D: pos(D['sem_oo']) * pos(D['sem_nn']))),
            ('− encoder offers × needs alike above p95', variant(excess=lambda D: hinge(pos(D['sem_oo']) * pos(D['sem_nn'])))),
            ('− encoder offers × needs alike above p90', variant(excess=lambda D: hinge(pos(D['sem_oo']) * pos(D['sem_nn']), 90))),
            ('− min(offers, needs alike above p90)', variant(excess=lambda D: np.minimum(hinge(D['sem_oo'], 90), hinge(D['sem_nn'], 90)))),
        ],
        'roles': [
            ('the engine\'s terms', base),
            ('− role mismatch, mean of the directions', variant(excess=lambda D: (D['mis_on'] + D['mis_no']) / 2)),
            ('− role mismatch both ways', variant(excess=lambda D: D['mis_on'] * D['mis_no'])),
            ('+ role sought = role named, mean', variant(kind=lambda D: (D['kind_on'] + D['kind_no']) / 2)),
            ('complementarity × (1 − 0.5 × mismatch)', variant(compl=lambda D: (c(D, 'on') * (1 - 0.5 * D['mis_on'])
                                                                               + c(D, 'no') * (1 - 0.5 * D['mis_no'])) / 2)),
            ('complementarity × (1 − 0.8 × mismatch)', variant(compl=lambda D: (c(D, 'on') * (1 - 0.8 * D['mis_on'])
                                                                               + c(D, 'no') * (1 - 0.8 * D['mis_no'])) / 2)),
        ],
        'gates': [
            ('the engine\'s terms', base),
            ('+ complementarity × country', variant(gate=lambda D: compl(D) * D['country'])),
            ('+ complementarity × [b in a\'s targets]', variant(gate=lambda D: compl(D) * D['a_targets_b'])),
            ('+ complementarity × [a in b\'s targets]', variant(gate=lambda D: compl(D) * D['b_targets_a'])),
            ('+ complementarity × sector', variant(gate=lambda D: compl(D) * D['sector'])),
        ],
    }
    names = list(SETS) + list(confirm)
    penalties = {'competition', 'excess'}
    if args.experiment == 'nonlinear':
        print('%-46s' % 'model' + ''.join('%-22s' % n for n in names) + 'mean NDCG (four)')
        res, w = cross_validated(sets, base, penalties)
        res.update({n: scored_with(w, base, *confirm[n]) for n in confirm})
        print_row('the engine\'s terms, linear', res, names)
        print_row('gradient-boosted trees, every feature', nonlinear(sets, confirm, base), names)
        return 0
    print('held-out (5-fold by participant), one fit over %s: recall@5 / NDCG@10 / bad>gold' % ', '.join(SETS)
          + ('; %s scored with the fit over all four' % ', '.join(confirm) if confirm else ''))
    print('%-46s' % 'terms' + ''.join('%-22s' % n for n in names) + 'mean NDCG (four)')
    for label, terms in experiments[args.experiment]:
        res, w = cross_validated(sets, terms, penalties)
        res.update({n: scored_with(w, terms, *confirm[n]) for n in confirm})
        print_row(label, res, names)
        print('    weights: ' + ', '.join('%s %.3f' % (k, v) for k, v in w.items()))
    if args.experiment != 'terms':
        return 0
    print('\nheld-out NDCG@10 when each set is fitted on its own (what a linear mix can reach there)')
    for label, terms in (experiments['terms'][0], experiments['terms'][-1]):
        row = []
        for n in sets:
            res, _ = cross_validated({n: sets[n]}, terms, penalties)
            row.append('%s %.3f' % (n, res[n][1]))
        print('%-46s' % label + '  '.join(row))


if __name__ == '__main__':
    sys.exit(main())
