import MatchCore

/// What a ranking computes before its kernel runs, the same for a whole
/// ranking, a shard and a merge: the resolved list length, the kernel's two
/// sides, the scoring model and the pair exclusions.
///
/// Everything here is a deterministic function of the mission, participants,
/// requests, history, options and encoding (the calibration samples pairs
/// with a fixed seed over the *whole* sides), so a shard and the merge build
/// the model the unsharded ranking builds, bit for bit.
struct RankingSetup: Sendable {
    let mission: Mission
    let participants: [Participant]
    let requests: [MeetingRequest]
    let history: MeetingHistory
    let encoding: ParticipantEncoding
    /// The list length.
    let k: Int
    /// Candidates the kernel keeps per participant (``RankingOptions/candidates(forTop:)``).
    let keep: Int
    /// The kernel's rows: the mission's first side (everyone for `open` pairing).
    let rows: [Int]
    /// The kernel's columns: the second side (everyone for `open` pairing).
    let columns: [Int]
    let model: ScoringModel
    let exclusions: PairExclusions
    let workers: Int

    /// - Throws: ``MissionInputError`` for contradictory input; ``LatentShapeError`` when the encoding
    ///   has another number of rows than there are participants.
    init(
        engine: MatchingEngine, mission: Mission, participants: [Participant], requests: [MeetingRequest], top: Int?,
        encoding: ParticipantEncoding, history: MeetingHistory
    ) throws {
        try MissionInputError.check(mission: mission, participants: participants, semantic: encoding.semantic)
        guard encoding.offers.rows == participants.count else {
            throw LatentShapeError(matrix: "offers", expected: [participants.count, encoding.offers.columns],
                                   found: [encoding.offers.rows, encoding.offers.columns])
        }
        if let keys = encoding.explanationKeys, keys.offers.count != participants.count || keys.needs.count != participants.count {
            throw LatentShapeError(matrix: "explanation keys", expected: [participants.count, 2],
                                   found: [min(keys.offers.count, keys.needs.count), 2])
        }
        self.mission = mission
        self.participants = participants
        self.requests = requests
        self.history = history
        self.encoding = encoding
        self.k = min(max(0, top ?? mission.topK), participants.count)  // nobody has more partners than that
        (rows, columns) = MatchingEngine.sides(of: mission, participants)
        // Independent of each other: built at once (the closures take copies, `self` is not complete yet).
        let (rows, columns) = (rows, columns)
        (model, exclusions) = ParallelChunks.both({
            ScoringModel(
                participants: participants, encoding: encoding, weights: mission.weights, reference: engine.reference,
                pairs: (rows, columns), calibrated: engine.calibratesComponents)
        }, {
            PairExclusions(participants: participants, rules: mission.rules, requests: requests, history: history)
        })
        keep = engine.rankingOptions.candidates(forTop: k)
        workers = engine.rankingOptions.workers ?? PairScoringKernel.defaultWorkers
    }

    var isBipartite: Bool { mission.pairing == .bipartite }

    /// The kernel's lists for every row against the columns `columnBlock`
    /// (positions in ``columns``), and for every column of the block against
    /// every row (bipartite missions only; empty otherwise). Partners are
    /// participant indices; each list is the exact best ``keep`` by score,
    /// ties to the lower participant index (the kernel's order: columns and
    /// rows are in participant order).
    ///
    /// - Complexity: O(|rows| · |block| · (2r + f)).
    func kernelLists(columnBlock: Range<Int>) -> (rows: [[Candidate]], columns: [[Candidate]]) {
        let blockColumns = Array(columns[columnBlock])
        var rowLists = [[Candidate]](repeating: [], count: rows.count)
        var columnLists = [[Candidate]](repeating: [], count: isBipartite ? blockColumns.count : 0)
        guard !rows.isEmpty, !blockColumns.isEmpty, keep > 0 else { return (rowLists, columnLists) }
        let kernel = PairScoringKernel(k: keep, mean: model.kernelMean, reciprocityWeight: model.complementarityWeight,
                                       workers: workers)
        let (a, b) = ParallelChunks.both({ model.scoringSide(rows, asRows: true) }, { model.scoringSide(blockColumns, asRows: false) })
        let result = kernel.rank(.bipartite(a: a, b: b), mask: exclusions.mask(rows: rows, columns: blockColumns))
        // The kernel's lists in participant indices, in chunks on all cores (23,100 lists for a programme).
        let rowIndices = rows, forA = result.forA, forB = result.forB
        rowLists = ParallelChunks.map(count: forA.count, minimumChunk: 1_024) { range in
            range.map { row in
                forA[row].map {
                    Candidate(partner: blockColumns[$0.partner], score: $0.score, offerToNeed: $0.offerToNeed, needFromOffer: $0.needFromOffer)
                }
            }
        }
        if isBipartite {
            columnLists = ParallelChunks.map(count: forB.count, minimumChunk: 1_024) { range in
                range.map { column in
                    forB[column].map {
                        Candidate(partner: rowIndices[$0.partner], score: $0.score, offerToNeed: $0.offerToNeed, needFromOffer: $0.needFromOffer)
                    }
                }
            }
        }
        return (rowLists, columnLists)
    }
}
