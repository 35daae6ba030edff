import ArgumentParser
import Foundation
import MatchCore
import MissionMatch
import MissionMatchIO
import SentenceEncoder

/// Where the semantic block's vectors come from, in this order: `--no-encoder`
/// (none); `--vectors FILE` (any model's vectors); `--encoder DIR`; the
/// mission file's `encoder:` key (`none` switches it off); `$MISSIONMATCH_ENCODER`;
/// the default model in the cache folder (`Scripts/fetch-encoder.sh`); else
/// none, said in one line.
struct SemanticOptions: ParsableArguments {
    @Option(name: .customLong("encoder"),
            help: "A sentence-transformers model folder (BERT family; default: the mission's encoder: key, $MISSIONMATCH_ENCODER, else all-MiniLM-L6-v2 in the cache folder).")
    var encoder: String?

    @Option(name: .customLong("vectors"),
            help: "Sentence embeddings of the participants' offers and needs made by any model (participant_id,side,v1…vD; see the file-format specification, FileFormats §5). Repeat once per mission for run and fit-weights, in the order the missions are given.")
    var vectors: [String] = []

    @Flag(name: .customLong("no-encoder"), help: "Rank on the lexical model alone (no sentence encoder, no vectors file).")
    var lexicalOnly = false

    func validate() throws {
        if lexicalOnly && (!vectors.isEmpty || encoder != nil) {
            throw ValidationError("--no-encoder cannot be combined with --vectors or --encoder.")
        }
        if !vectors.isEmpty && encoder != nil { throw ValidationError("Give --vectors or --encoder, not both.") }
    }

    /// Refuses a second `--vectors` in a command that ranks one mission (it would be ignored).
    ///
    /// - Throws: `ValidationError` (exit 64) naming the command.
    func validateOneMission(command: String) throws {
        if vectors.count > 1 {
            throw ValidationError("\(command) ranks one mission: give one --vectors file (\(vectors.count) were given).")
        }
    }

    /// Refuses a number of `--vectors` files other than one per mission (exit 64 after printing why).
    ///
    /// - Parameters:
    ///   - missions: The missions' ids, in the order given.
    /// - Throws: `SysExits.usage` after printing why.
    func checkOnePerMission(_ missions: [String]) throws {
        guard !vectors.isEmpty, vectors.count != missions.count else { return }
        StandardError.write(["missionmatch: --vectors: give one file per mission, in the order the missions are given "
                             + "(\(missions.count) missions: \(missions.joined(separator: ", ")); \(vectors.count) file\(vectors.count == 1 ? "" : "s"))"])
        throw SysExits.usage
    }

    /// A per-run source of vectors: loads the encoder once and shares its cache between missions.
    func source() -> SemanticSource { SemanticSource(options: self) }
}

/// Computes (or reads) the semantic vectors of each mission of a command.
///
/// A model folder is loaded once per command and shared by its missions
/// (the loaded encoders are kept behind a lock).
final class SemanticSource: @unchecked Sendable {
    let options: SemanticOptions
    private let lock = NSLock()
    private var encoders: [String: SentenceEncoder] = [:]
    private var identities: [String: SentenceEncoder.Identity] = [:]

    init(options: SemanticOptions) {
        self.options = options
    }

    /// The cache folder: `$MISSIONMATCH_CACHE`, else `$XDG_CACHE_HOME/missionmatch`, else `~/.cache/missionmatch`.
    static var cacheFolder: URL {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["MISSIONMATCH_CACHE"], !folder.isEmpty { return URL(fileURLWithPath: folder) }
        if let folder = environment["XDG_CACHE_HOME"], !folder.isEmpty {
            return URL(fileURLWithPath: folder).appendingPathComponent("missionmatch")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/missionmatch")
    }

    /// The default model folder (`Scripts/fetch-encoder.sh` puts it there).
    static var defaultModelFolder: URL { cacheFolder.appendingPathComponent("encoders/all-MiniLM-L6-v2") }

    /// `$MISSIONMATCH_ENCODER`, else the default model in the cache folder when it is there.
    static func environmentOrCachedModelFolder() -> URL? {
        if let folder = ProcessInfo.processInfo.environment["MISSIONMATCH_ENCODER"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        let fallback = defaultModelFolder
        return FileManager.default.fileExists(atPath: fallback.appendingPathComponent("config.json").path) ? fallback : nil
    }

    /// Which model folder a mission uses, and why; `nil` when none (with the reason).
    func modelFolder(for loaded: LoadedMission) -> (folder: URL?, origin: String) {
        if let encoder = options.encoder { return (URL(fileURLWithPath: encoder), "--encoder") }
        if loaded.file.refusesEncoder { return (nil, "the mission file says encoder: none") }
        if let url = loaded.file.encoderURL { return (url, "the mission file's encoder: key") }
        if let folder = ProcessInfo.processInfo.environment["MISSIONMATCH_ENCODER"], !folder.isEmpty {
            return (URL(fileURLWithPath: folder), "$MISSIONMATCH_ENCODER")
        }
        let fallback = Self.defaultModelFolder
        if FileManager.default.fileExists(atPath: fallback.appendingPathComponent("config.json").path) {
            return (fallback, "the cache folder")
        }
        return (nil, "no sentence encoder found (run `bash Scripts/fetch-encoder.sh`, or give --encoder DIR or --vectors FILE)")
    }

    /// The mission's semantic vectors, or `nil` for lexical ranking; one line on standard error says which.
    ///
    /// - Parameters:
    ///   - loaded: The mission.
    ///   - position: The mission's position, for `--vectors` given once per mission.
    /// - Throws: The exit code after printing the reason: 66 for a missing
    ///   vectors file or model folder, 65 for an invalid one, 73 never (a cache
    ///   that cannot be saved is a warning).
    func vectors(for loaded: LoadedMission, position: Int = 0, besideForeground: Bool = false) throws -> SemanticVectors? {
        if options.lexicalOnly {
            StandardError.write(["note: \(loaded.mission.id): lexical ranking (--no-encoder)"])
            return nil
        }
        if !options.vectors.isEmpty {
            guard position < options.vectors.count else { return nil }
            return try readVectors(options.vectors[position], for: loaded)
        }
        let (folder, origin) = modelFolder(for: loaded)
        guard let folder else {
            StandardError.write(["note: \(loaded.mission.id): lexical ranking: \(origin)"])
            return nil
        }
        let identity = try self.identity(folder, origin: origin)
        let started = Date()
        let cacheFolder = Self.cacheFolder.appendingPathComponent("embeddings")
        var cache: EmbeddingCache? = EmbeddingCache(
            folder: cacheFolder, fingerprint: identity.fingerprint, dimension: identity.dimension)
        let (offerTexts, needTexts) = SemanticVectors.texts(of: loaded.participants)
        let texts = (offerTexts + needTexts).filter { !$0.isEmpty }
        let encoded: [SentenceEncoder.EncodedText]
        var added = 0, dimension = identity.dimension
        if let cache, texts.allSatisfy({ cache.contains($0) }),
           let cached = { () -> [SentenceEncoder.EncodedText]? in
               // Reading what is cached is background work: it takes the cores the foreground job leaves.
               if besideForeground { BackgroundThread.yieldToForeground() }
               return SentenceEncoder.cached(texts, in: cache)
           }() {
            // Every text is cached: the weights are never loaded.
            encoded = cached
        } else {
            let encoder = try load(folder, origin: origin)
            if encoder.fingerprint != identity.fingerprint {
                // The folder changed since its identity was read: the cache follows the model loaded.
                cache = EmbeddingCache(folder: cacheFolder, fingerprint: encoder.fingerprint, dimension: encoder.dimension)
                dimension = encoder.dimension
            }
            let before = cache?.count ?? 0
            encoded = encoder.encode(texts, cache: &cache)
            added = (cache?.count ?? before) - before
            do {
                try cache?.save()
            } catch {
                StandardError.write(["warning: the embedding cache could not be saved (\(error.localizedDescription)); "
                                     + "the next run encodes again"])
            }
        }
        let vectors = SemanticVectors.assembled(
            participants: loaded.participants, offerTexts: offerTexts, needTexts: needTexts, encoded: encoded,
            dimension: dimension, source: identity.name)
        let seconds = FixedPoint.format(Date().timeIntervalSince(started), digits: 1)
        StandardError.write(["note: \(loaded.mission.id): sentence encoder \(identity.name) (\(origin)): \(texts.count) texts, "
                             + "\(added) encoded, \(texts.count - added) from the cache, \(seconds) s"])
        return vectors
    }

    /// The participants' encoding with their sentence-encoder vectors (or none,
    /// as ``vectors(for:position:)`` decides), the two computed at once: the
    /// vectors are read from the cache (or encoded) while the lexical text
    /// pipeline runs, which leaves the other core idle most of its time —
    /// at programme scale this hides most of the cache's reading. The same
    /// encoding as `MatchingEngine.rank(…semantic:)` computes.
    ///
    /// - Throws: What ``vectors(for:position:)`` throws (first); the lexical encoding's
    ///   `LinearAlgebraError` (a bug: LAPACK does not fail on finite input).
    func encoding(for loaded: LoadedMission, engine: MatchingEngine, position: Int = 0) throws -> ParticipantEncoding {
        let (vectors, lexical) = try ParallelChunks.both(
            { try self.vectors(for: loaded, position: position, besideForeground: true) },
            { try engine.encodedParticipants(loaded.participants, semantic: nil) })
        var encoding = lexical
        encoding.semantic = vectors
        return encoding
    }

    /// The identity of a model folder (``SentenceEncoder/Identity``), read once per command: enough
    /// to open its cache; the weights are loaded (``load(_:origin:)``) only when a text is not cached.
    ///
    /// - Throws: 66 when the folder does not exist or is a file, 65 when it is not a usable model (the reason is printed).
    func identity(_ folder: URL, origin: String) throws -> SentenceEncoder.Identity {
        let key = try checkedFolder(folder, origin: origin)
        lock.lock()
        defer { lock.unlock() }
        if let identity = encoders[key]?.identity ?? identities[key] { return identity }
        do {
            let identity = try SentenceEncoder.Identity(modelFolder: folder)
            identities[key] = identity
            return identity
        } catch {
            StandardError.write(["missionmatch: the sentence encoder \(key) (\(origin)) cannot be used: \(error)"])
            throw SysExits.dataError
        }
    }

    /// The encoder of a model folder, loaded once per command.
    ///
    /// - Throws: 66 when the folder does not exist or is a file, 65 when it is not a usable model (the reason is printed).
    func load(_ folder: URL, origin: String) throws -> SentenceEncoder {
        let key = try checkedFolder(folder, origin: origin)
        lock.lock()
        defer { lock.unlock() }
        if let encoder = encoders[key] { return encoder }
        do {
            let encoder = try SentenceEncoder(modelFolder: folder)
            encoders[key] = encoder
            return encoder
        } catch {
            StandardError.write(["missionmatch: the sentence encoder \(key) (\(origin)) cannot be used: \(error)"])
            throw SysExits.dataError
        }
    }

    /// The folder's standardised path, once it is known to be a folder.
    ///
    /// - Throws: 66 when it does not exist or is a file (the reason is printed).
    private func checkedFolder(_ folder: URL, origin: String) throws -> String {
        let key = folder.standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: key, isDirectory: &isFolder) else {
            StandardError.write(["missionmatch: the sentence encoder folder \(key) (\(origin)) does not exist; "
                                 + "run `bash Scripts/fetch-encoder.sh`, give another --encoder DIR, or --no-encoder"])
            throw SysExits.noInput
        }
        guard isFolder.boolValue else {
            StandardError.write(["missionmatch: the sentence encoder \(key) (\(origin)) is a file, not a model folder; "
                                 + "give the folder that holds config.json and model.safetensors, or --no-encoder"])
            throw SysExits.noInput
        }
        return key
    }

    private func readVectors(_ path: String, for loaded: LoadedMission) throws -> SemanticVectors {
        do {
            let read = try SemanticVectorsReader(participants: loaded.participants)
                .read(contentsOf: URL(fileURLWithPath: path), displayName: path)
            StandardError.write(read.diagnostics.warningLines)
            StandardError.write(["note: \(loaded.mission.id): semantic vectors from \(path) (\(read.value.dimensions) dimensions)"])
            return read.value
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
    }
}

extension SemanticVectors {
    /// The vectors of the participants' offers and needs from the encoder's
    /// results for the non-empty texts (in `offers` then `needs` order), with clauses.
    static func assembled(
        participants: [Participant], offerTexts: [String], needTexts: [String],
        encoded: [SentenceEncoder.EncodedText], dimension: Int, source: String
    ) -> SemanticVectors {
        var next = 0
        func side(_ texts: [String]) -> (Matrix, [Clauses]) {
            var matrix = Matrix(rows: texts.count, columns: dimension)
            var clauses: [Clauses] = []
            for (row, text) in texts.enumerated() {
                guard !text.isEmpty else {
                    clauses.append(Clauses(texts: [], vectors: Matrix(rows: 0, columns: dimension)))
                    continue
                }
                let result = encoded[next]
                next += 1
                matrix.setRow(row, to: result.vector)
                clauses.append(Clauses(texts: result.clauses, vectors: result.clauseVectors))
            }
            return (matrix, clauses)
        }
        let (offers, offerClauses) = side(offerTexts)
        let (needs, needClauses) = side(needTexts)
        return SemanticVectors(offers: offers, needs: needs, source: source, offerClauses: offerClauses, needClauses: needClauses)
    }
}
