#!/usr/bin/env bash
# Prints the OPENBLAS_CORETYPE to use on this CPU, or nothing: HASWELL on AMD
# Zen 4 (AuthenticAMD, cpu family 25 = 0x19, with AVX-512), else the one
# matching the vector unit (SKYLAKEX for AVX-512, HASWELL for AVX2+FMA,
# SANDYBRIDGE for AVX). For the benchmark targets of the Makefile: the CLI
# restarts itself with such a value (MatchCore's CoreTypeFix), a benchmark
# process cannot. CoreTypeFix also looks at the kernel OpenBLAS chose and
# overrides it only when it is slower; this script cannot see it and names
# the preferred one outright. Why: Debian's OpenBLAS 0.3.21 misdetects some
# recent CPUs and would run its generic kernel; on Zen 4 it picks Cooperlake,
# whose 512-bit instructions Zen 4 executes in two 256-bit halves, and its
# Haswell kernel measured faster there (sgemm 209-213 against 197-201 GFLOPS
# with COOPERLAKE or SKYLAKEX on a 2-core EPYC).
cpuinfo_field() { grep -m1 "^$1[[:space:]]*:" /proc/cpuinfo 2>/dev/null | sed 's/^[^:]*:[[:space:]]*//' || true; }
flags=$(cpuinfo_field flags)
vendor=$(cpuinfo_field vendor_id)
family=$(cpuinfo_field 'cpu family')
has() { [[ " $flags " == *" $1 "* ]]; }
if has avx512f && has avx512cd && has avx512bw && has avx512dq && has avx512vl; then
    if [[ $vendor == AuthenticAMD && $family == 25 ]]; then
        echo HASWELL
    else
        echo SKYLAKEX
    fi
elif has avx2 && has fma; then
    echo HASWELL
elif has avx; then
    echo SANDYBRIDGE
fi
