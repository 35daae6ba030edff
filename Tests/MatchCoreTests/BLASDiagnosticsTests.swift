import Testing
import MatchCore

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

    @Test func parsesTheFirstProcessor() {
        let cpu = CPUFeatures.parse(cpuinfo: Self.cpuinfo, logicalCores: 2)
        #expect(cpu.modelName == "Intel(R) Xeon(R) Processor")
        #expect(cpu.vectorLevel == .avx512)
        #expect(cpu.nominalGHz == 2.0)
        #expect(cpu.nominalPeakGFLOPS == 256)
        let withMax = CPUFeatures.parse(cpuinfo: Self.cpuinfo, logicalCores: 2, maxFrequencyKHz: 2_300_000)
        #expect(abs(withMax.nominalPeakGFLOPS - 294.4) < 1e-9)
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
            #expect(report.warnings.contains { $0.contains("libopenblas0-pthread") })
        }
    }
}
