// Writes a plausible, FICTIONAL outcomes file (FileFormats §6b) for an agenda
// that was handed out: the bundled example Data/outcomes/toronto-2019.csv.
// Nothing in it happened; it exists so that the outcomes report has data.
//
//   swift Scripts/generate-outcomes.swift AGENDA.json PARTICIPANTS.csv OUT.csv
//
// e.g. swift Scripts/generate-outcomes.swift Data/outcomes/handed-out/toronto-2019/agenda.json \
//          Data/participants/toronto-2019.csv Data/outcomes/toronto-2019.csv
// (Data/README.md has the commands that make the agenda.)
//
// Deterministic: no clock, no system random numbers. Each meeting draws from
// its own SplitMix64 stream, seeded with `seed` xor the FNV-1a hash of its id,
// so a meeting's outcome depends on the meeting alone (not on the others or
// their order); the agreements outside the agenda draw from the stream of
// "outside-agenda". Only + - * / and rounding on doubles (no libm), so every
// platform gives the same bytes.
//
// The model, for each meeting of the agenda, in the agenda's order:
//
//   reporting   5 %   not reported: every outcome column empty.
//               2 %   cancelled (held = cancelled).
//               a meeting with status `cancelled` in the agenda is written
//               as cancelled.
//   no-show     p = 1 % + 10 % × late + 4 % × far, where
//                 late = the slot's position in its session, 0 (first) to 1 (last),
//                 far  = (table − 1) / (highest table − 1), 0 to 1;
//               from 1 % (first slot, table 1) to 15 % (last slot, last
//               table), about 7 % of Toronto's meetings. The absent one is chosen with
//               weight 2 for a participant of the second side in the
//               participants file (the hosts, who drop in from their
//               offices) and 1 otherwise: no-show-a or no-show-b.
//               Otherwise the meeting was held (held = yes).
//   fit         q = the percentile of the meeting's score among the agenda's
//               meetings (0 the lowest, 1 the highest; ties share the mid rank).
//   ratings     each side on its own: round(2.4 + 2.2 × q + 0.8 × N), kept
//               within 1–5, where N ≈ standard normal (2 × (u1 + u2 + u3) − 3,
//               u uniform in [0, 1)). Each side leaves its rating empty with
//               probability 7 % (form not returned); the follow-up below is
//               drawn from both ratings anyway.
//   follow-up   of a held meeting, from lo = the lower of the two ratings:
//                 an agreement with probability 0 (lo ≤ 2), 6 % (lo = 3),
//                 25 % (lo = 4), 45 % (lo = 5); its kind:
//                   one of the two is a public body, an intermediary or a
//                   research organisation (type public / intermediary /
//                   research / cluster): mou 25 %, cooperation_agreement 65 %,
//                   business_agreement 10 %;
//                   otherwise cooperation_agreement 80 %, business_agreement 20 %;
//                 else contact with probability 4 % + 18 % × (mean rating − 1),
//                 i.e. 4 % (both rated 1) to 76 % (both rated 5);
//                 else none.
//               Meetings not held have no ratings and no follow-up.
//   signed_on   an agreement is signed 21 to 240 days (3 weeks to 8 months,
//               uniform) after the agenda's last day.
//   notes       agreements: a short description drawn from a list by kind;
//               contacts: one in four gets a note; no-shows: one in three
//               says "no notice given"; cancelled meetings say why.
//
// Then 3 agreements outside the agenda (meeting_id, names, date, start,
// table, held and ratings empty): each between an SME (type sme) of the
// first side and a participant of the second side, two who had no meeting
// together on the agenda, six different participants, the three SMEs from
// three different clusters: two
// cooperation_agreement and one business_agreement, signed as above, with
// notes "met at the exploratory visit", "met at the networking reception",
// "introduced by their cluster after the mission". (Without two sides: any
// two participants of different clusters.)
//
// The figures this gives for Toronto are in Data/README.md.
import Foundation

let seed: UInt64 = 0x4D49_5353_494F_4E19  // "MISSION" + 19, fixed

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: swift Scripts/generate-outcomes.swift AGENDA.json PARTICIPANTS.csv OUT.csv\n".utf8))
    exit(64)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("generate-outcomes: \(message)\n".utf8))
    exit(65)
}

// MARK: - Random numbers

struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1), 53 bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
    /// Approximately standard normal: the sum of three uniforms, rescaled.
    mutating func normal() -> Double { 2 * (uniform() + uniform() + uniform()) - 3 }
    /// An index below `count`.
    mutating func index(_ count: Int) -> Int { min(count - 1, Int(uniform() * Double(count))) }
    mutating func pick<T>(_ items: [T]) -> T { items[index(items.count)] }
}

func fnv1a(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    return hash
}

func stream(_ key: String) -> SplitMix64 { SplitMix64(state: seed ^ fnv1a(key)) }

// MARK: - Dates (proleptic Gregorian, days since 1970-01-01)

func days(_ iso: String) -> Int {
    let parts = iso.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { fail("not a date: \(iso)") }
    let m = parts[1], d = parts[2], y = parts[0] - (m <= 2 ? 1 : 0)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    return era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

func isoDate(_ days: Int) -> String {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp + (mp < 10 ? 3 : -9)
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return String(format: "%04d-%02d-%02d", y, m, d)
}

func minutes(_ hhmm: String) -> Int {
    let parts = hhmm.split(separator: ":").compactMap { Int($0) }
    guard parts.count == 2 else { fail("not a time: \(hhmm)") }
    return parts[0] * 60 + parts[1]
}

// MARK: - CSV

func parseCSV(_ text: String) -> [[String]] {
    let scalars = Array(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
    var rows: [[String]] = [], row: [String] = [], field = String.UnicodeScalarView()
    var inQuotes = false, i = 0
    while i < scalars.count {
        let c = scalars[i]
        if inQuotes {
            if c == "\"" {
                if i + 1 < scalars.count, scalars[i + 1] == "\"" { field.append(c); i += 1 } else { inQuotes = false }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            inQuotes = true
        } else if c == "," {
            row.append(String(field)); field = String.UnicodeScalarView()
        } else if c == "\n" || c == "\r" {
            if c == "\r", i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
            row.append(String(field)); field = String.UnicodeScalarView()
            rows.append(row); row = []
        } else {
            field.append(c)
        }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
    return rows.filter { $0 != [""] }
}

/// A cell that is safe in a spreadsheet (FileFormats §4) and quoted when needed.
func cell(_ value: String) -> String {
    var text = value
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
    if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
        text = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return text
}

// MARK: - Inputs

struct Participant { var id, name, side, type, cluster: String }

guard let participantText = try? String(contentsOfFile: arguments[2], encoding: .utf8) else { fail("cannot read \(arguments[2])") }
let participantRows = parseCSV(participantText)
guard let header = participantRows.first?.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }),
      let idColumn = header.firstIndex(of: "id") else { fail("\(arguments[2]): no id column") }
func column(_ name: String) -> Int? { header.firstIndex(of: name) }
let participants: [Participant] = participantRows.dropFirst().map { row in
    func value(_ name: String) -> String {
        guard let index = column(name), index < row.count else { return "" }
        return row[index].trimmingCharacters(in: .whitespaces)
    }
    return Participant(id: row[idColumn].trimmingCharacters(in: .whitespaces), name: value("name"),
                       side: value("side").lowercased(), type: value("type").lowercased(), cluster: value("cluster"))
}
let byID = Dictionary(participants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
var sides: [String] = []
for p in participants where !p.side.isEmpty && !sides.contains(p.side) { sides.append(p.side) }

struct Meeting { var id, date, start: String; var table: Int; var a, b: String; var score: Double; var status: String }

guard let agendaData = try? Data(contentsOf: URL(fileURLWithPath: arguments[1])) else { fail("cannot read \(arguments[1])") }
guard let agenda = (try? JSONSerialization.jsonObject(with: agendaData)) as? [String: Any],
      let missionID = agenda["mission"] as? String,
      let meetingObjects = agenda["meetings"] as? [[String: Any]] else { fail("\(arguments[1]): not an agenda.json") }
let meetings: [Meeting] = meetingObjects.map { m in
    guard let id = m["id"] as? String, let date = m["date"] as? String, let start = m["start"] as? String,
          let table = (m["table"] as? NSNumber)?.intValue,
          let a = m["participant_a"] as? String, let b = m["participant_b"] as? String else {
        fail("\(arguments[1]): a meeting without id, date, start, table or participants")
    }
    return Meeting(id: id, date: date, start: start, table: table, a: a, b: b,
                   score: (m["score"] as? NSNumber)?.doubleValue ?? 0, status: m["status"] as? String ?? "scheduled")
}
guard !meetings.isEmpty else { fail("\(arguments[1]): no meetings") }
for m in meetings where byID[m.a] == nil || byID[m.b] == nil { fail("\(m.id): a participant not in \(arguments[2])") }

// Each slot's position in its session: the agenda's slots (or, without them,
// the meetings' own times), split where the gap exceeds the usual step.
var slotTimes = Set<[String]>()
for slot in agenda["slots"] as? [[String: Any]] ?? [] {
    if let date = slot["date"] as? String, let start = slot["start"] as? String { slotTimes.insert([date, start]) }
}
if slotTimes.isEmpty { slotTimes = Set(meetings.map { [$0.date, $0.start] }) }
let orderedSlots = slotTimes.map { (days($0[0]), minutes($0[1]), $0[0] + " " + $0[1]) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
var step = Int.max
for (previous, slot) in zip(orderedSlots, orderedSlots.dropFirst()) where previous.0 == slot.0 {
    step = min(step, slot.1 - previous.1)
}
var sessions: [[String]] = []
for (index, slot) in orderedSlots.enumerated() {
    let previous = index > 0 ? orderedSlots[index - 1] : nil
    if let previous, previous.0 == slot.0, slot.1 - previous.1 <= step { sessions[sessions.count - 1].append(slot.2) } else { sessions.append([slot.2]) }
}
var lateness: [String: Double] = [:]
for session in sessions {
    for (position, key) in session.enumerated() {
        lateness[key] = session.count > 1 ? Double(position) / Double(session.count - 1) : 0
    }
}
let highestTable = meetings.map(\.table).max() ?? 1
let lastDay = meetings.map { days($0.date) }.max()!

// The fit: each meeting's score percentile, ties sharing the mid rank.
let scores = meetings.map(\.score).sorted()
func percentile(_ score: Double) -> Double {
    guard scores.count > 1 else { return 0.5 }
    var below = 0, equal = 0
    for s in scores { if s < score { below += 1 } else if s == score { equal += 1 } }
    return (Double(below) + Double(equal - 1) / 2) / Double(scores.count - 1)
}

// MARK: - The model

let institutional: Set<String> = ["public", "intermediary", "research", "cluster"]
let agreementNotes = [
    "cooperation_agreement": ["joint pilot project", "joint R&D proposal", "distribution partnership",
                              "technology trial at the partner's site", "joint bid, letter of intent signed",
                              "co-development of a product line"],
    "business_agreement": ["first order placed", "supply contract", "licence agreement",
                           "distribution contract, exclusive for two years", "contract manufacturing order"],
    "mou": ["memorandum of understanding on a joint programme", "memorandum of understanding, cluster to cluster"],
]
let contactNotes = ["samples sent", "follow-up call planned", "offer requested", "visit to the plant planned",
                    "samples sent, call planned"]
let cancelNotes = ["cancelled the day before", "flight delayed", "double-booked, cancelled on the day"]

func signedOn(_ rng: inout SplitMix64) -> String { isoDate(lastDay + 21 + rng.index(220)) }

func agreementKind(_ a: Participant, _ b: Participant, _ rng: inout SplitMix64) -> String {
    let u = rng.uniform()
    if institutional.contains(a.type) || institutional.contains(b.type) {
        return u < 0.25 ? "mou" : u < 0.90 ? "cooperation_agreement" : "business_agreement"
    }
    return u < 0.80 ? "cooperation_agreement" : "business_agreement"
}

let header15 = "mission_id,meeting_id,participant_a,participant_b,name_a,name_b,date,start,table,held,rating_a,rating_b,follow_up,signed_on,notes"
var lines = [header15]

for m in meetings {
    var rng = stream(m.id)
    let a = byID[m.a]!, b = byID[m.b]!
    var held = "", ratingA = "", ratingB = "", followUp = "", signed = "", notes = ""
    let report = rng.uniform()
    let late = lateness[m.date + " " + m.start] ?? 0
    let far = highestTable > 1 ? Double(m.table - 1) / Double(highestTable - 1) : 0
    if m.status == "cancelled" {
        held = "cancelled"
    } else if report < 0.05 {
        // not reported
    } else if report < 0.07 {
        held = "cancelled"
        notes = rng.pick(cancelNotes)
    } else if rng.uniform() < 0.01 + 0.10 * late + 0.04 * far {
        let weightA = sides.count == 2 && a.side == sides[1] ? 2.0 : 1.0
        let weightB = sides.count == 2 && b.side == sides[1] ? 2.0 : 1.0
        held = rng.uniform() * (weightA + weightB) < weightA ? "no-show-a" : "no-show-b"
        if rng.uniform() < 1.0 / 3 { notes = "no notice given" }
    } else {
        held = "yes"
        let q = percentile(m.score)
        func rating(_ rng: inout SplitMix64) -> Int { max(1, min(5, Int((2.4 + 2.2 * q + 0.8 * rng.normal()).rounded()))) }
        let ra = rating(&rng), rb = rating(&rng)
        let lo = min(ra, rb)
        let agreement = [0, 0, 0, 0.06, 0.25, 0.45][lo]
        if rng.uniform() < agreement {
            followUp = agreementKind(a, b, &rng)
            signed = signedOn(&rng)
            notes = rng.pick(agreementNotes[followUp]!)
        } else if rng.uniform() < 0.04 + 0.18 * (Double(ra + rb) / 2 - 1) {
            followUp = "contact"
            if rng.uniform() < 0.25 { notes = rng.pick(contactNotes) }
        } else {
            followUp = "none"
        }
        ratingA = rng.uniform() < 0.07 ? "" : String(ra)
        ratingB = rng.uniform() < 0.07 ? "" : String(rb)
    }
    lines.append([missionID, m.id, m.a, m.b, a.name, b.name, m.date, m.start, String(m.table), held,
                  ratingA, ratingB, followUp, signed, notes].map(cell).joined(separator: ","))
}

// Agreements between participants who had no meeting on the agenda.
var outside = stream("outside-agenda")
let met = Set(meetings.flatMap { [$0.a + "\u{0}" + $0.b, $0.b + "\u{0}" + $0.a] })
let firstPool = sides.count == 2 ? participants.filter { $0.side == sides[0] && $0.type == "sme" } : participants
let secondPool = sides.count == 2 ? participants.filter { $0.side == sides[1] } : participants
let outsideRows = [("cooperation_agreement", "met at the exploratory visit"),
                   ("business_agreement", "met at the networking reception"),
                   ("cooperation_agreement", "introduced by their cluster after the mission")]
var usedClusters = Set<String>(), usedIDs = Set<String>()
for (kind, note) in outsideRows {
    var found: (Participant, Participant)?
    for _ in 0..<10_000 where found == nil {
        let a = outside.pick(firstPool), b = outside.pick(secondPool)
        guard a.id != b.id, !usedIDs.contains(a.id), !usedIDs.contains(b.id), !met.contains(a.id + "\u{0}" + b.id),
              !usedClusters.contains(a.cluster), a.cluster.isEmpty || a.cluster != b.cluster else { continue }
        found = (a, b)
    }
    guard let (a, b) = found else { fail("no pair without a meeting found for an agreement outside the agenda") }
    usedIDs.formUnion([a.id, b.id])
    usedClusters.insert(a.cluster)
    lines.append([missionID, "", a.id, b.id, "", "", "", "", "", "", "", "", kind, signedOn(&outside), note]
        .map(cell).joined(separator: ","))
}

do {
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: arguments[3]))
} catch {
    fail("cannot write \(arguments[3]): \(error.localizedDescription)")
}
