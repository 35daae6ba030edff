import Foundation
import MissionMatch

/// A mission with its participants and requests, checked against each other
/// and the reference data: the only input ``MissionPipeline`` takes.
///
/// There are two ways to get one, and both check the same rules:
/// ``MissionLoader`` reads it from files (``LoadedMission/validated``), and
/// ``InputValidator`` checks values built in code. A value that did not pass
/// either cannot be made, so the engine and planner never see duplicate ids,
/// unknown countries, participants on a side the mission does not have or
/// requests naming unknown participants.
public struct ValidatedMission: Sendable {
    /// The mission.
    public let mission: Mission
    /// The participants, in their given order, with countries and sectors normalised.
    public let participants: [Participant]
    /// The meeting requests, in their given order.
    public let requests: [MeetingRequest]
    /// The files they were read from, which outputs never replace; empty for input built in code.
    public let sourceFiles: [URL]

    /// A checked mission; only the loader and the validator make one.
    package init(mission: Mission, participants: [Participant], requests: [MeetingRequest], sourceFiles: [URL]) {
        self.mission = mission
        self.participants = participants
        self.requests = requests
        self.sourceFiles = sourceFiles
    }

    /// The participant with an id, if any.
    ///
    /// - Complexity: O(*n*).
    public func participant(id: String) -> Participant? {
        participants.first { $0.id == id }
    }
}
