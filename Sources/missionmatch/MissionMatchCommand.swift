import ArgumentParser

/// The `missionmatch` command: a thin layer over the MissionMatch libraries.
@main
struct MissionMatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missionmatch",
        abstract: "Match SMEs with business partners and plan B2B meeting agendas.",
        version: MissionMatchVersion.string,
        subcommands: [Doctor.self]
    )
}

/// The tool's version, as printed by `--version` and written into outputs.
enum MissionMatchVersion {
    static let string = "0.1.0"
}
