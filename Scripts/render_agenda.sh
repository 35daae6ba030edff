#!/usr/bin/env bash
# Renders an agenda.html to PNG with headless Chromium, to look at it as a
# participant would on screen (and, with --pdf, as printed on A4).
#
#   Scripts/render_agenda.sh AGENDA.html OUT.png [WIDTHxHEIGHT]   # default 1200x4000
#   Scripts/render_agenda.sh --pdf AGENDA.html OUT.pdf             # print layout (A4 pages)
#
# Needs Debian's chromium (`apt-get install chromium`); installs it when run as
# root and it is missing. Exits 0 when the file was written, 69 when no
# Chromium is available.
set -euo pipefail

pdf=0
if [[ "${1:-}" == "--pdf" ]]; then pdf=1; shift; fi
if [[ $# -lt 2 ]]; then
    sed -n '2,11p' "$0" >&2
    exit 64
fi
input=$1
output=$2
size=${3:-1200x4000}

browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" && $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "chromium missing: installing it with apt-get" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    browser=$(command -v chromium || true)
fi
if [[ -z "$browser" ]]; then
    echo "no chromium on PATH: install it with 'sudo apt-get install chromium'" >&2
    exit 69
fi

url="file://$(cd "$(dirname "$input")" && pwd)/$(basename "$input")"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
common=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run
        --disable-extensions --user-data-dir="$profile" --allow-file-access-from-files)
if [[ $pdf -eq 1 ]]; then
    "$browser" "${common[@]}" --no-pdf-header-footer --print-to-pdf="$output" "$url" 2>/dev/null
else
    "$browser" "${common[@]}" --screenshot="$output" --window-size="${size/x/,}" "$url" 2>/dev/null
fi
[[ -s "$output" ]] || { echo "chromium wrote nothing to $output" >&2; exit 1; }
echo "$output"
