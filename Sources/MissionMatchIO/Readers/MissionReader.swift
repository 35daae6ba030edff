import Foundation
import MissionMatch

/// Reads and checks a mission file (YAML or JSON).
///
/// Every key is checked: unknown keys are errors (a typo must not silently
/// fall back to a default), values are validated (id pattern, known time
/// zone, `HH:MM` sessions that end after they start, two sides for a bipartite
/// mission, non-negative weights…), and paths are resolved against the
/// mission file's folder.
///
/// ```swift
/// let file = try MissionReader(referenceData: reference)
///     .read(contentsOf: URL(fileURLWithPath: "Data/missions/shanghai-2019.yaml")).value
/// file.mission.slots.count
/// file.participantsURL   // …/Data/participants/shanghai-2019.csv
/// ```
public struct MissionReader: Sendable {
    /// The document formats a mission may be written in.
    public enum Format: Sendable {
        /// YAML 1.1 (read with Yams).
        case yaml
        /// JSON.
        case json
    }

    /// Reference data, used to normalise `host_country`; without it the code is kept as written.
    public var referenceData: ReferenceData?
    /// Size limits.
    public var limits: ImportLimits

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - referenceData: The reference data, if available.
    ///   - limits: Size limits.
    public init(referenceData: ReferenceData? = nil, limits: ImportLimits = .default) {
        self.referenceData = referenceData
        self.limits = limits
    }

    /// Reads a mission file; `.json` as JSON, anything else as YAML.
    ///
    /// - Parameters:
    ///   - url: The mission file.
    ///   - displayName: The name used in messages (default: the path relative to the current directory).
    /// - Returns: The mission with its resolved paths, and warnings.
    /// - Throws: ``ImportError`` with every problem found.
    public func read(contentsOf url: URL, displayName: String? = nil) throws(ImportError) -> Imported<MissionFile> {
        let name = displayName ?? InputFile.displayName(for: url)
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        guard let data = InputFile.readData(url, name: name, limits: limits, into: &diagnostics) else {
            throw ImportError(diagnostics: diagnostics)
        }
        let format: Format = url.pathExtension.lowercased() == "json" ? .json : .yaml
        return try read(data, format: format, displayName: name, baseURL: url.deletingLastPathComponent(), fileURL: url)
    }

    /// Reads a mission held in memory.
    ///
    /// - Parameters:
    ///   - data: The document's bytes.
    ///   - format: YAML or JSON.
    ///   - displayName: The name used in messages, e.g. `mission.yaml`.
    ///   - baseURL: The folder relative paths are resolved against.
    /// - Returns: The mission with its resolved paths, and warnings.
    /// - Throws: ``ImportError`` with every problem found.
    public func read(_ data: Data, format: Format, displayName: String, baseURL: URL) throws(ImportError) -> Imported<MissionFile> {
        try read(data, format: format, displayName: displayName, baseURL: baseURL, fileURL: nil)
    }

    private func read(_ data: Data, format: Format, displayName: String, baseURL: URL, fileURL: URL?) throws(ImportError) -> Imported<MissionFile> {
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        guard let root = parse(data, format: format, name: displayName, diagnostics: &diagnostics) else {
            throw ImportError(diagnostics: diagnostics)
        }
        var decoder = MissionDecoder(fileName: displayName, countries: referenceData?.countries, errorLimit: limits.maxErrors)
        let decoded = decoder.mission(from: root)
        var columns: ColumnMapping?
        if case .mapping(let entries) = root.value, let node = entries.first(where: { $0.key == "columns" })?.value {
            columns = ColumnMappingDecoder.decode(node, path: "columns", reader: &decoder.reader)
        }
        diagnostics.append(contentsOf: decoder.reader.diagnostics)
        guard let decoded, !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        var file = MissionFile(
            mission: decoded.mission, url: fileURL,
            participantsURL: Self.resolve(decoded.mission.participantsPath ?? "", against: baseURL),
            requestsURL: decoded.mission.requestsPath.map { Self.resolve($0, against: baseURL) },
            displayName: displayName, participantsLine: decoded.participantsLine, requestsLine: decoded.requestsLine)
        file.outcomesURL = decoded.mission.outcomesPath.map { Self.resolve($0, against: baseURL) }
        file.columns = columns
        file.encoderURL = decoded.mission.encoderPath.flatMap { path in
            guard path != MissionFile.noEncoder else { return nil }
            // `~/…` is the user's home folder, as a shell would read it.
            return Self.resolve(path.hasPrefix("~/") ? NSString(string: path).expandingTildeInPath : path, against: baseURL)
        }
        return Imported(value: file, diagnostics: diagnostics)
    }

    private func parse(_ data: Data, format: Format, name: String, diagnostics: inout Diagnostics) -> StructuredNode? {
        switch format {
        case .json:
            do {
                return try JSONParser.parse(data)
            } catch {
                diagnostics.append(Diagnostic(kind: .syntax, file: name, line: error.line, character: error.character,
                                              message: error.message, hint: "fix the JSON syntax"))
                return nil
            }
        case .yaml:
            var bytes = data
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                diagnostics.append(Diagnostic(kind: .encoding, file: name, line: Self.firstInvalidUTF8Line(bytes),
                                              message: "the file is not valid UTF-8", hint: "save it as UTF-8"))
                return nil
            }
            do {
                guard let root = try YAMLDocument.parse(text) else {
                    diagnostics.append(Diagnostic(file: name, message: "the file is empty",
                                                  hint: "write the mission's keys: id, name, timezone, participants, pairing, sessions, meeting_minutes, tables"))
                    return nil
                }
                return root
            } catch {
                diagnostics.append(Diagnostic(kind: .syntax, file: name, line: error.line, message: error.message,
                                              hint: "fix the YAML syntax"))
                return nil
            }
        }
    }

    /// The line holding the first byte that is not part of valid UTF-8.
    static func firstInvalidUTF8Line(_ bytes: Data) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    /// Resolves a path written in a mission file: absolute paths stay, relative
    /// ones are taken from the mission file's folder.
    static func resolve(_ path: String, against base: URL) -> URL {
        let folder = URL(fileURLWithPath: base.path, isDirectory: true)
        return path.hasPrefix("/") ? URL(fileURLWithPath: path).standardizedFileURL
            : URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL
    }
}
