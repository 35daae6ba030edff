import Foundation
import MissionMatch

/// Checks a mission, participants and requests built in code by the same
/// rules as the files they could have been read from, and returns the
/// ``ValidatedMission`` that ``MissionPipeline`` takes.
///
/// The diagnostics are those of the readers, naming the record (its 1-based
/// position in the array) and the field instead of a line:
///
/// ```
/// participants (in memory): record 3, field 'country': 'Narnia' is not a known country (…)
/// ```
///
/// Values are normalised as a reader would: countries become alpha-2 codes,
/// sectors taxonomy codes, sides the mission's spelling.
///
/// ```swift
/// let validator = InputValidator(reference: try ReferenceDataLoader.bundled())
/// do {
///     let input = try validator.validate(mission: mission, participants: participants, requests: requests).value
///     let result = try MissionPipeline(reference: validator.reference).run(input)
/// } catch let error as ImportError {
///     for problem in error.diagnostics.errors { print(problem.record ?? 0, problem.field ?? "", problem.message) }
/// }
/// ```
public struct InputValidator: Sendable {
    /// Countries, sectors and the rest used to check and normalise values.
    public var reference: ReferenceData
    /// Size limits (the same as for files).
    public var limits: ImportLimits

    /// A validator.
    ///
    /// - Parameters:
    ///   - reference: The reference data.
    ///   - limits: Size limits (default ``ImportLimits/default``).
    public init(reference: ReferenceData, limits: ImportLimits = .default) {
        self.reference = reference
        self.limits = limits
    }

    /// Checks a mission and its participants and requests.
    ///
    /// - Parameters:
    ///   - mission: The mission (no file paths needed).
    ///   - participants: Its participants.
    ///   - requests: Meeting requests between them (default none).
    /// - Returns: The checked, normalised input, with the warnings of all three parts.
    /// - Throws: ``ImportError`` with every error of all three parts (file names
    ///   `mission (in memory)`, `participants (in memory)`, `requests (in memory)`).
    /// - Complexity: O(*n* + *r*) for *n* participants and *r* requests.
    public func validate(mission: Mission, participants: [Participant],
                         requests: [MeetingRequest] = []) throws(ImportError) -> Imported<ValidatedMission> {
        var diagnostics = Diagnostics(errorLimit: limits.maxErrors)
        var checkedMission = mission
        do {
            checkedMission = try validate(mission: mission).value
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        var checkedParticipants: [Participant] = []
        do {
            let read = try validate(participants: participants, mission: checkedMission)
            checkedParticipants = read.value
            diagnostics.append(contentsOf: read.diagnostics)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }
        var checkedRequests: [MeetingRequest] = []
        if !requests.isEmpty, !checkedParticipants.isEmpty {
            do {
                let read = try validate(requests: requests, participants: checkedParticipants, mission: checkedMission)
                checkedRequests = read.value
                diagnostics.append(contentsOf: read.diagnostics)
            } catch {
                diagnostics.append(contentsOf: error.diagnostics)
            }
        }
        guard !diagnostics.hasErrors else { throw ImportError(diagnostics: diagnostics) }
        return Imported(value: ValidatedMission(mission: checkedMission, participants: checkedParticipants,
                                                requests: checkedRequests, sourceFiles: []),
                        diagnostics: diagnostics)
    }

    /// Checks a mission built in code by the rules of the mission format (id,
    /// sessions, slot lengths, tables, sides, weights, limits).
    ///
    /// - Parameter mission: The mission.
    /// - Returns: The mission as a mission file with the same content would give it.
    /// - Throws: ``ImportError`` naming each key at fault (file `mission (in memory)`).
    /// - Complexity: O(size of the mission).
    public func validate(mission: Mission) throws(ImportError) -> Imported<Mission> {
        let name = "mission (in memory)"
        var document = mission
        if document.participantsPath == nil { document.participantsPath = "participants" }
        // The mission format's one definition is its reader: write the value in
        // that format and read it back. Lines of this generated document mean
        // nothing to the caller, so messages keep only the key.
        let text = MissionFileWriter().yaml(for: document)
        do {
            let read = try MissionReader(referenceData: reference, limits: limits)
                .read(Data(text.utf8), format: .yaml, displayName: name, baseURL: URL(fileURLWithPath: "/"))
            var checked = read.value.mission
            checked.participantsPath = mission.participantsPath
            return Imported(value: checked, diagnostics: Self.withoutLines(read.diagnostics))
        } catch {
            throw ImportError(diagnostics: Self.withoutLines(error.diagnostics))
        }
    }

    /// Checks participants built in code by the rules of the participants format.
    ///
    /// - Parameters:
    ///   - participants: The participants.
    ///   - mission: Their mission (sides and availability are checked against it), if any.
    /// - Returns: The participants, normalised, with warnings.
    /// - Throws: ``ImportError`` naming the record and field of each problem (file `participants (in memory)`).
    /// - Complexity: O(*n*).
    public func validate(participants: [Participant], mission: Mission? = nil) throws(ImportError) -> Imported<[Participant]> {
        let name = "participants (in memory)"
        var validator = ParticipantValidator(fileName: name, reference: reference, mission: mission, errorLimit: limits.maxErrors)
        var checked: [Participant] = []
        checked.reserveCapacity(participants.count)
        if participants.count > limits.maxRows {
            validator.diagnostics.append(Diagnostic(
                kind: .limitExceeded, file: name, message: "\(participants.count) participants, more than \(limits.maxRows)",
                hint: "split them; the limit is \(limits.maxRows) participants (ImportLimits.maxRows)"))
        } else {
            for (offset, participant) in participants.enumerated() {
                if let valid = validator.participant(from: ParticipantValueRecord(participant, index: offset + 1)) {
                    checked.append(valid)
                }
            }
        }
        if participants.isEmpty {
            validator.diagnostics.append(Diagnostic(file: name, message: "there are no participants",
                                                    hint: "give at least one participant"))
        }
        guard !validator.diagnostics.hasErrors else { throw ImportError(diagnostics: validator.diagnostics) }
        return Imported(value: checked, diagnostics: validator.diagnostics)
    }

    /// Checks meeting requests built in code by the rules of the requests
    /// format: known participant ids, no self-requests, one request per pair,
    /// sides that may meet.
    ///
    /// - Parameters:
    ///   - requests: The requests.
    ///   - participants: The checked participants they name.
    ///   - mission: Their mission, if any.
    /// - Returns: The requests, with warnings.
    /// - Throws: ``ImportError`` naming the record and field of each problem (file `requests (in memory)`).
    /// - Complexity: O(*r* + *n*).
    public func validate(requests: [MeetingRequest], participants: [Participant],
                         mission: Mission? = nil) throws(ImportError) -> Imported<[MeetingRequest]> {
        let name = "requests (in memory)"
        // The requests format's one definition is its reader: the requests are
        // written as its CSV, read back, and each message's line is turned into
        // the record it belongs to.
        var csv = "from,to,priority,note\n"
        var firstLineOfRecord: [Int] = []
        var line = 2
        for request in requests {
            firstLineOfRecord.append(line)
            let row = [request.from, request.to, request.priority.rawValue, request.note ?? ""].map(PlainCSV.field)
            csv += row.joined(separator: ",") + "\n"
            line += 1 + row.reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) } }
        }
        let reader = MeetingRequestReader(participants: participants, mission: mission, limits: limits)
        do {
            let read = try reader.readCSV(Data(csv.utf8), displayName: name)
            let values = read.value.map { request in
                var request = request
                request.source = nil
                return request
            }
            return Imported(value: values, diagnostics: Self.records(read.diagnostics, firstLines: firstLineOfRecord))
        } catch {
            throw ImportError(diagnostics: Self.records(error.diagnostics, firstLines: firstLineOfRecord))
        }
    }

    /// The diagnostics with their generated lines replaced by record numbers
    /// (the record whose first line is the last at or before the diagnostic's).
    private static func records(_ diagnostics: Diagnostics, firstLines: [Int]) -> Diagnostics {
        diagnostics.mapped { diagnostic in
            var moved = withoutLine(diagnostic)
            if let line = diagnostic.line, line >= 2 {
                var low = 0, high = firstLines.count   // binary search: records written so far at `line`
                while low < high {
                    let middle = (low + high) / 2
                    if firstLines[middle] <= line { low = middle + 1 } else { high = middle }
                }
                moved.record = low > 0 ? low : nil
            }
            return moved
        }
    }

    /// The diagnostics without lines or characters.
    private static func withoutLines(_ diagnostics: Diagnostics) -> Diagnostics {
        diagnostics.mapped(withoutLine)
    }

    private static func withoutLine(_ diagnostic: Diagnostic) -> Diagnostic {
        var diagnostic = diagnostic
        diagnostic.line = nil
        diagnostic.character = nil
        return diagnostic
    }
}
