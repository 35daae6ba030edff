// The one C header MatchCore sees: Debian's CBLAS plus the Fortran LAPACK
// routines MatchCore calls. Debian installs no `lapacke.h`, so the LAPACK
// prototypes are declared here by hand, following the reference Fortran
// interfaces: every argument by pointer, 32-bit integers (LP64 builds), and
// one hidden `size_t` length argument at the end for each CHARACTER argument.
//
// Providers: libblas-dev, liblapack-dev (reference), libopenblas0-pthread
// (optimised; answers through the same libblas.so.3/liblapack.so.3 names).

#ifndef MISSIONMATCH_CLINEARALGEBRA_SHIM_H
#define MISSIONMATCH_CLINEARALGEBRA_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <cblas.h>

/// The integer type of this CBLAS (Debian: `CBLAS_INT`, OpenBLAS: `blasint`).
typedef CBLAS_INT mm_blas_int;

/// QR factorisation of a general M×N matrix (column-major).
void sgeqrf_(const int *m, const int *n, float *a, const int *lda,
             float *tau, float *work, const int *lwork, int *info);

/// Generates the M×N matrix Q with orthonormal columns defined by `sgeqrf_`.
void sorgqr_(const int *m, const int *n, const int *k, float *a, const int *lda,
             const float *tau, float *work, const int *lwork, int *info);

/// Singular value decomposition by divide and conquer (column-major).
void sgesdd_(const char *jobz, const int *m, const int *n, float *a, const int *lda,
             float *s, float *u, const int *ldu, float *vt, const int *ldvt,
             float *work, const int *lwork, int *iwork, int *info,
             size_t jobz_len);

/// Cholesky factorisation of a real symmetric positive definite matrix.
void spotrf_(const char *uplo, const int *n, float *a, const int *lda, int *info,
             size_t uplo_len);

/// Inverse of a real triangular matrix.
void strtri_(const char *uplo, const char *diag, const int *n, float *a, const int *lda,
             int *info, size_t uplo_len, size_t diag_len);

/* Solves A·X = B for a symmetric positive definite A (Cholesky), in double
 * precision: the Newton steps of the weight fit (MatchCore.PositiveDefiniteSystem). */
void dposv_(const char *uplo, const int *n, const int *nrhs, double *a, const int *lda,
            double *b, const int *ldb, int *info, size_t uplo_len);

#endif
