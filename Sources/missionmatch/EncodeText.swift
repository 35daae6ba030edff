import ArgumentParser
import Foundation
import SentenceEncoder

/// `missionmatch encode-text`: one embedding per input line, for checking the
/// encoder against other implementations.
struct EncodeText: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode-text",
        abstract: "Embed one text per line of standard input; print one JSON array of floats per line.",
        discussion: """
            Each line of standard input (UTF-8, without its line end) is one text; \\
            each output line is its L2-normalised embedding, as sentence-transformers' \\
            encode(..., normalize_embeddings=True) gives it (the float32 values in \\
            their shortest round-trip form). An empty line is the empty text.

            The model: --encoder DIR, else $MISSIONMATCH_ENCODER, else \\
            all-MiniLM-L6-v2 in the cache folder (bash Scripts/fetch-encoder.sh).

            Example:

              $ printf 'Tinned fish\\ncanned seafood\\n' | missionmatch encode-text
              [-0.0412,0.0087,…]
              [-0.0391,0.0213,…]

            Exit codes: 0 done, 65 the model folder is not a usable model, 66 no model folder.
            """
    )

    @Option(help: "A sentence-transformers model folder (BERT family).")
    var encoder: String?

    func run() throws {
        let folder = encoder.map { URL(fileURLWithPath: $0) } ?? SemanticSource.environmentOrCachedModelFolder()
        guard let folder else {
            StandardError.write(["missionmatch: no sentence encoder found; run `bash Scripts/fetch-encoder.sh` or give --encoder DIR"])
            throw SysExits.noInput
        }
        let model = try SemanticSource(options: SemanticOptions()).load(folder, origin: encoder == nil ? "default" : "--encoder")
        var texts: [String] = []
        while let line = readLine(strippingNewline: true) { texts.append(line) }
        let vectors = model.encode(texts)
        var output = ""
        for row in 0..<vectors.rows {
            output += "[" + vectors.row(row).map { "\($0)" }.joined(separator: ",") + "]\n"
        }
        StandardOutput.write(output)
    }
}
