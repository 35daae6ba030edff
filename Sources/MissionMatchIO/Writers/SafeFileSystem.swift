import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file-system calls of the output writers: exclusive creation that never
/// follows a symbolic link, unpredictable temporary names, and the removal of
/// the debris a killed run leaves.
///
/// Temporary names are `.<name>.<pid>-<16 random hex digits>.tmp` (files) and
/// `.<name>.<pid>-<random>.staging` / `.old` (folders) in the destination's
/// own folder: the random part comes from the system's secure generator, and
/// the process id lets a later run tell debris (its process is gone) from the
/// work of a run still going.
enum SafeFileSystem {
    /// What a path is, without following a final symbolic link.
    enum Kind: Equatable {
        case missing, file, folder, symbolicLink, other
    }

    /// The kind of the entry at `path`, by `lstat`.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// A fresh random tag: `<pid>-<16 hex digits>`.
    static func randomTag() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next()
        let hex = String(value, radix: 16)
        return "\(getpid())-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Creates `folder/.<name>.<tag>.tmp` exclusively (never through a link), writes `data` and closes it.
    ///
    /// - Returns: The temporary file's path.
    /// - Throws: The `errno` text when it cannot be created or written; the file is then removed.
    static func writeTemporary(_ data: Data, in folder: String, for name: String) throws(OutputError) -> String {
        try data.withUnsafeBytes { bytes in Result { () throws(OutputError) in try writeTemporary(bytes: bytes, in: folder, for: name) } }.get()
    }

    /// ``writeTemporary(_:in:for:)-(Data,_,_)`` for text, written as UTF-8 straight from the string's storage (no copy).
    static func writeTemporary(_ text: String, in folder: String, for name: String) throws(OutputError) -> String {
        try writeTemporary(parts: [text], in: folder, for: name)
    }

    /// ``writeTemporary(_:in:for:)-(String,_,_)`` for text given in parts, written one after the other
    /// from each part's storage: the file holds their concatenation, which is never built in memory.
    static func writeTemporary(parts: [String], in folder: String, for name: String) throws(OutputError) -> String {
        try writeTemporary(streaming: { write in parts.forEach(write) }, in: folder, for: name)
    }

    /// ``writeTemporary(parts:in:for:)`` for parts handed over one by one by
    /// `produce` (each written at once; after a failed write the rest are ignored).
    static func writeTemporary(
        streaming produce: (_ write: (String) -> Void) -> Void, in folder: String, for name: String
    ) throws(OutputError) -> String {
        try writeTemporary(in: folder, for: name) { descriptor in
            var failed: Int32 = 0
            produce { part in
                guard failed == 0 else { return }
                var part = part
                failed = part.withUTF8 { bytes in writeAll(UnsafeRawBufferPointer(bytes), to: descriptor) }
            }
            return failed
        }
    }

    private static func writeTemporary(bytes buffer: UnsafeRawBufferPointer, in folder: String, for name: String) throws(OutputError) -> String {
        try writeTemporary(in: folder, for: name) { descriptor in writeAll(buffer, to: descriptor) }
    }

    /// Writes every byte of `buffer` (retrying after signals); the `errno` of a failed write, else 0.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let count = systemWrite(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += count
        }
        return 0
    }

    /// Creates the temporary file, lets `content` write into its descriptor (returning an `errno` or 0),
    /// closes it, and removes it when anything failed.
    private static func writeTemporary(
        in folder: String, for name: String, content: (Int32) -> Int32
    ) throws(OutputError) -> String {
        for _ in 0..<8 {
            let path = folder + "/." + name + "." + randomTag() + ".tmp"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw failure(folder + "/" + name, "cannot be written", errno, folder)
            }
            let written = content(descriptor)
            let closed = close(descriptor) == 0 ? 0 : errno
            if written != 0 || closed != 0 {
                unlink(path)
                throw failure(folder + "/" + name, "cannot be written", written != 0 ? written : closed, folder)
            }
            return path
        }
        throw OutputError(path: folder + "/" + name, reason: "cannot be written (no free temporary name)",
                          suggestion: "remove the .*.tmp files of \(folder)")
    }

    /// Creates a folder that must not exist yet (never through a link), mode 0755 before the umask.
    static func makeFolder(_ path: String) throws(OutputError) {
        guard mkdir(path, 0o755) == 0 else {
            throw failure(path, "cannot create the folder", errno, (path as NSString).deletingLastPathComponent)
        }
    }

    /// Creates `path` and its missing parents, refusing a component that is a link or a file.
    ///
    /// - Parameter base: A folder known to exist (the user's `--out`); only components below it are checked.
    static func makeFolders(_ path: String, below base: String) throws(OutputError) {
        let relative = path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : ""
        var current = base
        for component in relative.split(separator: "/") {
            current += "/" + component
            switch kind(current) {
            case .folder: continue
            case .missing: try makeFolder(current)
            case .symbolicLink:
                throw OutputError(path: current, reason: "is a symbolic link and will not be followed",
                                  suggestion: "remove the link or choose another output folder")
            case .file, .other:
                throw OutputError(path: current, reason: "is not a folder", suggestion: "remove it or choose another output folder")
            }
        }
    }

    /// Removes the temporary files and folders a killed run left in `folder`:
    /// `.NAME.<pid>[-<random>].tmp|staging|old` whose process no longer runs.
    static func removeDebris(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(".") {
            guard let pid = debrisProcess(name), pid != getpid(), !isRunning(pid) else { continue }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
        }
    }

    /// The process id in a temporary name, or `nil` when `name` is not one.
    static func debrisProcess(_ name: String) -> Int32? {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4, let suffix = parts.last, ["tmp", "staging", "old"].contains(suffix) else { return nil }
        let tag = parts[parts.count - 2]
        let pidText = tag.split(separator: "-", maxSplits: 1).first ?? tag
        guard !pidText.isEmpty, pidText.allSatisfy(\.isASCII), pidText.allSatisfy(\.isNumber) else { return nil }
        return Int32(pidText)
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    static func failure(_ path: String, _ what: String, _ code: Int32, _ folder: String) -> OutputError {
        OutputError(path: path, reason: "\(what) (\(String(cString: strerror(code))))",
                    suggestion: "check free space and the permissions of \(folder)")
    }
}
