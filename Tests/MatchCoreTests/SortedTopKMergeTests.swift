import Testing
@testable import MatchCore

/// The merge of the workers' row lists breaks score ties by the lower partner
/// index whichever worker found it: built directly, so that the tie reaches
/// the merge regardless of how a run is scheduled.
struct SortedTopKMergeTests {
    private func table(_ entries: [(score: Float, partner: Int)], capacity: Int = 3) -> SortedTopKTable {
        let table = SortedTopKTable(rows: 1, capacity: capacity)
        for entry in entries { _ = table.insert(score: entry.score, partner: entry.partner, components: .zero, row: 0) }
        return table
    }

    @Test func aTieAcrossWorkersGoesToTheLowerIndexInTheLaterWorker() {
        let merged = SortedTopKTable.merged([table([(0.5, 7), (0.25, 1)]), table([(0.5, 3), (0.125, 0)])], row: 0)
        #expect(merged.map(\.partner) == [3, 7, 1])
    }

    @Test func aTieAcrossWorkersGoesToTheLowerIndexInTheEarlierWorker() {
        let merged = SortedTopKTable.merged([table([(0.5, 2), (0.25, 1)]), table([(0.5, 6), (0.125, 0)])], row: 0)
        #expect(merged.map(\.partner) == [2, 6, 1])
    }

    @Test func threeWorkersTieOnEveryEntry() {
        let tables = [table([(1, 8), (1, 5)]), table([(1, 4), (1, 9)]), table([(1, 6), (1, 2)])]
        #expect(SortedTopKTable.merged(tables, row: 0).map(\.partner) == [2, 4, 5])
    }

    @Test func higherScoresStillComeFirst() {
        let merged = SortedTopKTable.merged([table([(0.25, 0)]), table([(0.75, 9), (-0.0, 1)]), table([(0.0, 2)])], row: 0)
        #expect(merged.map(\.partner) == [9, 0, 1])
        #expect(merged.map(\.score) == [0.75, 0.25, 0])
    }
}
