/// Size limits that keep a hostile or mistaken file from exhausting memory.
///
/// Every limit gives a clear error naming it, never a crash.
///
/// ```swift
/// var limits = ImportLimits()
/// limits.maxRows = 10_000        // a small event
/// let reader = ParticipantReader(referenceData: data, limits: limits)
/// ```
public struct ImportLimits: Sendable, Hashable {
    /// The largest file read, in bytes (default 1 GiB).
    public var maxFileBytes: Int
    /// The most data rows read from a CSV file or records from a JSON file (default 2,000,000).
    public var maxRows: Int
    /// The longest field, in bytes (default 1 MiB).
    public var maxFieldBytes: Int
    /// The most columns in a CSV file (default 1,000).
    public var maxColumns: Int
    /// The most errors listed per run; the rest are counted (default 200).
    public var maxErrors: Int

    /// Creates limits; every parameter has a default.
    ///
    /// - Parameters:
    ///   - maxFileBytes: Largest file (default 1 GiB).
    ///   - maxRows: Most rows (default 2,000,000).
    ///   - maxFieldBytes: Longest field (default 1 MiB).
    ///   - maxColumns: Most columns (default 1,000).
    ///   - maxErrors: Most errors listed (default 200).
    public init(maxFileBytes: Int = 1 << 30, maxRows: Int = 2_000_000, maxFieldBytes: Int = 1 << 20,
                maxColumns: Int = 1000, maxErrors: Int = 200) {
        self.maxFileBytes = maxFileBytes
        self.maxRows = maxRows
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.maxErrors = maxErrors
    }

    /// The default limits.
    public static let `default` = ImportLimits()
}

/// Formats byte counts for messages: `1 MB`, `512 KB`, `3.2 GB`.
enum ByteCountText {
    static func text(_ bytes: Int) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
    }
}
