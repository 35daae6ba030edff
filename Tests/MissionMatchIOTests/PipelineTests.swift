import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// `MissionPipeline` on the bundled Toronto mission: the same files from files
/// and from values built in code, writing, and re-planning after a withdrawal.
struct PipelineTests {
    static let torontoURL = BundledDataTests.folder.appendingPathComponent("missions/toronto-2019.yaml")

    static func loadToronto() throws -> (ReferenceData, LoadedMission) {
        let reference = try ReferenceDataLoader.bundled()
        return (reference, try MissionLoader(referenceData: reference).load(contentsOf: torontoURL).value)
    }

    @Test func filesComeInTheDocumentedOrderAndAddUp() throws {
        let (reference, loaded) = try Self.loadToronto()
        let result = try MissionPipeline(reference: reference).run(loaded.validated)
        let names = result.files.map(\.relativePath)
        #expect(Array(names.prefix(2)) == ["agenda.html", "summary.md"])
        #expect(Array(names.suffix(3)) == ["recommendations.csv", "agenda.csv", "agenda.json"])
        #expect(names.filter { $0.hasPrefix("calendars/") }.count == result.plan.agenda.participants.filter { !$0.meetings.isEmpty }.count)
        let agendaCSV = try #require(result.file("agenda.csv"))
        #expect(String(decoding: agendaCSV.contents, as: UTF8.self).split(separator: "\n").count - 1 == result.plan.agenda.stats.meetings)
        #expect(result.plan.agenda.stats.meetings > 300)
        let first = try #require(loaded.participants.first)
        #expect(result.ranking.recommendations(for: first.id) == result.ranking.recommendations[0])
        #expect(result.ranking.recommendations(for: "nobody").isEmpty)
        let calendar = try #require(result.calendar(for: first.id))
        #expect(calendar.hasPrefix("BEGIN:VCALENDAR"))
        // The agenda.json it renders reads back into the planned agenda.
        let json = try #require(result.file("agenda.json"))
        let read = try AgendaReader(mission: loaded.mission).readJSON(json.contents, displayName: "agenda.json").value
        #expect(read.meetings.map(\.id) == result.plan.agenda.meetings.map(\.id))
        #expect(read.slots == result.plan.agenda.slots && read.participants == result.plan.agenda.participants)
    }

    /// recommendations.csv's one definition: what the writer writes, the reader
    /// reads back (ranks, partners, scores at four decimals, components, reasons).
    @Test func recommendationsReadBackAsWritten() throws {
        let (reference, loaded) = try Self.loadToronto()
        let result = try MissionPipeline(reference: reference).run(loaded.validated)
        let file = try #require(result.file("recommendations.csv"))
        let rows = try RecommendationsReader().readCSV(file.contents, displayName: "recommendations.csv").value
        let written = result.ranking.recommendations.flatMap { $0 }
        #expect(rows.count == written.count && !rows.isEmpty)
        func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }
        for (row, recommendation) in zip(rows, written) {
            #expect(row.participant == recommendation.participant && row.rank == recommendation.rank
                    && row.partner == recommendation.partner)
            #expect(abs((row.score ?? -1) - rounded(recommendation.score)) < 1e-9)
            #expect(abs((row.components["complementarity"] ?? -1) - rounded(recommendation.components.complementarity)) < 1e-9)
            #expect(abs((row.components["competition"] ?? -1) - rounded(recommendation.components.competition)) < 1e-9)
            // Reasons are written spreadsheet-safe: a reason never starts with = + - @.
            #expect(row.reasons == recommendation.reasons || row.reasons == "'" + recommendation.reasons)
        }
    }

    /// Participants and a mission built in code (no file path) give byte for byte
    /// the files the same data gives when read from files.
    @Test func valuesBuiltInCodeGiveTheSameFilesAsFiles() throws {
        let (reference, loaded) = try Self.loadToronto()
        let fromFiles = try MissionPipeline(reference: reference).run(loaded.validated)
        var mission = loaded.mission
        mission.participantsPath = nil
        mission.requestsPath = nil
        let participants = loaded.participants.map { participant in
            var copy = participant
            copy.source = nil
            return copy
        }
        let input = try InputValidator(reference: reference)
            .validate(mission: mission, participants: participants, requests: loaded.requests).value
        #expect(input.sourceFiles.isEmpty)
        let fromValues = try MissionPipeline(reference: reference).run(input)
        #expect(fromValues.files == fromFiles.files)
    }

    /// An encoding computed beforehand (as the command line does, reading the sentence
    /// encoder's vectors while the lexical encoding runs) gives the files the vectors give.
    @Test func anEncodingComputedBeforehandGivesTheSameFilesAsItsVectors() throws {
        let (reference, loaded) = try Self.loadToronto()
        let vectors = ShardFilesTests.semantic(for: loaded.participants)
        let fromVectors = try MissionPipeline(reference: reference).run(loaded.validated, semantic: vectors)
        var encoding = try MatchingEngine(reference: reference).encodedParticipants(loaded.participants, semantic: nil)
        encoding.semantic = vectors
        let fromEncoding = try MissionPipeline(reference: reference).run(loaded.validated, encoding: encoding)
        #expect(fromEncoding.files == fromVectors.files)
        // The vectors matter here: without them the files differ.
        let lexical = try MissionPipeline(reference: reference).run(loaded.validated)
        #expect(lexical.file("recommendations.csv") != fromVectors.file("recommendations.csv"))
        // An encoding of other participants is refused, not trapped on.
        let other = try MatchingEngine(reference: reference).encodedParticipants(Array(loaded.participants.dropLast()), semantic: nil)
        #expect(throws: MissionPipelineError.self) { try MissionPipeline(reference: reference).run(loaded.validated, encoding: other) }
    }

    @Test func writesEveryFileIntoTheFolderAndRefusesAnInput() throws {
        let (reference, loaded) = try Self.loadToronto()
        let result = try MissionPipeline(reference: reference).run(loaded.validated)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("mm-pipeline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let written = try result.write(to: out.appendingPathComponent("toronto-2019"))
        #expect(written.count == result.files.count)
        for (url, file) in zip(written, result.files) {
            #expect(try Data(contentsOf: url) == file.contents)
        }
        // An input inside the output folder is never replaced.
        let input = out.appendingPathComponent("again/agenda.csv")
        try FileManager.default.createDirectory(at: input.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: input)
        #expect(throws: OutputError.self) { try result.write(to: out.appendingPathComponent("again"), protecting: [input]) }
        #expect(try String(contentsOf: input, encoding: .utf8) == "keep me")
    }

    /// A participant withdraws: the others' meetings stay where they were, the
    /// withdrawn participant's are cancelled naming them, and calendars say so.
    @Test func replanningAfterAWithdrawalKeepsTheRest() throws {
        let (reference, loaded) = try Self.loadToronto()
        let pipeline = MissionPipeline(reference: reference)
        let first = try pipeline.run(loaded.validated)
        let agenda = first.plan.agenda
        let leaving = try #require(agenda.meetings.first?.participantB)
        let remaining = loaded.participants.filter { $0.id != leaving }
        let requests = loaded.requests.filter { $0.from != leaving && $0.to != leaving }
        let input = try InputValidator(reference: reference)
            .validate(mission: loaded.mission, participants: remaining, requests: requests).value
        let replanned = try pipeline.run(input, replanning: agenda).plan.agenda
        let theirs = agenda.meetings.filter { $0.involves(leaving) }
        #expect(!theirs.isEmpty)
        #expect(Set(replanned.cancelled.map(\.id)) == Set(theirs.map(\.id)))
        #expect(replanned.cancelled.allSatisfy { $0.reason.contains(leaving) && $0.reason.contains("withdrew") })
        let kept = Dictionary(uniqueKeysWithValues: replanned.meetings.map { ($0.id, $0) })
        for meeting in agenda.meetings where !meeting.involves(leaving) {
            let now = try #require(kept[meeting.id])
            #expect(now.slot == meeting.slot && now.table == meeting.table && now.locked)
        }
        #expect(throws: MissionPipelineError.self) {
            var other = agenda
            other.mission = "another-mission"
            _ = try pipeline.run(input, replanning: other)
        }
    }

    /// After the mission: outcomes recorded on the agenda's own template fill
    /// the summary's targets; outcomes of another agenda leave the plan alone
    /// and say why in the result.
    @Test func outcomesFillTheSummarysTargetsWhenTheyFitTheAgenda() throws {
        let (reference, loaded) = try Self.loadToronto()
        let pipeline = MissionPipeline(reference: reference)
        let first = try pipeline.run(loaded.validated)
        let template = OutcomesCSVWriter().csv(for: first.plan.agenda, participants: loaded.participants)
        var lines = template.split(separator: "\n").map(String.init)
        // The first ten meetings held; the first two with a cooperation agreement, the third with a business one.
        for index in 1...10 {
            let followUp = index <= 2 ? "cooperation_agreement,2019-09-01" : index == 3 ? "business_agreement,2019-10-01" : "contact,"
            lines[index] = lines[index].replacingOccurrences(of: ",,,,,,", with: ",yes,4,5,\(followUp),")
        }
        let folder = try TemporaryFolder()
        let outcomes = try folder.file("outcomes.csv", lines.joined(separator: "\n") + "\n")
        let again = try pipeline.run(loaded.validated, outcomes: outcomes)
        #expect(try again.outcomes?.get().value.count == first.plan.agenda.stats.meetings)
        let summary = String(decoding: try #require(again.file("summary.md")).contents, as: UTF8.self)
        #expect(summary.contains("| target | promised | planned | achieved |"))
        #expect(summary.contains("| B2B meetings | 320 | \(first.plan.agenda.stats.meetings) of 320"))
        #expect(summary.contains("of 320 (") && summary.contains("| 10 of 320 (3.1 %) |"))
        #expect(summary.contains("| Cooperation agreements | 40 | – | 2 of 40 (5.0 %) |"))
        #expect(summary.contains("| Business agreements | 12 | – | 1 of 12 (8.3 %) |"))
        // Every other file is the plan's, byte for byte.
        let othersAgain = again.files.filter { $0.relativePath != "summary.md" }
        let othersFirst = first.files.filter { $0.relativePath != "summary.md" }
        #expect(othersAgain == othersFirst)

        let foreign = try folder.file("foreign.csv", """
            mission_id,meeting_id,held
            toronto-2019,m-0123456789abcdef,yes

            """)
        let planOnly = try pipeline.run(loaded.validated, outcomes: foreign)
        #expect(throws: ImportError.self) { try planOnly.outcomes?.get() }
        #expect(planOnly.files == first.files, "outcomes that do not fit change nothing")
    }
}

/// `InputValidator`: values built in code are checked by the files' rules and
/// every problem names the record and field.
struct InputValidatorTests {
    static let reference = Fixtures.reference
    static let mission: Mission = {
        var mission = Fixtures.mission
        mission.participantsPath = nil
        return mission
    }()

    static func participant(_ id: String, _ country: String, side: Side?) -> Participant {
        var p = Participant(id: id, name: "Org \(id)", country: country)
        p.side = side
        p.offers = "barrier films for food packaging"
        p.needs = "distributors of packaging machinery"
        return p
    }

    @Test func everyContradictionIsReportedByRecordAndField() {
        var zero = Self.participant("eu-02", "CZ", side: "consortium")
        zero.representatives = 0
        let participants = [
            Self.participant("eu-01", "Czechia", side: "consortium"),
            zero,
            Self.participant("eu-01", "DE", side: "consortium"),
            Self.participant("cn-01", "Narnia", side: "counterpart"),
            Self.participant("xx-01", "CN", side: "observer"),
        ]
        do {
            _ = try InputValidator(reference: Self.reference).validate(mission: Self.mission, participants: participants)
            Issue.record("contradictory participants were accepted")
        } catch {
            let lines = error.diagnostics.errors.map(\.description)
            #expect(lines.count == 4)
            #expect(lines.contains { $0.hasPrefix("participants (in memory): record 2, field 'representatives': ") })
            #expect(lines.contains { $0.hasPrefix("participants (in memory): record 3, field 'id': 'eu-01' is already the id of record 1") })
            #expect(lines.contains { $0.hasPrefix("participants (in memory): record 4, field 'country': 'Narnia' is not a known country") })
            #expect(lines.contains { $0.hasPrefix("participants (in memory): record 5, field 'side': 'observer' is not a side of mission") })
            #expect(error.diagnostics.errors.allSatisfy { $0.line == nil && $0.record != nil })
        }
    }

    /// Beyond the error limit, the count of the errors left out survives the
    /// move from generated lines to records.
    @Test func errorsBeyondTheLimitAreCounted() {
        let participants = [Self.participant("eu-01", "CZ", side: "consortium"), Self.participant("cn-01", "CN", side: "counterpart")]
        let requests = (1...5).map { MeetingRequest(from: "eu-01", to: "cn-9\($0)", priority: .wish) }
        var limits = ImportLimits.default
        limits.maxErrors = 2
        do {
            _ = try InputValidator(reference: Self.reference, limits: limits)
                .validate(requests: requests, participants: participants, mission: Self.mission)
            Issue.record("requests naming unknown participants were accepted")
        } catch {
            #expect(error.diagnostics.errors.map(\.record) == [1, 2])
            #expect(error.diagnostics.errorLines.last == "… and 3 more errors")
        }
    }

    @Test func valuesAreNormalisedAsAReaderWould() throws {
        let participants = [Self.participant("eu-01", "Czechia", side: "Consortium"),
                            Self.participant("cn-01", "China", side: "counterpart")]
        let input = try InputValidator(reference: Self.reference).validate(mission: Self.mission, participants: participants).value
        #expect(input.participants.map(\.country) == ["CZ", "CN"])
        #expect(input.participants.map(\.side) == ["consortium", "counterpart"])
        #expect(input.mission == Self.mission)
    }

    @Test func requestsNameTheirRecord() {
        let participants = [Self.participant("eu-01", "CZ", side: "consortium"), Self.participant("cn-01", "CN", side: "counterpart")]
        let requests = [MeetingRequest(from: "eu-01", to: "cn-01", priority: .must, note: "met at, \"Interpack\"\nlast year"),
                        MeetingRequest(from: "eu-01", to: "cn-99", priority: .wish),
                        MeetingRequest(from: "eu-01", to: "eu-01", priority: .wish)]
        do {
            _ = try InputValidator(reference: Self.reference)
                .validate(mission: Self.mission, participants: participants, requests: requests)
            Issue.record("requests naming unknown participants were accepted")
        } catch {
            let records = error.diagnostics.errors.map(\.record)
            #expect(records == [2, 3])
            #expect(error.diagnostics.errors.first?.description.hasPrefix("requests (in memory): record 2, field 'to': 'cn-99'") == true)
        }
    }

    @Test func aMissionBuiltInCodeIsCheckedByItsKeys() {
        var mission = Self.mission
        mission.tables = 0
        mission.meetingMinutes = -5
        do {
            _ = try InputValidator(reference: Self.reference).validate(mission: mission)
            Issue.record("a mission without tables was accepted")
        } catch {
            let fields = Set(error.diagnostics.errors.compactMap(\.field))
            #expect(fields.isSuperset(of: ["tables", "meeting_minutes"]))
            #expect(error.diagnostics.errors.allSatisfy { $0.file == "mission (in memory)" && $0.line == nil })
        }
    }
}

/// The reference data the library carries is the one of `Data/`.
struct BundledReferenceDataTests {
    @Test func bundledTablesAreTheDataFoldersTables() throws {
        for (path, text) in BundledReferenceData.files.sorted(by: { $0.key < $1.key }) {
            let onDisk = try String(contentsOf: BundledDataTests.folder.appendingPathComponent(path), encoding: .utf8)
            #expect(text == onDisk, "\(path) differs from Data/\(path): run `swift Scripts/bundle-reference-data.swift`")
        }
        #expect(BundledReferenceData.files.count == 6)
    }

    @Test func bundledDataLoadsLikeTheFolder() throws {
        let bundled = try ReferenceDataLoader.bundled()
        let folder = try ReferenceDataLoader.load(from: BundledDataTests.folder).value
        #expect(bundled.countries.countries == folder.countries.countries)
        #expect(bundled.thesaurus.concepts == folder.thesaurus.concepts)
        #expect(bundled.programme.clusters == folder.programme.clusters)
        #expect(bundled.countries.country(matching: "Czechia")?.alpha2 == "CZ")
    }
}
