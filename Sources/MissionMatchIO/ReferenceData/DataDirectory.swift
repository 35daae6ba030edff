import Foundation

/// Finds the folder of reference data and sample missions (`Data/`).
///
/// The search, in order:
/// 1. an explicit folder (the CLI's `--data DIR`);
/// 2. the `MISSIONMATCH_DATA` environment variable;
/// 3. a `Data/` folder in the current directory or any folder above it;
/// 4. a `Data/` folder next to the executable or in any folder above it
///    (a SwiftPM build lives in `.build/…` inside the checkout).
///
/// Without any, ``ReferenceDataLoader/bundled()`` gives the reference data the
/// library carries (the project's `Data/` tables when it was built).
///
/// A folder qualifies when it holds `reference/countries.csv`. An explicit
/// folder or the environment variable that does not qualify is an error, not
/// a reason to look elsewhere.
///
/// ```swift
/// let data = try DataDirectory.locate()          // …/MissionMatch/Data
/// let custom = try DataDirectory.locate(URL(fileURLWithPath: "my-data"))
/// ```
public enum DataDirectory {
    /// The environment variable naming the data folder.
    public static let environmentVariable = "MISSIONMATCH_DATA"
    /// The file whose presence marks a data folder.
    public static let markerPath = "reference/countries.csv"

    /// Finds the data folder, or `nil` when none of the places holds one and
    /// none was named (use ``ReferenceDataLoader/bundled()`` then).
    ///
    /// - Parameters:
    ///   - explicit: A folder given by the user, which wins when set.
    ///   - environment: The environment to read ``environmentVariable`` from.
    ///   - currentDirectory: Where to start the upward search.
    ///   - executable: The running executable, for the second upward search.
    /// - Returns: The data folder, or `nil`.
    /// - Throws: ``ImportError`` (kind `missing-file`) when `explicit` or
    ///   ``environmentVariable`` names a folder without ``markerPath``.
    public static func find(
        _ explicit: URL? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL? = Bundle.main.executableURL
    ) throws(ImportError) -> URL? {
        if let explicit { return try checked(explicit, origin: nil) }
        if let value = environment[environmentVariable], !value.isEmpty {
            return try checked(URL(fileURLWithPath: value), origin: environmentVariable)
        }
        var starts = [currentDirectory]
        if let executable { starts.append(executable.deletingLastPathComponent()) }
        for start in starts {
            if let found = searchUpward(from: start) { return found }
        }
        return nil
    }

    /// Finds the data folder.
    ///
    /// - Parameters:
    ///   - explicit: A folder given by the user, which wins when set.
    ///   - environment: The environment to read ``environmentVariable`` from.
    ///   - currentDirectory: Where to start the upward search.
    ///   - executable: The running executable, for the second upward search.
    /// - Returns: The data folder.
    /// - Throws: ``ImportError`` (kind `missing-file`) naming the places searched.
    public static func locate(
        _ explicit: URL? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        executable: URL? = Bundle.main.executableURL
    ) throws(ImportError) -> URL {
        if let found = try find(explicit, environment: environment, currentDirectory: currentDirectory, executable: executable) {
            return found
        }
        throw ImportError(Diagnostic(
            kind: .missingFile, file: "Data",
            message: "no data folder found in \(currentDirectory.path) or the folders above it, nor next to the executable",
            hint: "name the folder holding \(markerPath), or set \(environmentVariable) to it"))
    }

    private static func checked(_ url: URL, origin: String?) throws(ImportError) -> URL {
        let folder = url.standardizedFileURL
        guard qualifies(folder) else {
            throw ImportError(Diagnostic(
                kind: .missingFile, file: folder.path, message: "the folder holds no \(markerPath)" + (origin.map { " (named by \($0))" } ?? ""),
                hint: "give the folder that holds reference/ and programme/, e.g. the project's Data folder"))
        }
        return folder
    }

    private static func qualifies(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent(markerPath).path)
    }

    private static func searchUpward(from start: URL) -> URL? {
        var folder = start.standardizedFileURL
        for _ in 0..<32 {
            let candidate = folder.appendingPathComponent("Data")
            if qualifies(candidate) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
        return nil
    }
}
