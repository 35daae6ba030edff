import MissionMatch

/// Writes `agenda.html`: one self-contained, printable page set for a mission.
///
/// The file holds, in order: the organiser's summary (figures, participants
/// below their minimum, unmet `must` requests, cancelled meetings, an index of
/// participants), the slot × table grid (rows are slots, columns tables, a
/// cell the two participants; on a landscape A4 page, eight tables per grid),
/// then one page per participant — mission, name, country and contact, and a
/// table of its meetings: time, table, partner with country and contact, why
/// they meet. Each section ends with a print page break
/// (`break-after: page`). The CSS is inline; there is no script, image, font
/// or link outside the file.
///
/// Built by a small renderer in which every input string goes through
/// the internal `HTMLText.escaped(_:)` (`&`, `<`, `>`, `"`, `'`). (swift-mustache 2.1.1
/// gave the same bytes but took ~0.5 s for a 160-participant mission in a
/// release build, against a few hundredths for the renderer.)
///
/// ```swift
/// let html = AgendaHTMLWriter().html(for: agenda, mission: mission, participants: participants)
/// ```
public struct AgendaHTMLWriter: Sendable {
    /// A writer.
    public init() {}

    /// The page (UTF-8 text, LF line ends).
    ///
    /// - Parameters:
    ///   - agenda: The agenda.
    ///   - mission: Its mission (name, city, time zone, tables).
    ///   - participants: The mission's participants (names, countries, contacts).
    /// - Complexity: O(*p* + *s* · *t* + *m*) for *s* slots and *t* tables.
    public func html(for agenda: Agenda, mission: Mission, participants: [Participant]) -> String {
        html(ExportContext(agenda: agenda, mission: mission, participants: participants))
    }

    func html(_ context: ExportContext) -> String {
        AgendaHTMLRenderer.render(AgendaHTMLModel(context))
    }
}
