#!/usr/bin/env bash
# `missionmatch rank` against the standard Python pipeline (python_pipeline.py)
# on one generated programme, alternating them in one run, and the ratio of
# their medians. Installs scikit-learn with pip when missing.
# `rank` runs lexical-only (--no-encoder), as the pipeline it is compared with.
#
#   bash Scripts/bench/compare_rank.sh [CONSORTIUM] [COUNTERPARTS]     (default 3100 20000)
#
#   ROUNDS=5 (default 3): rounds of the alternation.
#   BASELINE=/path/to/an/older/missionmatch: also alternates that build, on the
#     same programme, and prints its ratio and the two builds' ratio (how a
#     change moved `rank`, measured in the same run).
set -euo pipefail
cd "$(dirname "$0")/../.."
consortium=${1:-3100}
counterparts=${2:-20000}
rounds=${ROUNDS:-3}
baseline=${BASELINE:-}
python3 -c "import sklearn" 2>/dev/null || pip install --quiet scikit-learn
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  ct=$(.build/release/missionmatch doctor --coretype); [ -n "$ct" ] && export OPENBLAS_CORETYPE=$ct
fi
swift build -c release --static-swift-stdlib --product missionmatch >/dev/null
bin=.build/release/missionmatch
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" generate --consortium "$consortium" --counterparts "$counterparts" --seed 1 --out "$dir/gen" >/dev/null
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
swift_times=(); python_times=(); baseline_times=()
for _ in $(seq "$rounds"); do
  swift_times+=("$(seconds "$bin" rank "$dir/gen/mission.yaml" --no-encoder --format csv --out "$dir/rec.csv")")
  if [ -n "$baseline" ]; then
    baseline_times+=("$(seconds "$baseline" rank "$dir/gen/mission.yaml" --no-encoder --format csv --out "$dir/baseline.csv")")
  fi
  python_times+=("$(seconds python3 Scripts/bench/python_pipeline.py "$dir/gen/participants.csv")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
s=$(median "${swift_times[@]}"); p=$(median "${python_times[@]}")
echo "missionmatch rank: ${swift_times[*]} s (median $s)"
echo "python pipeline:   ${python_times[*]} s (median $p)"
echo "ratio (rank ÷ python, medians of one run): $(echo "scale=3; $s / $p" | bc)"
if [ -n "$baseline" ]; then
  b=$(median "${baseline_times[@]}")
  echo "baseline rank:     ${baseline_times[*]} s (median $b)"
  echo "ratio (baseline ÷ python): $(echo "scale=3; $b / $p" | bc)"
  echo "ratio (rank ÷ baseline):   $(echo "scale=3; $s / $b" | bc)"
  cmp -s "$dir/rec.csv" "$dir/baseline.csv" && echo "the two builds wrote the same bytes" || echo "the two builds wrote different bytes"
fi
