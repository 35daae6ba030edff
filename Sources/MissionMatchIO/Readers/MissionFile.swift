import Foundation
import MissionMatch

/// A mission as read from its file, with the paths it names resolved.
public struct MissionFile: Sendable, Equatable {
    /// The mission.
    public var mission: Mission
    /// The mission file, if it was read from one.
    public var url: URL?
    /// The participants file, resolved against the mission file's folder.
    public var participantsURL: URL
    /// The requests file, resolved against the mission file's folder.
    public var requestsURL: URL?
    /// The outcomes file of the `outcomes` key, resolved against the mission file's folder.
    public var outcomesURL: URL?
    /// The mission file's name as shown in messages.
    public var displayName: String
    /// The line of the `participants` key, for messages about that file.
    public var participantsLine: Int?
    /// The line of the `requests` key.
    public var requestsLine: Int?
    /// The sentence-encoder model folder of the `encoder` key, resolved against
    /// the mission file's folder (`nil` without the key or with `encoder: none`).
    public var encoderURL: URL?

    /// The `columns:` block: how the participants, requests and outcomes files'
    /// columns become the formats' fields (FileFormats.md, "Column mapping").
    public var columns: ColumnMapping?

    /// The `encoder` value that asks for lexical ranking (no sentence encoder).
    public static let noEncoder = "none"

    /// Whether the file says `encoder: none`.
    public var refusesEncoder: Bool { mission.encoderPath == Self.noEncoder }

    /// Creates a mission file description.
    ///
    /// - Parameters:
    ///   - mission: The mission.
    ///   - url: The mission file.
    ///   - participantsURL: The resolved participants file.
    ///   - requestsURL: The resolved requests file.
    ///   - displayName: The name shown in messages.
    ///   - participantsLine: The line of the `participants` key.
    ///   - requestsLine: The line of the `requests` key.
    public init(mission: Mission, url: URL?, participantsURL: URL, requestsURL: URL?, displayName: String,
                participantsLine: Int? = nil, requestsLine: Int? = nil) {
        self.mission = mission
        self.url = url
        self.participantsURL = participantsURL
        self.requestsURL = requestsURL
        self.displayName = displayName
        self.participantsLine = participantsLine
        self.requestsLine = requestsLine
    }
}
