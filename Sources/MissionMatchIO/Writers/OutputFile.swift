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

/// Writes output files atomically, never over an input, never through a link.
///
/// Each file is written to a temporary file in the destination folder, created
/// exclusively (`O_CREAT | O_EXCL | O_NOFOLLOW`) under an unpredictable name,
/// and then renamed over the destination, so a reader sees either the old file
/// or the whole new one, never half of it; missing folders are created. A
/// destination that is one of the ``protectedInputs``, a folder, or a symbolic
/// link is refused (a link is never followed: it could point anywhere).
/// Temporary files a killed run left in the folder are removed first.
///
/// Every command writes through this type (one file) or the internal `StagedFolder` (a
/// mission's folder, swapped in as a whole).
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
    /// - Throws: ``OutputError`` when the destination is an input, a folder or a
    ///   link, its folder cannot be created or the file cannot be written or renamed.
    public func write(_ text: String, to url: URL) throws(OutputError) {
        try write(to: url) { folder, name throws(OutputError) in try SafeFileSystem.writeTemporary(text, in: folder, for: name) }
    }

    /// Writes text given in parts as UTF-8: the file holds their
    /// concatenation, written part after part, without joining them in memory
    /// first (a 23,100-participant programme's recommendations are 50 MB).
    ///
    /// - Parameters:
    ///   - parts: The file's content, in order.
    ///   - url: The destination.
    /// - Throws: ``OutputError`` as for ``write(_:to:)-(String,_)``.
    public func write(parts: [String], to url: URL) throws(OutputError) {
        try write(to: url) { folder, name throws(OutputError) in try SafeFileSystem.writeTemporary(parts: parts, in: folder, for: name) }
    }

    /// Writes text that is handed over in parts while it is being made:
    /// `produce` calls its argument with each part, in order, and the part
    /// is written to the temporary file at once (as UTF-8, from the string's
    /// storage); the file is renamed into place after `produce` returns.
    /// After a failed write the remaining parts are ignored, and the error is
    /// thrown once `produce` returns; the destination is then untouched.
    ///
    /// - Parameters:
    ///   - url: The destination.
    ///   - produce: Makes the content, handing each part to its argument in order.
    /// - Throws: ``OutputError`` as for ``write(_:to:)-(String,_)``.
    public func write(to url: URL, streaming produce: (_ write: (String) -> Void) -> Void) throws(OutputError) {
        try write(to: url) { folder, name throws(OutputError) in
            try SafeFileSystem.writeTemporary(streaming: produce, in: folder, for: name)
        }
    }

    /// Writes bytes.
    ///
    /// - Parameters:
    ///   - data: The file's content.
    ///   - url: The destination.
    /// - Throws: ``OutputError`` as for ``write(_:to:)-(String,_)``.
    public func write(_ data: Data, to url: URL) throws(OutputError) {
        try write(to: url) { folder, name throws(OutputError) in try SafeFileSystem.writeTemporary(data, in: folder, for: name) }
    }

    /// The checks and the rename around `temporary`, which writes the content to a new file of the folder.
    private func write(to url: URL, temporary: (_ folder: String, _ name: String) throws(OutputError) -> String) throws(OutputError) {
        let destination = url.standardizedFileURL
        let folder = destination.deletingLastPathComponent()
        try refuseInput(destination)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            if let file = Self.firstNonFolder(above: folder) {
                throw OutputError(path: file.path, reason: "is a file, not a folder",
                                  suggestion: "give a folder, not a file")
            }
            throw OutputError(
                path: folder.path, reason: "cannot create the folder (\(Self.reason(error)))",
                suggestion: "check the path and its permissions, or choose another output folder")
        }
        try Self.refuseNonFile(destination.path, shownAs: url.path)
        SafeFileSystem.removeDebris(in: folder.path)
        let written = try temporary(folder.path, destination.lastPathComponent)
        guard rename(written, destination.path) == 0 else {
            let code = errno
            unlink(written)
            throw OutputError(
                path: url.path, reason: "cannot be replaced (\(String(cString: strerror(code))))",
                suggestion: "check the permissions of \(folder.path)")
        }
    }

    /// Refuses a destination that is (or, its folder resolved, names) one of the inputs.
    func refuseInput(_ destination: URL) throws(OutputError) {
        let target = Self.resolvedFolder(of: destination)
        guard protectedInputs.contains(where: { $0.standardizedFileURL.resolvingSymlinksInPath().path == target }) else { return }
        throw OutputError(
            path: destination.path, reason: "is an input of this run and will not be overwritten",
            suggestion: "choose another output folder")
    }

    /// The path with the folder's links resolved and the last component kept as written.
    static func resolvedFolder(of url: URL) -> String {
        let folder = url.deletingLastPathComponent().resolvingSymlinksInPath().path
        return (folder.hasSuffix("/") ? folder : folder + "/") + url.lastPathComponent
    }

    /// The first existing entry on the way to `folder` that is not a folder.
    static func firstNonFolder(above folder: URL) -> URL? {
        var url = folder.standardizedFileURL
        var chain: [URL] = []
        while url.pathComponents.count > 1 {
            chain.insert(url, at: 0)
            url = url.deletingLastPathComponent()
        }
        for step in chain {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: step.path, isDirectory: &isDirectory) else { return nil }
            if !isDirectory.boolValue { return step }
        }
        return nil
    }

    /// Refuses an existing destination that is not a plain file.
    static func refuseNonFile(_ path: String, shownAs shown: String) throws(OutputError) {
        switch SafeFileSystem.kind(path) {
        case .missing, .file: return
        case .folder:
            throw OutputError(path: shown, reason: "is a folder", suggestion: "remove it or choose another output folder")
        case .symbolicLink:
            throw OutputError(path: shown, reason: "is a symbolic link and will not be followed",
                              suggestion: "remove the link or choose another output folder")
        case .other:
            throw OutputError(path: shown, reason: "is not a regular file", suggestion: "remove it or choose another output folder")
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
