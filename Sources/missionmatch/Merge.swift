import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// `missionmatch merge PART…`: the shards' parts combined into the whole mission's recommendations.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Combine the parts of a sharded ranking into the mission's recommendations.",
        discussion: """
            Reads the part of every shard (written by `rank --shard I/N --out PART`, \
            FileFormats §12, in any order), checks that they are the N shards of one run, \
            reads the mission and the shared encoding again (the paths the parts name, \
            or --mission / --encoding / --data; the reasons come from the text keys the \
            encoding carries, so no text is analysed again) and writes exactly what \
            `missionmatch rank MISSION --out FILE` writes for the same mission and options: \
            the same congestion pricing, diversity, wishes and reasons (docs/Sharding.md).

            Example:

              $ missionmatch rank M.yaml --no-encoder --write-encoding shared/encoding.mme
              $ for i in 1 2 3; do missionmatch rank M.yaml --encoding shared/encoding.mme --shard $i/3 --out shared/part-$i; done
              $ missionmatch merge shared/part-* --out OUT/recommendations.csv

            Exit codes: 0 done, 64 usage, 65 bad, foreign, duplicate or missing parts, 66 missing input, 73 cannot write.
            """
    )

    @Argument(help: "The parts, one per shard (any order).")
    var parts: [String]

    @Option(name: .long, help: "Output format: table, csv or json (default table; csv when --out is given).")
    var format: Rank.Format?

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var out: String?

    @Option(name: .long, help: "The mission file (default: the one the parts name).")
    var mission: String?

    @Option(name: .long, help: "The shared encoding file (default: the one the parts name).")
    var encoding: String?

    @Option(name: .long, help: "The data folder holding reference/ (default: the one the parts name, else the bundled tables).")
    var data: String?

    func validate() throws {
        if parts.isEmpty { throw ValidationError("Give the part of every shard.") }
        if parts.count > FormatLimits.maxShards {
            throw ValidationError("\(parts.count) parts are more than \(FormatLimits.maxShards) shards.")
        }
    }

    func run() throws {
        var read: [(name: String, file: RankingPartFile)] = []
        var diagnostics: [String] = []
        var missing = false
        for path in parts {
            do {
                read.append((path, try RankingPartFile.read(contentsOf: URL(fileURLWithPath: path), displayName: path)))
            } catch {
                diagnostics += error.diagnostics.errorLines
                missing = missing || error.isMissingFile
            }
        }
        guard diagnostics.isEmpty, let first = read.first?.file else {
            StandardError.write(diagnostics)
            throw missing ? SysExits.noInput : SysExits.dataError
        }
        guard let missionPath = mission ?? first.sources.mission, let encodingPath = encoding ?? first.sources.encoding else {
            StandardError.write(["missionmatch: the parts do not name their mission or encoding file (give --mission and --encoding)"])
            throw SysExits.usage
        }
        let reference = try CommandInputs.reference(in: try CommandInputs.dataFolder(data ?? first.sources.data))
        let (loaded, encodingFile) = try ShardingOptions.reading(encoding: encodingPath) {
            try CommandInputs.mission(missionPath, reference: reference)
        }
        let ranking = try ShardingOptions.reporting {
            try ShardedRanking(reference: reference).merge(read, input: loaded.validated, encoding: encodingFile, encodingName: encodingPath)
        }
        let inputs = CommandInputs.inputs(of: loaded) + (parts + [encodingPath]).map { URL(fileURLWithPath: $0) }
        try RankingOutput.emit(ranking, format: format, out: out, protecting: inputs)
        ProcessLifetime.keepUntilExit((ranking, loaded, encodingFile, read))
    }
}
