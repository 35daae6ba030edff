import MissionMatch

/// A ``Participant`` built in code, seen as a record of the participants
/// format so that ``ParticipantValidator`` checks it exactly as it checks a
/// file's row. Messages name the record (its 1-based position) and the field.
struct ParticipantValueRecord: ParticipantRecord {
    let participant: Participant
    let recordIndex: Int?

    init(_ participant: Participant, index: Int) {
        self.participant = participant
        self.recordIndex = index
    }

    var startLine: Int? { nil }
    var extraFields: [ExtraField] { participant.extraFields }

    func line(_ field: ParticipantField) -> Int? { nil }

    func text(_ field: ParticipantField) -> String {
        let p = participant
        let value: String? = switch field {
        case .id: p.id
        case .name: p.name
        case .country: p.country
        case .side: p.side?.rawValue
        case .type: p.type?.rawValue
        case .cluster: p.cluster
        case .offers: p.offers
        case .needs: p.needs
        case .maxMeetings: p.maxMeetings.map(String.init)
        case .minMeetings: p.minMeetings.map(String.init)
        case .representatives: String(p.representatives)
        case .email: p.email
        case .contact: p.contact
        case .website: p.website
        case .sectors, .offerTags, .needTags, .targetCountries, .cooperation, .languages, .available,
             .wantsMissions, .refusesMissions:
            items(field).joined(separator: "|")
        }
        return (value ?? "").trimmingBlanks()
    }

    func items(_ field: ParticipantField) -> [String] {
        let p = participant
        let values: [String] = switch field {
        case .sectors: p.sectors
        case .offerTags: p.offerTags
        case .needTags: p.needTags
        case .targetCountries: p.targetCountries
        case .cooperation: p.cooperation.map(\.rawValue)
        case .languages: p.languages
        case .available: p.availability.map(\.description)
        case .wantsMissions: p.wantsMissions
        case .refusesMissions: p.refusesMissions
        default: [text(field)]
        }
        return values.map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    }
}
