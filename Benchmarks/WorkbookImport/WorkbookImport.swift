// Reading and validating participants from an Excel workbook against the same
// data as CSV (issue 18's target: the workbook within 2 × the CSV's time, in
// bounded memory).
//
//   cd Benchmarks && swift package benchmark --target WorkbookImport
//   MISSIONMATCH_BENCH_SCALE=ci swift package benchmark --target WorkbookImport
//
// Full size: 100,000 generated participants (the CI size 10,000), written once
// before measuring into $TMPDIR/missionmatch-workbook-N/ as participants.csv
// and participants.xlsx (the same cells: shared strings as Excel writes them,
// multi-line texts, lists, numbers), with mission-csv.yaml and
// mission-xlsx.yaml naming them, for the command-line comparison:
//
//   /usr/bin/time -v .build/release/missionmatch validate $TMPDIR/missionmatch-workbook-100000/mission-xlsx.yaml
//   /usr/bin/time -v .build/release/missionmatch validate $TMPDIR/missionmatch-workbook-100000/mission-csv.yaml
//
// "Workbook ÷ CSV" reads both in each iteration, alternating, and reports the
// ratio of their times (× 100): the figure to trust on a shared machine.

import Benchmark
import Foundation
import ImportInputs
import MissionMatch
import MissionMatchIO
import ZIPFoundation

let header = ["id", "name", "country", "type", "cluster", "sectors", "offers", "needs", "offer_tags", "need_tags", "target_countries",
              "cooperation", "languages", "max_meetings", "min_meetings", "representatives", "email", "contact", "website"]

/// The cells of generated row `row` (numbers as text; `isNumber` says which are numbers in the workbook).
func cells(_ row: Int) -> [String] {
    let countries = ["CZ", "Germany", "FR", "NL", "Polska", "ES", "CN", "CA", "USA"]
    let sectors = ["packaging|food", "nanotech|packaging", "plastics", "microelectronics|software", "logistics|retail"]
    let offers = ["Nanofibre barrier coatings for food packaging films, replacing aluminium layers; pilot line of 2 t/day",
                  "PLA and PBAT compounds for thermoformed trays, in-house compounding line with \"food-contact\" certification",
                  "Retail-ready packaging design,\nshort runs of printed folding cartons",
                  "Printed RFID and NFC labels for cold-chain monitoring of fresh produce"]
    let needs = ["Converters and brand owners to pilot recyclable high-barrier films",
                 "Distributors of bioplastic resins in East China, bonded warehouse preferred",
                 "E-commerce brands needing premium, sustainable gift boxes"]
    return ["p\(row)", "Organisation \(row) s.r.o.", countries[row % countries.count], "sme", "Nanoprogress z.s.",
            sectors[row % sectors.count], offers[row % offers.count], needs[row % needs.count], "barrier coating|PLA film|nanofibres",
            "compostable packaging", "EU|CN", "technical|licensing|distribution", "en|cs", "\(row % 9)", "\(row % 3)", "\(1 + row % 2)",
            "info\(row)@example.com", "Jana Nováková", "https://example.com/\(row)"]
}

let numberColumns: Set<Int> = [13, 14, 15]

func csvField(_ text: String) -> String {
    text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
}

func xmlText(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
}

func columnLetters(_ column: Int) -> String {
    var number = column + 1, text = ""
    while number > 0 {
        text = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + text
        number = (number - 1) / 26
    }
    return text
}

/// Writes the CSV, the workbook and a mission file for each into `folder`.
func writeInputs(count: Int, into folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var csv = header.joined(separator: ",") + "\n"
    var shared: [String] = [], index: [String: Int] = [:]
    let letters = header.indices.map(columnLetters)
    var sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    func add(_ values: [String], row: Int) {
        sheet += "<row r=\"\(row)\">"
        for (column, value) in values.enumerated() where !value.isEmpty {
            if row > 1, numberColumns.contains(column) {
                sheet += "<c r=\"\(letters[column])\(row)\"><v>\(value)</v></c>"
            } else {
                let id: Int
                if let known = index[value] {
                    id = known
                } else {
                    id = shared.count
                    shared.append(value)
                    index[value] = id
                }
                sheet += "<c r=\"\(letters[column])\(row)\" t=\"s\"><v>\(id)</v></c>"
            }
        }
        sheet += "</row>"
    }
    add(header, row: 1)
    for row in 0..<count {
        let values = cells(row)
        csv += values.map(csvField).joined(separator: ",") + "\n"
        add(values, row: row + 2)
    }
    sheet += "</sheetData></worksheet>"
    try Data(csv.utf8).write(to: folder.appendingPathComponent("participants.csv"))
    let strings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(shared.count)\" uniqueCount=\"\(shared.count)\">"
        + shared.map { "<si><t xml:space=\"preserve\">\(xmlText($0))</t></si>" }.joined() + "</sst>"
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let parts: [(String, String)] = [
        ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
        ("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"Participants\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
        ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"),
        ("xl/sharedStrings.xml", strings),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    let workbook = folder.appendingPathComponent("participants.xlsx")
    try? FileManager.default.removeItem(at: workbook)
    let archive = try Archive(url: workbook, accessMode: .create)
    for (path, text) in parts {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                             provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
    }
    for kind in ["csv", "xlsx"] {
        let mission = """
            id: workbook-benchmark
            name: "Workbook benchmark"
            host_country: BE
            city: Brussels
            timezone: Europe/Brussels
            participants: participants.\(kind)
            pairing: open
            sessions:
              - {date: 2019-03-26, start: "09:30", end: "12:30"}
            meeting_minutes: 20
            break_minutes: 5
            tables: 16
            max_meetings: 6

            """
        try Data(mission.utf8).write(to: folder.appendingPathComponent("mission-\(kind).yaml"))
    }
}

func size(_ url: URL) -> Int { (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0 }

/// The number of participants read, or -1 when the file has errors.
func read(_ url: URL, _ reader: ParticipantReader) -> Int {
    do { return try reader.read(contentsOf: url).value.count } catch { return -1 }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let ratioPercent = BenchmarkMetric.custom("workbook ÷ CSV (%)", polarity: .prefersSmaller, useScalingFactor: false)
let fileMegabytes = BenchmarkMetric.custom("file size (MB)", polarity: .prefersSmaller, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let count = Scale.participants
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("missionmatch-workbook-\(count)")
    do {
        try writeInputs(count: count, into: folder)
    } catch {
        fatalError("cannot write the benchmark's input files: \(error)")  // the benchmark's own setup, not user input
    }
    let csv = folder.appendingPathComponent("participants.csv"), workbook = folder.appendingPathComponent("participants.xlsx")
    let reader = ParticipantReader(referenceData: referenceData())
    precondition(read(csv, reader) == count && read(workbook, reader) == count, "the generated files must read without errors")

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(60),
        maxIterations: 5
    )
    Benchmark("Read and validate \(count) participants, CSV (\(size(csv) / 1_000_000) MB)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal, fileMegabytes])) { benchmark in
        blackHole(read(csv, reader))
        benchmark.measurement(fileMegabytes, size(csv) / 1_000_000)
    }
    Benchmark("Read and validate \(count) participants, workbook (\(size(workbook) / 1_000_000) MB .xlsx)",
              configuration: .init(metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal, fileMegabytes])) { benchmark in
        blackHole(read(workbook, reader))
        benchmark.measurement(fileMegabytes, size(workbook) / 1_000_000)
    }
    Benchmark("Workbook ÷ CSV, \(count) participants, alternating in one iteration",
              configuration: .init(metrics: [.wallClock, ratioPercent])) { benchmark in
        let clock = ContinuousClock()
        var csvTime = 0.0, workbookTime = 0.0
        for round in 0..<2 {
            let first = round == 0 ? csv : workbook, second = round == 0 ? workbook : csv
            let a = clock.measure { blackHole(read(first, reader)) }, b = clock.measure { blackHole(read(second, reader)) }
            if round == 0 { csvTime += seconds(a); workbookTime += seconds(b) } else { workbookTime += seconds(a); csvTime += seconds(b) }
        }
        benchmark.measurement(ratioPercent, Int((100 * workbookTime / max(csvTime, 1e-9)).rounded()))
    }
}
