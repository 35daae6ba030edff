import Foundation
import Testing
@testable import MatchCore

struct BLASDiagnosticsTests {
    static let cpuinfo = """
        processor\t: 0
        vendor_id\t: GenuineIntel
        model name\t: Intel(R) Xeon(R) Processor
        cpu MHz\t\t: 2000.000
        flags\t\t: fpu sse sse2 avx fma avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16

        processor\t: 1
        flags\t\t: fpu sse
        """

    /// The first processor of an AMD EPYC Zen 4 ("Genoa") virtual machine, as
    /// `/proc/cpuinfo` shows it (flags shortened to the relevant ones).
    static let zen4cpuinfo = """
        processor\t: 0
        vendor_id\t: AuthenticAMD
        cpu family\t: 25
        model\t\t: 17
        model name\t: AMD EPYC
        stepping\t: 1
        cpu MHz\t\t: 2596.130
        flags\t\t: fpu sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 avx512f avx512dq avx512cd avx512bw avx512vl avx512_bf16

        processor\t: 1
        vendor_id\t: AuthenticAMD
        cpu family\t: 25
        model\t\t: 17
        flags\t\t: fpu sse
        """

    static let avx2 = ["avx", "avx2", "fma"]
    static let avx512 = avx2 + ["avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"]

    /// An EPYC Zen 4 with 2 cores at the reported 2.6 GHz.
    static let zen4 = CPUFeatures(modelName: "AMD EPYC", flags: avx512 + ["avx512_bf16"], logicalCores: 2,
                                  nominalGHz: 2.6, vendorID: "AuthenticAMD", family: 25, model: 17)

    @Test func parsesTheFirstProcessor() {
        let cpu = CPUFeatures.parse(cpuinfo: Self.cpuinfo, logicalCores: 2)
        #expect(cpu.modelName == "Intel(R) Xeon(R) Processor")
        #expect(cpu.vectorLevel == .avx512)
        #expect(cpu.nominalGHz == 2.0)
        #expect(cpu.nominalPeakGFLOPS == 256)
        #expect(cpu.vendorID == "GenuineIntel")
        #expect(cpu.family == nil && cpu.model == nil, "not in the fixture")
        #expect(cpu.zenGeneration == nil)
        #expect(cpu.flopsPerCycle == 64)
        let withMax = CPUFeatures.parse(cpuinfo: Self.cpuinfo, logicalCores: 2, maxFrequencyKHz: 2_300_000)
        #expect(abs(withMax.nominalPeakGFLOPS - 294.4) < 1e-9)
    }

    @Test func parsesAnAMDZen4() {
        let cpu = CPUFeatures.parse(cpuinfo: Self.zen4cpuinfo, logicalCores: 2)
        #expect(cpu.vendorID == "AuthenticAMD")
        #expect(cpu.family == 25)
        #expect(cpu.model == 17)
        #expect(cpu.modelName == "AMD EPYC")
        #expect(cpu.vectorLevel == .avx512)
        #expect(cpu.zenGeneration == 4)
        #expect(cpu.isZen4)
        #expect(cpu.nominalGHz == 2.59613)
        #expect(cpu.flopsPerCycle == 32, "two 256-bit FMA pipes, not AVX-512's 64")
        #expect(cpu.peakGFLOPS(ghz: 3.5) == 224)
        #expect(abs(cpu.nominalPeakGFLOPS - 2 * 2.59613 * 32) < 1e-9)
    }

    @Test("flops per cycle per core: AMD's pipe widths, else the vector level's", arguments: [
        // (vendor, family, model, flags, Zen generation, flops/cycle)
        ("AuthenticAMD", 23, 1, avx2, 1, 16.0),          // Zen (Naples): 2 × 128-bit FMA
        ("AuthenticAMD", 23, 8, avx2, 1, 16.0),          // Zen+ (Pinnacle Ridge)
        ("AuthenticAMD", 23, 49, avx2, 2, 32.0),         // Zen 2 (Rome): 2 × 256-bit FMA
        ("AuthenticAMD", 25, 1, avx2, 3, 32.0),          // Zen 3 (Milan)
        ("AuthenticAMD", 25, 17, avx512, 4, 32.0),       // Zen 4 (Genoa): 512-bit in two halves
        ("AuthenticAMD", 26, 2, avx512, 5, 64.0),        // Zen 5: left to the vector level
        ("AuthenticAMD", 25, 1, ["avx"], 3, 16.0),       // a VM hiding AVX2: the vector level caps it
        ("GenuineIntel", 6, 85, avx512, nil, 64.0),      // Skylake-SP
        ("GenuineIntel", 6, 63, avx2, nil, 32.0),        // Haswell
    ] as [(String, Int, Int, [String], Int?, Double)])
    func flopsPerCycle(vendor: String, family: Int, model: Int, flags: [String], zen: Int?, expected: Double) {
        let text = """
            processor\t: 0
            vendor_id\t: \(vendor)
            cpu family\t: \(family)
            model\t\t: \(model)
            model name\t: Test CPU
            cpu MHz\t\t: 2000.000
            flags\t\t: fpu sse sse2 \(flags.joined(separator: " "))
            """
        let cpu = CPUFeatures.parse(cpuinfo: text, logicalCores: 4)
        #expect(cpu.vendorID == vendor)
        #expect(cpu.family == family)
        #expect(cpu.model == model)
        #expect(cpu.zenGeneration == zen)
        #expect(cpu.flopsPerCycle == expected)
        #expect(cpu.peakGFLOPS(ghz: 3) == 4 * 3 * expected)
        #expect(cpu.nominalPeakGFLOPS == 4 * 2 * expected)
    }

    @Test func theCodableFormCarriesVendorFamilyAndModel() throws {
        let data = try JSONEncoder().encode(Self.zen4)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""vendorID":"AuthenticAMD""#))
        #expect(text.contains(#""family":25"#))
        #expect(text.contains(#""model":17"#))
        #expect(try JSONDecoder().decode(CPUFeatures.self, from: data) == Self.zen4)
        let older = #"{"modelName":"X","flags":["avx"],"logicalCores":2,"nominalGHz":2}"#
        let decoded = try JSONDecoder().decode(CPUFeatures.self, from: Data(older.utf8))
        #expect(decoded.vendorID == nil && decoded.family == nil && decoded.model == nil)
    }

    @Test func thePeakUsesTheLargerOfTheReportedAndMeasuredClocks() {
        let boosted = BLASReport.Peak(cpu: Self.zen4, measuredGHz: 3.5)
        #expect(boosted == BLASReport.Peak(cpu: Self.zen4, measuredGHz: 3.5))
        #expect(boosted.cores == 2)
        #expect(boosted.ghz == 3.5)
        #expect(boosted.flopsPerCycle == 32)
        #expect(boosted.gflops == 224)
        let slower = BLASReport.Peak(cpu: Self.zen4, measuredGHz: 2.0)
        #expect(slower.ghz == 2.6)
        #expect(slower.gflops == 2 * 2.6 * 32)
        #expect(BLASReport.Peak(cpu: Self.zen4, measuredGHz: nil) == slower)
    }

    @Test func theMeasuredClockIsPlausible() throws {
        #if arch(x86_64)
        // No bound on the figure: a unit test does not time anything (a loaded
        // machine measures any clock); the measurement must only be a real number.
        let ghz = try #require(CPUFeatures.measuredClockGHz())
        #expect(ghz.isFinite && ghz > 0)
        #else
        #expect(CPUFeatures.measuredClockGHz() == nil)
        #endif
    }

    @Test func vectorLevels() {
        func level(_ flags: [String]) -> CPUFeatures.VectorLevel {
            CPUFeatures(modelName: "", flags: flags, logicalCores: 1, nominalGHz: 1).vectorLevel
        }
        #expect(level([]) == .unknown)
        #expect(level(["sse2"]) == .sse)
        #expect(level(["avx"]) == .avx)
        #expect(level(["avx", "avx2"]) == .avx, "AVX2 without FMA is not the Haswell kernel's level")
        #expect(level(["avx", "avx2", "fma"]) == .avx2)
        #expect(level(["avx2", "fma", "avx512f"]) == .avx2, "AVX-512F alone is not enough for SKYLAKEX kernels")
    }

    @Test("advice never asks for more than the CPU has", arguments: [
        // (CPU flags, OpenBLAS core, expected OPENBLAS_CORETYPE)
        (["avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"], "Prescott", "SKYLAKEX"),
        (["avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"], "Haswell", "SKYLAKEX"),
        (["avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"], "SkylakeX", nil),
        (["avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"], "Cooperlake", nil),
        (["avx", "avx2", "fma"], "Nehalem", "HASWELL"),
        (["avx", "avx2", "fma"], "Haswell", nil),
        (["avx", "avx2", "fma"], "Zen", nil),
        (["avx"], "Core2", "SANDYBRIDGE"),
        (["sse2"], "Prescott", nil),
        ([], "Prescott", nil),
    ] as [([String], String, String?)])
    func advice(flags: [String], core: String, expected: String?) {
        let cpu = CPUFeatures(modelName: "", flags: flags, logicalCores: 2, nominalGHz: 2)
        #expect(CoreTypeFix.advice(cpu: cpu, coreName: core) == expected)
        let intel = CPUFeatures(modelName: "", flags: flags, logicalCores: 2, nominalGHz: 2,
                                vendorID: "GenuineIntel", family: 6, model: 85)
        #expect(CoreTypeFix.advice(cpu: intel, coreName: core) == expected, "Intel keeps the vector-level rule")
    }

    @Test("AMD Zen 4 prefers the Haswell kernel to every non-AVX2 one", arguments: [
        ("Cooperlake", "HASWELL"),
        ("SkylakeX", "HASWELL"),
        ("SapphireRapids", "HASWELL"),
        ("Prescott", "HASWELL"),
        ("Sandybridge", "HASWELL"),
        ("Haswell", nil),
        ("Zen", nil),
    ] as [(String, String?)])
    func zen4Advice(core: String, expected: String?) {
        #expect(CoreTypeFix.advice(cpu: Self.zen4, coreName: core) == expected)
    }

    @Test func otherAMDCoresKeepTheVectorLevelRule() {
        let zen3 = CPUFeatures(modelName: "", flags: Self.avx2, logicalCores: 2, nominalGHz: 2,
                               vendorID: "AuthenticAMD", family: 25, model: 1)
        #expect(CoreTypeFix.advice(cpu: zen3, coreName: "Prescott") == "HASWELL")
        #expect(CoreTypeFix.advice(cpu: zen3, coreName: "Zen") == nil)
        let zen5 = CPUFeatures(modelName: "", flags: Self.avx512, logicalCores: 2, nominalGHz: 2,
                               vendorID: "AuthenticAMD", family: 26, model: 2)
        #expect(CoreTypeFix.advice(cpu: zen5, coreName: "Cooperlake") == nil)
        #expect(CoreTypeFix.advice(cpu: zen5, coreName: "Zen") == "SKYLAKEX")
    }

    @Test func zen4RestartsOntoHaswellOnlyWhenNothingIsSetAndOnce() {
        let plan = CoreTypeFix.restartPlan(environment: [:], cpu: Self.zen4, coreName: "Cooperlake")
        #expect(plan?.coreType == "HASWELL")
        #expect(plan?.from == "Cooperlake")
        #expect(CoreTypeFix.restartPlan(environment: [:], cpu: Self.zen4, coreName: "SkylakeX")?.coreType == "HASWELL")
        #expect(CoreTypeFix.restartPlan(environment: ["OPENBLAS_CORETYPE": "COOPERLAKE"], cpu: Self.zen4,
                                        coreName: "Cooperlake") == nil)
        #expect(CoreTypeFix.restartPlan(environment: [CoreTypeFix.environmentKey: "Cooperlake"], cpu: Self.zen4,
                                        coreName: "Cooperlake") == nil)
        #expect(CoreTypeFix.restartPlan(environment: ["MISSIONMATCH_NO_OPENBLAS_FIX": "1"], cpu: Self.zen4,
                                        coreName: "Cooperlake") == nil)
        #expect(CoreTypeFix.restartPlan(environment: [:], cpu: Self.zen4, coreName: "Haswell") == nil)
        #expect(CoreTypeFix.restartPlan(environment: [:], cpu: Self.zen4, coreName: nil) == nil)
    }

    @Test func zen4WarningsSayWhatIsTrue() {
        func warnings(core: String, override: String?) -> [String] {
            let report = BLASReport(
                implementation: "OpenBLAS", configuration: "OpenBLAS 0.3.21", coreName: core, threads: 2,
                coreTypeOverride: override, cpu: Self.zen4, benchmarkSize: nil, measuredGFLOPS: 0,
                fractionOfPeak: 0, automaticFix: nil, warnings: [])
            return BLASReport.warnings(for: report).map(\.description)
        }
        #expect(warnings(core: "Cooperlake", override: nil) == [
            "OpenBLAS runs its Cooperlake kernel, whose 512-bit instructions this AMD Zen 4 executes in two 256-bit halves; "
            + "on Zen 4 its Haswell kernel measured faster: set OPENBLAS_CORETYPE=HASWELL (a program that calls "
            + "CoreTypeFix.restartIfNeeded() first does this by itself unless MISSIONMATCH_NO_OPENBLAS_FIX is set; "
            + "others need OPENBLAS_CORETYPE=HASWELL in their environment)",
        ])
        #expect(warnings(core: "Prescott", override: nil) == [
            "OpenBLAS runs its Prescott kernel, which leaves this AMD Zen 4's AVX2 and AVX-512 units unused; "
            + "on Zen 4 its Haswell kernel measured faster: set OPENBLAS_CORETYPE=HASWELL (a program that calls "
            + "CoreTypeFix.restartIfNeeded() first does this by itself unless MISSIONMATCH_NO_OPENBLAS_FIX is set; "
            + "others need OPENBLAS_CORETYPE=HASWELL in their environment)",
        ])
        #expect(warnings(core: "Cooperlake", override: "COOPERLAKE") == [
            "OpenBLAS runs its Cooperlake kernel because OPENBLAS_CORETYPE=COOPERLAKE is set, but on AMD Zen 4 its "
            + "Haswell kernel measured faster: unset OPENBLAS_CORETYPE or set OPENBLAS_CORETYPE=HASWELL",
        ])
        #expect(warnings(core: "Haswell", override: nil).isEmpty)
        #expect(warnings(core: "Haswell", override: "HASWELL").isEmpty)
    }

    @Test func restartOnlyWhenNothingIsSetAndOnce() {
        let cpu = CPUFeatures(modelName: "", flags: ["avx", "avx2", "fma"], logicalCores: 2, nominalGHz: 2)
        let plan = CoreTypeFix.restartPlan(environment: [:], cpu: cpu, coreName: "Prescott")
        #expect(plan?.coreType == "HASWELL")
        #expect(plan?.from == "Prescott")
        #expect(CoreTypeFix.restartPlan(environment: ["OPENBLAS_CORETYPE": "PRESCOTT"], cpu: cpu, coreName: "Prescott") == nil)
        #expect(CoreTypeFix.restartPlan(environment: [CoreTypeFix.environmentKey: "Prescott"], cpu: cpu, coreName: "Prescott") == nil)
        #expect(CoreTypeFix.restartPlan(environment: ["MISSIONMATCH_NO_OPENBLAS_FIX": "1"], cpu: cpu, coreName: "Prescott") == nil)
        #expect(CoreTypeFix.restartPlan(environment: [:], cpu: cpu, coreName: nil) == nil, "not OpenBLAS: nothing to fix")
        #expect(CoreTypeFix.restartPlan(environment: [:], cpu: cpu, coreName: "Haswell") == nil)
    }

    @Test func reportOfThisProcess() {
        let report = BLASReport.inspect(measure: false, environment: [:])
        #expect(report.measuredGFLOPS == 0)
        #expect(report.threads >= 1)
        if report.isOpenBLAS {
            #expect(report.coreName != nil)
            #expect(report.configuration?.contains("OpenBLAS") == true)
        } else {
            #expect(report.warnings.contains { $0.description.contains("libopenblas0-pthread") })
        }
    }
}
