import Testing
@testable import MissionMatch

/// Findings are values; their descriptions are the sentences organisers read.
struct AgendaFindingTests {
    @Test func descriptionsAreTheOrganisersSentences() {
        #expect(AgendaFinding.unbalancedSides(smaller: "counterpart", capacity: 396, larger: "consortium", wanted: 952).description
                == "the counterpart side can hold at most 396 meetings, the consortium side wants 952: 556 wanted meetings "
                + "cannot happen (raise max_meetings or representatives on the counterpart side)")
        #expect(AgendaFinding.minimumsExceedPlaces(needed: 50, tables: 1, slots: 4, places: 4, addTables: 12).description
                == "the minimums need at least 50 meetings but 1 table × 4 slots = 4 places: add 12 tables or lower min_meetings")
        let below = (1...7).map { AgendaFinding.BelowMinimum(participant: "p\($0)", reason: "no free slot") }
        #expect(AgendaFinding.belowMinimum(below).description
                == "7 participants below min_meetings: p1 (no free slot); p2 (no free slot); p3 (no free slot); "
                + "p4 (no free slot); p5 (no free slot); …")
        #expect(AgendaFinding.pairsWithoutCommonSlot(1).description == "1 candidate pair left out: the two share no available slot")
        #expect(AgendaFinding.keptMeetingsCancelled(2).description == "2 kept meetings cancelled (see cancelled in agenda.json)")
        #expect(AgendaFinding.fixedTableSideIgnored("buyers", openMission: true).description
                == "fixed tables for side 'buyers' ignored: the mission has no such side (it is an open mission)")
        #expect(AgendaFinding.unmetMustRequest(from: "a", to: "b", reason: "b is full").description
                == "must request a – b not scheduled: b is full")
    }
}
