#!/usr/bin/env python3
"""How often each kind of reason names a partner the organiser judged good, on the evaluation sets.

For every judged participant of each set, the partners the engine lists in its top 10 (`rank --top 100`
with the sentence encoder) are grouped by the strongest offer↔need link their reason names — a shared
thesaurus concept ("needs PP ↔ offers PP"), a shared phrase of two words or more, shared single words
only, a link by meaning alone ("… (similar meaning)"), or none — and the share judged gold (grade 1–3)
and judged bad (a look-alike) is printed per kind. Unjudged partners count in neither share.

    python3 Scripts/quality/reason_kinds.py [--binary .build/release/missionmatch] [--encoder DIR] [--work /tmp/reason-kinds]

Needs the sentence encoder (`bash Scripts/fetch-encoder.sh`); Python 3 standard library only.
"""
import argparse, collections, csv, os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SETS = ['hand-toronto', 'hand-advanced', 'hand-shanghai', 'hand-washington', 'hand-matchmaking', 'supplychain/seed7-200x600']
KINDS = ['concept', 'phrase', 'single words only', 'meaning only', 'none']


def link_kind(reasons):
    """The strongest offer↔need link a reason names (the reason's clauses are parted by '; ')."""
    best = len(KINDS) - 1
    for clause in reasons.split('; '):
        if clause.endswith('(similar meaning)') or clause.startswith(('offers what they need (', 'needs what they offer (')):
            best = min(best, KINDS.index('meaning only'))
            continue
        shared = re.match(r'(?:offers what they need|needs what they offer): (.*)$', clause)
        if shared:
            runs = shared.group(1).split(', ')
            best = min(best, KINDS.index('phrase' if any(len(r.split()) >= 2 for r in runs) else 'single words only'))
        elif re.match(r'(?:offers|needs) .+ ↔ (?:needs|offers) .+', clause):
            best = min(best, KINDS.index('concept'))
    return KINDS[best]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--binary', default=os.path.join(ROOT, '.build/release/missionmatch'))
    parser.add_argument('--encoder', default=os.path.expanduser('~/.cache/missionmatch/encoders/all-MiniLM-L6-v2'))
    parser.add_argument('--work', default='/tmp/reason-kinds')
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    total = collections.defaultdict(collections.Counter)
    print('%-28s %-18s %6s %6s %6s' % ('set', 'link named', 'listed', 'gold', 'bad'))
    for name in SETS:
        folder = os.path.join(ROOT, 'Tests/EvaluationSets', name)
        out = os.path.join(args.work, name.replace('/', '_') + '.csv')
        subprocess.run([args.binary, 'rank', os.path.join(folder, 'mission.yaml'), '--top', '100',
                        '--encoder', args.encoder, '--out', out], check=True, capture_output=True)
        truth = {(t['participant_id'], t['partner_id']): int(t['relevance']) for t in csv.DictReader(open(os.path.join(folder, 'truth.csv')))}
        judged = {owner for owner, _ in truth}
        counts = collections.defaultdict(collections.Counter)
        for row in csv.DictReader(open(out)):
            if row['participant_id'] not in judged or int(row['rank']) > 10:
                continue
            grade = truth.get((row['participant_id'], row['partner_id']))
            label = 'unjudged' if grade is None else ('bad' if grade == 0 else 'gold')
            kind = link_kind(row['reasons'])
            counts[kind][label] += 1
            total[kind][label] += 1
        for kind in KINDS:
            n = sum(counts[kind].values())
            if n:
                print('%-28s %-18s %6d %6.2f %6.2f' % (name, kind, n, counts[kind]['gold'] / n, counts[kind]['bad'] / n))
    for kind in KINDS:
        n = sum(total[kind].values())
        if n:
            print('%-28s %-18s %6d %6.2f %6.2f' % ('all', kind, n, total[kind]['gold'] / n, total[kind]['bad'] / n))


if __name__ == '__main__':
    sys.exit(main())
