#!/usr/bin/env bash
# Prints the OPENBLAS_CORETYPE matching this CPU's vector unit (SKYLAKEX,
# HASWELL or SANDYBRIDGE), or nothing. The same rule as MatchCore's
# CoreTypeFix, for the benchmark targets of the Makefile: the CLI restarts
# itself with it, a benchmark process cannot (Debian's OpenBLAS 0.3.21
# misdetects recent CPUs and would run its generic kernel).
flags=$(grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || true)
has() { [[ " $flags " == *" $1 "* ]]; }
if has avx512f && has avx512cd && has avx512bw && has avx512dq && has avx512vl; then
    echo SKYLAKEX
elif has avx2 && has fma; then
    echo HASWELL
elif has avx; then
    echo SANDYBRIDGE
fi
