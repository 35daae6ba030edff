import Foundation
import MissionMatchTestSupport
@testable import MatchCore
@testable import missionmatch
import Testing

/// `missionmatch doctor`: argument parsing, the text report, and runs of the real binary.
struct DoctorCommandTests {
    @Test func argumentsParse() throws {
        let command = try Doctor.parse(["--format", "json", "--no-measure"])
        #expect(command.format == .json)
        #expect(command.noMeasure)
        #expect(throws: (any Error).self) { try Doctor.parse(["--format", "yaml"]) }
    }

    @Test func textReportOfAReferenceBLASSaysWhatToInstall() {
        var report = BLASReport(
            implementation: "reference or unknown", configuration: nil, coreName: nil, threads: 1,
            coreTypeOverride: nil,
            cpu: CPUFeatures(modelName: "Test CPU", flags: ["avx", "avx2", "fma"], logicalCores: 2, nominalGHz: 2),
            benchmarkSize: .init(n: 2048, k: 512), measuredGFLOPS: 2.5, fractionOfPeak: 2.5 / 128,
            automaticFix: nil, warnings: [], scoringPass: "AVX2")
        report.peak = BLASReport.Peak(cpu: report.cpu, measuredGHz: nil)
        report.warnings = BLASReport.warnings(for: report)
        let text = DoctorText.render(report)
        #expect(text.contains("scan     AVX2 (the scoring kernel's combine pass)"))
        #expect(text.contains("BLAS     reference or unknown"))
        #expect(text.contains("CPU      Test CPU, 2 cores, AVX2+FMA, 2.0 GHz\n"))
        #expect(text.contains("sgemm    2 GFLOPS on 2048×2048×512 (2% of the 128 GFLOPS peak: 2 cores × 2.00 GHz × 32 flops/cycle)"))
        #expect(text.contains("warning: the BLAS answering is the reference implementation"))
        #expect(text.contains("sudo apt-get install libopenblas0-pthread"))
    }

    @Test func textReportOfAMisdetectedOpenBLASSaysWhatToSet() {
        var report = BLASReport(
            implementation: "OpenBLAS", configuration: "OpenBLAS 0.3.21 DYNAMIC_ARCH Prescott", coreName: "Prescott",
            threads: 2, coreTypeOverride: nil,
            cpu: CPUFeatures(modelName: "Xeon", flags: ["avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw",
                                                        "avx512dq", "avx512vl"], logicalCores: 2, nominalGHz: 2.3),
            benchmarkSize: nil, measuredGFLOPS: 0, fractionOfPeak: 0, automaticFix: nil, warnings: [])
        report.warnings = BLASReport.warnings(for: report)
        #expect(report.warnings == [.misdetectedCPU(kernel: "Prescott", coreType: "SKYLAKEX")])
        #expect(report.warnings.first?.coreType == "SKYLAKEX")
        #expect(DoctorText.render(report).contains("set OPENBLAS_CORETYPE=SKYLAKEX"))
    }

    /// An EPYC Zen 4 virtual machine: reports its 2.6 GHz base clock, boosts to 3.5.
    static let zen4 = CPUFeatures(
        modelName: "AMD EPYC", flags: ["avx", "avx2", "fma", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"],
        logicalCores: 2, nominalGHz: 2.6, vendorID: "AuthenticAMD", family: 25, model: 17)

    @Test func textReportOfAZen4ComparesWithTheMeasuredClock() {
        var report = BLASReport(
            implementation: "OpenBLAS", configuration: "OpenBLAS 0.3.21 DYNAMIC_ARCH Haswell", coreName: "Haswell",
            threads: 2, coreTypeOverride: "HASWELL", cpu: Self.zen4,
            benchmarkSize: .init(n: 2048, k: 512), measuredGFLOPS: 212, fractionOfPeak: 212 / 224,
            automaticFix: "restarted with OPENBLAS_CORETYPE=HASWELL because OpenBLAS had chosen the Cooperlake kernel, "
                + "slower on AMD Zen 4 than its Haswell kernel",
            warnings: [], scoringPass: "AVX-512", measuredGHz: 3.5)
        report.peak = BLASReport.Peak(cpu: report.cpu, measuredGHz: 3.5)
        report.warnings = BLASReport.warnings(for: report)
        #expect(DoctorText.render(report) == """
            BLAS     OpenBLAS 0.3.21 DYNAMIC_ARCH Haswell
            kernel   Haswell (OPENBLAS_CORETYPE=HASWELL)
            fixed    restarted with OPENBLAS_CORETYPE=HASWELL because OpenBLAS had chosen the Cooperlake kernel, slower on AMD Zen 4 than its Haswell kernel
            threads  2 per BLAS call
            CPU      AMD EPYC (Zen 4), 2 cores, AVX-512, 2.6 GHz (3.5 GHz measured)
            scan     AVX-512 (the scoring kernel's combine pass)
            sgemm    212 GFLOPS on 2048×2048×512 (95% of the 224 GFLOPS peak: 2 cores × 3.50 GHz × 32 flops/cycle)
            status   ok

            """)
    }

    @Test func textReportOfAZen4OnItsCooperlakeKernelSaysWhatIsTrue() {
        var report = BLASReport(
            implementation: "OpenBLAS", configuration: "OpenBLAS 0.3.21 DYNAMIC_ARCH Cooperlake", coreName: "Cooperlake",
            threads: 2, coreTypeOverride: nil, cpu: Self.zen4, benchmarkSize: nil, measuredGFLOPS: 0,
            fractionOfPeak: 0, automaticFix: nil, warnings: [])
        report.warnings = BLASReport.warnings(for: report)
        let text = DoctorText.render(report)
        #expect(text.contains("CPU      AMD EPYC (Zen 4), 2 cores, AVX-512, 2.6 GHz\n"))
        #expect(text.contains("warning: OpenBLAS runs its Cooperlake kernel, whose 512-bit instructions this AMD Zen 4 "
                              + "executes in two 256-bit halves; on Zen 4 its Haswell kernel measured faster: "
                              + "set OPENBLAS_CORETYPE=HASWELL"))
        #expect(!text.contains("misdetects"))
        #expect(!text.contains("generic"))
    }

    @Test func theJSONFormCarriesTheClockAndThePeak() throws {
        let report = BLASReport(
            implementation: "OpenBLAS", configuration: nil, coreName: "Haswell", threads: 2, coreTypeOverride: nil,
            cpu: Self.zen4, benchmarkSize: .init(n: 2048, k: 512), measuredGFLOPS: 212, fractionOfPeak: 212 / 224,
            automaticFix: nil, warnings: [.misdetectedCPU(kernel: "Prescott", coreType: "HASWELL")],
            scoringPass: "AVX-512", measuredGHz: 3.5,
            peak: BLASReport.Peak(cpu: Self.zen4, measuredGHz: 3.5))
        let data = try JSONEncoder().encode(report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["measuredGHz"] as? Double == 3.5)
        let peak = try #require(object["peak"] as? [String: Any])
        #expect(peak["cores"] as? Int == 2)
        #expect(peak["ghz"] as? Double == 3.5)
        #expect(peak["flopsPerCycle"] as? Double == 32)
        #expect(peak["gflops"] as? Double == 224)
        let cpu = try #require(object["cpu"] as? [String: Any])
        #expect(cpu["vendorID"] as? String == "AuthenticAMD")
        #expect(cpu["family"] as? Int == 25)
        #expect(cpu["model"] as? Int == 17)
        #expect(object["warnings"] as? [String] == [report.warnings[0].description], "warnings are printed as sentences")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let binary: URL = try #require(ValidateCommandTests.binary)
        let result = try ChildProcess(executable: binary, arguments: arguments,
                                      environment: CommandEnvironment.lexical(environment)).run(timeout: 300)
        return (result.status, result.output)
    }

    @Test func jsonReportOfTheRealBinary() throws {
        let run = try Self.run(["doctor", "--no-measure", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["implementation"] as? String != nil)
        #expect(object["warnings"] as? [String] != nil)
        #expect((object["threads"] as? Int ?? 0) >= 1)
        // The test environment hides the encoder: the report says so.
        let encoder = try #require(object["encoder"] as? [String: Any])
        #expect(encoder["status"] as? String == "none")
    }

    @Test func jsonReportNamesTheEncoderInUseOrWhyNone() throws {
        let missing = try Self.run(["doctor", "--no-measure", "--format", "json"],
                                   environment: ["MISSIONMATCH_ENCODER": "/nonexistent/model"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(missing.output.utf8)) as? [String: Any])
        let encoder = try #require(object["encoder"] as? [String: Any])
        #expect(encoder["status"] as? String == "unusable")
        #expect(encoder["folder"] as? String == "/nonexistent/model")
        #expect((encoder["problem"] as? String)?.isEmpty == false)
        let text = try Self.run(["doctor", "--no-measure"], environment: ["MISSIONMATCH_ENCODER": "/nonexistent/model"])
        #expect(text.output.contains("encoder  /nonexistent/model cannot be used: "))
        guard let model = SemanticCommandTests.modelFolder() else { return }
        let available = try Self.run(["doctor", "--no-measure", "--format", "json"], environment: ["MISSIONMATCH_ENCODER": model])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(available.output.utf8)) as? [String: Any])
        let status = try #require(report["encoder"] as? [String: Any])
        #expect(status["status"] as? String == "available")
        #expect(status["dimensions"] as? Int == 384 && status["layers"] as? Int == 6)
    }

    /// A core type the user sets is respected (no restart), and doctor
    /// warns when it is slower than the CPU allows: Haswell on an Intel
    /// AVX-512 CPU, SkylakeX on an AMD Zen 4 (whose preferred kernel is Haswell).
    @Test(.enabled(if: ValidateCommandTests.binary != nil
                   && BLASReport.loadedCoreName != nil
                   && CPUFeatures.current().vectorLevel == .avx512))
    func userCoreTypeIsRespectedAndWarnedAbout() throws {
        let zen4 = CPUFeatures.current().isZen4
        let set = zen4 ? "SkylakeX" : "Haswell"
        let run = try Self.run(["doctor", "--no-measure"], environment: ["OPENBLAS_CORETYPE": set])
        #expect(run.status == 0)
        #expect(run.output.contains("kernel   \(set) (OPENBLAS_CORETYPE=\(set))"))
        #expect(run.output.contains(zen4 ? "but on AMD Zen 4 its Haswell kernel measured faster" : "this CPU supports SKYLAKEX"))
        #expect(!run.output.contains("fixed"))
    }

    /// With nothing set, the binary restarts itself onto the advised core
    /// type (HASWELL on AMD Zen 4) when OpenBLAS chose a slower kernel, and says so.
    @Test(.enabled(if: ValidateCommandTests.binary != nil
                   && ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil
                   && ProcessInfo.processInfo.environment["MISSIONMATCH_NO_OPENBLAS_FIX"] == nil
                   && BLASReport.loadedCoreName.flatMap { CoreTypeFix.advice(cpu: CPUFeatures.current(), coreName: $0) } != nil))
    func restartsOntoTheAdvisedCoreType() throws {
        let core = try #require(BLASReport.loadedCoreName)
        let advice = try #require(CoreTypeFix.advice(cpu: CPUFeatures.current(), coreName: core))
        let run = try Self.run(["doctor", "--no-measure"])
        #expect(run.status == 0)
        #expect(run.output.contains("(OPENBLAS_CORETYPE=\(advice))"))
        #expect(run.output.contains("fixed    restarted with OPENBLAS_CORETYPE=\(advice) because OpenBLAS had chosen the \(core) kernel"))
        #expect(!run.output.contains("warning"))
        let off = try Self.run(["doctor", "--no-measure"], environment: ["MISSIONMATCH_NO_OPENBLAS_FIX": "1"])
        #expect(off.output.contains("kernel   \(core) (detected by OpenBLAS)"))
        #expect(off.output.contains("set OPENBLAS_CORETYPE=\(advice)"))
    }

    @Test func versionPrints() throws {
        let run = try Self.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output == "\(MissionMatchVersion.string)\n")
    }
}
