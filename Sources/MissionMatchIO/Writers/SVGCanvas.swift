/// One chart's inline `<svg>` element, drawn on a fixed-width view box:
/// rectangles, lines and text, every text and attribute value escaped with
/// ``HTMLText/escaped(_:)``, coordinates written with at most two decimals
/// (the same shapes give the same bytes).
///
/// The element carries `role="img"`, an `aria-label` and a `<title>` with
/// the same words; its text is set in the page's font at a size that stays
/// readable when the chart is printed scaled to an A4 column.
struct SVGCanvas {
    /// The view box's width; the chart scales down to its column.
    static let width = 760.0
    /// The text size in view-box units (about 9.5 pt printed across an A4 column).
    static let fontSize = 14

    /// How a text is aligned on its `x`.
    enum Anchor: String {
        case start, middle, end
    }

    private var shapes: [String] = []

    /// The lowest point drawn so far, the chart's height.
    private(set) var height = 0.0

    /// Draws a rectangle.
    ///
    /// - Parameters:
    ///   - kind: Its `class` (e.g. `bar achieved`), for styling and for tests.
    ///   - x: The left edge.
    ///   - y: The top edge.
    ///   - width: The width (a negative width is drawn as 0).
    ///   - height: The height.
    ///   - fill: The fill colour.
    ///   - stroke: The outline colour, or `nil` for none.
    ///   - dashed: Whether the outline is dashed.
    mutating func rect(_ kind: String, x: Double, y: Double, width: Double, height: Double,
                       fill: String, stroke: String? = nil, dashed: Bool = false) {
        var attributes = "class=\"\(kind)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(max(0, width)))\""
            + " height=\"\(Self.number(height))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\" stroke-width=\"1.5\"" }
        if dashed { attributes += " stroke-dasharray=\"5 3\"" }
        shapes.append("<rect \(attributes)/>")
        extend(to: y + height)
    }

    /// Draws a straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, dashed: Bool = false) {
        let dash = dashed ? " stroke-dasharray=\"4 3\"" : ""
        shapes.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\""
            + " y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\" stroke-width=\"1\"\(dash)/>")
        extend(to: max(y1, y2))
    }

    /// Writes a text (escaped) with its baseline at `y`.
    ///
    /// - Parameters:
    ///   - text: The words; input-derived text is fine, it is escaped here.
    ///   - kind: Its `class` (e.g. `value`), for tests.
    ///   - x: Where it is anchored.
    ///   - y: Its baseline.
    ///   - anchor: How it is aligned on `x`.
    ///   - bold: Whether it is set bold.
    ///   - fullText: A longer text shown as its tooltip (the text itself shortened).
    mutating func text(_ text: String, kind: String, x: Double, y: Double, anchor: Anchor = .start,
                       bold: Bool = false, fullText: String? = nil) {
        let weight = bold ? " font-weight=\"700\"" : ""
        let tooltip = fullText.map { "<title>\(HTMLText.escaped($0))</title>" } ?? ""
        shapes.append("<text class=\"\(kind)\" x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor.rawValue)\""
            + "\(weight)>\(tooltip)\(HTMLText.escaped(text))</text>")
        extend(to: y + 5)
    }

    /// The `<svg>` element.
    ///
    /// - Parameter label: What the chart shows, in words: its `<title>` and `aria-label`.
    /// - Returns: The markup, one shape per line.
    func svg(label: String) -> String {
        let height = Self.number(self.height.rounded(.up) + 4)
        let label = HTMLText.escaped(label)
        return "<svg viewBox=\"0 0 \(Self.number(Self.width)) \(height)\" width=\"\(Self.number(Self.width))\" height=\"\(height)\""
            + " role=\"img\" aria-label=\"\(label)\" font-size=\"\(Self.fontSize)\" fill=\"#1d2530\">\n"
            + "<title>\(label)</title>\n" + shapes.joined(separator: "\n") + "\n</svg>"
    }

    private mutating func extend(to bottom: Double) { height = max(height, bottom) }

    /// A coordinate with at most two decimals and no trailing zeros: `12`, `12.5`, `170.67`.
    static func number(_ value: Double) -> String {
        var text = FixedPoint.format(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// The text cut to `limit` characters, ending with `…` when cut (labels
    /// must fit their column; the tables below the chart give them in full).
    static func clipped(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }
}
