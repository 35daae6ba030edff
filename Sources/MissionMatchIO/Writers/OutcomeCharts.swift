import MissionMatch

/// The charts of `outcomes.html`, as inline SVG: targets against what was
/// achieved, the funnel, and plain horizontal bars (agreements by cluster,
/// no-show rate by slot).
///
/// Made to be read printed in black and white: a series is told apart by
/// outline against fill (a promise is an outlined bar, an achievement a
/// filled one; an aggregate row is dashed), never by colour alone, and every
/// bar carries its number as text. Bars are marked with a `class` (`bar
/// promised`, `bar achieved`, `bar stage`, `bar value`, `bar others`) whose
/// `width` is proportional to the value it shows.
enum OutcomeCharts {
    /// A row of a plain bar chart.
    struct Bar {
        /// The row's label (clipped in the chart, in full in its tooltip).
        var label: String
        /// The value the bar's length shows.
        var value: Double
        /// The words written after the bar.
        var text: String
        /// Whether it sums up other rows (drawn outlined and dashed).
        var aggregate = false
    }

    static let ink = "#1d2530"
    static let filled = "#1f4e79"
    static let light = "#b9cde2"
    static let guide = "#8a949f"
    /// Where the labels end and the bars start.
    static let labelEnd = 196.0
    static let barStart = 206.0
    /// The longest label that fits before the bars.
    static let labelCharacters = 22

    /// Each target as a pair of bars on its own scale: the promise outlined,
    /// what was achieved filled, each labelled with its number (and the share
    /// of the promise).
    ///
    /// - Parameter targets: The targets; none gives no chart (`nil`).
    /// - Returns: The `<svg>` element, or `nil`.
    static func targets(_ targets: [OutcomeReport.TargetProgress]) -> String? {
        guard !targets.isEmpty else { return nil }
        let barMax = 340.0
        var canvas = SVGCanvas()
        legend(&canvas, y: 2)
        var y = 34.0
        for target in targets {
            let scale = Double(max(target.promised, target.achieved, 1))
            let promised = Double(target.promised) / scale * barMax
            let achieved = Double(target.achieved) / scale * barMax
            canvas.text(target.kind.label, kind: "label", x: labelEnd, y: y + 26, anchor: .end, bold: true)
            canvas.rect("bar promised", x: barStart, y: y + 2, width: promised, height: 18, fill: "#fff", stroke: ink)
            canvas.text("target \(target.promised)", kind: "value", x: barStart + promised + 8, y: y + 16)
            canvas.rect("bar achieved", x: barStart, y: y + 24, width: achieved, height: 18, fill: filled, stroke: ink)
            let share = target.share.map { " · " + ExportFigures.percent($0) } ?? ""
            canvas.text("achieved \(target.achieved)\(share)", kind: "value", x: barStart + achieved + 8, y: y + 38, bold: true)
            y += 56
        }
        let words = targets.map { target in
            "\(target.kind.label): \(target.achieved) of \(target.promised)"
                + (target.share.map { " (\(ExportFigures.percent($0)))" } ?? "")
        }
        return canvas.svg(label: "Targets against what was achieved. " + words.joined(separator: "; ") + ".")
    }

    /// The funnel: one bar per stage, centred so that the stages narrow,
    /// each labelled with its count and its share of the stage above.
    ///
    /// - Parameter stages: The stages, widest first.
    /// - Returns: The `<svg>` element.
    static func funnel(_ stages: [OutcomeReport.Funnel.Stage]) -> String {
        let barMax = 280.0
        let centre = barStart + barMax / 2
        let widest = Double(max(stages.map(\.count).max() ?? 0, 1))
        var canvas = SVGCanvas()
        var words: [String] = []
        for (index, stage) in stages.enumerated() {
            let y = Double(index) * 34
            let width = Double(stage.count) / widest * barMax
            canvas.text(stage.label, kind: "label", x: labelEnd, y: y + 17, anchor: .end)
            canvas.rect("bar stage", x: centre - width / 2, y: y, width: width, height: 24, fill: light, stroke: ink)
            var text = "\(stage.count)"
            if let share = stage.share, let base = stage.base {
                text += " · " + ExportFigures.percent(share) + " of " + base
            }
            canvas.text(text, kind: "value", x: barStart + barMax + 12, y: y + 17, bold: true)
            words.append("\(stage.label) \(text)")
        }
        return canvas.svg(label: "Funnel, each stage with its share of the stage it is a part of: " + words.joined(separator: ", ") + ".")
    }

    /// Plain horizontal bars from 0 to `scale`.
    ///
    /// - Parameters:
    ///   - bars: The rows, top first.
    ///   - scale: The value of a full-length bar (at least the largest value).
    ///   - scaleLabel: Written above a dashed guide at the full length, e.g. `100 %`; `nil` for no guide.
    ///   - title: What the chart shows, for its title.
    /// - Returns: The `<svg>` element.
    static func bars(_ bars: [Bar], scale: Double, scaleLabel: String? = nil, title: String) -> String {
        let barMax = 400.0
        let scale = max(scale, bars.map(\.value).max() ?? 0, 1e-9)
        var canvas = SVGCanvas()
        let top = scaleLabel == nil ? 0.0 : 22
        if let scaleLabel {
            canvas.text("0", kind: "axis", x: barStart, y: 14, anchor: .middle)
            canvas.text(scaleLabel, kind: "axis", x: barStart + barMax, y: 14, anchor: .middle)
            canvas.line(x1: barStart + barMax, y1: top - 2, x2: barStart + barMax, y2: top + Double(bars.count) * 26,
                        stroke: guide, dashed: true)
        }
        canvas.line(x1: barStart, y1: max(0, top - 2), x2: barStart, y2: top + Double(bars.count) * 26, stroke: ink)
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * 26 + 2
            let width = bar.value / scale * barMax
            let label = SVGCanvas.clipped(bar.label, to: labelCharacters)
            canvas.text(label, kind: "label", x: labelEnd, y: y + 14, anchor: .end, fullText: label == bar.label ? nil : bar.label)
            if bar.aggregate {
                canvas.rect("bar others", x: barStart, y: y, width: width, height: 18, fill: "#fff", stroke: ink, dashed: true)
            } else {
                canvas.rect("bar value", x: barStart, y: y, width: width, height: 18, fill: filled, stroke: ink)
            }
            canvas.text(bar.text, kind: "value", x: barStart + width + 8, y: y + 14, bold: true)
        }
        let words = bars.map { "\($0.label) \($0.text)" }.joined(separator: ", ")
        return canvas.svg(label: "\(title): \(words).")
    }

    /// Agreements by cluster: the `limit` clusters with the most, then one
    /// dashed row for the others; clusters without agreements, and the
    /// participants without a cluster (``OutcomeReport/noCluster``), are left out.
    ///
    /// - Parameters:
    ///   - tallies: The clusters, most agreements first (as the reports order them).
    ///   - limit: How many clusters get their own bar.
    /// - Returns: The `<svg>` element, or `nil` when no cluster has an agreement.
    static func agreementsByCluster(_ tallies: [OutcomeReport.Tally], limit: Int = 12) -> String? {
        let withAgreements = tallies.filter { $0.agreements > 0 && $0.label != OutcomeReport.noCluster }.sorted {
            ($0.agreements, $1.label) > ($1.agreements, $0.label)
        }
        guard !withAgreements.isEmpty else { return nil }
        var rows = withAgreements.prefix(limit).map { Bar(label: $0.label, value: Double($0.agreements), text: "\($0.agreements)") }
        let rest = withAgreements.dropFirst(limit)
        if !rest.isEmpty {
            let sum = rest.map(\.agreements).reduce(0, +)
            let clusters = rest.count == 1 ? "1 other cluster" : "\(rest.count) other clusters"
            rows.append(Bar(label: clusters, value: Double(sum), text: "\(sum)", aggregate: true))
        }
        return bars(rows, scale: rows.map(\.value).max() ?? 1, title: "Agreements by cluster")
    }

    /// The no-show rate of each slot, on a scale from 0 to 100 %.
    ///
    /// - Parameter slots: The slots with meetings reported.
    /// - Returns: The `<svg>` element, or `nil` when no slot has a reported meeting.
    static func noShowRate(_ slots: [OutcomeReport.NoShows]) -> String? {
        let rows = slots.compactMap { slot in
            slot.rate.map { Bar(label: slot.label, value: $0, text: "\(slot.noShows) of \(slot.reported) · \(ExportFigures.percent($0))") }
        }
        guard !rows.isEmpty else { return nil }
        return bars(rows, scale: 1, scaleLabel: "100 %", title: "No-show rate by slot")
    }

    /// The key of the targets chart: an outlined swatch for the promise, a filled one for what was achieved.
    private static func legend(_ canvas: inout SVGCanvas, y: Double) {
        canvas.rect("key promised", x: barStart, y: y, width: 26, height: 14, fill: "#fff", stroke: ink)
        canvas.text("target (promised)", kind: "key", x: barStart + 34, y: y + 12)
        canvas.rect("key achieved", x: barStart + 190, y: y, width: 26, height: 14, fill: filled, stroke: ink)
        canvas.text("achieved", kind: "key", x: barStart + 224, y: y + 12)
    }
}
