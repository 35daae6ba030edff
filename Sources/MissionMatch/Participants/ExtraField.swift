/// A column the participants file holds beyond the documented ones, kept as written.
///
/// Nothing the organiser wrote is dropped: unknown columns travel with the
/// participant in their original order, so exports can carry them through.
public struct ExtraField: Sendable, Hashable, Codable {
    /// The column's header as written in the file.
    public var name: String
    /// The cell's value as written (after CSV unquoting).
    public var value: String

    /// Creates an extra field.
    ///
    /// - Parameters:
    ///   - name: The column header.
    ///   - value: The cell value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
