import Foundation
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
        report.warnings = BLASReport.warnings(for: report)
        let text = DoctorText.render(report)
        #expect(text.contains("scan     AVX2 (the scoring kernel's combine pass)"))
        #expect(text.contains("BLAS     reference or unknown"))
        #expect(text.contains("CPU      Test CPU, 2 cores, AVX2+FMA, 2.0 GHz"))
        #expect(text.contains("sgemm    2 GFLOPS on 2048×2048×512 (2% of the nominal 128 GFLOPS)"))
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
        #expect(report.warnings.count == 1)
        #expect(DoctorText.render(report).contains("set OPENBLAS_CORETYPE=SKYLAKEX"))
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = try #require(ValidateCommandTests.binary)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: ValidateCommandTests.binary != nil)) func jsonReportOfTheRealBinary() throws {
        let run = try Self.run(["doctor", "--no-measure", "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(object["implementation"] as? String != nil)
        #expect(object["warnings"] as? [String] != nil)
        #expect((object["threads"] as? Int ?? 0) >= 1)
    }

    /// A core type the user sets is respected (no restart), and doctor
    /// warns when it is slower than the CPU allows.
    @Test(.enabled(if: ValidateCommandTests.binary != nil
                   && BLASReport.loadedCoreName != nil
                   && CPUFeatures.current().vectorLevel == .avx512))
    func userCoreTypeIsRespectedAndWarnedAbout() throws {
        let run = try Self.run(["doctor", "--no-measure"], environment: ["OPENBLAS_CORETYPE": "Haswell"])
        #expect(run.status == 0)
        #expect(run.output.contains("kernel   Haswell (OPENBLAS_CORETYPE=Haswell)"))
        #expect(run.output.contains("this CPU supports SKYLAKEX"))
        #expect(!run.output.contains("fixed"))
    }

    @Test(.enabled(if: ValidateCommandTests.binary != nil)) func versionPrints() throws {
        let run = try Self.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output == "\(MissionMatchVersion.string)\n")
    }
}
