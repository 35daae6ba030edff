/// Stable meeting identifiers: the same mission and pair always give the same id,
/// so a re-planned agenda updates calendar entries instead of duplicating them.
public enum MeetingID {
    /// The id of the meeting between two participants of a mission:
    /// `m-` and 16 hex digits of the 64-bit FNV-1a hash of the mission id and the
    /// two participant ids (in either order: the pair is unordered).
    ///
    /// ```swift
    /// MeetingID.make(mission: "toronto-2019", "tor-eu-001", "tor-ca-017")
    /// // == MeetingID.make(mission: "toronto-2019", "tor-ca-017", "tor-eu-001")
    /// ```
    ///
    /// - Parameters:
    ///   - mission: The mission id.
    ///   - first: One participant's id.
    ///   - second: The other's.
    /// - Returns: The meeting id.
    public static func make(mission: String, _ first: String, _ second: String) -> String {
        let (low, high) = first <= second ? (first, second) : (second, first)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in mission.utf8 + [0] + low.utf8 + [0] + high.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "m-" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
