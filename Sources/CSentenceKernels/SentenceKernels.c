// See include/CSentenceKernels.h. The AVX2 and portable variants perform the
// same IEEE operations in the same order: every fused multiply-add of the
// vector code is an fmaf in the scalar code and nothing else is fused,
// reassociated or reordered — so both give the same bits.

#include "CSentenceKernels.h"
#include <math.h>
#include <stdint.h>
#include <string.h>

#pragma clang fp contract(off)

// Blocking of the product (speed only; results do not depend on it): a K
// block of a panel, 384 × 16 floats (24 KB), stays in L1 while up to MC rows
// of A, repacked in tiles of 6 rows (96 × 384 floats, 144 KB), stream from
// L2. Chosen by timing against OpenBLAS's sgemm in one process on a 2-core
// AMD EPYC (Zen 3), KC 192…384 × MC 72…192: at m = 1024 rows, 0.97-1.03 of
// OpenBLAS's speed for (n, k) = (1152, 384), (1536, 384) and (384, 1536).
#define SK_KC 384
#define SK_MC 96
#define SK_MR 6

static int round_up(int n, int multiple) { return (n + multiple - 1) / multiple * multiple; }

// ---- Scalar functions (the portable variant, and the vector code's tails) ----

#define SK_LOG2E 1.44269504088896341f
#define SK_MAGIC 12582912.0f            // 1.5 · 2²³: adding it rounds to an integer
#define SK_LN2_HI 0.693359375f
#define SK_LN2_LO (-2.12194440e-4f)
#define SK_EXP_LOW (-70.0f)      // e^-70 ≈ 4e-31: softmax weights divided by any sum stay normal
#define SK_EXP_HIGH 88.3f

static const float exp_poly[6] = {1.9875691500e-4f, 1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f,
                                  1.6666665459e-1f, 5.0000001201e-1f};
static const float erf_small[6] = {-6.827948382e-04f, 5.124620162e-03f, -2.683929726e-02f, 1.128346249e-01f,
                                   -3.761262298e-01f, 1.128379107e+00f};
static const float erf_large[7] = {3.300233930e-02f, -3.462131917e-01f, 8.042986393e-01f, -1.938578784e-01f,
                                   4.527947903e-01f, 2.468250245e-01f, 3.051536158e-03f};

static inline float bits_to_float(uint32_t u) { float f; memcpy(&f, &u, 4); return f; }
static inline uint32_t float_to_bits(float f) { uint32_t u; memcpy(&u, &f, 4); return u; }

/// e^x within ~2 ulp for x in [-70, 88.3], clamped there: Cephes' expf,
/// Cody–Waite reduction by ln 2 and a degree-5 polynomial. The low clamp
/// keeps softmax weights (e^x / Σ, Σ ≤ 16,384 terms) out of the subnormal
/// range, where some processors multiply a hundred times slower; a weight
/// below e^-70 changes nothing a float can show.
static inline float exp_scalar(float x) {
    x = fmaxf(x, SK_EXP_LOW);
    x = fminf(x, SK_EXP_HIGH);
    float t = fmaf(x, SK_LOG2E, SK_MAGIC);
    float n = t - SK_MAGIC;
    float r = fmaf(n, -SK_LN2_HI, x);
    r = fmaf(n, -SK_LN2_LO, r);
    float p = exp_poly[0];
    for (int i = 1; i < 6; i++) p = fmaf(p, r, exp_poly[i]);
    float r2 = r * r;
    float y = fmaf(p, r2, r) + 1.0f;
    uint32_t e = (float_to_bits(t) - float_to_bits(SK_MAGIC) + 127u) << 23;
    return y * bits_to_float(e);
}

/// erf(x) within 1.3e-7 absolute: two least-squares fits made for this
/// encoder — x·P(x²) (degree 5) for |x| < 0.75; 1 − e^(−x²)·Q(t) with
/// t = 1/(1 + |x|/2) (degree 6) up to 4; ±1 beyond (erf(4) = 1 − 1.5e-8).
static inline float erf_scalar(float x) {
    float ax = fminf(fabsf(x), 4.0f);
    float z = ax * ax;
    float p = erf_small[0];
    for (int i = 1; i < 6; i++) p = fmaf(p, z, erf_small[i]);
    float small = ax * p;
    float t = 1.0f / fmaf(ax, 0.5f, 1.0f);
    float q = erf_large[0];
    for (int i = 1; i < 7; i++) q = fmaf(q, t, erf_large[i]);
    float large = fmaf(-exp_scalar(-z), q, 1.0f);
    float magnitude = ax < 0.75f ? small : large;
    return bits_to_float(float_to_bits(magnitude) | (float_to_bits(x) & 0x80000000u));
}

/// tanh(x) = 1 − 2 / (e^{2x} + 1), x clamped to [-9, 9]; within ~1e-7 absolute.
static inline float tanh_scalar(float x) {
    x = fmaxf(x, -9.0f);
    x = fminf(x, 9.0f);
    return 1.0f - 2.0f / (exp_scalar(x + x) + 1.0f);
}

static inline float gelu_scalar(float x) {
    float half = x * 0.5f;
    return fmaf(half, erf_scalar(x * 0.70710678118654752f), half);
}

static inline float gelu_tanh_scalar(float x) {
    float half = x * 0.5f;
    float inner = fmaf(0.044715f, x * x * x, x) * 0.79788456080286536f;
    return fmaf(half, tanh_scalar(inner), half);
}

static inline float activate_scalar(int activation, float x) {
    switch (activation) {
    case SK_ACTIVATION_GELU: return gelu_scalar(x);
    case SK_ACTIVATION_GELU_TANH: return gelu_tanh_scalar(x);
    default: return x;
    }
}

/// The vector code's horizontal sum of 8 lanes, in its order.
static inline float sum8_scalar(const float *l) {
    return ((l[0] + l[4]) + (l[2] + l[6])) + ((l[1] + l[5]) + (l[3] + l[7]));
}

// ---- Packing ---------------------------------------------------------------

size_t sk_packed_count(int n, int k) {
    if (n <= 0 || k <= 0) return 0;
    return (size_t)round_up(n, SK_PANEL) * (size_t)k;
}

void sk_pack_transposed(const float *w, int n, int k, int ldw, float *packed) {
    int panels = round_up(n, SK_PANEL) / SK_PANEL;
    for (int p = 0; p < panels; p++) {
        float *out = packed + (size_t)p * k * SK_PANEL;
        for (int c = 0; c < SK_PANEL; c++) {
            int j = p * SK_PANEL + c;
            if (j < n) {
                const float *row = w + (size_t)j * ldw;
                for (int kk = 0; kk < k; kk++) out[(size_t)kk * SK_PANEL + c] = row[kk];
            } else {
                for (int kk = 0; kk < k; kk++) out[(size_t)kk * SK_PANEL + c] = 0.0f;
            }
        }
    }
}

void sk_pack(const float *b, int k, int n, int ldb, float *packed) {
    int panels = round_up(n, SK_PANEL) / SK_PANEL;
    for (int p = 0; p < panels; p++) {
        float *out = packed + (size_t)p * k * SK_PANEL;
        int j0 = p * SK_PANEL;
        int width = n - j0 < SK_PANEL ? n - j0 : SK_PANEL;
        for (int kk = 0; kk < k; kk++) {
            const float *row = b + (size_t)kk * ldb + j0;
            float *o = out + (size_t)kk * SK_PANEL;
            for (int c = 0; c < width; c++) o[c] = row[c];
            for (int c = width; c < SK_PANEL; c++) o[c] = 0.0f;
        }
    }
}

// ---- Portable variant ------------------------------------------------------

static float initial_value(int init, const float *c, const float *bias, int j) {
    switch (init) {
    case SK_INIT_BIAS: return bias[j];
    case SK_INIT_OUTPUT_PLUS_BIAS: return *c + bias[j];
    case SK_INIT_ZERO: return 0.0f;
    default: return *c;
    }
}

static void linear_portable(int m, int n, int k, const float *a, int lda, const float *packed, const float *bias,
                            int init, int activation, float *c, int ldc) {
    for (int i = 0; i < m; i++) {
        const float *row = a + (size_t)i * lda;
        for (int j = 0; j < n; j++) {
            const float *panel = packed + (size_t)(j / SK_PANEL) * k * SK_PANEL + (j % SK_PANEL);
            float *out = c + (size_t)i * ldc + j;
            float sum = initial_value(init, out, bias, j);
            for (int kk = 0; kk < k; kk++) sum = fmaf(row[kk], panel[(size_t)kk * SK_PANEL], sum);
            *out = activate_scalar(activation, sum);
        }
    }
}

static void softmax_portable(float *x, int n, float scale) {
    float largest = -INFINITY;
    for (int j = 0; j < n; j++) largest = fmaxf(largest, x[j] * scale);
    float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int j = 0;
    for (; j + 8 <= n; j += 8) {
        for (int l = 0; l < 8; l++) {
            x[j + l] = exp_scalar(fmaf(x[j + l], scale, -largest));
            lanes[l] = lanes[l] + x[j + l];
        }
    }
    float sum = sum8_scalar(lanes);
    for (; j < n; j++) {
        x[j] = exp_scalar(fmaf(x[j], scale, -largest));
        sum = sum + x[j];
    }
    float inverse = 1.0f / sum;
    for (j = 0; j < n; j++) x[j] = x[j] * inverse;
}

static void layer_norm_portable(float *x, int n, const float *gamma, const float *beta, float epsilon) {
    float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int n8 = n & ~7;
    for (int j = 0; j < n8; j += 8)
        for (int l = 0; l < 8; l++) lanes[l] = lanes[l] + x[j + l];
    float sum = sum8_scalar(lanes);
    for (int j = n8; j < n; j++) sum = sum + x[j];
    float mean = sum / (float)n;
    for (int l = 0; l < 8; l++) lanes[l] = 0;
    for (int j = 0; j < n8; j += 8)
        for (int l = 0; l < 8; l++) {
            float d = x[j + l] - mean;
            lanes[l] = fmaf(d, d, lanes[l]);
        }
    float squares = sum8_scalar(lanes);
    for (int j = n8; j < n; j++) {
        float d = x[j] - mean;
        squares = fmaf(d, d, squares);
    }
    float inverse = 1.0f / sqrtf(squares / (float)n + epsilon);
    for (int j = 0; j < n; j++) x[j] = fmaf((x[j] - mean) * inverse, gamma[j], beta[j]);
}

static void map_portable(int function, float *x, int count) {
    for (int i = 0; i < count; i++) {
        switch (function) {
        case 0: x[i] = exp_scalar(x[i]); break;
        case 1: x[i] = erf_scalar(x[i]); break;
        case 2: x[i] = tanh_scalar(x[i]); break;
        case 3: x[i] = gelu_scalar(x[i]); break;
        default: x[i] = gelu_tanh_scalar(x[i]); break;
        }
    }
}

// ---- AVX2 + FMA variant ----------------------------------------------------

#if defined(__x86_64__)
#include <immintrin.h>
#define SK_AVX2 __attribute__((target("avx2,fma")))

SK_AVX2 static inline __m256 exp8(__m256 x) {
    x = _mm256_max_ps(x, _mm256_set1_ps(SK_EXP_LOW));
    x = _mm256_min_ps(x, _mm256_set1_ps(SK_EXP_HIGH));
    __m256 magic = _mm256_set1_ps(SK_MAGIC);
    __m256 t = _mm256_fmadd_ps(x, _mm256_set1_ps(SK_LOG2E), magic);
    __m256 n = _mm256_sub_ps(t, magic);
    __m256 r = _mm256_fmadd_ps(n, _mm256_set1_ps(-SK_LN2_HI), x);
    r = _mm256_fmadd_ps(n, _mm256_set1_ps(-SK_LN2_LO), r);
    __m256 p = _mm256_set1_ps(exp_poly[0]);
    for (int i = 1; i < 6; i++) p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(exp_poly[i]));
    __m256 r2 = _mm256_mul_ps(r, r);
    __m256 y = _mm256_add_ps(_mm256_fmadd_ps(p, r2, r), _mm256_set1_ps(1.0f));
    __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_sub_epi32(_mm256_castps_si256(t), _mm256_castps_si256(magic)),
                                                   _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(y, _mm256_castsi256_ps(e));
}

SK_AVX2 static inline __m256 erf8(__m256 x) {
    __m256 signMask = _mm256_castsi256_ps(_mm256_set1_epi32((int)0x80000000u));
    __m256 ax = _mm256_min_ps(_mm256_andnot_ps(signMask, x), _mm256_set1_ps(4.0f));
    __m256 z = _mm256_mul_ps(ax, ax);
    __m256 p = _mm256_set1_ps(erf_small[0]);
    for (int i = 1; i < 6; i++) p = _mm256_fmadd_ps(p, z, _mm256_set1_ps(erf_small[i]));
    __m256 small = _mm256_mul_ps(ax, p);
    __m256 t = _mm256_div_ps(_mm256_set1_ps(1.0f), _mm256_fmadd_ps(ax, _mm256_set1_ps(0.5f), _mm256_set1_ps(1.0f)));
    __m256 q = _mm256_set1_ps(erf_large[0]);
    for (int i = 1; i < 7; i++) q = _mm256_fmadd_ps(q, t, _mm256_set1_ps(erf_large[i]));
    __m256 e = exp8(_mm256_xor_ps(z, signMask));
    __m256 large = _mm256_fnmadd_ps(e, q, _mm256_set1_ps(1.0f));
    __m256 magnitude = _mm256_blendv_ps(large, small, _mm256_cmp_ps(ax, _mm256_set1_ps(0.75f), _CMP_LT_OQ));
    return _mm256_or_ps(magnitude, _mm256_and_ps(x, signMask));
}

SK_AVX2 static inline __m256 tanh8(__m256 x) {
    x = _mm256_max_ps(x, _mm256_set1_ps(-9.0f));
    x = _mm256_min_ps(x, _mm256_set1_ps(9.0f));
    __m256 one = _mm256_set1_ps(1.0f);
    return _mm256_sub_ps(one, _mm256_div_ps(_mm256_set1_ps(2.0f), _mm256_add_ps(exp8(_mm256_add_ps(x, x)), one)));
}

SK_AVX2 static inline __m256 gelu8(__m256 x) {
    __m256 half = _mm256_mul_ps(x, _mm256_set1_ps(0.5f));
    return _mm256_fmadd_ps(half, erf8(_mm256_mul_ps(x, _mm256_set1_ps(0.70710678118654752f))), half);
}

SK_AVX2 static inline __m256 gelu_tanh8(__m256 x) {
    __m256 half = _mm256_mul_ps(x, _mm256_set1_ps(0.5f));
    __m256 cube = _mm256_mul_ps(_mm256_mul_ps(x, x), x);
    __m256 inner = _mm256_mul_ps(_mm256_fmadd_ps(_mm256_set1_ps(0.044715f), cube, x), _mm256_set1_ps(0.79788456080286536f));
    return _mm256_fmadd_ps(half, tanh8(inner), half);
}

SK_AVX2 static inline float sum8(__m256 v) {
    __m128 lo = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));  // l0+l4, l1+l5, l2+l6, l3+l7
    lo = _mm_add_ps(lo, _mm_movehl_ps(lo, lo));                                      // (l0+l4)+(l2+l6), (l1+l5)+(l3+l7)
    lo = _mm_add_ss(lo, _mm_shuffle_ps(lo, lo, 1));
    return _mm_cvtss_f32(lo);
}

SK_AVX2 static inline float max8(__m256 v) {
    __m128 lo = _mm_max_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    lo = _mm_max_ps(lo, _mm_movehl_ps(lo, lo));
    lo = _mm_max_ss(lo, _mm_shuffle_ps(lo, lo, 1));
    return _mm_cvtss_f32(lo);
}

/// `activation` on n values in place (n a multiple of 8 goes fully vector).
SK_AVX2 static void activate_avx2(int activation, float *x, int n) {
    if (activation == SK_ACTIVATION_NONE) return;
    int j = 0;
    if (activation == SK_ACTIVATION_GELU) {
        // Two vectors a step: each is one long dependency chain (exp, a
        // division, two polynomials); side by side, they overlap.
        for (; j + 16 <= n; j += 16) {
            __m256 u = gelu8(_mm256_loadu_ps(x + j)), w = gelu8(_mm256_loadu_ps(x + j + 8));
            _mm256_storeu_ps(x + j, u);
            _mm256_storeu_ps(x + j + 8, w);
        }
        for (; j + 8 <= n; j += 8) _mm256_storeu_ps(x + j, gelu8(_mm256_loadu_ps(x + j)));
    } else {
        for (; j + 8 <= n; j += 8) _mm256_storeu_ps(x + j, gelu_tanh8(_mm256_loadu_ps(x + j)));
    }
    for (; j < n; j++) x[j] = activate_scalar(activation, x[j]);
}

// One tile: 6 rows × 16 columns of C over kc ≥ 1 values of k. The
// accumulators start from `src` (row stride sstride floats; 0 repeats one
// row, e.g. a bias), plus `bias` when it is not NULL. For each k the kernel
// reads 6 consecutive floats of A at `a` and 16 of B at `b`, then moves them
// on by astride and bstride floats (6 and 16 for packed operands); the result
// goes to `c` (row stride ldc). In assembly so that it runs at full speed in
// debug builds too (SwiftPM compiles C at -O0 there); each element gets one
// vfmadd231ps per k, in increasing k.
#define SK_ROW(r, reg0, reg1, bcast) \
    "vbroadcastss " #r "*4(%[a]), %%" bcast "\n\t" \
    "vfmadd231ps %%ymm12, %%" bcast ", %%" reg0 "\n\t" \
    "vfmadd231ps %%ymm13, %%" bcast ", %%" reg1 "\n\t"
#define SK_ADD_BIAS(reg0, reg1) \
    "vaddps (%[bias]), %%" reg0 ", %%" reg0 "\n\t" \
    "vaddps 32(%[bias]), %%" reg1 ", %%" reg1 "\n\t"

SK_AVX2 static void tile_avx2(long kc, const float *a, long astride, const float *b, long bstride,
                              const float *src, long sstride, const float *bias, float *c, long ldc) {
    long sbytes = sstride * (long)sizeof(float), cbytes = ldc * (long)sizeof(float);
    long abytes = astride * (long)sizeof(float), bbytes = bstride * (long)sizeof(float);
    __asm__ volatile(
        "vmovups (%[s]), %%ymm0\n\t"
        "vmovups 32(%[s]), %%ymm1\n\t"
        "vmovups (%[s],%[ss],1), %%ymm2\n\t"
        "vmovups 32(%[s],%[ss],1), %%ymm3\n\t"
        "vmovups (%[s],%[ss],2), %%ymm4\n\t"
        "vmovups 32(%[s],%[ss],2), %%ymm5\n\t"
        "lea (%[s],%[ss],2), %[s]\n\t"
        "add %[ss], %[s]\n\t"
        "vmovups (%[s]), %%ymm6\n\t"
        "vmovups 32(%[s]), %%ymm7\n\t"
        "vmovups (%[s],%[ss],1), %%ymm8\n\t"
        "vmovups 32(%[s],%[ss],1), %%ymm9\n\t"
        "vmovups (%[s],%[ss],2), %%ymm10\n\t"
        "vmovups 32(%[s],%[ss],2), %%ymm11\n\t"
        "test %[bias], %[bias]\n\t"
        "jz 0f\n\t"
        SK_ADD_BIAS("ymm0", "ymm1") SK_ADD_BIAS("ymm2", "ymm3") SK_ADD_BIAS("ymm4", "ymm5")
        SK_ADD_BIAS("ymm6", "ymm7") SK_ADD_BIAS("ymm8", "ymm9") SK_ADD_BIAS("ymm10", "ymm11")
        "0:\n\t"
        "1:\n\t"
        "vmovups (%[b]), %%ymm12\n\t"
        "vmovups 32(%[b]), %%ymm13\n\t"
        SK_ROW(0, "ymm0", "ymm1", "ymm14")
        SK_ROW(1, "ymm2", "ymm3", "ymm15")
        SK_ROW(2, "ymm4", "ymm5", "ymm14")
        SK_ROW(3, "ymm6", "ymm7", "ymm15")
        SK_ROW(4, "ymm8", "ymm9", "ymm14")
        SK_ROW(5, "ymm10", "ymm11", "ymm15")
        "add %[as], %[a]\n\t"
        "add %[bs], %[b]\n\t"
        "dec %[k]\n\t"
        "jnz 1b\n\t"
        "vmovups %%ymm0, (%[c])\n\t"
        "vmovups %%ymm1, 32(%[c])\n\t"
        "vmovups %%ymm2, (%[c],%[cs],1)\n\t"
        "vmovups %%ymm3, 32(%[c],%[cs],1)\n\t"
        "vmovups %%ymm4, (%[c],%[cs],2)\n\t"
        "vmovups %%ymm5, 32(%[c],%[cs],2)\n\t"
        "lea (%[c],%[cs],2), %[c]\n\t"
        "add %[cs], %[c]\n\t"
        "vmovups %%ymm6, (%[c])\n\t"
        "vmovups %%ymm7, 32(%[c])\n\t"
        "vmovups %%ymm8, (%[c],%[cs],1)\n\t"
        "vmovups %%ymm9, 32(%[c],%[cs],1)\n\t"
        "vmovups %%ymm10, (%[c],%[cs],2)\n\t"
        "vmovups %%ymm11, 32(%[c],%[cs],2)\n\t"
        "vzeroupper\n\t"
        : [a] "+r"(a), [b] "+r"(b), [k] "+r"(kc), [s] "+r"(src), [c] "+r"(c)
        : [ss] "r"(sbytes), [bias] "r"(bias), [cs] "r"(cbytes), [as] "r"(abytes), [bs] "r"(bbytes)
        : "memory", "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9",
          "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

static const float zeros16[SK_PANEL] = {0};

SK_AVX2 static void linear_avx2(int m, int n, int k, const float *a, int lda, const float *packed, const float *bias,
                                int init, int activation, float *c, int ldc, float *tiles) {
    int panels = round_up(n, SK_PANEL) / SK_PANEL;
    float scratch[SK_MR * SK_PANEL];
    for (int k0 = 0; k0 < k; k0 += SK_KC) {
        int kc = k - k0 < SK_KC ? k - k0 : SK_KC;
        int first = k0 == 0, last = k0 + kc == k;
        for (int m0 = 0; m0 < m; m0 += SK_MC) {
            int mc = m - m0 < SK_MC ? m - m0 : SK_MC;
            // Rows of A in tiles of 6, k-major (6 floats a k; a last tile's
            // missing rows are zero): one sequential stream for the kernel.
            for (int i = 0; i < mc; i += SK_MR) {
                int rows = mc - i < SK_MR ? mc - i : SK_MR;
                float *tile = tiles + (size_t)i * kc;
                const float *row[SK_MR];
                for (int r = 0; r < rows; r++) row[r] = a + (size_t)(m0 + i + r) * lda + k0;
                if (rows == SK_MR) {
                    for (int kk = 0; kk < kc; kk++, tile += SK_MR) {
                        tile[0] = row[0][kk]; tile[1] = row[1][kk]; tile[2] = row[2][kk];
                        tile[3] = row[3][kk]; tile[4] = row[4][kk]; tile[5] = row[5][kk];
                    }
                } else {
                    for (int kk = 0; kk < kc; kk++, tile += SK_MR)
                        for (int r = 0; r < SK_MR; r++) tile[r] = r < rows ? row[r][kk] : 0.0f;
                }
            }
            for (int p = 0; p < panels; p++) {
                const float *b = packed + ((size_t)p * k + k0) * SK_PANEL;
                int j0 = p * SK_PANEL;
                int width = n - j0 < SK_PANEL ? n - j0 : SK_PANEL;
                for (int i = 0; i < mc; i += SK_MR) {
                    int rows = mc - i < SK_MR ? mc - i : SK_MR;
                    const float *tile = tiles + (size_t)i * kc;
                    float *ci = c + (size_t)(m0 + i) * ldc + j0;
                    // The next tile's rows of C, while this one computes (its
                    // loads would otherwise wait on L3 or memory).
                    int next = i + SK_MR < mc ? i + SK_MR : (p + 1 < panels ? 0 : -1);
                    if (next >= 0) {
                        const char *line = (const char *)(c + (size_t)(m0 + next) * ldc + (next == 0 ? j0 + SK_PANEL : j0));
                        int ahead = mc - next < SK_MR ? mc - next : SK_MR;
                        for (int r = 0; r < ahead; r++) _mm_prefetch(line + (size_t)r * ldc * sizeof(float), _MM_HINT_T0);
                    }
                    if (rows == SK_MR && width == SK_PANEL) {
                        const float *src = ci;
                        long sstride = ldc;
                        const float *add = NULL;
                        if (first && init == SK_INIT_BIAS) { src = bias + j0; sstride = 0; }
                        if (first && init == SK_INIT_ZERO) { src = zeros16; sstride = 0; }
                        if (first && init == SK_INIT_OUTPUT_PLUS_BIAS) add = bias + j0;
                        tile_avx2(kc, tile, SK_MR, b, SK_PANEL, src, sstride, add, ci, ldc);
                    } else {
                        // A partial tile, through a full one: the extra rows
                        // and columns multiply zeros and are dropped.
                        memset(scratch, 0, sizeof scratch);
                        for (int r = 0; r < rows; r++)
                            for (int j = 0; j < width; j++)
                                scratch[r * SK_PANEL + j] = first ? initial_value(init, ci + (size_t)r * ldc + j, bias, j0 + j)
                                                                  : ci[(size_t)r * ldc + j];
                        tile_avx2(kc, tile, SK_MR, b, SK_PANEL, scratch, SK_PANEL, NULL, scratch, SK_PANEL);
                        for (int r = 0; r < rows; r++)
                            memcpy(ci + (size_t)r * ldc, scratch + r * SK_PANEL, sizeof(float) * (size_t)width);
                    }
                }
            }
            // The block's rows are finished: activate them while they are in L2
            // (one long loop keeps the function's constants in registers).
            if (last && activation != SK_ACTIVATION_NONE) {
                if (ldc == n) {
                    activate_avx2(activation, c + (size_t)m0 * ldc, mc * n);
                } else {
                    for (int r = 0; r < mc; r++) activate_avx2(activation, c + (size_t)(m0 + r) * ldc, n);
                }
            }
        }
    }
}

SK_AVX2 static void softmax_avx2(float *x, int n, float scale) {
    __m256 s = _mm256_set1_ps(scale);
    __m256 mv = _mm256_set1_ps(-INFINITY);
    int j = 0;
    for (; j + 8 <= n; j += 8) mv = _mm256_max_ps(mv, _mm256_mul_ps(_mm256_loadu_ps(x + j), s));
    float largest = max8(mv);
    for (; j < n; j++) largest = fmaxf(largest, x[j] * scale);
    __m256 negative = _mm256_set1_ps(-largest);
    __m256 lanes = _mm256_setzero_ps();
    for (j = 0; j + 8 <= n; j += 8) {
        __m256 e = exp8(_mm256_fmadd_ps(_mm256_loadu_ps(x + j), s, negative));
        _mm256_storeu_ps(x + j, e);
        lanes = _mm256_add_ps(lanes, e);
    }
    float sum = sum8(lanes);
    for (; j < n; j++) {
        x[j] = exp_scalar(fmaf(x[j], scale, -largest));
        sum = sum + x[j];
    }
    __m256 inverse = _mm256_set1_ps(1.0f / sum);
    for (j = 0; j + 8 <= n; j += 8) _mm256_storeu_ps(x + j, _mm256_mul_ps(_mm256_loadu_ps(x + j), inverse));
    for (; j < n; j++) x[j] = x[j] * (1.0f / sum);
}

SK_AVX2 static void layer_norm_avx2(float *x, int n, const float *gamma, const float *beta, float epsilon) {
    int n8 = n & ~7;
    __m256 lanes = _mm256_setzero_ps();
    for (int j = 0; j < n8; j += 8) lanes = _mm256_add_ps(lanes, _mm256_loadu_ps(x + j));
    float sum = sum8(lanes);
    for (int j = n8; j < n; j++) sum = sum + x[j];
    float mean = sum / (float)n;
    __m256 mv = _mm256_set1_ps(mean);
    lanes = _mm256_setzero_ps();
    for (int j = 0; j < n8; j += 8) {
        __m256 d = _mm256_sub_ps(_mm256_loadu_ps(x + j), mv);
        lanes = _mm256_fmadd_ps(d, d, lanes);
    }
    float squares = sum8(lanes);
    for (int j = n8; j < n; j++) {
        float d = x[j] - mean;
        squares = fmaf(d, d, squares);
    }
    float inverse = 1.0f / sqrtf(squares / (float)n + epsilon);
    __m256 iv = _mm256_set1_ps(inverse);
    for (int j = 0; j < n8; j += 8) {
        __m256 d = _mm256_mul_ps(_mm256_sub_ps(_mm256_loadu_ps(x + j), mv), iv);
        _mm256_storeu_ps(x + j, _mm256_fmadd_ps(d, _mm256_loadu_ps(gamma + j), _mm256_loadu_ps(beta + j)));
    }
    for (int j = n8; j < n; j++) x[j] = fmaf((x[j] - mean) * inverse, gamma[j], beta[j]);
}

SK_AVX2 static void map_avx2(int function, float *x, int count) {
    int i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 v = _mm256_loadu_ps(x + i);
        switch (function) {
        case 0: v = exp8(v); break;
        case 1: v = erf8(v); break;
        case 2: v = tanh8(v); break;
        case 3: v = gelu8(v); break;
        default: v = gelu_tanh8(v); break;
        }
        _mm256_storeu_ps(x + i, v);
    }
    map_portable(function, x + i, count - i);
}

static int detect_variant(void) {
    __builtin_cpu_init();
    return (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) ? 2 : 0;
}
#else
static int detect_variant(void) { return 0; }
#endif

// ---- Dispatch ----------------------------------------------------------------

static int detected = -1;
static _Thread_local int forced_portable = 0;

int sk_variant(void) {
    if (forced_portable) return 0;
    int v = __atomic_load_n(&detected, __ATOMIC_RELAXED);
    if (v < 0) {
        v = detect_variant();
        __atomic_store_n(&detected, v, __ATOMIC_RELAXED);
    }
    return v;
}

void sk_force_portable(int portable) { forced_portable = portable ? 1 : 0; }

size_t sk_linear_workspace_count(void) { return (size_t)SK_MC * SK_KC; }

void sk_linear(int m, int n, int k, const float *a, int lda, const float *packed, const float *bias, int init,
               int activation, float *c, int ldc, float *workspace) {
    if (m <= 0 || n <= 0) return;
    if (k <= 0) {
        // No products: the initial values, activated.
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                float *out = c + (size_t)i * ldc + j;
                *out = activate_scalar(activation, initial_value(init, out, bias, j));
            }
        return;
    }
#if defined(__x86_64__)
    if (sk_variant() == 2) {
        linear_avx2(m, n, k, a, lda, packed, bias, init, activation, c, ldc, workspace);
        return;
    }
#endif
    (void)workspace;
    linear_portable(m, n, k, a, lda, packed, bias, init, activation, c, ldc);
}

void sk_softmax(float *x, int rows, int n, int ld, float scale) {
    for (int i = 0; i < rows; i++) {
#if defined(__x86_64__)
        if (sk_variant() == 2) { softmax_avx2(x + (size_t)i * ld, n, scale); continue; }
#endif
        softmax_portable(x + (size_t)i * ld, n, scale);
    }
}

void sk_layer_norm(float *x, int rows, int n, const float *gamma, const float *beta, float epsilon) {
    for (int i = 0; i < rows; i++) {
#if defined(__x86_64__)
        if (sk_variant() == 2) { layer_norm_avx2(x + (size_t)i * n, n, gamma, beta, epsilon); continue; }
#endif
        layer_norm_portable(x + (size_t)i * n, n, gamma, beta, epsilon);
    }
}

void sk_map(int function, float *x, int count) {
#if defined(__x86_64__)
    if (sk_variant() == 2) { map_avx2(function, x, count); return; }
#endif
    map_portable(function, x, count);
}

// ---- Attention ----------------------------------------------------------------
//
// Per head, with Qᵀ and Kᵀ (head dimension × tokens) transposed once per call:
//
//     Sᵀ[j][i] = Σ_e K[j][e] · Q[i][e]          (keys j as rows, queries i as columns)
//     Pᵀ[·][i] = softmax over j of (Sᵀ[j][i] / √d)
//     O[i][e]  = Σ_j Pᵀ[j][i] · V[j][e]
//
// so that every operand of the two products is read in place by the tile
// kernel (6 consecutive floats of A and 16 of B a step), and the softmax runs
// down columns, 8 queries a vector. Each element is one FMA chain: over e in
// increasing order for Sᵀ, over j for O; the portable variant computes the
// same chains with fmaf, and the column softmax in the same order.

/// Query columns per block: all n while n keys × that many columns of scores
/// fit in 2¹⁸ floats (1 MB), else a multiple of 16 that does.
static int query_block(int n) {
    int width = round_up(n, SK_PANEL) + 8;
    if ((size_t)round_up(n, SK_MR) * (size_t)width <= ((size_t)1 << 18)) return n;
    int columns = (1 << 18) / round_up(n, SK_MR) / SK_PANEL * SK_PANEL;
    return columns < SK_PANEL ? SK_PANEL : columns;
}

/// Row stride of Qᵀ and Kᵀ: room for whole panels of 16 queries and tiles of 6 keys.
static int transposed_width(int n) { return round_up(n, SK_PANEL) + 8; }

size_t sk_attention_workspace_count(int n, int d) {
    if (n <= 0 || d <= 0) return 0;
    int block = query_block(n);
    return (size_t)2 * (size_t)transposed_width(n) * (size_t)d                  // Qᵀ, Kᵀ of one head
        + (size_t)round_up(n, SK_MR) * (size_t)(round_up(block, SK_PANEL) + 8)   // Sᵀ block
        + (size_t)round_up(d, SK_PANEL) * (size_t)n                              // V packed
        + sk_linear_workspace_count();
}

/// Column softmax: for each column i < columns of x (rows < n, row stride ld),
/// x[j][i] ← e^(scale·x[j][i] − max) / Σ, max and Σ over j in increasing order.
static void column_softmax_portable(float *x, int n, int columns, int ld, float scale) {
    for (int i = 0; i < columns; i++) {
        float largest = -INFINITY;
        for (int j = 0; j < n; j++) largest = fmaxf(largest, x[(size_t)j * ld + i] * scale);
        float sum = 0.0f;
        for (int j = 0; j < n; j++) {
            float e = exp_scalar(fmaf(x[(size_t)j * ld + i], scale, -largest));
            x[(size_t)j * ld + i] = e;
            sum = sum + e;
        }
        float inverse = 1.0f / sum;
        for (int j = 0; j < n; j++) x[(size_t)j * ld + i] = x[(size_t)j * ld + i] * inverse;
    }
}

static void attention_portable(int n, int heads, int d, const float *qkv, int ldqkv, float *context, int ldc,
                               float *scores) {
    int hidden = heads * d;
    float scale = 1.0f / sqrtf((float)d);
    for (int h = 0; h < heads; h++) {
        const float *q = qkv + (size_t)h * d, *k = q + hidden, *v = q + 2 * (size_t)hidden;
        for (int i = 0; i < n; i++) {
            // One query at a time: Sᵀ[·][i] in `scores` (n floats).
            for (int j = 0; j < n; j++) {
                float sum = 0.0f;
                for (int e = 0; e < d; e++) sum = fmaf(k[(size_t)j * ldqkv + e], q[(size_t)i * ldqkv + e], sum);
                scores[j] = sum;
            }
            column_softmax_portable(scores, n, 1, 1, scale);
            for (int e = 0; e < d; e++) {
                float sum = 0.0f;
                for (int j = 0; j < n; j++) sum = fmaf(scores[j], v[(size_t)j * ldqkv + e], sum);
                context[(size_t)i * ldc + (size_t)h * d + e] = sum;
            }
        }
    }
}

#if defined(__x86_64__)
SK_AVX2 static void column_softmax_avx2(float *x, int n, int columns, int ld, float scale) {
    int i = 0;
    __m256 s = _mm256_set1_ps(scale);
    for (; i + 8 <= columns; i += 8) {
        __m256 largest = _mm256_set1_ps(-INFINITY);
        for (int j = 0; j < n; j++) largest = _mm256_max_ps(largest, _mm256_mul_ps(_mm256_loadu_ps(x + (size_t)j * ld + i), s));
        __m256 negative = _mm256_xor_ps(largest, _mm256_castsi256_ps(_mm256_set1_epi32((int)0x80000000u)));
        __m256 sum = _mm256_setzero_ps();
        for (int j = 0; j < n; j++) {
            float *p = x + (size_t)j * ld + i;
            __m256 e = exp8(_mm256_fmadd_ps(_mm256_loadu_ps(p), s, negative));
            _mm256_storeu_ps(p, e);
            sum = _mm256_add_ps(sum, e);
        }
        __m256 inverse = _mm256_div_ps(_mm256_set1_ps(1.0f), sum);
        for (int j = 0; j < n; j++) {
            float *p = x + (size_t)j * ld + i;
            _mm256_storeu_ps(p, _mm256_mul_ps(_mm256_loadu_ps(p), inverse));
        }
    }
    if (i < columns) column_softmax_portable(x + i, n, columns - i, ld, scale);
}

/// out[e][t] = in[t][e] for t < n, e < d (in: row stride ldin), zero for n ≤ t < width.
SK_AVX2 static void transpose_avx2(const float *in, int ldin, int n, int d, float *out, int width) {
    int t = 0;
    for (; t + 8 <= n; t += 8) {
        int e = 0;
        for (; e + 8 <= d; e += 8) {
            __m256 r0 = _mm256_loadu_ps(in + (size_t)(t + 0) * ldin + e), r1 = _mm256_loadu_ps(in + (size_t)(t + 1) * ldin + e);
            __m256 r2 = _mm256_loadu_ps(in + (size_t)(t + 2) * ldin + e), r3 = _mm256_loadu_ps(in + (size_t)(t + 3) * ldin + e);
            __m256 r4 = _mm256_loadu_ps(in + (size_t)(t + 4) * ldin + e), r5 = _mm256_loadu_ps(in + (size_t)(t + 5) * ldin + e);
            __m256 r6 = _mm256_loadu_ps(in + (size_t)(t + 6) * ldin + e), r7 = _mm256_loadu_ps(in + (size_t)(t + 7) * ldin + e);
            __m256 u0 = _mm256_unpacklo_ps(r0, r1), u1 = _mm256_unpackhi_ps(r0, r1);
            __m256 u2 = _mm256_unpacklo_ps(r2, r3), u3 = _mm256_unpackhi_ps(r2, r3);
            __m256 u4 = _mm256_unpacklo_ps(r4, r5), u5 = _mm256_unpackhi_ps(r4, r5);
            __m256 u6 = _mm256_unpacklo_ps(r6, r7), u7 = _mm256_unpackhi_ps(r6, r7);
            __m256 v0 = _mm256_shuffle_ps(u0, u2, 0x44), v1 = _mm256_shuffle_ps(u0, u2, 0xEE);
            __m256 v2 = _mm256_shuffle_ps(u1, u3, 0x44), v3 = _mm256_shuffle_ps(u1, u3, 0xEE);
            __m256 v4 = _mm256_shuffle_ps(u4, u6, 0x44), v5 = _mm256_shuffle_ps(u4, u6, 0xEE);
            __m256 v6 = _mm256_shuffle_ps(u5, u7, 0x44), v7 = _mm256_shuffle_ps(u5, u7, 0xEE);
            _mm256_storeu_ps(out + (size_t)(e + 0) * width + t, _mm256_permute2f128_ps(v0, v4, 0x20));
            _mm256_storeu_ps(out + (size_t)(e + 1) * width + t, _mm256_permute2f128_ps(v1, v5, 0x20));
            _mm256_storeu_ps(out + (size_t)(e + 2) * width + t, _mm256_permute2f128_ps(v2, v6, 0x20));
            _mm256_storeu_ps(out + (size_t)(e + 3) * width + t, _mm256_permute2f128_ps(v3, v7, 0x20));
            _mm256_storeu_ps(out + (size_t)(e + 4) * width + t, _mm256_permute2f128_ps(v0, v4, 0x31));
            _mm256_storeu_ps(out + (size_t)(e + 5) * width + t, _mm256_permute2f128_ps(v1, v5, 0x31));
            _mm256_storeu_ps(out + (size_t)(e + 6) * width + t, _mm256_permute2f128_ps(v2, v6, 0x31));
            _mm256_storeu_ps(out + (size_t)(e + 7) * width + t, _mm256_permute2f128_ps(v3, v7, 0x31));
        }
        for (; e < d; e++)
            for (int u = 0; u < 8; u++) out[(size_t)e * width + t + u] = in[(size_t)(t + u) * ldin + e];
    }
    for (; t < n; t++)
        for (int e = 0; e < d; e++) out[(size_t)e * width + t] = in[(size_t)t * ldin + e];
    for (int e = 0; e < d; e++)
        for (int u = n; u < width; u++) out[(size_t)e * width + u] = 0.0f;
}

SK_AVX2 static void attention_avx2(int n, int heads, int d, const float *qkv, int ldqkv, float *context, int ldc,
                                   float *workspace) {
    int hidden = heads * d, width = transposed_width(n), block = query_block(n);
    int keyRows = round_up(n, SK_MR);
    float *qt = workspace;                                     // Qᵀ of one head: d × width
    float *kt = qt + (size_t)width * d;                        // Kᵀ of one head: d × width
    float *scores = kt + (size_t)width * d;                    // Sᵀ block: keyRows × sld
    int sld = round_up(block, SK_PANEL) + 8;
    float *values = scores + (size_t)keyRows * sld;            // V of one head, packed: d columns, n rows
    float scratch[SK_MR * SK_PANEL];
    float scale = 1.0f / sqrtf((float)d);
    int valuePanels = round_up(d, SK_PANEL) / SK_PANEL;
    for (int h = 0; h < heads; h++) {
        const float *q = qkv + (size_t)h * d, *k = q + hidden, *v = q + 2 * (size_t)hidden;
        transpose_avx2(q, ldqkv, n, d, qt, width);
        transpose_avx2(k, ldqkv, n, d, kt, width);
        sk_pack(v, n, d, ldqkv, values);
        for (int i0 = 0; i0 < n; i0 += block) {
            int queries = n - i0 < block ? n - i0 : block;
            int panels = round_up(queries, SK_PANEL) / SK_PANEL;
            // Sᵀ: tiles of 6 keys × 16 queries, over the head's d dimensions.
            for (int j = 0; j < n; j += SK_MR)
                for (int p = 0; p < panels; p++)
                    tile_avx2(d, kt + j, width, qt + i0 + p * SK_PANEL, width, zeros16, 0, NULL,
                              scores + (size_t)j * sld + p * SK_PANEL, sld);
            column_softmax_avx2(scores, n, queries, sld, scale);
            // O: tiles of 6 queries × 16 dimensions, over the n keys.
            for (int i = 0; i < queries; i += SK_MR) {
                int rows = queries - i < SK_MR ? queries - i : SK_MR;
                for (int p = 0; p < valuePanels; p++) {
                    int columns = d - p * SK_PANEL < SK_PANEL ? d - p * SK_PANEL : SK_PANEL;
                    float *out = context + (size_t)(i0 + i) * ldc + (size_t)h * d + p * SK_PANEL;
                    const float *b = values + (size_t)p * n * SK_PANEL;
                    if (rows == SK_MR && columns == SK_PANEL) {
                        tile_avx2(n, scores + i, sld, b, SK_PANEL, zeros16, 0, NULL, out, ldc);
                    } else {
                        tile_avx2(n, scores + i, sld, b, SK_PANEL, zeros16, 0, NULL, scratch, SK_PANEL);
                        for (int r = 0; r < rows; r++) memcpy(out + (size_t)r * ldc, scratch + r * SK_PANEL, sizeof(float) * (size_t)columns);
                    }
                }
            }
        }
    }
}
#endif

void sk_attention(int n, int heads, int d, const float *qkv, int ldqkv, float *context, int ldc, float *workspace) {
    if (n <= 0 || heads <= 0 || d <= 0) return;
#if defined(__x86_64__)
    if (sk_variant() == 2) {
        attention_avx2(n, heads, d, qkv, ldqkv, context, ldc, workspace);
        return;
    }
#endif
    attention_portable(n, heads, d, qkv, ldqkv, context, ldc, workspace);
}
