import Foundation
import ZIPFoundation

/// A workbook's ZIP archive opened with ZIPFoundation, its entries read in
/// chunks under the limits of ``ImportLimits``: decompressed bytes in all
/// (`maxWorkbookBytes`) and per compressed byte (`maxCompressionRatio`), the
/// number of entries (`maxWorkbookEntries`). A zip bomb stops at the first
/// chunk past a limit; nothing is written to disk.
final class WorkbookArchive {
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: ImportLimits
    /// Bytes decompressed so far, from every entry.
    private(set) var decompressedBytes = 0

    /// The size of the chunks handed out.
    static let chunkSize = 1 << 18
    /// The ratio limit applies once an entry has produced this many bytes.
    static let ratioThreshold = 1 << 20
    /// The largest small part (workbook.xml, styles, relationships) read whole.
    static let maxPartBytes = 16 << 20

    /// Opens an archive.
    ///
    /// - Throws: ``WorkbookProblem`` when the file is not a ZIP archive or has too many entries.
    init(url: URL, limits: ImportLimits) throws(WorkbookProblem) {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw WorkbookProblem(kind: .encoding, message: "the file is not an Excel workbook (.xlsx is a ZIP archive; this is not one)",
                                  hint: "save it from Excel or LibreOffice as 'Excel Workbook (.xlsx)', or export it as CSV UTF-8")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maxWorkbookEntries else {
                throw WorkbookProblem(kind: .limitExceeded, message: "the archive has more than \(limits.maxWorkbookEntries) entries",
                                      hint: "a workbook of one table has a few dozen; save the sheet alone as a new workbook")
            }
            if entry.type == .file, entries[entry.path] == nil { entries[entry.path] = entry }
        }
        self.archive = archive
        self.entries = entries
        self.limits = limits
    }

    /// Whether the archive holds a file at `path`.
    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// Streams an entry's decompressed bytes to `body`, chunk by chunk.
    ///
    /// - Throws: ``WorkbookProblem`` for a missing or damaged entry (its
    ///   CRC-32 is checked once all of it was read) or a limit passed, or the
    ///   one `body` throws.
    func stream(_ path: String, _ body: (UnsafeRawBufferPointer) throws(WorkbookProblem) -> Void) throws(WorkbookProblem) {
        guard let entry = entries[path] else {
            throw WorkbookProblem.damaged(path, "the archive has no such part")
        }
        let compressed = max(1, Int(clamping: entry.compressedSize))
        var produced = 0
        let limits = self.limits
        var total = decompressedBytes
        defer { decompressedBytes = total }
        var checksum = CRC32()
        do {
            // ZIPFoundation returns its CRC-32 without comparing it, and on Linux computes it a byte
            // at a time (a quarter of a sheet's reading time): ours, eight bytes at a step, is compared.
            _ = try archive.extract(entry, bufferSize: Self.chunkSize, skipCRC32: true) { data in
                produced += data.count
                total += data.count
                if total > limits.maxWorkbookBytes {
                    throw WorkbookProblem(kind: .limitExceeded,
                                          message: "the workbook decompresses to more than \(ByteCountText.text(limits.maxWorkbookBytes))",
                                          hint: "split it into smaller workbooks; the limit is \(ByteCountText.text(limits.maxWorkbookBytes))")
                }
                if produced > Self.ratioThreshold, produced / compressed > limits.maxCompressionRatio {
                    throw WorkbookProblem(kind: .limitExceeded,
                                          message: "the part \(path) decompresses more than \(limits.maxCompressionRatio) times its stored size, like a zip bomb",
                                          hint: "save the sheet again from Excel or LibreOffice; real workbooks compress far less")
                }
                try data.withUnsafeBytes { bytes in
                    checksum.update(bytes)
                    try body(bytes)
                }
            }
        } catch let problem as WorkbookProblem {
            throw problem
        } catch {
            throw WorkbookProblem.damaged(path, "\(error)")
        }
        guard checksum.value == entry.checksum else {
            throw WorkbookProblem.damaged(path, "its checksum does not match its content (the file was damaged after it was saved)")
        }
    }

    /// A small part read whole (at most ``maxPartBytes``), or `nil` when absent.
    func read(_ path: String) throws(WorkbookProblem) -> [UInt8]? {
        guard entries[path] != nil else { return nil }
        var bytes: [UInt8] = []
        try stream(path) { (chunk) throws(WorkbookProblem) in
            bytes.append(contentsOf: chunk)
            if bytes.count > Self.maxPartBytes {
                throw WorkbookProblem(kind: .limitExceeded, message: "the part \(path) is larger than \(ByteCountText.text(Self.maxPartBytes))",
                                      hint: "save the workbook again from Excel or LibreOffice")
            }
        }
        return bytes
    }
}
