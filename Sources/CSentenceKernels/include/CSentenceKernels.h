// The sentence encoder's numeric kernels: the matrix product of its linear
// layers and of attention, GELU, softmax and LayerNorm. In C for two reasons:
//
// 1. a row's result must not depend on where the row sits in a product: the
//    encoder packs the tokens of many sequences into one matrix, and a
//    sequence's embedding must be bit-identical whatever shares its batch.
//    OpenBLAS does not give that (its Haswell sgemm rounds a row differently
//    depending on its place in a 12-row tile: measured on 0.3.21, 158 of 164
//    sub-products of a 300-row product differed from the full one);
// 2. Swift cannot compile a function for AVX2 and FMA without unsafe
//    compiler flags (which packages depending on this one may not use), and
//    its SSE2 code ran GELU and softmax at a quarter of AVX2's width (12 %
//    of the encoder's time, measured with perf).
//
// Every element of a product is one chain of fused multiply-adds in
// increasing k, starting from its initial value:
//
//     c ← init;   c ← fma(a[i][k], w[j][k], c)   for k = 0, 1, …, K−1
//
// whatever the variant, the blocking, the number of rows and the row's
// position. Each kernel has an AVX2 + FMA variant, used when the processor
// has both, and a portable one that performs the same IEEE operations in the
// same order (fmaf where the vector code fuses), so both give the same bits.

#ifndef CSENTENCEKERNELS_H
#define CSENTENCEKERNELS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Columns per packed panel.
#define SK_PANEL 16

/// The variant in use: 2 for AVX2 + FMA, 0 for portable C.
int sk_variant(void);

/// Forces the portable variant (nonzero) or the best one (0) on the calling
/// thread, for tests.
void sk_force_portable(int portable);

/// Floats needed to pack a product's right operand with n columns and k
/// rows (an n × k weight matrix): ⌈n/16⌉ · 16 · k.
size_t sk_packed_count(int n, int k);

/// Packs W, n × k row-major with row stride ldw (PyTorch's Linear layout,
/// out × in; the product uses Wᵀ), into panels of 16 columns of Wᵀ:
/// packed[(p·k + kk)·16 + c] = W[16p + c][kk], zero past column n.
void sk_pack_transposed(const float *w, int n, int k, int ldw, float *packed);

/// Packs B, k × n row-major with row stride ldb (the product uses B as is),
/// into the same layout: packed[(p·k + kk)·16 + c] = B[kk][16p + c].
void sk_pack(const float *b, int k, int n, int ldb, float *packed);

/// Floats of the workspace sk_linear needs (A's rows repacked, a block at a time).
size_t sk_linear_workspace_count(void);

/// How sk_linear starts each element's chain.
enum {
    SK_INIT_OUTPUT = 0,            ///< from C as it is
    SK_INIT_BIAS = 1,              ///< from bias[j] (C is only written)
    SK_INIT_OUTPUT_PLUS_BIAS = 2,  ///< from C + bias[j] (one rounding)
    SK_INIT_ZERO = 3,              ///< from 0 (C is only written)
};

/// What sk_linear applies to each finished element.
enum {
    SK_ACTIVATION_NONE = 0,
    SK_ACTIVATION_GELU = 1,        ///< x/2 · (1 + erf(x/√2)), erf within 1.3e-7
    SK_ACTIVATION_GELU_TANH = 2,   ///< x/2 · (1 + tanh(√(2/π)(x + 0.044715 x³)))
};

/// C (m × n, row stride ldc) ← activation(init + A (m × k, row stride lda) · P),
/// P packed by sk_pack_transposed or sk_pack, each element computed as
/// described at the top of this file. `bias` (n floats) is read for the
/// SK_INIT_*BIAS modes. `workspace` holds sk_linear_workspace_count() floats
/// and serves one call at a time.
void sk_linear(int m, int n, int k, const float *a, int lda, const float *packed, const float *bias, int init,
               int activation, float *c, int ldc, float *workspace);

/// Floats of the workspace sk_attention needs for a sequence of n tokens
/// and heads of d values.
size_t sk_attention_workspace_count(int n, int d);

/// Scaled dot-product attention of one sequence of n tokens: for each head
/// h < heads, context[:, h·d ..< (h+1)·d] ← softmax(Q_h K_hᵀ / √d) V_h, where
/// row t of qkv (row stride ldqkv) holds query, key and value of token t,
/// heads·d values each. Scores are computed for blocks of query rows, so
/// memory stays bounded for long sequences.
void sk_attention(int n, int heads, int d, const float *qkv, int ldqkv, float *context, int ldc, float *workspace);

/// Softmax of `rows` rows of n values (row stride ld), after scaling by
/// `scale`: x ← exp(scale·x − max) / Σ, in place.
void sk_softmax(float *x, int rows, int n, int ld, float scale);

/// LayerNorm of `rows` rows of n values (row stride n), in place:
/// (x − mean) / √(var + ε) · γ + β, with the biased variance.
void sk_layer_norm(float *x, int rows, int n, const float *gamma, const float *beta, float epsilon);

/// The element-wise functions on `count` values, in place (for tests; the
/// encoder applies them inside the kernels above): 0 exp, 1 erf, 2 tanh,
/// 3 GELU, 4 GELU's tanh form.
void sk_map(int function, float *x, int count);

#ifdef __cplusplus
}
#endif

#endif
