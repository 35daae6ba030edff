import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// Where the semantic block's vectors come from: a vectors file, or no
/// semantic block at all.
struct SemanticOptions: ParsableArguments {
    @Option(name: .customLong("vectors"),
            help: "Sentence embeddings of the participants' offers and needs made by any model (participant_id,side,v1…vD; see the README). Repeat once per mission for fit-weights.")
    var vectors: [String] = []

    @Flag(name: .customLong("no-encoder"), help: "Rank on the lexical model alone (no sentence encoder, no vectors file).")
    var lexicalOnly = false

    func validate() throws {
        if lexicalOnly && !vectors.isEmpty { throw ValidationError("Give --vectors or --no-encoder, not both.") }
    }

    /// The semantic vectors for one mission (the `position`-th when several are given), or `nil`.
    ///
    /// - Throws: The exit code (65/66) after printing every error of the vectors file.
    func vectors(for loaded: LoadedMission, position: Int = 0) throws -> SemanticVectors? {
        guard !lexicalOnly, position < vectors.count else { return nil }
        let path = vectors[position]
        do {
            let read = try SemanticVectorsReader(participants: loaded.participants)
                .read(contentsOf: URL(fileURLWithPath: path), displayName: path)
            StandardError.write(read.diagnostics.warningLines)
            return read.value
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
    }
}
