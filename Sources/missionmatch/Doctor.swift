import ArgumentParser
import Foundation
import MatchCore
import SentenceEncoder

/// `missionmatch doctor`: which BLAS answers, how fast, and what to fix.
struct Doctor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report which BLAS answers, how fast it runs, and what to do when it is slow.",
        discussion: """
            Times one single-precision matrix product (2048×2048×512) and compares it
            with the CPU's peak: cores × clock × fp32 flops per cycle per core. The
            clock is the larger of the one the system reports and one measured by a
            timed chain of dependent multiplies (virtual machines report only their
            base clock); the flops per cycle are those of the CPU's FMA units (32 on
            AMD Zen 2 to Zen 4, which runs AVX-512 in two 256-bit halves; 64 on Intel
            with AVX-512). When OpenBLAS runs a slower kernel than the CPU allows (a
            generic one on a CPU it misdetects; on AMD Zen 4 its AVX-512 Cooperlake
            kernel, where its Haswell kernel measured faster), missionmatch restarts
            itself with the right OPENBLAS_CORETYPE and says so here.

            Examples:

              $ missionmatch doctor
              BLAS     OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Haswell …
              kernel   Haswell (OPENBLAS_CORETYPE=HASWELL)
              fixed    restarted with OPENBLAS_CORETYPE=HASWELL because OpenBLAS had chosen the Cooperlake kernel, slower on AMD Zen 4 than its Haswell kernel
              threads  2 per BLAS call
              CPU      AMD EPYC (Zen 4), 2 cores, AVX-512, 2.6 GHz (3.7 GHz measured)
              scan     AVX-512 (the scoring kernel's combine pass)
              sgemm    208 GFLOPS on 2048×2048×512 (89% of the 235 GFLOPS peak: 2 cores × 3.68 GHz × 32 flops/cycle)
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

    @Flag(help: "Skip the sgemm timing and the clock measurement (instant).")
    var noMeasure = false

    @Flag(help: ArgumentHelp(
        "Print only the OPENBLAS_CORETYPE this tool runs with on this machine (empty when OpenBLAS's own choice is kept).",
        discussion: "For other programs linking OpenBLAS, e.g. the benchmarks: export OPENBLAS_CORETYPE=$(missionmatch doctor --coretype)."))
    var coretype = false

    func run() async throws {
        if coretype {
            // The tool restarted itself with MatchCore's choice (CoreTypeFix) before
            // parsing, so the value in force is the one to hand on.
            print(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "")
            return
        }
        let report = BLASReport.inspect(measure: !noMeasure)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(DoctorJSON(report: report, encoder: EncoderStatus.current()))
            print(String(decoding: data, as: UTF8.self))
        case .text:
            print(DoctorText.render(report), terminator: "")
            print("encoder  " + EncoderStatus.current().line)
        }
    }
}

/// `doctor --format json`: the BLAS report's keys, and `encoder`.
struct DoctorJSON: Encodable {
    let report: BLASReport
    let encoder: EncoderStatus

    private enum Key: String, CodingKey { case encoder }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(self.encoder, forKey: .encoder)
    }
}

/// Which sentence encoder `rank` and `run` would use by default, or why they run lexical-only.
struct EncoderStatus: Encodable, Equatable {
    /// `available`, `none` (no model found) or `unusable` (a folder that cannot be loaded).
    var status: String
    var name: String?
    var layers: Int?
    var dimensions: Int?
    var folder: String?
    var problem: String?

    /// The default model's status ($MISSIONMATCH_ENCODER, else the cached download).
    static func current() -> EncoderStatus {
        guard let folder = SemanticSource.environmentOrCachedModelFolder() else { return EncoderStatus(status: "none") }
        do {
            let encoder = try SentenceEncoder(modelFolder: folder)
            return EncoderStatus(status: "available", name: encoder.name, layers: encoder.model.configuration.layerCount,
                                 dimensions: encoder.dimension, folder: folder.path)
        } catch {
            return EncoderStatus(status: "unusable", folder: folder.path, problem: "\(error)")
        }
    }

    /// The text report's line.
    var line: String {
        switch (status, name, layers, dimensions, folder) {
        case ("available", let name?, let layers?, let dimensions?, let folder?):
            return "\(name), \(layers) layers, \(dimensions) dimensions (\(folder))"
        case ("unusable", _, _, _, let folder?):
            return "\(folder) cannot be used: \(problem ?? "unknown problem"); ranking is lexical-only"
        default:
            return "none: ranking is lexical-only (run `bash Scripts/fetch-encoder.sh` for all-MiniLM-L6-v2)"
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
        var model = cpu.modelName.isEmpty ? "unknown CPU" : cpu.modelName
        if let zen = cpu.zenGeneration { model += zen == 1 ? " (Zen or Zen+)" : " (Zen \(zen))" }
        var cpuLine = String(format: "%@, %d cores, %@, %.1f GHz", model, cpu.logicalCores, level, cpu.nominalGHz)
        if let measured = report.measuredGHz { cpuLine += String(format: " (%.1f GHz measured)", measured) }
        lines.append(("CPU", cpuLine))
        lines.append(("scan", "\(report.scoringPass) (the scoring kernel's combine pass)"))
        if let size = report.benchmarkSize, report.measuredGFLOPS > 0 {
            var speed = String(format: "%.0f GFLOPS on %d×%d×%d", report.measuredGFLOPS, size.n, size.n, size.k)
            if let peak = report.peak, peak.gflops > 0 {
                speed += String(format: " (%.0f%% of the %.0f GFLOPS peak: %d cores × %.2f GHz × %.0f flops/cycle)",
                                report.fractionOfPeak * 100, peak.gflops, peak.cores, peak.ghz, peak.flopsPerCycle)
            }
            lines.append(("sgemm", speed))
        }
        lines.append(("status", report.warnings.isEmpty ? "ok" : "\(report.warnings.count) warning(s)"))
        let width = lines.map(\.0.count).max() ?? 0
        var text = lines.map { $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n") + "\n"
        for warning in report.warnings { text += "warning: \(warning)\n" }
        text += hints(for: report).map { "  \($0)\n" }.joined()
        return text
    }

    /// What to do about the report's warnings, in the tool's own terms (the library's warnings name no command).
    static func hints(for report: BLASReport) -> [String] {
        guard !report.warnings.isEmpty else { return [] }
        if !report.isOpenBLAS {
            return ["install OpenBLAS: sudo apt-get install libopenblas0-pthread, then run `missionmatch doctor` again"]
        }
        if report.coreTypeOverride == nil, let core = report.coreName, CoreTypeFix.advice(cpu: report.cpu, coreName: core) != nil {
            return ["missionmatch restarts itself with the right OPENBLAS_CORETYPE unless MISSIONMATCH_NO_OPENBLAS_FIX is set"]
        }
        return ["run `missionmatch doctor` again when the machine is idle"]
    }
}
