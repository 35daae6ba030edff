import ArgumentParser
import Foundation
import MissionMatch
import MissionMatchIO

/// `missionmatch columns FILE [--sheet NAME] [--out MAPPING.yaml]`: proposes
/// how an export's columns map to the participant fields.
struct Columns: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose how an export's columns (CSV or .xlsx) map to the participant fields; write it as a columns: block to review.",
        discussion: """
            Reads the header and the first 1,000 rows of FILE (a CSV file, or the \
            first sheet of a workbook unless --sheet names one) and proposes, for \
            each participant field, the column(s) it comes from: headers are \
            compared with synonyms in English, French, German, Spanish and \
            Italian (typos tolerated) and the values are checked against what the \
            field expects (countries, sector names, e-mails, web addresses, \
            integers, lists and their separator). Each proposal has a confidence: \
            high (>= 0.80), medium (>= 0.50, check it) or low (written commented \
            out). Labels of organisation types, cooperation types and languages \
            get a proposed values: map; sector names the taxonomy does not know \
            get their nearest taxonomy entries.

            --out writes the proposal as a mapping file (a columns: block) to \
            review, then to give to validate, rank or run with --columns, or to \
            paste into the mission file. Nothing is guessed during a run: a file \
            whose columns are not MissionMatch's still needs a mapping.

            Example (output abridged):

              $ missionmatch columns export.xlsx --out export.columns.yaml
              export.xlsx, sheet Participants: 24 rows sampled
                field     confidence  column(s)
                id        high 1.00   Participant ID
                name      high 1.00   Organization name
                country   high 1.00   Country
                type      high 1.00   Organization type (values: 'SME' -> sme, …)
                sectors   high 1.00   Areas of activities (separator ';')
                offers    medium 0.70 Organization description, Marketplace offer
                …
              group_by: id (values of 'Participant ID' repeat)
              not mapped: City (text), Registration date (date)
              wrote export.columns.yaml

            Exit codes: 0 done, 64 usage, 65 unreadable file, 66 missing file, 73 cannot write.
            """
    )

    @Argument(help: "The export: a CSV file or an .xlsx workbook.")
    var file: String

    @Option(name: .long, help: "The workbook sheet to read (default: the first).")
    var sheet: String?

    @Option(name: .long, help: "Write the proposal to this mapping file (a columns: block).")
    var out: String?

    @Option(name: .long, help: "The data folder holding reference/ and programme/.")
    var data: String?

    func run() throws {
        let reference = try CommandInputs.reference(data: data)
        let url = URL(fileURLWithPath: file)
        let sample: ColumnSample
        do {
            sample = try ColumnSampleReader().read(contentsOf: url, sheet: sheet, displayName: file)
        } catch {
            StandardError.write(error.diagnostics.errorLines)
            throw SysExits.code(for: error.diagnostics)
        }
        let suggestion = ColumnSuggester(referenceData: reference).suggest(sample)
        print(Self.text(suggestion), terminator: "")
        if let out {
            try CommandInputs.write(suggestion.yaml, to: URL(fileURLWithPath: out), protecting: [url])
            print("wrote \(out)")
        }
    }

    /// The proposal as a table for the terminal.
    static func text(_ suggestion: ColumnSuggestion) -> String {
        var lines = ["\(suggestion.fileName)\(suggestion.sheet.map { ", sheet \($0)" } ?? ""): \(suggestion.sampledRows) rows sampled"]
        let width = max(16, (suggestion.fields.map(\.field.count).max() ?? 0) + 2)
        lines.append("  " + "field".padded(width) + "confidence   column(s)")
        for field in suggestion.fields {
            var detail = field.columns.joined(separator: ", ")
            if let separator = field.separator { detail += " (separator '\(separator == "\n" ? "\\n" : separator)')" }
            if !field.values.isEmpty {
                detail += " (values: " + field.values.prefix(4).map { "'\($0.label)' -> \($0.value)" }.joined(separator: ", ")
                    + (field.values.count > 4 ? ", …" : "") + ")"
            }
            lines.append("  " + field.field.padded(width) + "\(field.confidence.rawValue) \(String(format: "%.2f", field.score))".padded(13)
                         + detail)
            if !field.unmatchedLabels.isEmpty {
                lines.append("  " + "".padded(width + 13) + "no guess for " + field.unmatchedLabels.map { "'\($0)'" }.joined(separator: ", "))
            }
            for sector in field.unknownSectors {
                lines.append("  " + "".padded(width + 13) + "'\(sector.name)' is not in the taxonomy; nearest: "
                             + (sector.nearest.isEmpty ? "none" : sector.nearest.joined(separator: ", ")))
            }
        }
        if let group = suggestion.groupBy {
            lines.append("group_by: \(group) (values of '\(suggestion.field(group)?.columns.first ?? group)' repeat)")
        }
        if !suggestion.unmapped.isEmpty {
            lines.append("not mapped: " + suggestion.unmapped.map { "\($0.column) (\($0.kind))" }.joined(separator: ", "))
        }
        if !suggestion.missingRequired.isEmpty {
            lines.append("no column found for: " + suggestion.missingRequired.joined(separator: ", ") + " (required; map them by hand)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

private extension String {
    func padded(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
