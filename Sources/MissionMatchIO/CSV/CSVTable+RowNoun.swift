extension CSVTable {
    /// How messages name a row of this table: `line` in a CSV file, `row` in
    /// a workbook's sheet (whose rows are numbered as the spreadsheet numbers them).
    var rowNoun: String {
        if case .workbook = source { return "row" }
        return "line"
    }

    /// Another row of this table as a message names it: `line 12`, or `row 12` in a workbook.
    func place(_ number: Int) -> String { "\(rowNoun) \(number)" }
}
