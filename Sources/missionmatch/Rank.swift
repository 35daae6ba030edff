import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// `missionmatch rank MISSION`: every participant's recommended partners, with reasons.
struct Rank: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend partners for every participant of a mission, with scores and reasons.",
        discussion: """
            Encodes every participant's offers and needs (TF-IDF + LSA), scores \
            every reciprocal pairing with the fused BLAS kernel, spreads the lists \
            away from over-popular participants, keeps them diverse and explains \
            each recommendation. Writes recommendations.csv (file-format specification, FileFormats §4) with \
            --out, or prints a table, CSV or JSON.

            Example:

              $ missionmatch rank Data/missions/toronto-2019.yaml --top 3
              tor-eu-001  Enviro Nord Waste Solutions ApS (DK)
                1  tor-ca-024  0.16  needs joint venture partner ↔ offers Joint venture; …
              …
              $ missionmatch rank Data/missions/toronto-2019.yaml --out OUT/recommendations.csv

            Beyond one machine (docs/Sharding.md): --write-encoding FILE once, then \
            --encoding FILE --shard I/N --out PART per shard, then `missionmatch merge PART…`.

            Exit codes: 0 done, 64 usage, 65 bad data, 66 missing input, 73 cannot write.
            """
    )

    /// How to print the recommendations.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    @Argument(help: "The mission file (YAML or JSON).")
    var mission: String

    @Option(name: .long, parsing: .unconditional, help: "Recommendations per participant (default: the mission's top_k).")
    var top: Int?

    @Option(name: .long, help: "Output format: table, csv or json (default table; csv when --out is given).")
    var format: Format?

    @Option(name: .long, help: "Write to this file instead of standard output.")
    var out: String?

    @Option(name: .long, help: "The data folder holding reference/ and programme/.")
    var data: String?

    @Option(name: .long, help: "A column-mapping file (a columns: block, as `missionmatch columns` writes it) used instead of the mission's own.")
    var columns: String?

    @Flag(name: .long, help: "Plain top-k by score: no congestion control.")
    var noCongestion = false

    @Flag(name: .long, help: "No diversity re-ranking.")
    var noDiversity = false

    @OptionGroup var semantic: SemanticOptions

    @OptionGroup var sharding: ShardingOptions

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1.") }
        if let top, top > FormatLimits.maxTopK {
            throw ValidationError("--top \(top) is more than \(FormatLimits.maxTopK) (write a smaller number).")
        }
        try sharding.validate(semantic: semantic, out: out, format: format.map(\.rawValue))
        try semantic.validateOneMission(command: "rank")
    }

    func run() throws {
        let reference = try CommandInputs.reference(data: data)
        let mapping = try CommandInputs.columns(columns)
        let load = { try CommandInputs.mission(mission, reference: reference, columns: mapping) }
        let loaded: LoadedMission, encodingFile: EncodingFile?
        if let path = sharding.encoding {
            let read = try ShardingOptions.reading(encoding: path, whileRunning: load)  // a shard reads both at once
            (loaded, encodingFile) = (read.0, read.1)
        } else {
            (loaded, encodingFile) = (try load(), nil)
        }
        var options = RankingOptions()
        if noCongestion { options.congestion = 0 }
        if noDiversity { options.diversity = 0 }
        let top = top.map { min($0, max(1, loaded.participants.count)) }
        if try sharding.run(loaded, encodingFile: encodingFile, reference: reference, data: data, options: options, top: top,
                            semantic: semantic, out: out) { return }
        let ranking: MissionRanking
        if let encodingPath = sharding.encoding, let encoding = encodingFile {
            ranking = try ShardingOptions.reporting {
                try ShardedRanking(reference: reference, rankingOptions: options)
                    .rank(loaded.validated, top: top, encoding: encoding, name: encodingPath)
            }
        } else {
            let engine = MatchingEngine(reference: reference, rankingOptions: options)
            ranking = try engine.rank(
                mission: loaded.mission, participants: loaded.participants, requests: loaded.requests,
                top: top, encoding: try semantic.source().encoding(for: loaded, engine: engine))
        }
        try RankingOutput.emit(ranking, format: format, out: out, protecting: CommandInputs.inputs(of: loaded))
        ProcessLifetime.keepUntilExit((ranking, loaded, encodingFile))
    }
}

/// What `rank` and `merge` print or write: the recommendations as CSV
/// (FileFormats §4; the default with `--out`), JSON or a table.
enum RankingOutput {
    /// Writes the ranking to `out` (atomically, never over an input) or prints it.
    ///
    /// The CSV is written in the parts its writer formats on each core, each
    /// as soon as it and the parts before it are formatted, while the others
    /// are still being formatted (never joined in memory: 50 MB for 3,100 × 20,000).
    ///
    /// - Throws: `SysExits.cannotCreate` (73) when the file cannot be written; JSON encoding errors.
    static func emit(_ ranking: MissionRanking, format: Rank.Format?, out: String?, protecting inputs: [URL]) throws {
        let produce: ((String) -> Void) -> Void
        switch format ?? (out == nil ? .table : .csv) {
        case .csv: produce = { write in RecommendationsCSVWriter().csvParts(for: ranking.recommendations, emit: write) }
        case .json: let text = try RankJSON.render(ranking); produce = { write in write(text) }
        case .table: let text = RankTable.render(ranking); produce = { write in write(text) }
        }
        if let out {
            try CommandInputs.write(to: URL(fileURLWithPath: out), protecting: inputs, streaming: produce)
        } else {
            produce { StandardOutput.write($0) }
        }
    }
}

/// `rank --format json`: the recommendations and how they are spread.
enum RankJSON {
    static func render(_ ranking: MissionRanking) throws -> String {
        struct Document: Encodable {
            var recommendations: [Recommendation]
            var statistics: RankingStatistics
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(recommendations: ranking.recommendations.flatMap { $0 }, statistics: ranking.statistics)
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}

/// `rank --format table`: one block per participant.
enum RankTable {
    static func render(_ ranking: MissionRanking) -> String {
        var lines: [String] = []
        for (participant, list) in zip(ranking.participants, ranking.recommendations) where !list.isEmpty {
            lines.append("\(participant.id)  \(participant.name) (\(participant.country))")
            for r in list {
                lines.append("  \(r.rank.description.leftPadded(2))  \(r.partner)  \(FixedPoint.format(r.score, digits: 2))  \(r.reasons)")
            }
        }
        let s = ranking.statistics
        lines.append("")
        lines.append("\(s.recommendations) recommendations in \(s.lists) lists; \(s.distinctPartners) distinct partners, "
            + "most-recommended in \(s.maximumExposure) lists, exposure Gini \(FixedPoint.format(s.exposureGini, digits: 2))")
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
