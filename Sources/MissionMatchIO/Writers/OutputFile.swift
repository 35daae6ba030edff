import Foundation

/// Why an output file could not be written (the CLI exits 73, `EX_CANTCREAT`).
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file or folder that could not be written.
    public var path: String
    /// What went wrong, in words.
    public var reason: String
    /// What to do about it.
    public var suggestion: String

    /// Creates the error.
    ///
    /// - Parameters:
    ///   - path: The file or folder.
    ///   - reason: What went wrong.
    ///   - suggestion: What to do.
    public init(path: String, reason: String, suggestion: String) {
        self.path = path
        self.reason = reason
        self.suggestion = suggestion
    }

    /// `path: reason (suggestion)`.
    public var description: String { "\(path): \(reason) (\(suggestion))" }
}

/// Writes output files atomically, never over an input.
///
/// Each file is written to a temporary file in the destination folder and then
/// renamed over the destination, so a reader sees either the old file or the
/// whole new one, never half of it; missing folders are created. A destination
/// that is one of the ``protectedInputs`` is refused.
///
/// ```swift
/// let writer = OutputFile(protectedInputs: [participantsURL, missionURL])
/// try writer.write(csv.text, to: outDirectory.appending(path: "recommendations.csv"))
/// ```
public struct OutputFile: Sendable {
    /// Files that must never be overwritten: the run's inputs.
    public var protectedInputs: [URL]

    /// Creates a writer.
    ///
    /// - Parameter protectedInputs: The input files of the run.
    public init(protectedInputs: [URL] = []) {
        self.protectedInputs = protectedInputs
    }

    /// Writes text as UTF-8.
    ///
    /// - Parameters:
    ///   - text: The file's content.
    ///   - url: The destination.
    /// - Throws: ``OutputError`` when the destination is an input, its folder
    ///   cannot be created or the file cannot be written or renamed.
    public func write(_ text: String, to url: URL) throws(OutputError) {
        try write(Data(text.utf8), to: url)
    }

    /// Writes bytes.
    ///
    /// - Parameters:
    ///   - data: The file's content.
    ///   - url: The destination.
    /// - Throws: ``OutputError`` as for ``write(_:to:)-(String,_)``.
    public func write(_ data: Data, to url: URL) throws(OutputError) {
        let destination = url.standardizedFileURL.resolvingSymlinksInPath()
        if protectedInputs.contains(where: { $0.standardizedFileURL.resolvingSymlinksInPath().path == destination.path }) {
            throw OutputError(
                path: url.path, reason: "is an input of this run and will not be overwritten",
                suggestion: "choose another output folder with --out")
        }
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(
                path: folder.path, reason: "cannot create the folder (\(Self.reason(error)))",
                suggestion: "check the path and its permissions, or choose another --out")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw OutputError(
                path: url.path, reason: "is a folder", suggestion: "remove it or choose another --out")
        }
        let temporary = folder.appending(path: ".\(destination.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try data.write(to: temporary, options: [])
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(
                path: url.path, reason: "cannot be written (\(Self.reason(error)))",
                suggestion: "check free space and permissions of \(folder.path)")
        }
        guard rename(temporary.path, destination.path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(
                path: url.path, reason: "cannot be replaced (\(String(cString: strerror(code))))",
                suggestion: "check the permissions of \(folder.path)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
