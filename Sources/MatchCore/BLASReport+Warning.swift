import Foundation

extension BLASReport {
    /// Why BLAS runs slower than this machine allows, and what to install or
    /// set, as a value a program can act on; ``description`` is the sentence a
    /// person reads (it names packages and environment variables, no command).
    ///
    /// ```swift
    /// for warning in BLASReport.inspect(measure: false).warnings {
    ///     if let coreType = warning.coreType { log("set OPENBLAS_CORETYPE=\(coreType)") }
    ///     print(warning)
    /// }
    /// ```
    public enum Warning: Sendable, Hashable, Encodable, CustomStringConvertible {
        /// The reference BLAS (or an unknown one) answers: 10–70× slower than OpenBLAS.
        case referenceBLAS
        /// `OPENBLAS_CORETYPE` is set to a kernel that measured slower on AMD
        /// Zen 4 than `coreType`.
        case overrideSlowerOnZen4(kernel: String, override: String, coreType: String)
        /// `OPENBLAS_CORETYPE` is set below what the CPU supports (`coreType`).
        case overrideBelowCPU(kernel: String, override: String, coreType: String)
        /// OpenBLAS chose on its own a kernel that measured slower on AMD Zen 4
        /// than `coreType`; `avx512Kernel` when it is a 512-bit kernel (which
        /// Zen 4 splits in two halves) rather than a generic one.
        case slowKernelOnZen4(kernel: String, coreType: String, avx512Kernel: Bool)
        /// OpenBLAS misdetected the CPU and runs a generic kernel.
        case misdetectedCPU(kernel: String, coreType: String)
        /// The measured `sgemm` is below a quarter of the CPU's peak with no
        /// known cause: a busy machine or too few BLAS threads.
        case farBelowPeak(gflops: Double, fractionOfPeak: Double, peakGFLOPS: Double)

        /// The `OPENBLAS_CORETYPE` that fixes the warning, if one does.
        public var coreType: String? {
            switch self {
            case .overrideSlowerOnZen4(_, _, let coreType), .overrideBelowCPU(_, _, let coreType),
                 .slowKernelOnZen4(_, let coreType, _), .misdetectedCPU(_, let coreType):
                coreType
            case .referenceBLAS, .farBelowPeak:
                nil
            }
        }

        /// The sentence a person reads: what is wrong and what to install or set.
        public var description: String {
            switch self {
            case .referenceBLAS:
                "the BLAS answering is the reference implementation (or an unknown one), typically 10–70× slower than OpenBLAS: "
                    + "install OpenBLAS (the libopenblas0-pthread package on Debian and Ubuntu) and measure again"
            case .overrideSlowerOnZen4(let kernel, let override, let coreType):
                "OpenBLAS runs its \(kernel) kernel because OPENBLAS_CORETYPE=\(override) is set, "
                    + "but on AMD Zen 4 its Haswell kernel measured faster: unset OPENBLAS_CORETYPE or set OPENBLAS_CORETYPE=\(coreType)"
            case .overrideBelowCPU(let kernel, let override, let coreType):
                "OpenBLAS runs its \(kernel) kernel because OPENBLAS_CORETYPE=\(override) is set, "
                    + "but this CPU supports \(coreType): unset OPENBLAS_CORETYPE or set OPENBLAS_CORETYPE=\(coreType)"
            case .slowKernelOnZen4(let kernel, let coreType, let avx512Kernel):
                "OpenBLAS runs its \(kernel) kernel, "
                    + (avx512Kernel ? "whose 512-bit instructions this AMD Zen 4 executes in two 256-bit halves"
                                    : "which leaves this AMD Zen 4's AVX2 and AVX-512 units unused")
                    + "; on Zen 4 its Haswell kernel measured faster: set OPENBLAS_CORETYPE=\(coreType) "
                    + Self.fixedByItself(coreType)
            case .misdetectedCPU(let kernel, let coreType):
                "OpenBLAS misdetects this CPU and runs its generic \(kernel) kernel: set OPENBLAS_CORETYPE=\(coreType) "
                    + Self.fixedByItself(coreType)
            case .farBelowPeak(let gflops, let fraction, let peak):
                String(format: "sgemm runs at %.0f GFLOPS, %.0f%% of this CPU's %.0f GFLOPS peak: the machine may be busy "
                    + "(measure again) or BLAS may be limited to fewer threads (OPENBLAS_NUM_THREADS)",
                    gflops, fraction * 100, peak)
            }
        }

        /// Encodes the warning as its sentence, the form of `BLASReport`'s JSON.
        ///
        /// - Throws: What the encoder throws.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }

        /// Who applies the fix: a program that restarts itself, or the environment.
        private static func fixedByItself(_ coreType: String) -> String {
            "(a program that calls CoreTypeFix.restartIfNeeded() first does this by itself unless "
                + "\(CoreTypeFix.optOutKey) is set; others need OPENBLAS_CORETYPE=\(coreType) in their environment)"
        }
    }
}
