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
    /// The most bytes decompressed from one workbook (`.xlsx`) in all, a zip
    /// bomb's bound (default 4 GiB; FileFormats.md, "Workbook limits").
    public var maxWorkbookBytes: Int
    /// The largest ratio of decompressed to compressed bytes accepted for a
    /// workbook entry once it passes 1 MiB (default 500).
    public var maxCompressionRatio: Int
    /// The most shared strings a workbook may hold (default 2,000,000).
    public var maxSharedStrings: Int
    /// The most bytes of text in a workbook's shared strings (default 256 MiB).
    public var maxSharedStringBytes: Int
    /// The most entries in a workbook's ZIP archive (default 10,000).
    public var maxWorkbookEntries: Int

    /// Creates limits; every parameter has a default.
    ///
    /// - Parameters:
    ///   - maxFileBytes: Largest file (default 1 GiB).
    ///   - maxRows: Most rows (default 2,000,000).
    ///   - maxFieldBytes: Longest field (default 1 MiB).
    ///   - maxColumns: Most columns (default 1,000).
    ///   - maxErrors: Most errors listed (default 200).
    ///   - maxWorkbookBytes: Most bytes decompressed from a workbook (default 4 GiB).
    ///   - maxCompressionRatio: Largest decompressed-to-compressed ratio of a workbook entry (default 500).
    ///   - maxSharedStrings: Most shared strings in a workbook (default 2,000,000).
    ///   - maxSharedStringBytes: Most bytes of shared-string text (default 256 MiB).
    ///   - maxWorkbookEntries: Most entries in a workbook archive (default 10,000).
    public init(maxFileBytes: Int = 1 << 30, maxRows: Int = 2_000_000, maxFieldBytes: Int = 1 << 20,
                maxColumns: Int = 1000, maxErrors: Int = 200, maxWorkbookBytes: Int = 1 << 32,
                maxCompressionRatio: Int = 500, maxSharedStrings: Int = 2_000_000,
                maxSharedStringBytes: Int = 1 << 28, maxWorkbookEntries: Int = 10_000) {
        self.maxFileBytes = maxFileBytes
        self.maxRows = maxRows
        self.maxFieldBytes = maxFieldBytes
        self.maxColumns = maxColumns
        self.maxErrors = maxErrors
        self.maxWorkbookBytes = maxWorkbookBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.maxSharedStrings = maxSharedStrings
        self.maxSharedStringBytes = maxSharedStringBytes
        self.maxWorkbookEntries = maxWorkbookEntries
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
