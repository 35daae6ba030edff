import Foundation

/// Opens input files with the checks every reader shares: that the file
/// exists, is a file, is within the size limit, and how to name it in messages.
enum InputFile {
    /// The name a file is shown by: its path relative to the current directory
    /// when it lies below it, else its full path.
    static func displayName(for url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// Checks that `url` names a readable file within the size limit.
    ///
    /// - Returns: The file's size, or `nil` after appending an error.
    static func check(_ url: URL, name: String, limits: ImportLimits, into diagnostics: inout Diagnostics) -> Int? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            diagnostics.append(Diagnostic(kind: .missingFile, file: name, message: "file not found", hint: "check the path"))
            return nil
        }
        guard !isDirectory.boolValue else {
            diagnostics.append(Diagnostic(kind: .unreadableFile, file: name, message: "is a folder, not a file",
                                          hint: "give the path of the file inside it"))
            return nil
        }
        var info = stat()
        if stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            // A device (/dev/zero, /dev/urandom) or a pipe has no size and may never end.
            diagnostics.append(Diagnostic(kind: .unreadableFile, file: name,
                                          message: "is not a regular file (a device, pipe or socket)",
                                          hint: "save the data to a file and give its path"))
            return nil
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.maxFileBytes else {
            diagnostics.append(Diagnostic(
                kind: .limitExceeded, file: name,
                message: "the file is \(ByteCountText.text(size)), more than the \(ByteCountText.text(limits.maxFileBytes)) limit",
                hint: "split it into smaller files"))
            return nil
        }
        return size
    }

    /// Reads a whole (small) file, reporting why it cannot be read.
    static func readData(_ url: URL, name: String, limits: ImportLimits, into diagnostics: inout Diagnostics) -> Data? {
        guard check(url, name: name, limits: limits, into: &diagnostics) != nil else { return nil }
        do {
            return try Data(contentsOf: url)
        } catch {
            diagnostics.append(unreadable(name, error))
            return nil
        }
    }

    static func unreadable(_ name: String, _ error: any Error) -> Diagnostic {
        Diagnostic(kind: .unreadableFile, file: name, message: "cannot be read: \(error.localizedDescription)",
                   hint: "check that the file exists and that you may read it")
    }
}
