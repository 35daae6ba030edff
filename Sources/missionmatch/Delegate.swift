import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// `missionmatch delegate PROGRAMME --out DIR`: who travels on which mission.
struct Delegate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Decide which SMEs travel on which mission of a programme.",
        discussion: """
            Reads a programme file (YAML or JSON; FileFormats §10): the SMEs' \
            participants file, and for each mission its mission file (whose \
            second side holds the counterparts) with a delegation: block of \
            seats, cluster and partnership quotas and an optional budget. Each \
            SME is ranked against each mission's counterparts, valued (its best \
            max_meetings scores, shared when more delegates chase a counterpart \
            than it can meet) and the best delegation under seats, quotas, \
            budgets and max_missions_per_sme is found by min-cost flow (exact), \
            or with binding budgets by a Lagrangian bound (the gap is printed).

            Writes into --out: delegations.csv, delegations.md, \
            first-meetings/<mission>.csv; with --write-participants also \
            participants/<mission>.csv and missions/<mission>.yaml, so that \
            `missionmatch run DIR/missions/<mission>.yaml` plans the chosen delegation.

            Example:

              $ missionmatch delegate Data/programme/delegations-2019.yaml --out OUT/delegations --write-participants

            Exit codes: 0 done, 64 usage, 65 bad data, 66 missing input, 73 cannot write.
            """
    )

    @Argument(help: "The programme file (YAML or JSON).")
    var programme: String

    @Option(name: .long, help: "The output folder.")
    var out: String

    @Flag(name: .long, help: "Also write each mission's participants and mission file for `run`.")
    var writeParticipants = false

    @Option(name: .long, help: "The data folder holding reference/ and programme/.")
    var data: String?

    func run() throws {
        let reference = try CommandInputs.reference(data: data)
        let loaded: LoadedProgramme
        do {
            let read = try ProgrammeLoader(referenceData: reference).load(contentsOf: URL(fileURLWithPath: programme))
            StandardError.write(read.diagnostics.warningLines)
            loaded = read.value
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
        let result: DelegationResult
        do {
            result = try DelegationPipeline(reference: reference).run(loaded, writingParticipants: writeParticipants)
        } catch {
            StandardError.write(["missionmatch: \(error)"])
            throw RunExit.software
        }
        do {
            _ = try result.write(to: URL(fileURLWithPath: out))
        } catch {
            StandardError.write([error.description])
            throw SysExits.cannotCreate
        }
        StandardOutput.write(Self.summary(result.delegation, out: out))
    }

    static func summary(_ delegation: Delegation, out: String) -> String {
        let solution = delegation.solution
        var text = ""
        for mission in delegation.missions {
            text += "\(mission.mission.id): \(mission.delegates.count) of \(mission.settings.seats) seats filled\n"
        }
        text += "method: \(solution.method.rawValue)\(solution.isOptimal ? ", optimal" : ""); value \(String(format: "%.4f", solution.value)), "
            + "upper bound \(String(format: "%.4f", solution.bound)), gap \(String(format: "%.2f", solution.gap * 100)) %\n"
        text += "left home: \(delegation.leftHome.count) SMEs\n"
        for finding in delegation.findings { text += "finding: \(finding)\n" }
        text += "wrote \(out)/delegations.md, \(out)/delegations.csv\n"
        return text
    }
}
