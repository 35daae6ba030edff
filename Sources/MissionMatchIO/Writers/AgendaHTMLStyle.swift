/// The style sheet of `agenda.html`, inline in the page: A4 pages on paper
/// (portrait for participants, landscape for the organiser's grid), sheets on
/// a grey desk on screen; system fonts only, no external resource. Its
/// ``base`` rules are shared with `outcomes.html`.
enum AgendaHTMLStyle {
    /// The style sheet: A4 pages on paper (portrait for participants, landscape
    /// for the organiser's grid), sheets on a grey desk on screen.
    static let css = base + "\n" + """
    .meetings .time { white-space: nowrap; font-variant-numeric: tabular-nums; width: 7.5rem; }
    .meetings .table-no { text-align: center; width: 4rem; font-weight: 700; font-size: 1.1em; }
    .meetings .partner { width: 34%; overflow-wrap: anywhere; }
    .partner strong { display: block; }
    .reasons { white-space: pre-line; }
    .country { display: inline-block; margin-top: .1rem; padding: 0 .35rem; border-radius: 3px;
      background: var(--soft); color: var(--accent); font-size: .8em; font-weight: 700; letter-spacing: .04em; }
    .contact { display: block; color: var(--muted); font-size: .85em; overflow-wrap: anywhere; }
    .grid { table-layout: fixed; font-size: .8em; }
    .grid th:first-child { width: 6.5rem; white-space: nowrap; }
    .grid td span { display: block; overflow-wrap: anywhere; }
    .grid td span + span { color: var(--muted); border-top: 1px dotted var(--line); margin-top: .1rem; padding-top: .1rem; }
    .index { columns: 2; column-gap: 3rem; padding-left: 1.4rem; }
    .index li { break-inside: avoid; overflow-wrap: anywhere; }
    .index a { color: var(--ink); }
    .empty, .note { padding: .6rem .8rem; border-left: 4px solid #c8a415; background: #fdf8e4; }
    footer { margin-top: 1.2rem; color: var(--muted); font-size: .8em; border-top: 1px solid var(--line); padding-top: .4rem; }
    @page { size: A4; margin: 14mm 13mm; }
    @page landscape { size: A4 landscape; margin: 12mm; }
    @media print {
      body { background: #fff; font-size: 10.5pt; }
      .page { box-shadow: none; margin: 0; padding: 0; max-width: none; }
      .wide { page: landscape; }
      .grid { font-size: 8pt; }
      a { text-decoration: none; }
    }
    """

    /// The rules every printable page of the exporters shares (`agenda.html`,
    /// `outcomes.html`): colours, page sheets, headings, tables and the
    /// figures list; without the `@page` and print rules, which each page sets.
    static let base = """
    :root { --ink: #1d2530; --muted: #5b6573; --line: #c9d0d8; --soft: #eef2f6; --accent: #1f4e79; }
    * { box-sizing: border-box; }
    html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { margin: 0; background: #dfe3e8; color: var(--ink);
      font: 15px/1.45 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
    .page { background: #fff; max-width: 60rem; margin: 1.5rem auto; padding: 2rem 2.5rem;
      box-shadow: 0 1px 4px rgba(0, 0, 0, .18); break-after: page; page-break-after: always; }
    .page:last-of-type { break-after: auto; page-break-after: auto; }
    .wide { max-width: 84rem; }
    header { border-bottom: 3px solid var(--accent); padding-bottom: .6rem; margin-bottom: 1.2rem; }
    .kicker { margin: 0; color: var(--muted); font-size: .85em; text-transform: uppercase; letter-spacing: .06em; }
    h1 { margin: .15rem 0 .2rem; font-size: 1.7em; line-height: 1.2; color: var(--accent); overflow-wrap: anywhere; }
    h2 { font-size: 1.2em; margin: 1.4rem 0 .5rem; color: var(--accent); overflow-wrap: anywhere; }
    .meta { margin: 0; color: var(--muted); }
    .lead { margin: 0 0 .6rem; font-weight: 600; }
    table { width: 100%; border-collapse: collapse; margin: .4rem 0 1rem; }
    th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
    thead th { background: var(--accent); color: #fff; font-weight: 600; }
    thead { display: table-header-group; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    tr.day th { background: var(--soft); color: var(--accent); font-weight: 700; }
    tbody tr:nth-child(even) td { background: #f8fafc; }
    caption { text-align: left; font-weight: 600; color: var(--muted); padding-bottom: .25rem; }
    .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .5rem; margin: 0 0 1rem; }
    .figures div { border: 1px solid var(--line); border-radius: 4px; padding: .45rem .6rem; break-inside: avoid; }
    .figures dt { color: var(--muted); font-size: .82em; }
    .figures dd { margin: 0; font-size: 1.15em; font-weight: 600; }
    """
}
