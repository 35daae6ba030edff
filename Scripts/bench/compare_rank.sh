#!/usr/bin/env bash
# `missionmatch rank` against the standard Python pipeline (python_pipeline.py)
# on one generated programme, alternating the two three times in one run, and
# the ratio of their medians. Installs scikit-learn with pip when missing.
# `rank` runs lexical-only (--no-encoder), as the pipeline it is compared with.
#
#   bash Scripts/bench/compare_rank.sh [CONSORTIUM] [COUNTERPARTS]     (default 3100 20000)
set -euo pipefail
cd "$(dirname "$0")/../.."
consortium=${1:-3100}
counterparts=${2:-20000}
python3 -c "import sklearn" 2>/dev/null || pip install --quiet scikit-learn
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  ct=$(.build/release/missionmatch doctor --coretype); [ -n "$ct" ] && export OPENBLAS_CORETYPE=$ct
fi
swift build -c release --product missionmatch >/dev/null
bin=.build/release/missionmatch
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" generate --consortium "$consortium" --counterparts "$counterparts" --seed 1 --out "$dir/gen" >/dev/null
swift_times=(); python_times=()
for round in 1 2 3; do
  start=$(date +%s.%N); "$bin" rank "$dir/gen/mission.yaml" --no-encoder --format csv --out "$dir/rec.csv" >/dev/null 2>&1; end=$(date +%s.%N)
  swift_times+=("$(echo "$end - $start" | bc)")
  start=$(date +%s.%N); python3 Scripts/bench/python_pipeline.py "$dir/gen/participants.csv" >/dev/null; end=$(date +%s.%N)
  python_times+=("$(echo "$end - $start" | bc)")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
s=$(median "${swift_times[@]}"); p=$(median "${python_times[@]}")
echo "missionmatch rank: ${swift_times[*]} s (median $s)"
echo "python pipeline:   ${python_times[*]} s (median $p)"
echo "ratio (rank ÷ python, medians of one run): $(echo "scale=3; $s / $p" | bc)"
