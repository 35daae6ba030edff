import Foundation
import MatchCore
import MissionMatch

/// The shared encoding of a sharded ranking (FileFormats §11): the vectors
/// LAPACK fitted (`LatentVectors`) and the sentence-encoder vectors, when
/// the mission has them, of one mission's participants — so that every
/// shard and the merge score with the very same bits, on any machine.
///
/// ```swift
/// let file = try EncodingFile(encoding: encoding, participants: input.participants, options: EncoderOptions(), missionID: "tor-2019")
/// try OutputFile().write(file.data(), to: URL(fileURLWithPath: "shared/encoding.mme"))
/// let read = try EncodingFile.read(contentsOf: URL(fileURLWithPath: "shared/encoding.mme"))
/// let again = try read.encoding(of: input.participants, reference: reference)   // == encoding
/// ```
///
/// Besides the vectors it holds the explanation keys (what the reasons read
/// of every text), so that the merge explains pairs without the text
/// pipeline (`explainingEncoding(digest:options:name:)`); the whole
/// encoding, analyses and TF-IDF blocks included, is recomputed from the
/// participants by ``encoding(of:reference:options:name:)``
/// (`ParticipantEncoder.encode(_:latent:)`), which the header's digest of
/// the participants ties to the file.
public struct EncodingFile: Sendable, Equatable {
    /// The file's magic bytes.
    public static let magic = "MMENCODE"
    /// The format version this library writes and reads (4: the explanation
    /// keys carry the terms beside each specific word; versions 1–3 are
    /// refused, write them again).
    public static let version: UInt32 = 4

    /// The mission the encoding was fitted for (for messages).
    public var missionID: String
    /// The digest of the participants (``participantsDigest(_:)``).
    public var participantsDigest: UInt64
    /// The encoder options of the fit.
    public var options: EncoderOptions
    /// The fitted vectors.
    public var latent: LatentVectors
    /// The offers' exact-evidence rows (TF-IDF over the linking terms), so
    /// that a shard scores without running the text pipeline. Kept sparse
    /// until the participants and options are checked.
    public var lexicalOffers: CSRMatrix
    /// The needs' exact-evidence rows.
    public var lexicalNeeds: CSRMatrix
    /// The sentence-encoder vectors, or `nil` for a lexical ranking.
    public var semantic: SemanticVectors?
    /// What the reasons read of every text (`ExplanationKeys`), as bytes:
    /// decoded by the merge only (`explainingEncoding(digest:options:name:)`).
    let explanation: ExplanationSection

    /// An encoding to write.
    ///
    /// - Parameters:
    ///   - encoding: The participants' encoding (its semantic vectors included).
    ///   - participants: The participants, in its order.
    ///   - options: The encoder options it was fitted with.
    ///   - missionID: The mission's id.
    public init(encoding: ParticipantEncoding, participants: [Participant], options: EncoderOptions, missionID: String) {
        self.missionID = missionID
        self.participantsDigest = Self.participantsDigest(participants)
        self.options = options
        self.latent = encoding.latent
        self.lexicalOffers = encoding.lexicalOfferRows
        self.lexicalNeeds = encoding.lexicalNeedRows
        self.semantic = encoding.semantic
        self.explanation = ExplanationSection(encoding.explanationKeys ?? ExplanationKeys(encoding: encoding))
    }

    init(missionID: String, participantsDigest: UInt64, options: EncoderOptions, latent: LatentVectors,
         lexicalOffers: CSRMatrix, lexicalNeeds: CSRMatrix, semantic: SemanticVectors?, explanation: ExplanationSection) {
        self.missionID = missionID
        self.participantsDigest = participantsDigest
        self.options = options
        self.latent = latent
        self.lexicalOffers = lexicalOffers
        self.lexicalNeeds = lexicalNeeds
        self.semantic = semantic
        self.explanation = explanation
    }

    /// The digest that ties a file to its participants: of the cells of
    /// their canonical participants CSV (``ParticipantCSVWriter``), so any
    /// change of an id, side, text, tag or other field changes it
    /// (FileFormats §11 says how it is computed).
    ///
    /// - Complexity: O(size of the participants), the rows digested on all cores
    ///   (the same value on any core count).
    public static func participantsDigest(_ participants: [Participant]) -> UInt64 {
        let writer = ParticipantCSVWriter()
        let (fields, extraNames) = ParticipantCSVWriter.columns(of: participants)
        var digest = Digest64()
        digest.combine(UInt64(participants.count))
        for name in fields.map(\.name) + extraNames { digest.combine(name) }
        let rows: [UInt64] = ParallelChunks.map(count: participants.count, minimumChunk: 512) { range in
            range.map { index in
                var row = Digest64()
                for cell in writer.cells(of: participants[index], fields: fields, extraNames: extraNames) { row.combine(cell) }
                return row.value
            }
        }
        for row in rows { digest.combine(row) }
        return digest.value
    }

    /// The participants' encoding from this file: the text analyses and
    /// weightings recomputed, the vectors as stored (the recomputed
    /// exact-evidence rows must equal the stored ones).
    ///
    /// - Parameters:
    ///   - participants: The mission's participants, in the order of the fit.
    ///   - reference: The reference data (its thesaurus drives the text analysis).
    ///   - current: The encoder options of the reader; they must be the file's.
    ///   - name: The file's name, for messages.
    /// - Returns: The encoding.
    /// - Throws: ``ImportError`` when the file was written for other participants or
    ///   options, or its shapes or rows do not fit them (another thesaurus).
    /// - Complexity: O(text + F log F + n · d); no SVD.
    public func encoding(of participants: [Participant], reference: ReferenceData, options current: EncoderOptions = EncoderOptions(),
                         name: String = "encoding") throws(ImportError) -> ParticipantEncoding {
        try encoding(of: participants, digest: Self.participantsDigest(participants), reference: reference, options: current, name: name)
    }

    func encoding(of participants: [Participant], digest: UInt64, reference: ReferenceData, options current: EncoderOptions,
                  name: String) throws(ImportError) -> ParticipantEncoding {
        try check(digest: digest, options: current, name: name)
        var encoding: ParticipantEncoding
        do {
            encoding = try ParticipantEncoder(thesaurus: reference.thesaurus, options: options).encode(participants, latent: latent)
        } catch {
            throw Self.refusal(name, "\(error) — another thesaurus or reference data than when it was written")
        }
        guard Self.equal(encoding.lexicalOffers, lexicalOffers), Self.equal(encoding.lexicalNeeds, lexicalNeeds) else {
            throw Self.refusal(name, "its exact-evidence rows differ from these participants' (another thesaurus or reference data "
                               + "than when it was written)")
        }
        encoding.semantic = semantic
        return encoding
    }

    /// Whether the dense rows equal the sparse ones (the stored entries, zero
    /// elsewhere), as `dense == Matrix(sparse)` but without expanding the sparse matrix.
    ///
    /// - Complexity: O(rows · columns), no allocation.
    static func equal(_ dense: Matrix, _ sparse: CSRMatrix) -> Bool {
        guard dense.rows == sparse.rows, dense.columns == sparse.columns else { return false }
        let width = dense.columns
        return dense.withUnsafeBufferPointer { elements in
            for row in 0..<sparse.rows {
                var column = 0
                for (stored, value) in sparse.row(row) {
                    while column < stored {
                        guard elements[row * width + column] == 0 else { return false }
                        column += 1
                    }
                    guard elements[row * width + stored] == value else { return false }
                    column = stored + 1
                }
                while column < width {
                    guard elements[row * width + column] == 0 else { return false }
                    column += 1
                }
            }
            return true
        }
    }

    /// What the merge of a sharded ranking needs: the stored vectors and the
    /// explanation keys, no text pipeline — the reasons come out as those of
    /// the whole ranking with the encoding this file was written from.
    ///
    /// - Throws: ``ImportError`` when the file was written for other participants or
    ///   options, or its explanation keys are damaged (naming the byte).
    /// - Complexity: O(size of the file).
    func explainingEncoding(digest: UInt64, options current: EncoderOptions, name: String) throws(ImportError) -> ParticipantEncoding {
        var encoding = try scoringEncoding(digest: digest, options: current, name: name)
        encoding.explanationKeys = try explanation.keys(participants: latent.offers.rows, features: latent.featureVectors.rows, file: name)
        return encoding
    }

    /// What a shard scores with: the stored vectors alone, no text pipeline
    /// (`ParticipantEncoding.scoringOnly`); it cannot explain a pair.
    ///
    /// - Throws: ``ImportError`` when the file was written for other participants or options.
    func scoringEncoding(digest: UInt64, options current: EncoderOptions, name: String) throws(ImportError) -> ParticipantEncoding {
        try check(digest: digest, options: current, name: name)
        return .scoringOnly(latent: latent, lexicalOffers: lexicalOffers, lexicalNeeds: lexicalNeeds, semantic: semantic)
    }

    private func check(digest: UInt64, options current: EncoderOptions, name: String) throws(ImportError) {
        guard participantsDigest == digest else {
            throw Self.refusal(name, "it was written for other participants (mission '\(missionID)', or the participants file changed since)")
        }
        guard options == current else { throw Self.refusal(name, "it was fitted with other encoder options") }
        // The dense exact-evidence block is at most participants × lexicalDimensions: checked before it is expanded.
        guard lexicalOffers.columns <= max(1, options.lexicalDimensions) else {
            throw Self.refusal(name, "its exact-evidence block is \(lexicalOffers.columns) wide, more than the options' \(options.lexicalDimensions)")
        }
    }

    private static func refusal(_ name: String, _ message: String) -> ImportError {
        ImportError(Diagnostic(kind: .invalidValue, file: name, message: message,
                               hint: "write the encoding again from this mission and its participants"))
    }

    /// The file's bytes (FileFormats §11).
    ///
    /// - Complexity: O(size of the vectors).
    public func data() -> Data {
        var builder = BinaryFileBuilder(magic: Self.magic, version: Self.version, header: BinaryHeader.encode(header))
        for matrix in [latent.offers, latent.needs, latent.profiles, latent.featureVectors] { builder.append(matrix) }
        builder.append(sparse: lexicalOffers)
        builder.append(sparse: lexicalNeeds)
        builder.append(bytes: explanation.bytes)
        if let semantic {
            builder.append(semantic.offers)
            builder.append(semantic.needs)
            for clauses in [semantic.offerClauses, semantic.needClauses] {
                for entry in clauses ?? [] { builder.append(entry.vectors) }
            }
        }
        return builder.finished()
    }

    /// Reads a file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - displayName: Its name in messages (default: its path).
    ///   - limits: The size limit.
    /// - Returns: The encoding file.
    /// - Throws: ``ImportError`` (missing, unreadable, not an encoding, another version, damaged, inconsistent).
    public static func read(contentsOf url: URL, displayName: String? = nil, limits: ImportLimits = .default) throws(ImportError) -> EncodingFile {
        let name = displayName ?? InputFile.displayName(for: url)
        var diagnostics = Diagnostics()
        guard let data = InputFile.readData(url, name: name, limits: limits, into: &diagnostics) else {
            throw ImportError(diagnostics: diagnostics)
        }
        return try read(data, name: name)
    }

    /// Reads a file's bytes.
    ///
    /// - Throws: ``ImportError`` naming `name` and the byte at fault.
    public static func read(_ data: Data, name: String) throws(ImportError) -> EncodingFile {
        var reader = try BinaryFileReader(data: data, name: name, magic: magic, version: version, what: "a missionmatch encoding")
        let header = try BinaryHeader.decode(Header.self, from: reader.header, file: name)
        guard header.format == Header.formatName else {
            throw reader.error("the header names format '\(header.format)', not '\(Header.formatName)'")
        }
        guard let digest = UInt64(header.participantsDigest, radix: 16) else {
            throw reader.error("the header's participantsDigest is not 16 hex digits")
        }
        let n = header.participants
        let shapes = [header.offers, header.needs, header.profiles, header.featureVectors]
        guard shapes.allSatisfy({ $0.count == 2 && $0[0] >= 0 && $0[1] >= 1 }), n >= 0,
              header.offers == [n, header.offers[1]], header.needs == header.offers, header.profiles[0] == n else {
            throw reader.error("the header's matrix shapes do not fit \(n) participants")
        }
        let names = ["offers", "needs", "profiles", "featureVectors"]
        var matrices: [Matrix] = []
        for (shape, matrixName) in zip(shapes, names) { matrices.append(try reader.matrix(shape[0], shape[1], name: matrixName)) }
        guard header.lexical.count == 2, header.lexical[0] == n, header.lexical[1] >= 1 else {
            throw reader.error("the header's lexical shape does not fit \(n) participants")
        }
        let lexicalOffers = try reader.sparseMatrix(n, header.lexical[1], name: "lexical offers")
        let lexicalNeeds = try reader.sparseMatrix(n, header.lexical[1], name: "lexical needs")
        guard header.explanation.count == 2, header.explanation.allSatisfy({ $0 >= 0 }) else {
            throw reader.error("the header's explanation is not [strings, bytes]")
        }
        let (section, sectionStart) = try reader.bytes(header.explanation[1])
        let explanation = ExplanationSection(bytes: section, strings: header.explanation[0], fileOffset: sectionStart)
        var semantic: SemanticVectors?
        if let vectors = header.semantic {
            guard vectors.dimensions >= 1, vectors.offerClauses.map({ $0.count == n }) ?? true,
                  vectors.needClauses.map({ $0.count == n }) ?? true else {
                throw reader.error("the header's semantic block does not fit \(n) participants")
            }
            let offers = try reader.matrix(n, vectors.dimensions, name: "semantic offers")
            let needs = try reader.matrix(n, vectors.dimensions, name: "semantic needs")
            func clauses(_ texts: [[String]]?, _ label: String) throws(ImportError) -> [SemanticVectors.Clauses]? {
                guard let texts else { return nil }
                var result: [SemanticVectors.Clauses] = []
                for list in texts {
                    result.append(SemanticVectors.Clauses(
                        texts: list, vectors: try reader.matrix(list.count, vectors.dimensions, name: label)))
                }
                return result
            }
            let offerClauses = try clauses(vectors.offerClauses, "offer clause vectors")
            let needClauses = try clauses(vectors.needClauses, "need clause vectors")
            semantic = SemanticVectors(normalizedOffers: offers, needs: needs, source: vectors.source,
                                       offerClauses: offerClauses, needClauses: needClauses)
        }
        try reader.finish()
        return EncodingFile(
            missionID: header.mission, participantsDigest: digest, options: header.encoder.options,
            latent: LatentVectors(offers: matrices[0], needs: matrices[1], profiles: matrices[2], featureVectors: matrices[3]),
            lexicalOffers: lexicalOffers, lexicalNeeds: lexicalNeeds, semantic: semantic, explanation: explanation)
    }

    /// The digest of the content (participants digest, options, every
    /// vector's bits): what a ranking part names, so a part of another
    /// encoding is refused.
    ///
    /// - Complexity: O(size of the vectors).
    public var digest: UInt64 {
        var digest = Digest64()
        digest.combine(participantsDigest)
        digest.combine(BinaryHeader.encode(header))
        var matrices = [latent.offers, latent.needs, latent.profiles, latent.featureVectors]
        for sparse in [lexicalOffers, lexicalNeeds] {
            for row in 0..<sparse.rows {
                let entries = sparse.row(row)
                digest.combine(UInt64(entries.count))
                for (column, value) in entries { digest.combine(UInt64(column) << 32 | UInt64(value.bitPattern)) }
            }
        }
        digest.combine(explanation.bytes)
        if let semantic {
            matrices += [semantic.offers, semantic.needs]
            matrices += (semantic.offerClauses ?? []).map(\.vectors) + (semantic.needClauses ?? []).map(\.vectors)
        }
        for matrix in matrices { matrix.withUnsafeBufferPointer { digest.combine(UnsafeRawBufferPointer($0)) } }
        return digest.value
    }

    private var header: Header {
        Header(
            format: Header.formatName, mission: missionID,
            participants: latent.offers.rows, participantsDigest: Digest64.hex(participantsDigest),
            encoder: .init(options), offers: [latent.offers.rows, latent.offers.columns],
            needs: [latent.needs.rows, latent.needs.columns], profiles: [latent.profiles.rows, latent.profiles.columns],
            featureVectors: [latent.featureVectors.rows, latent.featureVectors.columns],
            lexical: [lexicalOffers.rows, lexicalOffers.columns],
            explanation: [explanation.strings, explanation.bytes.count],
            semantic: semantic.map {
                .init(source: $0.source, dimensions: $0.dimensions, offerClauses: $0.offerClauses?.map(\.texts),
                      needClauses: $0.needClauses?.map(\.texts))
            })
    }

    /// The JSON header (FileFormats §11).
    struct Header: Codable {
        static let formatName = "missionmatch-encoding"
        var format: String
        var mission: String
        var participants: Int
        var participantsDigest: String
        var encoder: Options
        var offers: [Int]
        var needs: [Int]
        var profiles: [Int]
        var featureVectors: [Int]
        var lexical: [Int]
        var explanation: [Int]
        var semantic: Semantic?

        struct Options: Codable {
            var latentDimensions: Int
            var profileDimensions: Int
            var powerIterations: Int
            var oversampling: Int
            var seed: UInt64
            var conceptBoost: Float
            var lexicalDimensions: Int
            var lexicalConceptBoost: Float

            init(_ options: EncoderOptions) {
                latentDimensions = options.latentDimensions
                profileDimensions = options.profileDimensions
                powerIterations = options.powerIterations
                oversampling = options.oversampling
                seed = options.seed
                conceptBoost = options.conceptBoost
                lexicalDimensions = options.lexicalDimensions
                lexicalConceptBoost = options.lexicalConceptBoost
            }

            var options: EncoderOptions {
                EncoderOptions(latentDimensions: latentDimensions, profileDimensions: profileDimensions,
                               powerIterations: powerIterations, oversampling: oversampling, seed: seed,
                               conceptBoost: conceptBoost, lexicalDimensions: lexicalDimensions,
                               lexicalConceptBoost: lexicalConceptBoost)
            }
        }

        struct Semantic: Codable {
            var source: String
            var dimensions: Int
            var offerClauses: [[String]]?
            var needClauses: [[String]]?
        }
    }
}
