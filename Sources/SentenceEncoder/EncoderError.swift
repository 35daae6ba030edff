/// Why a sentence-encoder model folder cannot be used.
///
/// Every error names the file at fault (when there is one) and says what is
/// wrong and what to do, in words a user who only downloaded the model can
/// act on. Nothing a model folder contains traps: every size, offset and
/// shape read from it is checked before use.
public struct EncoderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at fault, as given (a path inside the model folder), if any.
    public var file: String?
    /// What is wrong and what to do.
    public var message: String

    /// An error about `file` (or the folder as a whole when `nil`).
    public init(file: String?, _ message: String) {
        self.file = file
        self.message = message
    }

    /// `file: message`, or the message alone.
    public var description: String {
        if let file { return "\(file): \(message)" }
        return message
    }
}
