#!/usr/bin/env bash
# `missionmatch delegate` at programme scale against `missionmatch rank` of the
# same pairs (issue 17's target: delegate ≤ 2 × rank), alternating the two
# three times in one run, and the ratio of their medians.
#
# One generated programme (`missionmatch generate`, seed 1) gives the SMEs
# (its consortium side) and 20,000 counterparts. The counterparts are dealt
# into three pools, one per mission (Toronto-, Shanghai-, Washington-like: the
# generated mission file with its own id and participants), and a programme
# file sends at most 20 SMEs on each, at most 3 per cluster, one mission per
# SME. The reference is `rank` of the generated mission: the same 3,100 SMEs
# against all 20,000 counterparts, i.e. every pair delegate ranks.
#
#   bash Scripts/bench/delegate_scale.sh [CONSORTIUM] [COUNTERPARTS]     (default 3100 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
consortium=${1:-3100}
counterparts=${2:-20000}
swift build -c release --static-swift-stdlib --product missionmatch >/dev/null
bin=.build/release/missionmatch
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  ct=$("$bin" doctor --coretype); [ -n "$ct" ] && export OPENBLAS_CORETYPE=$ct
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" generate --consortium "$consortium" --counterparts "$counterparts" --seed 1 --out "$dir/gen" >/dev/null
python3 - "$dir" <<'PY'
import csv, sys, os
d = sys.argv[1]
with open(f"{d}/gen/participants.csv", newline="") as f:
    rows = list(csv.DictReader(f))
fields = list(rows[0].keys())
smes = [r for r in rows if r["side"] == "consortium"]
others = [r for r in rows if r["side"] != "consortium"]
def write(path, items):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        w.writeheader(); w.writerows(items)
write(f"{d}/smes.csv", smes)
mission = open(f"{d}/gen/mission.yaml").read()
names = ["toronto", "shanghai", "washington"]
entries = []
for k, name in enumerate(names):
    write(f"{d}/pool-{name}.csv", others[k::3])
    text = mission.replace("id: synthetic-1", f"id: {name}").replace("participants: participants.csv", f"participants: pool-{name}.csv")
    text = "\n".join(l for l in text.splitlines() if not l.startswith("requests:")) + "\n"
    open(f"{d}/{name}.yaml", "w").write(text)
    entries.append(f"  - mission: {name}.yaml\n    delegation: {{seats: 20, each_cluster: {{max: 3}}}}\n")
open(f"{d}/programme.yaml", "w").write("id: bench\ncandidates: smes.csv\nmissions:\n" + "".join(entries))
PY
rank_times=(); delegate_times=()
for round in 1 2 3; do
  start=$(date +%s.%N); "$bin" rank "$dir/gen/mission.yaml" --no-encoder --format csv --out "$dir/rec.csv" >/dev/null 2>&1; end=$(date +%s.%N)
  rank_times+=("$(echo "$end - $start" | bc)")
  start=$(date +%s.%N); "$bin" delegate "$dir/programme.yaml" --out "$dir/delegations" >"$dir/delegate.log" 2>&1; end=$(date +%s.%N)
  delegate_times+=("$(echo "$end - $start" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
r=$(median "${rank_times[@]}"); g=$(median "${delegate_times[@]}")
head -4 "$dir/delegate.log"
echo "missionmatch rank ($consortium × $counterparts): ${rank_times[*]} s (median $r)"
echo "missionmatch delegate ($consortium SMEs × 3 missions, $counterparts counterparts in all): ${delegate_times[*]} s (median $g)"
echo "ratio (delegate ÷ rank, medians of one run): $(echo "scale=3; $g / $r" | bc)"
