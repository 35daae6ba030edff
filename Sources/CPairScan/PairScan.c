// See include/CPairScan.h. Every variant must give bit-identical scores to
// MatchCore's Swift expression, so: no contraction into FMA, the same
// association order, and Swift's max(x, 0) (NaN propagates).

#include "CPairScan.h"
#include <math.h>
#include <string.h>

#pragma clang fp contract(off)

static inline float clamp0(float x) { return (0.0f >= x) ? 0.0f : x; }

static inline float combine(int mean, float a, float b) {
    switch (mean) {
    case 0: return (a + b) * 0.5f;
    case 1: return sqrtf(a * b);
    default: {
        float sum = a + b;
        float h = (2.0f * a * b) / sum;
        return sum == 0.0f ? 0.0f : h;
    }
    }
}

/// The score of column j, exactly as the vector variants compute it.
static inline float score_scalar(int mean, float weight, const float *c1, const float *c2, const float *linear, int j) {
    float s = weight * combine(mean, clamp0(c1[j]), clamp0(c2[j]));
    return linear ? s + linear[j] : s;
}

/// Scores column j, stores the score and sets its bit; returns the bit.
static inline uint64_t flag_scalar(int mean, float weight, const float *c1, const float *c2, const float *linear,
                                   const float *columnThreshold, float rowThreshold, int j,
                                   float *scores, uint64_t *bits) {
    float s = score_scalar(mean, weight, c1, c2, linear, j);
    scores[j] = s;
    uint64_t flag = (s >= rowThreshold) | (s >= columnThreshold[j]);
    bits[j >> 6] |= flag << (j & 63);
    return flag;
}

static inline void clear_words(int start, int n, uint64_t *bits) {
    if (n <= start) return;
    memset(bits + start / 64, 0, sizeof(uint64_t) * (size_t)((n - 1) / 64 - start / 64 + 1));
}

int mm_flag_row_portable(int mean, float weight, const float *c1, const float *c2, const float *linear,
                         const float *columnThreshold, float rowThreshold, int start, int n,
                         float *scores, uint64_t *bits) {
    clear_words(start, n, bits);
    uint64_t any = 0;
    for (int j = start; j < n; j++) {
        any |= flag_scalar(mean, weight, c1, c2, linear, columnThreshold, rowThreshold, j, scores, bits);
    }
    return any != 0;
}

void mm_max_row_portable(int mean, float weight, const float *c1, const float *c2, const float *linear, int n,
                         float *maxima) {
    for (int j = 0; j < n; j++) {
        float s = score_scalar(mean, weight, c1, c2, linear, j);
        maxima[j] = s > maxima[j] ? s : maxima[j];
    }
}

#if defined(__x86_64__)
#include <immintrin.h>

int mm_has_x86_variants(void) { return 1; }

// ---- AVX2 ------------------------------------------------------------------

__attribute__((target("avx2")))
static inline __m256 clamp0_avx2(__m256 x) {
    // 0 >= x ? 0 : x  (NaN: the comparison is false, x stays)
    __m256 zero = _mm256_setzero_ps();
    return _mm256_blendv_ps(x, zero, _mm256_cmp_ps(zero, x, _CMP_GE_OQ));
}

__attribute__((target("avx2")))
static inline __m256 score_avx2(int mean, __m256 w, __m256 x, __m256 y, const float *linear, int j, int linearMask) {
    __m256 a = clamp0_avx2(x), b = clamp0_avx2(y), m;
    switch (mean) {
    case 0: m = _mm256_mul_ps(_mm256_add_ps(a, b), _mm256_set1_ps(0.5f)); break;
    case 1: m = _mm256_sqrt_ps(_mm256_mul_ps(a, b)); break;
    default: {
        __m256 sum = _mm256_add_ps(a, b);
        __m256 h = _mm256_div_ps(_mm256_mul_ps(_mm256_mul_ps(_mm256_set1_ps(2.0f), a), b), sum);
        m = _mm256_blendv_ps(h, _mm256_setzero_ps(), _mm256_cmp_ps(sum, _mm256_setzero_ps(), _CMP_EQ_OQ));
    }
    }
    __m256 s = _mm256_mul_ps(w, m);
    if (linearMask) s = _mm256_add_ps(s, _mm256_loadu_ps(linear + j));
    return s;
}

__attribute__((target("avx2")))
int mm_flag_row_avx2(int mean, float weight, const float *c1, const float *c2, const float *linear,
                     const float *columnThreshold, float rowThreshold, int start, int n,
                     float *scores, uint64_t *bits) {
    clear_words(start, n, bits);
    __m256 w = _mm256_set1_ps(weight), rt = _mm256_set1_ps(rowThreshold);
    uint64_t any = 0;
    int j = start;
    // Scalar head up to a multiple of 8, so that each vector's 8 bits sit in one word.
    for (; j < n && (j & 7); j++) {
        any |= flag_scalar(mean, weight, c1, c2, linear, columnThreshold, rowThreshold, j, scores, bits);
    }
    for (; j + 8 <= n; j += 8) {
        __m256 s = score_avx2(mean, w, _mm256_loadu_ps(c1 + j), _mm256_loadu_ps(c2 + j), linear, j, linear != 0);
        _mm256_storeu_ps(scores + j, s);
        __m256 hit = _mm256_or_ps(_mm256_cmp_ps(s, rt, _CMP_GE_OQ),
                                  _mm256_cmp_ps(s, _mm256_loadu_ps(columnThreshold + j), _CMP_GE_OQ));
        uint64_t mask = (uint64_t)(unsigned)_mm256_movemask_ps(hit);
        bits[j >> 6] |= mask << (j & 63);
        any |= mask;
    }
    for (; j < n; j++) {
        any |= flag_scalar(mean, weight, c1, c2, linear, columnThreshold, rowThreshold, j, scores, bits);
    }
    return any != 0;
}

__attribute__((target("avx2")))
void mm_max_row_avx2(int mean, float weight, const float *c1, const float *c2, const float *linear, int n,
                     float *maxima) {
    __m256 w = _mm256_set1_ps(weight);
    int j = 0;
    for (; j + 8 <= n; j += 8) {
        __m256 s = score_avx2(mean, w, _mm256_loadu_ps(c1 + j), _mm256_loadu_ps(c2 + j), linear, j, linear != 0);
        __m256 m = _mm256_loadu_ps(maxima + j);
        _mm256_storeu_ps(maxima + j, _mm256_blendv_ps(m, s, _mm256_cmp_ps(s, m, _CMP_GT_OQ)));
    }
    if (j < n) mm_max_row_portable(mean, weight, c1 + j, c2 + j, linear ? linear + j : 0, n - j, maxima + j);
}

// ---- AVX-512F --------------------------------------------------------------

__attribute__((target("avx512f"), always_inline))
static inline __m512 clamp0_avx512(__m512 x) {
    __m512 zero = _mm512_setzero_ps();
    return _mm512_mask_blend_ps(_mm512_cmp_ps_mask(zero, x, _CMP_GE_OQ), x, zero);
}

__attribute__((target("avx512f"), always_inline))
static inline __m512 score_avx512(int mean, __m512 w, __mmask16 lanes, const float *c1, const float *c2,
                                  const float *linear) {
    __m512 zero = _mm512_setzero_ps();
    __m512 a = clamp0_avx512(_mm512_maskz_loadu_ps(lanes, c1));
    __m512 b = clamp0_avx512(_mm512_maskz_loadu_ps(lanes, c2));
    __m512 m;
    switch (mean) {
    case 0: m = _mm512_mul_ps(_mm512_add_ps(a, b), _mm512_set1_ps(0.5f)); break;
    case 1: m = _mm512_sqrt_ps(_mm512_mul_ps(a, b)); break;
    default: {
        __m512 sum = _mm512_add_ps(a, b);
        __m512 h = _mm512_div_ps(_mm512_mul_ps(_mm512_mul_ps(_mm512_set1_ps(2.0f), a), b), sum);
        m = _mm512_mask_blend_ps(_mm512_cmp_ps_mask(sum, zero, _CMP_EQ_OQ), h, zero);
    }
    }
    __m512 s = _mm512_mul_ps(w, m);
    if (linear) s = _mm512_add_ps(s, _mm512_maskz_loadu_ps(lanes, linear));
    return s;
}

__attribute__((target("avx512f")))
void mm_max_row_avx512(int mean, float weight, const float *c1, const float *c2, const float *linear, int n,
                       float *maxima) {
    __m512 w = _mm512_set1_ps(weight);
    for (int j = 0; j < n; j += 16) {
        __mmask16 lanes = j + 16 <= n ? 0xFFFF : (__mmask16)(0xFFFFu >> (j + 16 - n));
        __m512 s = score_avx512(mean, w, lanes, c1 + j, c2 + j, linear ? linear + j : 0);
        __m512 m = _mm512_maskz_loadu_ps(lanes, maxima + j);
        _mm512_mask_storeu_ps(maxima + j, _mm512_mask_cmp_ps_mask(lanes, s, m, _CMP_GT_OQ), s);
    }
}

__attribute__((target("avx512f")))
float mm_kth_largest_avx512(const float *values, int count, int k) {
    for (int i = 0; i < count; i++) {
        __m512 candidate = _mm512_set1_ps(values[i]);
        int greater = 0, atLeast = 0;
        for (int b = 0; b < count; b += 16) {
            __mmask16 lanes = b + 16 <= count ? 0xFFFF : (__mmask16)(0xFFFFu >> (b + 16 - count));
            __m512 v = _mm512_maskz_loadu_ps(lanes, values + b);
            greater += __builtin_popcount((unsigned)_mm512_mask_cmp_ps_mask(lanes, v, candidate, _CMP_GT_OQ));
            atLeast += __builtin_popcount((unsigned)_mm512_mask_cmp_ps_mask(lanes, v, candidate, _CMP_GE_OQ));
        }
        // The k-th largest: fewer than k values above it, at least k at or above it.
        if (greater < k && atLeast >= k) return values[i];
    }
    return values[0];  // unreachable for 1 <= k <= count and no NaN
}

__attribute__((target("avx512f")))
void mm_kth_largest_columns_avx512(const float *maxima, int groups, int stride, int n, int k, float *out) {
    const __m512i one = _mm512_set1_epi32(1), kk = _mm512_set1_epi32(k);
    for (int j = 0; j < n; j += 16) {
        __mmask16 lanes = j + 16 <= n ? 0xFFFF : (__mmask16)(0xFFFFu >> (j + 16 - n));
        __m512 result = _mm512_setzero_ps();
        for (int g = 0; g < groups; g++) {
            __m512 candidate = _mm512_maskz_loadu_ps(lanes, maxima + (size_t)g * stride + j);
            __m512i greater = _mm512_setzero_si512(), atLeast = _mm512_setzero_si512();
            for (int h = 0; h < groups; h++) {
                __m512 other = _mm512_maskz_loadu_ps(lanes, maxima + (size_t)h * stride + j);
                greater = _mm512_mask_add_epi32(greater, _mm512_cmp_ps_mask(other, candidate, _CMP_GT_OQ), greater, one);
                atLeast = _mm512_mask_add_epi32(atLeast, _mm512_cmp_ps_mask(other, candidate, _CMP_GE_OQ), atLeast, one);
            }
            // The k-th largest: fewer than k values above it, at least k at or above it.
            __mmask16 hit = _mm512_cmplt_epi32_mask(greater, kk) & _mm512_cmpge_epi32_mask(atLeast, kk);
            result = _mm512_mask_blend_ps(hit, result, candidate);
        }
        _mm512_mask_storeu_ps(out + j, lanes, result);
    }
}

/// One 64-column word of flags. `lanes` is 0xFFFF for every vector of a
/// word inside start..<n (the common case, where the masks fold away).
__attribute__((target("avx512f"), always_inline))
static inline uint64_t flag_word_avx512(int mean, int hasLinear, __m512 w, __m512 rt, int base, int start, int n,
                                        int full, const float *c1, const float *c2, const float *linear,
                                        const float *columnThreshold, float *scores) {
    uint64_t word = 0;
    for (int v = 0; v < 4; v++) {
        int at = base + 16 * v;
        __mmask16 lanes = 0xFFFF;
        if (!full) {
            if (at >= n) break;
            if (at < start) lanes &= (__mmask16)(at + 16 <= start ? 0 : 0xFFFFu << (start - at));
            if (at + 16 > n) lanes &= (__mmask16)(0xFFFFu >> (at + 16 - n));
        }
        __m512 s = score_avx512(mean, w, lanes, c1 + at, c2 + at, hasLinear ? linear + at : 0);
        _mm512_mask_storeu_ps(scores + at, lanes, s);
        __mmask16 hit = _mm512_mask_cmp_ps_mask(lanes, s, rt, _CMP_GE_OQ)
                      | _mm512_mask_cmp_ps_mask(lanes, s, _mm512_maskz_loadu_ps(lanes, columnThreshold + at), _CMP_GE_OQ);
        word |= (uint64_t)hit << (16 * v);
    }
    return word;
}

/// The flag pass for one (mean, linear block or not): both are constants
/// where it is inlined, so the loop holds no switch.
__attribute__((target("avx512f"), always_inline))
static inline int flag_row_avx512_specialised(int mean, int hasLinear, float weight, const float *c1, const float *c2,
                                              const float *linear, const float *columnThreshold, float rowThreshold,
                                              int start, int n, float *scores, uint64_t *bits) {
    if (n <= start) return 0;
    __m512 w = _mm512_set1_ps(weight), rt = _mm512_set1_ps(rowThreshold);
    uint64_t any = 0;
    int first = start >> 6, last = (n - 1) >> 6;
    for (int word = first; word <= last; word++) {
        int base = word << 6;
        int full = base >= start && base + 64 <= n;
        uint64_t flags = full
            ? flag_word_avx512(mean, hasLinear, w, rt, base, start, n, 1, c1, c2, linear, columnThreshold, scores)
            : flag_word_avx512(mean, hasLinear, w, rt, base, start, n, 0, c1, c2, linear, columnThreshold, scores);
        bits[word] = flags;
        any |= flags;
    }
    return any != 0;
}

__attribute__((target("avx512f")))
int mm_flag_row_avx512(int mean, float weight, const float *c1, const float *c2, const float *linear,
                       const float *columnThreshold, float rowThreshold, int start, int n,
                       float *scores, uint64_t *bits) {
#define MM_FLAG_AVX512(MEAN, LINEAR) \
    flag_row_avx512_specialised(MEAN, LINEAR, weight, c1, c2, linear, columnThreshold, rowThreshold, start, n, scores, bits)
    if (linear) {
        switch (mean) {
        case 0: return MM_FLAG_AVX512(0, 1);
        case 1: return MM_FLAG_AVX512(1, 1);
        default: return MM_FLAG_AVX512(2, 1);
        }
    }
    switch (mean) {
    case 0: return MM_FLAG_AVX512(0, 0);
    case 1: return MM_FLAG_AVX512(1, 0);
    default: return MM_FLAG_AVX512(2, 0);
    }
#undef MM_FLAG_AVX512
}

#else

int mm_has_x86_variants(void) { return 0; }

float mm_kth_largest_avx512(const float *values, int count, int k) {
    (void)count; (void)k;
    return values[0];  // never called off x86-64
}

void mm_kth_largest_columns_avx512(const float *maxima, int groups, int stride, int n, int k, float *out) {
    (void)maxima; (void)groups; (void)stride; (void)n; (void)k; (void)out;  // never called off x86-64
}

void mm_max_row_avx2(int mean, float weight, const float *c1, const float *c2, const float *linear, int n,
                     float *maxima) {
    mm_max_row_portable(mean, weight, c1, c2, linear, n, maxima);
}

void mm_max_row_avx512(int mean, float weight, const float *c1, const float *c2, const float *linear, int n,
                       float *maxima) {
    mm_max_row_portable(mean, weight, c1, c2, linear, n, maxima);
}

int mm_flag_row_avx2(int mean, float weight, const float *c1, const float *c2, const float *linear,
                     const float *columnThreshold, float rowThreshold, int start, int n,
                     float *scores, uint64_t *bits) {
    return mm_flag_row_portable(mean, weight, c1, c2, linear, columnThreshold, rowThreshold, start, n, scores, bits);
}

int mm_flag_row_avx512(int mean, float weight, const float *c1, const float *c2, const float *linear,
                       const float *columnThreshold, float rowThreshold, int start, int n,
                       float *scores, uint64_t *bits) {
    return mm_flag_row_portable(mean, weight, c1, c2, linear, columnThreshold, rowThreshold, start, n, scores, bits);
}

#endif
