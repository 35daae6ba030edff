// The kernel's combine-and-flag pass over one tile row, in C only because
// Swift cannot compile one function for AVX2 or AVX-512 without unsafe
// compiler flags (which packages that depend on this one may not use).
// Each variant computes, for columns start ≤ j < n,
//
//     score[j] = weight · mean(max(c1[j], 0), max(c2[j], 0)) + linear[j]
//
// with exactly the operations, in exactly the order, of MatchCore's Swift
// code (IEEE single precision, no fused multiply-add), stores it in
// scores[j], and sets bit j of `bits` (64 columns a word, words
// start/64 … (n−1)/64 written) when score[j] ≥ rowThreshold or
// score[j] ≥ columnThreshold[j]. Returns nonzero when any bit is set.
//
// mean: 0 arithmetic (a + b)·0.5, 1 geometric √(a·b), 2 harmonic
// (2·a·b)/(a + b), 0 when a + b = 0. `linear` may be NULL (no linear block).
// max(x, 0) is Swift's: 0 when x ≤ 0 (also for −0), x otherwise, NaN stays NaN.

#ifndef CPAIRSCAN_H
#define CPAIRSCAN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Portable C (what the compiler makes of it for the baseline target).
int mm_flag_row_portable(int mean, float weight, const float *c1, const float *c2, const float *linear,
                         const float *columnThreshold, float rowThreshold, int start, int n,
                         float *scores, uint64_t *bits);

/// AVX2 (8 lanes). Call only when the processor has AVX2.
int mm_flag_row_avx2(int mean, float weight, const float *c1, const float *c2, const float *linear,
                     const float *columnThreshold, float rowThreshold, int start, int n,
                     float *scores, uint64_t *bits);

/// AVX-512F (16 lanes). Call only when the processor has AVX-512F.
int mm_flag_row_avx512(int mean, float weight, const float *c1, const float *c2, const float *linear,
                       const float *columnThreshold, float rowThreshold, int start, int n,
                       float *scores, uint64_t *bits);

/// maxima[j] = max(maxima[j], score[j]) for 0 ≤ j < n, with the score of
/// the flag functions (a NaN score never wins). Same three variants.
void mm_max_row_portable(int mean, float weight, const float *c1, const float *c2, const float *linear, int n,
                         float *maxima);
void mm_max_row_avx2(int mean, float weight, const float *c1, const float *c2, const float *linear, int n,
                     float *maxima);
void mm_max_row_avx512(int mean, float weight, const float *c1, const float *c2, const float *linear, int n,
                       float *maxima);

/// The k-th largest of the `count` values (1 ≤ k ≤ count, no NaN), by
/// counting for each value how many are larger, 16 at a time; the values
/// are not reordered. AVX-512F only.
float mm_kth_largest_avx512(const float *values, int count, int k);

/// For each column 0 ≤ j < n, out[j] = the k-th largest of the `groups`
/// values maxima[g·stride + j] (1 ≤ k ≤ groups ≤ 64, no NaN), 16 columns at
/// a time by counting, for each value, how many are larger. AVX-512F only.
void mm_kth_largest_columns_avx512(const float *maxima, int groups, int stride, int n, int k, float *out);

/// Whether this build has the vector variants (x86-64 only); elsewhere they
/// fall back to the portable code.
int mm_has_x86_variants(void);

/// Asks the processor to fetch the 64-byte cache lines holding bytes
/// [p, p + length), to be written soon. A hint: it changes no data.
static inline void mm_prefetch_for_write(const void *p, long length) {
    if (length <= 0) return;
    const char *line = (const char *)((uintptr_t)p & ~(uintptr_t)63), *end = (const char *)p + length;
    for (; line < end; line += 64) __builtin_prefetch(line, 1, 3);
}

/// Raises each of `count` thresholds to the value another thread publishes for
/// it, where that is higher: thresholds[i] = max(thresholds[i], published[i]),
/// each published value read once, atomically (relaxed: any value it ever held
/// is a valid bound, so no ordering is needed). NaN is never published.
static inline void mm_raise_to_published(float *thresholds, const float *published, long count) {
    for (long i = 0; i < count; i++) {
        float value;
        __atomic_load(published + i, &value, __ATOMIC_RELAXED);
        if (value > thresholds[i]) thresholds[i] = value;
    }
}

/// Publishes `value` at `slot` for other threads (a relaxed atomic store).
static inline void mm_publish(float *slot, float value) {
    __atomic_store(slot, &value, __ATOMIC_RELAXED);
}

#ifdef __cplusplus
}
#endif

#endif
