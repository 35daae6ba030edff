/// The largest values the mission and participant formats accept.
///
/// Each maximum is far above what a real matchmaking event needs (the
/// largest B2B events run a few hundred tables over two or three days), so a
/// file that reaches one is a mistake or an attack. The readers reject a
/// value beyond a limit with a line-accurate error; the library clamps where
/// a caller bypasses the readers, so no count can overflow or allocate
/// without bound. The file-format specification lists them (FileFormats §7).
public enum FormatLimits {
    /// The most tables (meetings at once) a mission may have.
    public static let maxTables = 5_000
    /// The most sessions a mission may have.
    public static let maxSessions = 1_000
    /// The most meeting slots of a mission, over all its sessions.
    public static let maxSlots = 5_000
    /// The most table slots (slots × tables) of a mission: the size of the organiser's grid.
    public static let maxTableSlots = 250_000
    /// The most days from a mission's first session to its last.
    public static let maxSessionSpanDays = 366
    /// The most meetings a participant can hold at once (`representatives`).
    public static let maxRepresentatives = 100
    /// The largest `min_meetings` / `max_meetings`, for the mission and for a participant.
    public static let maxMeetings = 10_000
    /// The largest `top_k` and `rank --top`.
    public static let maxTopK = 1_000
    /// The most shards of one ranking (`rank --shard I/N`, N ≤ this).
    public static let maxShards = 4_096
    /// The largest weight; weights are finite numbers from 0 to this.
    public static let maxWeight = 1_000.0
    /// The longest participant or mission id, in characters.
    public static let maxIDLength = 128
    /// The longest word the typo corrector looks at, in characters; longer
    /// words are kept as written (no real word in any language comes close).
    public static let maxCorrectedWordLength = 64
}

// Package-wide (not public): the readers, the summary and the planner use them;
// embedders' own `Int` extensions are not crowded.
extension Int {
    /// `self × other`, or `Int.max` when the product overflows (for counts, which are never negative).
    package func saturatingMultiplied(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? Int.max : product
    }

    /// `self + other`, or `Int.max` when the sum overflows (for counts, which are never negative).
    package func saturatingAdded(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? Int.max : sum
    }
}
