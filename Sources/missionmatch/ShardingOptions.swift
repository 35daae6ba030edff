import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// `rank`'s options for ranking beyond one machine: `--write-encoding`,
/// `--encoding`, `--shard` (docs/Sharding.md).
struct ShardingOptions: ParsableArguments {
    @Option(name: .customLong("write-encoding"),
            help: "Fit the encoding once, write it to this file (FileFormats §11) and stop: every shard then ranks with it.")
    var writeEncoding: String?

    @Option(name: .customLong("encoding"),
            help: "Rank with the encoding of this file (written by --write-encoding) instead of fitting one.")
    var encoding: String?

    @Option(name: .customLong("shard"),
            help: "Rank only shard I of N (1 ≤ I ≤ N): the first side against the I-th block of the second; needs --encoding and --out, which receives the part (FileFormats §12) for `missionmatch merge`.")
    var shard: String?

    /// The parsed `--shard`.
    var shardSpec: ShardSpec? { shard.flatMap { try? ShardSpec(parsing: $0) } }

    /// Checks the combinations with `rank`'s other options (exit 64 when wrong).
    func validate(semantic: SemanticOptions, out: String?, format: String?) throws {
        if let shard {
            do {
                _ = try ShardSpec(parsing: shard)
            } catch {
                throw ValidationError("--shard: \(error).")
            }
            guard encoding != nil else { throw ValidationError("--shard needs --encoding FILE (write it once with --write-encoding FILE).") }
            guard out != nil else { throw ValidationError("--shard needs --out FILE, the part to write.") }
            if format != nil { throw ValidationError("--shard writes a ranking part; --format does not apply.") }
        }
        if writeEncoding != nil {
            if encoding != nil || shard != nil || out != nil || format != nil {
                throw ValidationError("--write-encoding only writes the encoding; give --encoding, --shard, --out and --format in the shards' commands.")
            }
        }
        if encoding != nil, semantic.lexicalOnly || !semantic.vectors.isEmpty || semantic.encoder != nil {
            throw ValidationError("--encoding carries the sentence-encoder vectors (or none); give --no-encoder, --vectors or --encoder when writing it.")
        }
    }

    /// Runs `--write-encoding` or `--shard`; `false` when neither was given.
    ///
    /// - Throws: The exit code after printing why (65/66 bad or missing input, 73 cannot write).
    func run(_ loaded: LoadedMission, encodingFile: EncodingFile?, reference: ReferenceData, data: String?,
             options: RankingOptions, top: Int?, semantic: SemanticOptions, out: String?) throws -> Bool {
        let sharded = ShardedRanking(reference: reference, rankingOptions: options)
        if let writeEncoding {
            let vectors = try semantic.source().vectors(for: loaded)
            let file = try Self.reporting { try sharded.encode(loaded.validated, semantic: vectors) }
            let bytes = file.data()
            try Self.write(bytes, to: URL(fileURLWithPath: writeEncoding), protecting: CommandInputs.inputs(of: loaded))
            StandardError.write(["note: \(loaded.mission.id): wrote the encoding of \(loaded.participants.count) participants "
                                 + "to \(writeEncoding) (\(FixedPoint.format(Double(bytes.count) / 1e6, digits: 1)) MB)"])
            return true
        }
        guard let spec = shardSpec, let encodingPath = encoding, let encodingFile, let out else { return false }
        let sources = RankingPartFile.Sources(
            mission: URL(fileURLWithPath: loaded.file.url?.path ?? "").standardizedFileURL.path,
            encoding: URL(fileURLWithPath: encodingPath).standardizedFileURL.path,
            data: try CommandInputs.dataFolder(data)?.standardizedFileURL.path)
        let part = try Self.reporting {
            try sharded.rankShard(spec, input: loaded.validated, top: top, encoding: encodingFile, name: encodingPath, sources: sources)
        }
        var protected = CommandInputs.inputs(of: loaded)
        protected.append(URL(fileURLWithPath: encodingPath))
        try Self.write(part.data(), to: URL(fileURLWithPath: out), protecting: protected)
        return true
    }

    /// Writes bytes or exits 73 with the reason.
    private static func write(_ data: Data, to url: URL, protecting inputs: [URL]) throws {
        do {
            try OutputFile(protectedInputs: inputs).write(data, to: url)
        } catch {
            StandardError.write(["missionmatch: \(error)"])
            throw SysExits.cannotCreate
        }
    }

    /// Runs `body` (loading the mission and its participants) while the
    /// encoding file at `path` is read on another thread: the two are
    /// independent and each is about a sixth of a small shard's time. The
    /// encoding's problems are printed after `body`'s — whose errors come
    /// first, as when one followed the other — and exit 65/66.
    ///
    /// - Returns: `body`'s result and the encoding.
    /// - Throws: What `body` throws; then the encoding's exit code (65/66) after printing why.
    static func reading<T: Sendable>(encoding path: String, whileRunning body: () throws -> T) throws -> (T, EncodingFile) {
        let (read, value) = try ParallelChunks.both(
            { Result { try EncodingFile.read(contentsOf: URL(fileURLWithPath: path), displayName: path) } }, body)
        return (value, try reporting { try read.get() })
    }

    /// Runs `body`, printing a library error and turning it into its exit code.
    static func reporting<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ImportError {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        } catch let error as ShardingError {
            StandardError.write(["missionmatch: \(error)"])
            throw SysExits.dataError
        } catch let error as MissionInputError {
            StandardError.write(["missionmatch: \(error)"])
            throw SysExits.dataError
        }
    }
}
