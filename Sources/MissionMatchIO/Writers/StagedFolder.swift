import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a whole output folder (one mission's) at once.
///
/// The files are written into a fresh temporary folder beside the destination
/// (`.<name>.<pid>-<random>.staging`, created exclusively), then the old folder
/// is moved aside and the new one renamed into its place. A failure before the
/// swap leaves the old folder untouched; a reader never sees a folder mixing
/// the new agenda with the old. Files of the old folder that the export does
/// not produce (an organiser's notes, an input kept there) are carried over
/// by hard link, never rewritten. The destination itself, or any folder
/// between it and the parent, may not be a symbolic link, and no file of the
/// export may land on a protected input. Debris of a killed run (staging and
/// old folders, temporary files) is removed.
struct StagedFolder {
    /// The folder to replace.
    let folder: URL
    /// Files that must never be overwritten.
    let protectedInputs: [URL]

    /// Writes the files and swaps the folder in.
    ///
    /// - Parameter files: Relative paths (already checked to stay inside) and contents.
    /// - Returns: The final URL of each file.
    /// - Throws: ``OutputError``; the old folder is then as it was.
    func replace(with files: [(relativePath: [String], contents: Data)]) throws(OutputError) -> [URL] {
        let destination = folder.standardizedFileURL
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            if let file = OutputFile.firstNonFolder(above: parent) {
                throw OutputError(path: file.path, reason: "is a file, not a folder, so cannot create the folder \(parent.path)",
                                  suggestion: "give a folder, not a file")
            }
            throw OutputError(path: parent.path, reason: "cannot create the folder",
                              suggestion: "check the path and its permissions, or choose another output folder")
        }
        let old = SafeFileSystem.kind(destination.path)
        switch old {
        case .missing, .folder: break
        case .symbolicLink:
            throw OutputError(path: destination.path, reason: "is a symbolic link and will not be followed",
                              suggestion: "remove the link or choose another output folder")
        case .file, .other:
            throw OutputError(path: destination.path, reason: "is not a folder", suggestion: "remove it or choose another output folder")
        }
        let writer = OutputFile(protectedInputs: protectedInputs)
        for file in files {
            try writer.refuseInput(file.relativePath.reduce(destination) { $0.appending(path: $1) })
        }
        SafeFileSystem.removeDebris(in: parent.path)
        let staging = parent.path + "/." + name + "." + SafeFileSystem.randomTag() + ".staging"
        try SafeFileSystem.makeFolder(staging)
        do {
            try write(files, into: staging)
            if old == .folder { try carryOver(from: destination.path, into: staging, produced: Set(files.map { $0.relativePath[0] })) }
            try swap(staging, into: destination.path, hasOld: old == .folder, parent: parent.path, name: name)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        return files.map { $0.relativePath.reduce(destination) { $0.appending(path: $1) } }
    }

    private func write(_ files: [(relativePath: [String], contents: Data)], into staging: String) throws(OutputError) {
        for file in files {
            let folder = ([staging] + file.relativePath.dropLast()).joined(separator: "/")
            try SafeFileSystem.makeFolders(folder, below: staging)
            let temporary = try SafeFileSystem.writeTemporary(file.contents, in: folder, for: file.relativePath.last ?? "")
            let target = folder + "/" + (file.relativePath.last ?? "")
            guard SafeFileSystem.kind(target) == .missing, rename(temporary, target) == 0 else {
                unlink(temporary)
                throw OutputError(path: target, reason: "is written twice by the export",
                                  suggestion: "this is a bug in the exporter; please report it")
            }
        }
    }

    /// Hard-links the old folder's entries the export does not produce into the new one.
    private func carryOver(from old: String, into staging: String, produced: Set<String>) throws(OutputError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: old)
        } catch {
            throw OutputError(path: old, reason: "cannot be listed", suggestion: "check its permissions")
        }
        for entry in names.sorted() where !produced.contains(entry) && SafeFileSystem.debrisProcess(entry) == nil {
            let source = old + "/" + entry, target = staging + "/" + entry
            if SafeFileSystem.kind(source) == .file, link(source, target) == 0 { continue }
            do {
                try FileManager.default.copyItem(atPath: source, toPath: target)
            } catch {
                throw OutputError(path: source, reason: "cannot be kept in the new folder",
                                  suggestion: "move it out of \(old) and run again")
            }
        }
    }

    /// Moves the old folder aside, the staged one in, and removes the old one.
    private func swap(_ staging: String, into destination: String, hasOld: Bool, parent: String, name: String) throws(OutputError) {
        let aside = parent + "/." + name + "." + SafeFileSystem.randomTag() + ".old"
        if hasOld {
            guard rename(destination, aside) == 0 else {
                throw SafeFileSystem.failure(destination, "cannot be replaced", errno, parent)
            }
        }
        guard rename(staging, destination) == 0 else {
            let code = errno
            if hasOld { rename(aside, destination) }
            throw SafeFileSystem.failure(destination, "cannot be replaced", code, parent)
        }
        if hasOld { try? FileManager.default.removeItem(atPath: aside) }
    }
}
