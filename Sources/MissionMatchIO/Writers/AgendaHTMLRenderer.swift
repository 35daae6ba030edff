/// Turns an ``AgendaHTMLModel`` into the page's markup. Every string from the
/// model goes through ``HTMLText/escaped(_:)`` (the `e` helper); only the
/// fixed markup of this file and the style sheet are written as they are.
struct AgendaHTMLRenderer {
    private var out = ""

    /// The page for a model.
    ///
    /// - Parameter model: The values to show.
    /// - Returns: The HTML text (LF line ends).
    /// - Complexity: O(size of the output).
    static func render(_ model: AgendaHTMLModel) -> String {
        var renderer = AgendaHTMLRenderer()
        renderer.out.reserveCapacity(16_384 + model.pages.count * 2_048)
        renderer.document(model)
        return renderer.out
    }

    private func e(_ text: String) -> String { HTMLText.escaped(text) }

    private mutating func line(_ text: String) { out += text + "\n" }

    private mutating func document(_ model: AgendaHTMLModel) {
        line("<!DOCTYPE html>")
        line("<html lang=\"en\">")
        line("<head>")
        line("<meta charset=\"utf-8\">")
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        line("<meta name=\"generator\" content=\"\(e(model.generator))\">")
        line("<title>\(e(model.missionName)) — agendas</title>")
        line("<style>")
        line(AgendaHTMLStyle.css)
        line("</style>")
        line("</head>")
        line("<body>")
        organiserPage(model)
        if !model.gridParts.isEmpty { gridPage(model) }
        for page in model.pages { participantPage(page, model) }
        line("</body>")
        line("</html>")
    }

    private mutating func organiserPage(_ model: AgendaHTMLModel) {
        line("<section class=\"page organiser\">")
        line("<header>")
        line("<p class=\"kicker\">Organiser’s copy</p>")
        line("<h1>\(e(model.missionName))</h1>")
        line("<p class=\"meta\">\(e(model.place)) · times in \(e(model.timeZone))</p>")
        line("</header>")
        line("<h2>Summary</h2>")
        line("<dl class=\"figures\">")
        for figure in model.figures {
            line("<div><dt>\(e(figure.label))</dt><dd>\(e(figure.value))</dd></div>")
        }
        line("</dl>")
        if !model.shortfalls.isEmpty {
            line("<h2>Below their minimum</h2>")
            line("<table>")
            line("<thead><tr><th>Participant</th><th>Meetings</th><th>Minimum</th><th>Why</th></tr></thead>")
            line("<tbody>")
            for shortfall in model.shortfalls {
                line("<tr><td>\(e(shortfall.name)) <span class=\"contact\">\(e(shortfall.id))</span></td>"
                    + "<td>\(shortfall.meetings)</td><td>\(shortfall.minimum)</td><td>\(e(shortfall.reason))</td></tr>")
            }
            line("</tbody>")
            line("</table>")
        }
        if !model.unmetRequests.isEmpty {
            line("<h2>Unmet must requests</h2>")
            line("<ul>")
            for request in model.unmetRequests { line("<li>\(e(request.from)) → \(e(request.to))</li>") }
            line("</ul>")
        }
        if !model.cancellations.isEmpty {
            line("<h2>Cancelled meetings</h2>")
            line("<ul>")
            for cancellation in model.cancellations {
                let reason = cancellation.reason.isEmpty ? "" : ": " + e(cancellation.reason)
                line("<li>\(e(cancellation.first)) ↔ \(e(cancellation.second))\(reason)</li>")
            }
            line("</ul>")
        }
        line("<h2>Participants</h2>")
        line("<ol class=\"index\">")
        for page in model.pages {
            line("<li><a href=\"#\(e(page.anchor))\">\(e(page.name))</a> — \(e(page.meetingCount))</li>")
        }
        line("</ol>")
        line("</section>")
    }

    private mutating func gridPage(_ model: AgendaHTMLModel) {
        line("<section class=\"page wide grid-page\">")
        line("<header>")
        line("<p class=\"kicker\">Organiser’s copy · \(e(model.missionName))</p>")
        line("<h1>Slot × table grid</h1>")
        line("<p class=\"meta\">\(e(model.place)) · times in \(e(model.timeZone))</p>")
        line("</header>")
        for part in model.gridParts {
            line("<table class=\"grid\">")
            line(part.caption.isEmpty ? "" : "<caption>\(e(part.caption))</caption>")
            line("<thead><tr><th>Time</th>" + part.tables.map { "<th>Table \($0)</th>" }.joined() + "</tr></thead>")
            line("<tbody>")
            for row in part.rows {
                line(row.dayHeading.map { "<tr class=\"day\"><th colspan=\"\(part.columns)\">\(e($0))</th></tr>" } ?? "")
                var cells = ""
                for cell in row.cells {
                    cells += cell.filled ? "<td><span>\(e(cell.first))</span><span>\(e(cell.second))</span></td>" : "<td></td>"
                }
                line("<tr><th>\(e(row.time))</th>\(cells)</tr>")
            }
            line("</tbody>")
            line("</table>")
        }
        line("</section>")
    }

    private mutating func participantPage(_ page: AgendaHTMLModel.Page, _ model: AgendaHTMLModel) {
        line("<section class=\"page participant\" id=\"\(e(page.anchor))\">")
        line("<header>")
        line("<p class=\"kicker\">\(e(model.missionName))</p>")
        line("<h1>\(e(page.name))</h1>")
        let country = page.country.isEmpty ? "" : "<span class=\"country\">\(e(page.country))</span> "
        line("<p class=\"meta\">\(country)\(e(page.contact))</p>")
        line("</header>")
        if page.days.isEmpty {
            line("<p class=\"empty\">No meetings are scheduled for you yet.</p>")
        } else {
            line("<p class=\"lead\">\(e(page.meetingCount)) · \(e(model.place)) · times are local (\(e(model.timeZone)))</p>")
            line("<table class=\"meetings\">")
            line("<thead><tr><th>Time</th><th>Table</th><th>Partner</th><th>Why you meet</th></tr></thead>")
            line("<tbody>")
            for day in page.days {
                line("<tr class=\"day\"><th colspan=\"4\">\(e(day.heading))</th></tr>")
                for meeting in day.meetings {
                    let country = meeting.partnerCountry.isEmpty ? "" : "<span class=\"country\">\(e(meeting.partnerCountry))</span>"
                    let contact = meeting.partnerContact.isEmpty ? "" : "<span class=\"contact\">\(e(meeting.partnerContact))</span>"
                    line("<tr><td class=\"time\">\(e(meeting.start))–\(e(meeting.end))</td><td class=\"table-no\">\(meeting.table)</td>"
                        + "<td class=\"partner\"><strong>\(e(meeting.partner))</strong>\(country)\(contact)</td>"
                        + "<td class=\"reasons\">\(e(meeting.reasons))</td></tr>")
                }
            }
            line("</tbody>")
            line("</table>")
        }
        if let reason = page.unmetReason { line("<p class=\"note\">\(e(reason))</p>") }
        line("<footer>\(e(model.missionName)) · participant \(e(page.id)) · agenda by \(e(model.generator))</footer>")
        line("</section>")
    }
}
