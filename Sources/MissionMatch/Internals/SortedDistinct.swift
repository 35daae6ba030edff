extension Array where Element: Comparable {
    /// Sorts the elements in place and keeps each value once.
    ///
    /// - Complexity: O(n log n).
    mutating func sortAndRemoveDuplicates() {
        sort()
        var kept = 0
        for index in indices where kept == 0 || self[kept - 1] != self[index] {
            self[kept] = self[index]
            kept += 1
        }
        removeLast(count - kept)
    }
}
