import ArgumentParser
import MatchCore

/// The `missionmatch` command: a thin layer over the MissionMatch libraries.
@main
struct MissionMatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missionmatch",
        abstract: "Match SMEs with business partners and plan B2B meeting agendas.",
        discussion: """
            Start with `missionmatch doctor` to check that the fast BLAS answers.

            Examples:

              $ missionmatch doctor --no-measure
              $ missionmatch validate Data/missions/*.yaml
              $ missionmatch columns export.xlsx --out export.columns.yaml   # propose a column mapping
              $ missionmatch rank Data/missions/toronto-2019.yaml --top 3
              $ missionmatch schedule Data/missions/shanghai-2019.yaml --out OUT/sh
              $ missionmatch run --out OUT    # every mission of Data/missions → OUT/<id>/
              $ missionmatch generate --consortium 300 --counterparts 2000 --seed 1 --out /tmp/gen

            `missionmatch help <command>` shows a worked example per command. \
            Exit codes: 0 done, 64 usage, 65 bad data, 66 missing input, 73 cannot write.
            """,
        version: MissionMatchVersion.string,
        subcommands: [
            Run.self, Validate.self, Columns.self, Rank.self, Merge.self, Schedule.self, Delegate.self, Outcomes.self, Generate.self, Evaluate.self, FitWeights.self, EncodeText.self, Doctor.self,
        ]
    )

    /// Restarts once with the right `OPENBLAS_CORETYPE` when OpenBLAS
    /// misdetected the CPU, then parses and runs the command.
    static func main() async {
        CoreTypeFix.restartIfNeeded()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// The tool's version, as printed by `--version` and written into outputs.
enum MissionMatchVersion {
    static let string = "0.1.0"
}
