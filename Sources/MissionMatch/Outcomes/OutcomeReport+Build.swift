extension OutcomeReport {
    /// Computes a mission's report.
    ///
    /// Outcome rows are expected as `OutcomesReader` returns them: rows of an
    /// agenda meeting carry its id, and a pair appears once. Rows of another
    /// mission, and meeting ids the agenda does not hold, are left out.
    ///
    /// - Parameters:
    ///   - mission: The mission (its id, name and targets).
    ///   - participants: Its participants (names, clusters, countries, sectors, sides).
    ///   - agenda: The agenda that was handed out.
    ///   - recommendations: The recommendations as handed out (`nil` when
    ///     not known: the funnel then starts at the agenda, and agreements
    ///     carry no rank).
    ///   - outcomes: What came of the meetings; empty before the mission.
    /// - Complexity: O(*p* · *s* + *m* + *o* + *r*) for *p* participants with
    ///   *s* sectors, *m* meetings, *o* outcome rows and *r* recommendations.
    public init(mission: Mission, participants: [Participant], agenda: Agenda,
                recommendations: [Recommendation]?, outcomes: [MeetingOutcome]) {
        let own = outcomes.filter { $0.mission == mission.id }
        let scheduled = agenda.meetings.filter { $0.status == .scheduled }
        let meetingsByID = Dictionary(scheduled.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var outcomeOfMeeting: [String: MeetingOutcome] = [:]
        var outside: [MeetingOutcome] = []
        for outcome in own {
            if let id = outcome.meetingID {
                if meetingsByID[id] != nil, outcomeOfMeeting[id] == nil { outcomeOfMeeting[id] = outcome }
            } else {
                outside.append(outcome)
            }
        }
        let meetingOutcomes = scheduled.compactMap { outcomeOfMeeting[$0.id] }
        let held = meetingOutcomes.filter(\.wasHeld)

        self.mission = mission.id
        self.name = mission.name
        self.outcomeRows = own.count
        let funnel = Funnel(
            recommended: recommendations.map { Self.distinctPairs($0) },
            onAgenda: scheduled.count,
            onAgendaRecommended: recommendations.map { list in
                let pairs = Set(list.map { Self.key($0.participant, $0.partner) })
                return scheduled.count { pairs.contains(Self.key($0.participantA, $0.participantB))
                    || pairs.contains(Self.key($0.participantB, $0.participantA)) }
            },
            reported: meetingOutcomes.count { $0.attendance != nil },
            held: held.count,
            ratedUseful: held.count(where: \.ratedUseful),
            followedUp: held.count(where: \.hasFollowUp),
            agreements: held.count(where: \.isAgreement))
        let agreementRows = meetingOutcomes.filter(\.isAgreement) + outside.filter(\.isAgreement)
        let byID = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let grouping = Grouping(participants: participants, openSide: mission.pairing == .open)
        self.figures = OutcomeFigures(
            funnel: funnel, agreementsOutsideAgenda: outside.count(where: \.isAgreement),
            agreementsByKind: MeetingOutcome.FollowUp.allCases.filter(\.isAgreement).map { kind in
                KindCount(kind: kind, count: agreementRows.count { $0.followUp == kind })
            },
            targets: Self.progress(of: mission.targets, held: held.count, agreements: agreementRows),
            byCluster: grouping.tallies(\.clusters, held: held, agreements: agreementRows),
            byCountry: grouping.tallies(\.countries, held: held, agreements: agreementRows),
            bySector: grouping.tallies(\.sectors, held: held, agreements: agreementRows),
            bySide: grouping.tallies(\.sides, held: held, agreements: agreementRows))

        var bySlot: [Int: NoShows] = [:], byTable: [Int: NoShows] = [:]
        for meeting in scheduled {
            guard let attendance = outcomeOfMeeting[meeting.id]?.attendance, attendance != .cancelled else { continue }
            let slotLabel = agenda.slots.indices.contains(meeting.slot)
                ? "\(agenda.slots[meeting.slot].dateText) \(agenda.slots[meeting.slot].startText)" : "slot \(meeting.slot)"
            bySlot[meeting.slot, default: NoShows(label: slotLabel, reported: 0, noShows: 0)].count(attendance)
            byTable[meeting.table, default: NoShows(label: "table \(meeting.table)", reported: 0, noShows: 0)].count(attendance)
        }
        self.noShowsBySlot = bySlot.sorted { $0.key < $1.key }.map(\.value)
        self.noShowsByTable = byTable.sorted { $0.key < $1.key }.map(\.value)

        let ranks = Dictionary((recommendations ?? []).map { (Self.key($0.participant, $0.partner), $0) },
                               uniquingKeysWith: { first, second in first.rank <= second.rank ? first : second })
        self.agreements = agreementRows.map { row in
            let forA = ranks[Self.key(row.participantA, row.participantB)]
            let forB = ranks[Self.key(row.participantB, row.participantA)]
            let onAgenda = row.meetingID.flatMap { meetingsByID[$0] }
            return AgreementOrigin(
                participantA: row.participantA, participantB: row.participantB,
                nameA: byID[row.participantA]?.name ?? row.participantA, nameB: byID[row.participantB]?.name ?? row.participantB,
                kind: row.followUp ?? .none, signedOn: row.signedOn, meetingID: onAgenda?.id,
                rankForA: forA?.rank, rankForB: forB?.rank,
                score: onAgenda?.score ?? [forA?.score, forB?.score].compactMap { $0 }.max())
        }
    }

    /// The targets the mission sets, each with what was achieved.
    static func progress(of targets: MissionTargets, held: Int, agreements: [MeetingOutcome]) -> [TargetProgress] {
        TargetKind.allCases.compactMap { kind in
            guard let promised = targets[kind] else { return nil }
            let achieved = switch kind {
            case .meetings: held
            case .cooperationAgreements: agreements.count { $0.followUp == .cooperationAgreement }
            case .businessAgreements: agreements.count { $0.followUp == .businessAgreement }
            case .mous: agreements.count { $0.followUp == .mou }
            case .events: held > 0 ? 1 : 0
            }
            return TargetProgress(kind: kind, promised: promised, achieved: achieved)
        }
    }

    /// Unordered pairs among recommendations.
    static func distinctPairs(_ recommendations: [Recommendation]) -> Int {
        Set(recommendations.map { $0.participant < $0.partner ? key($0.participant, $0.partner) : key($0.partner, $0.participant) }).count
    }

    /// An ordered pair as one key (ids hold no NUL).
    static func key(_ first: String, _ second: String) -> String { first + "\u{0}" + second }
}

extension OutcomeReport.NoShows {
    /// Counts one reported meeting.
    mutating func count(_ attendance: MeetingOutcome.Attendance) {
        reported += 1
        if attendance.isNoShow { noShows += 1 }
    }
}

extension MissionTargets {
    /// The target of a kind, if the mission sets it.
    public subscript(kind: OutcomeReport.TargetKind) -> Int? {
        switch kind {
        case .meetings: meetings
        case .cooperationAgreements: cooperationAgreements
        case .businessAgreements: businessAgreements
        case .mous: mous
        case .events: events
        }
    }
}
