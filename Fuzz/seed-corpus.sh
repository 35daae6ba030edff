#!/usr/bin/env bash
# Builds Fuzz/.corpus/<target>/ from the test fixtures, the bundled missions
# and Fuzz/Seeds (the corpus grows as the fuzzer runs; it is not committed).
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../Tests/MissionMatchIOTests/Fixtures
seed() { mkdir -p ".corpus/$1"; shift; for f in "$@"; do [ -f "$f" ] && cp "$f" ".corpus/${target}/" || true; done; }
target=participants-csv; seed "$target" "$fixtures"/participants/*.csv "$fixtures"/hostile/* ../Data/participants/*.csv
target=participants-json; seed "$target" Seeds/participants.json
target=mission-yaml; seed "$target" "$fixtures"/missions/*.yaml ../Data/missions/*.yaml
target=mission-json; seed "$target" Seeds/mission.json
target=requests; seed "$target" "$fixtures"/requests/*.csv ../Data/requests/*.csv
target=pair-scores; seed "$target" Seeds/scores.csv
target=agenda-json; seed "$target" Seeds/agenda.json
target=vectors; seed "$target" Seeds/vectors.csv
target=recommendations; seed "$target" Seeds/recommendations.csv
target=ground-truth; seed "$target" ../Tests/EvaluationSets/*/truth.csv
target=outcomes; seed "$target" Seeds/outcomes.csv ../Data/outcomes/*.csv
target=ranking; seed "$target" Seeds/texts.txt
