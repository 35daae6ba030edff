// Reading and validating a participants file: the organiser's first step.
//
//   cd Benchmarks && swift package benchmark --target ImportParticipants
//   MISSIONMATCH_BENCH_SCALE=ci swift package benchmark --target ImportParticipants
//
// Full size: 100,000 generated participants (≈ 45 MB of CSV with quoted
// multi-line texts, lists, availability ranges and an extra column); the CI
// size is 10,000. The file is written once before measuring. Targets: ≤ 2 s
// per read and a peak resident memory ≤ 10× the file's size.

import Benchmark
import Foundation
import ImportInputs
import MissionMatch
import MissionMatchIO

func mission() -> Mission? {
    guard let zone = TimeZone(identifier: "Asia/Shanghai"),
          let day1 = LocalDate(year: 2019, month: 6, day: 17), let day2 = LocalDate(year: 2019, month: 6, day: 18),
          let nine = LocalTime(hour: 9, minute: 0), let half12 = LocalTime(hour: 12, minute: 30),
          let two = LocalTime(hour: 14, minute: 0), let half5 = LocalTime(hour: 17, minute: 30)
    else { return nil }
    return Mission(id: "shanghai-2019", name: "AdPack² business mission to Shanghai", timeZone: zone,
                   participantsPath: "participants.csv", pairing: .bipartite, sides: ["consortium", "counterpart"],
                   sessions: [Session(date: day1, start: nine, end: half12), Session(date: day2, start: two, end: half5)],
                   meetingMinutes: 20, breakMinutes: 5, tables: 25, maxMeetings: 8, minMeetings: 2)
}

/// Writes `count` realistic participant rows to a temporary file, in blocks.
func writeParticipants(count: Int) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("missionmatch-import-\(count).csv")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    let handle = try FileHandle(forWritingTo: url)
    defer { try? handle.close() }
    try handle.write(contentsOf: Data("id,name,country,side,type,cluster,sectors,offers,needs,offer_tags,need_tags,target_countries,cooperation,languages,max_meetings,min_meetings,representatives,available,email,contact,website,Booth\n".utf8))
    let countries = ["CZ", "Germany", "FR", "NL", "Polska", "ES", "CN", "CA", "USA"]
    let sectors = ["packaging|food", "nanotech|packaging", "plastics", "microelectronics|software", "logistics|retail"]
    let offers = ["\"Nanofibre barrier coatings for food packaging films, replacing aluminium layers; pilot line of 2 t/day\"",
                  "\"PLA and PBAT compounds for thermoformed trays, in-house compounding line with \"\"food-contact\"\" certification\"",
                  "\"Retail-ready packaging design,\nshort runs of printed folding cartons\"",
                  "Printed RFID and NFC labels for cold-chain monitoring of fresh produce"]
    let needs = ["Converters and brand owners to pilot recyclable high-barrier films",
                 "\"Distributors of bioplastic resins in East China, bonded warehouse preferred\"",
                 "\"E-commerce brands needing premium, sustainable gift boxes\""]
    var block = ""
    for row in 0..<count {
        let side = row % 4 == 0 ? "counterpart" : "consortium"
        let available = row % 3 == 0 ? "2019-06-17 09:00-12:30|2019-06-18 14:00-16:00" : ""
        block += "p\(row),Organisation \(row) s.r.o.,\(countries[row % countries.count]),\(side),sme,Nanoprogress z.s.,"
        block += "\(sectors[row % sectors.count]),\(offers[row % offers.count]),\(needs[row % needs.count]),"
        block += "barrier coating|PLA film|nanofibres,compostable packaging,EU|CN,technical|licensing|distribution,en|cs,"
        block += "\(row % 9),\(row % 3),\(1 + row % 2),\(available),info\(row)@example.com,Jana Nováková,https://example.com/\(row),A\(row % 40)\n"
        if row % 5_000 == 4_999 {
            try handle.write(contentsOf: Data(block.utf8))
            block = ""
        }
    }
    try handle.write(contentsOf: Data(block.utf8))
    return url
}

let participantsPerSecond = BenchmarkMetric.custom("participants/s", polarity: .prefersLarger, useScalingFactor: false)
let fileMegabytes = BenchmarkMetric.custom("file size (MB)", polarity: .prefersSmaller, useScalingFactor: false)

let benchmarks: @Sendable () -> Void = {
    let count = Scale.participants
    guard let url = try? writeParticipants(count: count), let mission = mission() else {
        fatalError("cannot write the benchmark's input file")  // the benchmark's own setup, not user input
    }
    let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
    let reader = ParticipantReader(referenceData: referenceData(), mission: mission)

    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal],
        timeUnits: .milliseconds,
        warmupIterations: 1,
        maxDuration: .seconds(30),
        maxIterations: 5
    )

    Benchmark("Read and validate \(count) participants (\(size / 1_000_000) MB CSV)",
              configuration: .init(metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal,
                                             participantsPerSecond, fileMegabytes])) { benchmark in
        let clock = ContinuousClock()
        var imported: Imported<[Participant]>?
        var failure: ImportError?
        // Measured: reading and validating. Not measured: freeing the result afterwards.
        benchmark.startMeasurement()
        let elapsed = clock.measure {
            do { imported = try reader.read(contentsOf: url) } catch { failure = error as? ImportError }
        }
        benchmark.stopMeasurement()
        precondition(imported?.value.count == count,
                     "the generated file must read without errors: \(failure?.diagnostics.errorLines.prefix(5) ?? [])")
        blackHole(imported)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        benchmark.measurement(participantsPerSecond, Int(Double(count) / max(seconds, 1e-9)))
        benchmark.measurement(fileMegabytes, size / 1_000_000)
    }
}
