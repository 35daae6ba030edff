#!/usr/bin/env bash
# Installs what MissionMatch needs beyond Swift, when it is missing:
# the BLAS/LAPACK development files (libblas-dev, liblapack-dev), an
# optimised BLAS (libopenblas0-pthread), the time-zone database (tzdata) and
# GLPK (libglpk-dev, the planner's exact mode); with MISSIONMATCH_BROWSER=1
# (CI) also chromium, for the rendering test.
# As root it runs apt-get; otherwise it uses sudo when that works without a
# password; else it prints the exact command to run and fails.
set -euo pipefail

arch_dir="/usr/lib/$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)"
missing=()
have_file() { for f in "$@"; do [ -e "$f" ] && return 0; done; return 1; }

have_file "$arch_dir/libblas.so" /usr/lib/libblas.so || missing+=(libblas-dev)
have_file "$arch_dir/liblapack.so" /usr/lib/liblapack.so || missing+=(liblapack-dev)
have_file /usr/include/cblas.h /usr/include/*/cblas.h || missing+=(libblas-dev)
have_file "$arch_dir/openblas-pthread/libblas.so.3" "$arch_dir/libopenblas.so.0" || missing+=(libopenblas0-pthread)
have_file /usr/share/zoneinfo/Asia/Shanghai || missing+=(tzdata)
have_file /usr/include/glpk.h || missing+=(libglpk-dev)
# CI (MISSIONMATCH_BROWSER=1) also renders agenda.html in a real browser:
# ExportRenderingTests then fails instead of skipping when chromium is absent.
if [ "${MISSIONMATCH_BROWSER:-0}" = "1" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
# De-duplicate, keep order.
packages=$(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++' | tr '\n' ' ')
command="apt-get update && apt-get install -y --no-install-recommends $packages"

if ! command -v apt-get >/dev/null 2>&1; then
  echo "MissionMatch needs BLAS/LAPACK ($packages): install them with your system's package manager." >&2
  exit 69
fi
echo "Installing missing system packages: $packages" >&2
if [ "$(id -u)" -eq 0 ]; then
  sh -c "DEBIAN_FRONTEND=noninteractive $command" >&2
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo -n sh -c "DEBIAN_FRONTEND=noninteractive $command" >&2
else
  echo "Cannot install as this user. Run:  sudo sh -c '$command'" >&2
  exit 69
fi
