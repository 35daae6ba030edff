import Foundation
import MissionMatch
import MissionMatchIO

/// What `run` tells about one mission: the figures an organiser checks first
/// and where the files are. Printed as text, or as JSON with `--format json`
/// (snake_case keys).
struct MissionRunReport: Codable, Sendable, Equatable {
    /// Participants of one side (or `all` for an open mission).
    struct SideCount: Codable, Sendable, Equatable {
        var side: String
        var count: Int
    }

    /// The mission's id.
    var mission: String
    /// Its name.
    var name: String
    /// `bipartite` or `open`.
    var pairing: String
    /// The mission file as given.
    var file: String
    /// The output folder.
    var folder: String
    /// Participants in all.
    var participants: Int
    /// Participants per side, in the mission's side order.
    var participantsBySide: [SideCount]
    /// Rows of `recommendations.csv`.
    var recommendations: Int
    /// Scheduled meetings.
    var meetings: Int
    /// Meetings kept from the earlier agenda (`--keep-from`).
    var keptMeetings: Int
    /// Meetings of the earlier agenda a re-plan cancelled.
    var cancelledMeetings: Int
    /// Slots of the mission.
    var slots: Int
    /// Tables per slot.
    var tables: Int
    /// Participants with at least one meeting.
    var participantsWithMeetings: Int
    /// `participantsWithMeetings / participants` (0 without participants).
    var coverage: Double
    /// Meetings per participant.
    var meetingsPerParticipant: AgendaStats.Spread
    /// The sum of the meetings' scores.
    var totalScore: Double
    /// The planner's proven upper bound on `totalScore`.
    var upperBound: Double
    /// `1 − totalScore / upperBound`.
    var gap: Double
    /// Participants below their `min_meetings`.
    var unmetMinMeetings: [String]
    /// `must` requests that could not be scheduled, as `[from, to]`.
    var unmetMustRequests: [[String]]
    /// What limits the agenda, as the planner explains it.
    var findings: [String]
    /// Every file written, relative to `folder`, in writing order.
    var files: [String]

    /// Builds the report of a finished mission.
    ///
    /// - Parameters:
    ///   - loaded: The mission as read.
    ///   - ranking: The engine's recommendations.
    ///   - plan: The planned agenda.
    ///   - folder: The mission's output folder.
    ///   - files: The files written, relative to `folder`.
    init(loaded: LoadedMission, ranking: MissionRanking, plan: AgendaPlan, folder: URL, files: [String]) {
        let mission = loaded.mission, stats = plan.agenda.stats
        self.mission = mission.id
        self.name = mission.name
        self.pairing = mission.pairing.rawValue
        self.file = loaded.file.displayName
        self.folder = DisplayPath.of(folder)
        self.participants = loaded.participants.count
        if mission.pairing == .bipartite {
            participantsBySide = mission.sides.map { side in
                SideCount(side: side.rawValue, count: loaded.participants.count { $0.side == side })
            }
        } else {
            participantsBySide = []
        }
        self.recommendations = ranking.recommendations.reduce(0) { $0 + $1.count }
        self.meetings = stats.meetings
        self.keptMeetings = plan.agenda.meetings.count { $0.locked }
        self.cancelledMeetings = plan.agenda.cancelled.count
        self.slots = plan.agenda.slots.count
        self.tables = mission.tables
        self.participantsWithMeetings = stats.participantsWithMeetings
        self.coverage = stats.participants > 0 ? Double(stats.participantsWithMeetings) / Double(stats.participants) : 0
        self.meetingsPerParticipant = stats.meetingsPerParticipant
        self.totalScore = stats.totalScore
        self.upperBound = stats.upperBound
        self.gap = stats.gap
        self.unmetMinMeetings = stats.unmetMinMeetings
        self.unmetMustRequests = stats.unmetMustRequests
        self.findings = plan.findings.map(\.description)
        self.files = files
    }
}

/// The whole `run --format json` document.
struct RunReportDocument: Codable, Sendable {
    /// The tool's version.
    var generator: String
    /// Warnings about the machine (e.g. a slow BLAS), also written into every `summary.md`.
    var warnings: [String]
    /// One report per mission, in run order.
    var missions: [MissionRunReport]

    /// The document as pretty-printed JSON with sorted snake_case keys.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
