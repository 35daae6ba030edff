import Dispatch

/// The randomized truncated singular value decomposition of a sparse matrix
/// (Halko, Martinsson & Tropp 2011, Algorithm 4.4: randomized subspace
/// iteration), deterministic for a given seed.
///
/// For a `rows × columns` matrix A, rank *r*, oversampling *p* and *q* power
/// iterations, with *l* = *r* + *p*:
///
/// 1. Ω: a `columns × l` Gaussian test matrix drawn from ``seed``.
/// 2. Q ← orth(A · Ω); then *q* times: Q̃ ← orth(Aᵀ · Q), Q ← orth(A · Q̃).
/// 3. B = Qᵀ · A (`l × columns`), computed as (Aᵀ · Q)ᵀ, and its thin SVD
///    B = Û · diag(σ) · Vᵀ (LAPACK's `sgesdd`, see below).
/// 4. U = Q · Û; the first *r* components are returned.
///
/// Orthonormalisation ("orth") is Cholesky-QR — the Gram matrix YᵀY by
/// `cblas_ssyrk`, its Cholesky factor R by `spotrf`, R⁻¹ by `strtri`,
/// Y ← Y · R⁻¹ by `cblas_strmm` — once between power iterations (where only
/// the spanned subspace matters) and twice (CholeskyQR2) for the final basis.
/// When the Cholesky factorisation fails or R is too ill-conditioned for
/// single precision (rank-deficient or strongly graded Y), it falls back to
/// Householder QR (`sgeqrf`/`sorgqr`). Step 3 likewise factors Bᵀ by
/// CholeskyQR2, Bᵀ = Q_b·R_b, so that `sgesdd` only sees the *l* × *l*
/// matrix R_bᵀ (falling back to `sgesdd` of B when Bᵀ is ill-conditioned).
/// Everything works on row-major buffers with row-major BLAS calls; nothing
/// is transposed on the hot path.
///
/// The sparse products run on all cores (see ``CSRMatrix/multiplied(by:)``);
/// the Gaussian matrix is drawn in fixed blocks, each from its own stream of
/// ``SeededRandomNumberGenerator``. The same matrix, configuration and BLAS
/// therefore give the same bytes on every run.
///
/// ```swift
/// var tfidf = CSRMatrix(rows: documents, columns: terms, entries: weights)
/// tfidf.normalizeRows()
/// let svd = try RandomizedSVD(rank: 256, seed: 42).decompose(tfidf)
/// let documentVectors = svd.leftSingularVectors      // documents × 256
/// ```
///
/// When only Σ and V are needed (a latent space that projects documents as
/// A · V), ``rightFactors(of:)`` is cheaper: with more rows than columns it
/// iterates on the column side and never forms U.
///
/// Accuracy: with a spectrum that decays, 2–4 power iterations bring the
/// error ‖A − U·diag(σ)·Vᵀ‖_F within a few per cent of the optimal rank-*r*
/// error; more iterations help flat spectra.
public struct RandomizedSVD: Sendable, Hashable {
    /// The number of components *r* wanted. The result has
    /// min(*r*, `rows`, `columns`) components.
    public var rank: Int
    /// Extra random directions *p* sampled beyond the rank (default 10); the
    /// sample size *l* = *r* + *p* is clamped to min(`rows`, `columns`).
    public var oversampling: Int
    /// Power (subspace) iterations *q* (default 4); each costs one product
    /// with A and one with Aᵀ. scikit-learn's `n_iter`.
    public var powerIterations: Int
    /// The seed of the Gaussian test matrix.
    public var seed: UInt64

    /// Creates a configuration.
    ///
    /// ```swift
    /// let lsa = RandomizedSVD(rank: 256, oversampling: 10, powerIterations: 4, seed: 7)
    /// ```
    ///
    /// - Parameters:
    ///   - rank: Components wanted, ≥ 0.
    ///   - oversampling: Extra sampled directions, ≥ 0 (default 10).
    ///   - powerIterations: Subspace iterations, ≥ 0 (default 4).
    ///   - seed: Seed of the Gaussian test matrix (default 0).
    public init(rank: Int, oversampling: Int = 10, powerIterations: Int = 4, seed: UInt64 = 0) {
        precondition(rank >= 0, "RandomizedSVD rank must be non-negative")
        precondition(oversampling >= 0, "RandomizedSVD oversampling must be non-negative")
        precondition(powerIterations >= 0, "RandomizedSVD power iterations must be non-negative")
        self.rank = rank
        self.oversampling = oversampling
        self.powerIterations = powerIterations
        self.seed = seed
    }

    /// Computes the rank-*r* truncated SVD of `matrix`.
    ///
    /// Degenerate inputs do not trap: a rank above min(`rows`, `columns`)
    /// is clamped to it; an empty matrix (or rank 0) gives zero components
    /// (`rows × 0` and `columns × 0` factors); an all-zero matrix gives
    /// singular values 0 with orthonormal, otherwise arbitrary, factors.
    ///
    /// ```swift
    /// let svd = try RandomizedSVD(rank: 64, seed: 1).decompose(matrix)
    /// ```
    ///
    /// - Parameter matrix: The matrix A; its values must be finite.
    /// - Returns: U (`rows × r`), σ (descending) and V (`columns × r`) with
    ///   r = min(``rank``, `rows`, `columns`).
    /// - Throws: `LinearAlgebraError` when a LAPACK routine (`spotrf`,
    ///   `strtri`, `sgeqrf`, `sorgqr`, `sgesdd`) reports an error.
    /// - Precondition: every stored value of `matrix` is finite.
    /// - Complexity: O((*q* + 1) · (`nonzeroCount` · *l* + (`rows` +
    ///   `columns`) · *l*²)) with *l* = min(*r* + *p*, `rows`, `columns`):
    ///   2*q* + 2 sparse products (with A and with Aᵀ, built once in
    ///   O(`nonzeroCount`)), 2*q* + 2 Cholesky-QR factorisations of
    ///   `rows × l` or `columns × l` matrices, and the SVD of an *l* × *l*
    ///   matrix. Memory: O(`nonzeroCount` + (`rows` + `columns`) · *l*).
    public func decompose(_ matrix: CSRMatrix) throws -> TruncatedSVD {
        // One BLAS thread per call: OpenBLAS splits a product differently on 1 and 2
        // threads and the last bits differ, so the vectors (and every score and
        // reason after them) would depend on OPENBLAS_NUM_THREADS and the core count.
        try BLASThreading.withSingleThreadedBLAS { try decomposeWithStableThreads(matrix, left: true) }
    }

    /// The singular values and right singular vectors of `matrix` alone — what
    /// a latent semantic space needs to project documents (`A · V`) — without
    /// the left singular vectors, and cheaper than ``decompose(_:)`` when
    /// `matrix` has at least as many rows as columns.
    ///
    /// With more rows than columns (m ≥ n: more documents than features), the
    /// subspace iteration runs on the column side, where every dense block
    /// is n × l instead of m × l: Z ← orth(Aᵀ · (A · Z)), from Z = Ω, *q* + 1
    /// times (CholeskyQR2 the last time), then the *l* × *l* matrix
    /// G = Zᵀ · Aᵀ · A · Z and its eigenvectors W (LAPACK's `sgesdd` of G,
    /// symmetric and positive semidefinite): σ = √λ(G), V = Z · W. Its
    /// span is the span ``decompose(_:)`` reaches with the same Ω and *q*,
    /// (AᵀA)^(q+1) · Ω, without its m × l orthonormalisations and U = Q · Û.
    /// A σ computed this way is accurate to about ε·σ₁²/σ rather than ε·σ₁
    /// (ε = 2⁻²⁴); V is orthonormal to single precision. With fewer rows
    /// than columns it is ``decompose(_:)`` without U: the same bytes for Σ and V.
    ///
    /// Deterministic as ``decompose(_:)``: the sparse products run on all
    /// cores, each row computed alone; every dense call runs BLAS on one thread.
    ///
    /// ```swift
    /// let space = try RandomizedSVD(rank: 256, powerIterations: 2, seed: 2019).rightFactors(of: tfidf)
    /// let documentVectors = tfidf.multiplied(by: space.vectors)   // documents × 256
    /// ```
    ///
    /// - Returns: min(*r*, rows, columns) singular values, largest first, and
    ///   the `columns × r` right singular vectors, each with its entry of
    ///   largest magnitude positive.
    /// - Throws: `LinearAlgebraError` when LAPACK reports an error.
    /// - Complexity: (2q + 4) sparse products of width l (2q + 2 for m < n) and
    ///   O(min(m, n) · l²) dense work, for l = r + oversampling.
    public func rightFactors(of matrix: CSRMatrix) throws -> RightSingularFactors {
        try BLASThreading.withSingleThreadedBLAS {
            if matrix.rows >= matrix.columns { return try rightFactorsByColumnIteration(matrix) }
            let svd = try decomposeWithStableThreads(matrix, left: false)
            return RightSingularFactors(singularValues: svd.singularValues, vectors: svd.rightSingularVectors)
        }
    }

    private func rightFactorsByColumnIteration(_ matrix: CSRMatrix) throws -> RightSingularFactors {
        precondition(matrix.values.allSatisfy(\.isFinite), "RandomizedSVD needs finite matrix values")
        let m = matrix.rows, n = matrix.columns
        let r = min(rank, m, n)
        guard r > 0 else { return RightSingularFactors(singularValues: [], vectors: Matrix(rows: n, columns: 0)) }
        let l = min(r + oversampling, m, n)
        let transpose = matrix.transposed()
        var workspace = Orthonormalizer(columns: l)
        var z = testMatrix(columns: n, l: l)
        var y = [Float](repeating: 0, count: m * l)
        // Z ← Aᵀ · (A · Z): the product of Aᵀ·A with Z, both sparse products on all cores.
        func applyGram() {
            z.withUnsafeBufferPointer { q in
                y.withUnsafeMutableBufferPointer { matrix.multiply(dense: q.baseAddress, width: l, into: $0.baseAddress) }
            }
            y.withUnsafeBufferPointer { q in
                z.withUnsafeMutableBufferPointer { transpose.multiply(dense: q.baseAddress, width: l, into: $0.baseAddress) }
            }
        }
        for iteration in 0...powerIterations {
            applyGram()
            try workspace.orthonormalize(&z, rows: n, passes: iteration == powerIterations ? 2 : 1)
        }
        // G = Zᵀ · (Aᵀ · A · Z), symmetric l × l; its eigenvalues are the σ².
        let basis = z
        applyGram()
        y = []
        var gram = [Float](repeating: 0, count: l * l)
        basis.withUnsafeBufferPointer { q in
            z.withUnsafeBufferPointer { product in
                gram.withUnsafeMutableBufferPointer { g in
                    LinearAlgebra.gemm(transposeA: true, transposeB: false, m: l, n: l, k: n,
                                       alpha: 1, a: q.baseAddress, lda: l, b: product.baseAddress, ldb: l,
                                       beta: 0, c: g.baseAddress, ldc: l)
                }
            }
        }
        for i in 0..<l {  // the mean of G and Gᵀ: exactly symmetric
            for j in (i + 1)..<l {
                let mean = (gram[i * l + j] + gram[j * l + i]) / 2
                gram[i * l + j] = mean
                gram[j * l + i] = mean
            }
        }
        let eigen = try LinearAlgebra.svd(&gram, rows: l, columns: l)
        // eigen.u is column-major W: read row-major it is Wᵀ, whose first r rows are the wanted components.
        var v = Self.leading(r, of: basis, rows: n, l: l, times: eigen.u, readAsTranspose: true)
        var none = Matrix(rows: 0, columns: r)
        Self.normalizeSigns(u: &none, v: &v)
        return RightSingularFactors(singularValues: eigen.s.prefix(r).map { $0.squareRoot() }, vectors: v)
    }

    /// Ω, the `columns × l` Gaussian test matrix drawn from ``seed`` (row-major):
    /// the same for ``decompose(_:)`` and ``rightFactors(of:)``.
    private func testMatrix(columns n: Int, l: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: n * l) { buffer, initialized in
            Self.fillStandardNormal(buffer, seed: seed)
            initialized = n * l
        }
    }

    private func decomposeWithStableThreads(_ matrix: CSRMatrix, left: Bool) throws -> TruncatedSVD {
        precondition(matrix.values.allSatisfy(\.isFinite), "RandomizedSVD needs finite matrix values")
        let m = matrix.rows, n = matrix.columns
        let r = min(rank, m, n)
        guard r > 0 else {
            return TruncatedSVD(leftSingularVectors: Matrix(rows: m, columns: 0),
                                singularValues: [],
                                rightSingularVectors: Matrix(rows: n, columns: 0))
        }
        let l = min(r + oversampling, m, n)
        let transpose = matrix.transposed()
        var workspace = Orthonormalizer(columns: l)

        // Ω, then Y = A·Ω (rows × l).
        var z = testMatrix(columns: n, l: l)
        var y = [Float](unsafeUninitializedCapacity: m * l) { buffer, initialized in
            z.withUnsafeBufferPointer { matrix.multiply(dense: $0.baseAddress, width: l, into: buffer.baseAddress) }
            initialized = m * l
        }
        try workspace.orthonormalize(&y, rows: m, passes: powerIterations == 0 ? 2 : 1)
        for iteration in 0..<powerIterations {
            y.withUnsafeBufferPointer { q in
                z.withUnsafeMutableBufferPointer { transpose.multiply(dense: q.baseAddress, width: l, into: $0.baseAddress) }
            }
            try workspace.orthonormalize(&z, rows: n, passes: 1)
            z.withUnsafeBufferPointer { q in
                y.withUnsafeMutableBufferPointer { matrix.multiply(dense: q.baseAddress, width: l, into: $0.baseAddress) }
            }
            try workspace.orthonormalize(&y, rows: m, passes: iteration == powerIterations - 1 ? 2 : 1)
        }

        // Bᵀ = Aᵀ·Q (row-major columns × l), B = Qᵀ·A.
        y.withUnsafeBufferPointer { q in
            z.withUnsafeMutableBufferPointer { transpose.multiply(dense: q.baseAddress, width: l, into: $0.baseAddress) }
        }
        let uHat: [Float], singularValues: [Float]
        var v: Matrix
        if let rB = try workspace.factorize(&z, rows: n) {
            (uHat, singularValues, v) = try Self.smallSVD(orthonormal: z, triangular: rB, rows: n, l: l, rank: r)
        } else {
            // Bᵀ too ill-conditioned for Cholesky-QR: recompute it and take
            // the SVD of B directly.
            y.withUnsafeBufferPointer { q in
                z.withUnsafeMutableBufferPointer { transpose.multiply(dense: q.baseAddress, width: l, into: $0.baseAddress) }
            }
            (uHat, singularValues, v) = try Self.directSVD(transposedB: &z, columns: n, l: l, rank: r)
        }
        z = []

        // U = Q·Û[:, :r]. Û is column-major l × l: read row-major it is Ûᵀ,
        // whose first r rows are the wanted components.
        var u = left ? Self.leading(r, of: y, rows: m, l: l, times: uHat, readAsTranspose: true) : Matrix(rows: 0, columns: r)
        Self.normalizeSigns(u: &u, v: &v)
        return TruncatedSVD(leftSingularVectors: u, singularValues: singularValues, rightSingularVectors: v)
    }
}

// MARK: - Steps

extension RandomizedSVD {
    /// Q · W[:, :r] (`rows × r`) for the row-major `rows × l` Q and an l × l
    /// W held row-major, or (`readAsTranspose`) column-major as LAPACK
    /// returns it, whose row-major reading is Wᵀ. One `cblas_sgemm` call.
    static func leading(_ r: Int, of q: [Float], rows: Int, l: Int, times w: [Float], readAsTranspose: Bool) -> Matrix {
        var product = Matrix(rows: rows, columns: r)
        q.withUnsafeBufferPointer { q in
            w.withUnsafeBufferPointer { w in
                product.withUnsafeMutableBufferPointer { out in
                    LinearAlgebra.gemm(transposeA: false, transposeB: readAsTranspose, m: rows, n: r, k: l,
                                       alpha: 1, a: q.baseAddress, lda: l, b: w.baseAddress, ldb: l,
                                       beta: 0, c: out.baseAddress, ldc: r)
                }
            }
        }
        return product
    }

    /// The SVD of B = Qᵀ·A from the CholeskyQR2 factors of Bᵀ = Q_b·R_b:
    /// with R_bᵀ = Û·Σ·Wᵀ (`sgesdd` of an l × l matrix), B = Û·Σ·(Q_b·W)ᵀ.
    ///
    /// Single-precision accurate like `sgesdd` of B itself (CholeskyQR2 is
    /// backward stable when it succeeds), at a fraction of the cost: the
    /// l × `columns` SVD becomes BLAS-3 work plus an l × l SVD.
    ///
    /// - Returns: Û (column-major l × l), the first `rank` singular values,
    ///   and V = Q_b·W[:, :rank] (`columns × rank`).
    static func smallSVD(orthonormal qB: [Float], triangular rB: [Float], rows n: Int, l: Int, rank r: Int)
        throws -> ([Float], [Float], Matrix)
    {
        // Row-major R_b is column-major R_bᵀ.
        var triangular = rB
        let small = try LinearAlgebra.svd(&triangular, rows: l, columns: l)
        // small.vt is column-major Wᵀ: read row-major it is W (l × l).
        let v = leading(r, of: qB, rows: n, l: l, times: small.vt, readAsTranspose: false)
        return (small.u, Array(small.s.prefix(r)), v)
    }

    /// The SVD of B by `sgesdd` on B itself: the row-major `columns × l`
    /// buffer Bᵀ is B in column-major order (destroyed).
    ///
    /// - Returns: Û (column-major l × l), the first `rank` singular values,
    ///   and V[:, :rank] (`columns × rank`).
    static func directSVD(transposedB: inout [Float], columns n: Int, l: Int, rank r: Int)
        throws -> ([Float], [Float], Matrix)
    {
        let small = try LinearAlgebra.svd(&transposedB, rows: l, columns: n)
        // Vᵀ is column-major l × columns: read row-major it is V (columns × l).
        var v = Matrix(rows: n, columns: r)
        small.vt.withUnsafeBufferPointer { vt in
            v.withUnsafeMutableBufferPointer { out in
                for j in 0..<n {
                    for c in 0..<r { out[j * r + c] = vt[j * l + c] }
                }
            }
        }
        return (small.u, Array(small.s.prefix(r)), v)
    }

    /// Elements per block of the Gaussian test matrix; block *b* is drawn
    /// from stream *b* of the seed, whatever thread draws it.
    static let gaussianBlockSize = 1 << 14

    /// Fills `buffer` with N(0, 1) samples from `seed`, in parallel blocks.
    static func fillStandardNormal(_ buffer: UnsafeMutableBufferPointer<Float>, seed: UInt64) {
        guard let base = buffer.baseAddress else { return }
        let count = buffer.count
        let blocks = (count + gaussianBlockSize - 1) / gaussianBlockSize
        nonisolated(unsafe) let output = base
        let body: @Sendable (Int) -> Void = { block in
            var generator = SeededRandomNumberGenerator(seed: seed, stream: UInt64(block))
            let start = block * gaussianBlockSize
            let end = min(start + gaussianBlockSize, count)
            var i = start
            while i < end {
                let (first, second) = generator.nextStandardNormalPair()
                output[i] = Float(first)
                if i + 1 < end { output[i + 1] = Float(second) }
                i += 2
            }
        }
        if blocks <= 1 {
            if blocks == 1 { body(0) }
        } else {
            DispatchQueue.concurrentPerform(iterations: blocks, execute: body)
        }
    }

    /// Makes the entry of largest magnitude of each column of `v` positive
    /// (the first one on ties), flipping the matching column of `u`, so that
    /// the signs of the components do not depend on LAPACK's choices.
    static func normalizeSigns(u: inout Matrix, v: inout Matrix) {
        let r = v.columns
        guard r > 0 else { return }
        var largest = [Float](repeating: 0, count: r)
        var flip = [Bool](repeating: false, count: r)
        v.withUnsafeBufferPointer { v in
            for j in 0..<(v.count / r) {
                for c in 0..<r {
                    let value = v[j * r + c]
                    if abs(value) > largest[c] {
                        largest[c] = abs(value)
                        flip[c] = value < 0
                    }
                }
            }
        }
        guard flip.contains(true) else { return }
        v.withUnsafeMutableBufferPointer { negateColumns($0, where: flip) }
        u.withUnsafeMutableBufferPointer { negateColumns($0, where: flip) }
    }

    /// Negates the columns `c` with `flip[c]` of a row-major buffer with
    /// `flip.count` columns.
    private static func negateColumns(_ buffer: UnsafeMutableBufferPointer<Float>, where flip: [Bool]) {
        let r = flip.count
        for i in 0..<(buffer.count / r) {
            for c in 0..<r where flip[c] { buffer[i * r + c] = -buffer[i * r + c] }
        }
    }
}

/// Orthonormalises the columns of tall row-major `rows × l` matrices in
/// place, reusing its `l × l` buffers: Cholesky-QR — the Gram matrix by
/// `cblas_ssyrk`, its Cholesky factor R by `spotrf`, R⁻¹ by `strtri`, then
/// Y ← Y·R⁻¹ by `cblas_strmm` (all BLAS-3, no transposition) — with a
/// Householder fallback (`sgeqrf`/`sorgqr`) when the Gram matrix is not
/// safely positive definite.
struct Orthonormalizer {
    let columns: Int
    /// The Gram matrix, then its Cholesky factor R (upper triangle).
    private var factor: [Float]
    /// R⁻¹ (upper triangle).
    private var inverse: [Float]

    /// The smallest ratio of R's diagonal entries, min/max, for which a
    /// Cholesky-QR pass is trusted. The ratio bounds 1/κ(Y) from above; the
    /// Gram matrix squares κ, and single precision keeps about 7 digits, so
    /// beyond κ ≈ 10³ a pass could lose part of the subspace.
    static let minimumDiagonalRatio: Float = 1e-3

    init(columns: Int) {
        self.columns = columns
        self.factor = [Float](repeating: 0, count: columns * columns)
        self.inverse = [Float](repeating: 0, count: columns * columns)
    }

    /// Replaces the columns of `y` by an orthonormal basis of their span.
    ///
    /// - Parameters:
    ///   - y: A row-major `rows × columns` matrix, rows ≥ columns.
    ///   - passes: Cholesky-QR passes: 1 gives a well-conditioned basis of
    ///     the same span, 2 (CholeskyQR2) one orthonormal to working precision.
    mutating func orthonormalize(_ y: inout [Float], rows: Int, passes: Int) throws {
        precondition(rows >= columns && y.count == rows * columns, "Orthonormalizer: shape mismatch")
        for _ in 0..<passes {
            guard try choleskyPass(&y, rows: rows) else {
                try Self.householder(&y, rows: rows, columns: columns)
                return
            }
        }
    }

    /// CholeskyQR2 keeping the triangular factor: on success `y` holds Q
    /// with orthonormal columns and the result is the row-major upper
    /// triangular `columns × columns` R (zero below the diagonal) with
    /// Y = Q·R. Returns `nil` when Y is too ill-conditioned; `y` is then
    /// unspecified.
    mutating func factorize(_ y: inout [Float], rows: Int) throws -> [Float]? {
        precondition(rows >= columns && y.count == rows * columns, "Orthonormalizer: shape mismatch")
        guard try choleskyPass(&y, rows: rows) else { return nil }
        let first = upperFactor()
        guard try choleskyPass(&y, rows: rows) else { return nil }
        let second = upperFactor()
        // R = R₂·R₁ (calls `cblas_sgemm`).
        let r = Matrix(rows: columns, columns: columns, elements: second)
            .multiplied(by: Matrix(rows: columns, columns: columns, elements: first))
        return r.elements
    }

    /// The Cholesky factor of the last pass, strict lower triangle zeroed.
    private func upperFactor() -> [Float] {
        var r = factor
        for i in 0..<columns {
            for j in 0..<i { r[i * columns + j] = 0 }
        }
        return r
    }

    /// One Cholesky-QR pass; `false` (and `y` untouched) when the Gram
    /// matrix is not safely positive definite.
    private mutating func choleskyPass(_ y: inout [Float], rows: Int) throws -> Bool {
        let l = columns
        let succeeded = try y.withUnsafeBufferPointer { y in
            try factor.withUnsafeMutableBufferPointer { g in
                LinearAlgebra.gramUpper(n: l, k: rows, alpha: 1, a: y.baseAddress, lda: l,
                                        beta: 0, c: g.baseAddress, ldc: l)
                guard let base = g.baseAddress, try LinearAlgebra.choleskyFactorUpper(base, order: l) else {
                    return false
                }
                var smallest = Float.infinity, largest: Float = 0
                for i in 0..<l {
                    let d = g[i * l + i]
                    guard d.isFinite, d > 0 else { return false }
                    smallest = min(smallest, d)
                    largest = max(largest, d)
                }
                return smallest >= largest * Self.minimumDiagonalRatio
            }
        }
        guard succeeded else { return false }
        try inverse.withUnsafeMutableBufferPointer { inverse in
            try factor.withUnsafeBufferPointer { factor in
                guard let target = inverse.baseAddress, let source = factor.baseAddress else { return }
                target.update(from: source, count: l * l)
                try LinearAlgebra.invertUpperTriangular(target, order: l)
            }
        }
        inverse.withUnsafeBufferPointer { inverse in
            y.withUnsafeMutableBufferPointer { y in
                LinearAlgebra.multiplyRightUpperTriangularByRowBlocks(m: rows, n: l, t: inverse.baseAddress, ldt: l,
                                                                      b: y.baseAddress, ldb: l)
            }
        }
        return true
    }

    /// Householder orthonormalisation of a row-major matrix: transposed to
    /// LAPACK's column-major order, `sgeqrf` + `sorgqr`, transposed back.
    /// The slow, unconditionally stable path.
    @inline(never)
    static func householder(_ y: inout [Float], rows: Int, columns: Int) throws {
        var columnMajor = Matrix(rows: rows, columns: columns, elements: y).transposed().elements
        try LinearAlgebra.orthonormalizeColumns(&columnMajor, rows: rows, columns: columns)
        y = Matrix(rows: columns, columns: rows, elements: columnMajor).transposed().elements
    }
}
