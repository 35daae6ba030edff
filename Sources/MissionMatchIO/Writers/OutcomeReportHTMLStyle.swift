/// The style sheet of `outcomes.html`, inline in the page: the agenda's
/// shared rules (``AgendaHTMLStyle/base``), charts that scale down to their
/// column and are never split across pages, A4 portrait on paper with each
/// mission on a new page.
enum OutcomeReportHTMLStyle {
    /// The style sheet.
    static let css = AgendaHTMLStyle.base + "\n" + """
    h2 { break-after: avoid; page-break-after: avoid; }
    .chart { margin: 0 0 1.2rem; break-inside: avoid; page-break-inside: avoid; }
    .chart svg { display: block; width: 100%; max-width: 760px; height: auto; font-family: inherit; }
    .chart figcaption, .hint { color: var(--muted); font-size: .85em; margin: .2rem 0 .4rem; }
    .page + .mission { break-before: page; page-break-before: always; }
    th.num { text-align: right; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.name { overflow-wrap: break-word; }
    .targets, .kinds, .missions, .breakdown, .no-shows { break-inside: avoid; page-break-inside: avoid; }
    td.date { white-space: nowrap; }
    .id { display: block; color: var(--muted); font-size: .8em; overflow-wrap: anywhere; }
    tr.total td { font-weight: 700; }
    table caption { font-size: .95em; }
    .breakdown, .no-shows, .kinds, .targets { max-width: 40rem; }
    .empty { padding: .6rem .8rem; border-left: 4px solid #c8a415; background: #fdf8e4; font-weight: 600; }
    footer { margin-top: 1.2rem; color: var(--muted); font-size: .8em; border-top: 1px solid var(--line); padding-top: .4rem; }
    @page { size: A4; margin: 14mm 13mm; }
    @media print {
      body { background: #fff; font-size: 10pt; }
      .page { box-shadow: none; margin: 0; padding: 0; max-width: none; }
      .chart svg { max-width: 100%; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
