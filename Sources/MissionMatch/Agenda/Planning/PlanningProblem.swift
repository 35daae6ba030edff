/// The planner's view of a mission: participants by index, their available
/// slots and limits, and the candidate meetings as edges between indices.
struct PlanningProblem: Sendable {
    /// A possible meeting.
    struct Edge: Sendable {
        /// The first participant (first side in a bipartite mission, else earlier in the file).
        var a: Int
        /// The second participant.
        var b: Int
        var score: Double
        var reasons: String
        /// The index of the `must` request asking for it, if any.
        var mustRequest: Int?
    }

    let mission: Mission
    let participants: [Participant]
    let slots: [Slot]
    let slotCount: Int
    let tables: Int
    let isBipartite: Bool
    /// The session of each slot, numbered 0… in time order.
    let sessionOfSlot: [Int]
    let sessionCount: Int
    /// Participant ids to indices.
    let index: [String: Int]
    /// 0 or 1 for the two sides of a bipartite mission; 0 in an open one.
    let side: [Int]
    /// `available[p * slotCount + s]`: whether participant `p` can meet in slot `s`.
    let available: [Bool]
    let availableSlots: [Int]
    let representatives: [Int]
    /// The most meetings each participant can have: its limit, and no more than its slots allow.
    let capacity: [Int]
    /// Its own or the mission's `max_meetings` (`nil`: none).
    let maxMeetings: [Int?]
    let minMeetings: [Int]
    /// The candidate meetings (no self, same-side, blocked or duplicate pairs).
    var edges: [Edge]
    /// Edge index by pair.
    var edgeOfPair: [PairKey: Int]
    /// The edges of each participant.
    var incident: [[Int]]
    /// The organiser's requests, in file order.
    let requests: [MeetingRequest]
    /// The `block`ed pairs.
    let blocked: Set<PairKey>
    /// Candidates dropped and why, for the findings.
    var droppedForNoCommonSlot = 0
    var droppedAsInvalid = 0

    /// An order-free pair of participant indices.
    struct PairKey: Hashable, Sendable {
        let low: Int32, high: Int32
        init(_ x: Int, _ y: Int) {
            low = Int32(min(x, y))
            high = Int32(max(x, y))
        }
    }

    init(mission: Mission, participants: [Participant], requests: [MeetingRequest], candidates: [AgendaCandidate]) {
        self.mission = mission
        self.participants = participants
        slots = mission.slots
        slotCount = slots.count
        tables = max(0, mission.tables)
        isBipartite = mission.pairing == .bipartite
        var sessionNumber: [Int: Int] = [:]
        var sessionOfSlot: [Int] = []
        for slot in slots {
            if sessionNumber[slot.session] == nil { sessionNumber[slot.session] = sessionNumber.count }
            sessionOfSlot.append(sessionNumber[slot.session] ?? 0)
        }
        self.sessionOfSlot = sessionOfSlot
        sessionCount = sessionNumber.count

        var index: [String: Int] = [:]
        for (position, participant) in participants.enumerated() where index[participant.id] == nil {
            index[participant.id] = position
        }
        self.index = index
        let firstSide = mission.sides.first
        side = participants.map { mission.pairing == .bipartite && $0.side != firstSide ? 1 : 0 }

        var available = [Bool](repeating: false, count: participants.count * slotCount)
        var availableSlots: [Int] = []
        for (p, participant) in participants.enumerated() {
            var count = 0
            for (s, slot) in slots.enumerated() {
                let free = participant.availability.isEmpty || participant.availability.contains { $0.contains(slot.range) }
                available[p * slotCount + s] = free
                if free { count += 1 }
            }
            availableSlots.append(count)
        }
        self.available = available
        self.availableSlots = availableSlots
        representatives = participants.map { max(1, $0.representatives) }
        maxMeetings = participants.map { $0.maximumMeetings(in: mission) }
        minMeetings = participants.map { max(0, $0.minimumMeetings(in: mission)) }
        capacity = participants.indices.map { p in
            let bySlots = availableSlots[p].saturatingMultiplied(by: max(1, participants[p].representatives))
            return max(0, min(participants[p].maximumMeetings(in: mission) ?? bySlots, bySlots))
        }

        var blocked = Set<PairKey>()
        for request in requests where request.priority == .block {
            if let x = index[request.from], let y = index[request.to] { blocked.insert(PairKey(x, y)) }
        }
        self.blocked = blocked
        self.requests = requests
        edges = []
        edgeOfPair = [:]
        incident = []
        for candidate in candidates {
            guard let x = index[candidate.participantA], let y = index[candidate.participantB],
                  isAllowedPair(x, y), candidate.score.isFinite
            else { droppedAsInvalid += 1; continue }
            guard hasCommonSlot(x, y) else { droppedForNoCommonSlot += 1; continue }
            let key = PairKey(x, y)
            let score = min(1, max(0, candidate.score))
            if let existing = edgeOfPair[key] {
                if score > edges[existing].score {
                    edges[existing].score = score
                    edges[existing].reasons = candidate.reasons
                }
                continue
            }
            edgeOfPair[key] = edges.count
            edges.append(orientedEdge(x, y, score: score, reasons: candidate.reasons))
        }
        for (number, request) in requests.enumerated() where request.priority == .must {
            guard let x = index[request.from], let y = index[request.to], isAllowedPair(x, y) else { continue }
            let key = PairKey(x, y)
            if let existing = edgeOfPair[key] {
                if edges[existing].mustRequest == nil { edges[existing].mustRequest = number }
            } else if hasCommonSlot(x, y) {
                edgeOfPair[key] = edges.count
                var edge = orientedEdge(x, y, score: 0, reasons: "requested by \(request.from) (must)")
                edge.mustRequest = number
                edges.append(edge)
            }
        }
        var incident = [[Int]](repeating: [], count: participants.count)
        for (number, edge) in edges.enumerated() {
            incident[edge.a].append(number)
            incident[edge.b].append(number)
        }
        self.incident = incident
    }

    /// Whether two participants may meet at all: different, not blocked, across sides when bipartite.
    func isAllowedPair(_ x: Int, _ y: Int) -> Bool {
        x != y && !blocked.contains(PairKey(x, y)) && (!isBipartite || side[x] != side[y])
    }

    /// Whether two participants share an available slot.
    func hasCommonSlot(_ x: Int, _ y: Int) -> Bool {
        (0..<slotCount).contains { available[x * slotCount + $0] && available[y * slotCount + $0] }
    }

    func isAvailable(_ p: Int, _ s: Int) -> Bool { available[p * slotCount + s] }

    /// An edge with its participants in output order.
    func orientedEdge(_ x: Int, _ y: Int, score: Double, reasons: String) -> Edge {
        let (a, b) = side[x] != side[y] ? (side[x] == 0 ? (x, y) : (y, x)) : (min(x, y), max(x, y))
        return Edge(a: a, b: b, score: score, reasons: reasons, mustRequest: nil)
    }

    /// Adds a meeting kept from an earlier agenda whose pair is not (or no longer) a candidate.
    mutating func addKeptEdge(_ x: Int, _ y: Int, score: Double, reasons: String) -> Int {
        let key = PairKey(x, y)
        if let existing = edgeOfPair[key] { return existing }
        edgeOfPair[key] = edges.count
        edges.append(orientedEdge(x, y, score: score, reasons: reasons))
        incident[x].append(edges.count - 1)
        incident[y].append(edges.count - 1)
        return edges.count - 1
    }
}
