#!/bin/bash
# Sharded ranking at programme scale (docs/Sharding.md): for each shard count N,
# write the encoding once, run the N shards one after another, merge, and check
# that the merged recommendations.csv is byte-identical to the unsharded rank's.
# Reports wall time, CPU time (user + system) and peak memory (GNU time's
# maximum resident set) of every step and the ratios (encoding + shards + merge)
# ÷ unsharded rank, of wall and of CPU time, measured in one run (the CPU ratio
# moves less with the load of other jobs on a shared machine), then the shards
# alone ÷ unsharded rank (issue 17's target: ≤ 1.3 at N = 7).
#
#   bash Scripts/bench/shard_rank.sh [CONSORTIUM COUNTERPARTS "N1 N2 …"]   # default 3100 20000 "1 2 7"
set -euo pipefail
cd "$(dirname "$0")/../.."
CONSORTIUM=${1:-3100}
COUNTERPARTS=${2:-20000}
COUNTS=${3:-"1 2 7"}
MM=${MISSIONMATCH:-.build/release/missionmatch}
[ -x "$MM" ] || swift build -c release --static-swift-stdlib --product missionmatch
export OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-$("$MM" doctor --coretype)}
WORK=${WORK:-/tmp/missionmatch-shard-bench-$CONSORTIUM-$COUNTERPARTS}
mkdir -p "$WORK"
[ -f "$WORK/programme/mission.yaml" ] ||
    "$MM" generate --consortium "$CONSORTIUM" --counterparts "$COUNTERPARTS" --seed 1 --out "$WORK/programme" >/dev/null
MISSION=$WORK/programme/mission.yaml

# measure NAME COMMAND…: appends "NAME seconds peak-MB cpu-seconds" to $WORK/times.
measure() {
    local name=$1; shift
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.tmp" "$@" >/dev/null 2>"$WORK/stderr.tmp" ||
        { cat "$WORK/stderr.tmp" >&2; exit 1; }
    read -r seconds kilobytes user system <"$WORK/time.tmp"
    local cpu
    cpu=$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')
    echo "$name $seconds $((kilobytes / 1024)) $cpu" >>"$WORK/times"
    echo "$name $seconds $((kilobytes / 1024)) $cpu"
}
: >"$WORK/times"
echo "step seconds peak-MB cpu-seconds  ($CONSORTIUM x $COUNTERPARTS, OPENBLAS_CORETYPE=$OPENBLAS_CORETYPE, --no-encoder)"
measure whole "$MM" rank "$MISSION" --no-encoder --out "$WORK/whole.csv"
measure encode "$MM" rank "$MISSION" --no-encoder --write-encoding "$WORK/encoding.mme"
ls -l "$WORK/encoding.mme" | awk '{printf "encoding file: %.1f MB\n", $5 / 1e6}'
for N in $COUNTS; do
    rm -rf "$WORK/parts-$N"
    for I in $(seq 1 "$N"); do
        measure "shard-$I/$N" "$MM" rank "$MISSION" --encoding "$WORK/encoding.mme" --shard "$I/$N" --out "$WORK/parts-$N/part-$I"
    done
    measure "merge-$N" "$MM" merge "$WORK/parts-$N"/part-* --out "$WORK/merged-$N.csv"
    cmp "$WORK/whole.csv" "$WORK/merged-$N.csv" && echo "N=$N: merged recommendations.csv byte-identical to rank's"
done
awk -v counts="$COUNTS" '
    { time[$1] = $2; peak[$1] = $3; cpu[$1] = $4 }
    $1 ~ /^shard-/ { split($1, a, "/"); n = a[2]; shards[n] += $2; shardsCPU[n] += $4; if ($3 > shardPeak[n]) shardPeak[n] = $3 }
    END {
        printf "\n%3s %9s %9s %9s %9s %18s %14s %11s %9s\n", "N", "shards s", "merge s", "total s", "÷ whole", "largest shard MB", "merge MB", "total CPU s", "÷ whole"
        split(counts, list, " ")
        for (i in list) {
            n = list[i]; total = time["encode"] + shards[n] + time["merge-" n]
            totalCPU = cpu["encode"] + shardsCPU[n] + cpu["merge-" n]
            printf "%3d %9.2f %9.2f %9.2f %9.2f %18d %14d %11.2f %9.2f\n", n, shards[n], time["merge-" n], total, total / time["whole"], shardPeak[n], peak["merge-" n], totalCPU, totalCPU / cpu["whole"]
        }
        printf "whole rank: %.2f s (CPU %.2f s), %d MB; encoding: %.2f s (CPU %.2f s), %d MB\n", time["whole"], cpu["whole"], peak["whole"], time["encode"], cpu["encode"], peak["encode"]
        # Issue 17'"'"'s target: the N shards run one after another against the unsharded rank (wall and CPU).
        for (i in list) {
            n = list[i]
            printf "N=%d: shards alone ÷ unsharded rank %.2f wall, %.2f CPU\n", n, shards[n] / time["whole"], shardsCPU[n] / cpu["whole"]
        }
    }' "$WORK/times"
