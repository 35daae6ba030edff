"""scikit-learn's randomized truncated SVD on the matrix of MissionMatch's
RandomizedSVD benchmark, for the comparison of issue 2.

The Swift benchmark writes its matrix when MISSIONMATCH_SVD_DUMP is set (see
README.md beside this file); this script loads that file and times

* TruncatedSVD(algorithm="randomized").fit(X) -- what issue 2 names, which
  also computes X @ V and the explained variance after the SVD;
* sklearn.utils.extmath.randomized_svd(X, ...) -- the SVD alone, the
  like-for-like figure for MatchCore's RandomizedSVD.decompose;

with the same rank, oversampling and power iterations as the Swift side.

    OPENBLAS_CORETYPE=SKYLAKEX python3 Scripts/bench/sklearn_svd.py /tmp/mm-svd.csr \\
        --rank 256 --oversamples 10 --n-iter 4 --repeat 3
"""

import argparse
import statistics
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import sklearn
from sklearn.decomposition import TruncatedSVD
from sklearn.utils.extmath import randomized_svd

MAGIC = b"MMCSR001"


def load(path):
    """Reads the benchmark's dump: magic, Int64 rows/columns/nnz, Int64 row
    offsets, Int32 column indices, Float32 values (all little-endian)."""
    with open(path, "rb") as f:
        if f.read(8) != MAGIC:
            sys.exit(f"{path}: not a MissionMatch CSR dump (expected magic {MAGIC!r})")
        rows, columns, nnz = np.fromfile(f, dtype="<i8", count=3)
        indptr = np.fromfile(f, dtype="<i8", count=rows + 1)
        indices = np.fromfile(f, dtype="<i4", count=nnz)
        data = np.fromfile(f, dtype="<f4", count=nnz)
    if indptr[-1] != nnz or len(data) != nnz:
        sys.exit(f"{path}: truncated file")
    return sp.csr_matrix((data, indices, indptr), shape=(int(rows), int(columns)))


def blas_summary():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return ["threadpoolctl not installed: BLAS unknown"]
    lines = []
    for pool in threadpool_info():
        if pool.get("user_api") == "blas":
            lines.append(
                "{internal_api} {version} core={architecture} threads={num_threads} ({prefix})".format(
                    **{k: pool.get(k) for k in ("internal_api", "version", "architecture", "num_threads", "prefix")}
                )
            )
    return lines or ["no BLAS thread pool found"]


def timed(label, repeat, run):
    """Runs `run` `repeat` times; prints wall-clock times and the process CPU
    time (all threads) of the fastest run."""
    times, cpu = [], []
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = run()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    best = min(range(repeat), key=times.__getitem__)
    print(
        f"{label}: min {times[best]:.3f} s (CPU {cpu[best]:.3f} s), median {statistics.median(times):.3f} s "
        f"({', '.join(f'{t:.3f}' for t in times)})"
    )
    return result, times[best]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("matrix", help="file written by the Swift benchmark (MISSIONMATCH_SVD_DUMP)")
    parser.add_argument("--rank", type=int, default=256)
    parser.add_argument("--oversamples", type=int, default=10)
    parser.add_argument("--n-iter", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    X = load(args.matrix)
    print(f"matrix: {X.shape[0]} x {X.shape[1]}, {X.nnz} non-zeros ({100 * X.nnz / (X.shape[0] * X.shape[1]):.3f} %), {X.dtype}")
    print(f"numpy {np.__version__}, scipy {scipy.__version__}, scikit-learn {sklearn.__version__}")
    for line in blas_summary():
        print(f"BLAS: {line}")
    print(f"rank {args.rank}, n_oversamples {args.oversamples}, n_iter {args.n_iter}")

    (_, s, _), core = timed(
        "randomized_svd",
        args.repeat,
        lambda: randomized_svd(
            X, args.rank, n_oversamples=args.oversamples, n_iter=args.n_iter, random_state=args.seed
        ),
    )
    print(f"  sigma_1 {s[0]:.5f}, sigma_{args.rank} {s[-1]:.5f}, sum sigma^2 {float(np.sum(s.astype(np.float64) ** 2)):.4f}")
    _, full = timed(
        'TruncatedSVD(algorithm="randomized").fit',
        args.repeat,
        lambda: TruncatedSVD(
            args.rank,
            algorithm="randomized",
            n_iter=args.n_iter,
            n_oversamples=args.oversamples,
            random_state=args.seed,
        ).fit(X),
    )
    print(f"sklearn_randomized_svd_seconds={core:.3f}")
    print(f"sklearn_truncated_svd_fit_seconds={full:.3f}")


if __name__ == "__main__":
    main()
