import ArgumentParser
import Foundation
import MatchCore

/// `missionmatch doctor`: which BLAS answers, how fast, and what to fix.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report which BLAS answers, how fast it runs, and what to do when it is slow.",
        discussion: """
            Times one single-precision matrix product (2048×2048×512) and compares it
            with the CPU's nominal peak. When OpenBLAS runs a generic kernel on a CPU
            that supports a faster one, missionmatch restarts itself with the right
            OPENBLAS_CORETYPE and says so here.

            Examples:

              $ missionmatch doctor
              BLAS     OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY SkylakeX …
              kernel   SkylakeX (OPENBLAS_CORETYPE=SKYLAKEX)
              fixed    restarted with OPENBLAS_CORETYPE=SKYLAKEX because OpenBLAS had chosen the Prescott kernel
              threads  2 per BLAS call
              CPU      Intel(R) Xeon(R) Processor, 2 cores, AVX-512, 2.3 GHz
              scan     AVX-512 (the scoring kernel's combine pass)
              sgemm    280 GFLOPS on 2048×2048×512 (95% of the nominal 294 GFLOPS)
              status   ok

              $ missionmatch doctor --format json
              $ OPENBLAS_NUM_THREADS=1 missionmatch doctor --no-measure

            Exit codes: 0 done (warnings are printed, not an error), 64 usage.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Skip the sgemm timing (instant).")
    var noMeasure = false

    func run() async throws {
        let report = BLASReport.inspect(measure: !noMeasure)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(report)
            print(String(decoding: data, as: UTF8.self))
        case .text:
            print(DoctorText.render(report), terminator: "")
        }
    }
}

/// The human-readable `doctor` report.
enum DoctorText {
    static func render(_ report: BLASReport) -> String {
        var lines: [(String, String)] = []
        lines.append(("BLAS", report.isOpenBLAS ? (report.configuration ?? "OpenBLAS") : report.implementation))
        if let core = report.coreName {
            let source = report.coreTypeOverride.map { "OPENBLAS_CORETYPE=\($0)" } ?? "detected by OpenBLAS"
            lines.append(("kernel", "\(core) (\(source))"))
        }
        if let fix = report.automaticFix { lines.append(("fixed", fix)) }
        lines.append(("threads", "\(report.threads) per BLAS call"))
        let cpu = report.cpu
        let level: String
        switch cpu.vectorLevel {
        case .avx512: level = "AVX-512"
        case .avx2: level = "AVX2+FMA"
        case .avx: level = "AVX"
        case .sse: level = "SSE"
        case .unknown: level = "unknown vector unit"
        }
        let model = cpu.modelName.isEmpty ? "unknown CPU" : cpu.modelName
        lines.append(("CPU", String(format: "%@, %d cores, %@, %.1f GHz", model, cpu.logicalCores, level, cpu.nominalGHz)))
        lines.append(("scan", "\(report.scoringPass) (the scoring kernel's combine pass)"))
        if let size = report.benchmarkSize, report.measuredGFLOPS > 0 {
            var speed = String(format: "%.0f GFLOPS on %d×%d×%d", report.measuredGFLOPS, size.n, size.n, size.k)
            if cpu.nominalPeakGFLOPS > 0 {
                speed += String(format: " (%.0f%% of the nominal %.0f GFLOPS)", report.fractionOfPeak * 100, cpu.nominalPeakGFLOPS)
            }
            lines.append(("sgemm", speed))
        }
        lines.append(("status", report.warnings.isEmpty ? "ok" : "\(report.warnings.count) warning(s)"))
        let width = lines.map(\.0.count).max() ?? 0
        var text = lines.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n") + "\n"
        for warning in report.warnings { text += "warning: \(warning)\n" }
        return text
    }
}
