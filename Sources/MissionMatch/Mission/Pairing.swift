/// Who may meet whom at a mission.
public enum Pairing: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// Participants meet only participants of the other side (e.g. consortium ↔ counterpart).
    case bipartite
    /// Anyone may meet anyone (a matchmaking event).
    case open

    /// The value as written in mission files.
    public var description: String { rawValue }
}
