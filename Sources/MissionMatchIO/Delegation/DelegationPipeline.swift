import Foundation
import MissionMatch

/// The programme level, start to finish: who travels on which mission, as
/// data, like ``MissionPipeline`` for one mission. Nothing is written
/// until ``DelegationResult/write(to:protecting:)``.
///
/// ```swift
/// let reference = try ReferenceDataLoader.bundled()
/// let programme = try ProgrammeLoader(referenceData: reference)
///     .load(contentsOf: URL(fileURLWithPath: "Data/programme/delegations-2019.yaml")).value
/// let result = try DelegationPipeline(reference: reference).run(programme, writingParticipants: true)
/// result.delegation.missions[0].delegates.first?.reasons
/// try result.write(to: URL(fileURLWithPath: "OUT/delegations"))
/// ```
///
/// Cost: one ranking per mission (the kernel's, SMEs × counterparts) and a
/// few flows over SMEs × missions edges (`DelegationPlanner`).
public struct DelegationPipeline: Sendable {
    /// Countries, sectors, thesaurus and the programme's clusters.
    public var reference: ReferenceData
    /// The planner's options.
    public var options: DelegationPlanner.Options

    /// A pipeline.
    ///
    /// - Parameters:
    ///   - reference: The reference data.
    ///   - options: The planner's options.
    public init(reference: ReferenceData, options: DelegationPlanner.Options = DelegationPlanner.Options()) {
        self.reference = reference
        self.options = options
    }

    /// Plans the delegation and renders its files.
    ///
    /// - Parameters:
    ///   - programme: The loaded programme.
    ///   - writingParticipants: Also render each mission's participants and mission file for `run`.
    /// - Returns: The delegation and its files.
    /// - Throws: ``MissionPipelineError/scoringFailed(_:)`` or ``MissionPipelineError/contradictoryInput(_:)``
    ///   (bugs: the loader checks what the engine needs).
    public func run(_ programme: LoadedProgramme, writingParticipants: Bool = false) throws(MissionPipelineError) -> DelegationResult {
        let delegation: Delegation
        do {
            delegation = try DelegationPlanner(reference: reference, options: options)
                .plan(candidates: programme.candidates, missions: programme.missionInputs,
                      maxMissionsPerSME: programme.file.maxMissionsPerSME)
        } catch let error as MissionInputError {
            throw .contradictoryInput(error)
        } catch {
            throw .scoringFailed(String(describing: error))
        }
        let writer = DelegationWriter()
        var files = [
            ExportedFile(relativePath: "delegations.md", contents: Data(writer.markdown(for: delegation, programme: programme.file.name).utf8)),
            ExportedFile(relativePath: "delegations.csv", contents: Data(writer.csv(for: delegation).utf8)),
        ]
        for mission in delegation.missions {
            let name = OutputFileName.sanitized(mission.mission.id)
            files.append(ExportedFile(relativePath: "first-meetings/\(name).csv", contents: Data(writer.firstMeetingsCSV(for: mission).utf8)))
            if writingParticipants {
                files.append(ExportedFile(relativePath: "participants/\(name).csv",
                                          contents: Data(writer.participantsCSV(for: mission, candidates: delegation.candidates).utf8)))
                files.append(ExportedFile(relativePath: "missions/\(name).yaml", contents: Data(writer.missionYAML(for: mission).utf8)))
            }
        }
        return DelegationResult(delegation: delegation, files: files, sourceFiles: programme.sourceFiles)
    }
}

/// What ``DelegationPipeline`` produced: the delegation and its files, in memory.
public struct DelegationResult: Sendable {
    /// The delegation.
    public let delegation: Delegation
    /// Every output file, in the order written.
    public let files: [ExportedFile]
    /// The files read, which ``write(to:protecting:)`` never replaces.
    public let sourceFiles: [URL]

    /// The file at a relative path, e.g. `delegations.csv`.
    ///
    /// - Complexity: O(*f*) for *f* files.
    public func file(_ relativePath: String) -> ExportedFile? { files.first { $0.relativePath == relativePath } }

    /// Writes every file into a folder, staged and swapped in as a whole (as ``MissionResult/write(to:protecting:)``).
    ///
    /// - Parameters:
    ///   - folder: The output folder (created when missing; not a symbolic link).
    ///   - inputs: More files never to replace.
    /// - Returns: The URLs written.
    /// - Throws: ``OutputError`` when a file cannot be written, would replace an input or leave `folder`.
    public func write(to folder: URL, protecting inputs: [URL] = []) throws(OutputError) -> [URL] {
        try MissionExport.write(files, to: folder, output: OutputFile(protectedInputs: sourceFiles + inputs))
    }
}
