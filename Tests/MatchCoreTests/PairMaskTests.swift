import MatchCore
import Testing

/// The mask's typed view of its explicit pairs.
struct PairMaskTests {
    @Test func explicitPairsAreReadByRowAndColumn() {
        var mask = PairMask(excluding: [(5, 2), (0, 3), (5, 2)])
        mask.exclude(1, 4)
        #expect(mask.excludedPairs.map { [$0.row, $0.column] } == [[0, 3], [1, 4], [5, 2]])
        #expect(mask.contains(row: 5, column: 2))
        #expect(!mask.contains(row: 2, column: 5))      // explicit pairs are ordered
        #expect(!mask.contains(row: -1, column: 2) && !mask.contains(row: 0, column: Int.max))
        #expect(mask.excludes(2, 5, symmetric: true) && !mask.excludes(2, 5, symmetric: false))
    }

    @Test func theRuleIsNotAnExplicitPair() {
        let mask = PairMask { a, b in a == b }
        #expect(mask.excludedPairs.isEmpty && !mask.contains(row: 1, column: 1))
        #expect(mask.excludes(1, 1, symmetric: false) && !mask.excludesNothing)
        #expect(PairMask.none.excludesNothing && PairMask.none.excludedPairs.isEmpty)
    }
}
