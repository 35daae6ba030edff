/// A proposed mapping of an export's columns to MissionMatch's participant
/// fields, with how sure each proposal is and why — for an organiser to
/// review (``ColumnSuggestion/yaml`` writes it as a `columns:` block).
public struct ColumnSuggestion: Sendable, Equatable {
    /// How sure a proposal is.
    public enum Confidence: String, Sendable, Comparable {
        /// The header names the field and the values fit (score ≥ 0.8).
        case high
        /// Likely, to be checked (score ≥ 0.5).
        case medium
        /// A guess, written commented out (score ≥ 0.3).
        case low

        /// The level of a score in [0, 1].
        public init(score: Double) {
            self = score >= 0.8 ? .high : score >= 0.5 ? .medium : .low
        }

        /// High before medium before low.
        public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
            let order: [Confidence] = [.high, .medium, .low]
            return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
        }
    }

    /// A sector name the taxonomy does not know, with the closest taxonomy codes.
    public struct UnknownSector: Sendable, Equatable {
        /// The name as written in the export.
        public var name: String
        /// Up to three sector codes, closest first (possibly none).
        public var nearest: [String]
    }

    /// The proposal for one field.
    public struct Field: Sendable, Equatable {
        /// The MissionMatch field, e.g. `name`.
        public var field: String
        /// The source columns, in header order.
        public var columns: [String]
        /// The list separator found in the cells (list fields only).
        public var separator: String?
        /// Source labels and the MissionMatch values proposed for them, in order of first appearance.
        public var values: [(label: String, value: String)]
        /// Source labels no keyword recognised (enumeration fields).
        public var unmatchedLabels: [String]
        /// Sector names not in the taxonomy (`sectors` only).
        public var unknownSectors: [UnknownSector]
        /// The score in [0, 1]: the header's match times the share of values that fit.
        public var score: Double
        /// Why it was proposed.
        public var reason: String

        /// The confidence level of ``score``.
        public var confidence: Confidence { Confidence(score: score) }

        /// Compares two proposals (tuples are not `Equatable`).
        public static func == (lhs: Field, rhs: Field) -> Bool {
            lhs.field == rhs.field && lhs.columns == rhs.columns && lhs.separator == rhs.separator
                && lhs.values.map(\.label) == rhs.values.map(\.label) && lhs.values.map(\.value) == rhs.values.map(\.value)
                && lhs.unmatchedLabels == rhs.unmatchedLabels && lhs.unknownSectors == rhs.unknownSectors
                && lhs.score == rhs.score && lhs.reason == rhs.reason
        }
    }

    /// A source column no field was proposed for, with the kind of its values.
    public struct Unmapped: Sendable, Equatable {
        /// The header.
        public var column: String
        /// What its values look like: `text`, `long text`, `number`, `date`, `email`, `website`, `country`, `countries`, `sectors` or `empty`.
        public var kind: String
    }

    /// The file the sample came from.
    public var fileName: String
    /// The sheet read, for workbooks.
    public var sheet: String?
    /// The number of data rows sampled.
    public var sampledRows: Int
    /// The field grouping rows (`id`, `email` or `name`) when a key repeats in the sample.
    public var groupBy: String?
    /// The proposals, in MissionMatch's field order.
    public var fields: [Field]
    /// The columns left out.
    public var unmapped: [Unmapped]
    /// Required fields (`id`, `name`, `country`) nothing was proposed for.
    public var missingRequired: [String]

    /// The proposal for a field, if any.
    public func field(_ name: String) -> Field? { fields.first { $0.field == name } }

    /// The mapping of the proposals at `minimum` confidence or above, as a mapping file would give it.
    ///
    /// - Parameter minimum: The lowest confidence kept (default ``Confidence/medium``).
    public func mapping(minimum: Confidence = .medium) -> TableMapping {
        TableMapping(sheet: sheet, groupBy: groupBy, fields: fields.filter { $0.confidence <= minimum }.map { field in
            FieldMapping(field: field.field, columns: field.columns, separator: field.separator,
                         values: Dictionary(field.values.map { (ValueKey.of($0.label), $0.value) }) { first, _ in first })
        })
    }
}
