import Foundation
import MissionMatch
@testable import MissionMatchIO
import PropertyBased
import Testing

/// Random valid participants written as CSV (each delimiter, both line ends,
/// commas, quotes, line breaks, non-ASCII) or JSON read back equal.
struct RoundTripPropertyTests {
    /// Characters for free text: delimiters, quotes, line breaks and non-ASCII included.
    static let textCharacter = Gen<Character?>.element(of: Array("aZ09 ,;\"\n\r\t|'-éÜçŽ中文²€👍ß")).map { $0 ?? "a" }
    /// Characters for list items: no list separators.
    static let itemCharacter = Gen<Character?>.element(of: Array("aZ09 ,\"\n'-éÜŽ中€")).map { $0 ?? "a" }
    static let text = textCharacter.string(of: 0...24).map { String($0.trimmingBlanks()) }
    static let item = itemCharacter.string(of: 1...12).map { String($0.trimmingBlanks()) }
    static let ranges = ["2019-06-17 09:00-12:30", "2019-06-17 10:00-11:00", "2019-06-18 14:00-17:30", "2019-06-18 15:15-16:45"]

    /// A list of distinct, non-empty items.
    static func items<G: SeededRandomNumberGenerator>(_ rng: inout G) -> [String] {
        var seen: Set<String> = []
        return item.array(of: 0...3).run(using: &rng).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// Some distinct elements of `choices`, in random order.
    static func some<T: Hashable & Sendable, G: SeededRandomNumberGenerator>(_ choices: [T], _ rng: inout G) -> [T] {
        var seen: Set<T> = []
        return Gen<T?>.element(of: choices).array(of: 0...3).run(using: &rng).compactMap { $0 }.filter { seen.insert($0).inserted }
    }

    static func participant<G: SeededRandomNumberGenerator>(_ index: Int, _ rng: inout G) -> Participant {
        let nonEmpty = { (rng: inout G) -> String in "n" + text.run(using: &rng) }
        let optionalText = { (rng: inout G) -> String? in
            let value = text.run(using: &rng)
            return value.isEmpty ? nil : value
        }
        // Ids never hold control characters (they are refused at import).
        let id = PrintableText.removingControls("p\(index)-\(item.run(using: &rng))").trimmingBlanks().description
        var p = Participant(id: id,
                            name: nonEmpty(&rng),
                            country: Gen<String?>.element(of: ["CZ", "CN", "DE", "TR", "US", "KR"]).run(using: &rng) ?? "CZ")
        p.side = Gen<Side?>.element(of: Fixtures.mission.sides).run(using: &rng)
        p.type = Gen<ParticipantType?>.element(of: ParticipantType.allCases).run(using: &rng)
        p.cluster = optionalText(&rng)
        p.sectors = some(Fixtures.reference.sectors.sectors.map(\.code), &rng)
        p.offers = nonEmpty(&rng)
        p.needs = text.run(using: &rng)
        p.offerTags = items(&rng)
        p.needTags = items(&rng)
        p.targetCountries = some(["EU", "EEA", "ANY", "CN", "US", "NO"], &rng)
        p.cooperation = some(CooperationType.allCases, &rng)
        p.languages = some(["en", "zh", "cs", "de", "fr"], &rng)
        let maximum = Gen<Int??>.element(of: [nil, 0, 3, 8, 20] as [Int?]).run(using: &rng) ?? nil
        p.maxMeetings = maximum
        p.minMeetings = Gen<Int>.int(in: 0...(maximum ?? 5)).optional.run(using: &rng)
        p.representatives = Gen<Int>.int(in: 1...3).run(using: &rng)
        p.availability = some(ranges, &rng).compactMap { TimeRange(parsing: $0) }
        p.email = optionalText(&rng)
        p.contact = optionalText(&rng)
        p.website = optionalText(&rng)
        p.extraFields = [ExtraField(name: "Booth", value: text.run(using: &rng)),
                         ExtraField(name: "Notes", value: text.run(using: &rng))]
        return p
    }

    static let participants = Generator<[Participant], Shrink.None<[Participant]>> { rng in
        let count = Gen<Int>.int(in: 1...6).run(using: &rng)
        return (0..<count).map { participant($0, &rng) }
    }

    static let format = Generator<(Character, String), Shrink.None<(Character, String)>> { rng in
        (Gen<Character?>.element(of: [",", ";", "\t"]).run(using: &rng) ?? ",",
         Gen<String?>.element(of: ["\n", "\r\n"]).run(using: &rng) ?? "\n")
    }

    @Test func csvRoundTrip() async {
        await propertyCheck(count: 200, input: Self.participants, Self.format) { participants, format in
            let csv = ParticipantCSVWriter(delimiter: format.0, lineEnd: format.1).csv(for: participants)
            let read = readParticipants(Data(csv.utf8))
            #expect(read.errors == [])
            #expect(read.participants.map(\.withoutSource) == participants)
        }
    }

    @Test func jsonRoundTrip() async throws {
        await propertyCheck(count: 100, input: Self.participants) { participants in
            let json = try JSONEncoder().encode(participants)
            let read = try ParticipantReader(referenceData: Fixtures.reference, mission: Fixtures.mission)
                .readJSON(json, displayName: "p.json").value
            #expect(read.map(\.withoutSource) == participants)
        }
    }
}
