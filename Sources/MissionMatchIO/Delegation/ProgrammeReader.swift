import Foundation
import MissionMatch

/// A programme file (FileFormats §10) with its paths resolved.
public struct ProgrammeFile: Sendable {
    /// One mission of the programme.
    public struct Entry: Sendable {
        /// The mission file.
        public var missionURL: URL
        /// The mission path as written.
        public var missionPath: String
        /// The line of the entry's `mission:` key.
        public var line: Int?
        /// Seats, quotas, budget.
        public var settings: DelegationSettings
    }

    /// The programme's id.
    public var id: String
    /// Its name.
    public var name: String
    /// The SMEs' participants file.
    public var candidatesURL: URL
    /// The line of `candidates:`.
    public var candidatesLine: Int?
    /// The most missions one SME goes on.
    public var maxMissionsPerSME: Int
    /// The missions.
    public var missions: [Entry]
    /// The programme file.
    public var url: URL
    /// Its name in messages.
    public var displayName: String
}

/// Reads a programme file (YAML or JSON, FileFormats §10): every key
/// checked, every problem at its line, all at once.
public struct ProgrammeReader: Sendable {
    /// Size limits.
    public var limits: ImportLimits

    /// A reader.
    ///
    /// - Parameter limits: Size limits.
    public init(limits: ImportLimits = .default) { self.limits = limits }

    /// Reads a programme file.
    ///
    /// - Parameter url: The file.
    /// - Returns: The programme with warnings.
    /// - Throws: ``ImportError`` with every problem.
    public func read(contentsOf url: URL) throws(ImportError) -> Imported<ProgrammeFile> {
        let read = readNamingFiles(contentsOf: url)
        guard let file = read.file, !read.diagnostics.hasErrors else { throw ImportError(diagnostics: read.diagnostics) }
        return Imported(value: file, diagnostics: read.diagnostics)
    }

    /// A file the programme names: resolved, as written, and the line naming it.
    struct NamedFile {
        var url: URL
        var path: String
        var key: String
        var line: Int?
    }

    /// Reads a programme file and, even when it has errors, the files it names (the SMEs file
    /// and every mission file written), so that a missing one is reported in the same pass.
    ///
    /// - Parameter url: The file.
    /// - Returns: The programme (`nil` when it has errors), the files it names, the display name and every problem.
    func readNamingFiles(contentsOf url: URL) -> (file: ProgrammeFile?, named: [NamedFile], displayName: String, diagnostics: Diagnostics) {
        let name = InputFile.displayName(for: url)
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        guard let data = InputFile.readData(url, name: name, limits: limits, into: &diagnostics) else {
            return (nil, [], name, diagnostics)
        }
        var root: StructuredNode?
        if url.pathExtension.lowercased() == "json" {
            do { root = try JSONParser.parse(data) } catch {
                diagnostics.append(Diagnostic(kind: .syntax, file: name, line: error.line, character: error.character,
                                              message: error.message, hint: "fix the JSON syntax"))
            }
        } else if let text = String(validating: data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data, as: UTF8.self) {
            do {
                root = try YAMLDocument.parse(text)
                if root == nil { diagnostics.append(Diagnostic(file: name, message: "the file is empty", hint: "write the keys id, candidates, missions")) }
            } catch {
                diagnostics.append(Diagnostic(kind: .syntax, file: name, line: error.line, message: error.message, hint: "fix the YAML syntax"))
            }
        } else {
            diagnostics.append(Diagnostic(kind: .encoding, file: name, message: "the file is not valid UTF-8", hint: "save it as UTF-8"))
        }
        guard let root else { return (nil, [], name, diagnostics) }
        var reader = StructuredReader(fileName: name, errorLimit: limits.maxErrors)
        var named: [NamedFile] = []
        let file = decode(root, reader: &reader, url: url, name: name, named: &named)
        diagnostics.append(contentsOf: reader.diagnostics)
        return (diagnostics.hasErrors ? nil : file, named, name, diagnostics)
    }

    private static let keys = ["id", "name", "candidates", "max_missions_per_sme", "missions"]
    private static let entryKeys = ["mission", "delegation"]
    private static let delegationKeys = ["seats", "clusters", "each_cluster", "partnerships", "each_partnership",
                                         "budget", "cost_per_sme", "cost_by_country"]

    private func decode(_ root: StructuredNode, reader: inout StructuredReader, url: URL, name: String,
                        named: inout [NamedFile]) -> ProgrammeFile? {
        guard let map = reader.mapping(root, path: "", allowedKeys: Self.keys, hint: "write the keys " + Self.keys.joined(separator: ", ")) else { return nil }
        let id = reader.string(map, "id", required: true, example: "escp4i-2019")
        if let id, id.text.count > FormatLimits.maxIDLength {
            reader.error(line: id.line, key: "id", "the id is longer than \(FormatLimits.maxIDLength) characters", hint: "shorten it")
        }
        let title = reader.string(map, "name")
        let candidates = reader.string(map, "candidates", required: true, example: "smes.csv")
        let maxMissions = reader.integer(map, "max_missions_per_sme", minimum: 1, maximum: FormatLimits.maxDelegationMissions, example: "1") ?? 1
        let base = url.deletingLastPathComponent()
        if let candidates {
            named.append(NamedFile(url: MissionReader.resolve(candidates.text, against: base), path: candidates.text, key: "candidates", line: candidates.line))
        }
        var entries: [ProgrammeFile.Entry] = []
        if let list = reader.list(map, "missions", required: true, example: "[{mission: toronto.yaml, delegation: {seats: 12}}]") {
            if list.items.isEmpty { reader.error(line: list.line, key: "missions", "the list is empty", hint: "name at least one mission") }
            if list.items.count > FormatLimits.maxDelegationMissions {
                reader.error(line: list.line, key: "missions", "\(list.items.count) missions, more than \(FormatLimits.maxDelegationMissions)", hint: "split the programme", kind: .limitExceeded)
            }
            for (index, item) in list.items.prefix(FormatLimits.maxDelegationMissions).enumerated() {
                let path = "missions[\(index + 1)]"
                guard let entry = reader.mapping(item, path: path, allowedKeys: Self.entryKeys, hint: "write mission: FILE and delegation: {seats: N}") else { continue }
                let mission = reader.string(entry, "mission", required: true, example: "../missions/toronto-2019.yaml")
                if let mission {
                    named.append(NamedFile(url: MissionReader.resolve(mission.text, against: base), path: mission.text, key: "mission", line: mission.line))
                }
                guard let block = reader.nested(entry, "delegation", allowedKeys: Self.delegationKeys) else {
                    reader.missing(entry, "delegation", example: "{seats: 12}")
                    continue
                }
                let settings = self.settings(block, reader: &reader)
                if let mission, let settings {
                    entries.append(.init(missionURL: MissionReader.resolve(mission.text, against: base), missionPath: mission.text,
                                         line: mission.line, settings: settings))
                }
            }
            var seen: [URL: Int?] = [:]
            for entry in entries {
                if let first = seen[entry.missionURL] {
                    reader.error(line: entry.line, key: "missions", "'\(entry.missionPath)' is already listed" + (first.map { " on line \($0)" } ?? ""),
                                 hint: "list each mission once", kind: .duplicate)
                } else { seen[entry.missionURL] = entry.line }
            }
        }
        guard let id, let candidates else { return nil }
        return ProgrammeFile(id: id.text, name: title?.text ?? id.text, candidatesURL: MissionReader.resolve(candidates.text, against: base),
                             candidatesLine: candidates.line, maxMissionsPerSME: maxMissions, missions: entries, url: url, displayName: name)
    }

    private func settings(_ block: StructuredReader.Mapping, reader: inout StructuredReader) -> DelegationSettings? {
        let seatLimit = FormatLimits.maxDelegationSeats, money = FormatLimits.maxDelegationMoney
        let seats = reader.integer(block, "seats", minimum: 0, maximum: seatLimit, required: true, example: "12")
        var settings = DelegationSettings(seats: seats ?? 0)
        settings.eachCluster = quota(block, "each_cluster", reader: &reader)
        settings.eachPartnership = quota(block, "each_partnership", reader: &reader)
        settings.clusters = quotas(block, "clusters", reader: &reader)
        settings.partnerships = quotas(block, "partnerships", reader: &reader)
        settings.budget = reader.integer(block, "budget", minimum: 0, maximum: money, example: "40000")
        settings.costPerSME = reader.integer(block, "cost_per_sme", minimum: 0, maximum: money, example: "2500") ?? 0
        if let costs = reader.nested(block, "cost_by_country", allowedKeys: block.entry("cost_by_country").flatMap { entry in
            if case .mapping(let items) = entry.value.value { return items.map(\.key) } else { return nil } } ?? []) {
            for (key, _, _) in costs.entries {
                if let cost = reader.integer(costs, key, minimum: 0, maximum: money, example: "3200") { settings.costByCountry[key.uppercased()] = cost }
            }
        }
        if settings.budget != nil, settings.costPerSME == 0, settings.costByCountry.isEmpty {
            reader.warning(line: block.line, key: block.name("budget"), "a budget without cost_per_sme limits nothing", hint: "add cost_per_sme")
        }
        return seats == nil ? nil : settings
    }

    private func quota(_ map: StructuredReader.Mapping, _ key: String, reader: inout StructuredReader) -> DelegationQuota? {
        guard let block = reader.nested(map, key, allowedKeys: ["min", "max"]) else { return nil }
        let minimum = reader.integer(block, "min", minimum: 0, maximum: FormatLimits.maxDelegationSeats, example: "1") ?? 0
        let maximum = reader.integer(block, "max", minimum: 0, maximum: FormatLimits.maxDelegationSeats, example: "3")
        return DelegationQuota(minimum: minimum, maximum: maximum)
    }

    private func quotas(_ map: StructuredReader.Mapping, _ key: String, reader: inout StructuredReader) -> [String: DelegationQuota] {
        guard let entry = map.entry(key), case .mapping(let items) = entry.value.value else {
            if let entry = map.entry(key), case .null = entry.value.value { return [:] }
            if map.entry(key) != nil { _ = reader.nested(map, key, allowedKeys: []) }
            return [:]
        }
        guard let block = reader.nested(map, key, allowedKeys: items.map(\.key)) else { return [:] }
        var result: [String: DelegationQuota] = [:]
        for item in items { if let quota = quota(block, item.key, reader: &reader) { result[item.key] = quota } }
        return result
    }
}
