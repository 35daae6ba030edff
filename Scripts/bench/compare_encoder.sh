#!/usr/bin/env bash
# The Swift sentence encoder against sentence-transformers (PyTorch, CPU) on
# the same texts, in one run, and the peak memory of a Swift process that
# loads the model and encodes 1,000 texts.
#
#   bash Scripts/bench/compare_encoder.sh            # 2,000 texts, 3 rounds
#   COUNT=1000 ROUNDS=5 bash Scripts/bench/compare_encoder.sh
#
# The texts: compare_encoder.py generates COUNT business profiles (SME offers
# and needs, ~40-66 tokens, mean ≈ 53) from a fixed seed and writes the token
# ids sentence-transformers feeds its model, so both sides encode exactly the
# same sequences.
#
# Swift: the SentenceEncoding benchmark of the Benchmarks package (built in
# release into .build-encoder-bench/, run directly, one encoding of all texts
# a round after the model is loaded, workers = active processors, one
# single-threaded kernel per worker). Its time is the encoding of token ids:
# the Swift tokenizer is not part of this comparison.
# Python: SentenceTransformer(model, device='cpu').encode(texts, batch_size=32),
# torch with its default threads, after a 200-text warm-up; its time includes
# its own (Rust) tokenizer, a few percent of the total.
# Rounds alternate Swift and Python so that load from elsewhere on the machine
# falls on both; the ratio is that of the medians of the rounds.
#
# Memory: /usr/bin/time -v of the benchmark executable running only its
# "Load and encode 1,000 texts" benchmark (a fresh process: model load, 1,000
# encodings, benchmark harness), against the size of model.safetensors.
#
# Needs: swift, python3 with sentence-transformers and torch, the model
# folder ($MISSIONMATCH_ENCODER, else ~/.cache/missionmatch/encoders/
# all-MiniLM-L6-v2: bash Scripts/fetch-encoder.sh). Exit 69 when one is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${COUNT:-2000}
rounds=${ROUNDS:-3}
model=${MISSIONMATCH_ENCODER:-$HOME/.cache/missionmatch/encoders/all-MiniLM-L6-v2}
if [ ! -f "$model/model.safetensors" ]; then
  echo "compare_encoder: no model at $model; run bash Scripts/fetch-encoder.sh (or set MISSIONMATCH_ENCODER)" >&2
  exit 69
fi
if ! python3 -c "import sentence_transformers, torch" 2>/dev/null; then
  echo "compare_encoder: python3 needs sentence-transformers and torch" >&2
  exit 69
fi
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  ct=$(.build/release/missionmatch doctor --coretype); [ -n "$ct" ] && export OPENBLAS_CORETYPE=$ct
fi
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Scripts/bench/compare_encoder.py "$model" --count "$count" --write-ids "$work/ids.json" 2>/dev/null
(cd Benchmarks && swift build -c release --product SentenceEncoding --scratch-path ../.build-encoder-bench >/dev/null)
bin=.build-encoder-bench/release/SentenceEncoding

swift_rates=(); python_rates=(); tokens=""
for round in $(seq 1 "$rounds"); do
  MISSIONMATCH_ENCODER="$model" MISSIONMATCH_ENCODER_IDS="$work/ids.json" MISSIONMATCH_ENCODER_WARMUP=0 \
  MISSIONMATCH_ENCODER_ITERATIONS=1 MISSIONMATCH_ENCODER_REPORT=1 \
    "$bin" --filter "Encode.*" >/dev/null 2>"$work/swift.log"
  line=$(grep -o 'swift_docs_per_second=.*' "$work/swift.log" | tail -1)
  [ -n "$line" ] || { cat "$work/swift.log" >&2; exit 1; }
  rate=$(sed 's/swift_docs_per_second=\([0-9.]*\).*/\1/' <<<"$line")
  tokens=$(sed 's/.*tokens_per_doc=\([0-9.]*\).*/\1/' <<<"$line")
  workers=$(sed 's/.*workers=\([0-9]*\).*/\1/' <<<"$line")
  swift_rates+=("$rate")
  pline=$(python3 Scripts/bench/compare_encoder.py "$model" --count "$count" --measure --rounds 1 2>/dev/null | grep '^python:')
  prate=$(sed 's/python: docs\/s best \([0-9.]*\).*/\1/' <<<"$pline")
  threads=$(sed 's/.*threads \([0-9]*\).*/\1/' <<<"$pline")
  python_rates+=("$prate")
  echo "round $round: swift $rate docs/s, python $prate docs/s"
done

median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
s=$(median "${swift_rates[@]}"); p=$(median "${python_rates[@]}")

rss_kb=$(MISSIONMATCH_ENCODER="$model" MISSIONMATCH_ENCODER_IDS="$work/ids.json" \
  /usr/bin/time -v "$bin" --filter "Load and encode.*" 2>&1 >/dev/null | awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}')
weights=$(stat -c %s "$model/model.safetensors")

echo "texts: $count, $tokens tokens/doc; OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-unset}; $(nproc) processors"
echo "swift (SentenceEncoder, $workers workers): ${swift_rates[*]} docs/s (median $s)"
echo "python (sentence-transformers, torch $threads threads): ${python_rates[*]} docs/s (median $p)"
awk -v s="$s" -v p="$p" 'BEGIN { printf "ratio swift / python (medians of one run): %.2f\n", s / p }'
awk -v r="$rss_kb" -v w="$weights" 'BEGIN { printf "peak RSS, load + encode 1,000 texts: %.1f MB = %.2f x the weights (model.safetensors, %.1f MB)\n", r * 1024 / 1e6, r * 1024 / w, w / 1e6 }'
