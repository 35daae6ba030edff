import Foundation
import MissionMatch
import Testing

/// Dates, times and ranges as organisers write them.
struct LocalTimeTests {
    @Test(arguments: ["2019-06-17", "2020-02-29", "1999-12-31"])
    func validDatesRoundTrip(_ text: String) throws {
        let date = try #require(LocalDate(parsing: text))
        #expect(date.description == text)
    }

    @Test(arguments: ["2019-02-29", "2019-13-01", "2019-06-31", "19-06-17", "2019/06/17", "2019-6-17", " 2019-06-17", ""])
    func invalidDatesAreRejected(_ text: String) {
        #expect(LocalDate(parsing: text) == nil)
    }

    @Test func timesParseAndFormat() throws {
        #expect(LocalTime(parsing: "09:05")?.minutesSinceMidnight == 545)
        #expect(LocalTime(parsing: "9:05")?.description == "09:05")
        #expect(LocalTime(parsing: "24:00")?.minutesSinceMidnight == 1440)
        for bad in ["24:01", "12:60", "1205", "12:5", "ab:cd", "", "-1:00"] {
            #expect(LocalTime(parsing: bad) == nil, "\(bad)")
        }
    }

    @Test func rangesParseWithBlanksAndReportReversal() throws {
        let range = try #require(TimeRange(parsing: " 2019-06-17  09:00 - 12:30 "))
        #expect(range.description == "2019-06-17 09:00-12:30")
        #expect(range.minutes == 210)
        #expect(!range.isReversed)
        #expect(TimeRange(parsing: "2019-06-17 12:30-09:00")?.isReversed == true)
        #expect(TimeRange(parsing: "2019-06-17 09:00-09:00")?.isReversed == true)
        #expect(TimeRange(parsing: "2019-06-17 09:00") == nil)
        #expect(TimeRange(parsing: "09:00-12:00") == nil)
    }

    @Test func overlapAndContainment() throws {
        let session = try #require(TimeRange(parsing: "2019-06-17 09:00-12:30"))
        #expect(session.overlaps(try #require(TimeRange(parsing: "2019-06-17 12:00-13:00"))))
        #expect(!session.overlaps(try #require(TimeRange(parsing: "2019-06-17 12:30-13:00"))))
        #expect(!session.overlaps(try #require(TimeRange(parsing: "2019-06-18 09:00-12:30"))))
        #expect(session.contains(try #require(TimeRange(parsing: "2019-06-17 09:00-09:20"))))
        #expect(!session.contains(try #require(TimeRange(parsing: "2019-06-17 12:20-12:40"))))
    }

    @Test func codableFormsAreTheTextForms() throws {
        let range = try #require(TimeRange(parsing: "2019-06-17 09:00-12:30"))
        let json = String(decoding: try JSONEncoder().encode([range]), as: UTF8.self)
        #expect(json == #"["2019-06-17 09:00-12:30"]"#)
        #expect(try JSONDecoder().decode([TimeRange].self, from: Data(json.utf8)) == [range])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([LocalDate].self, from: Data(#"["2019-02-30"]"#.utf8)) }
    }
}
