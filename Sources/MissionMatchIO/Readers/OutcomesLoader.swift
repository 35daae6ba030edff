import Foundation
import MissionMatch

/// A mission with what its outcome report reads: the agenda that was handed
/// out, the recommendations behind it and the outcomes recorded since.
public struct MissionOutcomes: Sendable {
    /// The mission with its participants and requests.
    public var mission: LoadedMission
    /// The agenda that was handed out.
    public var agenda: Agenda
    /// The recommendations handed out with it (`nil` when the run folder holds none).
    public var recommendations: [OutcomeReport.Recommendation]?
    /// The outcomes, in file order (empty without an outcomes file).
    public var outcomes: [MeetingOutcome]
    /// The outcomes file read, if any.
    public var outcomesURL: URL?

    /// The mission's report.
    ///
    /// - Complexity: See `OutcomeReport.init(mission:participants:agenda:recommendations:outcomes:)`.
    public var report: OutcomeReport {
        OutcomeReport(mission: mission.mission, participants: mission.participants, agenda: agenda,
                      recommendations: recommendations, outcomes: outcomes)
    }
}

/// Reads what a mission's outcome report needs (FileFormats §6b): the
/// mission and its participants, the agenda and recommendations from the
/// folder a run wrote for the mission (`<run folder>/<mission-id>/`), and the
/// outcomes file the mission names (or another one); problems of all files
/// are reported together.
///
/// ```swift
/// let loaded = try OutcomesLoader(referenceData: reference)
///     .load(missionAt: URL(fileURLWithPath: "Data/missions/toronto-2019.yaml"),
///           runFolder: URL(fileURLWithPath: "OUT")).value
/// let report = ProgrammeOutcomeReport(missions: [loaded.report])
/// ```
public struct OutcomesLoader: Sendable {
    /// The reference data.
    public var referenceData: ReferenceData
    /// Size limits for each file.
    public var limits: ImportLimits

    /// Creates a loader.
    ///
    /// - Parameters:
    ///   - referenceData: The reference data.
    ///   - limits: Size limits.
    public init(referenceData: ReferenceData, limits: ImportLimits = .default) {
        self.referenceData = referenceData
        self.limits = limits
    }

    /// Reads a mission's outcome report inputs.
    ///
    /// - Parameters:
    ///   - url: The mission file.
    ///   - displayName: The mission file's name in messages.
    ///   - runFolder: The folder a run wrote, holding `<mission-id>/agenda.json`
    ///     and, if kept, `<mission-id>/recommendations.csv`.
    ///   - outcomes: An outcomes file to read instead of the one the mission
    ///     names; without either, the mission has no outcomes yet.
    /// - Returns: The inputs, with the warnings of every file.
    /// - Throws: ``ImportError`` with the errors of every file; a missing
    ///   agenda or outcomes file is of kind `missing-file`.
    public func load(missionAt url: URL, displayName: String? = nil, runFolder: URL,
                     outcomes: URL? = nil) throws(ImportError) -> Imported<MissionOutcomes> {
        let loaded = try MissionLoader(referenceData: referenceData, limits: limits).load(contentsOf: url, displayName: displayName)
        var diagnostics = loaded.diagnostics
        let mission = loaded.value.mission
        let folder = runFolder.appendingPathComponent(mission.id)
        let agendaURL = folder.appendingPathComponent("agenda.json")
        guard FileManager.default.fileExists(atPath: agendaURL.path) else {
            diagnostics.append(Diagnostic(
                kind: .missingFile, file: agendaURL.path, message: "the agenda handed out for \(mission.id) is not there",
                hint: "give the folder the mission's run wrote (it holds \(mission.id)/agenda.json)"))
            throw ImportError(diagnostics: diagnostics)
        }
        let agenda: Agenda
        do {
            let read = try AgendaReader(mission: mission, limits: limits).read(contentsOf: agendaURL)
            diagnostics.append(contentsOf: read.diagnostics)
            agenda = read.value
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            throw ImportError(diagnostics: diagnostics)
        }
        var recommendations: [OutcomeReport.Recommendation]?
        let recommendationsURL = folder.appendingPathComponent("recommendations.csv")
        if FileManager.default.fileExists(atPath: recommendationsURL.path) {
            do {
                let read = try RecommendationsReader(limits: limits).read(contentsOf: recommendationsURL)
                diagnostics.append(contentsOf: read.diagnostics)
                recommendations = read.value.map {
                    OutcomeReport.Recommendation(participant: $0.participant, partner: $0.partner, rank: $0.rank, score: $0.score)
                }
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        let outcomesURL = outcomes ?? loaded.value.file.outcomesURL
        var recorded: [MeetingOutcome] = []
        if let outcomesURL {
            if FileManager.default.fileExists(atPath: outcomesURL.path) {
                do {
                    var reader = OutcomesReader(mission: mission, participants: loaded.value.participants, agenda: agenda,
                                                limits: limits)
                    reader.columns = loaded.value.file.columns?.outcomes
                    let read = try reader.read(contentsOf: outcomesURL)
                    diagnostics.append(contentsOf: read.diagnostics)
                    recorded = read.value
                } catch {
                    diagnostics.append(contentsOf: error.diagnostics)
                }
            } else {
                diagnostics.append(Diagnostic(
                    kind: .missingFile, file: outcomes == nil ? loaded.value.file.displayName : outcomesURL.path,
                    field: outcomes == nil ? "outcomes" : nil, fieldKind: .key,
                    message: "'\(outcomesURL.path)' does not exist",
                    hint: outcomes == nil ? "check the path; it is relative to the mission file" : "check the path"))
            }
        }
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: MissionOutcomes(mission: loaded.value, agenda: agenda, recommendations: recommendations,
                                               outcomes: recorded, outcomesURL: outcomesURL),
                        diagnostics: diagnostics)
    }
}
