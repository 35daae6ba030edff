import Foundation
import MissionMatch

/// One mission, start to finish: rank → plan → render, as data.
///
/// What `missionmatch run` does for each mission, as one call: the
/// recommendations (`MatchingEngine`), the agenda planned from each
/// participant's best candidates (`AgendaPlanner`), and every file an
/// organiser sends out rendered in memory (``MissionResult/files``). Nothing
/// is written until ``MissionResult/write(to:protecting:)``.
///
/// ```swift
/// let reference = try ReferenceDataLoader.bundled()
/// let input = try MissionLoader(referenceData: reference)
///     .load(contentsOf: URL(fileURLWithPath: "Data/missions/toronto-2019.yaml")).value.validated
/// let result = try MissionPipeline(reference: reference).run(input)
/// print(result.plan.agenda.stats.meetings, result.ranking.recommendations(for: "tor-eu-001").count)
/// try result.write(to: URL(fileURLWithPath: "OUT/toronto-2019"))
///
/// // A participant withdraws: re-plan, keeping every other meeting in place.
/// let after = try InputValidator(reference: reference).validate(
///     mission: input.mission, participants: input.participants.filter { $0.id != "tor-ca-012" }).value
/// let replanned = try MissionPipeline(reference: reference).run(after, replanning: result.plan.agenda)
/// replanned.plan.agenda.cancelled   // [CancelledMeeting(…, reason: "tor-ca-012 withdrew")]
/// ```
///
/// The same inputs always give the same bytes in every file, on any number of
/// cores. Cost: the ranking's (near-linear in the participants for a fixed
/// list length) plus the planner's and the files' (linear in the meetings and
/// participants).
public struct MissionPipeline: Sendable {
    /// What the pipeline does besides its defaults.
    public struct Options: Sendable {
        /// The planner's candidates per participant: each participant's best
        /// `candidatesPerParticipant` partners (1 … `FormatLimits.maxTopK`; default 30).
        public var candidatesPerParticipant: Int
        /// The ranking's re-rankings and workers.
        public var ranking: RankingOptions
        /// The planner's options (fixed table side, generator name, exact solver).
        public var planner: AgendaPlanner.Options
        /// Messages shown first in `summary.md`, e.g. a slow BLAS (`BLASReport`).
        public var warnings: [String]

        /// The planner's default candidates per participant (30).
        public static let defaultCandidatesPerParticipant = 30

        /// Options; every parameter has the CLI's default.
        ///
        /// - Parameters:
        ///   - candidatesPerParticipant: Candidates per participant for the planner (clamped to 1 … `FormatLimits.maxTopK`).
        ///   - ranking: The ranking's options.
        ///   - planner: The planner's options.
        ///   - warnings: Messages for `summary.md`.
        public init(candidatesPerParticipant: Int = defaultCandidatesPerParticipant, ranking: RankingOptions = RankingOptions(),
                    planner: AgendaPlanner.Options = AgendaPlanner.Options(), warnings: [String] = []) {
            self.candidatesPerParticipant = min(max(1, candidatesPerParticipant), FormatLimits.maxTopK)
            self.ranking = ranking
            self.planner = planner
            self.warnings = warnings
        }
    }

    /// Countries, sectors, thesaurus and programme.
    public var reference: ReferenceData
    /// The options.
    public var options: Options

    /// A pipeline.
    ///
    /// - Parameters:
    ///   - reference: The reference data (``ReferenceDataLoader/bundled()`` or a folder of your own).
    ///   - options: The options.
    public init(reference: ReferenceData, options: Options = Options()) {
        self.reference = reference
        self.options = options
    }

    /// Ranks, plans and renders one mission.
    ///
    /// - Parameters:
    ///   - input: The checked mission.
    ///   - semantic: Sentence-encoder vectors of the participants (`SemanticVectors`), or `nil` for lexical-only.
    ///   - earlier: The agenda sent out before (e.g. read back with ``AgendaReader``): its meetings stay at
    ///     their slot and table where they still can, the others are cancelled with why (a withdrawn
    ///     participant is named), and the calendars announce moved and cancelled meetings.
    ///   - outcomes: The mission's outcomes file (FileFormats §6b), once the mission is over: read
    ///     against the agenda just planned — the one handed out when the inputs are unchanged — to
    ///     fill the summary's targets with what was achieved. Its problems do not stop the run: they
    ///     are in ``MissionResult/outcomes`` and the summary then shows the plan only.
    ///   - history: The meetings of the programme's earlier missions (`MeetingHistory`): the pairs whose
    ///     organisations met are marked in `recommendations.csv` and its reasons, or left out when the
    ///     mission's rule `exclude_met_before` is on.
    /// - Returns: The ranking, the plan and every output file.
    /// - Throws: ``MissionPipelineError/earlierAgendaOfAnotherMission(found:expected:)`` when `earlier`
    ///   belongs to another mission; ``MissionPipelineError/scoringFailed(_:)`` when the linear algebra
    ///   refuses the input, ``MissionPipelineError/contradictoryInput(_:)`` when the engine or planner
    ///   does (both are bugs: please report them).
    public func run(_ input: ValidatedMission, semantic: SemanticVectors? = nil, replanning earlier: Agenda? = nil,
                    outcomes: URL? = nil, history: MeetingHistory = MeetingHistory()) throws(MissionPipelineError) -> MissionResult {
        try run(input, replanning: earlier, outcomes: outcomes) { engine in
            try engine.rank(mission: input.mission, participants: input.participants, requests: input.requests,
                            semantic: semantic, history: history)
        }
    }

    /// Ranks, plans and renders one mission from its participants' encoding,
    /// computed earlier (`ParticipantEncoder.encode(_:)` with the sentence-encoder
    /// vectors attached, e.g. while those were being read): the same result as
    /// ``run(_:semantic:replanning:outcomes:history:)`` with that encoding's vectors.
    ///
    /// - Parameters:
    ///   - input: The checked mission.
    ///   - encoding: Its participants' encoding, in their order.
    ///   - earlier: The agenda sent out before, as for ``run(_:semantic:replanning:outcomes:history:)``.
    ///   - outcomes: The mission's outcomes file, as there.
    ///   - history: The meetings of the programme's earlier missions, as there.
    /// - Returns: The ranking, the plan and every output file.
    /// - Throws: As ``run(_:semantic:replanning:outcomes:history:)``; an encoding of another number
    ///   of participants is ``MissionPipelineError/scoringFailed(_:)``.
    public func run(_ input: ValidatedMission, encoding: ParticipantEncoding, replanning earlier: Agenda? = nil,
                    outcomes: URL? = nil, history: MeetingHistory = MeetingHistory()) throws(MissionPipelineError) -> MissionResult {
        try run(input, replanning: earlier, outcomes: outcomes) { engine in
            try engine.rank(mission: input.mission, participants: input.participants, requests: input.requests,
                            encoding: encoding, history: history)
        }
    }

    private func run(_ input: ValidatedMission, replanning earlier: Agenda?, outcomes: URL?,
                     ranked: (MatchingEngine) throws -> MissionRanking) throws(MissionPipelineError) -> MissionResult {
        let mission = input.mission
        if let earlier, earlier.mission != mission.id {
            throw .earlierAgendaOfAnotherMission(found: earlier.mission, expected: mission.id)
        }
        let ranking: MissionRanking
        do {
            ranking = try ranked(MatchingEngine(reference: reference, rankingOptions: options.ranking))
        } catch let error as MissionInputError {
            throw .contradictoryInput(error)
        } catch {
            throw .scoringFailed(String(describing: error))
        }
        let plan: AgendaPlan
        do {
            plan = try AgendaPlanner(options: options.planner).plan(
                mission: mission, participants: input.participants, requests: input.requests,
                candidates: ranking.agendaCandidates(limit: options.candidatesPerParticipant),
                keeping: earlier?.keptMeetings ?? [])
        } catch {
            throw .contradictoryInput(error)
        }
        let tables = [
            ExportedFile(relativePath: "recommendations.csv",
                         contents: Data(RecommendationsCSVWriter().csv(for: ranking.recommendations).utf8)),
            ExportedFile(relativePath: "agenda.csv", contents: Data(AgendaCSVWriter().csv(for: plan.agenda).utf8)),
            ExportedFile(relativePath: "agenda.json",
                         contents: Data(AgendaJSONWriter().json(for: plan.agenda, findings: plan.findings).utf8)),
        ]
        let recorded: Result<Imported<[MeetingOutcome]>, ImportError>? = outcomes.map { url in
            Result { () throws(ImportError) in
                try OutcomesReader(mission: mission, participants: input.participants, agenda: plan.agenda)
                    .read(contentsOf: url)
            }
        }
        let files = MissionExport.files(agenda: plan.agenda, mission: mission, participants: input.participants,
                                        warnings: options.warnings, previous: earlier, extraFiles: tables,
                                        outcomes: try? recorded?.get().value)
        return MissionResult(mission: mission, ranking: ranking, plan: plan, files: files, sourceFiles: input.sourceFiles,
                             outcomes: recorded)
    }
}

/// Why ``MissionPipeline/run(_:semantic:replanning:outcomes:history:)`` could not run.
public enum MissionPipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The earlier agenda is for another mission.
    case earlierAgendaOfAnotherMission(found: String, expected: String)
    /// The scoring's linear algebra failed on finite input (a bug).
    case scoringFailed(String)
    /// The engine or the planner refused the input (never for a ``ValidatedMission``
    /// from the loader or ``InputValidator``: a bug if it happens).
    case contradictoryInput(MissionInputError)

    /// What went wrong and what to do.
    public var description: String {
        switch self {
        case .earlierAgendaOfAnotherMission(let found, let expected):
            "the earlier agenda is for mission '\(found)', not '\(expected)' (give the agenda of an earlier run of the same mission)"
        case .scoringFailed(let reason):
            "scoring failed: \(reason) (please report this with the input files)"
        case .contradictoryInput(let error):
            "the input was refused after validation: \(error) (please report this with the input files)"
        }
    }
}
