#!/usr/bin/env bash
# Mutation testing: applies each one-line semantic mutation of mutations.tsv
# (file, exact original, mutant, test filter, what it breaks) to the work
# tree, builds the tests, runs the suites named by the filter (at most
# MUTATION_TIMEOUT seconds, default 300: a hang counts as caught), and
# restores the file. A mutant is caught when a test fails; one that does not
# compile is reported as invalid and not counted.
# Prints one line per mutant and the score.
#
#   bash Scripts/mutation/run.sh [FIRST [LAST]]      (1-based lines of mutations, default all)
#
# It edits the work tree: run it in a clone of its own (git clone . /tmp/m && cd /tmp/m),
# never where changes are being committed.
set -uo pipefail
cd "$(dirname "$0")/../.."
list=$(mktemp)
cp Scripts/mutation/mutations.tsv "$list"   # a copy: editing the list during a run cannot disturb it
first=${1:-1}; last=${2:-1000}
caught=0; total=0; n=0
restore() { [ -n "${current:-}" ] && git checkout -q -- "$current"; current=; }
trap restore EXIT INT TERM
while IFS=$'\t' read -r -u 3 file original mutant filter what; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  n=$((n + 1)); (( n < first || n > last )) && continue
  if ! git diff --quiet -- "$file"; then echo "skip $n: $file has local changes"; continue; fi
  current=$file
  if ! python3 - "$file" "$original" "$mutant" <<'PY'
import sys
path, old, new = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
if text.count(old) != 1:
    sys.exit(f"the original occurs {text.count(old)} times")
open(path, "w", encoding="utf-8").write(text.replace(old, new))
PY
  then echo "$n  INVALID  $what ($file)"; restore; continue; fi
  if ! swift build --build-tests </dev/null >/tmp/mutation-build.log 2>&1; then
    echo "$n  INVALID (does not compile)  $what ($file)"; restore; continue
  fi
  total=$((total + 1))
  if timeout "${MUTATION_TIMEOUT:-300}" swift test --skip-build --filter "$filter" </dev/null >/tmp/mutation-test.log 2>&1; then
    result=SURVIVED
  elif [ $? -eq 124 ]; then
    # timeout stops `swift test`, not the test process it started.
    pkill -KILL -f 'PackageTests.xctest' 2>/dev/null
    result=caught-by-timeout
  else
    result=caught
  fi
  [[ "$result" == caught* ]] && caught=$((caught + 1))
  echo "$n  $result  $what ($file)"
  restore
done 3< "$list"
swift build --build-tests >/dev/null 2>&1
echo "caught $caught of $total mutants"
