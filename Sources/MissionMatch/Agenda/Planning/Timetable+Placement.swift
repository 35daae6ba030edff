extension Timetable {
    /// The best slot the edge fits in directly: the one adding the fewest idle
    /// slots to both participants' sessions (compactness), then the least
    /// loaded, then the earliest.
    func bestSlot(for edge: Int) -> Int? {
        let e = problem.edges[edge]
        var best: (cost: Int, load: Int, slot: Int)?
        for s in 0..<slotCount where fits(edge, at: s) {
            let candidate = (idleCost(e.a, s) + idleCost(e.b, s), load[s], s)
            if best.map({ candidate < $0 }) ?? true { best = candidate }
        }
        return best?.slot
    }

    /// How many idle slots a meeting of `p` in slot `s` adds between its first
    /// and last meeting of that session (−1 when it fills a gap, 0 when adjacent or first).
    func idleCost(_ p: Int, _ s: Int) -> Int {
        let session = problem.sessionOfSlot[s]
        var low = Int.max, high = Int.min
        for edge in edgesOf[p] {
            let slot = slotOfEdge[edge]
            guard problem.sessionOfSlot[slot] == session else { continue }
            low = min(low, slot)
            high = max(high, slot)
        }
        if low == Int.max { return 0 }
        if s >= low && s <= high { return s == low || s == high ? 0 : -1 }
        return s < low ? low - s - 1 : s - high - 1
    }

    /// Places the edge: directly when a slot fits, else after moving other
    /// meetings out of the way (a table freed by moving one meeting, or an
    /// alternating Kempe chain that frees a common slot). Changes nothing when it fails.
    ///
    /// - Returns: Whether the edge was placed.
    mutating func placeWithRepair(_ edge: Int, chainAttempts: Int = 48) -> Bool {
        let e = problem.edges[edge]
        guard !isPlaced(edge), hasRoom(e.a), hasRoom(e.b), load.contains(where: { $0 < problem.tables }) else { return false }
        if let slot = bestSlot(for: edge) {
            place(edge, at: slot)
            return true
        }
        return freeTableByMoving(for: edge) || placeByKempeChain(edge, attempts: chainAttempts)
    }

    /// Frees a table in a slot where both participants are free by moving one
    /// meeting of that slot to another slot it fits in. Each move is checked
    /// against the state it is applied to: the moved meeting against the
    /// timetable without it, the new one against the timetable with the moved
    /// meeting in its new slot (with fixed tables both may need the same
    /// session's tables).
    private mutating func freeTableByMoving(for edge: Int) -> Bool {
        let e = problem.edges[edge]
        for s in 0..<slotCount where isFree(e.a, s) && isFree(e.b, s) && !hasTable(for: edge, at: s) {
            for other in edgesAt[s] where !isLocked[other] {
                remove(other)
                // Necessary: the edge fits once `other` is out (moving `other` elsewhere can only take capacity away).
                guard fits(edge, at: s) else {
                    place(other, at: s)
                    continue
                }
                for target in 0..<slotCount where target != s && fits(other, at: target) {
                    place(other, at: target)
                    if fits(edge, at: s) {
                        place(edge, at: s)
                        return true
                    }
                    remove(other)
                }
                place(other, at: s)
            }
        }
        return false
    }

    /// Tries slot pairs (α free for one participant, β free for the other) and
    /// swaps α and β along the alternating chain that starts at the participant
    /// busy in α, so that both become free in α.
    private mutating func placeByKempeChain(_ edge: Int, attempts: Int) -> Bool {
        let e = problem.edges[edge]
        let freeA = (0..<slotCount).filter { isFree(e.a, $0) }
        let freeB = (0..<slotCount).filter { isFree(e.b, $0) }
        var tried = 0
        for alpha in freeA {
            for beta in freeB where alpha != beta {
                guard tried < attempts else { return false }
                tried += 1
                if problem.isAvailable(e.b, alpha), swapChain(for: edge, start: e.b, from: alpha, to: beta) { return true }
                if problem.isAvailable(e.a, beta), swapChain(for: edge, start: e.a, from: beta, to: alpha) { return true }
            }
        }
        return false
    }

    /// Moves one meeting of `start` from slot `from` to `to`, then, while the
    /// other participant of the moved meeting is overbooked in `to`, one of its
    /// meetings back the other way, and so on; places `edge` in `from` when
    /// everything fits, else undoes every move.
    private mutating func swapChain(for edge: Int, start: Int, from: Int, to: Int) -> Bool {
        var journal: [(edge: Int, slot: Int)] = []
        var involved = [start]
        var node = start, source = from, target = to
        let limit = 2 * problem.participants.count + 4
        func undo(_ table: inout Timetable) {
            for step in journal.reversed() { table.move(step.edge, to: step.slot) }
        }
        while true {
            var pick = -1
            for candidate in edgesOf[node] where slotOfEdge[candidate] == source && !isLocked[candidate]
                && !journal.contains(where: { $0.edge == candidate })
            {
                let e = problem.edges[candidate]
                let other = e.a == node ? e.b : e.a
                guard problem.isAvailable(other, target), problem.isAvailable(node, target) else { continue }
                if busy(other, target) < problem.representatives[other] { pick = candidate; break }
                if pick < 0 { pick = candidate }
            }
            guard pick >= 0, journal.count < limit else { undo(&self); return false }
            let moved = problem.edges[pick]
            let other = moved.a == node ? moved.b : moved.a
            move(pick, to: target)
            journal.append((pick, source))
            involved.append(other)
            if busy(other, target) <= problem.representatives[other] { break }
            node = other
            swap(&source, &target)
        }
        if fits(edge, at: from), isConsistent(slots: [from, to], participants: involved) {
            place(edge, at: from)
            return true
        }
        undo(&self)
        return false
    }
}
