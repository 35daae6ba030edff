#!/usr/bin/env bash
# MatchCore's RandomizedSVD against scikit-learn's randomized truncated SVD on
# the same 23,100 × 30,000 TF-IDF-like matrix (r = 256, 10 oversamples, same
# number of power iterations), one after the other in one session.
#
#   Scripts/bench/compare.sh            # n_iter = 4 (MatchCore's default)
#   N_ITER=5 Scripts/bench/compare.sh   # TruncatedSVD's default n_iter
#
# Prints both times and the ratio Swift ÷ scikit-learn (< 1: Swift is faster).
set -euo pipefail
cd "$(dirname "$0")/../.."

n_iter="${N_ITER:-4}"
dump="${DUMP:-${TMPDIR:-/tmp}/missionmatch-svd-${n_iter}.csr}"
# The core type `make bench` uses (`missionmatch doctor --coretype`), unless set.
export OPENBLAS_CORETYPE="${OPENBLAS_CORETYPE:-$(.build/release/missionmatch doctor --coretype)}"

if ! python3 -c "import sklearn, threadpoolctl" 2>/dev/null; then
    echo "installing scikit-learn from PyPI" >&2
    python3 -m pip install --quiet scikit-learn threadpoolctl
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "== MatchCore RandomizedSVD (Swift), OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE"
(
    cd Benchmarks
    MISSIONMATCH_SVD_DUMP="$dump" MISSIONMATCH_SVD_POWER_ITERATIONS="$n_iter" MISSIONMATCH_SVD_REPORT=1 \
        swift package --scratch-path ../.build-svd-bench benchmark --target RandomizedSVD
) 2>&1 | tee "$log" | grep -a -o -E "swift_seconds=.*|.*(Time \(wall clock\)|resident peak|Malloc).*"

echo "== scikit-learn, OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE"
python3 Scripts/bench/sklearn_svd.py "$dump" --rank 256 --oversamples 10 --n-iter "$n_iter" --repeat 3 | tee -a "$log"

swift_min="$(grep -a -o 'swift_seconds=[0-9.]*' "$log" | cut -d= -f2 | sort -n | head -1)"
core="$(grep -o 'sklearn_randomized_svd_seconds=[0-9.]*' "$log" | cut -d= -f2)"
fit="$(grep -o 'sklearn_truncated_svd_fit_seconds=[0-9.]*' "$log" | cut -d= -f2)"
echo "== n_iter $n_iter: Swift ${swift_min} s (best run); scikit-learn randomized_svd ${core} s, TruncatedSVD.fit ${fit} s"
awk -v s="$swift_min" -v c="$core" -v f="$fit" 'BEGIN {
    printf "ratio Swift / randomized_svd = %.3f (%.1fx faster)\n", s / c, c / s
    printf "ratio Swift / TruncatedSVD.fit = %.3f (%.1fx faster)\n", s / f, f / s
}'
