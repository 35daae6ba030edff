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
/// let html = AgendaHTMLWriter(agenda: agenda, mission: mission, participants: participants).html
/// ```
public struct AgendaHTMLWriter: Sendable {
    private let context: ExportContext

    /// Prepares the page.
    ///
    /// - Parameters:
    ///   - agenda: The agenda.
    ///   - mission: Its mission (name, city, time zone, tables).
    ///   - participants: The mission's participants (names, countries, contacts).
    public init(agenda: Agenda, mission: Mission, participants: [Participant]) {
        self.init(context: ExportContext(agenda: agenda, mission: mission, participants: participants))
    }

    init(context: ExportContext) {
        self.context = context
    }

    /// The page (UTF-8 text, LF line ends).
    ///
    /// - Complexity: O(*p* + *s* · *t* + *m*) for *s* slots and *t* tables.
    public var html: String {
        AgendaHTMLRenderer.render(AgendaHTMLModel(context))
    }
}
