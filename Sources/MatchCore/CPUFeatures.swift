import Foundation

/// What the processor can do, as far as BLAS speed is concerned.
///
/// Read from `/proc/cpuinfo` on Linux; elsewhere (or when unreadable) the
/// fields are empty and ``vectorLevel`` is ``VectorLevel/unknown``.
public struct CPUFeatures: Sendable, Codable, Equatable {
    /// The model name, e.g. `Intel(R) Xeon(R) Processor`.
    public var modelName: String
    /// The instruction-set flags the kernel reports (`avx2`, `avx512f`, …), sorted.
    public var flags: [String]
    /// Online logical processors.
    public var logicalCores: Int
    /// The clock used for the nominal peak, in GHz (the maximum frequency
    /// when the system reports it, else the current one).
    public var nominalGHz: Double

    /// Creates a description from its parts (for tests and other platforms).
    public init(modelName: String, flags: some Sequence<String>, logicalCores: Int, nominalGHz: Double) {
        self.modelName = modelName
        self.flags = Set(flags).sorted()
        self.logicalCores = logicalCores
        self.nominalGHz = nominalGHz
    }

    /// The widest vector instruction set usable for single-precision GEMM.
    public enum VectorLevel: Int, Sendable, Codable, Comparable {
        /// Not known (no `/proc/cpuinfo`).
        case unknown = -1
        /// SSE only.
        case sse = 0
        /// AVX (256-bit, no FMA).
        case avx = 1
        /// AVX2 with FMA.
        case avx2 = 2
        /// AVX-512 (F, CD, BW, DQ, VL).
        case avx512 = 3

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

        /// Single-precision flops per cycle per core with two FMA units.
        public var flopsPerCycle: Double {
            switch self {
            case .avx512: return 64
            case .avx2: return 32
            case .avx: return 16
            case .sse: return 8
            case .unknown: return 0
            }
        }
    }

    /// The widest vector level the flags allow.
    public var vectorLevel: VectorLevel {
        if flags.isEmpty { return .unknown }
        let flags = Set(self.flags)
        if ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"].allSatisfy(flags.contains) { return .avx512 }
        if flags.contains("avx2") && flags.contains("fma") { return .avx2 }
        if flags.contains("avx") { return .avx }
        return .sse
    }

    /// The nominal single-precision peak: cores × GHz × flops per cycle.
    public var nominalPeakGFLOPS: Double {
        Double(logicalCores) * nominalGHz * vectorLevel.flopsPerCycle
    }

    /// The processor this process runs on.
    public static func current() -> CPUFeatures {
        let cores = ProcessorCount.active
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else {
            return CPUFeatures(modelName: "", flags: [String](), logicalCores: cores, nominalGHz: 0)
        }
        return parse(cpuinfo: text, logicalCores: cores, maxFrequencyKHz: maximumFrequencyKHz())
    }

    /// Parses the text of `/proc/cpuinfo` (the first processor's entry).
    ///
    /// - Parameters:
    ///   - cpuinfo: The file's text.
    ///   - logicalCores: Online processors.
    ///   - maxFrequencyKHz: `cpuinfo_max_freq` from sysfs, when available;
    ///     preferred over the current `cpu MHz`.
    public static func parse(cpuinfo: String, logicalCores: Int, maxFrequencyKHz: Double? = nil) -> CPUFeatures {
        var model = "", flags: [String] = [], mhz = 0.0
        for line in cpuinfo.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty, !flags.isEmpty { break } // end of the first processor
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "model name": model = value
            case "flags": flags = value.split(separator: " ").map(String.init)
            case "cpu MHz": mhz = Double(value) ?? 0
            default: break
            }
        }
        let ghz = maxFrequencyKHz.map { $0 / 1_000_000 } ?? mhz / 1000
        return CPUFeatures(modelName: model, flags: flags, logicalCores: logicalCores, nominalGHz: ghz)
    }

    private static func maximumFrequencyKHz() -> Double? {
        let path = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
