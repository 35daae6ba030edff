import MissionMatch

/// Writes a ground truth as CSV: `participant_id,partner_id,relevance`, one
/// row per relevant pair (relevance > 0), participants in the truth's order,
/// each one's partners the best first (ties by id). ``GroundTruthReader``
/// reads it back.
///
/// ```swift
/// let text = GroundTruthCSVWriter().csv(for: programme.truth)
/// // participant_id,partner_id,relevance
/// // eu-0001,cp-00208,3
/// ```
public struct GroundTruthCSVWriter: Sendable {
    /// A writer.
    public init() {}

    /// The column names, in order.
    public static let header = ["participant_id", "partner_id", "relevance"]

    /// The file's text.
    ///
    /// - Parameter truth: The truth.
    /// - Returns: The CSV, header first, `\n` line ends.
    /// - Complexity: O(*t*) for *t* relevant pairs.
    public func csv(for truth: GroundTruth) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 * (truth.count + 1))
        bytes.append(contentsOf: (Self.header.joined(separator: ",") + "\n").utf8)
        for participant in truth.participants {
            let id = Array(PlainCSV.field(participant).utf8)
            for (partner, relevance) in truth.relevant(for: participant) {
                bytes.append(contentsOf: id)
                bytes.append(UInt8(ascii: ","))
                if PlainCSV.isPlain(partner) {
                    bytes.append(contentsOf: partner.utf8)
                } else {
                    bytes.append(contentsOf: PlainCSV.field(partner).utf8)
                }
                bytes.append(UInt8(ascii: ","))
                if (0...9).contains(relevance) {
                    bytes.append(UInt8(ascii: "0") + UInt8(relevance))
                } else {
                    bytes.append(contentsOf: String(relevance).utf8)
                }
                bytes.append(UInt8(ascii: "\n"))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
