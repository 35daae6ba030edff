import CPairScan

/// The vector code that combines one tile row and flags the columns whose
/// score reaches a threshold (see `CPairScan.h`): the widest variant this
/// processor runs, chosen once per process from `/proc/cpuinfo`.
enum RowFlagger: Sendable, CaseIterable {
    /// Plain C, compiled for the baseline target.
    case portable
    /// 8 lanes.
    case avx2
    /// 16 lanes, masked tails.
    case avx512

    /// The variants this processor runs, narrowest first.
    static let supported: [RowFlagger] = {
        guard mm_has_x86_variants() != 0 else { return [.portable] }
        let flags = Set(CPUFeatures.current().flags)
        return [.portable] + (flags.contains("avx2") ? [.avx2] : []) + (flags.contains("avx512f") ? [.avx512] : [])
    }()

    /// The widest variant the processor runs.
    static var best: RowFlagger { supported.last ?? .portable }

    /// How `doctor` names it.
    var name: String {
        switch self {
        case .portable: "portable C"
        case .avx2: "AVX2"
        case .avx512: "AVX-512"
        }
    }

    /// The code of `mean` for `CPairScan`.
    @inline(__always)
    private static func code(_ mean: ReciprocalMean) -> Int32 {
        switch mean {
        case .arithmetic: 0
        case .geometric: 1
        case .harmonic: 2
        }
    }

    /// Raises `maxima[j]` to the score of column j of one tile row, for
    /// j < n (a NaN score never wins).
    ///
    /// - Complexity: O(n), vectorised.
    @inline(__always)
    func accumulateMaxima(mean: ReciprocalMean, weight: Float, c1: UnsafePointer<Float>, c2: UnsafePointer<Float>,
                          linear: UnsafePointer<Float>?, count n: Int, into maxima: UnsafeMutablePointer<Float>) {
        let code = Self.code(mean)
        switch self {
        case .portable: mm_max_row_portable(code, weight, c1, c2, linear, Int32(n), maxima)
        case .avx2: mm_max_row_avx2(code, weight, c1, c2, linear, Int32(n), maxima)
        case .avx512: mm_max_row_avx512(code, weight, c1, c2, linear, Int32(n), maxima)
        }
    }

    /// Scores columns `start ..< n` of one tile row into `scores` and sets
    /// their bits in `bits` (64 columns a word) when the score reaches
    /// `rowThreshold` or `columnThreshold[j]`. Returns whether any bit is set.
    ///
    /// - Complexity: O(n − start), vectorised.
    @inline(__always)
    func flag(mean: ReciprocalMean, weight: Float, c1: UnsafePointer<Float>, c2: UnsafePointer<Float>,
              linear: UnsafePointer<Float>?, columnThreshold: UnsafePointer<Float>, rowThreshold: Float,
              start: Int, end n: Int, scores: UnsafeMutablePointer<Float>, bits: UnsafeMutablePointer<UInt64>) -> Bool {
        let code = Self.code(mean)
        let any: Int32 = switch self {
        case .portable:
            mm_flag_row_portable(code, weight, c1, c2, linear, columnThreshold, rowThreshold, Int32(start), Int32(n), scores, bits)
        case .avx2:
            mm_flag_row_avx2(code, weight, c1, c2, linear, columnThreshold, rowThreshold, Int32(start), Int32(n), scores, bits)
        case .avx512:
            mm_flag_row_avx512(code, weight, c1, c2, linear, columnThreshold, rowThreshold, Int32(start), Int32(n), scores, bits)
        }
        return any != 0
    }
}
