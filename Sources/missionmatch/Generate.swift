import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchEvaluation
import MissionMatchIO

/// `missionmatch generate`: a synthetic programme with planted ground truth.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a synthetic programme (participants, mission, requests) with its ground truth.",
        discussion: """
            Writes four files into --out DIR (created when missing; each file \
            written atomically):

              participants.csv  consortium (eu-…) then counterparts (cp-…)
              mission.yaml      a bipartite mission naming the two files below
              requests.csv      a few must / wish / block requests
              truth.csv         participant_id,partner_id,relevance

            Every participant has hidden offered and needed concepts of the \
            thesaurus in one value chain. Some counterparts are planted for a \
            consortium participant: complementary (offer one of its needs and \
            need one of its offers), one-directional decoys and competitors \
            (same offers, similar text). The truth grades every (consortium, \
            counterpart) pair: 3 = complementary both ways and each targets the \
            other's country, 2 = complementary both ways, 1 = one way only; \
            pairs not listed are 0. Texts paraphrase the concepts with \
            synonyms, filler sentences and typos (--typo-rate, per word of six \
            or more letters). The same options always give the same bytes.

            Examples:

              $ missionmatch generate --consortium 200 --counterparts 1000 --seed 1 --out /tmp/gen
              generated synthetic-1: 200 consortium, 1000 counterparts, 12 requests
                truth: 200 participants with a relevant partner, 4,327 graded pairs
                wrote /tmp/gen/participants.csv, mission.yaml, requests.csv, truth.csv

              $ missionmatch validate /tmp/gen/mission.yaml
              $ missionmatch evaluate /tmp/gen/recommendations.csv --truth /tmp/gen/truth.csv

            Reference data is read from --data DIR, else $\(DataDirectory.environmentVariable), \
            else the nearest Data/ folder.
            """
    )

    @Option(help: "Consortium participants (European cluster members).")
    var consortium: Int

    @Option(help: "Counterparts (organisations of third countries).")
    var counterparts: Int

    @Option(help: "The seed: the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(help: "The folder to write into.")
    var out: String

    @Option(name: .customLong("typo-rate"), help: "Probability of a typo in each word of six or more letters (0–1).")
    var typoRate: Double = 0.02

    @Option(name: .customLong("noise-rate"), help: "Probability of each filler sentence (0–1).")
    var noiseRate: Double = 0.35

    @Option(name: .long, help: "The data folder holding reference/ and programme/.")
    var data: String?

    var options: SyntheticProgrammeOptions {
        SyntheticProgrammeOptions(consortium: consortium, counterparts: counterparts, seed: seed,
                                  typoRate: typoRate, noiseRate: noiseRate)
    }

    func validate() throws {
        if let problem = options.problem { throw ValidationError(problem.prefix(1).uppercased() + problem.dropFirst() + ".") }
    }

    func run() throws {
        let reference: ReferenceData
        do {
            let folder = try DataDirectory.locate(data.map { URL(fileURLWithPath: $0) })
            let loaded = try ReferenceDataLoader.load(from: folder)
            reference = loaded.value
            StandardError.write(loaded.diagnostics.warningLines)
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
        let programme: SyntheticProgramme
        do {
            programme = try SyntheticProgrammeGenerator.generate(options, referenceData: reference)
        } catch {
            StandardError.write(["error: \(error.message)"])
            throw SysExits.dataError
        }
        let folder = URL(fileURLWithPath: out)
        let comment = "Synthetic programme written by missionmatch \(MissionMatchVersion.string): " +
            "missionmatch generate --consortium \(consortium) --counterparts \(counterparts) --seed \(seed)" +
            " --typo-rate \(typoRate) --noise-rate \(noiseRate)"
        let files: [(String, String)] = [
            ("participants.csv", ParticipantCSVWriter().csv(for: programme.participants)),
            ("mission.yaml", MissionFileWriter().yaml(for: programme.mission, comment: comment)),
            ("requests.csv", RequestCSVWriter().csv(for: programme.requests)),
            ("truth.csv", GroundTruthCSVWriter().csv(for: programme.truth)),
        ]
        let writer = OutputFile()
        do {
            for (name, text) in files { try writer.write(text, to: folder.appendingPathComponent(name)) }
        } catch {
            StandardError.write(["error: \(error)"])
            throw SysExits.cannotCreate
        }
        let n = programme.consortiumCount
        print("generated \(programme.mission.id): \(n) consortium, \(programme.participants.count - n) counterparts, "
              + "\(programme.requests.count) requests")
        print("  truth: \(programme.truth.participants.count) participants with a relevant partner, "
              + "\(Self.grouped(programme.truth.count)) graded pairs")
        print("  wrote \(folder.appendingPathComponent("participants.csv").path), mission.yaml, requests.csv, truth.csv")
    }

    /// `41352` → `41,352`.
    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return text
    }
}
