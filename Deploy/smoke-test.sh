#!/bin/bash
# Runs the commands of Deploy/kubernetes/rank-indexed-job.yaml and Deploy/slurm/rank-array.sbatch
# on this machine, without a scheduler, on the bundled Toronto mission, and checks that each
# merged recommendations.csv is byte-identical to `missionmatch rank`'s (docs/Sharding.md).
#   bash Deploy/smoke-test.sh            # needs python3 with PyYAML for the Kubernetes part
set -euo pipefail
cd "$(dirname "$0")/.."
MM=${MISSIONMATCH:-$PWD/.build/release/missionmatch}
[ -x "$MM" ] || MM=$PWD/.build/debug/missionmatch
export MISSIONMATCH_DATA=$PWD/Data
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$MM" rank Data/missions/toronto-2019.yaml --no-encoder --out "$WORK/whole.csv" 2>/dev/null

# Slurm: a stand-in sbatch runs --wrap at once, array tasks one after another.
mkdir -p "$WORK/bin"
cat >"$WORK/bin/sbatch" <<'SBATCH'
#!/bin/bash
wrap=""; array=""
for arg in "$@"; do
  case $arg in --wrap=*) wrap=${arg#--wrap=} ;; --array=*) array=${arg#--array=} ;; esac
done
if [ -n "$array" ]; then
  for i in $(seq "${array%-*}" "${array#*-}"); do SLURM_ARRAY_TASK_ID=$i sh -c "$wrap"; done
else
  sh -c "$wrap"
fi
echo 1
SBATCH
chmod +x "$WORK/bin/sbatch"
PATH=$WORK/bin:$PATH MISSIONMATCH=$MM bash Deploy/slurm/rank-array.sbatch Data/missions/toronto-2019.yaml "$WORK/slurm" >/dev/null 2>&1
cmp "$WORK/whole.csv" "$WORK/slurm/recommendations.csv" && echo "slurm: merged recommendations.csv identical to rank's"

# Kubernetes: each Job's container command, /shared mapped to a folder, JOB_COMPLETION_INDEX set per index.
mkdir -p "$WORK/shared/mission" "$WORK/shared/participants" "$WORK/shared/requests"
cp Data/missions/toronto-2019.yaml "$WORK/shared/mission/mission.yaml"
cp Data/participants/toronto-2019.csv "$WORK/shared/participants/"
cp Data/requests/toronto-2019.csv "$WORK/shared/requests/"
python3 - "$MM" "$WORK/shared" <<'PY'
import os, subprocess, sys, yaml
mm, shared = sys.argv[1], sys.argv[2]
jobs = list(yaml.safe_load_all(open("Deploy/kubernetes/rank-indexed-job.yaml")))
for job in jobs:
    container = job["spec"]["template"]["spec"]["containers"][0]
    script = container["args"][0].replace("/shared", shared).replace("missionmatch ", mm + " ")
    env = dict(os.environ, **{v["name"]: v["value"] for v in container.get("env", [])})
    for index in range(job["spec"].get("completions", 1)):
        if job["spec"].get("completionMode") == "Indexed":
            env["JOB_COMPLETION_INDEX"] = str(index)
        subprocess.run(container["command"] + [script], env=env, check=True, capture_output=True, timeout=600)
PY
cmp "$WORK/whole.csv" "$WORK/shared/out/recommendations.csv" && echo "kubernetes: merged recommendations.csv identical to rank's"
