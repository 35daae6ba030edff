import Foundation
import MissionMatch
@testable import MissionMatchIO
import Testing

/// Every rule of the file-format specification (FileFormats §1), with the exact message an organiser reads.
struct ParticipantRulesTests {
    @Test func validRowsGiveNormalisedParticipants() throws {
        let result = readParticipants(Fixtures.csv(
            "cz-01,Nanoprogress Films,Czech Republic,Consortium,Barrier coatings",
            "cn-01,Greenpack,chn,counterpart,Flexible packaging converter"))
        #expect(result.errors == [])
        let participants = result.participants
        try #require(participants.count == 2)
        #expect(participants[0].country == "CZ")
        #expect(participants[0].side == "consortium")
        #expect(participants[1].country == "CN")
        #expect(participants[0].source == SourceLocation(file: "participants.csv", line: 2))
        #expect(participants[1].source?.line == 3)
    }

    @Test func rowsOfEmptyCellsAreSkipped() {
        let result = readParticipants(Fixtures.csv("a,A,CZ,consortium,x", ",,,,", " , ,,,", "b,B,CN,counterpart,y"))
        #expect(result.errors == [])
        #expect(result.participants.map(\.id) == ["a", "b"])
        #expect(result.participants.map { $0.source?.line } == [2, 5])
    }

    @Test func unknownCountryNamesSuccessors() {
        let errors = participantErrors(
            "a,A,CZ,consortium,x", "b,B,CZ,consortium,x", "c,C,CZ,consortium,x", "d,D,CZ,consortium,x",
            "e,E,CZ,consortium,x", "f,F,CZ,consortium,x", "g,G,CZ,consortium,x", "h,H,CZ,consortium,x",
            "i,I,CZ,consortium,x", "j,J,CZ,consortium,x", "k,K,CZ,consortium,x", "l,L,CZ,consortium,x",
            "m,M,CZ,consortium,x", "n,N,CZ,consortium,x", "o,O,CZ,consortium,x",
            "p,Slovak Glass,Czechoslovakia,consortium,Glass jars")
        #expect(errors == ["participants.csv:17: column 'country': 'Czechoslovakia' is not a known country (use an ISO code such as CZ or SK)"])
    }

    @Test func misspelledCountrySuggestsTheClosestName() {
        #expect(participantErrors("a,A,Germnay,consortium,x") == [
            "participants.csv:2: column 'country': 'Germnay' is not a known country (did you mean Germany? use an ISO code such as DE)",
        ])
    }

    @Test(arguments: ["CZ", "cz", "CZE", "Czechia", "czech republic", "Česká republika", " Czech-Republic "])
    func countryIsFoundByCodeNameOrAlias(_ text: String) throws {
        let result = readParticipants(Fixtures.csv("a,A,\"\(text)\",consortium,x"))
        #expect(result.errors == [])
        #expect(result.participants.first?.country == "CZ")
    }

    @Test func missingRequiredColumnsAreNamed() {
        #expect(participantErrors("a,A,consortium,x", header: "id,name,side,offers") == [
            "participants.csv:1: column 'country': required column is missing (add a 'country' column with ISO codes such as CZ)",
        ])
        #expect(participantErrors("a,A,CZ,x", header: "id,name,country,offers") == [
            "participants.csv:1: column 'side': required column is missing (add a 'side' column: the mission pairs participants of different sides)",
        ])
    }

    @Test func sideIsOptionalInOpenMissions() {
        var open = Fixtures.mission
        open.pairing = .open
        open.sides = []
        #expect(participantErrors("a,A,CZ,x", header: "id,name,country,offers", mission: open) == [])
    }

    @Test func emptyRequiredCellsAreErrors() {
        #expect(participantErrors(",,,,,late registration", header: Fixtures.header + ",remarks") == [
            "participants.csv:2: column 'id': the id is missing (give each participant a unique id, e.g. cz-nano-01)",
            "participants.csv:2: column 'name': the name is missing (write the organisation's name as it should appear on agendas)",
            "participants.csv:2: column 'country': the country is missing (use an ISO code such as CZ)",
            "participants.csv:2: column 'side': the side is missing (use consortium or counterpart)",
            "participants.csv:2: column 'offers': offers, needs, offer_tags and need_tags are all empty (describe what the organisation offers or needs in at least one of them)",
        ])
    }

    @Test func duplicateIdNamesTheFirstLine() {
        #expect(participantErrors("cz-01,A,CZ,consortium,x", "cz-02,B,CZ,consortium,x", "cz-01,C,CZ,consortium,x") == [
            "participants.csv:4: column 'id': 'cz-01' is already the id of line 2 (give each participant a unique id)",
        ])
    }

    @Test func idLongerThan128CharactersIsAnError() {
        let id = String(repeating: "x", count: 129)
        #expect(participantErrors("\(id),A,CZ,consortium,x") == [
            "participants.csv:2: column 'id': the id is 129 characters long (use at most 128 characters)",
        ])
        #expect(participantErrors("\(String(repeating: "é", count: 128)),A,CZ,consortium,x") == [])
    }

    @Test func sideMustBeOneOfTheMissionsSides() {
        #expect(participantErrors("a,A,CZ,buyer,x") == [
            "participants.csv:2: column 'side': 'buyer' is not a side of mission shanghai-mini (use consortium or counterpart)",
        ])
    }

    @Test func typeAndCooperationValuesAreChecked() {
        let header = "id,name,country,side,offers,type,cooperation"
        #expect(participantErrors("a,A,CZ,consortium,x,startup,commercial|partnership", header: header) == [
            "participants.csv:2: column 'type': 'startup' is not a participant type (use one of sme, large, research, intermediary, cluster, public, investor)",
            "participants.csv:2: column 'cooperation': 'partnership' is not a cooperation type (use one of commercial, distribution, supplier, technical, research, licensing, joint_venture, investment, outsourcing)",
        ])
        let result = readParticipants(Fixtures.csv("a,A,CZ,consortium,x,SME,Joint venture|technical|technical", header: header))
        #expect(result.participants.first?.type == .sme)
        #expect(result.participants.first?.cooperation == [.jointVenture, .technical])
    }

    @Test func integersAreChecked() {
        let header = "id,name,country,side,offers,max_meetings,min_meetings,representatives"
        #expect(participantErrors("a,A,CZ,consortium,x,eight,-1,0", header: header) == [
            "participants.csv:2: column 'max_meetings': 'eight' is not a whole number (write a whole number such as 8, or leave it empty for the mission's default)",
            "participants.csv:2: column 'min_meetings': -1 is less than 0 (write 0 or more)",
            "participants.csv:2: column 'representatives': 0 is less than 1 (write 1 or more: the meetings this participant can hold at once)",
        ])
        #expect(participantErrors("a,A,CZ,consortium,x,3,5,", header: header) == [
            "participants.csv:2: column 'min_meetings': 5 is more than max_meetings 3 (lower min_meetings or raise max_meetings)",
        ])
        #expect(participantErrors("a,A,CZ,consortium,x,1.5,,two", header: header) == [
            "participants.csv:2: column 'max_meetings': '1.5' is not a whole number (write a whole number such as 8, or leave it empty for the mission's default)",
            "participants.csv:2: column 'representatives': 'two' is not a whole number (write a whole number such as 1: the meetings this participant can hold at once)",
        ])
    }

    @Test func availabilityRangesAreChecked() {
        let header = "id,name,country,side,offers,available"
        #expect(participantErrors("a,A,CZ,consortium,x,2019-06-17 9h-12h", header: header) == [
            "participants.csv:2: column 'available': '2019-06-17 9h-12h' is not a time range (write YYYY-MM-DD HH:MM-HH:MM, e.g. 2019-06-17 09:00-12:30)",
        ])
        #expect(participantErrors("a,A,CZ,consortium,x,2019-06-17 12:00-09:30", header: header) == [
            "participants.csv:2: column 'available': '2019-06-17 12:00-09:30' does not end after it starts (write the earlier time first, e.g. 2019-06-17 09:30-12:00)",
        ])
        #expect(participantErrors("a,A,CZ,consortium,x,2019-06-20 09:00-12:00", header: header) == [
            "participants.csv:2: column 'available': '2019-06-20 09:00-12:00' is outside every session of the mission (the sessions are 2019-06-17 09:00-12:30, 2019-06-18 14:00-17:30)",
        ])
        #expect(participantErrors("a,A,CZ,consortium,x,2019-06-18 12:00-13:59", header: header).count == 1)
        let ok = readParticipants(Fixtures.csv("a,A,CZ,consortium,x,2019-06-17 10:00-12:00 | 2019-06-18 13:00-15:00", header: header))
        #expect(ok.errors == [])
        #expect(ok.participants.first?.availability.map(\.description) == ["2019-06-17 10:00-12:00", "2019-06-18 13:00-15:00"])
    }

    @Test func someContentIsRequired() {
        let header = "id,name,country,side,offers,needs,offer_tags,need_tags"
        #expect(participantErrors("a,A,CZ,consortium,,,,", header: header).count == 1)
        #expect(participantErrors("a,A,CZ,consortium,,,,PLA film", header: header) == [])
        #expect(participantErrors("a,A,CZ,consortium,,Distributors,,", header: header) == [])
    }

    @Test func targetCountriesAcceptCountriesAndGroups() {
        let header = "id,name,country,side,offers,target_countries"
        let result = readParticipants(Fixtures.csv("a,A,CZ,consortium,x,eu|United States|cn|usa|Any", header: header))
        #expect(result.participants.first?.targetCountries == ["EU", "US", "CN", "ANY"])
        #expect(participantErrors("a,A,CZ,consortium,x,Mars", header: header) == [
            "participants.csv:2: column 'target_countries': 'Mars' is not a known country or group (use ISO codes such as DE, or the groups EU, EEA, ANY)",
        ])
    }

    @Test func listsAreSplitTrimmedAndDeduplicatedInOrder() {
        let header = "id,name,country,side,offers,offer_tags,sectors"
        let result = readParticipants(Fixtures.csv(
            "a,A,CZ,consortium,x,\" PLA film | barrier coating;PLA film ;; \",Packaging|packing|nano", header: header))
        #expect(result.errors == [])
        #expect(result.participants.first?.offerTags == ["PLA film", "barrier coating"])
        #expect(result.participants.first?.sectors == ["packaging", "nanotech"])
    }

    @Test func semicolonSplitsListsOnlyWhenItIsNotTheDelimiter() {
        let data = Data("id;name;country;side;offers;offer_tags\na;A;CZ;consortium;x;\"PLA film|barrier coating;nanofibres\"\n".utf8)
        let result = readParticipants(data)
        #expect(result.errors == [])
        #expect(result.participants.first?.offerTags == ["PLA film", "barrier coating;nanofibres"])
    }

    @Test func unknownSectorsAreKeptAndWarnedOnce() {
        let header = "id,name,country,side,offers,sectors"
        let result = readParticipants(Fixtures.csv(
            "a,A,CZ,consortium,x,Space tech|packaging", "b,B,CZ,consortium,x,space tech", header: header))
        #expect(result.errors == [])
        #expect(result.participants.map(\.sectors) == [["Space tech", "packaging"], ["space tech"]])
        #expect(result.warnings == [
            "participants.csv:2: column 'sectors': 'Space tech' is not in the sector taxonomy and is kept as a free label (use a sector code such as packaging if one fits; a free label matches only the same label)",
        ])
    }

    @Test func unknownLanguagesAreWarnings() {
        let header = "id,name,country,side,offers,languages"
        let result = readParticipants(Fixtures.csv("a,A,CZ,consortium,x,EN|english|zh", header: header))
        #expect(result.errors == [])
        #expect(result.participants.first?.languages == ["en", "english", "zh"])
        #expect(result.warnings == [
            "participants.csv:2: column 'languages': 'english' is not an ISO 639-1 language code and is kept as written (use two-letter codes such as en, fr, zh)",
        ])
    }

    @Test func unknownColumnsAreKeptInOrderAndWarnedOnce() {
        let result = readParticipants(Fixtures.csv(
            "a,A,CZ,consortium,x,+420 123,booth 4", "b,B,CZ,consortium,x,,", header: "id,name,country,side,offers,Phone,Remarks"))
        #expect(result.errors == [])
        #expect(result.participants.first?.extraFields == [ExtraField(name: "Phone", value: "+420 123"), ExtraField(name: "Remarks", value: "booth 4")])
        #expect(result.warnings == [
            "participants.csv:1: column 'Phone': unknown column, kept as an extra field (check its spelling if it is meant to be a documented column)",
            "participants.csv:1: column 'Remarks': unknown column, kept as an extra field (check its spelling if it is meant to be a documented column)",
        ])
        let typo = readParticipants(Fixtures.csv("a,A,CZ,consortium,x,PL", header: "id,name,country,side,offers,target_countrie"))
        #expect(typo.warnings == ["participants.csv:1: column 'target_countrie': unknown column, kept as an extra field (did you mean 'target_countries'?)"])
    }

    @Test func headersMatchIgnoringCaseBlanksUnderscoresAndHyphens() {
        let result = readParticipants(Fixtures.csv(
            "CZ,Nanoprogress,a,Barrier films,consortium,DE|FR,3",
            header: " Country ,NAME,Id,Offers,side,Target countries,max-meetings"))
        #expect(result.errors == [])
        #expect(result.participants.first?.targetCountries == ["DE", "FR"])
        #expect(result.participants.first?.maxMeetings == 3)
    }

    @Test func duplicateColumnsAreErrors() {
        #expect(participantErrors("a,A,CZ,consortium,x,DE", header: "id,name,country,side,offers,Country") == [
            "participants.csv:1: column 'country': the column appears twice, as columns 3 and 6 (remove one of them)",
        ])
    }

    @Test func allErrorsOfAFileAreReportedUpToTheCap() {
        let rows = (1...250).map { "p\($0),P,Atlantis,consortium,x" }
        var limits = ImportLimits()
        limits.maxErrors = 200
        let result = readParticipants(Data(([Fixtures.header] + rows).joined(separator: "\n").utf8), limits: limits)
        #expect(result.errors.count == 201)
        #expect(result.errors.last == "… and 50 more errors")
    }
}
