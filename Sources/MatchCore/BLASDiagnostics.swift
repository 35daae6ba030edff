import Foundation

/// Which BLAS answers this process, how fast it runs, and what to do when it
/// is slow. `missionmatch doctor` prints it.
///
/// ```swift
/// let report = BLASReport.inspect()
/// print(report.implementation, report.measuredGFLOPS, report.warnings)
/// ```
public struct BLASReport: Sendable, Encodable, Equatable {
    /// `OpenBLAS` when OpenBLAS's symbols are present, else `reference or unknown`.
    public var implementation: String
    /// OpenBLAS's build configuration (`openblas_get_config`), if OpenBLAS.
    public var configuration: String?
    /// The kernel family OpenBLAS chose (`openblas_get_corename`), if OpenBLAS.
    public var coreName: String?
    /// Threads BLAS uses per call (1 when unknown).
    public var threads: Int
    /// `OPENBLAS_CORETYPE` as this process sees it, if set.
    public var coreTypeOverride: String?
    /// The processor.
    public var cpu: CPUFeatures
    /// The `sgemm` that was timed: m = n, k.
    public var benchmarkSize: GEMMSize?
    /// Measured `sgemm` speed in GFLOPS (0 when not measured).
    public var measuredGFLOPS: Double
    /// `measuredGFLOPS` as a fraction of ``peak`` (0 when unknown).
    public var fractionOfPeak: Double
    /// What this process did about a slower kernel than the CPU allows (a
    /// misdetected CPU; the Cooperlake kernel on AMD Zen 4), e.g. that it
    /// restarted itself with `OPENBLAS_CORETYPE=SKYLAKEX`.
    public var automaticFix: String?
    /// What is wrong and exactly what to install or set (each warning's
    /// `description` says it in a sentence). Empty when all is well.
    public var warnings: [Warning]
    /// The vector code of the scoring kernel's own combine-and-flag pass
    /// (not BLAS): `AVX-512`, `AVX2` or `portable C`, the widest this
    /// processor runs.
    public var scoringPass: String = RowFlagger.best.name
    /// The clock measured by ``CPUFeatures/measuredClockGHz()`` along with
    /// the `sgemm` (x86-64 only; `nil` when not measured).
    public var measuredGHz: Double?
    /// The single-precision peak ``measuredGFLOPS`` is compared with
    /// (`nil` when not measured or when the vector unit is unknown).
    public var peak: Peak?

    /// A single-precision peak and its factors:
    /// cores × clock × flops per cycle per core.
    public struct Peak: Sendable, Codable, Equatable {
        /// Cores counted: the online logical processors.
        public var cores: Int
        /// The clock, in GHz: the larger of the reported
        /// (``CPUFeatures/nominalGHz``) and the measured one, since virtual
        /// machines report the base clock while their cores boost higher.
        public var ghz: Double
        /// Single-precision flops per cycle per core (``CPUFeatures/flopsPerCycle``).
        public var flopsPerCycle: Double
        /// The peak in GFLOPS: `cores × ghz × flopsPerCycle`.
        public var gflops: Double

        /// The peak of `cpu` at the larger of its reported clock and `measuredGHz`.
        public init(cpu: CPUFeatures, measuredGHz: Double?) {
            cores = cpu.logicalCores
            ghz = max(cpu.nominalGHz, measuredGHz ?? 0)
            flopsPerCycle = cpu.flopsPerCycle
            gflops = cpu.peakGFLOPS(ghz: ghz)
        }
    }

    /// The size of the timed `sgemm`.
    public struct GEMMSize: Sendable, Codable, Equatable {
        /// Rows and columns of the square result.
        public var n: Int
        /// The inner dimension.
        public var k: Int
    }

    /// The kernel family the loaded OpenBLAS chose, or `nil` when OpenBLAS
    /// does not answer. Cheap: no measurement.
    public static var loadedCoreName: String? { OpenBLASRuntime.loaded?.coreName }

    /// Whether OpenBLAS answers.
    public var isOpenBLAS: Bool { implementation == "OpenBLAS" }

    /// Inspects the BLAS that answers in this process.
    ///
    /// - Parameters:
    ///   - measure: Time an `sgemm` (about 0.1 s with an optimised BLAS; up to
    ///     a few seconds with the reference one) and measure the clock
    ///     (``CPUFeatures/measuredClockGHz()``, about 30 ms) for the peak it
    ///     is compared with.
    ///   - environment: The environment to read `OPENBLAS_CORETYPE` and
    ///     `CoreTypeFix.environmentKey` from.
    /// - Returns: The report, warnings included.
    public static func inspect(measure: Bool = true,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> BLASReport {
        let cpu = CPUFeatures.current()
        let openBLAS = OpenBLASRuntime.loaded
        var report = BLASReport(
            implementation: openBLAS == nil ? "reference or unknown" : "OpenBLAS",
            configuration: openBLAS?.configuration,
            coreName: openBLAS?.coreName,
            threads: openBLAS?.threads ?? 1,
            coreTypeOverride: environment["OPENBLAS_CORETYPE"],
            cpu: cpu, benchmarkSize: nil, measuredGFLOPS: 0, fractionOfPeak: 0,
            automaticFix: environment[CoreTypeFix.environmentKey].map {
                "restarted with OPENBLAS_CORETYPE=\(environment["OPENBLAS_CORETYPE"] ?? "?") because OpenBLAS had chosen the \($0) kernel"
                    + (cpu.isZen4 ? ", slower on AMD Zen 4 than its Haswell kernel" : "")
            },
            warnings: [])
        if measure {
            report.measuredGHz = CPUFeatures.measuredClockGHz()
            let (size, gflops) = BLASThreading.withDefaultBLASThreads { timeGEMM() }
            report.benchmarkSize = size
            report.measuredGFLOPS = gflops
            let peak = Peak(cpu: cpu, measuredGHz: report.measuredGHz)
            report.peak = peak.gflops > 0 ? peak : nil
            report.fractionOfPeak = peak.gflops > 0 ? gflops / peak.gflops : 0
        }
        report.warnings = warnings(for: report)
        return report
    }

    /// The advice for a report: what is slow and what to install or set.
    static func warnings(for report: BLASReport) -> [Warning] {
        var warnings: [Warning] = []
        if !report.isOpenBLAS {
            warnings.append(.referenceBLAS)
        } else if let core = report.coreName,
                  let advice = CoreTypeFix.advice(cpu: report.cpu, coreName: core) {
            if let override = report.coreTypeOverride, report.cpu.isZen4 {
                warnings.append(.overrideSlowerOnZen4(kernel: core, override: override, coreType: advice))
            } else if let override = report.coreTypeOverride {
                warnings.append(.overrideBelowCPU(kernel: core, override: override, coreType: advice))
            } else if report.cpu.isZen4 {
                warnings.append(.slowKernelOnZen4(kernel: core, coreType: advice,
                                                  avx512Kernel: CoreTypeFix.vectorLevel(ofCore: core) == .avx512))
            } else {
                warnings.append(.misdetectedCPU(kernel: core, coreType: advice))
            }
        }
        if report.measuredGFLOPS > 0, report.fractionOfPeak > 0, report.fractionOfPeak < 0.25, warnings.isEmpty,
           let peak = report.peak {
            warnings.append(.farBelowPeak(gflops: report.measuredGFLOPS, fractionOfPeak: report.fractionOfPeak,
                                          peakGFLOPS: peak.gflops))
        }
        return warnings
    }

    /// Times `C = A·Bᵀ` on a fixed size and returns the best of a few runs.
    /// Calls `cblas_sgemm`.
    private static func timeGEMM() -> (GEMMSize, Double) {
        let n = 2048, k = 512
        var random = SeededRandomNumberGenerator(seed: 7)
        let a = (0..<(n * k)).map { _ in Float(random.next() % 1000) / 1000 - 0.5 }
        let b = (0..<(n * k)).map { _ in Float(random.next() % 1000) / 1000 - 0.5 }
        var c = [Float](repeating: 0, count: n * n)
        let flops = 2 * Double(n) * Double(n) * Double(k)
        var best = Double.infinity
        let clock = ContinuousClock()
        for attempt in 0..<4 {
            let elapsed = clock.measure {
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        c.withUnsafeMutableBufferPointer { pc in
                            LinearAlgebra.gemm(transposeA: false, transposeB: true, m: n, n: n, k: k,
                                               alpha: 1, a: pa.baseAddress, lda: k, b: pb.baseAddress, ldb: k,
                                               beta: 0, c: pc.baseAddress, ldc: n)
                        }
                    }
                }
            }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            if attempt > 0 || seconds > 0.5 { best = min(best, seconds) } // the first run warms up, unless slow
            if seconds > 0.5 { break }  // a slow BLAS: one measurement is enough
        }
        return (GEMMSize(n: n, k: k), best.isFinite && best > 0 ? flops / best / 1e9 : 0)
    }
}

/// Whether OpenBLAS runs a slower kernel than the CPU allows, and which
/// `OPENBLAS_CORETYPE` fixes it — never one the CPU lacks.
///
/// The rule: the kernel matching the CPU's vector level (`coreType(for:)`)
/// when OpenBLAS chose one for a narrower level — except on AMD Zen 4
/// (``CPUFeatures/isZen4``), where `zen4CoreType` (`HASWELL`) is preferred
/// to every kernel that is not an AVX2-level one, the AVX-512 ones included.
public enum CoreTypeFix {
    /// Set (to the kernel OpenBLAS had chosen) when missionmatch restarted
    /// itself with a better `OPENBLAS_CORETYPE`; also prevents a second restart.
    public static let environmentKey = "MISSIONMATCH_OPENBLAS_RESTARTED_FROM"

    /// Set (to anything) to keep OpenBLAS's own kernel choice: no restart.
    public static let optOutKey = "MISSIONMATCH_NO_OPENBLAS_FIX"

    /// The vector level an OpenBLAS core name's kernels use.
    package static func vectorLevel(ofCore name: String) -> CPUFeatures.VectorLevel {
        let core = name.lowercased()
        if ["skylakex", "cooperlake", "sapphirerapids"].contains(where: core.contains) { return .avx512 }
        if ["haswell", "zen", "skylake", "excavator", "alderlake"].contains(where: core.contains) { return .avx2 }
        if ["sandybridge", "bulldozer", "piledriver", "steamroller"].contains(where: core.contains) { return .avx }
        return .sse
    }

    /// The `OPENBLAS_CORETYPE` preferred on AMD Zen 4: `HASWELL`, OpenBLAS's AVX2 kernels.
    ///
    /// OpenBLAS 0.3.21 (Debian) picks its Cooperlake kernel on Zen 4 (it
    /// sees `avx512_bf16`), but Zen 4 executes 512-bit instructions through
    /// two 256-bit FMA pipes, and the Haswell kernel measured faster on an
    /// EPYC Zen 4 (family 0x19, model 0x11, 2 cores): `missionmatch doctor`'s
    /// `sgemm` 209–213 GFLOPS with `HASWELL` against 197–201 with
    /// `COOPERLAKE` or `SKYLAKEX` (three alternations), and the pair-scoring
    /// kernel's own tile GEMMs (1024×256×256, single-threaded per worker)
    /// 0.360–0.374 s with `HASWELL` against 0.380–0.405 s with `SKYLAKEX` and
    /// 0.388–0.413 s with `ZEN`.
    package static let zen4CoreType = "HASWELL"

    /// The `OPENBLAS_CORETYPE` that matches a CPU's vector level.
    package static func coreType(for level: CPUFeatures.VectorLevel) -> String? {
        switch level {
        case .avx512: return "SKYLAKEX"
        case .avx2: return "HASWELL"
        case .avx: return "SANDYBRIDGE"
        case .sse, .unknown: return nil
        }
    }

    /// The better `OPENBLAS_CORETYPE` for `cpu` when OpenBLAS chose the
    /// slower `coreName`; `nil` when the choice already fits the CPU.
    ///
    /// On AMD Zen 4: `zen4CoreType` (`HASWELL`) unless `coreName` is an
    /// AVX2-level kernel (`Haswell`, `Zen`, …) — it measured faster there than
    /// the AVX-512 kernels OpenBLAS picks. Elsewhere: the kernel matching the
    /// CPU's vector level when `coreName`'s is narrower.
    public static func advice(cpu: CPUFeatures, coreName: String) -> String? {
        let level = cpu.vectorLevel
        guard level != .unknown else { return nil }
        if cpu.isZen4 {
            return vectorLevel(ofCore: coreName) == .avx2 ? nil : zen4CoreType
        }
        guard vectorLevel(ofCore: coreName) < level else { return nil }
        return coreType(for: level)
    }

    /// Whether this process should restart itself with a better
    /// `OPENBLAS_CORETYPE`, and with which: only when OpenBLAS answers, chose
    /// a slower kernel than the CPU allows (``advice(cpu:coreName:)``), the
    /// user has not set `OPENBLAS_CORETYPE` nor `MISSIONMATCH_NO_OPENBLAS_FIX`,
    /// and no restart happened already.
    ///
    /// - Returns: The `OPENBLAS_CORETYPE` value and the kernel OpenBLAS had chosen, or `nil`.
    package static func restartPlan(environment: [String: String] = ProcessInfo.processInfo.environment,
                                   cpu: @autoclosure () -> CPUFeatures = CPUFeatures.current(),
                                   coreName: String? = BLASReport.loadedCoreName) -> (coreType: String, from: String)? {
        guard environment["OPENBLAS_CORETYPE"] == nil, environment[environmentKey] == nil,
              environment[optOutKey] == nil,
              let coreName, let advice = advice(cpu: cpu(), coreName: coreName) else { return nil }
        return (advice, coreName)
    }
}
