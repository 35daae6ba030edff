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
    /// The clock the system reports, in GHz (the maximum frequency when the
    /// system reports it, else the current one). Virtual machines often
    /// report only the base clock; see ``measuredClockGHz()``.
    public var nominalGHz: Double
    /// The vendor, `vendor_id` in `/proc/cpuinfo`: `GenuineIntel`,
    /// `AuthenticAMD`, …; `nil` when not reported.
    public var vendorID: String?
    /// The processor family, `cpu family` in `/proc/cpuinfo` (decimal there:
    /// 25 is AMD's family 0x19); `nil` when not reported.
    public var family: Int?
    /// The model number within the family, `model` in `/proc/cpuinfo`
    /// (17 = 0x11 is Zen 4 "Genoa" in AMD's family 0x19); `nil` when not reported.
    public var model: Int?

    /// Creates a description from its parts (for tests and other platforms).
    public init(modelName: String, flags: some Sequence<String>, logicalCores: Int, nominalGHz: Double,
                vendorID: String? = nil, family: Int? = nil, model: Int? = nil) {
        self.modelName = modelName
        self.flags = Set(flags).sorted()
        self.logicalCores = logicalCores
        self.nominalGHz = nominalGHz
        self.vendorID = vendorID
        self.family = family
        self.model = model
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

        /// Orders the levels from narrowest to widest.
        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

        /// Single-precision flops per cycle per core with two FMA units of
        /// the full vector width (Intel's cores). AMD's Zen cores up to Zen 4
        /// have narrower units: see ``CPUFeatures/flopsPerCycle``.
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

    /// The AMD Zen generation, from vendor, family and model: 1 for Zen and
    /// Zen+ (family 0x17, model below 0x30), 2 for Zen 2 (family 0x17 from
    /// model 0x30), 3 or 4 for family 0x19 (4 when the AVX-512 flags are
    /// present: Zen 3 has none), 5 for family 0x1A; `nil` for any other
    /// processor.
    public var zenGeneration: Int? {
        guard vendorID == "AuthenticAMD", let family else { return nil }
        switch family {
        case 0x17: return (model ?? 0) < 0x30 ? 1 : 2
        case 0x19: return vectorLevel == .avx512 ? 4 : 3
        case 0x1A: return 5
        default: return nil
        }
    }

    /// Whether this is an AMD Zen 4 (AuthenticAMD, family 0x19, AVX-512).
    public var isZen4: Bool { zenGeneration == 4 }

    /// Single-precision flops per cycle per core: the vector level's
    /// (``VectorLevel/flopsPerCycle``), except on AMD cores whose FMA units
    /// are narrower than their instruction set. Zen and Zen+ execute AVX2
    /// through two 128-bit FMA pipes (16); Zen 2 and Zen 3 have two 256-bit
    /// pipes (32), and so does Zen 4, which runs each 512-bit instruction
    /// through them in two halves (32, not AVX-512's 64). Zen 5 has
    /// full-width AVX-512 on server parts and is left to the vector level.
    public var flopsPerCycle: Double {
        let vector = vectorLevel.flopsPerCycle
        switch zenGeneration {
        case 1: return min(vector, 16)
        case 2, 3, 4: return min(vector, 32)
        default: return vector
        }
    }

    /// The single-precision peak at a given clock: cores × `ghz` × ``flopsPerCycle``.
    public func peakGFLOPS(ghz: Double) -> Double {
        Double(logicalCores) * ghz * flopsPerCycle
    }

    /// The nominal single-precision peak at the reported clock:
    /// cores × ``nominalGHz`` × ``flopsPerCycle``. `missionmatch doctor`
    /// compares with ``BLASReport/peak``, which also uses the measured clock.
    public var nominalPeakGFLOPS: Double {
        peakGFLOPS(ghz: nominalGHz)
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
        var vendor: String?, family: Int?, modelNumber: Int?
        for line in cpuinfo.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty, !flags.isEmpty { break } // end of the first processor
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "model name": model = value
            case "flags": flags = value.split(separator: " ").map(String.init)
            case "cpu MHz": mhz = Double(value) ?? 0
            case "vendor_id": vendor = value.isEmpty ? nil : value
            case "cpu family": family = Int(value)
            case "model": modelNumber = Int(value)
            default: break
            }
        }
        let ghz = maxFrequencyKHz.map { $0 / 1_000_000 } ?? mhz / 1000
        return CPUFeatures(modelName: model, flags: flags, logicalCores: logicalCores, nominalGHz: ghz,
                           vendorID: vendor, family: family, model: modelNumber)
    }

    private static func maximumFrequencyKHz() -> Double? {
        let path = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

// MARK: - The measured clock

extension CPUFeatures {
    /// The clock the calling core runs at, in GHz, measured; `nil` off
    /// x86-64 or when the result is implausible (above 10 GHz).
    ///
    /// Virtual machines report only the base clock in `/proc/cpuinfo` (2.6 GHz
    /// on an EPYC Zen 4 whose cores boost to about 3.7 GHz, where `doctor`
    /// measured 200–212 GFLOPS, more than the 166 of a peak at 2.6 GHz), and
    /// the time-stamp counter ticks at that base rate too. So this times a
    /// chain of dependent steps `x = x·x + c` of known latency — `imul` 3
    /// cycles plus `add` 1 on every x86-64 since Nehalem and Zen — and
    /// divides: best of five runs of 2²² steps (about 5 ms each) after one
    /// warm-up. It measures the scalar clock under a single-threaded load,
    /// which is what turbo gives one busy core; heavy AVX-512 code may run
    /// slower on some Intel processors.
    ///
    /// The chain squares its state rather than multiplying by a constant:
    /// LLVM rewrites eight steps of a constant-multiplier LCG
    /// (`x = x·a + c`) into one multiply by a⁸, which would double-count
    /// the clock; a square cannot be folded that way (the optimised loop is
    /// sixteen `imul`/`add` pairs on one register). In unoptimised (debug)
    /// builds the state passes through memory once per sixteen steps, which
    /// makes the result a few percent low.
    public static func measuredClockGHz() -> Double? {
        #if arch(x86_64)
        let steps = 1 << 22
        let clock = ContinuousClock()
        var best = Double.infinity
        var sink: UInt64 = 0
        for attempt in 0..<6 {
            let start = clock.now
            sink ^= dependentChain(steps: steps, seed: UInt64(attempt) &+ 3)
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if attempt > 0 { best = min(best, seconds) } // the first run warms the core up
        }
        // Uses the chains' results (never 0 for these seeds), so that they cannot be optimised away.
        guard sink != 0, best.isFinite, best > 0 else { return nil }
        let ghz = Double(steps) * cyclesPerStep / best / 1e9
        return ghz <= 10 ? ghz : nil
        #else
        return nil
        #endif
    }

    /// Cycles one step of ``dependentChain(steps:seed:)`` takes: `imul r64`
    /// (3) then `add` (1), each waiting for the previous result.
    static let cyclesPerStep = 4.0

    /// Runs `steps` (rounded up to a multiple of 16) dependent steps
    /// `x = x·x + c` from `seed` and returns `x`.
    @inline(never)
    static func dependentChain(steps: Int, seed: UInt64) -> UInt64 {
        let c: UInt64 = 1_442_695_040_888_963_407
        var x = seed
        var remaining = steps
        while remaining > 0 { // sixteen steps written out, so that debug builds keep them in registers too
            x = x &* x &+ c; x = x &* x &+ c; x = x &* x &+ c; x = x &* x &+ c
            x = x &* x &+ c; x = x &* x &+ c; x = x &* x &+ c; x = x &* x &+ c
            x = x &* x &+ c; x = x &* x &+ c; x = x &* x &+ c; x = x &* x &+ c
            x = x &* x &+ c; x = x &* x &+ c; x = x &* x &+ c; x = x &* x &+ c
            remaining -= 16
        }
        return x
    }
}
