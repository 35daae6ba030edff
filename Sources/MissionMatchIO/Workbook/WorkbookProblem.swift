/// Why a workbook, or a part of it, cannot be read: a message and what to do,
/// with the sheet and cell when the problem has one.
struct WorkbookProblem: Error, Sendable {
    var message: String
    var hint: String
    var kind: Diagnostic.Kind
    /// `Sheet1!C17`, when the problem is in a cell.
    var cell: String?

    init(kind: Diagnostic.Kind = .syntax, message: String, hint: String, cell: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
        self.cell = cell
    }

    /// The problem as a diagnostic of the workbook file.
    func diagnostic(file: String) -> Diagnostic {
        Diagnostic(kind: kind, file: file, message: message, hint: hint, cell: cell)
    }

    static func damaged(_ part: String, _ detail: String) -> WorkbookProblem {
        WorkbookProblem(message: "the workbook's \(part) cannot be read: \(detail)",
                        hint: "open the file in Excel or LibreOffice and save it again as .xlsx")
    }
}
